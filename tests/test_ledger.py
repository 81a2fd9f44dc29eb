"""The commitment ledger (`revdiff ledger`) through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES


def ledger(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", "ledger", *args], capture_output=True, text=True,
                          encoding="utf-8", check=False)


def test_yantai_draft_pledges_and_indicator_targets() -> None:
    proc = ledger(str(SAMPLES / "yantai-ip-strategy-draft.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "revdiff.ledger/1"
    pledges = [e for e in data["entries"] if e["kind"] == "pledge"]
    assert len(pledges) == 12
    table = [e for e in data["entries"] if e["kind"] == "target" and e["source"] == "table"]
    assert len(table) == 8
    sat = next(e for e in table if "满意度" in e["subject"])
    assert (sat["value"], sat["comparator"], sat["unit"], sat["year"], sat["attribute"]) == ("90", "≥", "分", "2025", "预期性")
    assert all(e["line"] > 0 and e["section"] for e in data["entries"])
    # past statistics of 发展基础 are not commitments
    assert not [e for e in data["entries"] if e["kind"] in ("pledge", "target") and "发展基础" in e["section"]]


def test_published_strategy_lists_none_of_the_pledges() -> None:
    proc = ledger(str(SAMPLES / "yantai-notice-official.txt"), "--part", "知识产权", "--format", "json")
    data = json.loads(proc.stdout)
    assert data["parts"] == ["烟台市“十四五”知识产权强市战略纲要"]
    assert [e for e in data["entries"] if e["kind"] == "pledge"] == []
    assert len([e for e in data["entries"] if e["kind"] == "target" and e["source"] == "table"]) == 6


def test_csv_has_bom_and_one_row_per_entry(tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    proc = ledger(str(SAMPLES / "weihai-ip-demo-city-plan-2018.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    kinds = {r["kind"] for r in rows}
    assert "agency" in kinds and "target" in kinds
    assert all(r["line"].isdigit() for r in rows)


def test_unknown_part_is_one_line_error() -> None:
    proc = ledger(str(SAMPLES / "yantai-notice-official.txt"), "--part", "不存在的部分")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "--part" in proc.stderr and "Traceback" not in proc.stderr
