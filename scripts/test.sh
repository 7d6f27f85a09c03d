#!/usr/bin/env bash
# The project's one test command (README quick start, and what CI runs):
# set up from scratch, start the services the tests need, lint, type-check, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

export QT_QPA_PLATFORM=offscreen
export PYTHONHASHSEED=0
cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c" || true; done' EXIT

if [ -z "${FITNOTE_TEST_PG_URL:-}" ] && [ -f scripts/pg-test-server.sh ]; then
  # A throw-away PostgreSQL cluster on loopback for the endpoint's PostgreSQL run.
  eval "$(bash scripts/pg-test-server.sh start)"
  cleanup+=("bash scripts/pg-test-server.sh stop")
fi

set +e
.venv/bin/python -m ruff check .
lint=$?
.venv/bin/python -m mypy   # files and flags from [tool.mypy] in pyproject.toml
types=$?
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ $status -eq 5 ]; then echo "test: no tests were collected: failing" >&2; exit 1; fi
if [ $lint -ne 0 ]; then echo "test: ruff found problems" >&2; exit 1; fi
if [ $types -ne 0 ]; then echo "test: mypy found problems" >&2; exit 1; fi
exit $status
