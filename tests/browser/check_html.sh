#!/usr/bin/env bash
# The HTML board paper in a real browser: renders examples/trust.yaml and a file whose names
# try to inject markup with `estab review --format html`, loads both in Debian's chromium
# (headless, every host name mapped to nowhere, network activity logged) and checks that:
#   - the DOM holds the organisation's name and every team id (taken from --format json);
#   - hostile names show as literal text, and no <script>, <img> or handler reached the DOM;
#   - the page started no network request (chromium's net log) and holds no URL at all;
#   - an A4-sized screenshot (1240x1754) is not blank (decoded with a pure-Python PNG reader);
#   - for the trust and a generated 40-team trust with very long names, nothing in the laid-out
#     page passes the edges of its text column (check_layout.py); the second's screenshot is
#     saved beside the binary as browser-long-names.png.
# Usage: check_html.sh ESTAB_BINARY
# Installs chromium with apt-get when it is missing (as root or through sudo); exits 77
# (skipped) when it cannot.
set -euo pipefail

estab=${1:?usage: check_html.sh ESTAB_BINARY}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/estab-html.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

find_chromium() {
  command -v chromium || command -v chromium-browser || true
}

browser=$(find_chromium)
if [[ -z "$browser" ]]; then
  echo "chromium is not installed; installing it with apt-get" >&2
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 ||
      { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2; } || true
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >&2 || true
  fi
  browser=$(find_chromium)
  if [[ -z "$browser" ]]; then
    echo "SKIP: chromium is not installed and cannot be installed here" >&2
    exit 77
  fi
fi

# One browser run: a fresh profile, no background services, every host unresolvable.
run_browser() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --no-default-browser-check --hide-scrollbars \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" "$@" 2>"$work/browser.log"
}

# Renders FILE as HTML and JSON into $work/NAME.html and $work/NAME.json.
render() {
  local input=$1 name=$2
  "$estab" review "$input" --format html >"$work/$name.html" ||
    fail "estab review $input --format html exited with $?"
  "$estab" review "$input" --format json >"$work/$name.json" ||
    fail "estab review $input --format json exited with $?"
  [[ -s "$work/$name.html" ]] || fail "$name.html is empty"
}

# The page as written must hold no URL and nothing that fetches or runs.
check_source() {
  local page=$1
  if grep -n -i -E 'https?://|url\(|@import|<script|<link|<img|<iframe|<object|<embed' "$page"; then
    fail "$page holds a URL, a fetch or a script (lines above)"
  fi
}

python3 "$here/png_check.py" --self-test "$work"

# --- The trust example ---------------------------------------------------------------------
render "$root/examples/trust.yaml" trust
check_source "$work/trust.html"
run_browser --log-net-log="$work/trust-net.json" --dump-dom "file://$work/trust.html" \
  >"$work/trust.dom" || fail "chromium --dump-dom failed: $(tail -n 5 "$work/browser.log")"
python3 "$here/check_dom.py" dom "$work/trust.dom" "$work/trust.json" --min-svg 3
python3 "$here/check_dom.py" netlog "$work/trust-net.json"

run_browser --screenshot="$work/trust.png" --window-size=1240,1754 "file://$work/trust.html" \
  >/dev/null || fail "chromium --screenshot failed: $(tail -n 5 "$work/browser.log")"
[[ -s "$work/trust.png" ]] || fail "chromium wrote no screenshot"
python3 "$here/png_check.py" "$work/trust.png"
if [[ -n "${ESTAB_HTML_SCREENSHOT:-}" ]]; then
  cp "$work/trust.png" "$ESTAB_HTML_SCREENSHOT"
fi

# --- Names that try to inject markup -------------------------------------------------------
script_name='<script>alert(1)</script>'
image_name="<img src=x onerror=document.body.setAttribute('data-pwned','1')>"
cat >"$work/hostile.yaml" <<EOF
estab: 1
review:
  organisation: "Trust & <b>Partners</b>"
  title: "$image_name"
  period: 2026/27
assumptions:
  sickness: 5%
professions:
  - id: rn
    name: Registered nurse
    registered: true
    cost_per_wte: 50000
teams:
  - id: "$script_name"
    name: "$script_name"
    staffing:
      - profession: rn
        hours_per_week: 75
        funded_wte: 2
        in_post_wte: 1.5
EOF
render "$work/hostile.yaml" hostile
check_source "$work/hostile.html"
run_browser --log-net-log="$work/hostile-net.json" --dump-dom "file://$work/hostile.html" \
  >"$work/hostile.dom" || fail "chromium --dump-dom failed: $(tail -n 5 "$work/browser.log")"
python3 "$here/check_dom.py" dom "$work/hostile.dom" "$work/hostile.json" --min-svg 2 \
  --literal "$script_name" --literal "$image_name" --literal "Trust & <b>Partners</b>"
python3 "$here/check_dom.py" netlog "$work/hostile-net.json"
if grep -q '<body[^>]*data-pwned' "$work/hostile.dom"; then
  fail "the injected handler ran"
fi

# --- A 40-team trust with very long names: the layout holds --------------------------------
# bench/generate.py writes the trust; check_layout.py gives four teams and a service very long
# names (one of many words, some with a long unbroken word). A copy of each page with a script
# that measures the laid-out page must find nothing outside the text column, and no sideways
# scrolling, in a 1280 px window. The screenshot is kept beside the binary for a look by eye.
python3 "$root/bench/generate.py" --teams 40 --seed 3 >"$work/generated.yaml"
python3 "$here/check_layout.py" long-names "$work/generated.yaml" "$work/long-names.yaml"
render "$work/long-names.yaml" long-names
check_source "$work/long-names.html"
run_browser --dump-dom "file://$work/long-names.html" >"$work/long-names.dom" ||
  fail "chromium --dump-dom failed: $(tail -n 5 "$work/browser.log")"
python3 "$here/check_dom.py" dom "$work/long-names.dom" "$work/long-names.json" --min-svg 3
for name in trust long-names; do
  python3 "$here/check_layout.py" instrument "$work/$name.html" "$work/$name-measured.html"
  run_browser --window-size=1280,2400 --dump-dom "file://$work/$name-measured.html" \
    >"$work/$name-measured.dom" || fail "chromium --dump-dom failed: $(tail -n 5 "$work/browser.log")"
  python3 "$here/check_layout.py" report "$work/$name-measured.dom"
done
screenshot="$(dirname "$(realpath "$estab")")/browser-long-names.png"
run_browser --screenshot="$screenshot" --window-size=1280,2400 "file://$work/long-names.html" \
  >/dev/null || fail "chromium --screenshot failed: $(tail -n 5 "$work/browser.log")"
python3 "$here/png_check.py" "$screenshot"
echo "screenshot of the 40-team trust with long names: $screenshot"

echo "browser checks passed"
