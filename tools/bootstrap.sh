#!/usr/bin/env bash
# Set up everything Roadshow Desk needs on Debian/Ubuntu: system packages (installed when
# running as root, otherwise named), a .venv with the app and its test tools.
# Usage: tools/bootstrap.sh [--test]     (--test also installs the test and build extras:
#                                         the frozen build's test needs PyInstaller)
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  fonts-wqy-microhei   # CJK TrueType font: Qt draws boxes and PDFs cannot embed without one
  fonts-cantarell      # a CFF .otf: the test that such fonts are refused uses it
  poppler-utils        # pdftoppm: tests rasterise PDFs to decode their QR codes
  python3-venv
  postgresql           # initdb/pg_ctl: the tests start a throwaway server; `server init`
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install these system packages (as root): apt-get install ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test,postgresql,build]"
else
  .venv/bin/python -m pip install -q -e ".[postgresql]"
fi
