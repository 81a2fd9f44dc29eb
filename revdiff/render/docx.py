"""The 修改对照表 as a Word document (python-docx, imported only when asked for).

What reviewers forward: landscape A4, a title, the two sources, then one table —
修改前 | 修改后 | 说明 — whose header row repeats on every page.  Deleted words are struck
through, added words underlined and bold (the NPC's convention, readable in black and white),
chapter headings are shaded rows across the table and unchanged articles are folded into one
greyed row.  The rows come from ``revdiff.render.table``; this module only draws them.

The text is set in 宋体 (named SimSun, the font of official Chinese documents) with the East Asian
font named in every run's ``w:rFonts``, so Word does not fall back to a Latin font for the
Chinese; a machine without 宋体 substitutes its own serif CJK font (LibreOffice on Debian:
Noto Serif CJK SC).  The output is byte-identical for the same Report: fixed document dates
and fixed timestamps on every entry of the .docx zip.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

from revdiff.render.table import Cell, Piece, Row, Table, build_table

if TYPE_CHECKING:
    from revdiff.model import Report

CJK_FONT = "SimSun"  # 宋体; Word knows it by this name, fontconfig maps it to a serif CJK font
LATIN_FONT = "Times New Roman"
BODY_PT = 10.5  # 五号, the size of body text in Chinese official documents
SMALL_PT = 9  # 小五: notes and folded rows
TITLE_PT = 16  # 三号
GROUP_SHADE = "E7E6E6"
MUTED_RGB = (0x6B, 0x72, 0x80)
# A fixed date for the document's core properties: the same input gives the same bytes.
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render_docx(report: Report, lang: str = "zh", notes: bool = True) -> bytes:
    """The 修改对照表 of ``report`` as the bytes of a .docx file.

    ``notes``: add the narrow third column 说明 with each row's finding notes and status
    (新增, 删除, 移动位置 …).  Deterministic: the same Report gives the same bytes.
    """
    from docx import Document

    table = build_table(report, lang)
    doc = Document()
    _page_setup(doc)
    _base_font(doc)
    _title(doc, table)
    _mismatch(doc, report, lang)
    _draw_table(doc, table, notes)
    _page_numbers(doc, lang)
    props = doc.core_properties
    props.title = table.title
    props.author = props.last_modified_by = "revdiff"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip_dates(buf.getvalue())


def _page_setup(doc: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)


def _set_fonts(rpr_owner: Any) -> None:
    """Name the Latin and the East Asian font (w:eastAsia) on a style's or a run's rPr."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    fonts.set(qn("w:hint"), "eastAsia")


def _chinese(rpr_owner: Any) -> None:
    """Tag text as Simplified Chinese, so a substitute font is an SC one (not JP or TC)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr_owner.get_or_add_rPr().append(lang)


def _base_font(doc: Any) -> None:
    from docx.shared import Pt

    style = doc.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = Pt(BODY_PT)
    _set_fonts(style.element)
    _chinese(style.element)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.15


def _run(paragraph: Any, text: str, *, bold: bool = False, strike: bool = False, underline: bool = False,
         muted: bool = False, size: float | None = None, italic: bool = False) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    _set_fonts(run._r)
    font = run.font
    if bold:
        font.bold = True
    if strike:
        font.strike = True
    if underline:
        font.underline = True
    if italic:
        font.italic = True
    if muted:
        font.color.rgb = RGBColor(*MUTED_RGB)
    if size:
        font.size = Pt(size)
    return run


def _title(doc: Any, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.space_after = Pt(6)
    _run(head, table.title, bold=True, size=TITLE_PT)
    sources = doc.add_paragraph()
    sources.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sources.paragraph_format.space_after = Pt(8)
    _run(sources, table.sources, muted=True, size=SMALL_PT)


def _mismatch(doc: Any, report: Report, lang: str) -> None:
    """The warnings that the two files may not correspond: a forwarded table must carry them."""
    from revdiff.render.facts import warning_in
    from revdiff.sanity import MISMATCH

    for w in report.warnings:
        if w.startswith(MISMATCH):
            _run(doc.add_paragraph(), "⚠ " + warning_in(w, lang), bold=True, size=SMALL_PT)


def _pieces(paragraph: Any, pieces: list[Piece]) -> None:
    for piece in pieces:
        _run(
            paragraph,
            piece.text,
            bold=piece.label or piece.style == "ins",
            strike=piece.style == "del",
            underline=piece.style == "ins",
            muted=piece.style == "muted",
        )


def _fill(cell: Any, content: Cell) -> None:
    """Write a Cell's paragraphs into a Word table cell (its first paragraph exists already)."""
    first = cell.paragraphs[0]
    if not content.paragraphs:
        _run(first, content.placeholder, muted=True, italic=True)
        return
    for k, para in enumerate(content.paragraphs):
        _pieces(first if k == 0 else cell.add_paragraph(), para)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_as_header(row: Any) -> None:
    """Mark a row as the table's header, repeated at the top of every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _draw_table(doc: Any, table: Table, notes: bool) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    widths = [Mm(108), Mm(108), Mm(41)] if notes else [Mm(128.5), Mm(128.5)]
    grid = doc.add_table(rows=1, cols=len(widths))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    header = grid.rows[0]
    _repeat_as_header(header)
    labels = [table.before, table.after] + ([table.notes_label] if notes else [])
    for cell, label in zip(header.cells, labels, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], label, bold=True)
        _shade(cell, GROUP_SHADE)
    for row in table.rows:
        _draw_row(grid.add_row(), row, notes)
    # Word reads the cells' widths, LibreOffice the table grid's: set both.
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _draw_row(word_row: Any, row: Row, notes: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cells = word_row.cells
    if row.span:
        merged = cells[0].merge(cells[-1])
        para = merged.paragraphs[0]
        if row.kind == "group":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(para, row.label, bold=True)
            _shade(merged, GROUP_SHADE)
        else:
            _run(para, row.label, muted=True, italic=True, size=SMALL_PT)
        return
    _fill(cells[0], row.draft)
    _fill(cells[1], row.final)
    if row.kind == "group":
        for cell in cells:
            _shade(cell, GROUP_SHADE)
            for para in cell.paragraphs:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if notes:
        for k, note in enumerate(row.notes):
            para = cells[2].paragraphs[0] if k == 0 else cells[2].add_paragraph()
            _run(para, note, size=SMALL_PT)


def _page_numbers(doc: Any, lang: str) -> None:
    """"第 3 页 共 12 页" centred in the footer (PAGE / NUMPAGES fields, filled in by Word)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    para = doc.sections[0].footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    words = ("Page ", " of ", "") if lang == "en" else ("第 ", " 页　共 ", " 页")
    for text, field in zip(words, ("PAGE", "NUMPAGES", None), strict=True):
        _run(para, text, size=SMALL_PT)
        if field:
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), field)
            simple.append(_run(para, "1", size=SMALL_PT)._r)  # shown until the field is updated
            para._p.append(simple)


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same .docx with every zip entry dated ZIP_DATE (python-docx stamps the save time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
