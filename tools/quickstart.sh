#!/usr/bin/env bash
# Set up and open Roadshow Desk on a demo fair (a demo database in .demo/ beside the code).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh
DB=${ROADSHOW_DESK_DB:-$PWD/.demo/demo.sqlite3}
mkdir -p "$(dirname "$DB")"
if [ ! -s "$DB" ]; then
  .venv/bin/roadshow-desk demo --db "$DB"
fi
# The demo fair is Chinese, and so is the window unless you ask otherwise (--lang en).
case " $* " in
  *" --lang "*) exec .venv/bin/roadshow-desk --db "$DB" "$@" ;;
  *) exec .venv/bin/roadshow-desk --db "$DB" --lang zh_CN "$@" ;;
esac
