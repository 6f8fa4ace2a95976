#!/usr/bin/env bash
# Rewrites every expected output from the current binary. Review the diff before committing:
# each change must be one you meant.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
estab=${1:-$root/build/estab}
for case_file in "$root"/tests/e2e/cases/*.case; do
  python3 "$root/tests/e2e/run_case.py" --estab "$estab" --case "$case_file" --update
done
