"""The user's own pair through the real CLI: Yantai draft vs the published 通知 (issue 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from .conftest import SAMPLES


def run_json(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", *args, "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_json(str(SAMPLES / "yantai-ip-strategy-draft.txt"), str(SAMPLES / "yantai-notice-official.txt"))


def kinds(report: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["kind"] == kind]


def test_schema_and_part_selection(report: dict[str, Any]) -> None:
    assert report["schema"] == "revdiff.report/1"
    assert "知识产权" in report["final"]["part"]
    assert len(report["final"]["parts"]) == 4


def test_twelve_removed_pledges(report: dict[str, Any]) -> None:
    removed = kinds(report, "funding_removed")
    values = sorted((f["draft_value"], f["unit"]) for f in removed if f["draft_value"])
    assert values == sorted([("50", "万元"), ("30", "万元"), ("5", "万元"), ("50", "万元"), ("100", "万"),
                             ("10", "万元"), ("20", "万元"), ("10", "万元"), ("500", "万"), ("50", "万元")])
    no_amount = [f["draft_text"] for f in removed if not f["draft_value"]]
    assert any("实际认证费用" in t for t in no_amount)
    assert any("购买服务" in t and "成本补贴" in t for t in no_amount)
    assert len(removed) == 12
    for f in removed:
        assert f["severity"] == "high" and f["draft_line"] and f["draft_section"]
        assert len(f["draft_text"]) < 200  # a sentence, never a paragraph


def target(report: dict[str, Any], measure_part: str, kind: str) -> list[dict[str, Any]]:
    return [f for f in kinds(report, kind) if measure_part in (f["draft_text"] or "") + (f["final_text"] or "")]


def test_targets_changed(report: dict[str, Any]) -> None:
    high_value = target(report, "高价值发明专利拥有量", "target_changed")
    assert {(f["draft_value"], f["final_value"], f["direction"]) for f in high_value} == {("10", "10.34", "raised")}
    assert len(high_value) == 2  # in the text and in the indicator table
    sat = target(report, "满意度", "target_changed")
    assert [(f["draft_value"], f["final_value"], f["direction"], f["comparator"]) for f in sat] == [
        ("90", "85", "lowered", "≥")]
    adv = target(report, "优势企业", "target_changed")
    assert any((f["draft_value"], f["final_value"], f["direction"]) == ("150", "120", "lowered") for f in adv)


def test_targets_removed_and_unchanged_not_reported(report: dict[str, Any]) -> None:
    removed = {f["draft_value"] for f in kinds(report, "target_removed")}
    assert {"6.5", "75", "3000"} <= removed
    changed_values = {f["draft_value"] for f in kinds(report, "target_changed")}
    for unchanged in ("280", "13.78", "30", "12"):
        assert unchanged not in changed_values and unchanged not in removed


def test_copyright_written_out(report: dict[str, Any]) -> None:
    (term,) = [f for f in kinds(report, "term_removed") if f["term"] == "版权"]
    assert (term["draft_count"], term["final_count"]) == (8, 0)
    assert sum(c.count("版权") for c in term["contexts"]) == 8


def section(report: dict[str, Any], draft_title: str) -> dict[str, Any]:
    return next(s for s in report["sections"] if s["draft"] and s["draft"]["title"] == draft_title)


def test_sections(report: dict[str, Any]) -> None:
    assert section(report, "发展基础")["status"] == "removed"
    assert section(report, "面临的机遇与挑战")["status"] == "removed"
    for title in ("总体要求与发展目标", "主要任务", "保障措施"):
        s = section(report, title)
        assert s["status"] in ("unchanged", "modified") and s["renumbered"], title
    for old, new in [("建设高价值专利培育中心", "开展高价值专利培育和布局"), ("推进商标、版权高质量发展", "推进商标高质量发展"),
                     ("引导贯彻《企业知识产权管理规范》", "持续培育知识产权优势企业"), ("落实资源保障", "落实资金保障")]:
        s = section(report, old)
        assert s["status"] == "renamed" and s["final"]["title"] == new
    merged = [s for s in report["sections"] if s["status"] == "merged"]
    assert len(merged) >= 2 and len({s["final"]["title"] for s in merged}) == 1


def test_no_false_alarms_on_statistics(report: dict[str, Any]) -> None:
    for f in report["findings"]:
        if f["kind"].startswith(("funding", "target")):
            text = f["draft_text"] or ""
            for stat in ("7816.42", "60亿元", "9亿", "达到15家"):
                assert stat not in text, f


def test_diffs_reconstruct_bodies(report: dict[str, Any]) -> None:
    for s in report["sections"]:
        for op, text in s["diff"]:
            assert op in (-1, 0, 1) and isinstance(text, str) and text


def test_web_vs_official_rendition() -> None:
    r = run_json(str(SAMPLES / "yantai-notice-web.txt"), str(SAMPLES / "yantai-notice-official.txt"),
                 "--draft-part", "知识产权", "--final-part", "知识产权")
    assert not [f for f in r["findings"] if f["kind"].startswith(("funding_removed", "funding_changed", "target_changed"))]
    added = [s for s in r["sections"] if s["status"] == "added"]
    assert any(s["final"]["kind"] == "table" for s in added)
    assert sum(1 for s in added if s["final"]["kind"] == "box") == 4
    modified = [s for s in r["sections"] if s["status"] == "modified"]
    assert modified and all(s["similarity"] > 0.8 for s in modified)


def test_library_compare_can_be_called_twice() -> None:
    import revdiff

    first = revdiff.compare(str(SAMPLES / "yantai-ip-strategy-draft.txt"), str(SAMPLES / "yantai-notice-official.txt"))
    second = revdiff.compare(str(SAMPLES / "yantai-ip-strategy-draft.txt"), str(SAMPLES / "yantai-notice-official.txt"))
    assert callable(revdiff.compare)
    assert first.to_json() == second.to_json()
