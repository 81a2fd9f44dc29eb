"""Smoke run of the benchmark (smallest ladder size, one run) so that it cannot rot.

No timing assertions: timings stay out of the test suite (issue 6); this only checks that
``benchmarks/run.py --quick`` runs to the end, prints figures and leaves RESULTS.md alone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_quick_runs_and_prints_a_figure(tmp_path: Path) -> None:
    results = ROOT / "benchmarks" / "RESULTS.md"
    before = results.read_bytes() if results.exists() else None
    out = tmp_path / "quick.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert re.search(r"headline HTML \d+\.\d+ s", proc.stdout), proc.stdout[-3000:]
    assert re.search(r"HTML: \d+\.\d+ s", proc.stdout), proc.stdout[-3000:]  # the smallest ladder size
    assert out.exists() and "Done-when criteria" in out.read_text(encoding="utf-8")
    after = results.read_bytes() if results.exists() else None
    assert after == before, "--quick must not overwrite benchmarks/RESULTS.md"
