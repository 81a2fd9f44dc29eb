"""Warnings when the two files do not correspond (issue 15 item 2): low similarity, a named part
that is not the best match, one side without any table or 专栏 — and the findings that come
only from such a gap are marked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from revdiff import compare
from revdiff.sanity import MISMATCH

from .conftest import SAMPLES

DRAFT = SAMPLES / "yantai-ip-strategy-draft.txt"
OFFICIAL = SAMPLES / "yantai-notice-official.txt"

# An invented plan of another office: a 专栏 and an indicator table, then its web rendition,
# which keeps the prose and drops both (as government sites often do).
PLAN = """临江市数字乡村发展行动方案（征求意见稿）

一、总体要求
坚持统筹规划、因地制宜，推动数字技术与农业农村深度融合，到2026年建成一批数字乡村示范镇。

二、主要目标
到2026年，全市行政村光纤通达率达到100%，农产品网络零售额年均增长12%以上。
表1 临江市数字乡村主要指标
指标\t单位\t2023年\t2026年\t属性
行政村5G通达率\t%\t60\t95\t预期性
农产品网络零售额\t亿元\t8\t12\t预期性

三、重点任务
（一）夯实乡村数字基础设施
推进农村千兆光网和5G网络建设，实现重点镇村连续覆盖。
专栏1 数字基础设施提升工程
新建农村5G基站300个，对新建基站每个给予最高2万元补助。
（二）发展智慧农业
建设智慧农业示范基地10个，推广物联网监测和精准灌溉。
"""


def _web(text: str) -> str:
    """The web rendition: every line of the table and of the 专栏 dropped, the rest as is."""
    keep = []
    skip = False
    for line in text.splitlines():
        if line.startswith(("表1", "专栏1")):
            skip = True
            continue
        if skip and (line.startswith(("（二）", "三、")) or not line.strip()):
            skip = False
        if not skip:
            keep.append(line)
    return "\n".join(keep).replace("（征求意见稿）", "") + "\n"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    draft, web = tmp_path / "plan.txt", tmp_path / "plan-web.txt"
    draft.write_text(PLAN, encoding="utf-8")
    web.write_text(_web(PLAN), encoding="utf-8")
    return draft, web


def mismatch(warnings: list[str]) -> list[str]:
    return [w for w in warnings if w.startswith(MISMATCH)]


def test_the_true_pair_gets_no_mismatch_warning() -> None:
    assert mismatch(compare(str(DRAFT), str(OFFICIAL)).warnings) == []


def test_a_rendition_without_tables_and_boxes_is_named_and_its_findings_marked(tmp_path: Path) -> None:
    draft, web = _pair(tmp_path)
    assert "专栏" not in web.read_text(encoding="utf-8") and "行政村5G通达率" not in web.read_text(encoding="utf-8")
    report = compare(str(draft), str(web))
    found = mismatch(report.warnings)
    assert any("没有任何表格" in w for w in found) and any("没有任何专栏" in w for w in found)
    gap = {f.gap for f in report.findings if f.gap}
    assert gap == {"table", "box"}
    # the table's rows and the box's pledge were "removed" only because the web page dropped them
    marked = [f for f in report.findings if f.gap]
    assert any(f.kind == "target_removed" for f in marked)
    assert all(f.kind.endswith(("_removed", "_added")) for f in marked)
    # a finding from the prose is not marked
    assert all(f.gap is None for f in report.findings if f.draft_text and "光纤" in f.draft_text)


def test_two_different_plans_warn_of_low_similarity() -> None:
    report = compare(str(SAMPLES / "taian-ip-outline-draft.txt"), str(SAMPLES / "weihai-ip-demo-city-plan-2018.txt"))
    assert any("相似度" in w and "similar" in w for w in mismatch(report.warnings))


def test_a_named_part_that_is_not_the_best_match_is_named() -> None:
    report = compare(str(DRAFT), str(OFFICIAL), final_part="体育产业")
    better = [w for w in mismatch(report.warnings) if "最匹配" in w]
    assert len(better) == 1 and "知识产权强市战略纲要" in better[0].split("更相似")[0]


def test_every_format_and_stderr_carry_the_warning(tmp_path: Path) -> None:
    draft, web = _pair(tmp_path)
    for fmt in ("json", "md", "html"):
        proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(draft), str(web), "--format", fmt],
                              capture_output=True, text=True, encoding="utf-8", check=False)
        assert proc.returncode == 0, proc.stderr
        assert "没有任何表格" in proc.stdout, fmt
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("revdiff: warning: ") and "1 more" in lines[0]
        if fmt == "json":
            marked = [f for f in json.loads(proc.stdout)["findings"] if f.get("gap")]
            assert marked
        if fmt == "md":
            assert "可能不是真实改动" in proc.stdout
        if fmt == "html":
            assert 'class="gap-note"' in proc.stdout


def test_the_word_table_carries_the_warning(tmp_path: Path) -> None:
    import io

    from docx import Document

    from revdiff.render import render_bytes

    draft, web = _pair(tmp_path)
    doc = Document(io.BytesIO(render_bytes(compare(str(draft), str(web)), "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "没有任何表格" in text and "没有任何专栏" in text
    doc = Document(io.BytesIO(render_bytes(compare(str(DRAFT), str(OFFICIAL)), "docx")))
    assert not any(p.text.startswith("⚠") for p in doc.paragraphs)


def test_several_versions_warn_on_stderr_too() -> None:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(SAMPLES / "taian-ip-outline-draft.txt"),
                           str(SAMPLES / "weihai-ip-demo-city-plan-2018.txt"), str(OFFICIAL), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("revdiff: warning: ") and MISMATCH in lines[0]
