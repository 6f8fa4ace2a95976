# Shared by the benchmark scripts (sourced, not run): the tools they need, a temporary folder
# removed on exit, and the binary to measure in ESTAB, a Release build in bench/build-release
# unless BENCH_ESTAB names one. Expects ROOT (the repository) and BUILD to be set, and the
# current directory to be ROOT.

log() { printf '%s\n' "$*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  log "bench: /usr/bin/time is missing; installing the Debian 'time' package"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq >&2 && apt-get install -y -qq time >&2
  else
    sudo apt-get update -qq >&2 && sudo apt-get install -y -qq time >&2
  fi
fi
command -v python3 >/dev/null || { log "bench: python3 is required"; exit 1; }
command -v ninja >/dev/null || { log "bench: ninja is required (apt-get install ninja-build)"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/estab-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

if [[ -n ${BENCH_ESTAB:-} ]]; then
  ESTAB=$(realpath "$BENCH_ESTAB")
  [[ -x $ESTAB ]] || { log "bench: BENCH_ESTAB=$BENCH_ESTAB is not an executable file"; exit 1; }
  log "bench: measuring $ESTAB (BENCH_ESTAB; nothing is built)"
else
  log "bench: building a Release binary in bench/build-release"
  if ! cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DESTAB_BUILD_TESTS=OFF \
         >"$TMP/build.txt" 2>&1 ||
     ! nice cmake --build "$BUILD" --target estab >>"$TMP/build.txt" 2>&1; then
    log "bench: the build failed:"; tail -40 "$TMP/build.txt" >&2; exit 1
  fi
  ESTAB="$BUILD/estab"
fi
