#!/usr/bin/env bash
# Runs the estab_fuzz_load libFuzzer target single-process for SECONDS (default 600).
# Usage: fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#
# Environment:
#   ESTAB_FUZZ_BIN      the fuzzer binary   (default: build-fuzz/fuzz/estab_fuzz_load)
#   ESTAB_FUZZ_CORPUS   the working corpus  (default: fuzz/corpus; grows across runs)
#   ESTAB_FUZZ_STRICT_RANGE=1  treat std::range_error as a finding (default 1 here)
#   ESTAB_FUZZ_BOUNDS=1 also check the cost bound and render every format (see README.md)
# Seeds are (re)made in fuzz/seeds; crashes, hangs and leaks go to fuzz/artifacts/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-600}"
shift || true
bin="${ESTAB_FUZZ_BIN:-$root/build-fuzz/fuzz/estab_fuzz_load}"
corpus="${ESTAB_FUZZ_CORPUS:-$here/corpus}"
seeds="$here/seeds"
artifacts="$here/artifacts"

if [[ ! -x "$bin" ]]; then
  echo "run.sh: no fuzzer at $bin; build it first (see fuzz/README.md)" >&2
  exit 2
fi
"$here/make_seeds.sh" "$seeds"
mkdir -p "$corpus" "$artifacts"

export ESTAB_FUZZ_STRICT_RANGE="${ESTAB_FUZZ_STRICT_RANGE:-1}"
# Leaks are findings; UBSan already aborts (-fno-sanitize-recover), make it print a stack.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# The first directory receives new inputs; the seeds are only read.
exec "$bin" "$corpus" "$seeds" \
  -dict="$here/estab.dict" \
  -max_total_time="$seconds" \
  -timeout=5 \
  -rss_limit_mb=2048 \
  -max_len=16384 \
  -detect_leaks=1 \
  -print_final_stats=1 \
  -artifact_prefix="$artifacts/" \
  "$@" < /dev/null
