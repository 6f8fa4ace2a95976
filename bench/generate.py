#!/usr/bin/env python3
"""Deterministic generator of synthetic estab input files for benchmarking.

    bench/generate.py --teams N [--seed S] > FILE.yaml
    bench/generate.py --teams N [--seed S] --scenario copy > SCENARIO.yaml
    bench/generate.py --teams N [--seed S] --scenario overlay [--base FILE] > OVERLAY.yaml

The same (N, S) always gives byte-identical output (Python's random.Random is
stable across versions for the calls used here: random(), randrange(), choice(),
sample(), shuffle() on integers/lists).

With --scenario, the output is a scenario of that organisation for `estab compare`:
`copy` writes the whole file again with a few changes, and `overlay` writes the same
changes as an overlay whose `extends` names the base file (by default
teams-N-seed-S.yaml, the name bench/run.sh gives it, in the same directory). Both
give the same review. The changes: the organisation's sickness falls from 5% to
4.5%, the first team with a team-level sickness percentage gets 4%, the first
staffing line of every 100th team is funded for one more WTE, and the middle team
closes (is removed). The review title says it is a scenario.

What a file exercises (docs/INPUT.md):
- every demand model: roster (with and without days_per_week), observations,
  caseload bands with non_caseload_time written as "x%", {days}, {hours} and
  {minutes_per_day}, activities with non_activity_time (each form) and
  individual_allowance_hours, hours_per_week and fixed_wte;
- overrides at every level: organisation (annual leave by_service, additional
  components, headcount_per_wte), profession, team and staffing line, with
  `additional` components at each level and absence in %, days, hours and
  hours_per_head;
- services (and some teams with none), inpatient teams with beds, occupancy and
  chppd_benchmark, judgement_wte, costs at profession and line level (one
  profession has none), funded and in-post WTE, skill-mix targets.

Sizes: about 5 staffing lines and ~1.85 kB per team, so 300 teams is ~0.6 MB,
3,000 teams ~5.5 MB and 20,000 teams ~37 MB. Every file passes `estab validate`
(absence totals stay near 15-30%, available-time shares below 50%).
"""

import argparse
import random
import sys

# id, name, registered, cost (None: no cost), profession-level assumptions (YAML flow text or None)
PROFESSIONS = [
    ("rnld", "Registered nurse (learning disability)", True, 55000, "{study_leave: {days: 3}}"),
    ("rmn", "Registered mental health nurse", True, 54000, None),
    ("hca", "Healthcare support worker", False, 32000, "{training: {hours_per_head: 30}}"),
    ("slt", "Speech and language therapist", True, 55000, None),
    ("ot", "Occupational therapist", True, 55000, "{study_leave: 1.5%}"),
    ("physio", "Physiotherapist", True, 55000, None),
    ("psych", "Clinical psychologist", True, 77000, "{supervision: {hours_per_head: 36}}"),
    ("pbs", "Positive behaviour support practitioner", False, 55000, None),
    ("sw", "Social worker", True, 52000, "{additional: {court_time: {hours: 20}}}"),
    ("dietitian", "Dietitian", True, 53000, None),
    ("assistant-psych", "Assistant psychologist", False, 36000, "{headcount_per_wte: 1.3}"),
    ("peer", "Peer support worker", False, None, None),  # no cost: null cost columns
]

COMMUNITY = ["rnld", "rmn", "slt", "ot", "physio", "psych", "pbs", "sw", "dietitian",
             "assistant-psych", "peer", "hca"]
INPATIENT = ["rnld", "rmn", "hca", "ot", "psych", "pbs", "physio"]
INTENSIVE = ["rnld", "hca", "pbs", "psych", "assistant-psych", "sw"]

ACTIVITY_NAMES = ["initial assessment", "review", "intervention session", "group session",
                  "home visit", "MDT meeting", "care plan review",
                  "dysphagia assessment", "sensory assessment", "report writing"]
BAND_NAMES = ["crisis", "high", "medium", "low", "maintenance"]


def pct(value):
    """A percentage with its sign, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def num(value, places=1):
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class Generator:
    def __init__(self, teams, seed):
        self.teams = teams
        self.rng = random.Random(seed)
        self.out = []
        self.services = [f"svc-{i:03d}" for i in range(max(3, teams // 40))]
        # Where things were written in self.out, for writing scenarios of the file:
        # per team (in order), its id, the index of its first output line, the index
        # one past its last, the index of a flow-style `assumptions: {sickness: x%}`
        # line (or None), and per staffing line its profession and the index of its
        # `funded_wte` line and the funded WTE written there.
        self.team_records = []
        self.title_index = None
        self.sickness_index = None

    def w(self, line):
        self.out.append(line)

    # --- pieces -------------------------------------------------------------
    def available_share(self):
        """non_caseload_time / non_activity_time in one of its four forms (each < 50%)."""
        r = self.rng
        form = r.randrange(4)
        if form == 0:
            return pct(r.randrange(10, 45))
        if form == 1:
            return f"{{days: {r.randrange(10, 60)}}}"
        if form == 2:
            return f"{{hours: {r.randrange(80, 400)}}}"
        return f"{{minutes_per_day: {r.randrange(30, 150)}}}"

    def caseload(self, ind):
        r = self.rng
        self.w(f"{ind}caseload:")
        self.w(f"{ind}  non_caseload_time: {self.available_share()}")
        self.w(f"{ind}  bands:")
        for name in r.sample(BAND_NAMES, r.randrange(2, 4)):
            self.w(f"{ind}    - {{name: {name}, cases: {r.randrange(3, 60)}, "
                   f"hours_per_case_per_month: {num(r.uniform(1, 16))}}}")

    def activities(self, ind):
        r = self.rng
        self.w(f"{ind}activities:")
        self.w(f"{ind}  non_activity_time: {self.available_share()}")
        if r.random() < 0.6:
            self.w(f"{ind}  individual_allowance_hours: {r.randrange(20, 160)}")
        self.w(f"{ind}  items:")
        for name in r.sample(ACTIVITY_NAMES, r.randrange(2, 5)):
            self.w(f"{ind}    - {{name: {name}, per_year: {r.randrange(20, 1200)}, "
                   f"minutes: {r.choice([30, 45, 60, 90, 120, 150, 180])}}}")

    def roster(self, ind, heavy):
        r = self.rng
        self.w(f"{ind}roster:")
        shifts = [("early", 7.5), ("late", 7.5), ("night", 10)]
        for shift, hours in shifts[: (3 if heavy else 2)]:
            self.w(f"{ind}  - {{shift: {shift}, staff: {r.randrange(1, 4)}, paid_hours: {hours}}}")
        if r.random() < 0.5:
            self.w(f"{ind}  - {{shift: \"clinical lead 09:00-17:00\", staff: 1, paid_hours: 7.5, "
                   f"days_per_week: 5}}")

    def staff_figures(self, ind, required_guess):
        r = self.rng
        funded = max(0.0, required_guess * r.uniform(0.8, 1.15))
        in_post = max(0.0, funded * r.uniform(0.75, 1.05))
        self.team_records[-1]["lines"][-1].update(funded_index=len(self.out),
                                                  funded=float(num(funded, 1)))
        self.w(f"{ind}funded_wte: {num(funded, 1)}")
        self.w(f"{ind}in_post_wte: {num(in_post, 2)}")

    def line_assumptions(self, ind):
        r = self.rng
        choice = r.randrange(4)
        if choice == 0:
            self.w(f"{ind}assumptions: {{training: {{hours_per_head: {num(r.uniform(25, 40))}}}}}")
        elif choice == 1:
            self.w(f"{ind}assumptions: {{study_leave: {pct(r.uniform(2, 5))}}}")
        elif choice == 2:
            self.w(f"{ind}assumptions:")
            self.w(f"{ind}  additional: {{union_duties: {pct(r.uniform(1, 3))}}}")
        else:
            self.w(f"{ind}assumptions: {{sickness: {pct(r.uniform(3, 8))}, "
                   f"headcount_per_wte: {num(r.uniform(1.0, 1.4), 2)}}}")

    # --- a team ---------------------------------------------------------------
    def team(self, index):
        r = self.rng
        kind = r.choices(["community", "inpatient", "intensive"], weights=[6, 2, 2])[0]
        tid = f"t{index:05d}"
        record = {"id": tid, "start": len(self.out), "sickness": None, "lines": []}
        self.team_records.append(record)
        self.w("")
        if r.random() < 0.3:
            self.w(f"  # {kind} team {index}: figures are synthetic")
        self.w(f"  - id: {tid}")
        self.w(f"    name: {kind.capitalize()} team {index}")
        if r.random() < 0.95:
            self.w(f"    service: {r.choice(self.services)}")
        roll = r.random()
        if roll < 0.35:
            record["sickness"] = len(self.out)
            self.w(f"    assumptions: {{sickness: {pct(r.uniform(3, 8))}}}")
        elif roll < 0.5:
            self.w("    assumptions:")
            self.w(f"      sickness: {pct(r.uniform(3, 8))}")
            self.w(f"      headcount_per_wte: {num(r.uniform(1.0, 1.4), 2)}")
            self.w(f"      training: {{hours_per_head: {num(r.uniform(20, 35))}}}")
        elif roll < 0.6:
            self.w("    assumptions:")
            self.w(f"      other_leave: {{days: {r.randrange(1, 5)}}}")
            self.w("      additional:")
            self.w(f"        restrictive_practice_training: {{hours_per_head: {r.randrange(8, 20)}}}")
        if r.random() < 0.4:
            self.w(f"    skill_mix: {{registered_target: {pct(r.randrange(40, 80))}}}")

        if kind == "inpatient":
            pool = INPATIENT
        elif kind == "intensive":
            pool = INTENSIVE
        else:
            pool = COMMUNITY
        count = r.choice([4, 5, 5, 6])
        professions = r.sample(pool, min(count, len(pool)))
        if kind == "inpatient":
            beds = r.randrange(6, 24)
            self.w(f"    beds: {beds}")
            self.w(f"    occupancy: {pct(r.randrange(75, 98))}")
            self.w(f"    chppd_benchmark: {num(r.uniform(9, 16))}")
        self.w("    staffing:")
        for position, profession in enumerate(professions):
            self.line(kind, profession, position)
        record["end"] = len(self.out)

    def line(self, kind, profession, position):
        r = self.rng
        ind = "        "
        self.team_records[-1]["lines"].append({"profession": profession})
        self.w(f"      - profession: {profession}")
        if r.random() < 0.12:
            self.line_assumptions(ind)
        if profession in ("hca",) or r.random() < 0.15:
            if r.random() < 0.5:
                self.w(f"{ind}cost_per_wte: {r.choice([34000, 37000, 41000])}")
        guess = 0.0
        if kind == "inpatient" and profession in ("rnld", "rmn", "hca"):
            self.roster(ind, heavy=True)
            guess += 12
            if profession == "hca" and r.random() < 0.6:
                days = "" if r.random() < 0.5 else ", days_per_week: 7"
                self.w(f"{ind}observations: {{hours_per_day: {r.choice([12, 24, 48])}{days}}}")
                guess += 6
            if r.random() < 0.7:
                self.w(f"{ind}judgement_wte: {num(guess * r.uniform(0.9, 1.2), 1)}")
        elif kind == "intensive" and profession in ("rnld", "hca"):
            self.roster(ind, heavy=False)
            guess += 7
        else:
            model = r.choices(["caseload", "activities", "both", "hours"], weights=[5, 4, 1, 2])[0]
            if model in ("caseload", "both"):
                self.caseload(ind)
                guess += 3
            if model in ("activities", "both"):
                self.activities(ind)
                guess += 2.5
            if model == "hours":
                self.w(f"{ind}hours_per_week: {num(r.uniform(7.5, 75))}")
                guess += 1
        if position == 0 and r.random() < 0.6:
            self.w(f"{ind}fixed_wte: 1.0  # team leader")
            guess += 1
        elif r.random() < 0.05:
            self.w(f"{ind}fixed_wte: {num(r.uniform(0.2, 1.0), 1)}")
        self.staff_figures(ind, guess)

    # --- the file -------------------------------------------------------------
    def generate(self):
        r = self.rng
        w = self.w
        w(f"# Synthetic benchmark organisation: {self.teams} teams (bench/generate.py).")
        w("# All figures are random but deterministic for a given --seed.")
        w("")
        w("estab: 1")
        w("")
        w("review:")
        w(f"  organisation: Synthetic Benchmark NHS Trust ({self.teams} teams)")
        self.title_index = len(self.out)
        w("  title: Synthetic establishment review")
        w("  period: 2026/27")
        w("  standard_hours: 37.5")
        w("  uplift_method: exact")
        w("  gap_tolerance: 5%")
        w("")
        w("assumptions:")
        w("  annual_leave:")
        w("    by_service:")
        w("      - {days: 27, share: 35%}")
        w("      - {days: 29, share: 25%}")
        w("      - {days: 33, share: 40%}")
        w("  bank_holidays: {days: 8}")
        self.sickness_index = len(self.out)
        w("  sickness: 5%")
        w("  parenting: 1%")
        w("  other_leave: 0.5%")
        w("  study_leave: {days: 2}")
        w("  training: {hours_per_head: 22.5}")
        w("  supervision: {hours_per_head: 18}")
        w("  additional:")
        w("    union_duties: 0.2%")
        w("    travel_between_sites: {hours: 12}")
        w("  headcount_per_wte: 1.15")
        w("")
        w("professions:")
        for pid, name, registered, cost, assumptions in PROFESSIONS:
            w(f"  - id: {pid}")
            w(f"    name: {name}")
            w(f"    registered: {'true' if registered else 'false'}")
            if cost is not None:
                w(f"    cost_per_wte: {cost}")
            if assumptions is not None:
                w(f"    assumptions: {assumptions}")
        w("")
        w("skill_mix:")
        w("  registered_target: 55%")
        w("  tolerance: 5%")
        w("")
        w("services:")
        for sid in self.services:
            w(f"  - id: {sid}")
            w(f"    name: Service {sid[4:]}")
        w("")
        w("teams:")
        for index in range(1, self.teams + 1):
            self.team(index)
        return "\n".join(self.out) + "\n"


SCENARIO_TITLE = "Scenario - sickness reduced, extra funding, one team closed"
SCENARIO_SICKNESS = "4.5%"  # the organisation's, 5% in the base
SCENARIO_TEAM_SICKNESS = "4%"  # the first team with a team-level sickness percentage
SCENARIO_FUNDING_STEP = 100  # every 100th team's first line is funded for 1 more WTE


class Scenario:
    """The changes a scenario makes to a generated file (see the module docstring)."""

    def __init__(self, generator):
        teams = generator.team_records
        self.removed = teams[len(teams) // 2] if len(teams) >= 2 else None
        kept = [t for t in teams if t is not self.removed]
        self.sickness_team = next((t for t in kept if t["sickness"] is not None), None)
        step = SCENARIO_FUNDING_STEP
        funded = [t for t in teams[step - 1::step] if t is not self.removed] or kept[-1:]
        self.funded_teams = funded

    def copy(self, generator):
        """The whole file again, with the changes made in place."""
        out = list(generator.out)
        out[0] = (f"# Scenario of a synthetic benchmark organisation: {generator.teams} teams "
                  "(bench/generate.py --scenario copy).")
        out[generator.title_index] = f"  title: {SCENARIO_TITLE}"
        out[generator.sickness_index] = f"  sickness: {SCENARIO_SICKNESS}"
        if self.sickness_team is not None:
            out[self.sickness_team["sickness"]] = (
                f"    assumptions: {{sickness: {SCENARIO_TEAM_SICKNESS}}}")
        for team in self.funded_teams:
            line = team["lines"][0]
            out[line["funded_index"]] = f"        funded_wte: {num(line['funded'] + 1.0, 1)}"
        if self.removed is not None:
            del out[self.removed["start"]:self.removed["end"]]
        return "\n".join(out) + "\n"

    def overlay(self, generator, base):
        """The same changes as an overlay of BASE."""
        out = [f"# Scenario of a synthetic benchmark organisation: {generator.teams} teams, "
               "as an overlay (bench/generate.py --scenario overlay).",
               "estab: 1",
               f"extends: {base}",
               "review:",
               f"  title: {SCENARIO_TITLE}",
               "assumptions:",
               f"  sickness: {SCENARIO_SICKNESS}",
               "teams:"]
        funded_ids = {team["id"] for team in self.funded_teams}
        for team in generator.team_records:  # one entry per changed team, in the base's order
            changes_sickness = team is self.sickness_team
            if not changes_sickness and team["id"] not in funded_ids:
                continue
            out.append(f"  - id: {team['id']}")
            if changes_sickness:
                out.append(f"    assumptions: {{sickness: {SCENARIO_TEAM_SICKNESS}}}")
            if team["id"] in funded_ids:
                line = team["lines"][0]
                out.append("    staffing:")
                out.append(f"      - profession: {line['profession']}")
                out.append(f"        funded_wte: {num(line['funded'] + 1.0, 1)}")
        if self.removed is not None:
            out.append(f"  - id: {self.removed['id']}")
            out.append("    remove: true")
        return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--teams", type=int, required=True, help="number of teams")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--scenario", choices=["copy", "overlay"],
                        help="write a scenario of the organisation instead: the whole file "
                             "with a few changes (copy), or the same changes as an overlay")
    parser.add_argument("--base", metavar="FILE",
                        help="with --scenario overlay, the base file that `extends` names "
                             "(default: teams-N-seed-S.yaml)")
    args = parser.parse_args()
    if args.teams < 1:
        parser.error("--teams must be at least 1")
    if args.base is not None and args.scenario != "overlay":
        parser.error("--base goes with --scenario overlay")
    generator = Generator(args.teams, args.seed)
    text = generator.generate()
    if args.scenario == "copy":
        text = Scenario(generator).copy(generator)
    elif args.scenario == "overlay":
        base = args.base or f"teams-{args.teams}-seed-{args.seed}.yaml"
        text = Scenario(generator).overlay(generator, base)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
