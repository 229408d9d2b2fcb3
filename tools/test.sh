#!/usr/bin/env bash
# Set up and run every check: lint, format, types, the Qt-below-ui contract, the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/bootstrap.sh --test
export QT_QPA_PLATFORM=offscreen
status=0
echo "== ruff check";  .venv/bin/ruff check src tests benchmarks tools || status=1
echo "== ruff format"; .venv/bin/ruff format --check src tests benchmarks tools || status=1
echo "== mypy";        .venv/bin/mypy || status=1
echo "== import-linter"; .venv/bin/lint-imports || status=1
echo "== pytest"
.venv/bin/python -m pytest "$@" || status=$?
exit $status
