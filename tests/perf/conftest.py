"""Benchmarks are not part of the default test run: they measure, they do not assert.

Run them with: FITNOTE_PERF=1 .venv/bin/python -m pytest tests/perf -s
Each prints its figures as ratios to a baseline measured in the same run.
"""

import os

if os.environ.get("FITNOTE_PERF") != "1":
    collect_ignore_glob = ["test_*.py"]
