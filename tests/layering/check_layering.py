#!/usr/bin/env python3
"""Checks that the parts of estab refuse a back-edge.

For every part (a line of the manifest the build writes: NAME FOLDER INCLUDE_DIRS), it runs the
C++ preprocessor with exactly the include path the part compiles with, on a one-line source that
includes one header:
  - each public header (include/estab/*.hpp) must be found exactly when it belongs to the part
    itself or to a part the ALLOWED table below lets it use;
  - a private header of the part's own folder (src/FOLDER/*.hpp) must be found, and one of every
    other part's folder must not.
The ALLOWED table is the intended design, written out here on purpose: the build could drift
from it only by making this test fail.

Usage: check_layering.py CXX MANIFEST SOURCE_DIR
"""
import os
import subprocess
import sys

# Which parts each part may use, itself included: load → calc → report → cli over model and util.
ALLOWED = {
    "estab_util": {"estab_util"},
    "estab_model": {"estab_model", "estab_util"},
    "estab_load": {"estab_load", "estab_model", "estab_util"},
    "estab_calc": {"estab_calc", "estab_model", "estab_util"},
    "estab_report": {"estab_report", "estab_calc", "estab_model", "estab_util"},
    "estab_cli": {"estab_cli", "estab_report", "estab_load", "estab_calc", "estab_model",
                  "estab_util"},
}


def read_manifest(path):
    parts = []
    with open(path, encoding="utf-8") as manifest:
        for line in manifest:
            name, folder, directories = line.rstrip("\n").split(" ", 2)
            parts.append((name, folder, [d for d in directories.split(";") if d]))
    return parts


def public_headers_of(parts_dir, part):
    """The public headers a part exports: the links in its own public view."""
    view = os.path.join(parts_dir, part, "public", "estab")
    return sorted(os.listdir(view))


def found(compiler, include_dirs, header):
    source = f'#include "{header}"\n'
    command = [compiler, "-std=c++17", "-E", "-x", "c++", "-o", os.devnull]
    command += [f"-I{directory}" for directory in include_dirs] + ["-"]
    run = subprocess.run(command, input=source, capture_output=True, text=True)
    if run.returncode == 0:
        return True
    if "No such file or directory" in run.stderr and header in run.stderr:
        return False
    raise RuntimeError(f"preprocessing {header} failed for another reason:\n{run.stderr}")


def main():
    compiler, manifest, source_dir = sys.argv[1:4]
    parts = read_manifest(manifest)
    parts_dir = os.path.join(os.path.dirname(manifest), "parts")
    names = [name for name, _, _ in parts]
    if sorted(names) != sorted(ALLOWED):
        print(f"the build's parts {sorted(names)} are not the designed ones {sorted(ALLOWED)}")
        return 1
    owner = {header: name for name in names for header in public_headers_of(parts_dir, name)}
    folders = {name: folder for name, folder, _ in parts}
    failures = []
    checks = 0
    for name, folder, include_dirs in parts:
        for header, header_owner in sorted(owner.items()):
            wanted = header_owner in ALLOWED[name]
            checks += 1
            if found(compiler, include_dirs, f"estab/{header}") != wanted:
                verdict = "is not found" if wanted else "compiles: a back-edge"
                failures.append(f"{name}: estab/{header} (of {header_owner}) {verdict}")
        for other, other_folder in folders.items():
            private_dir = os.path.join(source_dir, "src", other_folder)
            headers = sorted(f for f in os.listdir(private_dir) if f.endswith(".hpp"))
            if not headers:
                continue
            wanted = other == name
            checks += 1
            if found(compiler, include_dirs, f"{other_folder}/{headers[0]}") != wanted:
                verdict = "is not found" if wanted else "compiles: a private header of another part"
                failures.append(f"{name}: {other_folder}/{headers[0]} {verdict}")
    for failure in failures:
        print(failure)
    print(f"{checks} includes checked, {len(failures)} wrong")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
