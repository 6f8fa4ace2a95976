#!/usr/bin/env bash
# Checks that the rendered example reports in examples/reports/ match what the binary renders
# now. After an intended change, run scripts/render-examples.sh and commit the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$root/scripts/render-examples.sh" "$1" "$scratch"
status=0
for report in trust-review.html trust-review.md; do
  if ! cmp -s "$scratch/$report" "$root/examples/reports/$report"; then
    echo "examples/reports/$report is out of date: run scripts/render-examples.sh"
    status=1
  fi
done
exit $status
