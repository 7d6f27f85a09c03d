"""``scripts/bench.sh --quick`` runs in the ordinary test run, so the benchmarks cannot rot:
every benchmark must still run and report every metric issue 14 names. Its figures (tiny
sizes, a loaded machine) are not checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import TARGETS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_quick_reports_every_metric(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {key: value for key, value in os.environ.items() if not key.startswith("FITNOTE_")}
    if os.environ.get("FITNOTE_TEST_PG_URL"):  # the suite's PostgreSQL (two-instance test)
        env["FITNOTE_TEST_PG_URL"] = os.environ["FITNOTE_TEST_PG_URL"]
    env["FITNOTE_PYTHON"] = sys.executable
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    run = subprocess.run(
        ["bash", str(ROOT / "scripts" / "bench.sh"), "--quick", "--output", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    metrics = json.loads(out.read_text())["metrics"]
    assert set(metrics) == set(TARGETS)
    for name, metric in metrics.items():
        assert set(metric) >= {"value", "unit", "baseline", "ratio"}, name
        assert metric["value"] > 0, name
    for name in TARGETS:
        assert name in run.stdout  # the table on the terminal
