#!/usr/bin/env bash
# Benchmark: reading a national staff-in-post extract. The 20,000-team synthetic organisation
# (bench/generate.py) with 1.5 million assignment rows (bench/generate_extract.py) is reviewed
# with the extract and without it (the same file less its source), and Python's csv module
# reads the same file, median of 3 runs each. Targets: the review with the extract within 1.3x
# the peak memory of the review without it, and its extra time (reading and reconciling every
# row) at most a third of the time Python's csv module takes only to read the rows.
# Run from the repository root:  bench/extracts.sh
#
# Environment (all optional): BENCH_RUNS (default 3), BENCH_ROWS (default 1500000),
# BENCH_ESTAB=PATH to measure that binary instead of building one, BENCH_STRICT=1 to exit 1
# when a target fails.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH="$ROOT/bench"
BUILD="$BENCH/build-release"
DATA="$BENCH/data"
RUNS=${BENCH_RUNS:-3}
ROWS=${BENCH_ROWS:-1500000}
TEAMS=20000
T_RSS_RATIO=1.3
T_SPEED_RATIO=3

# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

mkdir -p "$DATA"
TEAMS_FILE="$DATA/teams-$TEAMS-seed-1.yaml"
if [[ ! -s $TEAMS_FILE || "$BENCH/generate.py" -nt $TEAMS_FILE ]]; then
  log "bench: generating $TEAMS teams"
  python3 "$BENCH/generate.py" --teams "$TEAMS" --seed 1 >"$TEAMS_FILE.tmp"
  mv "$TEAMS_FILE.tmp" "$TEAMS_FILE"
fi
PREFIX="$DATA/national-$ROWS"
if [[ ! -s $PREFIX-extract.csv || "$BENCH/generate_extract.py" -nt $PREFIX-extract.csv ]]; then
  log "bench: generating an extract of $ROWS rows"
  python3 "$BENCH/generate_extract.py" "$TEAMS_FILE" "$ROWS" "$PREFIX"
fi

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
run_once() {  # run_once NAME CMD...: appends "wall rss" to NAME's samples
  local name=$1; shift
  if ! /usr/bin/time -v -o "$TMP/time.txt" "$@" >"$TMP/stdout.txt" 2>"$TMP/stderr.txt"; then
    log "bench: '$*' failed:"; tail -20 "$TMP/stderr.txt" >&2; exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; wall = s }
    /Maximum resident set size \(kbytes\)/ { rss = $2 / 1024 }
    END { printf "%.3f %.1f\n", wall, rss }' "$TMP/time.txt" >>"$TMP/$name.samples"
}
for ((round = 1; round <= RUNS; round++)); do
  log "bench: round $round of $RUNS"
  run_once baseline "$ESTAB" review "$PREFIX-baseline.yaml" --format csv --output "$TMP/base.csv"
  run_once sourced "$ESTAB" review "$PREFIX-sourced.yaml" --format csv --output "$TMP/sourced.csv"
  run_once python python3 -c 'import csv, sys
rows = 0
with open(sys.argv[1], newline="", encoding="utf-8") as extract:
    for row in csv.reader(extract):
        rows += 1
print(rows)' "$PREFIX-extract.csv"
done
stat_of() { cut -d' ' -f"$2" "$TMP/$1.samples" | median; }
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }
base_wall=$(stat_of baseline 1); base_rss=$(stat_of baseline 2)
src_wall=$(stat_of sourced 1); src_rss=$(stat_of sourced 2)
py_wall=$(stat_of python 1)
extra=$(calc "$src_wall - $base_wall")
rss_ratio=$(calc "$src_rss / $base_rss")
speed_ratio=$(calc "$py_wall / ($extra > 0.001 ? $extra : 0.001)" 2)
echo
echo "estab extract benchmark: $(nproc) CPU, $ROWS rows ($(calc "$(stat -c %s "$PREFIX-extract.csv")/1e6" 1) MB), $TEAMS teams, median of $RUNS runs"
printf '  review without the extract  wall %8.3f s  peak RSS %7.1f MiB\n' "$base_wall" "$base_rss"
printf '  review with the extract     wall %8.3f s  peak RSS %7.1f MiB\n' "$src_wall" "$src_rss"
printf '  Python csv, reading only    wall %8.3f s\n' "$py_wall"
echo
failed=0
check() {  # check LABEL VALUE OP TARGET
  if awk "BEGIN { exit !($2 $3 $4) }"; then printf 'PASS  %-58s %8s %s %s\n' "$1" "$2" "$3" "$4"
  else printf 'FAIL  %-58s %8s %s %s\n' "$1" "$2" "$3" "$4"; failed=1; fi
}
check "peak RSS with the extract / without it" "$rss_ratio" "<=" "$T_RSS_RATIO"
check "Python csv reading / estab reading and reconciling ($extra s)" "$speed_ratio" ">=" "$T_SPEED_RATIO"
[[ ${BENCH_STRICT:-0} == 1 && $failed == 1 ]] && exit 1
exit 0
