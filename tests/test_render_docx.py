"""The 修改对照表 as a Word document, read back with python-docx and through LibreOffice.

The expected rows are written from the revision in tests/law_report_factory.py (read it
next to this file): what a reviewer would see in a 修改前后对照表 of that revision.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor

from revdiff.model import DocInfo, Report, SectionPair, SectionRef
from revdiff.render import render_bytes
from revdiff.render.docx import render_docx

sys.path.insert(0, str(Path(__file__).parent))
from law_report_factory import FINE_DRAFT, FINE_FINAL, make_law_report  # noqa: E402
from report_factory import make_report  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"
LAW_TEXTS = Path(__file__).parent / "law_texts"


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _rows(doc) -> list[list[str]]:
    """Each row's cell texts; a merged cell shows once (python-docx repeats it per grid column)."""
    out = []
    for row in doc.tables[0].rows:
        cells: list[str] = []
        seen = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append(cell.text)
        out.append(cells)
    return out


def _row_with(doc, text: str):
    for row in doc.tables[0].rows:
        if text in row.cells[0].text or text in row.cells[1].text:
            return row
    raise AssertionError(f"no row with {text!r}")


def _runs(cell, test) -> list[str]:
    return [r.text for p in cell.paragraphs for r in p.runs if test(r)]


def _struck(cell) -> list[str]:
    return _runs(cell, lambda r: r.font.strike)


def _underlined(cell) -> list[str]:
    return _runs(cell, lambda r: r.font.underline and r.font.bold)


@pytest.fixture(scope="module")
def law_doc():
    return _open(render_docx(make_law_report()))


def test_page_is_landscape_a4(law_doc):
    section = law_doc.sections[0]
    assert section.orientation == 1  # WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_title_names_the_document_and_both_sources(law_doc):
    texts = [p.text for p in law_doc.paragraphs]
    assert texts[0] == "某市养犬管理条例修改前后对照表"
    assert "dogs-2019.txt" in texts[1] and "dogs-2025.txt" in texts[1]
    assert texts[1].index("修改前") < texts[1].index("dogs-2019.txt") < texts[1].index("修改后")


def test_header_row_repeats_on_every_page(law_doc):
    header = law_doc.tables[0].rows[0]
    flags = header._tr.trPr.findall(qn("w:tblHeader"))
    assert len(flags) == 1 and flags[0].get(qn("w:val")) == "true"
    assert [c.text for c in header.cells] == ["修改前", "修改后", "说明"]
    # only the header row repeats
    for row in law_doc.tables[0].rows[1:]:
        assert row._tr.trPr is None or not row._tr.trPr.findall(qn("w:tblHeader"))


def test_one_row_per_changed_article_under_its_chapter(law_doc):
    rows = _rows(law_doc)[1:]
    firsts = [r[0] if len(r) == 1 else (r[0] + "|" + r[1]) for r in rows]
    # chapter rows span the table; unchanged articles fold into one row each run
    assert firsts[0] == "第一章\u3000总则"
    assert firsts[1] == "第一条 未修改"
    assert firsts[2].startswith("第二条\u3000本条例适用于") and "|第二条\u3000" in firsts[2]
    assert firsts[3].startswith("（新增）|第三条\u3000养犬管理工作")
    assert firsts[4] == "第三条至第四条 未修改（修改后为第四条至第五条）"
    assert firsts[5] == "第二章\u3000养犬登记|第二章\u3000登记与免疫"  # a renamed chapter shows both headings
    chapter = _row_with(law_doc, "养犬登记")
    assert _struck(chapter.cells[0]) == ["养犬登记"] and _underlined(chapter.cells[1]) == ["登记与免疫"]
    assert firsts[6].startswith("第五条\u3000个人饲养") and "|第六条（原第五条）\u3000个人饲养" in firsts[6]
    assert firsts[9] == "第三章\u3000法律责任"
    assert len(rows) == 14


def test_deletions_struck_additions_underlined_and_bold(law_doc):
    row = _row_with(law_doc, "携犬出户")
    assert _struck(row.cells[0]) == [FINE_DRAFT]
    assert _underlined(row.cells[1]) == [FINE_FINAL]
    assert not _struck(row.cells[1]) and not _underlined(row.cells[0])
    row = _row_with(law_doc, "本条例适用于")
    assert _struck(row.cells[0]) == ["和"]
    assert _underlined(row.cells[1]) == ["、经营和相关"]


def test_a_deleted_article_is_struck_whole_and_an_added_one_underlined_whole(law_doc):
    row = _row_with(law_doc, "养犬登记证遗失")
    assert "".join(_struck(row.cells[0])) == "养犬登记证遗失的，应当在十日内申请补办。"
    assert row.cells[1].text == "（删除）"
    assert row.cells[2].text == "删除"
    row = _row_with(law_doc, "政府主导")
    assert row.cells[0].text == "（新增）"
    assert "".join(_underlined(row.cells[1])) == "养犬管理工作实行政府主导、部门协作、基层参与、社会监督的原则。"


def test_renumbered_article_shows_both_numbers_new_one_underlined(law_doc):
    row = _row_with(law_doc, "免疫证明")
    assert row.cells[0].text.startswith("第六条\u3000")
    assert row.cells[1].text.startswith("第七条（原第六条）\u3000")
    assert "第七条" in _underlined(row.cells[1])
    assert "第六条" not in _struck(row.cells[0])  # the old number is not a deletion


def test_reference_that_only_followed_renumbering_is_muted_not_marked(law_doc):
    row = _row_with(law_doc, "免疫证明")
    grey = RGBColor(0x6B, 0x72, 0x80)
    left = [r for p in row.cells[0].paragraphs for r in p.runs if r.text == "四"]
    right = [r for p in row.cells[1].paragraphs for r in p.runs if r.text == "五"]
    assert left and right
    for run in left + right:
        assert not run.font.strike and not run.font.underline
        assert run.font.color.rgb == grey


def test_articles_paragraphs_stay_paragraphs(law_doc):
    row = _row_with(law_doc, "个人饲养犬只")
    assert [p.text for p in row.cells[1].paragraphs] == [
        "第六条（原第五条）\u3000个人饲养犬只的，应当自取得犬只之日起十五日内向居住地派出所申请养犬登记。",
        "犬只应当每年接种狂犬病疫苗。",
    ]


def test_notes_column_holds_finding_notes_and_status(law_doc):
    row = _row_with(law_doc, "携犬出户")
    assert "二百元以上一千元以下提高到五百元以上二千元以下" in row.cells[2].text
    assert _row_with(law_doc, "配合社区").cells[2].text == "移动位置"


def test_merged_articles_print_the_new_text_once(law_doc):
    rows = [r for r in law_doc.tables[0].rows if r.cells[0].text.startswith(("第九条", "第十条"))]
    assert [r.cells[0].text.split("\u3000")[0] for r in rows] == ["第九条", "第十条"]
    assert rows[0].cells[1].text.count("及时清除犬只") == 1
    assert rows[1].cells[1].text == "第九条 （见上）"  # printed in full in the row above
    assert not _underlined(rows[1].cells[1])


def test_cjk_font_named_for_east_asian_text(law_doc):
    run = _row_with(law_doc, "携犬出户").cells[0].paragraphs[0].runs[0]
    fonts = run._r.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert law_doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "SimSun"


def test_same_report_gives_the_same_bytes(monkeypatch):
    import time

    monkeypatch.setattr(time, "time", lambda: 1_000_000_000.0)  # 2001
    first = render_docx(make_law_report())
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)  # 2023: zip entries must not say so
    assert render_docx(make_law_report()) == first
    assert _open(render_docx(make_law_report())).core_properties.created.year == 2000


def test_without_notes_two_columns():
    doc = _open(render_docx(make_law_report(), notes=False))
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["修改前", "修改后"]


def test_english_labels():
    doc = _open(render_bytes(make_law_report(), "docx", lang="en"))
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Before", "After", "Notes"]
    assert _row_with(doc, "免疫证明").cells[1].text.startswith("第七条 (formerly 第六条)")


def test_a_plan_gives_one_row_per_changed_section():
    doc = _open(render_docx(make_report()))
    rows = _rows(doc)[1:]
    # s3 (renumbered only) is folded; s5 (unchanged) too; s4 is a modified section
    assert any(r[0].startswith("三、总体要求与发展目标 未修改") for r in rows)
    row = _row_with(doc, "指导思想")
    assert row.cells[0].paragraphs[0].text == "(一)指导思想"
    assert _struck(row.cells[0]) == ["全面开创新时代现代化强市建设"]
    assert _underlined(row.cells[1]) == ["奋力开创新时代现代化强市建设新局面"]
    removed = _row_with(doc, "发展基础")
    assert removed.cells[1].text == "（删除）"


def test_document_text_stays_text():
    """Markup-looking text in a document is written as literal text, never interpreted."""
    payload = '<w:p>{{ x }}</w:p>&amp;'
    ref = SectionRef("第一条", "", 1, ["第一条"], 1, 1, unit="条")
    pair = SectionPair("s1", "modified", False, 0.5, ref, ref, [(0, "甲"), (-1, payload), (1, "乙")])
    info = DocInfo("a.txt", "txt", "utf-8", "条例", "条例", ["条例"])
    doc = _open(render_docx(Report(info, info, [pair], [])))
    assert _struck(_row_with(doc, "甲").cells[0]) == [payload]


@pytest.fixture(scope="module")
def law_texts_docx(tmp_path_factory) -> Path:
    """The 对照表 of the invented regulation texts in tests/law_texts, through the CLI."""
    from click.testing import CliRunner

    from revdiff.cli import main

    out = tmp_path_factory.mktemp("docx") / "对照表.docx"
    result = CliRunner().invoke(main, ["compare", str(LAW_TEXTS / "dogs-2019.txt"),
                                       str(LAW_TEXTS / "dogs-2025.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_compare_writes_docx_from_the_extension(law_texts_docx):
    doc = Document(str(law_texts_docx))
    row = _row_with(doc, "携犬出户")
    assert "处二百元以上一千元以下罚款" in row.cells[0].text
    assert "处五百元以上二千元以下罚款" in row.cells[1].text
    assert row.cells[1].text.startswith("第九条") and "（原第八条）" in row.cells[1].text
    struck, underlined = "".join(_struck(row.cells[0])), "".join(_underlined(row.cells[1]))
    # the diff may take a neighbouring character along (处二 → 处五), never more than the fine
    assert "二" in struck and "一" in struck and "五" in underlined
    assert all(ch in "处二百元以上一千元以下罚款" for ch in struck)
    assert all(ch in "第九条处五百元以上二千元以下罚款" for ch in underlined)
    assert _row_with(doc, "养犬登记证遗失").cells[1].text == "（删除）"
    assert _row_with(doc, "政府主导").cells[0].text == "（新增）"


def test_format_docx_to_a_pipe_writes_the_bytes():
    from click.testing import CliRunner

    from revdiff.cli import main

    result = CliRunner().invoke(main, ["compare", str(LAW_TEXTS / "dogs-2019.txt"),
                                       str(LAW_TEXTS / "dogs-2025.txt"), "--format", "docx"])
    assert result.exit_code == 0
    assert result.stdout_bytes[:4] == b"PK\x03\x04"
    assert _open(result.stdout_bytes).tables[0].rows[0].cells[0].text == "修改前"


def test_format_docx_of_several_versions_is_refused(tmp_path):
    from click.testing import CliRunner

    from revdiff.cli import main

    v = str(LAW_TEXTS / "dogs-2019.txt")
    result = CliRunner().invoke(main, ["compare", v, v, v, "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "two" in result.output
    assert not (tmp_path / "x.docx").exists()


# --------------------------------------------------------------------------- LibreOffice


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return found


def _to_pdf(docx_path: Path, tmp_path: Path) -> Path:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.exists()
    return pdf


def _long_report() -> Report:
    """Forty modified articles: enough for the table to run over several pages."""
    pairs = []
    for i in range(1, 41):
        ref = SectionRef(f"第{i}条", "", 2, ["第一章 总则", f"第{i}条"], i, i, unit="条")
        body = "有关部门应当依照本条例的规定履行监督管理职责，" * 4
        pairs.append(SectionPair(f"s{i}", "modified", False, 0.9, ref, ref,
                                 [(0, body), (-1, "三十日内"), (1, "十五日内"), (0, "作出决定。")]))
    info = DocInfo("long.txt", "txt", "utf-8", "某省长条例", "某省长条例", ["某省长条例"])
    return Report(info, info, pairs, [], genre="law")


def test_libreoffice_opens_it_as_landscape_pages_with_the_text(tmp_path):
    import pdfplumber

    path = tmp_path / "law.docx"
    path.write_bytes(render_docx(make_law_report()))
    pdf_path = _to_pdf(path, tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        text = "".join(page.extract_text().split())
        for expected in ("某市养犬管理条例修改前后对照表", "修改前", "修改后", "第三章法律责任",
                         FINE_DRAFT, FINE_FINAL, "第六条（原第五条）"):
            assert expected in text
        # the Chinese is set in a CJK font, not drawn as missing-glyph boxes
        fonts = {c["fontname"] for c in page.chars if c["text"] == "罚"}
        assert fonts and all("CJK" in f or "Song" in f or "Sim" in f for f in fonts), fonts
        ARTIFACTS.mkdir(exist_ok=True)
        page.to_image(resolution=110).save(str(ARTIFACTS / "docx-page1.png"))


def test_libreoffice_repeats_the_header_row_on_every_page(tmp_path):
    import pdfplumber

    path = tmp_path / "long.docx"
    path.write_bytes(render_docx(_long_report()))
    with pdfplumber.open(_to_pdf(path, tmp_path)) as pdf:
        assert len(pdf.pages) >= 3
        n = len(pdf.pages)
        for i, page in enumerate(pdf.pages, start=1):
            lines = (page.extract_text() or "").split("\n")
            top = "".join(lines[0].split())
            assert top.startswith("修改前修改后") or "对照表" in top, top
            assert "修改前修改后说明" in "".join(page.extract_text().split())
            assert lines[-1] == f"第 {i} 页　共 {n} 页".replace("\u3000", " ")


def test_text_columns_are_wide_and_notes_narrow(law_doc):
    from docx.shared import Mm

    grid = law_doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    widths = [int(col.get(qn("w:w"))) for col in grid]  # twentieths of a point
    assert widths[0] == widths[1] > 2 * widths[2]
    assert abs(sum(widths) * 635 - Mm(257)) < Mm(1)  # 297 mm less two 20 mm margins


def test_footer_numbers_the_pages(law_doc):
    footer = law_doc.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")) for f in footer._p.findall(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("第 ") and "共" in footer.text


def test_format_docx_refuses_to_write_to_a_terminal(tmp_path):
    """A Word file would garble a terminal: one line on standard error, exit 2."""
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "revdiff", "compare", str(LAW_TEXTS / "dogs-2019.txt"),
             str(LAW_TEXTS / "dogs-2025.txt"), "--format", "docx"],
            stdout=follower, stderr=subprocess.PIPE, text=True, timeout=60, cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "-o FILE.docx" in proc.stderr
