#!/usr/bin/env python3
"""check_examples.py ESTAB ROOT

Runs every `$ estab …` example that README.md and docs/*.md show in a ```text block, from ROOT,
and checks that what the docs show is what estab prints. The lines after a `$ estab` line, up to
the next `$` line or the block's end, must appear in the output in order, one after another; a
line that is only `…` stands for any number of lines, and a line ending in `…` for any line that
starts with the rest. Standard error and standard output are tried in both orders. Commands that
use the shell (pipes, redirects, quotes left open) are skipped, and so is one naming a YAML file
that is not in the repository (one the reader is asked to imagine writing). The examples run in
a copy of examples/ and tests/, so that one that writes a file writes it there. Prints each
example that differs; exit 1 if any.
"""
import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ELLIPSIS = "\u2026"


def examples(path):
    """(line number, command, expected lines) for each `$ estab` example in a text block."""
    found = []
    inside = False
    current = None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if line.startswith("```"):
                if inside and current:
                    found.append(current)
                current = None
                inside = line.strip() == "```text" if not inside else False
                continue
            if not inside:
                continue
            if line.startswith("$ "):
                if current:
                    found.append(current)
                current = (number, line[2:], []) if line.startswith("$ estab ") else None
            elif current:
                current[2].append(line)
    return found


def matches(expected, produced):
    """True when the expected lines appear in `produced` as described above."""
    def match_from(e, p):
        while e < len(expected):
            want = expected[e]
            if want.strip() == ELLIPSIS:
                if e + 1 == len(expected):
                    return True
                return any(match_from(e + 1, q) for q in range(p, len(produced) + 1))
            if p >= len(produced):
                return False
            have = produced[p]
            if want.endswith(ELLIPSIS) and len(want) > 1:
                if not have.startswith(want[:-1].rstrip()):
                    return False
            elif have.rstrip() != want.rstrip():
                return False
            e += 1
            p += 1
        return True
    return any(match_from(0, start) for start in range(len(produced) + 1))


def main():
    estab, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="estab-docs-") as scratch:
        # The examples run in a copy, so that one that writes a file writes it there.
        for folder in ("examples", "tests"):
            shutil.copytree(os.path.join(root, folder), os.path.join(scratch, folder),
                            ignore=shutil.ignore_patterns("__pycache__"))
        return run_all(estab, root, scratch)


def run_all(estab, root, scratch):
    files = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    checked = 0
    failures = []
    for path in files:
        for number, command, expected in examples(path):
            if any(mark in command for mark in ("|", ">", "<", "&&", ";", "$(")):
                continue
            while expected and not expected[-1].strip():
                expected.pop()
            if not expected:
                continue
            try:
                arguments = shlex.split(command)
            except ValueError:
                continue
            # A file the reader is asked to imagine writing ("suppose you write …") is not run.
            if any(argument.endswith(".yaml") and not os.path.exists(os.path.join(scratch, argument))
                   for argument in arguments[1:]):
                continue
            result = subprocess.run([estab] + arguments[1:], cwd=scratch, capture_output=True,
                                    text=True, env=dict(os.environ, NO_COLOR="1"))
            out, err = result.stdout.splitlines(), result.stderr.splitlines()
            checked += 1
            if not (matches(expected, err + out) or matches(expected, out + err)):
                failures.append(f"{os.path.relpath(path, root)}:{number}: $ {command}\n"
                                f"  the docs show:\n    " + "\n    ".join(expected[:12]) +
                                "\n  estab prints:\n    " + "\n    ".join((err + out)[:12]))
    for failure in failures:
        print(failure)
    print(f"{checked} examples run, {len(failures)} differ")
    if checked < 20:
        print("too few examples found: the docs' text blocks have moved")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
