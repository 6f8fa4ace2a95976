#!/usr/bin/env bash
# A file large enough to be parsed in pieces on several threads (4 MB or more) must give the
# very same review and sensitivity analysis, byte for byte, as the same file parsed whole. The
# "whole" copy writes its top-level key as "teams": (quoted), the same key to YAML but not a
# line the cutter recognises, so that copy is always parsed in one piece.
# Usage: pieces_same.sh ESTAB_BINARY SOURCE_DIR
set -euo pipefail
estab=$(realpath "$1")
source_dir=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/estab-pieces.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/pieces" "$work/whole"

python3 "$source_dir/bench/generate.py" --teams 2500 --seed 7 >"$work/pieces/big.yaml"
size=$(stat -c %s "$work/pieces/big.yaml")
if ((size < 4 * 1024 * 1024)); then
  echo "pieces_same: the generated file is only $size bytes, too small to be parsed in pieces" >&2
  exit 1
fi
sed 's/^teams:/"teams":/' "$work/pieces/big.yaml" >"$work/whole/big.yaml"
if [[ $(grep -c '^"teams":' "$work/whole/big.yaml") != 1 ]]; then
  echo "pieces_same: could not write the whole-file copy" >&2
  exit 1
fi

for copy in pieces whole; do
  (
    cd "$work/$copy"
    "$estab" review big.yaml --format json --output review.json
    "$estab" sensitivity big.yaml --format csv --output sensitivity.csv
  )
done
status=0
for output in review.json sensitivity.csv; do
  if ! cmp "$work/pieces/$output" "$work/whole/$output"; then
    echo "pieces_same: $output differs between the file parsed in pieces and parsed whole" >&2
    status=1
  fi
done
lines=$(grep -c '"profession":' "$work/pieces/review.json" || true)
echo "pieces_same: $size bytes, review.json and sensitivity.csv identical ($lines profession fields)"
exit $status
