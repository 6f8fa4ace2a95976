#!/usr/bin/env python3
"""Differential test: estab's review JSON for one input file must agree, field by field, with an
independent Python implementation of the method (estab_oracle.py)."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: differential.py ESTAB INPUT.yaml")
    estab, input_file = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="estab-oracle-") as scratch:
        estab_json = os.path.join(scratch, "estab.json")
        oracle_json = os.path.join(scratch, "oracle.json")
        subprocess.run([estab, "review", input_file, "--format", "json", "--output", estab_json],
                       check=True)
        with open(oracle_json, "w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, os.path.join(HERE, "estab_oracle.py"), input_file],
                           stdout=handle, check=True)
        result = subprocess.run([sys.executable, os.path.join(HERE, "compare_review.py"),
                                 oracle_json, estab_json])
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
