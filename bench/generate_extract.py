#!/usr/bin/env python3
"""Writes a national staff-in-post extract for a synthetic organisation (bench/generate.py).

Usage: generate_extract.py TEAMS.yaml ROWS OUT_PREFIX

Writes OUT_PREFIX-extract.csv (ROWS assignment rows in ESR's columns), OUT_PREFIX-sourced.yaml
(the organisation with a cost centre per team, no typed-in in-post WTE, and an in-post source
reading the extract) and OUT_PREFIX-baseline.yaml (the same without the source), so that the
extract's cost can be measured against the same review without it. Deterministic: the rows
of a team follow from its position alone. About 5% of rows are bank (excluded), 1% ended,
0.5% on a career break (held) and 0.3% in a cost centre no team lists.
"""
import os
import re
import sys


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    teams_file, rows_wanted, prefix = argv[1], int(argv[2]), argv[3]
    team_lines = []  # (team number, [profession, ...])
    yaml_out = []
    in_teams = False
    with open(teams_file, encoding="utf-8") as source:
        for text in source:
            if text.startswith("teams:"):
                in_teams = True
            if in_teams and re.match(r"^\s+in_post_wte:", text):
                continue
            yaml_out.append(text)
            if not in_teams:
                continue
            team = re.match(r"^  - id: (t\d+)\s*$", text)
            if team:
                team_lines.append((len(team_lines), []))
                yaml_out.append(f'    cost_centres: ["{team.group(1).upper()}"]\n')
                continue
            line = re.match(r"^      - profession: (\S+)", text)
            if line and team_lines:
                team_lines[-1][1].append(line.group(1))
    baseline = "".join(yaml_out)
    professions = sorted({p for _, lines in team_lines for p in lines})
    sourced = baseline.rstrip("\n") + f"""

review_as_of_placeholder: ~
sources:
  - kind: in_post
    file: {os.path.basename(prefix)}-extract.csv
    columns:
      cost_centre: Cost Centre
      wte: FTE
      record: Assignment Number
      person: Employee Number
      band: Grade
      end_date: Effective End Date
    include: {{Assignment Category: ["Permanent", "Fixed Term Temp"]}}
    held: {{Assignment Status: ["Career Break", "Secondment Out*"]}}
    map:
""" + "".join(f'      - {{profession: {p}, where: {{Occupation Code: ["{p.upper()}-*"]}}}}\n'
              for p in professions)
    sourced = sourced.replace("review_as_of_placeholder: ~\n", "")
    sourced = sourced.replace("review:\n", "review:\n  as_of: 2026-03-31\n", 1)
    with open(prefix + "-baseline.yaml", "w", encoding="utf-8") as out:
        out.write(baseline)
    with open(prefix + "-sourced.yaml", "w", encoding="utf-8") as out:
        out.write(sourced)

    per_team = max(1, rows_wanted // max(1, len(team_lines)))
    written = 0
    person = 100000
    with open(prefix + "-extract.csv", "w", encoding="utf-8", newline="") as out:
        out.write("Assignment Number,Employee Number,Cost Centre,Staff Group,Occupation Code,"
                  "Job Role,Grade,Assignment Category,Assignment Status,FTE,Effective End Date\r\n")
        for number, lines in team_lines:
            if not lines:
                continue
            cost_centre = f"T{number + 1:05d}"
            for index in range(per_team):
                if written >= rows_wanted:
                    break
                profession = lines[index % len(lines)]
                person += 1
                serial = written % 1000
                category = "Bank" if serial < 50 else "Permanent"
                end = "2025-12-31" if 50 <= serial < 60 else "31-DEC-4712"
                status = "Career Break" if 60 <= serial < 65 else "Active Assignment"
                centre = "X99999" if 65 <= serial < 68 else cost_centre
                fte = ("1.00", "0.80", ".60", "0.40")[index % 4]
                out.write(f"{person}-1,{person},{centre},\"Clinical, {profession}\","
                          f"{profession.upper()}-{index % 7},Practitioner,Band {5 + index % 3},"
                          f"{category},{status},{fte},{end}\r\n")
                written += 1
    print(f"{written} rows for {len(team_lines)} teams", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
