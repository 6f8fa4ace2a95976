#!/usr/bin/env bash
# Copies the project's example and test inputs into a seed directory for the fuzzer.
# Usage: fuzz/make_seeds.sh [DIR]   (default: fuzz/seeds, git-ignored)
#
# Scenario overlays (examples/scenarios/*.yaml, tests/overlays/**/*.yaml) are copied as they
# are: the fuzz target loads every input as if it were examples/scenarios/fuzz-input.yaml, so a
# scenario's `extends: ../trust.yaml` resolves to the real example. Overlays from tests/overlays
# have their relative `extends` rewritten to the absolute path of the file they named.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:-$here/seeds}"
mkdir -p "$out"

count=0
copy() {  # copy SOURCE PREFIX
  local source="$1" prefix="$2"
  cp "$source" "$out/$prefix-$(basename "$source")"
  count=$((count + 1))
}

shopt -s nullglob
for file in "$root"/examples/*.yaml; do copy "$file" example; done
for file in "$root"/examples/scenarios/*.yaml; do copy "$file" scenario; done
for file in "$root"/tests/bad/*.yaml; do copy "$file" bad; done
for file in "$root"/tests/oracle/cases/*.yaml; do copy "$file" oracle; done
for file in "$root"/tests/scenarios/*.yaml; do copy "$file" test-scenario; done

# Overlays elsewhere extend files relative to themselves; point them at the real files.
while IFS= read -r -d '' file; do
  dir="$(dirname "$file")"
  name="overlay-$(echo "${file#"$root"/tests/overlays/}" | tr '/' '-')"
  awk -v dir="$dir" '
    /^extends:[ \t]*/ {
      target = $0; sub(/^extends:[ \t]*/, "", target); gsub(/["\047]/, "", target)
      if (target !~ /^\//) target = dir "/" target
      print "extends: " target; next
    }
    { print }' "$file" > "$out/$name"
  count=$((count + 1))
done < <(find "$root/tests/overlays" -name '*.yaml' -print0 2>/dev/null)

# A few hand-written seeds for features the files above may not reach: --set lines (the
# target passes each "#set " comment line as an override) and non-finite spellings.
cat > "$out/hand-set-overrides.yaml" <<'YAML'
#set assumptions.sickness=5%
#set teams[t].staffing[rn].funded_wte=12
#set review.uplift_method=additive
estab: 1
professions:
  - {id: rn, registered: true, cost_per_wte: 50000}
teams:
  - id: t
    staffing:
      - profession: rn
        hours_per_week: 375
        funded_wte: 10
        in_post_wte: 9
YAML
cat > "$out/hand-extends-set.yaml" <<'YAML'
#set teams[atu].beds=0
estab: 1
extends: ../trust.yaml
assumptions:
  sickness: {days: 12}
YAML
cat > "$out/hand-tiny.yaml" <<'YAML'
estab: 1
professions: [{id: p, registered: false}]
teams: [{id: t, staffing: [{profession: p, fixed_wte: 1}]}]
YAML
count=$((count + 3))
echo "make_seeds: $count seeds in $out"
