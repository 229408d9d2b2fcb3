#!/usr/bin/env bash
# Build the one-folder app: dist/roadshow-desk/ (packaging/roadshow-desk.spec is the recipe;
# tools/build.ps1 does the same steps on Windows). Copy that folder, or the zip, to the desks.
# Usage: tools/build.sh [--zip]     (--zip also writes dist/roadshow-desk-VERSION-PLATFORM.zip)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# 1. The app and PyInstaller (the build extra), in the project's virtual environment.
.venv/bin/python -m pip install -q -e ".[build]"
# 2. The frozen one-folder build.
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/roadshow-desk.spec
version=$(dist/roadshow-desk/roadshow-desk --version | awk '{print $2}')
size=$(du -s --apparent-size -B1M dist/roadshow-desk | cut -f1)
echo "Built dist/roadshow-desk/ (version ${version}, ${size} MB) in $(( $(date +%s) - start )) s."
# 3. Optionally a zip named after the version and the platform.
if [ "${1:-}" = "--zip" ]; then
  archive="dist/roadshow-desk-${version}-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
  .venv/bin/python -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', 'dist', 'roadshow-desk')" "$archive"
  echo "Wrote ${archive}.zip"
fi
