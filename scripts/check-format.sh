#!/usr/bin/env bash
# Checks that every C++ source of the repository is formatted as .clang-format says; lists the
# files that are not and exits 1. Fix them with: clang-format -i FILE…
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
unformatted=()
for source in "${sources[@]}"; do
  if ! clang-format --dry-run --Werror "$source" >/dev/null 2>&1; then
    unformatted+=("$source")
  fi
done
if [ ${#unformatted[@]} -ne 0 ]; then
  echo "not clang-format clean (run clang-format -i on them):"
  printf '  %s\n' "${unformatted[@]}"
  exit 1
fi
echo "${#sources[@]} sources are clang-format clean"
