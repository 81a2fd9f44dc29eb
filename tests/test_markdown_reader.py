"""The Markdown reader: front matter, markup as formatting, headings, tables, line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

import revdiff
from revdiff.readers import choose_reader, read, sniff

from .conftest import SAMPLES
from .test_lazy_imports import loaded_after
from .test_nothing_lost import _chars, accounted

LAWS = Path(__file__).parent / "laws"
LAW_FILES = sorted(LAWS.glob("*-law-*.md"))  # the national law seeds (each with its 题注)

NOTE = """---
title: 某市优化营商环境若干措施
source: "某市人民政府网"
date: 2023-05-04
---

![](https://example.org/banner.png)

# 某市优化营商环境若干措施

<!-- 正文开始 -->

## 一、简化审批

1. 企业开办时间压缩至1个工作日。
2. 推行[电子证照](https://example.org/e)全域通用。

[返回首页](https://example.org/)

## 附　则

| 事项 | 时限 |
|------|------|
| 开办 | 1日 |
| 登记 | 3日 |

***

本措施自印发之日起施行，由**市发展改革委**负责解释。
"""


def _raw(tmp_path: Path, text: str, name: str = "note.md"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(str(path)), path


def _line(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_front_matter_is_metadata_and_title(tmp_path: Path) -> None:
    raw, _ = _raw(tmp_path, NOTE)
    assert raw.format == "md"
    assert raw.metadata == {"title": "某市优化营商环境若干措施", "source": "某市人民政府网", "date": "2023-05-04"}
    assert raw.title == "某市优化营商环境若干措施"
    assert not any(b.text.strip() in ("---", "") or "source:" in b.text for b in raw.blocks if b.text)


def test_markup_is_dropped_with_its_line_and_text_keeps_its_line(tmp_path: Path) -> None:
    raw, _ = _raw(tmp_path, NOTE)
    texts = {b.text: b.line for b in raw.blocks if b.text}
    assert texts["某市优化营商环境若干措施"] == _line(NOTE, "# 某市")
    assert texts["一、简化审批"] == _line(NOTE, "## 一、")
    assert texts["2.推行电子证照全域通用。"] == _line(NOTE, "2. 推行")  # link text kept, target dropped
    assert texts["本措施自印发之日起施行，由市发展改革委负责解释。"] == _line(NOTE, "本措施")
    dropped = {b.line: b.text for b in raw.dropped}
    for needle in ("![](", "<!-- 正文开始 -->", "[返回首页]", "***"):
        assert needle.strip("[]()!") in dropped[_line(NOTE, needle)]
    assert "https://example.org/e" in dropped[_line(NOTE, "2. 推行")]
    for b in raw.blocks:
        assert not any(mark in b.text for mark in ("#", "**", "<!--", "](", "|"))


def test_headings_without_a_number_get_a_level_numbered_ones_are_left_to_the_numbering(tmp_path: Path) -> None:
    raw, _ = _raw(tmp_path, NOTE)
    level = {b.text: b.style_level for b in raw.blocks if b.text}
    assert level["一、简化审批"] is None
    assert level["附　则"] == 1
    assert level["某市优化营商环境若干措施"] is None  # the first heading is the title


def test_pipe_table_rows_become_table_rows(tmp_path: Path) -> None:
    raw, _ = _raw(tmp_path, NOTE)
    rows = [(b.cells, b.table, b.line) for b in raw.blocks if b.cells is not None]
    assert rows == [(["事项", "时限"], 1, _line(NOTE, "| 事项")), (["开办", "1日"], 1, _line(NOTE, "| 开办")),
                    (["登记", "3日"], 1, _line(NOTE, "| 登记"))]
    doc = revdiff.outline(str(tmp_path / "note.md"))
    tables = [n for p in doc.parts for n in p.nodes() if n.kind == "table"]
    assert [t.rows for t in tables] == [[["事项", "时限"], ["开办", "1日"], ["登记", "3日"]]]


def test_emphasis_next_to_cjk_punctuation_is_formatting(tmp_path: Path) -> None:
    """CommonMark leaves **（一）标题。**正文 unclosed; its marks are still not text."""
    raw, _ = _raw(tmp_path, "## 一、总体要求\n\n**（一）基本原则。**坚持*稳中求进*。\n\n价格为3\\*4元。\n")
    texts = [b.text for b in raw.blocks if b.text]
    assert texts == ["一、总体要求", "（一）基本原则。坚持稳中求进。", "价格为3*4元。"]


def test_nothing_of_the_note_is_lost(tmp_path: Path) -> None:
    _, path = _raw(tmp_path, NOTE)
    assert accounted(revdiff.outline(str(path))) == _chars(NOTE)


@pytest.mark.parametrize("text, expected", [
    (NOTE, "markdown"),
    ("---\ntitle: 通知\n---\n正文。\n", "markdown"),
    ("# 标题\n\n正文。\n\n## 一、总则\n\n### （一）目标\n", "markdown"),
    ("**关于印发某某办法的通知**\n\n| 项目 | 金额 |\n| --- | --- |\n", "markdown"),
    ("某某办法\n\n第一条 为了……制定本办法。\n# 这一行偶然以井号开头\n", "text"),
    ("某某办法\n**重点**一词只出现一次。\n---\n", "text"),
    ("某某办法\n------\n一、总则\n", "text"),
])  # fmt: skip
def test_markdown_is_sniffed_by_content_and_plain_text_stays_text(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "copy.txt"  # the extension says text: content decides
    path.write_text(text, encoding="utf-8")
    assert choose_reader(path.read_bytes(), str(path)).name == expected


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_the_seed_texts_stay_text(name: str) -> None:
    assert not sniff.markdown((SAMPLES / name).read_bytes())


def test_md_extension_without_marks_is_read_as_markdown(tmp_path: Path) -> None:
    raw, _ = _raw(tmp_path, "某某办法\n\n第一条 为了规范管理，制定本办法。\n")
    assert raw.format == "md"


def test_reading_markdown_imports_markdown_it_and_text_does_not(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    assert "markdown_it" in loaded_after(["outline", str(tmp_path / "a.md")], tmp_path)
    assert "markdown_it" not in loaded_after(["outline", str(SAMPLES / "taian-ip-outline-draft.txt")], tmp_path)


@pytest.mark.parametrize("path", LAW_FILES, ids=lambda p: p.name)
def test_law_collection_markdown_reads_into_title_preamble_and_chapters(path: Path) -> None:
    doc = revdiff.outline(str(path))
    text = path.read_text(encoding="utf-8")
    assert doc.format == "md"
    part = doc.parts[0]
    assert part.title == text.splitlines()[0].lstrip("# ").strip()
    assert "全国人民代表大会常务委员会" in part.text  # the 题注 (adoption history) is the preamble
    chapters = [n for n in part.sections if n.number.startswith("第") and n.number.endswith("章")]
    assert len(chapters) == text.count("\n## 第")
    everything = [part.text] + [n.number + n.title + n.text for n in part.nodes()]
    assert not any(mark in t for t in everything for mark in ("#", "<!--", "INFO END"))
    assert accounted(doc) == _chars(text)


def test_br_tags_split_a_source_line_into_lines_that_cite_it(tmp_path: Path) -> None:
    text = "# 某某办法\n\n第一条　为了规范管理，制定本办法。<br>第二条　本办法适用于全市。<br/>第三条　自发布之日起施行。\n"
    _, path = _raw(tmp_path, text)
    doc = revdiff.outline(str(path))
    nodes = doc.parts[0].nodes()
    assert [(n.number, n.line_start) for n in nodes] == [("第一条", 3), ("第二条", 3), ("第三条", 3)]
    assert [(b.text, b.line) for b in doc.dropped] == [("#", 1), ("<br><br/>", 3)]  # a line's markup together


def test_html_blocks_keep_their_text_without_tags_or_comments(tmp_path: Path) -> None:
    text = ("# 某某办法\n\n<section style=\"color:red\">第一条　为了规范管理&amp;服务，制定本办法。</section>\n\n"
            "<!-- 以下为正文\n多行注释 -->\n\n第二条　本办法自发布之日起施行。\n")
    raw, path = _raw(tmp_path, text)
    assert [b.text for b in raw.blocks if b.text] == ["某某办法", "第一条　为了规范管理&服务，制定本办法。",
                                                     "第二条　本办法自发布之日起施行。"]
    assert accounted(revdiff.outline(str(path))) == _chars(text)
