#!/usr/bin/env bash
# Benchmark: wall time and peak RSS of `estab review` and `estab sensitivity` on synthetic
# organisations of 300, 3,000, 10,000 and 20,000 teams (bench/generate.py), and of
# `estab compare` of the 20,000-team organisation with a scenario of it (written as a modified
# copy, and as an overlay), median of 5 runs, compared with the performance targets.
# Run from the repository root:  bench/run.sh
#
# Environment (all optional): BENCH_RUNS (default 5), BENCH_SEED (default 1),
# BENCH_SIZES (default "300 3000 10000 20000"; 20000 is always added),
# BENCH_ONLY=review (review and sensitivity only) or BENCH_ONLY=compare (compare and the
# 20,000-team reviews it is measured against only; BENCH_SIZES is then not used),
# BENCH_ESTAB=PATH to measure that binary instead of building one,
# BENCH_STRICT=1 to exit 1 when a target fails (default: report only, exit 0).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH="$ROOT/bench"
BUILD="$BENCH/build-release"
DATA="$BENCH/data"
RUNS=${BENCH_RUNS:-5}
SEED=${BENCH_SEED:-1}
SIZES=${BENCH_SIZES:-"300 3000 10000 20000"}
SENS_SIZE=20000
COMPARE_SIZE=20000
ONLY=${BENCH_ONLY:-}
case $ONLY in
  "") DO_REVIEW=1; DO_COMPARE=1 ;;
  review) DO_REVIEW=1; DO_COMPARE=0 ;;
  compare) DO_REVIEW=0; DO_COMPARE=1; SIZES=$COMPARE_SIZE ;;
  *) printf 'bench: BENCH_ONLY must be review or compare, not "%s"\n' "$ONLY" >&2; exit 2 ;;
esac
[[ " $SIZES " == *" $SENS_SIZE "* ]] || SIZES="$SIZES $SENS_SIZE"  # sensitivity is compared with review there

# Targets.
T_SMALL_TEAMS=300; T_SMALL_S=0.3
T_BIG_TEAMS=20000; T_BIG_S=9; T_BIG_MB=400
T_SENS_RATIO=1.5
T_GROWTH=2.2      # 2x the teams must take at most 2.2x the time
T_COMPARE_TIME_RATIO=1.5   # compare: wall time / wall time of the two reviews, one after the other
T_COMPARE_RSS_RATIO=1.3    # compare: peak RSS / peak RSS of one review

# --- tools and the binary to measure ---------------------------------------------------------
# shellcheck source=bench/common.sh
source "$BENCH/common.sh"

# --- data -------------------------------------------------------------------------------------
mkdir -p "$DATA"

for n in $SIZES; do
  f="$DATA/teams-$n-seed-$SEED.yaml"
  if [[ ! -s $f || "$BENCH/generate.py" -nt $f ]]; then
    log "bench: generating $n teams"
    python3 "$BENCH/generate.py" --teams "$n" --seed "$SEED" >"$f.tmp"
    mv "$f.tmp" "$f"
  fi
  if ! "$ESTAB" validate "$f" >"$TMP/validate.txt" 2>&1; then
    log "bench: generated file $f does not validate:"; head -20 "$TMP/validate.txt" >&2; exit 1
  fi
done

# The scenario that compare is measured on, in two forms that give the same review: a modified
# copy of the base file (SCENARIO_COPY), and an overlay that extends it (SCENARIO_OVERLAY).
COMPARE_BASE="$DATA/teams-$COMPARE_SIZE-seed-$SEED.yaml"
SCENARIO_COPY="$DATA/teams-$COMPARE_SIZE-seed-$SEED-scenario-copy.yaml"
SCENARIO_OVERLAY="$DATA/teams-$COMPARE_SIZE-seed-$SEED-scenario-overlay.yaml"
if [[ $DO_COMPARE == 1 ]]; then
  for form in copy overlay; do
    f="$DATA/teams-$COMPARE_SIZE-seed-$SEED-scenario-$form.yaml"
    if [[ ! -s $f || "$BENCH/generate.py" -nt $f ]]; then
      log "bench: generating the $COMPARE_SIZE-team scenario ($form)"
      python3 "$BENCH/generate.py" --teams "$COMPARE_SIZE" --seed "$SEED" --scenario "$form" \
        >"$f.tmp"
      mv "$f.tmp" "$f"
    fi
    if ! "$ESTAB" validate "$f" >"$TMP/validate.txt" 2>&1; then
      log "bench: generated file $f does not validate:"; head -20 "$TMP/validate.txt" >&2; exit 1
    fi
  done
fi

# --- measuring --------------------------------------------------------------------------------
# The runs are interleaved: round 1 runs every command once, then round 2, and so on, so that
# a slow spell of a shared machine falls on every size alike instead of on one size's runs.
# run_once NAME CMD...: runs CMD once under /usr/bin/time -v and appends "wall cpu rss" (wall
# seconds, CPU seconds as user+sys, peak RSS in MiB) to NAME's samples.
declare -A WALL CPU RSS
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
run_once() {
  local name=$1; shift
  if ! /usr/bin/time -v -o "$TMP/time.txt" "$@" >"$TMP/stdout.txt" 2>"$TMP/stderr.txt"; then
    log "bench: '$*' failed:"; cat "$TMP/stderr.txt" >&2; exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; wall = s }
    /User time \(seconds\)/ { user = $2 }
    /System time \(seconds\)/ { sys = $2 }
    /Maximum resident set size \(kbytes\)/ { rss = $2 / 1024 }
    END { printf "%.3f %.3f %.1f\n", wall, user + sys, rss }' "$TMP/time.txt" >>"$TMP/$name.samples"
}
# summarise NAME: the medians of NAME's samples into WALL, CPU and RSS.
summarise() {
  local name=$1
  WALL[$name]=$(cut -d' ' -f1 "$TMP/$name.samples" | median)
  CPU[$name]=$(cut -d' ' -f2 "$TMP/$name.samples" | median)
  RSS[$name]=$(cut -d' ' -f3 "$TMP/$name.samples" | median)
  log "bench: $name  wall $(tr '\n' ' ' <<<"$(cut -d' ' -f1 "$TMP/$name.samples")")s  median ${WALL[$name]}s  rss ${RSS[$name]} MB"
}
# one_after_the_other NAME FIRST SECOND: NAME's samples are those of FIRST and then SECOND run
# one after the other, round by round: wall and CPU times add up, the peak RSS is the larger.
one_after_the_other() {
  paste -d' ' "$TMP/$2.samples" "$TMP/$3.samples" |
    awk '{ printf "%.3f %.3f %.1f\n", $1 + $4, $2 + $5, ($3 > $6) ? $3 : $6 }' >"$TMP/$1.samples"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SENS_FILE="$DATA/teams-$SENS_SIZE-seed-$SEED.yaml"
for ((round = 1; round <= RUNS; round++)); do
  log "bench: round $round of $RUNS"
  for n in $SIZES; do
    run_once "review-$n" "$ESTAB" review "$DATA/teams-$n-seed-$SEED.yaml" --format csv \
      --output "$TMP/review-$n.csv"
    [[ -s "$TMP/review-$n.csv" ]] || { log "bench: review wrote nothing"; exit 1; }
  done
  if [[ $DO_REVIEW == 1 ]]; then
    run_once "sensitivity-$SENS_SIZE" "$ESTAB" sensitivity "$SENS_FILE" --format csv \
      --output "$TMP/sensitivity.csv"
  fi
  if [[ $DO_COMPARE == 1 ]]; then
    for form in copy overlay; do
      scenario="$DATA/teams-$COMPARE_SIZE-seed-$SEED-scenario-$form.yaml"
      run_once "review-$form" "$ESTAB" review "$scenario" --format csv \
        --output "$TMP/review-$form.csv"
      [[ -s "$TMP/review-$form.csv" ]] || { log "bench: review wrote nothing"; exit 1; }
      run_once "compare-$form" "$ESTAB" compare "$COMPARE_BASE" "$scenario" --format csv \
        --output "$TMP/compare-$form.csv"
      [[ -s "$TMP/compare-$form.csv" ]] || { log "bench: compare wrote nothing"; exit 1; }
    done
  fi
done
for n in $SIZES; do summarise "review-$n"; done
[[ $DO_REVIEW == 1 ]] && summarise "sensitivity-$SENS_SIZE"
if [[ $DO_COMPARE == 1 ]]; then
  for form in copy overlay; do
    summarise "review-$form"
    summarise "compare-$form"
    one_after_the_other "two-reviews-$form" "review-$COMPARE_SIZE" "review-$form"
    summarise "two-reviews-$form"
  done
  if ! cmp -s "$TMP/compare-copy.csv" "$TMP/compare-overlay.csv"; then
    log "bench: note: compare gave different CSV for the scenario as a copy and as an overlay"
  fi
fi
f=$SENS_FILE
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report -----------------------------------------------------------------------------------
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }
echo
echo "estab benchmark: $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"
if [[ -n ${BENCH_ESTAB:-} ]]; then built_from="binary $ESTAB"
else built_from="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src include 2>/dev/null || echo '+local changes')"; fi
echo "median of $RUNS runs, seed $SEED, $built_from, load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo
printf '%-22s %8s %9s %9s %9s %9s %10s %12s\n' command teams lines "MB in" "wall s" "cpu s" "RSS MiB" "us/team"
for n in $SIZES; do
  f="$DATA/teams-$n-seed-$SEED.yaml"
  lines=$(($(wc -l <"$TMP/review-$n.csv") - 1))
  printf '%-22s %8d %9d %9.1f %9.3f %9.3f %10.1f %12.1f\n' review "$n" "$lines" \
    "$(calc "$(stat -c %s "$f")/1e6" 1)" "${WALL[review-$n]}" "${CPU[review-$n]}" \
    "${RSS[review-$n]}" "$(calc "${WALL[review-$n]}*1e6/$n" 1)"
done
if [[ $DO_REVIEW == 1 ]]; then
  printf '%-22s %8d %9s %9.1f %9.3f %9.3f %10.1f %12.1f\n' sensitivity "$SENS_SIZE" "-" \
    "$(calc "$(stat -c %s "$f")/1e6" 1)" "${WALL[sensitivity-$SENS_SIZE]}" \
    "${CPU[sensitivity-$SENS_SIZE]}" "${RSS[sensitivity-$SENS_SIZE]}" \
    "$(calc "${WALL[sensitivity-$SENS_SIZE]}*1e6/$SENS_SIZE" 1)"
fi
if [[ $DO_COMPARE == 1 ]]; then
  # "MB in" counts every file the command reads: both files for compare, and an overlay's base.
  bytes() { local total=0 file; for file; do total=$((total + $(stat -c %s "$file"))); done; calc "$total/1e6" 1; }
  compare_row() {  # compare_row LABEL NAME CSV FILE...
    local label=$1 name=$2 csv=$3; shift 3
    printf '%-22s %8d %9d %9.1f %9.3f %9.3f %10.1f %12.1f\n' "$label" "$COMPARE_SIZE" \
      "$(($(wc -l <"$csv") - 1))" "$(bytes "$@")" "${WALL[$name]}" "${CPU[$name]}" \
      "${RSS[$name]}" "$(calc "${WALL[$name]}*1e6/$COMPARE_SIZE" 1)"
  }
  compare_row "review (copy)" review-copy "$TMP/review-copy.csv" "$SCENARIO_COPY"
  compare_row "review (overlay)" review-overlay "$TMP/review-overlay.csv" \
    "$SCENARIO_OVERLAY" "$COMPARE_BASE"
  compare_row "compare (copy)" compare-copy "$TMP/compare-copy.csv" "$COMPARE_BASE" "$SCENARIO_COPY"
  compare_row "compare (overlay)" compare-overlay "$TMP/compare-overlay.csv" \
    "$COMPARE_BASE" "$SCENARIO_OVERLAY" "$COMPARE_BASE"
  echo "copy: ${SCENARIO_COPY#"$ROOT/"}, the base file with a few changes;"
  echo "overlay: ${SCENARIO_OVERLAY#"$ROOT/"}, the same changes as an overlay of the base."
fi
echo

FAILED=0
verdict() {  # verdict LABEL MEASURED LIMIT
  local ok; ok=$(awk "BEGIN { print ($2 <= $3) ? 1 : 0 }")
  if [[ $ok == 1 ]]; then printf 'PASS  %-58s %10s <= %s\n' "$1" "$2" "$3"
  else printf 'FAIL  %-58s %10s >  %s\n' "$1" "$2" "$3"; FAILED=1; fi
}
w() { echo "${WALL[review-$1]:-}"; }
c() { echo "${CPU[review-$1]:-}"; }

if [[ -n $(w 3000) && -n $(w 20000) ]]; then
  per_team_growth=$(calc "($(w 20000)/20000)/($(w 3000)/3000)")
  echo "growth: per-team time at 20,000 / per-team time at 3,000 = $per_team_growth (1.00 = linear)"
  # Fit t = c * n^k between 3,000 and 20,000 teams; 2x the teams then costs 2^k x the time.
  doubling=$(awk "BEGIN { k = log($(w 20000)/$(w 3000))/log(20000/3000); printf \"%.3f\", 2^k }")
  echo "growth: 2x the teams costs ${doubling}x the time (fitted from 3,000 -> 20,000)"
fi
if [[ -n $(w 10000) && -n $(w 20000) ]]; then
  direct=$(calc "$(w 20000)/$(w 10000)")
  echo "growth: time(20,000) / time(10,000) = ${direct}x (measured directly)"
fi
if [[ $DO_REVIEW == 1 ]]; then
  sens_ratio=$(calc "${WALL[sensitivity-$SENS_SIZE]}/$(w $SENS_SIZE)")
  echo "sensitivity / review at $SENS_SIZE teams = ${sens_ratio}x"
fi
declare -A COMPARE_TIME_RATIO COMPARE_RSS_RATIO
if [[ $DO_COMPARE == 1 ]]; then
  for form in copy overlay; do
    COMPARE_TIME_RATIO[$form]=$(calc "${WALL[compare-$form]}/${WALL[two-reviews-$form]}")
    COMPARE_RSS_RATIO[$form]=$(calc "${RSS[compare-$form]}/${RSS[two-reviews-$form]}")
    echo "compare ($form) at $COMPARE_SIZE teams: wall ${WALL[compare-$form]} s / two reviews" \
      "(base, then $form) ${WALL[two-reviews-$form]} s = ${COMPARE_TIME_RATIO[$form]}x;"
    echo "  peak RSS ${RSS[compare-$form]} MiB / the larger review's ${RSS[two-reviews-$form]} MiB" \
      "= ${COMPARE_RSS_RATIO[$form]}x"
  done
fi
echo

[[ -n $(w $T_SMALL_TEAMS) ]] && verdict "review, $T_SMALL_TEAMS teams: wall s" "$(w $T_SMALL_TEAMS)" $T_SMALL_S
verdict "review, $T_BIG_TEAMS teams: wall s" "$(w $T_BIG_TEAMS)" $T_BIG_S
verdict "review, $T_BIG_TEAMS teams: peak RSS MiB" "${RSS[review-$T_BIG_TEAMS]}" $T_BIG_MB
[[ $DO_REVIEW == 1 ]] && verdict "sensitivity / review, $SENS_SIZE teams" "$sens_ratio" $T_SENS_RATIO
if [[ -n ${direct:-} ]]; then
  verdict "2x the teams: time(20,000)/time(10,000)" "$direct" $T_GROWTH
fi
if [[ -n ${doubling:-} ]]; then
  verdict "2x the teams: fitted 3,000 -> 20,000" "$doubling" $T_GROWTH
fi
if [[ $DO_COMPARE == 1 ]]; then
  for form in copy overlay; do
    verdict "compare ($form) / two reviews, $COMPARE_SIZE teams: wall" \
      "${COMPARE_TIME_RATIO[$form]}" $T_COMPARE_TIME_RATIO
    verdict "compare ($form) / one review, $COMPARE_SIZE teams: peak RSS" \
      "${COMPARE_RSS_RATIO[$form]}" $T_COMPARE_RSS_RATIO
  done
fi
echo
echo "For reference, CPU time (user+sys, summed over threads: a large file is parsed on every"
echo "core, so CPU time can exceed wall time); not a target:"
for n in $SIZES; do printf '  review %6d teams: %8.3f cpu s\n' "$n" "$(c "$n")"; done
if [[ $DO_REVIEW == 1 ]]; then
  printf '  sensitivity %6d teams: %8.3f cpu s (%.3fx review)\n' "$SENS_SIZE" \
    "${CPU[sensitivity-$SENS_SIZE]}" "$(calc "${CPU[sensitivity-$SENS_SIZE]}/$(c $SENS_SIZE)")"
fi
if [[ $DO_COMPARE == 1 ]]; then
  for form in copy overlay; do
    printf '  compare (%s) %6d teams: %8.3f cpu s (%.3fx two reviews)\n' "$form" "$COMPARE_SIZE" \
      "${CPU[compare-$form]}" "$(calc "${CPU[compare-$form]}/${CPU[two-reviews-$form]}")"
  done
fi
if [[ -n $(c 10000) && -n $(c 20000) ]]; then
  echo "  cpu(20,000)/cpu(10,000) = $(calc "$(c 20000)/$(c 10000)")x"
fi
echo
echo "bench: finished in $((SECONDS / 60)) min $((SECONDS % 60)) s"

if awk "BEGIN { exit !(${LOAD_AFTER%% *} > $(nproc)) }"; then
  echo
  echo "note: the load average (${LOAD_AFTER%% *}) exceeded the $(nproc) CPUs while measuring;"
  echo "      wall times include waiting for a CPU, so they overstate what an idle machine takes."
fi
if [[ ${BENCH_STRICT:-0} == 1 && $FAILED == 1 ]]; then exit 1; fi
exit 0
