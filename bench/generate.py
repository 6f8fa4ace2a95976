#!/usr/bin/env python3
"""Deterministic generator of synthetic estab input files for benchmarking.

    bench/generate.py --teams N [--seed S] > FILE.yaml

The same (N, S) always gives byte-identical output (Python's random.Random is
stable across versions for the calls used here: random(), randrange(), choice(),
sample(), shuffle() on integers/lists).

What a file exercises (see /work/shared/SPEC.md sections 2-4):
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
        self.w("")
        if r.random() < 0.3:
            self.w(f"  # {kind} team {index}: figures are synthetic")
        self.w(f"  - id: {tid}")
        self.w(f"    name: {kind.capitalize()} team {index}")
        if r.random() < 0.95:
            self.w(f"    service: {r.choice(self.services)}")
        roll = r.random()
        if roll < 0.35:
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

    def line(self, kind, profession, position):
        r = self.rng
        ind = "        "
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--teams", type=int, required=True, help="number of teams")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.teams < 1:
        parser.error("--teams must be at least 1")
    sys.stdout.write(Generator(args.teams, args.seed).generate())


if __name__ == "__main__":
    main()
