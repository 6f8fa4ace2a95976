#!/usr/bin/env python3
"""Writes small files built to cost a checker far more than their size: one 10 MB key or id,
millions of wrong items, thousands of unknown references, bracket bombs, binary data and
thousands of absence components. Each is at most about 10 MB.

Usage: generate_hostile.py FOLDER
"""
import os
import sys

HEAD = "estab: 1\nprofessions:\n  - {id: rn, registered: true}\n"
ONE_TEAM = "teams:\n  - id: ward\n    staffing: [{profession: rn, hours_per_week: 100}]\n"


def cases():
    """Yields (name, bytes) for each hostile file."""
    yield "long-key", (HEAD + "teams:\n  - id: ward\n    " + "k" * 10_000_000 +
                       ": 1\n    staffing: [{profession: rn, hours_per_week: 100}]\n").encode()
    yield "long-profession", (HEAD + "teams:\n  - id: ward\n    staffing: [{profession: " +
                              "p" * 10_000_000 + ", hours_per_week: 100}]\n").encode()
    yield "zeros-one-line", (HEAD + "teams: [" + ",".join(["0"] * 5_000_000) + "]\n").encode()
    yield "zeros-lines", (HEAD + "teams: [\n" + ",\n".join(["0"] * 3_000_000) + "]\n").encode()
    professions = "".join(f"  - {{id: prof-{i:05d}, registered: true}}\n" for i in range(20000))
    teams = "".join(f"  - id: t{i}\n    staffing: [{{profession: prof-x{i:05d}, "
                    "hours_per_week: 10}]\n" for i in range(20000))
    yield "unknown-references", ("estab: 1\nprofessions:\n" + professions + "teams:\n" +
                                 teams).encode()
    yield "brackets", ("estab: " + "[\n" * 5_000_000).encode()
    yield "nul-bytes", b"\0" * (100 << 20)
    components = "".join(f"    c{i}: 0.0001%\n" for i in range(100000))
    yield "additional-100k", ("estab: 1\nassumptions:\n  additional:\n" + components +
                              HEAD[len("estab: 1\n"):] + ONE_TEAM).encode()
    components = "".join(f"    c{i}: 0.001%\n" for i in range(2000))
    teams = "".join(f"  - id: t{i}\n    staffing: [{{profession: rn, hours_per_week: 100}}]\n"
                    for i in range(2000))
    yield "additional-2k-lines-2k", ("estab: 1\nassumptions:\n  additional:\n" + components +
                                     HEAD[len("estab: 1\n"):] + "teams:\n" + teams).encode()


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for name, content in cases():
        path = os.path.join(folder, name + ".yaml")
        if not os.path.exists(path) or os.path.getsize(path) != len(content):
            with open(path + ".tmp", "wb") as out:
                out.write(content)
            os.replace(path + ".tmp", path)
        print(path)


if __name__ == "__main__":
    main()
