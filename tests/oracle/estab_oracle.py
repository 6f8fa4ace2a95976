#!/usr/bin/env python3
"""Independent oracle for estab's review arithmetic (docs/METHOD.md, and the JSON contract
in docs/OUTPUT.md §6).

Usage: estab_oracle.py FILE.yaml   -> prints the estab-review/2 JSON document.

An independent implementation, written from the documented method
(docs/METHOD.md) and not from the C++ sources.  It assumes the input is valid
(run `estab validate` first); it does no validation of its own beyond what it
needs to compute.  Requires python3 + PyYAML.  YAML scalars are resolved with
the YAML 1.2 core schema (so `1e3` is a number and `no`/`on` are strings, as
YAML 1.2 reads them, unlike PyYAML's default 1.1 rules), and a `name` is
kept as written (a name such as `1e3` stays "1e3").

Review-level behaviour beyond docs/METHOD.md that this oracle implements:
- every record carrying an id also carries its name (the id when no name is
  written; the "(none)" service and a line or team without a service have
  a null service name);
- team, service, organisation and profession roll-ups carry every summed
  figure the lines have (costs, additive shortfall, fixed WTE, demand hours,
  rates from the summed WTE, gross vacancies and over-establishment);
- service and organisation skill-mix targets are the required-WTE-weighted
  mean of their teams' effective targets (`registered_target: none` opts a
  team out), rated on those teams' in-post registered share;
- inpatient triangulation on a contracted basis (rostered and benchmark
  required WTE, headroom included);
- RAG edges decided with a relative slack of 1e-12, so a value that is at a
  boundary in decimal terms is inside it.
"""
import json
import math
import os
import re
import sys

import yaml

import oracle_actuals
import oracle_extracts

REL_EDGE = 1e-12  # RAG edges: within max(|value|, |edge|) x 1e-12 of an edge counts as inside


def inside(v, edge):
    """v is at most edge, an edge met in decimal terms (lost only to binary rounding) included."""
    return v <= edge + max(abs(v), abs(edge)) * REL_EDGE


FIXED = ["annual_leave", "bank_holidays", "sickness", "parenting", "other_leave",
         "study_leave", "training", "supervision"]
DEFAULTS = {"annual_leave": {"days": 27}, "bank_holidays": {"days": 8}}


# --------------------------------------------------------------------------
# YAML 1.2 core-schema loader
class CoreLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        m = super().construct_mapping(node, deep)
        for k, v in node.value:  # names are text, kept exactly as written
            if (isinstance(k, yaml.ScalarNode) and k.value == "name" and isinstance(v, yaml.ScalarNode)
                    and v.tag != "tag:yaml.org,2002:null"):
                m["name"] = v.value
        return m


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
# Values that an overlay replaces whole, never key by key: a time allowance is one value
# whichever form it is written in ({days: …}, {hours: …}, {by_service: …}, …), so laying
# {hours: 10} over {days: 27} gives {hours: 10}.  The eight absence components, each
# entry of `additional` (the map itself merges per name), and the two non-*_time shares.
ID_LISTS = {"professions": "id", "services": "id", "teams": "id", "staffing": "profession"}
WHOLE_VALUES = set(FIXED) | {"non_caseload_time", "non_activity_time"}


def replaced_whole(key, parent):
    return key in WHOLE_VALUES or parent == "additional"


def overlay(base, top, key=None, parent=None):
    """Lay `top` over `base`.  Maps merge key by key (except whole values, above), id lists
    merge by id, other lists are replaced; `remove: true` drops an id-list entry; a null
    (`~`) removes the key, so the default or the next level applies."""
    if isinstance(base, dict) and isinstance(top, dict) and not replaced_whole(key, parent):
        out = dict(base)
        for k, v in top.items():
            if v is None:
                out.pop(k, None)
            elif k in base:
                out[k] = overlay(base[k], v, k, key)
            else:
                out[k] = strip_removed(v, k)
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
        return {k: strip_removed(x, k) for k, x in v.items() if k != "remove" and x is not None}
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


def name_of(rec):
    """A record's name as written, or its id where no name is written."""
    n = rec.get("name")
    return rec["id"] if n is None else n


def target_value(v):
    """A registered target: a percentage, or `none` (any case) for no target."""
    if isinstance(v, str) and v.strip().lower() == "none":
        return None
    return pct(v)


# --------------------------------------------------------------------------
class Oracle:
    def __init__(self, doc, folder="."):
        self.doc = doc
        self.reconciliation, self.headcounts = [], None
        if doc.get("sources"):
            self.reconciliation, self.headcounts = oracle_extracts.apply_extracts(doc, folder)
        rv = doc.get("review") or {}
        self.rv = rv
        self.std = num(rv.get("standard_hours"), 37.5)
        self.wd = num(rv.get("working_days")) if rv.get("working_days") is not None else 365 * 5 / 7
        self.hd = self.std / 5.0
        self.Hy = self.wd * self.hd
        self.W = self.wd / 5.0
        self.method = rv.get("uplift_method") or "exact"
        self.gap_tol = pct(rv["gap_tolerance"]) if rv.get("gap_tolerance") is not None else 0.05
        self.actuals_tol = (pct(rv["actuals_tolerance"]) if rv.get("actuals_tolerance") is not None
                            else 0.01)
        self.temporary_threshold = (pct(rv["temporary_threshold"])
                                    if rv.get("temporary_threshold") is not None else None)
        self.org_assump = doc.get("assumptions") or {}
        self.profs = doc.get("professions") or []
        self.prof_by_id = {p["id"]: p for p in self.profs}
        self.services = doc.get("services") or []
        self.service_by_id = {sv["id"]: sv for sv in self.services}
        self.teams = doc.get("teams") or []
        sm = doc.get("skill_mix") or {}
        self.org_target = target_value(sm["registered_target"]) if sm.get("registered_target") is not None else None
        self.org_tol = pct(sm["tolerance"]) if sm.get("tolerance") is not None else 0.05
        # the organisation's factor: organisation assumptions over the defaults, its own
        # headcount_per_wte, the review's uplift method (what a line stating nothing gets)
        self.org_factor = self.factor(sum(x["fraction"] for x in
                                          self.resolve_absence([("organisation", self.org_assump)])))

    def factor(self, a):
        return 1 / (1 - a) if self.method == "exact" else 1 + a

    def service_name(self, sid):
        if sid is None:
            return None
        return name_of(self.service_by_id.get(sid) or {"id": sid})

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
        return self.resolve_absence([("line", line.get("assumptions") or {}),
                                     ("team", team.get("assumptions") or {}),
                                     ("profession", prof.get("assumptions") or {}),
                                     ("organisation", self.org_assump)])

    def headcount_per_wte(self, team, prof, line):
        """The people per WTE a line resolves to: line, team, profession, organisation, 1."""
        for a in (line.get("assumptions") or {}, team.get("assumptions") or {},
                  prof.get("assumptions") or {}, self.org_assump):
            if a.get("headcount_per_wte") is not None:
                return num(a["headcount_per_wte"])
        return 1.0

    def resolve_absence(self, levels):
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
            names.update(n for n, v in (a.get("additional") or {}).items() if v is not None)
        for n in sorted(names):
            for lvl, a in levels:
                add = a.get("additional") or {}
                if add.get(n) is not None:
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
        f = self.factor(a)
        d, roster_obs = self.demand(line, a)
        productive = d / self.std
        fixed = num(line.get("fixed_wte"))
        required = productive * f + fixed
        funded = num(line.get("funded_wte"))
        in_post = num(line.get("in_post_wte"))
        net_gap = required - in_post
        net_gap_rate = sdiv(net_gap, required)
        if required == 0 or net_gap_rate is None or inside(net_gap_rate, self.gap_tol):
            rag = "green"
        elif inside(net_gap_rate, 2 * self.gap_tol):
            rag = "amber"
        else:
            rag = "red"
        cost = line.get("cost_per_wte")
        if cost is None:
            cost = prof.get("cost_per_wte")
        cost = None if cost is None else num(cost)
        costed = (lambda x: None) if cost is None else (lambda x: x * cost)
        shortfall = productive * (1 / (1 - a) - (1 + a))
        sid = team.get("service")
        r = {
            "team": team["id"],
            "team_name": name_of(team),
            "service": sid,
            "service_name": self.service_name(sid),
            "profession": prof["id"],
            "profession_name": name_of(prof),
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
            "additive_shortfall_wte": shortfall,
            "cost_per_wte": cost,
            "required_cost": costed(required),
            "funded_cost": costed(funded),
            "in_post_cost": costed(in_post),
            "uplift_cost": costed(required - fixed - productive),
            "additive_shortfall_cost": costed(shortfall),
            # From the extracts, when the file reads any (oracle_extracts.py).
            "held_wte": line.get("_held", 0.0),
            "recruitable_vacancy_wte": funded - in_post - line.get("_held", 0.0),
            "funded_budget": line.get("_budget"),
            "budget_gap": (None if line.get("_budget") is None or cost is None
                           else line["_budget"] - funded * cost),
            "in_post_roles": line.get("_roles"),
            "in_post_headcount": line.get("_headcount"),
            "headcount_per_wte": self.headcount_per_wte(team, prof, line),
            "observed_headcount_per_wte": (None if line.get("_headcount") is None
                                           else sdiv(line["_headcount"], line["_rows_wte"])),
        }
        r.update(oracle_actuals.line_actuals(self, team, line, r))
        extra = {"roster_obs_hours": roster_obs, "factor": f,
                 "judgement_wte": None if line.get("judgement_wte") is None else num(line.get("judgement_wte"))}
        return r, extra

    # ---- roll-ups and skill mix (docs/METHOD.md §13, §9.2)
    def skill_mix_rag(self, target, registered_in_post, in_post, tol):
        """Two-sided: |in-post registered share - target| within tol green, within 2 tol amber;
        red further out, or with a target and nobody in post; none without a target."""
        if target is None:
            return "none"
        if in_post == 0:
            return "red"
        dev = abs(registered_in_post / in_post - target)
        return "green" if inside(dev, tol) else "amber" if inside(dev, 2 * tol) else "red"

    def totals(self, lines, target, tol):
        s = lambda k, ls=lines: sum(l[k] for l in ls)
        reg = [l for l in lines if l["registered"]]
        prod, req, fund, inp = s("productive_wte"), s("required_wte"), s("funded_wte"), s("in_post_wte")
        rreq, rfund, rinp = s("required_wte", reg), s("funded_wte", reg), s("in_post_wte", reg)
        out = {
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
            "registered_share_in_post": sdiv(rinp, inp),
            "registered_target": target,
            "registered_gap_wte": None if target is None else target * req - rinp,
            "skill_mix_rag": self.skill_mix_rag(target, rinp, inp, tol),
        }
        out.update(self.summed(lines, rates=True))
        return out

    def summed(self, lines, rates):
        """The summed figures every roll-up carries: costs over the lines that have a cost
        (null when none has), the additive shortfall, fixed WTE, demand hours, rates from the
        summed WTE (null on a zero denominator), and vacancies and over-establishment summed
        line by line so that one line's surplus does not hide another's vacancy."""
        s = lambda k, ls=lines: sum(l[k] for l in ls)
        costed = [l for l in lines if l["cost_per_wte"] is not None]
        c = lambda k: s(k, costed) if costed else None
        req, fund, inp = s("required_wte"), s("funded_wte"), s("in_post_wte")
        out = {"required_cost": c("required_cost"), "funded_cost": c("funded_cost"),
               "in_post_cost": c("in_post_cost"), "uplift_cost": c("uplift_cost"),
               "additive_shortfall_wte": s("additive_shortfall_wte"),
               "additive_shortfall_cost": c("additive_shortfall_cost"),
               "fixed_wte": s("fixed_wte"),
               "demand_hours_per_week": s("demand_hours_per_week")}
        if rates:
            out["vacancy_rate"] = sdiv(fund - inp, fund)
            out["net_gap_rate"] = sdiv(req - inp, req)
        out["vacancy_wte_gross"] = sum(max(0.0, l["funded_wte"] - l["in_post_wte"]) for l in lines)
        out["over_establishment_wte"] = sum(max(0.0, l["in_post_wte"] - l["funded_wte"]) for l in lines)
        out["held_wte"] = s("held_wte")
        out["recruitable_vacancy_wte"] = s("recruitable_vacancy_wte")
        for k in ("in_post_roles", "funded_budget", "budget_gap"):
            known = [l[k] for l in lines if l[k] is not None]
            out[k] = sum(known) if known else None
        out["in_post_headcount"] = None  # persons are counted per level, from extracts only
        return out

    def rolled_up_skill_mix(self, team_rows):
        """Skill mix of a service or the organisation from its teams.  Only teams with an
        effective target take part: the target is their targets' mean weighted by required WTE
        (null when none has a target, or they require nothing); the gap is the sum of their
        gaps; the rating compares their registered in-post share with that target, at the
        organisation's tolerance.  The registered shares stay over all teams."""
        tt = [r for r in team_rows if r["registered_target"] is not None]
        if not tt:
            return {"registered_target": None, "registered_gap_wte": None, "skill_mix_rag": "none"}
        sum_r = sum(r["required_wte"] for r in tt)
        target = None if sum_r == 0 else sum(r["registered_target"] * r["required_wte"] for r in tt) / sum_r
        return {
            "registered_target": target,
            "registered_gap_wte": sum(r["registered_gap_wte"] for r in tt),
            "skill_mix_rag": self.skill_mix_rag(target, sum(r["registered_in_post_wte"] for r in tt),
                                                sum(r["in_post_wte"] for r in tt), self.org_tol),
        }

    def team_target(self, t):
        """The team's effective registered target: its own, else the organisation's;
        `none` (any case) opts the team out."""
        sm = t.get("skill_mix") or {}
        if sm.get("registered_target") is not None:
            return target_value(sm["registered_target"])
        return self.org_target

    def triangulation(self, t, extras):
        """Inpatient triangulation (docs/METHOD.md §11), every figure on a contracted basis where
        it is compared with required WTE: the rostered and observation hours of the team's lines
        at each line's own applied factor (fixed posts excluded), and the benchmark productive
        WTE at the mean of those factors weighted by those hours (the organisation's factor when
        the team has no such hours)."""
        if t.get("beds") is None:
            return {"chppd_planned": None, "chppd_benchmark": None, "benchmark_productive_wte": None,
                    "rostered_required_wte": None, "benchmark_required_wte": None}
        b = num(t["beds"]) * pct(t["occupancy"])
        hours = sum(e["roster_obs_hours"] for e in extras)
        weighted = sum(e["roster_obs_hours"] * e["factor"] for e in extras)
        F = weighted / hours if hours != 0 else self.org_factor
        out = {"chppd_planned": sdiv(hours / 7.0, b)}
        if t.get("chppd_benchmark") is not None:
            bench = num(t["chppd_benchmark"])
            out["chppd_benchmark"] = bench
            out["benchmark_productive_wte"] = bench * b * 7 / self.std
        else:
            out["chppd_benchmark"] = out["benchmark_productive_wte"] = None
        out["rostered_required_wte"] = weighted / self.std
        out["benchmark_required_wte"] = (None if out["benchmark_productive_wte"] is None
                                         else out["benchmark_productive_wte"] * F)
        return out

    def run(self):
        lines, team_rows = [], []
        for t in self.teams:
            tl, extras = [], []
            for ln in t.get("staffing") or []:
                r, ex = self.line_result(t, ln)
                tl.append(r)
                extras.append(ex)
            lines.extend(tl)
            sm = t.get("skill_mix") or {}
            tol = pct(sm["tolerance"]) if sm.get("tolerance") is not None else self.org_tol
            sid = t.get("service")
            row = {"team": t["id"], "team_name": name_of(t), "service": sid, "service_name": self.service_name(sid)}
            row.update(self.totals(tl, self.team_target(t), tol))
            row.update(oracle_actuals.rollup_absence(self, tl))
            row.update(oracle_actuals.rollup_workforce(self, tl, [t], row, True))
            row.update(self.triangulation(t, extras))
            js = [e["judgement_wte"] for e in extras if e["judgement_wte"] is not None]
            row["judgement_wte"] = sum(js) if js else None
            team_rows.append(row)

        def rollup(key_fields, sel_lines, sel_teams):
            row = dict(key_fields)
            row.update(self.totals(sel_lines, None, self.org_tol))
            row.update(self.rolled_up_skill_mix(sel_teams))
            row.update(oracle_actuals.rollup_absence(self, sel_lines))
            team_ids = {r["team"] for r in sel_teams}
            row.update(oracle_actuals.rollup_workforce(
                self, sel_lines, [t for t in self.teams if t["id"] in team_ids], row, False))
            return row

        # services in declaration order, each even without lines, then "(none)" if any team lacks one
        services = []
        for sv in self.services:
            services.append(rollup({"service": sv["id"], "service_name": name_of(sv)},
                                   [l for l in lines if l["service"] == sv["id"]],
                                   [r for r in team_rows if r["service"] == sv["id"]]))
        if any(t.get("service") is None for t in self.teams):
            services.append(rollup({"service": None, "service_name": None},
                                   [l for l in lines if l["service"] is None],
                                   [r for r in team_rows if r["service"] is None]))

        profs = []
        for p in self.profs:
            pl = [l for l in lines if l["profession"] == p["id"]]
            s = lambda k: sum(l[k] for l in pl)
            req, fund, inp = s("required_wte"), s("funded_wte"), s("in_post_wte")
            row = {
                "profession": p["id"],
                "profession_name": name_of(p),
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
            }
            row.update(self.summed(pl, rates=False))
            row.update(oracle_actuals.rollup_absence(self, pl))
            profs.append(row)

        organisation = rollup({}, lines, team_rows)
        if self.headcounts is not None:  # distinct persons per level, never a sum
            counts = self.headcounts
            for row in team_rows:
                row["in_post_headcount"] = counts["teams"][row["team"]]
            for row in services:
                row["in_post_headcount"] = counts["services"].get(row["service"], 0)
            for row in profs:
                row["in_post_headcount"] = counts["professions"][row["profession"]]
            organisation["in_post_headcount"] = counts["organisation"]

        rv = self.rv

        raw = self.doc.get("_raw_text", {})

        def text(k):
            v = rv.get(k)
            return None if v is None else raw.get(k, str(v))

        for line in lines:
            del line["_actuals"]
        return {
            "schema": "estab-review/2",
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
            "organisation": organisation,
            "sources": self.reconciliation,
            "warnings": [],
        }


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    doc = load_doc(argv[1])
    json.dump(Oracle(doc, os.path.dirname(argv[1]) or ".").run(), sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
