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
# Both cores: one worker per core, each test file kept in one worker (its session fixtures --
# the PostgreSQL server, the frozen build -- are made once per worker). PYTEST_WORKERS=0: serial.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@" || status=$?
exit $status
