#!/usr/bin/env bash
# Builds estab with warnings as errors and runs every test: unit, end-to-end and worked examples.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ESTAB_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DESTAB_WERROR=ON
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
