"""Actuals against assumptions for the oracle (docs/METHOD.md, "Actuals against
assumptions"): written from the documented definitions, not from the C++ sources.

A line's actual absence per component (its own `actuals`, else its team's), the variance
against what is assumed, the required WTE were the actuals to hold; and for teams and every
roll-up the bank and agency staff and leavers, every rate from summed parts."""
REL_EDGE = 1e-12  # as estab_oracle.py: an edge met in decimal terms counts as inside


def inside(v, edge):
    return v <= edge + max(abs(v), abs(edge)) * REL_EDGE


def sdiv(a, b):
    return None if b == 0 else a / b


FIXED = ["annual_leave", "bank_holidays", "sickness", "parenting", "other_leave",
         "study_leave", "training", "supervision"]
WORKFORCE = ["temporary_hours", "agency_hours", "bank_cost", "agency_cost", "temporary_wte",
             "temporary_share", "temporary_rag", "temporary_covers_net_gap_wte",
             "agency_share_hours", "agency_cost_share", "temporary_premium", "leavers",
             "leavers_wte", "retirements_wte", "mean_headcount", "leaver_rate_headcount",
             "leaver_rate_wte", "retirement_rate_wte"]
QUANTITIES = ["temporary_hours", "agency_hours", "bank_cost", "agency_cost", "leavers",
              "leavers_wte", "retirements_wte"]


def rag(value, tolerance, amber):
    if inside(value, tolerance):
        return "green"
    return "amber" if inside(value, amber * tolerance) else "red"


def stated_absence(actuals):
    absence = dict((actuals or {}).get("absence") or {})
    if (actuals or {}).get("sickness") is not None:
        absence["sickness"] = actuals["sickness"]
    return absence


def ordered(names):
    return [n for n in FIXED if n in names] + sorted(n for n in names if n not in FIXED)


def line_actuals(oracle, team, line, result):
    """The line's actual fields; the components are kept in result["_actuals"]."""
    own = stated_absence(line.get("actuals"))
    inherited = stated_absence(team.get("actuals"))
    hc = result["headcount_per_wte"]
    assumed = {x["component"]: x["fraction"] for x in result["absence"]}
    comps = []
    # Sickness: the line's YAML, the line's extract days, the team's YAML, the team's days.
    days_of = {"line": line.get("_sickness_days"), "team": team.get("_sickness_days")}
    names = set(own) | set(inherited)
    if days_of["line"] or days_of["team"]:
        names.add("sickness")
    for name in ordered(names):
        days = None
        if name in own:
            actual = oracle.allowance(name, own[name], hc)
        elif name == "sickness" and days_of["line"]:
            days = ("line", id(line), days_of["line"])
        elif name in inherited:
            actual = oracle.allowance(name, inherited[name], hc)
        else:
            days = ("team", id(team), days_of["team"])
        if days is not None:
            lost, available = days[2]
            actual = lost / available if available else 0.0
        comps.append((name, actual, assumed.get(name, 0.0), days))
    result["_actuals"] = comps
    out = {"absence_variance": None, "required_wte_at_actual": None, "headroom_gap_wte": None,
           "headroom_gap_cost": None, "actuals_rag": "none"}
    if comps:
        for name, actual, _, _ in comps:
            out["actual_" + name] = actual
        variance = sum(c[1] for c in comps) - sum(c[2] for c in comps)
        out["absence_variance"] = variance
        out["actuals_rag"] = rag(abs(variance), oracle.actuals_tol, 2)
        a = result["absence_total"] + variance
        if 0 <= a < 1:
            d, _ = oracle.demand(line, a)
            required = d / oracle.std * oracle.factor(a) + result["fixed_wte"]
            out["required_wte_at_actual"] = required
            out["headroom_gap_wte"] = required - result["required_wte"]
            if result["cost_per_wte"] is not None:
                out["headroom_gap_cost"] = out["headroom_gap_wte"] * result["cost_per_wte"]
    return out


def rollup_absence(oracle, lines):
    """A roll-up's actual absence: each component weighted by in-post WTE over the lines that
    have it (by required WTE where none is in post, else a plain mean)."""
    out = {"absence_variance": None, "required_wte_at_actual": None, "headroom_gap_wte": None,
           "headroom_gap_cost": None, "actuals_rag": "none"}
    with_actual = [l for l in lines if l["_actuals"]]
    if not with_actual:
        return out
    names = ordered({c[0] for l in with_actual for c in l["_actuals"]})
    variance = 0.0
    actual_sum = assumed_sum = 0.0
    for name in names:
        pairs = [(l, c) for l in with_actual for c in l["_actuals"] if c[0] == name]
        day_sets = {}
        for _, c in pairs:
            if c[3] is not None:
                entry = day_sets.setdefault(c[3][:2], [c[3][2], 0.0, 0])
                entry[1] += c[2]
                entry[2] += 1
        available = sum(e[0][1] for e in day_sets.values())
        if all(c[3] is not None for _, c in pairs) and available > 0:
            # From days: Σ lost / Σ available, the assumed side weighted by the same days.
            actual = sum(e[0][0] for e in day_sets.values()) / available
            assumed = sum(e[0][1] * e[1] / e[2] for e in day_sets.values()) / available
        else:
            for key in ("in_post_wte", "required_wte", None):
                weights = [1.0 if key is None else l[key] for l, _ in pairs]
                if sum(weights) > 0:
                    break
            total = sum(weights)
            actual = sum(w * c[1] for w, (_, c) in zip(weights, pairs)) / total
            assumed = sum(w * c[2] for w, (_, c) in zip(weights, pairs)) / total
        out["actual_" + name] = actual
        actual_sum += actual
        assumed_sum += assumed
    variance = actual_sum - assumed_sum
    out["absence_variance"] = variance
    out["actuals_rag"] = rag(abs(variance), oracle.actuals_tol, 2)
    at_actual = [l["required_wte_at_actual"] if l["_actuals"] else l["required_wte"] for l in lines]
    if all(x is not None for x in at_actual):
        out["required_wte_at_actual"] = sum(at_actual)
        out["headroom_gap_wte"] = sum(at_actual) - sum(l["required_wte"] for l in lines)
        costs = [l["headroom_gap_cost"] for l in with_actual if l["headroom_gap_cost"] is not None]
        out["headroom_gap_cost"] = sum(costs) if costs else None
    return out


def stated_quantities(actuals):
    return {k: (actuals or {}).get(k) for k in QUANTITIES}


def rollup_workforce(oracle, lines, teams, totals, team_level):
    """Bank and agency staff and leavers of a team (team_level) or a roll-up of `teams`: the
    quantities summed over the teams' own statements and their lines', then the rates."""
    out = {}
    sources = [stated_quantities(t.get("actuals")) for t in teams]
    sources += [stated_quantities(ln.get("actuals")) for t in teams for ln in t.get("staffing") or []]
    for k in QUANTITIES:
        known = [float(s[k]) for s in sources if s[k] is not None]
        out[k] = sum(known) if known else None
    mean = (teams[0].get("actuals") or {}).get("mean_headcount") if team_level else None
    out["mean_headcount"] = None if mean is None else float(mean)
    mean_wte = totals["in_post_wte"]
    snapshots = oracle.doc.get("_snapshots")
    if snapshots:  # the means of the start and end snapshots, over this level's teams
        ids = {t["id"] for t in teams}
        sides = snapshots["wte"]
        mean_wte = sum(sides[side]["wte"].get(i, 0.0) for side in sides for i in ids) / 2
        if snapshots["persons"]:
            out["mean_headcount"] = sum(len({p for p, tm in sides[side]["persons"] if tm in ids})
                                        for side in sides) / 2
    required = sum(l["required_wte"] for l in lines)
    if required > 0:
        a = sum(l["required_wte"] * l["absence_total"] for l in lines) / required
    elif lines:
        a = sum(l["absence_total"] for l in lines) / len(lines)
    else:
        a = 0.0
    for k in ("temporary_wte", "temporary_share", "temporary_covers_net_gap_wte",
              "temporary_premium"):
        out[k] = None
    out["temporary_rag"] = "none"
    T = out["temporary_hours"]
    if T is not None:
        tw = T / (oracle.std * oracle.W)
        out["temporary_wte"] = tw
        out["temporary_share"] = sdiv(tw, totals["in_post_wte"] * (1 - a) + tw)
        if oracle.temporary_threshold is not None and out["temporary_share"] is not None:
            out["temporary_rag"] = rag(out["temporary_share"], oracle.temporary_threshold, 1.5)
        out["temporary_covers_net_gap_wte"] = min(tw / (1 - a), max(totals["net_gap_wte"], 0.0))
        costed = [l for l in lines if l["required_cost"] is not None]
        if costed and (out["bank_cost"] is not None or out["agency_cost"] is not None):
            cost_per_wte = sdiv(sum(l["required_cost"] for l in costed),
                                sum(l["required_wte"] for l in costed))
            if cost_per_wte is not None:
                out["temporary_premium"] = ((out["bank_cost"] or 0.0) + (out["agency_cost"] or 0.0)
                                            - tw * cost_per_wte / (1 - a))
    out["agency_share_hours"] = (None if out["agency_hours"] is None or T is None
                                 else sdiv(out["agency_hours"], T))
    out["agency_cost_share"] = (None if out["bank_cost"] is None or out["agency_cost"] is None
                                else sdiv(out["agency_cost"], out["bank_cost"] + out["agency_cost"]))
    def rate(k, denominator):
        return None if out[k] is None or denominator is None else sdiv(out[k], denominator)
    out["leaver_rate_headcount"] = rate("leavers", out["mean_headcount"])
    out["leaver_rate_wte"] = rate("leavers_wte", mean_wte)
    out["retirement_rate_wte"] = rate("retirements_wte", mean_wte)
    return {k: out[k] for k in WORKFORCE}
