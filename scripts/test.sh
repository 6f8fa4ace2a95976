#!/usr/bin/env bash
# Checks that the sources are clang-format clean, builds estab with warnings as errors and runs
# every test (unit, end-to-end, worked examples, differential), then builds it again under
# AddressSanitizer and UndefinedBehaviorSanitizer and runs every test a second time.
# ESTAB_SKIP_SANITIZERS=1 skips the second pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESTAB_BUILD_DIR:-$root/build}
jobs=$(nproc)

"$root/scripts/check-format.sh"
cmake -S "$root" -B "$build" -G Ninja -DESTAB_WERROR=ON
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$jobs"

if [ "${ESTAB_SKIP_SANITIZERS:-0}" != "1" ]; then
  sanitized=${build}-sanitize
  # Warnings are enforced by the first pass; GCC 12 gives false maybe-uninitialized warnings
  # when the sanitizers are on, so this pass does not treat warnings as errors.
  cmake -S "$root" -B "$sanitized" -G Ninja -DESTAB_WERROR=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
  cmake --build "$sanitized"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$sanitized" --output-on-failure -j "$jobs"
fi
