"""A PDF's footnotes are read after the paragraph that cites them, as a .docx's are.

The PDFs are drawn line by line with reportlab (the way Word and LibreOffice print a 公文
with a note): a 三号 (16 pt) body, a raised 9 pt mark after the sentence a note explains, and
the note in 小四 (12 pt) at the page's foot above the page number.  A change made only in a
note must reach the report as a change to the section that cites it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import revdiff
from revdiff.readers import DEFAULT_MAX_BYTES, read

from .fixtures.build import _register_font
from .test_nothing_lost import _chars, accounted

LEFT, RIGHT = 90.0, 506.0  # a 26-character line of 16 pt from the left margin runs to RIGHT
BODY = [  # (text, mark after it or "", paragraph starts here)
    ("一、总体要求", "", True),
    ("（一）发展目标。到2027年，全市规模以上工业企业", "", True),
    ("研发机构覆盖率达到60%，建成省级以上创新平台30", "1", False),  # the mark is mid-paragraph
    ("家，技术合同成交额突破80亿元。", "", False),
    ("（二）基本原则。坚持问题导向，聚焦企业所需所盼，", "", True),
    ("以改革破除体制机制障碍，以开放汇聚创新资源要素。", "", False),
    ("二、重点任务", "", True),
    ("（一）培育创新主体。实施科技型企业梯次培育工程。", "", True),
]


def _draw(path: Path, note: str, *, mark_alone: bool = False, inline: bool = False) -> Path:
    """One A4 page: BODY, then ``note`` at the foot (its mark raised on its line, or, as
    LibreOffice sets it, on a line of its own), then the page number."""
    from reportlab.pdfgen import canvas

    font = _register_font()
    c = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    y = 760.0
    for k, (text, mark, opens) in enumerate(BODY):
        x = LEFT + (32.0 if opens and not text.startswith(("一、", "二、")) else 0.0)
        width = c.stringWidth(text, font, 16)
        goes_on = k + 1 < len(BODY) and not BODY[k + 1][2]
        line = c.beginText(x, y)
        line.setFont(font, 16)
        if goes_on:  # justified to the right margin, as the line of a paragraph that goes on
            line.setCharSpace((RIGHT - x - width - (10 if mark else 0)) / (len(text) - 1))
            width = RIGHT - x - (10 if mark else 0)
        line.textOut(text)
        c.drawText(line)
        if mark:
            c.setFont(font, 9)
            c.drawString(x + width + 1, y + 7, mark)
        y -= 28
    first, *rest = note.split("\n")
    if mark_alone:
        c.setFont(font, 16)
        c.drawString(LEFT, 122, "1")
        c.setFont(font, 12)
        c.drawString(LEFT + 12, 118, first)
    elif inline:  # the mark in the note's own size, before its text
        c.setFont(font, 12)
        c.drawString(LEFT, 118, "1 " + first)
    else:
        c.setFont(font, 7)
        c.drawString(LEFT, 123, "1")
        c.setFont(font, 12)
        c.drawString(LEFT + 6, 118, first)
    for k, more in enumerate(rest, 1):  # a long note wraps
        c.drawString(LEFT, 118 - 16 * k, more)
    c.setFont(font, 14)
    c.drawCentredString(297.0, 60, "— 1 —")
    c.save()
    return path


NOTE = "数据来源：市统计局2024年统计公报，按当年价格计算。"
NOTE_FINAL = "数据来源：第三方评估机构2024年监测报告，按可比价格计算。"


@pytest.mark.parametrize("mark_alone", [False, True], ids=["raised-mark", "mark-on-its-own-line"])
def test_note_follows_the_paragraph_that_cites_it(tmp_path: Path, mark_alone: bool) -> None:
    doc = revdiff.outline(str(_draw(tmp_path / "p.pdf", NOTE, mark_alone=mark_alone)))
    nodes = {n.number: n for p in doc.parts for n in p.nodes() if n.number == "（一）" and "发展目标" in n.title + n.text}
    goals = nodes["（一）"]
    # the paragraph is read whole, then its note: the note does not split 30|家
    assert "创新平台30家，技术合同成交额突破80亿元。" in goals.text
    assert goals.text.index("80亿元。") < goals.text.index("脚注：" + NOTE)
    others = [n for p in doc.parts for n in p.nodes() if n is not goals]
    assert not any("数据来源" in n.text + n.title for n in others)
    # the mark is neither text nor lost; the page number is dropped as before
    assert "60%，" in goals.text and "60%1" not in goals.text and "30家" in goals.text
    dropped = [b.text for b in doc.dropped]
    assert "— 1 —" in dropped and sum(t.count("1") for t in dropped) == 3  # the page's, the two marks


def test_every_character_of_the_page_is_accounted_for(tmp_path: Path) -> None:
    path = _draw(tmp_path / "p.pdf", NOTE, mark_alone=True)
    doc = revdiff.outline(str(path))
    drawn = "".join(t + m for t, m, _ in BODY) + "1" + NOTE + "— 1 —"
    got = accounted(doc)
    got["脚"] -= 1  # the label the reader puts before a note
    got["注"] -= 1
    got["："] -= 1
    assert +got == _chars(drawn)


def test_a_change_made_only_in_a_note_is_reported_in_its_section(tmp_path: Path) -> None:
    draft = _draw(tmp_path / "draft.pdf", NOTE)
    final = _draw(tmp_path / "final.pdf", NOTE_FINAL, mark_alone=True)
    report = revdiff.compare(str(draft), str(final))
    changed = [s for s in report.sections if s.status != "unchanged"]
    assert [(s.draft.number if s.draft else None) for s in changed] == ["（一）"]
    removed = "".join(t for op, t in changed[0].diff if op < 0)
    added = "".join(t for op, t in changed[0].diff if op > 0)
    assert "统计局" in removed and "监测报告" in added


def test_a_note_is_not_a_page_number_nor_a_note_a_figure(tmp_path: Path) -> None:
    """A note's line that opens with a figure (2024年…) goes on with the note: no note marked 20."""
    path = _draw(tmp_path / "p.pdf", "本表中增加值按当年价格计算，\n2024年数据为快报数，2025年起按年报数更新。", inline=True)
    raw = read(str(path), DEFAULT_MAX_BYTES)
    notes = [b.text for b in raw.blocks if b.text.startswith("脚注：")]
    assert notes == ["脚注：本表中增加值按当年价格计算，2024年数据为快报数，2025年起按年报数更新。"]
