#!/usr/bin/env python3
"""Independent oracle for estab's review arithmetic (docs/METHOD.md, and the JSON contract
in docs/OUTPUT.md §6).

Usage: estab_oracle.py FILE.yaml   -> prints the estab-review/1 JSON document.

An independent implementation, written from the documented method
(docs/METHOD.md) and not from the C++ sources.  It assumes the input is valid
(run `estab validate` first); it does no validation of its own beyond what it
needs to compute.  Requires python3 + PyYAML.  YAML scalars are resolved with
the YAML 1.2 core schema (so `1e3` is a number and `no`/`on` are strings, as
YAML 1.2 reads them, unlike PyYAML's default 1.1 rules).
"""
import json
import math
import os
import re
import sys

import yaml

EPS = 1e-9  # RAG boundaries: a value within 1e-9 of a boundary counts as inside it

FIXED = ["annual_leave", "bank_holidays", "sickness", "parenting", "other_leave",
         "study_leave", "training", "supervision"]
DEFAULTS = {"annual_leave": {"days": 27}, "bank_holidays": {"days": 8}}


# --------------------------------------------------------------------------
# YAML 1.2 core-schema loader
class CoreLoader(yaml.SafeLoader):
    pass


CoreLoader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]
for _tag, _rx, _first in _RESOLVERS:
    CoreLoader.add_implicit_resolver(_tag, re.compile(_rx), _first)


def _c_null(loader, node):
    return None


def _c_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def _c_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v, 10)


def _c_float(loader, node):
    v = loader.construct_scalar(node)
    low = v.lower()
    if low.endswith(".inf"):
        return -math.inf if low.startswith("-") else math.inf
    if low == ".nan":
        return math.nan
    return float(v)


CoreLoader.add_constructor("tag:yaml.org,2002:null", _c_null)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", _c_bool)
CoreLoader.add_constructor("tag:yaml.org,2002:int", _c_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", _c_float)


def load_yaml(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=CoreLoader)


# --------------------------------------------------------------------------
# overlays (extends, docs/INPUT.md §16), so that scenario files can be checked too
ID_LISTS = {"professions": "id", "services": "id", "teams": "id", "staffing": "profession"}


def overlay(base, top, key=None):
    if isinstance(base, dict) and isinstance(top, dict):
        out = dict(base)
        for k, v in top.items():
            out[k] = overlay(base[k], v, k) if k in base else strip_removed(v, k)
        return out
    if key in ID_LISTS and isinstance(base, list) and isinstance(top, list):
        idk = ID_LISTS[key]
        out = [dict(x) for x in base]
        for item in top:
            match = [i for i, x in enumerate(out) if x is not None and x.get(idk) == item.get(idk)]
            if match:
                i = match[0]
                if item.get("remove") is True:
                    out[i] = None
                else:
                    out[i] = overlay(out[i], item)
            elif item.get("remove") is not True:
                out.append(strip_removed(item))
        return [x for x in out if x is not None]
    return strip_removed(top, key)


def strip_removed(v, key=None):
    if key in ID_LISTS and isinstance(v, list):
        return [strip_removed(x) for x in v if not (isinstance(x, dict) and x.get("remove") is True)]
    if isinstance(v, dict):
        return {k: strip_removed(x, k) for k, x in v.items() if k != "remove"}
    return v


def raw_review_text(path):
    """review.organisation/title/period exactly as written (a number-looking
    title such as `1e3` or a period such as `2025.10` is shown as written)."""
    with open(path, encoding="utf-8") as fh:
        root = yaml.compose(fh, Loader=CoreLoader)
    out = {}
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if k.value == "review" and isinstance(v, yaml.MappingNode):
                for kk, vv in v.value:
                    if kk.value in ("organisation", "title", "period") and isinstance(vv, yaml.ScalarNode):
                        if vv.tag != "tag:yaml.org,2002:null":
                            out[kk.value] = vv.value
    return out


def load_doc(path, depth=0):
    doc = load_yaml(path) or {}
    raw = raw_review_text(path)
    ext = doc.get("extends")
    if ext and depth < 16:
        base = load_doc(os.path.join(os.path.dirname(path), ext), depth + 1)
        raw = dict(base.get("_raw_text", {}), **raw)
        doc = overlay(base, {k: v for k, v in doc.items() if k != "extends"})
    doc["_raw_text"] = raw
    return doc


# --------------------------------------------------------------------------
# values
def num(v, default=0.0):
    if v is None:
        return float(default)
    if isinstance(v, bool):
        raise ValueError(f"expected a number, got {v!r}")
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        return float(v.strip())
    raise ValueError(f"expected a number, got {v!r}")


def pct(v):
    if isinstance(v, str) and v.strip().endswith("%"):
        return float(v.strip()[:-1].strip()) / 100.0
    raise ValueError(f"expected a percentage like 4.5%, got {v!r}")


def sdiv(a, b):
    return None if b == 0 else a / b


# --------------------------------------------------------------------------
class Oracle:
    def __init__(self, doc):
        self.doc = doc
        rv = doc.get("review") or {}
        self.rv = rv
        self.std = num(rv.get("standard_hours"), 37.5)
        self.wd = num(rv.get("working_days")) if rv.get("working_days") is not None else 365 * 5 / 7
        self.hd = self.std / 5.0
        self.Hy = self.wd * self.hd
        self.W = self.wd / 5.0
        self.method = rv.get("uplift_method") or "exact"
        self.gap_tol = pct(rv["gap_tolerance"]) if rv.get("gap_tolerance") is not None else 0.05
        self.org_assump = doc.get("assumptions") or {}
        self.profs = doc.get("professions") or []
        self.prof_by_id = {p["id"]: p for p in self.profs}
        self.services = doc.get("services") or []
        self.teams = doc.get("teams") or []
        sm = doc.get("skill_mix") or {}
        self.org_target = pct(sm["registered_target"]) if sm.get("registered_target") is not None else None
        self.org_tol = pct(sm["tolerance"]) if sm.get("tolerance") is not None else 0.05

    # ---- allowances (docs/METHOD.md §3.2)
    def allowance(self, comp, v, hc):
        if isinstance(v, str):
            return pct(v)
        if isinstance(v, dict):
            if len(v) != 1:
                raise ValueError(f"{comp}: expected one form, got {v!r}")
            (k, x), = v.items()
            if k == "days":
                return num(x) / self.wd
            if k == "hours":
                return num(x) / self.Hy
            if k == "hours_per_head":
                return num(x) * hc / self.Hy
            if k == "by_service" and comp == "annual_leave":
                return sum(pct(b["share"]) * num(b["days"]) for b in x) / self.wd
        raise ValueError(f"{comp}: unrecognised allowance {v!r}")

    def non_time(self, v, a):
        if v is None:
            return 0.0
        if isinstance(v, str):
            return pct(v)
        if isinstance(v, dict) and len(v) == 1:
            (k, x), = v.items()
            if k == "days":
                return num(x) / (self.wd * (1 - a))
            if k == "hours":
                return num(x) / (self.Hy * (1 - a))
            if k == "minutes_per_day":
                return num(x) / 60.0 / self.hd
        raise ValueError(f"unrecognised non_*_time {v!r}")

    # ---- absence resolution (docs/METHOD.md §4)
    def absence(self, team, prof, line):
        levels = [("line", line.get("assumptions") or {}),
                  ("team", team.get("assumptions") or {}),
                  ("profession", prof.get("assumptions") or {}),
                  ("organisation", self.org_assump)]

        def resolve(key, default):
            for name, a in levels:
                if key in a and a[key] is not None:
                    return a[key], name
            return default, "default"

        hc_v, _ = resolve("headcount_per_wte", 1.0)
        hc = num(hc_v)
        out = []
        for c in FIXED:
            v, src = resolve(c, DEFAULTS.get(c, "0%"))
            out.append({"component": c, "fraction": self.allowance(c, v, hc), "source": src})
        names = set()
        for _, a in levels:
            names.update((a.get("additional") or {}).keys())
        for n in sorted(names):
            for lvl, a in levels:
                add = a.get("additional") or {}
                if n in add:
                    out.append({"component": n, "fraction": self.allowance(n, add[n], hc), "source": lvl})
                    break
        return out

    # ---- demand (docs/METHOD.md §7)
    def demand(self, line, a):
        d = 0.0
        roster_obs = 0.0
        for s in line.get("roster") or []:
            h = num(s.get("staff")) * num(s.get("paid_hours")) * num(s.get("days_per_week"), 7)
            d += h
            roster_obs += h
        ob = line.get("observations")
        if ob:
            h = num(ob.get("hours_per_day")) * num(ob.get("days_per_week"), 7)
            d += h
            roster_obs += h
        cl = line.get("caseload")
        if cl:
            n = self.non_time(cl.get("non_caseload_time"), a)
            tot = sum(num(b.get("cases")) * num(b.get("hours_per_case_per_month")) * 12 / self.W
                      for b in cl.get("bands") or [])
            d += tot / (1 - n)
        ac = line.get("activities")
        if ac:
            n = self.non_time(ac.get("non_activity_time"), a)
            hrs = sum(num(i.get("per_year")) * num(i.get("minutes")) / 60.0 for i in ac.get("items") or [])
            d += (hrs / (1 - n) + num(ac.get("individual_allowance_hours"))) / self.W
        if line.get("hours_per_week") is not None:
            d += num(line.get("hours_per_week"))
        return d, roster_obs

    def line_result(self, team, line):
        prof = self.prof_by_id[line["profession"]]
        ab = self.absence(team, prof, line)
        a = sum(x["fraction"] for x in ab)
        u_exact = a / (1 - a)
        u_add = a
        f = 1 / (1 - a) if self.method == "exact" else 1 + a
        d, roster_obs = self.demand(line, a)
        productive = d / self.std
        fixed = num(line.get("fixed_wte"))
        required = productive * f + fixed
        funded = num(line.get("funded_wte"))
        in_post = num(line.get("in_post_wte"))
        net_gap = required - in_post
        net_gap_rate = sdiv(net_gap, required)
        if required == 0 or net_gap_rate is None or net_gap_rate <= self.gap_tol + EPS:
            rag = "green"
        elif net_gap_rate <= 2 * self.gap_tol + EPS:
            rag = "amber"
        else:
            rag = "red"
        cost = line.get("cost_per_wte")
        if cost is None:
            cost = prof.get("cost_per_wte")
        cost = None if cost is None else num(cost)
        costed = (lambda x: None) if cost is None else (lambda x: x * cost)
        r = {
            "team": team["id"],
            "service": team.get("service"),
            "profession": prof["id"],
            "registered": bool(prof.get("registered")),
            "absence": ab,
            "absence_total": a,
            "uplift_exact": u_exact,
            "uplift_additive": u_add,
            "uplift_applied": f - 1,
            "demand_hours_per_week": d,
            "productive_wte": productive,
            "fixed_wte": fixed,
            "required_wte": required,
            "funded_wte": funded,
            "in_post_wte": in_post,
            "establishment_gap_wte": required - funded,
            "vacancy_wte": funded - in_post,
            "vacancy_rate": sdiv(funded - in_post, funded),
            "net_gap_wte": net_gap,
            "net_gap_rate": net_gap_rate,
            "gap_rag": rag,
            "wisn_ratio": sdiv(in_post, required),
            "additive_shortfall_wte": productive * (1 / (1 - a) - (1 + a)),
            "cost_per_wte": cost,
            "required_cost": costed(required),
            "funded_cost": costed(funded),
            "in_post_cost": costed(in_post),
            "uplift_cost": costed(required - fixed - productive),
        }
        extra = {"roster_obs_hours": roster_obs,
                 "judgement_wte": None if line.get("judgement_wte") is None else num(line.get("judgement_wte"))}
        return r, extra

    # ---- roll-ups and skill mix (docs/METHOD.md §13, §9.2)
    def totals(self, lines, target, tol):
        s = lambda k, ls=lines: sum(l[k] for l in ls)
        reg = [l for l in lines if l["registered"]]
        prod, req, fund, inp = s("productive_wte"), s("required_wte"), s("funded_wte"), s("in_post_wte")
        rreq, rfund, rinp = s("required_wte", reg), s("funded_wte", reg), s("in_post_wte", reg)
        share_inp = sdiv(rinp, inp)
        if target is None:
            rag = "none"
        elif inp == 0 or share_inp is None:
            rag = "red"
        else:
            dev = abs(share_inp - target)
            rag = "green" if dev <= tol + EPS else "amber" if dev <= 2 * tol + EPS else "red"
        costed = [l for l in lines if l["cost_per_wte"] is not None]
        return {
            "productive_wte": prod,
            "required_wte": req,
            "funded_wte": fund,
            "in_post_wte": inp,
            "establishment_gap_wte": req - fund,
            "vacancy_wte": fund - inp,
            "net_gap_wte": req - inp,
            "registered_required_wte": rreq,
            "registered_in_post_wte": rinp,
            "registered_share_required": sdiv(rreq, req),
            "registered_share_funded": sdiv(rfund, fund),
            "registered_share_in_post": share_inp,
            "registered_target": target,
            "registered_gap_wte": None if target is None else target * req - rinp,
            "skill_mix_rag": rag,
            "required_cost": sum(l["required_cost"] for l in costed) if costed else None,
            "funded_cost": sum(l["funded_cost"] for l in costed) if costed else None,
        }

    def run(self):
        lines, team_rows = [], []
        by_team = {}
        for t in self.teams:
            tl, extras = [], []
            for ln in t.get("staffing") or []:
                r, ex = self.line_result(t, ln)
                tl.append(r)
                extras.append(ex)
            lines.extend(tl)
            by_team[t["id"]] = tl
            sm = t.get("skill_mix") or {}
            target = pct(sm["registered_target"]) if sm.get("registered_target") is not None else self.org_target
            tol = pct(sm["tolerance"]) if sm.get("tolerance") is not None else self.org_tol
            row = {"team": t["id"], "service": t.get("service")}
            row.update(self.totals(tl, target, tol))
            if t.get("beds") is not None:
                b = num(t["beds"]) * pct(t["occupancy"])
                bench = num(t["chppd_benchmark"])
                row["chppd_planned"] = sdiv(sum(e["roster_obs_hours"] for e in extras) / 7.0, b)
                row["chppd_benchmark"] = bench
                row["benchmark_productive_wte"] = bench * b * 7 / self.std
            else:
                row["chppd_planned"] = row["chppd_benchmark"] = row["benchmark_productive_wte"] = None
            js = [e["judgement_wte"] for e in extras if e["judgement_wte"] is not None]
            row["judgement_wte"] = sum(js) if js else None
            team_rows.append(row)

        services = []
        for sv in self.services:
            sl = [l for l in lines if l["service"] == sv["id"]]
            row = {"service": sv["id"]}
            row.update(self.totals(sl, self.org_target, self.org_tol))
            services.append(row)
        if any(t.get("service") is None for t in self.teams):
            sl = [l for l in lines if l["service"] is None]
            row = {"service": None}
            row.update(self.totals(sl, self.org_target, self.org_tol))
            services.append(row)

        profs = []
        for p in self.profs:
            pl = [l for l in lines if l["profession"] == p["id"]]
            s = lambda k: sum(l[k] for l in pl)
            req, fund, inp = s("required_wte"), s("funded_wte"), s("in_post_wte")
            costed = [l for l in pl if l["cost_per_wte"] is not None]
            profs.append({
                "profession": p["id"],
                "registered": bool(p.get("registered")),
                "productive_wte": s("productive_wte"),
                "required_wte": req,
                "funded_wte": fund,
                "in_post_wte": inp,
                "establishment_gap_wte": req - fund,
                "vacancy_wte": fund - inp,
                "net_gap_wte": req - inp,
                "vacancy_rate": sdiv(fund - inp, fund),
                "net_gap_rate": sdiv(req - inp, req),
                "required_cost": sum(l["required_cost"] for l in costed) if costed else None,
                "funded_cost": sum(l["funded_cost"] for l in costed) if costed else None,
            })

        rv = self.rv

        raw = self.doc.get("_raw_text", {})

        def text(k):
            v = rv.get(k)
            return None if v is None else raw.get(k, str(v))

        return {
            "schema": "estab-review/1",
            "review": {
                "organisation": text("organisation"),
                "title": text("title"),
                "period": text("period"),
                "uplift_method": self.method,
                "standard_hours": self.std,
                "working_days": self.wd,
                "contracted_hours_per_wte": self.Hy,
            },
            "lines": lines,
            "teams": team_rows,
            "services": services,
            "professions": profs,
            "organisation": self.totals(lines, self.org_target, self.org_tol),
            "warnings": [],
        }


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    doc = load_doc(argv[1])
    json.dump(Oracle(doc).run(), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
