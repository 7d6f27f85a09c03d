#!/usr/bin/env bash
# Set up a development/test machine from scratch: Debian packages, then a virtual
# environment in .venv with the package and its test extra. Idempotent; FRESH=1 (or
# CI=true) rebuilds .venv from nothing so that a missing dependency cannot hide.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv python3-dev build-essential
  softhsm2 opensc            # a real PKCS#11 token for signing tests
  poppler-utils              # pdftotext, pdfsig, pdftoppm: checking the PDFs we print
  postgresql                 # the endpoint's PostgreSQL test run
  xvfb xauth imagemagick     # running the desktop app on a virtual screen
  chromium chromium-driver   # the endpoint's pages (verification, desk) in a real headless browser
  # what a screen reader gets (tests/a11y): the AT-SPI bus and registry, a session bus to
  # start them on, pyatspi for /usr/bin/python3, which reads the tree (not in .venv), and
  # Orca, whose debug log says what it would speak; xdotool gives the X focus back to the
  # main window when a dialog closes, as a window manager would (Xvfb has none)
  at-spi2-core dbus python3-pyatspi orca xdotool
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# npm for axe-core (tests/browser/package-lock.json), the browser tests' accessibility checks;
# Debian's only when the machine has no Node.js of its own
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ "${FRESH:-}" = 1 ] || [ "${CI:-}" = true ]; then rm -rf .venv; fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e '.[test]' 2>&1 | grep -v -E '^WARNING: Location|^$' || true
# compiled Qt translations (.qm) from the Linguist sources, so the UI is never stale
.venv/bin/python scripts/compile_translations.py >/dev/null
# axe-core, pinned by tests/browser/package-lock.json, injected by the browser tests
(cd tests/browser && npm ci --no-audit --no-fund --silent)
.venv/bin/python -c 'import fitnote_desktop, sqlcipher3, pyhanko, pkcs11, PySide6' \
  || { echo "setup: the virtual environment is incomplete" >&2; exit 1; }
echo "setup: ready (.venv)"
