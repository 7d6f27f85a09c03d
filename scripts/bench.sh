#!/usr/bin/env bash
# Every benchmark of tests/perf in one pytest process tree (issue 14): prints one table with
# each metric, its target and whether it meets it, and writes the same figures as JSON.
#
#   bash scripts/bench.sh [--quick] [--output FILE]
#
# --quick   tiny sizes and few rounds (seconds, not minutes): checks that every benchmark
#           still runs and reports; its figures mean nothing. The test suite runs this.
# --output  where to write the JSON (default: bench.json in the checkout).
# The interpreter is .venv/bin/python unless $FITNOTE_PYTHON names another.
# Exit status: 0 when every benchmark ran and reported its metrics (targets are reported,
# not enforced: a loaded machine must not make a benchmark "fail").
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
output=bench.json
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --output) output="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

python="${FITNOTE_PYTHON:-.venv/bin/python}"
export FITNOTE_PERF=1 FITNOTE_BENCH_QUICK="$quick" FITNOTE_BENCH_JSON="$(realpath -m "$output")"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" PYTHONHASHSEED=0
# An installed app starts from compiled bytecode: compile once and let Python keep it, so
# that start-up is not measured as a first-ever run (PYTHONDONTWRITEBYTECODE may be set).
unset PYTHONDONTWRITEBYTECODE
"$python" -m compileall -q fitnote_desktop >/dev/null
exec "$python" -m pytest tests/perf -q -s
