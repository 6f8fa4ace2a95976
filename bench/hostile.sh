#!/usr/bin/env bash
# Benchmark: the cost of hostile input. Each file of bench/generate_hostile.py (at most about
# 10 MB, except 100 MB of NUL bytes) is checked with `estab validate`, and the file of 2,000
# absence components on 2,000 lines is also reviewed and run through sensitivity. Target: every run within 2 s and 300 MB, with
# exit code 1 for the files that are wrong and 0 for those that are not.
# Run from the repository root:  bench/hostile.sh
#
# Environment (all optional): BENCH_ESTAB=PATH to measure that binary instead of building one,
# BENCH_STRICT=1 to exit 1 when a target fails.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="$ROOT/bench/build-release"
DATA="$ROOT/bench/data/hostile"
T_SECONDS=2
T_MIB=300

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
log "bench: generating the hostile files in bench/data/hostile"
python3 bench/generate_hostile.py "$DATA" >/dev/null

failed=0
measure() {  # measure EXPECTED_EXIT LABEL CMD...
  local expected=$1 label=$2; shift 2
  local code=0
  /usr/bin/time -f '%e %M' -o "$TMP/time.txt" "$@" >"$TMP/out.txt" 2>"$TMP/err.txt" || code=$?
  read -r seconds kib < <(tail -1 "$TMP/time.txt")
  local mib; mib=$(awk "BEGIN { printf \"%.1f\", $kib / 1024 }")
  local verdict=PASS
  if ! awk "BEGIN { exit !($seconds <= $T_SECONDS && $mib <= $T_MIB) }" || [[ $code != "$expected" ]]; then
    verdict=FAIL; failed=1
  fi
  printf '%s  %-42s %6.2f s %7.1f MiB  exit %s  stderr %s lines\n' "$verdict" "$label" "$seconds" "$mib" "$code" "$(wc -l <"$TMP/err.txt")"
}
echo "estab hostile-input benchmark: $(nproc) CPU; targets ${T_SECONDS} s and ${T_MIB} MiB per run"
for file in long-key long-profession zeros-one-line zeros-lines unknown-references brackets nul-bytes; do
  measure 1 "validate $file" "$ESTAB" validate "$DATA/$file.yaml"
done
measure 0 "validate additional-100k" "$ESTAB" validate "$DATA/additional-100k.yaml"
measure 0 "validate additional-2k-lines-2k" "$ESTAB" validate "$DATA/additional-2k-lines-2k.yaml"
measure 0 "review additional-2k-lines-2k" "$ESTAB" review "$DATA/additional-2k-lines-2k.yaml" --format csv --output "$TMP/review.csv"
measure 0 "sensitivity additional-2k-lines-2k" "$ESTAB" sensitivity "$DATA/additional-2k-lines-2k.yaml" --format csv --output "$TMP/sensitivity.csv"
[[ ${BENCH_STRICT:-0} == 1 && $failed == 1 ]] && exit 1
exit 0
