#!/usr/bin/env bash
# Renders the example board reports under examples/reports/ from examples/trust.yaml.
# Usage: scripts/render-examples.sh [ESTAB_BINARY] [OUTPUT_DIR]
# A test runs it into a temporary folder and checks that the committed reports are current.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
estab=${1:-$root/build/estab}
out=${2:-$root/examples/reports}
mkdir -p "$out"
cd "$root"
"$estab" review examples/trust.yaml --format html --output "$out/trust-review.html"
"$estab" review examples/trust.yaml --format markdown --output "$out/trust-review.md"
"$estab" review examples/trust.yaml --format xlsx --output "$out/trust-review.xlsx"
