"""Staff in post and budgets from CSV extracts, for the oracle (docs/INPUT.md §18).

Written from the documentation, with Python's csv module, independently of the C++ reader.
apply_extracts(doc, folder) fills each staffing line's in-post and funded WTE (adding lines
that only the extracts name) and returns the reconciliation of every extract and the
distinct persons per level. Files are found relative to `folder`, the folder of the file the
oracle was given. The input is assumed valid.
"""
import csv
import datetime
import fnmatch
import re

NUMBER = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def number(cell):
    cell = cell.strip()
    sign = 1.0
    if len(cell) >= 2 and cell[0] == "(" and cell[-1] == ")":
        sign, cell = -1.0, cell[1:-1]
    elif cell.startswith("-"):
        sign, cell = -1.0, cell[1:]
    if not cell or cell == "." or not NUMBER.match(cell):
        raise ValueError(cell)
    return sign * float(cell.replace(",", ""))


def date(cell):
    """A date, or None for open-ended."""
    cell = cell.strip()
    if not cell:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", cell)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.match(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})$", cell)
        if m:
            y, mo, d = int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1])
        else:
            m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", cell)
            y, mo, d = int(m[3]), int(m[2]), int(m[1])
    value = datetime.date(y, mo, d)
    if value in (datetime.date(4712, 12, 31), datetime.date(1900, 1, 1)):
        return None
    return value


def matches(condition, row):
    """Every column listed matches one of its patterns (whole cell, trimmed, any case)."""
    for column, patterns in condition.items():
        if isinstance(patterns, str):
            patterns = [patterns]
        cell = row[column].strip().lower()
        if not any(fnmatch.fnmatchcase(cell, str(p).strip().lower()) for p in patterns):
            return False
    return True


def read_rows(path, delimiter):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        header = None
        for record in reader:
            if not record or record == [""]:
                continue
            cells = [c.strip() for c in record]
            if header is None:
                header = {}
                for i, name in enumerate(cells):
                    header.setdefault(name, i)
                continue
            yield {name: cells[i] for name, i in header.items()}


def apply_extracts(doc, folder):
    sources = doc.get("sources") or []
    teams = doc.get("teams") or []
    professions = [p["id"] for p in doc.get("professions") or []]
    as_of = (doc.get("review") or {}).get("as_of")
    as_of = date(str(as_of)) if as_of is not None else None
    team_of = {}
    for t in teams:
        for c in t.get("cost_centres") or []:
            team_of[str(c).strip()] = t["id"]
    sums = {}  # (team, profession) -> dict
    order = []
    persons = []  # (person, team, profession)
    reconciliation = []
    any_in_post = any(s["kind"] == "in_post" and s.get("snapshot") != "start" for s in sources)
    any_funded = any(s["kind"] == "funded" for s in sources)
    any_cost = any(s["kind"] == "funded" and "cost" in s["columns"] for s in sources)
    any_person = any(s["kind"] == "in_post" and s.get("snapshot") != "start" and "person" in s["columns"]
                     for s in sources)
    actual_sums = {}  # (team, profession or None for the team's own rows) -> sums
    snapshots = {"start": {"wte": {}, "persons": []}, "end": {"wte": {}, "persons": []}}
    for s in sources:
        cols = s["columns"]
        funded = s["kind"] == "funded"
        counts = s.get("snapshot") != "start" or funded
        delim = s.get("delimiter", ",")
        if delim in ("\\t", "tab"):
            delim = "\t"
        where_columns = []
        for rule in s.get("map") or []:
            for c in rule["where"]:
                if c not in where_columns:
                    where_columns.append(c)
        has_wte = "wte" in cols
        zero = 0.0 if has_wte else None
        rec = {"kind": s["kind"], "file": s["file"], "rows": 0, "wte_total": zero, "wte_used": zero,
               "wte_ended": zero, "wte_excluded": zero, "wte_held": zero,
               "wte_vacancy_factor": zero, "unmapped": []}
        actual_kind = s["kind"] in ACTUAL_KINDS
        unmapped = {}

        def unmapped_row(reason, cc, row, wte):
            value = " / ".join(row[c] for c in where_columns)
            key = (reason, cc) if reason == "cost_centre" else (reason, cc, value)
            if key not in unmapped:
                unmapped[key] = {"reason": reason, "cost_centre": cc,
                                 "value": value if s.get("map") else None, "rows": 0, "wte": zero}
                rec["unmapped"].append(unmapped[key])
            unmapped[key]["rows"] += 1
            if has_wte:
                unmapped[key]["wte"] += wte

        def add(part, wte):
            if has_wte:
                rec[part] += wte

        for row in read_rows(f"{folder}/{s['file']}", delim):
            rec["rows"] += 1
            wte = number(row[cols["wte"]]) if has_wte else 0.0
            add("wte_total", wte)
            if "end_date" in cols:
                end = date(row[cols["end_date"]])
                if as_of is not None and end is not None and end < as_of:
                    add("wte_ended", wte)
                    continue
            if (s.get("include") and not matches(s["include"], row)) or \
                    (s.get("exclude") and matches(s["exclude"], row)):
                add("wte_excluded", wte)
                continue
            cc = row[cols["cost_centre"]]
            team = team_of.get(cc)
            if team is None:
                unmapped_row("cost_centre", cc, row, wte)
                continue
            if funded and s.get("vacancy_factor") and matches(s["vacancy_factor"], row):
                add("wte_vacancy_factor", wte)
                continue
            if actual_kind and not s.get("map"):
                add("wte_used", wte)
                add_actual(actual_sums.setdefault((team, None), {}), s, row)
                continue
            prof = None
            for rule in s.get("map") or []:
                if rule.get("teams") is not None and team not in rule["teams"]:
                    continue
                if matches(rule["where"], row):
                    prof = rule["profession"]
                    break
            if prof is None:
                unmapped_row("profession", cc, row, wte)
                continue
            held = s["kind"] == "in_post" and s.get("held") and matches(s["held"], row)
            add("wte_held" if held else "wte_used", wte)
            if s["kind"] == "in_post" and not held and s.get("snapshot") in ("start", "end"):
                snap = snapshots[s["snapshot"]]
                snap["wte"][team] = snap["wte"].get(team, 0.0) + wte
                if "person" in cols and row[cols["person"]]:
                    snap["persons"].append((row[cols["person"]], team))
            key = (team, prof)
            if actual_kind:
                if key not in sums:
                    sums[key] = {"in_post": 0.0, "held": 0.0, "funded": 0.0, "cost": 0.0,
                                 "roles": 0}
                    order.append(key)
                add_actual(actual_sums.setdefault(key, {}), s, row)
                continue
            if not counts:
                continue
            if key not in sums:
                sums[key] = {"in_post": 0.0, "held": 0.0, "funded": 0.0, "cost": 0.0, "roles": 0}
                order.append(key)
            entry = sums[key]
            if funded:
                entry["funded"] += wte
                entry["cost"] += number(row[cols["cost"]]) if "cost" in cols else 0.0
            elif held:
                entry["held"] += wte
            else:
                entry["in_post"] += wte
                entry["roles"] += 1
                if "person" in cols and row[cols["person"]]:
                    persons.append((row[cols["person"]], team, prof))
        reconciliation.append(rec)

    by_id = {t["id"]: t for t in teams}
    for team, prof in order:  # lines that only the extracts name, in the order first met
        staffing = by_id[team].setdefault("staffing", [])
        if not any(l["profession"] == prof for l in staffing):
            staffing.append({"profession": prof})
    for t in teams:
        for adj in t.get("adjustments") or []:
            staffing = t.setdefault("staffing", [])
            if not any(l["profession"] == adj["profession"] for l in staffing):
                staffing.append({"profession": adj["profession"]})
    for t in teams:
        for line in t.get("staffing") or []:
            entry = sums.get((t["id"], line["profession"]),
                             {"in_post": 0.0, "held": 0.0, "funded": 0.0, "cost": 0.0, "roles": 0})
            adjustments = [float(a["in_post_wte"]) for a in t.get("adjustments") or []
                           if a["profession"] == line["profession"]]
            if (any_in_post or adjustments) and line.get("in_post_wte") is None:
                line["in_post_wte"] = entry["in_post"] + sum(adjustments)
            if any_funded and line.get("funded_wte") is None:
                line["funded_wte"] = entry["funded"]
            line["_held"] = entry["held"]
            line["_budget"] = entry["cost"] if any_cost else None
            line["_roles"] = entry["roles"] if any_in_post else None
            line["_rows_wte"] = entry["in_post"]
            if any_person:
                line["_headcount"] = len({p for p, tm, pr in persons
                                          if tm == t["id"] and pr == line["profession"]})
    headcounts = None
    if any_person:
        service_of = {t["id"]: t.get("service") for t in teams}
        headcounts = {
            "teams": {t["id"]: len({p for p, tm, _ in persons if tm == t["id"]}) for t in teams},
            "services": {},
            "professions": {pr: len({p for p, _, q in persons if q == pr}) for pr in professions},
            "organisation": len({p for p, _, _ in persons}),
        }
        for sid in {service_of[t["id"]] for t in teams}:
            headcounts["services"][sid] = len({p for p, tm, _ in persons if service_of[tm] == sid})
    fill_actuals(doc, sources, actual_sums, snapshots)
    return reconciliation, headcounts


ACTUAL_KINDS = ("sickness", "temporary", "leavers")


def add_actual(entry, source, row):
    """Adds one row of an actuals extract to the sums of a line or a team's own level."""
    cols = source["columns"]
    cell = lambda role: number(row[cols[role]])
    if source["kind"] == "sickness":
        entry["days_lost"] = entry.get("days_lost", 0.0) + cell("days_lost")
        entry["days_available"] = entry.get("days_available", 0.0) + cell("days_available")
    elif source["kind"] == "temporary":
        hours = cell("hours")
        cost = cell("cost") if "cost" in cols else 0.0
        agency = "agency" in cols and row[cols["agency"]].strip().lower() in (
            "yes", "true", "1", "agency")
        entry["temporary_hours"] = entry.get("temporary_hours", 0.0) + hours
        for k, v in (("agency_hours", hours if agency else 0.0),
                     ("agency_cost", cost if agency else 0.0),
                     ("bank_cost", 0.0 if agency else cost)):
            entry[k] = entry.get(k, 0.0) + v
    else:
        wte = cell("wte")
        reason = row[cols["reason"]].strip().lower() if "reason" in cols else None
        retired = reason is not None and any(
            fnmatch.fnmatchcase(reason, str(p).strip().lower()) for p in source.get("retirement") or [])
        entry["leavers"] = entry.get("leavers", 0.0) + 1
        entry["leavers_wte"] = entry.get("leavers_wte", 0.0) + wte
        entry["retirements_wte"] = entry.get("retirements_wte", 0.0) + (wte if retired else 0.0)


def fill_actuals(doc, sources, actual_sums, snapshots):
    """Sickness days and the quantities the YAML leaves unstated, on lines and teams' own
    levels; the snapshot means in doc["_snapshots"]."""
    kinds = {s["kind"] for s in sources}
    temporary = [s for s in sources if s["kind"] == "temporary"]
    known = {"temporary_hours": "temporary" in kinds,
             "agency_hours": any("agency" in s["columns"] for s in temporary),
             "bank_cost": any("cost" in s["columns"] for s in temporary),
             "leavers": "leavers" in kinds, "leavers_wte": "leavers" in kinds,
             "retirements_wte": any(s.get("retirement") for s in sources if s["kind"] == "leavers")}
    known["agency_cost"] = known["bank_cost"] and known["agency_hours"]
    for t in doc.get("teams") or []:
        for holder, key, team_level in [(t, (t["id"], None), True)] + [
                (ln, (t["id"], ln["profession"]), False) for ln in t.get("staffing") or []]:
            entry = actual_sums.get(key, {})
            stated = (holder.get("actuals") or {})
            stated_sickness = "sickness" in stated or "sickness" in (stated.get("absence") or {})
            if "days_available" in entry and entry["days_available"] > 0 and not stated_sickness:
                holder["_sickness_days"] = (entry["days_lost"], entry["days_available"])
            for k, is_known in known.items():
                kind_rows = "leavers" if k in ("leavers", "leavers_wte", "retirements_wte") \
                    else "temporary_hours"
                if not is_known or (kind_rows not in entry and not team_level):
                    continue
                actuals = holder.setdefault("actuals", {}) if holder.get("actuals") is None \
                    else holder["actuals"]
                if actuals.get(k) is None:
                    actuals[k] = entry.get(k, 0.0)
    starts = [s for s in sources if s["kind"] == "in_post" and s.get("snapshot") == "start"]
    ends = [s for s in sources if s["kind"] == "in_post" and s.get("snapshot") == "end"]
    if starts and ends and all("person" in s["columns"] for s in starts + ends):
        doc["_snapshots"] = {"wte": snapshots, "persons": True}
