"""Copies of the layout pairs made by real tools (tests/layouts/make_copies.py) compare as the
.txt they were made from, and the reading rules those copies needed, one by one.

Committed copies: LibreOffice's HTML export (lo.html), pandoc's Markdown (pandoc.md), the text
a reader copies from Chromium (innertext.txt), and one pair's .odt.  The browser-printed PDFs
are made here by Chromium (in .ci/run's apt list), as test_browser.py uses it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import revdiff
from revdiff.clean import clean, parse_metadata_line
from revdiff.model import Block, RawDoc
from revdiff.readers import DEFAULT_MAX_BYTES, read, sniff
from revdiff.readers import html as html_reader
from revdiff.readers.glyphs import unify_glyphs
from tests.layouts.check import differences, signature, text_signature
from tests.layouts.check_copies import copy_files
from tests.layouts.make_layouts import PAIRS

# Word's auto-numbered headings lose their 一、/（一）/第N条 in these exports: what a reader
# sees is 1. 2. …, which cannot give the .txt's heading numbers (see tests/layouts/README.md).
LOST_NUMBERS = {("action-plan-table", "lo.html"), ("indicator-table", "lo.html"),
                ("penalties-consolidated", "lo.html"), ("action-plan-table", "pandoc.md"),
                ("indicator-table", "pandoc.md"), ("penalties-consolidated", "pandoc.md"),
                ("five-year-plan", "pandoc.md")}  # the last: pandoc writes “十四五” as "十四五"
CASES = [pytest.param(name, kind, marks=[pytest.mark.xfail(strict=True)] if (name, kind) in LOST_NUMBERS else [],
                      id=f"{name}-{kind}")
         for name in PAIRS for kind in ("lo.html", "pandoc.md", "innertext.txt")]


def _same_as_text(name: str, draft: Path, final: Path) -> list[str]:
    return differences(text_signature(name), signature(revdiff.compare(str(draft), str(final)).to_dict()))


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_a_committed_copy_compares_as_its_text(name: str, kind: str) -> None:
    pair = copy_files(name, kind)
    assert pair is not None
    assert _same_as_text(name, *pair) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_an_odt_is_read_through_libreoffice() -> None:
    pair = copy_files("boxes", "odt")
    assert pair is not None and sniff.odt(pair[0].read_bytes())
    assert read(str(pair[0]), DEFAULT_MAX_BYTES).format == "odt"
    assert _same_as_text("boxes", *pair) == []


PRINTED = ["district-fund-table", "indicator-table", "five-year-plan", "property-regulation"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gov.html pages of three pairs printed to PDF by Chromium, header and footer on."""
    from tests.make_screenshot import CHROMIUM

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium must be there in CI")
        pytest.skip("chromium not installed")
    from tests.layouts.make_copies import browser_copies

    root = tmp_path_factory.mktemp("printed")
    browser_copies(PRINTED, root)
    return root


@pytest.mark.parametrize("name", PRINTED)
def test_a_page_printed_to_pdf_by_chromium_compares_as_its_text(printed: Path, name: str) -> None:
    # district-fund-table's draft is one page (no repeated header); in the titles of
    # indicator-table and five-year-plan, figures and “” are set lower by a fallback font;
    # property-regulation's 第一章　总　　则 comes out with em spaces
    pair = copy_files(name, "print.pdf", printed)
    assert pair is not None
    assert _same_as_text(name, *pair) == []
    raw = clean(read(str(pair[0]), DEFAULT_MAX_BYTES))
    dropped = [b.text for b in raw.dropped]
    assert any(t.startswith("https://www.example.gov.cn/") for t in dropped)  # the footer
    assert not any("example.gov.cn" in b.text or "1/" in b.text for b in raw.blocks)


def _raw(lines: list[str], pages: list[int] | None = None) -> RawDoc:
    return RawDoc(source="x.pdf", format="pdf", encoding="binary",
                  blocks=[Block(text=t, line=i + 1, page=None if pages is None else pages[i])
                          for i, t in enumerate(lines)])


def test_radical_code_points_become_the_characters_the_font_drew() -> None:
    raw = _raw(["⻋辆维修⽤⼈\u2003第⼀条", "澄江市⼈⺠政府"])
    unify_glyphs(raw)
    assert [b.text for b in raw.blocks] == ["车辆维修用人\u3000第一条", "澄江市人民政府"]
    assert len(raw.warnings) == 1 and "6 个部首码位" in raw.warnings[0]  # the em space is not counted
    plain = _raw(["车辆维修用人"])
    unify_glyphs(plain)
    assert plain.warnings == []


def test_a_letter_spaced_metadata_label_is_a_label() -> None:
    assert parse_metadata_line("标\u3000\u3000题：某市行动方案") == {"标题": "某市行动方案"}
    assert parse_metadata_line("发 文 字 号：某政发〔2025〕3号") == {"发文字号": "某政发〔2025〕3号"}
    assert parse_metadata_line("标\u3000准：每人每年500元") == {}  # another word that starts alike


def test_a_browser_print_header_and_footer_are_dropped_only_at_a_page_edge() -> None:
    body = ["某市促进消费若干措施", "一、发放消费券", "2025/3/1 10:00 起在各商场发放消费券。", "二、保障措施",
            "加强组织领导。", "各区抓好落实。"]
    lines = ["3/1/25, 10:05 AM 某市促进消费若干措施_某市人民政府", *body,
             "https://www.example.gov.cn/art/2025/3/1/art_1.html 1/2",
             "2025/3/1 10:05 某市促进消费若干措施_某市人民政府", "三、附则", "本措施自印发之日起施行。",
             "https://www.example.gov.cn/art/2025/3/1/art_1.html 2/2"]
    raw = clean(_raw(lines, [1] * 8 + [2] * 4))
    texts = [b.text for b in raw.blocks]
    assert "2025/3/1 10:00 起在各商场发放消费券。" in texts  # a date in the body, mid-page, stays
    assert not [t for t in texts if "example.gov.cn" in t or "_某市人民政府" in t]
    assert len([b for b in raw.dropped if "example.gov.cn" in b.text or "_某市人民政府" in b.text]) == 4


def test_firefox_print_furniture_is_dropped_too() -> None:
    # Firefox: title and address at the top, page count and date at the foot
    lines = ["某市促进消费若干措施 – 某市人民政府 https://www.example.gov.cn/art/1.html", "某市促进消费若干措施",
             "一、发放消费券", "在各商场发放消费券。", "第 1 页，共 1 页 2025/3/1 10:05"]
    raw = clean(_raw(lines, [1] * 5))
    assert [b.text for b in raw.blocks] == lines[1:4]
    # a sentence that names a website is text
    body = ["某市促进消费若干措施", "一、发放消费券", "在各商场发放消费券。", "详见 https://www.example.gov.cn/xfq"]
    assert [b.text for b in clean(_raw(body, [1] * 4)).blocks] == body


def test_glyphs_set_off_the_baseline_join_their_line() -> None:
    from revdiff.readers.pdf import _join_offset_glyphs

    def ch(t: str, x: float, top: float) -> dict[str, object]:
        return {"text": t, "x0": x, "x1": x + 24, "top": top, "bottom": top + 24, "size": 24.0}

    title = {"chars": [ch("青", 10, 100), ch("十", 58, 100), ch("五", 82, 100)], "top": 100, "bottom": 124}
    quotes = {"chars": [ch("“", 34, 105), ch("”", 106, 105)], "top": 105, "bottom": 129}
    below = {"chars": [ch("下", 10, 140)], "top": 140, "bottom": 164}
    joined = _join_offset_glyphs([title, quotes, below])
    assert ["".join(c["text"] for c in ln["chars"]) for ln in joined] == ["青“十五”", "下"]
    # glyphs over those of the line before (a line of its own, printed over it) stay apart
    over = {"chars": [ch("十", 58, 105)], "top": 105, "bottom": 129}
    assert len(_join_offset_glyphs([title, over])) == 2


LIBREOFFICE_NOTE = """<html><body>
<p>一、目标</p>
<p>2023年产值达到320亿元。<sup><a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></sup></p>
<p>二、措施</p>
<p>抄送：各部门。</p>
<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a> 数据来源：统计公报。</p></div>
</body></html>"""
PANDOC_NOTE = """<html><body><p>一、目标</p>
<p>2023年产值达到320亿元。<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
<p>二、措施</p><p>加强领导。</p>
<section class="footnotes"><ol><li id="fn1"><p>数据来源：统计公报。<a href="#fnref1" class="footnote-back">↩︎</a></p></li></ol></section>
</body></html>"""


@pytest.mark.parametrize("page", [LIBREOFFICE_NOTE, PANDOC_NOTE])
def test_a_footnote_linked_both_ways_follows_the_paragraph_citing_it(page: str) -> None:
    raw = html_reader.read(page.encode(), "x.html")
    texts = [b.text for b in raw.blocks if b.text.strip()]
    assert texts[:4] == ["一、目标", "2023年产值达到320亿元。", "脚注：数据来源：统计公报。", "二、措施"]
    assert "1" in [b.text for b in raw.dropped]


def test_a_link_to_a_section_is_no_footnote() -> None:
    page = '<html><body><p>见<a href="#s2" id="r">第二部分</a>。</p><p id="s2">二、措施</p></body></html>'
    texts = [b.text for b in html_reader.read(page.encode(), "x.html").blocks]
    assert texts == ["见第二部分。", "二、措施"]


def test_an_ordered_list_item_reads_with_the_number_a_browser_shows() -> None:
    page = ('<html><body><p>某市方案</p><ol start="3"><li><p><b>重点任务</b></p><ol><li><p>加快建设。</p></li>'
            '</ol></li><li>保障措施</li></ol><ol type="a"><li>甲</li><li>乙</li></ol><ul><li>要点</li></ul></body></html>')
    texts = [b.text for b in html_reader.read(page.encode(), "x.html").blocks if b.text.strip()]
    assert texts == ["某市方案", "3.重点任务", "1.加快建设。", "4.保障措施", "a.甲", "b.乙", "要点"]


def _outline(page: str, tmp_path: Path) -> list[tuple[int, str]]:
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    part = revdiff.outline(str(path)).parts[0]
    return [(n.level, f"{n.number}{n.title}") for n in part.nodes() if n.kind == "heading"]


def test_lists_holding_the_headings_nest_by_their_depth(tmp_path: Path) -> None:
    # LibreOffice's export of Word's auto-numbered 一、/（一）: nested <ol>, no number typed
    page = ('<html><body><p>某县乡村振兴实施方案</p><ol><li><p><b>总体要求</b></p></ol><p>坚持农业农村优先发展。</p>'
            '<ol start="2"><li><p><b>重点任务</b></p><ol><li><p>发展特色产业。</p><li><p>改善人居环境。</p></ol>'
            '<li><p><b>保障措施</b></p></ol><p>县财政安排专项资金。</p></body></html>')
    assert _outline(page, tmp_path) == [(1, "1.总体要求"), (1, "2.重点任务"), (2, "1.发展特色产业"),
                                        (2, "2.改善人居环境"), (1, "3.保障措施")]


def test_a_list_beside_typed_headings_does_not_decide_their_levels(tmp_path: Path) -> None:
    page = ('<html><body><p>某县乡村振兴实施方案</p><p>一、重点任务</p><p>（一）发展特色产业</p>'
            '<ol><li>建设基地。<ol><li>蔬菜基地。</li></ol></li><li>培育品牌。</li></ol><p>二、保障措施</p>'
            '<p>县财政安排专项资金。</p></body></html>')
    headings = _outline(page, tmp_path)
    assert headings[:2] == [(1, "一、重点任务"), (2, "（一）发展特色产业")]
    assert (1, "二、保障措施") in headings and all(level > 2 for level, h in headings if h[0].isdigit())


def _md_outline(text: str, tmp_path: Path) -> list[tuple[int, str]]:
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    return [(n.level, f"{n.number}{n.title}") for n in revdiff.outline(str(path)).parts[0].nodes() if n.kind == "heading"]


def test_pandoc_lists_holding_the_headings_nest_by_their_depth(tmp_path: Path) -> None:
    # pandoc -t markdown of Word's auto-numbered 一、/（一）: 1. lists nested in 1. lists
    text = ("某县乡村振兴实施方案\n\n1.  **总体要求**\n\n坚持农业农村优先发展。\n\n2.  **重点任务**\n\n"
            "    1.  发展特色产业。\n\n    2.  改善人居环境。\n\n3.  **保障措施**\n\n县财政安排专项资金。\n")
    assert _md_outline(text, tmp_path) == [(1, "1.总体要求"), (1, "2.重点任务"), (2, "1.发展特色产业"),
                                           (2, "2.改善人居环境"), (1, "3.保障措施")]


def test_a_markdown_list_beside_typed_headings_does_not_decide_their_levels(tmp_path: Path) -> None:
    text = ("某县乡村振兴实施方案\n\n一、重点任务\n\n（一）发展特色产业\n\n1.  建设基地。\n\n    1.  蔬菜基地。\n\n"
            "2.  培育品牌。\n\n二、保障措施\n\n县财政安排专项资金。\n")
    headings = _md_outline(text, tmp_path)
    assert headings[:2] == [(1, "一、重点任务"), (2, "（一）发展特色产业")]
    assert (1, "二、保障措施") in headings and all(level > 2 for level, h in headings if h[0].isdigit())
