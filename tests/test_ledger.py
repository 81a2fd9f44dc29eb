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


NOTICE_WITHOUT_TITLE = """某某县人民政府办公室关于印发《某某县科技创新奖补办法》的通知
各乡镇人民政府，县直各部门：
现将《某某县科技创新奖补办法》印发给你们，请遵照执行。
某某县人民政府办公室
2024年3月1日
（此件公开发布）
一、奖补对象
（一）对首次认定的高新技术企业，一次性给予20万元奖励。
（二）到2026年，全县高新技术企业达到60家。
二、资金保障
县财政每年安排科技创新专项资金300万元。
"""


def test_issued_document_without_a_title_line_is_still_a_document(tmp_path: Path) -> None:
    # the notice names the document; the document itself starts with 一、 (no title line):
    # its pledges and targets are the ledger's, not hidden in the notice
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE_WITHOUT_TITLE, encoding="utf-8")
    proc = ledger(str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["parts"] == ["某某县科技创新奖补办法"]
    got = sorted((e["kind"], e["value"], e["unit"], e["line"]) for e in data["entries"] if e["kind"] != "deadline")
    # the numbered sentences with an amount are body, not titles: their amounts are read
    assert got == [("pledge", "20", "万元", 8), ("pledge", "300", "万元", 11), ("target", "60", "家", 9)]


def test_a_figure_as_of_a_past_date_is_no_deadline(tmp_path):
    # issue 15: 截至2020年底 dates a statistic; 到2026年 sets a deadline
    doc = tmp_path / "plan.txt"
    doc.write_text("某市养老服务体系建设规划\n\n一、发展基础\n截至2022年底，全市共有养老机构86家，床位1.2万张。"
                   "截止到2022年末，建成社区养老服务站140个。\n\n二、发展目标\n到2026年，全市养老床位达到1.5万张。\n",
                   encoding="utf-8")
    entries = json.loads(ledger(str(doc), "--format", "json").stdout)["entries"]
    assert [e["year"] for e in entries if e["kind"] == "deadline"] == ["2026"]


def test_a_postfix_comparator_stays_after_the_value(tmp_path):
    # issue 15: "以上3000平方米" read backwards; the text writes 3000平方米以上
    doc = tmp_path / "plan.txt"
    doc.write_text("某区文化产业发展方案\n\n一、发展目标\n到2026年，建成文化产业园区2个，新增园区建筑面积8000平方米以上，"
                   "文化产业增加值年均增长8%以上。\n", encoding="utf-8")
    md = ledger(str(doc), "--format", "md").stdout
    assert "**8000平方米以上**" in md and "**8%以上**" in md
    assert "以上8" not in md
