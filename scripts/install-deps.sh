#!/usr/bin/env bash
# Installs what estab needs to build and test, from Debian 12 (bookworm) packages only.
set -euo pipefail
packages=(
  cmake ninja-build g++ python3 python3-yaml python3-jsonschema
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev catch2
  libxlsxwriter-dev libcsv-dev pkg-config chromium clang-format git
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
