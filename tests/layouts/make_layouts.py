"""Render annotated text pairs into the layouts offices publish: .docx, .pdf and web pages.

    python -m tests.layouts.make_layouts        # rewrites tests/layouts/fixtures/

Each pair of ``benchmarks/corpus`` (plans) and ``tests/laws/heldout`` (laws) named in
``PAIRS`` is rendered, both sides alike, as:

- ``docx``: a 公文 per GB/T 9704 made with python-docx — a running header on the draft, 红头 (issuing office in red, a 文号
  line 〔2025〕N号, a red rule) on the published side, title in 方正小标宋 二号 broken over two
  lines, headings as bold paragraphs with typed numbers or as Word auto-numbering (numPr,
  一、 /（一） formats), tables as Word tables (an indicator table's 目标值 columns under a
  merged header cell: gridSpan + vMerge, the header row repeated on each page), a 专栏 in a
  one-cell bordered table, a footnote, page numbers “— 1 —” in the footer, a 附件 after a page
  break, and a 版记 (抄送/印发) at the end;
- ``pdf``: that .docx converted by LibreOffice (only here: the PDFs are committed);
- ``tracked.docx`` (drafts): the draft with a reviewer's tracked changes left in (w:ins/w:del)
  whose accepted text is the draft;
- three web pages: ``gov.html`` (a 政府信息公开 page: metadata table, TRS_Editor),
  ``pstyle.html`` (every line a <p style> indented with &nbsp;), ``tables.html`` (laid out in
  nested tables);
- laws in the NPC layout: centred chapter titles, article numbers in bold, a 目录 page.

Everything added by the layout (红头, 文号, footnote, 版记, page furniture) is the same on both
sides or is furniture a reader must drop, so each rendered pair must give the findings and the
section/article map of its .txt pair (tests/test_layouts.py).  Deterministic: no dates, no
random choices; LibreOffice's PDF timestamps are the only bytes that change between runs.
"""

from __future__ import annotations

import copy
import html
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "fixtures"

# name -> (text folder, old file, new file, invented office, 文号 prefix, numbering style)
PAIRS: dict[str, tuple[str, str, str, str, str, str]] = {
    "action-plan-table": ("benchmarks/corpus/action-plan-table", "draft.txt", "final.txt",
                          "临江市人民政府办公室", "临政办发", "auto"),
    "district-fund-table": ("benchmarks/corpus/district-fund-table", "draft.txt", "final.txt",
                            "高新区管理委员会办公室", "高管办发", "typed"),
    "indicator-table": ("benchmarks/corpus/heldout2-indicator-table", "draft.txt", "final.txt",
                        "澄江市人民政府办公室", "澄政办发", "auto"),
    "subsidy-table": ("benchmarks/corpus/heldout3-subsidy-table", "draft.txt", "final.txt",
                      "南湖区文化和旅游局", "南文旅发", "typed"),
    "five-year-plan": ("benchmarks/corpus/heldout4-five-year-plan", "draft.txt", "final.txt",
                       "东川市发展和改革委员会", "东发改规划", "auto"),
    "boxes": ("benchmarks/corpus/heldout3-boxes", "draft.txt", "final.txt",
              "临川市人民政府办公室", "临政办发", "typed"),
    "filing-measures": ("tests/laws/heldout/filing-measures", "old.txt", "new.txt", "", "", "law"),
    "property-regulation": ("tests/laws/heldout/property-regulation", "old.txt", "new.txt", "", "", "law"),
    # articles numbered by Word (numPr, 第%1条 in chineseCounting), not typed
    "penalties-consolidated": ("tests/laws/heldout/penalties-consolidated", "old.txt", "new.txt", "", "",
                               "law-auto"),
}

CN_NUM = "一二三四五六七八九十"
H1 = re.compile(r"^([一二三四五六七八九十]{1,3})、(.*)$")
H2 = re.compile(r"^（([一二三四五六七八九十]{1,3})）(.*)$")
CAPTION = re.compile(r"^(?:表\s*\d+|专栏\s*\d+)")
ANNEX = re.compile(r"^附件\s*\d*[：:]?")
CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+章")
ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇]+条)[\u3000 ]?(.*)$")
MERGED_HEAD = re.compile(r"^(20\d\d年)(目标值?|预期值|规划值)$")


def cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for headings)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else CN_NUM[tens - 1]) + "十" if tens else "") + (CN_NUM[ones - 1] if ones else "")


@dataclass
class Item:
    """One unit of a text: kind is title, subtitle, h1, h2, caption, box, table, annex,
    chapter, article or para."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    label: str = ""  # h1/h2: the number as typed (一、 （一）); article: 第N条


def parse(text: str, law: bool) -> list[Item]:
    """The text's units, in order (a blank line separates nothing: laws have them everywhere)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    items: list[Item] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "\t" in ln:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            items.append(Item("table", rows=rows))
            continue
        i += 1
        if not items:
            items.append(Item("title", ln))
        elif len(items) == 1 and ln.startswith("（") and ln.endswith("）") and not H2.match(ln):
            items.append(Item("subtitle", ln))
        elif law and CHAPTER.match(ln):
            items.append(Item("chapter", ln))
        elif law and items[-1].kind == "chapter" and len(ln) < 20 and not ARTICLE.match(ln):
            items[-1].text += "\n" + ln  # 第一章 / 总　　则 printed on two lines
        elif law and (m := ARTICLE.match(ln)):
            items.append(Item("article", m.group(2), label=m.group(1)))
        elif not law and (m := H1.match(ln)):
            items.append(Item("h1", m.group(2), label=f"{m.group(1)}、"))
        elif not law and (m := H2.match(ln)):
            items.append(Item("h2", m.group(2), label=f"（{m.group(1)}）"))
        elif CAPTION.match(ln):
            box = ln.startswith("专栏") and i < len(lines) and "\t" not in lines[i]
            items.append(Item("box" if box else "caption", ln))
            if box:  # a 专栏 of plain lines: they go into its frame
                while i < len(lines) and not (H1.match(lines[i]) or H2.match(lines[i]) or "\t" in lines[i]
                                              or CAPTION.match(lines[i])):
                    items[-1].rows.append([lines[i]])
                    i += 1
        elif ANNEX.match(ln):
            items.append(Item("annex", ln))
        else:
            items.append(Item("para", ln))
    return items


def auto_numbers_match(items: list[Item]) -> bool:
    """True when Word's list counters would print exactly the typed numbers."""
    h1 = h2 = 0
    for it in items:
        if it.kind == "annex":
            break
        if it.kind == "h1":
            h1, h2 = h1 + 1, 0
            if it.label != f"{cn(h1)}、":
                return False
        elif it.kind == "h2":
            h2 += 1
            if it.label != f"（{cn(h2)}）":
                return False
    return True


# --------------------------------------------------------------------------- docx

def _docx_tools():  # type: ignore[no-untyped-def]
    import docx
    from docx.enum.section import WD_SECTION  # noqa: F401
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt, RGBColor

    return docx, WD_ALIGN_PARAGRAPH, WD_BREAK, parse_xml, nsdecls, qn, Mm, Pt, RGBColor


NUMBERING_XML = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
)
# a law's articles as Word numbers them: 第一条, 第二条 … one list through every chapter
LAW_NUMBERING_XML = (
    '<w:abstractNum {ns} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="第%1条"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:lvl>'
    '</w:abstractNum>'
)


class DocxWriter:
    """A 公文 in python-docx: fonts and sizes per GB/T 9704 (三号 仿宋 body, 二号 小标宋 title)."""

    def __init__(self, auto: bool) -> None:
        docx, self.CENTER, self.BREAK, self.parse_xml, self.nsdecls, self.qn, Mm, self.Pt, self.RGB = _docx_tools()
        self.doc = docx.Document()
        self.auto = auto
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
        self.CENTER = self.CENTER.CENTER
        style = self.doc.styles["Normal"]
        self._fonts(style.element.get_or_add_rPr(), "仿宋_GB2312")
        style.font.size = self.Pt(16)
        self.footer(sec)
        if auto:
            numbering = self.doc.part.numbering_part.element
            numbering.insert(0, self.parse_xml(NUMBERING_XML.format(ns=self.nsdecls("w"))))
            numbering.insert(1, self.parse_xml(LAW_NUMBERING_XML.format(ns=self.nsdecls("w"))))
            for num in (90, 91):
                numbering.append(self.parse_xml(
                    f'<w:num {self.nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>'))

    def _fonts(self, rpr, east: str) -> None:  # type: ignore[no-untyped-def]
        fonts = rpr.find(self.qn("w:rFonts"))
        if fonts is None:
            fonts = self.parse_xml(f'<w:rFonts {self.nsdecls("w")}/>')
            rpr.insert(0, fonts)
        fonts.set(self.qn("w:eastAsia"), east)
        fonts.set(self.qn("w:ascii"), "Times New Roman")

    def footer(self, sec) -> None:  # type: ignore[no-untyped-def]
        """Page numbers as offices print them: — 1 —, centred (a PAGE field)."""
        p = sec.footer.paragraphs[0]
        p.alignment = self.CENTER
        p.add_run("— ")
        for xml in ('<w:fldChar {ns} w:fldCharType="begin"/>', '<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
                    '<w:fldChar {ns} w:fldCharType="separate"/>', '<w:t {ns}>1</w:t>', '<w:fldChar {ns} w:fldCharType="end"/>'):
            p.add_run()._r.append(self.parse_xml(xml.format(ns=self.nsdecls("w"))))
        p.add_run(" —")

    def run(self, p, text: str, font: str | None = None, size: float | None = None, bold: bool = False,
            color: str | None = None):  # type: ignore[no-untyped-def]
        r = p.add_run(text)
        if font:
            self._fonts(r._r.get_or_add_rPr(), font)
        if size:
            r.font.size = self.Pt(size)
        r.bold = bold or None
        if color:
            r.font.color.rgb = self.RGB.from_string(color)
        return r

    def para(self, text: str = "", indent: bool = True, **kw):  # type: ignore[no-untyped-def]
        p = self.doc.add_paragraph()
        if indent:
            p.paragraph_format.first_line_indent = self.Pt(32)
        if text:
            self.run(p, text, **kw)
        return p

    def red_head(self, office: str, doc_no: str) -> None:
        """红头: the office's name in red 小标宋, the 文号 line, a red rule under it."""
        p = self.para(indent=False)
        p.alignment = self.CENTER
        name = f"{office}文件"  # set on one line: a long name in a smaller size, as offices do
        self.run(p, name, "方正小标宋简体", min(36, 420 // len(name)), color="FF0000")
        self.para(indent=False)
        p = self.para(doc_no, indent=False)
        p.alignment = self.CENTER
        p._p.get_or_add_pPr().append(self.parse_xml(
            f'<w:pBdr {self.nsdecls("w")}><w:bottom w:val="single" w:sz="18" w:space="12" w:color="FF0000"/></w:pBdr>'))
        self.para(indent=False)

    def title(self, text: str) -> None:
        """二号 小标宋, centred; a long title broken by hand into two lines (a w:br)."""
        p = self.para(indent=False)
        p.alignment = self.CENTER
        cut = _title_cut(text)
        self.run(p, text[:cut], "方正小标宋简体", 22)
        if cut < len(text):
            self.run(p, "", "方正小标宋简体", 22).add_break()
            self.run(p, text[cut:], "方正小标宋简体", 22)

    def numbered(self, it: Item, level: int, font: str) -> None:
        head, body = _head_and_body(it.text)
        p = self.para()
        if self.auto:
            p._p.get_or_add_pPr().append(self.parse_xml(
                f'<w:numPr {self.nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
            self.run(p, head, font, bold=level == 0)
        else:
            self.run(p, it.label + head, font, bold=level == 0)
        if body:
            self.run(p, body)

    def table(self, rows: list[list[str]], tall: bool = False) -> None:
        """A Word table; year-target columns (2025年目标值 …) under one merged 目标值 cell."""
        head = rows[0]
        merged = [i for i, h in enumerate(head) if MERGED_HEAD.match(h)]
        width = len(head)
        header_rows = 2 if len(merged) >= 2 and merged == list(range(merged[0], merged[-1] + 1)) else 1
        t = self.doc.add_table(rows=0, cols=width)
        t.style = "Table Grid"
        if header_rows == 2:
            group = MERGED_HEAD.match(head[merged[0]]).group(2)  # type: ignore[union-attr]
            top, bottom = t.add_row(), t.add_row()
            for i, h in enumerate(head):
                if i in merged:
                    bottom.cells[i].text = MERGED_HEAD.match(h).group(1)  # type: ignore[union-attr]
                else:
                    top.cells[i].text = h
                    top.cells[i]._tc.get_or_add_tcPr().append(self.parse_xml(f'<w:vMerge {self.nsdecls("w")} w:val="restart"/>'))
                    bottom.cells[i]._tc.get_or_add_tcPr().append(self.parse_xml(f'<w:vMerge {self.nsdecls("w")}/>'))
            top.cells[merged[0]].merge(top.cells[merged[-1]]).text = group
            header = [top, bottom]
        else:
            header = [t.add_row()]
            for i, h in enumerate(head):
                header[0].cells[i].text = h
        for r in header:  # repeated at the top of each page
            r._tr.get_or_add_trPr().append(self.parse_xml(f'<w:tblHeader {self.nsdecls("w")}/>'))
            for c in r.cells:
                for run in c.paragraphs[0].runs:
                    run.bold = True
        for values in rows[1:]:
            r = t.add_row()
            if tall:  # rows tall enough that the table must break across a page
                r._tr.get_or_add_trPr().append(self.parse_xml(f'<w:trHeight {self.nsdecls("w")} w:val="1100"/>'))
            for i, v in enumerate(values[:width]):
                r.cells[i].text = v
        self.para(indent=False)

    def box(self, caption: str, lines: list[str]) -> None:
        """专栏: a one-cell bordered table holding its caption and lines."""
        t = self.doc.add_table(rows=1, cols=1)
        t.style = "Table Grid"
        cell = t.rows[0].cells[0]
        cell.paragraphs[0].text = caption
        cell.paragraphs[0].alignment = self.CENTER
        for ln in lines:
            cell.add_paragraph(ln)
        self.para(indent=False)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(self.BREAK.PAGE)

    def footnote(self, p, text: str) -> None:  # type: ignore[no-untyped-def]
        """A footnote (python-docx writes none: the part is built here)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        ns = self.nsdecls("w")
        xml = (f'<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
               f'</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
               f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="24"/></w:rPr><w:footnoteRef/></w:r>'
               f'<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p>'
               '</w:footnote></w:footnotes>')  # 小四 (12 pt) under a 三号 body
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode(), self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        r = p.add_run()
        r._r.append(self.parse_xml(f'<w:rPr {ns}><w:vertAlign w:val="superscript"/></w:rPr>'))
        r._r.append(self.parse_xml(f'<w:footnoteReference {ns} w:id="1"/>'))

    def save(self, path: Path) -> None:
        self.doc.core_properties.created = self.doc.core_properties.modified = _EPOCH
        self.doc.core_properties.author = self.doc.core_properties.last_modified_by = ""
        self.doc.save(str(path))


def _epoch():  # type: ignore[no-untyped-def]
    import datetime

    return datetime.datetime(2025, 1, 1)


_EPOCH = _epoch()


def _title_cut(text: str) -> int:
    """Where an office breaks a long title: before 《 or after 关于…的, else in the middle."""
    if len(text) <= 18:
        return len(text)
    for mark in ("（20", "(20"):
        if (k := text.find(mark)) > 8:
            return k
    return len(text) // 2


def _head_and_body(text: str) -> tuple[str, str]:
    """A heading typed with its body: (一)做强整车制造。支持… → (做强整车制造。, 支持…)."""
    k = text.find("。")
    if 0 < k < 20 and k + 1 < len(text):
        return text[: k + 1], text[k + 1:]
    return text, ""


def render_docx(items: list[Item], path: Path, office: str, doc_no: str, style: str, published: bool,
                tall_tables: bool) -> None:
    """The 公文 .docx of one side (see the module doc)."""
    auto = style == "auto" and auto_numbers_match(items)
    w = DocxWriter(auto)
    if not published:  # a draft sent round for comment bears a running header
        head = w.doc.sections[0].header.paragraphs[0]
        w.run(head, f"{office}　征求意见稿　请勿外传", size=10.5)  # 五号
        head.alignment = w.CENTER
    if published and office:
        w.red_head(office, doc_no)
    footnoted = False
    for it in items:
        if it.kind == "title":
            w.title(it.text)
        elif it.kind == "subtitle":
            p = w.para(it.text, indent=False, font="楷体_GB2312")
            p.alignment = w.CENTER
        elif it.kind == "h1":
            w.numbered(it, 0, "黑体")
        elif it.kind == "h2":
            w.numbered(it, 1, "楷体_GB2312")
        elif it.kind == "caption":
            p = w.para(it.text, indent=False, font="黑体")
            p.alignment = w.CENTER
        elif it.kind == "box":
            w.box(it.text, [r[0] for r in it.rows])
        elif it.kind == "table":
            w.table(it.rows, tall=tall_tables)
        elif it.kind == "annex":
            w.page_break()
            w.para(it.text, indent=False, font="黑体")
        else:
            p = w.para(it.text)
            if not footnoted and re.search(r"\d", it.text):
                w.footnote(p, "数据来源：统计部门年度统计公报。")
                footnoted = True
    if published and office:
        w.para(indent=False)
        p = w.para(f"抄送：{office[:-3] if office.endswith('办公室') else office}各部门。", indent=False, size=14)
        p = w.para(f"{office}          2025年1月1日印发", indent=False, size=14)
    w.save(path)


def render_law_docx(items: list[Item], path: Path, auto: bool = False) -> None:
    """A law in the NPC layout: title, 目录 page, 题注 in 楷体, centred bold chapter titles, bold
    article numbers (``auto``: numbered by Word, numPr)."""
    w = DocxWriter(auto)
    chapters = [it for it in items if it.kind == "chapter"]
    for it in items:
        if it.kind == "title":
            w.title(it.text)
            if chapters:
                p = w.para("目　　录", indent=False, font="黑体")
                p.alignment = w.CENTER
                for ch in chapters:
                    w.para(ch.text.replace("\n", "　"), font="楷体_GB2312")
                w.page_break()
        elif it.kind == "subtitle":
            p = w.para(it.text, indent=False, font="楷体_GB2312")
            p.alignment = w.CENTER
        elif it.kind == "chapter":
            p = w.para(it.text.replace("\n", "　"), indent=False, font="黑体", bold=True)
            p.alignment = w.CENTER
        elif it.kind == "article" and auto:
            p = w.para()
            p._p.get_or_add_pPr().append(w.parse_xml(
                f'<w:numPr {w.nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
            w.run(p, it.text)
        elif it.kind == "article":
            p = w.para()
            w.run(p, it.label, "黑体", bold=True)
            w.run(p, "　" + it.text)
        elif it.kind == "table":
            w.table(it.rows)
        else:
            w.para(it.text)
    w.save(path)


def add_tracked_changes(src: Path, dest: Path) -> None:
    """The draft as a reviewer left it: tracked edits whose accepted text is the draft.

    In the second and fourth long runs of the body, the first four characters become a w:ins
    (an insertion) and a w:del holding 拟 is put before them (a deletion).
    """
    import zipfile

    from lxml import etree

    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    q = lambda t: f"{{{W}}}{t}"  # noqa: E731
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    runs = [r for p in root.iter(q("p")) if p.getparent().tag == q("body") for r in p.iter(q("r"))
            if len(r.findtext(q("t")) or "") > 20]
    for n, r in enumerate(runs[1:4:2]):
        t = r.find(q("t"))
        head, rest = t.text[:4], t.text[4:]
        t.text = rest
        ins_run = copy.deepcopy(r)
        ins_run.find(q("t")).text = head
        ins = etree.Element(q("ins"), {q("id"): str(100 + 2 * n), q("author"): "审核人", q("date"): "2025-01-01T00:00:00Z"})
        ins.append(ins_run)
        dele = etree.Element(q("del"), {q("id"): str(101 + 2 * n), q("author"): "审核人", q("date"): "2025-01-01T00:00:00Z"})
        del_run = copy.deepcopy(r)
        dt = del_run.find(q("t"))
        dt.tag = q("delText")
        dt.text = "拟"
        dele.append(del_run)
        r.addprevious(dele)
        r.addprevious(ins)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


# --------------------------------------------------------------------------- html

def _html_lines(items: list[Item], law: bool) -> list[tuple[str, str]]:
    """(kind, text) of each printed line; tables as ("table", rows joined by \\t and \\n)."""
    out: list[tuple[str, str]] = []
    for it in items:
        if it.kind in ("h1", "h2"):
            out.append((it.kind, it.label + it.text))
        elif it.kind == "article":
            out.append(("article", f"{it.label}　{it.text}"))
        elif it.kind == "chapter":
            out.append(("chapter", it.text.replace("\n", "　")))
        elif it.kind == "table" or it.kind == "box":
            if it.kind == "box":
                out.append(("caption", it.text))
                out.extend(("para", r[0]) for r in it.rows)
            else:
                out.append(("table", "\n".join("\t".join(r) for r in it.rows)))
        else:
            out.append((it.kind, it.text))
    return out


def _html_table(text: str, attrs: str = 'border="1" cellspacing="0" cellpadding="4"') -> str:
    rows = [r.split("\t") for r in text.split("\n")]
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table {attrs}>{body}</table>"


SITE_HEAD = ('<div class="header"><div class="logo">{site}</div><ul class="nav"><li><a href="/">首页</a></li>'
             '<li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>')
SITE_FOOT = ('<div class="footer"><p>主办：{site}　承办：{site}办公室</p><p>网站标识码：3600000001　'
             '备案号：赣ICP备05000001号</p></div>')


def render_gov_html(items: list[Item], title: str, site: str, doc_no: str, law: bool) -> str:
    """A 政府信息公开 page: metadata table (索引号, 发文机关 …), text in div.TRS_Editor."""
    body = []
    for kind, text in _html_lines(items, law):
        if kind == "table":
            body.append(_html_table(text))
        elif kind in ("title", "chapter"):
            body.append(f'<p align="center"><strong>{html.escape(text)}</strong></p>')
        else:
            body.append(f"<p>{html.escape(text)}</p>")
    meta = (f'<table class="xxgk_table"><tr><td>索引号：</td><td>11360100MB0000000X/2025-00012</td>'
            f'<td>主题分类：</td><td>综合政务</td></tr><tr><td>发文机关：</td><td>{site}</td><td>成文日期：</td>'
            f'<td>2025年01月01日</td></tr><tr><td>标　　题：</td><td colspan="3">{html.escape(title)}</td></tr>'
            f'<tr><td>发文字号：</td><td>{html.escape(doc_no)}</td><td>发布日期：</td><td>2025年01月02日</td></tr></table>')
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}_{site}</title></head><body>'
            + SITE_HEAD.format(site=site)
            + '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>'
            + meta + f'<div class="article"><h1 class="title">{html.escape(title)}</h1>'
            + '<div class="TRS_Editor"><div class="Custom_UnionStyle">' + "".join(body[1:]) + "</div></div>"
            + '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>'
            + '<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>'
            + SITE_FOOT.format(site=site) + "</body></html>")


PSTYLE = ('style="text-indent: 2em; line-height: 2; margin: 0; font-family: 仿宋_GB2312; font-size: 16pt;"')


def render_pstyle_html(items: list[Item], title: str, site: str, law: bool) -> str:
    """A page pasted from Word: every line a <p style>, indents typed as &nbsp;, headings in <span><strong>."""
    body = []
    for kind, text in _html_lines(items, law):
        esc = html.escape(text)
        if kind == "table":
            body.append(_html_table(text, 'class="MsoNormalTable" border="1" style="border-collapse:collapse"'))
        elif kind in ("title", "subtitle", "chapter", "caption"):
            body.append(f'<p style="text-align: center; margin: 0;"><span style="font-family: 方正小标宋简体; '
                        f'font-size: 22pt;">{"<strong>" + esc + "</strong>" if kind == "chapter" else esc}</span></p>')
        elif kind in ("h1", "h2"):
            body.append(f'<p {PSTYLE}>&nbsp;&nbsp;&nbsp;&nbsp;<span style="font-family: 黑体;"><strong>{esc}</strong>'
                        '</span></p>')
        elif kind == "article":
            label, _, rest = text.partition("　")
            body.append(f'<p {PSTYLE}>&nbsp;&nbsp;<strong>{html.escape(label)}</strong>&nbsp;{html.escape(rest)}</p>')
        else:
            body.append(f'<p {PSTYLE}>&nbsp;&nbsp;&nbsp;&nbsp;{esc}</p>')
        body.append('<p style="margin: 0;">&nbsp;</p>' if kind == "title" else "")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>'
            f'<div class="top">{site}</div><div id="zoom" class="content">' + "".join(body)
            + f'</div><div class="bottom">版权所有：{site}</div></body></html>')


def render_tables_html(items: list[Item], title: str, site: str, law: bool) -> str:
    """An old CMS page laid out in nested tables (width=980 frame, a td per line of text)."""
    rows = []
    for kind, text in _html_lines(items, law):
        if kind == "table":
            rows.append(f"<tr><td>{_html_table(text)}</td></tr>")
        elif kind in ("title", "chapter"):
            rows.append(f'<tr><td align="center" class="bt"><b>{html.escape(text)}</b></td></tr>')
        else:
            rows.append(f'<tr><td class="nr">　　{html.escape(text)}</td></tr>')
    inner = '<table width="100%" border="0" cellspacing="0" cellpadding="0">' + "".join(rows) + "</table>"
    nav = ('<table width="980" border="0"><tr><td><a href="/">网站首页</a></td><td><a href="/xxgk/">信息公开</a></td>'
           '<td><a href="/bsfw/">办事服务</a></td></tr></table>')
    return (f'<!DOCTYPE html><html><head><meta charset="gb2312"><title>{html.escape(title)}</title></head><body>'
            f'<table width="980" align="center" border="0"><tr><td>{nav}</td></tr>'
            f'<tr><td><table width="100%"><tr><td width="200" valign="top"><table><tr><td><a href="/tzgg/">通知公告</a>'
            f'</td></tr><tr><td><a href="/zcwj/">政策文件</a></td></tr></table></td><td valign="top">{inner}</td></tr>'
            f'</table></td></tr><tr><td align="center">{site}　版权所有</td></tr></table></body></html>')


# --------------------------------------------------------------------------- main

def to_pdf(docx_paths: list[Path], outdir: Path) -> None:
    """LibreOffice's PDF of each .docx (as an office's “export to PDF”)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), *map(str, docx_paths)], check=True, capture_output=True, timeout=300)


def build(name: str, pdf: bool = True, root: Path = OUT) -> None:
    """Write every layout of pair ``name`` into ``root``/<name>/ (the PDFs only when ``pdf``)."""
    folder, old, new, office, prefix, style = PAIRS[name]
    law = style.startswith("law")
    out = root / name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    site = office[:-3] if office.endswith("办公室") else (office or "西江省人民代表大会常务委员会")
    for side, fname in (("draft", old), ("final", new)):
        items = parse((ROOT / folder / fname).read_text(encoding="utf-8"), law)
        title = items[0].text
        doc_no = f"{prefix}〔2025〕12号" if prefix else ""
        if law:
            if style == "law-auto":  # Word's counter must print the numbers the text has
                assert [it.label for it in items if it.kind == "article"] == [
                    f"第{cn(i)}条" for i in range(1, 1 + sum(it.kind == "article" for it in items))]
            render_law_docx(items, out / f"{side}.docx", auto=style == "law-auto")
        else:
            render_docx(items, out / f"{side}.docx", office, doc_no, style, side == "final",
                        tall_tables=name == "indicator-table")
        if side == "draft" and not law:
            add_tracked_changes(out / "draft.docx", out / "draft-tracked.docx")
        html_encoded = render_tables_html(items, title, site, law).encode("gb18030")
        (out / f"{side}-gov.html").write_text(render_gov_html(items, title, site, doc_no, law), encoding="utf-8")
        (out / f"{side}-pstyle.html").write_text(render_pstyle_html(items, title, site, law), encoding="utf-8")
        (out / f"{side}-tables.html").write_bytes(html_encoded)
    if pdf:
        to_pdf([out / "draft.docx", out / "final.docx"], out)


def main(argv: list[str]) -> int:
    names = argv or list(PAIRS)
    for name in names:
        build(name, pdf=shutil.which("soffice") is not None)
        print("wrote", OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
