#!/usr/bin/env bash
# Builds, serves, tests and benchmarks the explorer.
#
#   ./build.sh serve   build the release wasm and serve www/ on http://127.0.0.1:8000
#   ./build.sh test    every test: Rust, wasm in headless Chromium, browser end-to-end
#   ./build.sh bench   extraction and in-browser query benchmarks, printed as tables
#   ./build.sh dist    dist/: a single offline HTML file and the embeddable files
#   ./build.sh wasm    only build www/pkg/
#
# Each command installs what it is missing first (wasm target, wasm-bindgen
# CLI matching Cargo.lock, binaryen, Chromium, npm packages), so it works on a
# fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${PORT:-8000}"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# What this script cannot install for you.
require() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: missing ${missing[*]}. Install Rust with rustup (cargo, rustup), and python3, node and npm" >&2
  echo "(on Debian: apt-get install python3 nodejs npm); everything else is installed here." >&2
  exit 1
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # `env`: with no sudo (as root), an assignment after an empty word would
  # be read as the command.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_wasm() {
  rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown \
    || { log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    log "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --locked \
      || cargo install wasm-bindgen-cli --version "$want"
  fi
  command -v wasm-opt >/dev/null || apt_install binaryen
}

setup_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
  if [ ! -d node_modules/playwright-core ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --silent
  fi
}

build_wasm() {
  setup_wasm
  log "building the release wasm"
  cargo build --lib --target wasm32-unknown-unknown --profile wasm --features wasm
  # wasm-opt runs before wasm-bindgen: Debian's binaryen, run after it, turns
  # the externref table into a funcref one and the module fails to load.
  # --low-memory-unused: Rust puts its 1 MB stack first, growing down, so the
  # lowest kilobyte is never addressed and small constant offsets fold into
  # loads and stores (1 KB less gzipped).
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
    --low-memory-unused --converge \
    target/wasm32-unknown-unknown/wasm/article_explorer.wasm -o target/article_explorer.opt.wasm
  wasm-bindgen target/article_explorer.opt.wasm --out-name article_explorer --target web --out-dir www/pkg
  local raw gz
  raw=$(stat -c %s www/pkg/article_explorer_bg.wasm)
  gz=$(gzip -9 -c www/pkg/article_explorer_bg.wasm | wc -c)
  log "www/pkg/article_explorer_bg.wasm: $raw bytes, $gz bytes gzipped (budget 200000)"
}

serve() {
  build_wasm
  log "serving www/ at http://127.0.0.1:$PORT/"
  echo "Open http://127.0.0.1:$PORT/ in a browser (Ctrl-C stops)."
  exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
}

test_all() {
  if [ ! -f ../shared/tools/score.py ] && [ -z "${SHARED_DIR:-}" ]; then
    log "note: ../shared not found: the seed, demo-score and Reuters tests in tests/shared.rs pass without checking anything"
  fi
  log "cargo test"
  cargo test --all-targets
  cargo test --doc
  if [ -f tests/web.rs ]; then
    setup_wasm; setup_browser
    log "wasm tests in headless Chromium"
    CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features wasm --test web
  fi
  if [ -d tests/e2e ]; then
    build_wasm; setup_browser
    log "browser end-to-end tests"
    node --test tests/e2e/
  fi
}

bench() {
  log "extraction benchmark (native)"
  cargo bench --bench extract
  log "query engine benchmark (native)"
  cargo bench --bench query
  log "scaling benchmark (native)"
  cargo bench --bench scaling
  if [ -f benches/browser.mjs ]; then
    build_wasm; setup_browser
    log "in-browser benchmark"
    node benches/browser.mjs
  fi
}

dist() {
  build_wasm
  log "writing dist/"
  node scripts/dist.mjs
}

case "${1:-}" in
  serve) require cargo rustup python3; serve ;;
  test) require cargo rustup python3 node npm; test_all ;;
  bench) require cargo rustup node npm; bench ;;
  dist) require cargo rustup node; dist ;;
  wasm) require cargo rustup; build_wasm ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
