"""Readers: each fixture format read through sniffing, and every bad input refused clearly."""

from __future__ import annotations

import html as htmlmod
import io
import re
import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers import choose_reader, read, sniff
from revdiff.readers import docx as docx_reader
from revdiff.readers import pdf as pdf_reader

from .conftest import FIXTURES
from .fixtures.build import write_docx, write_html, write_pdf
from .fixtures.make_fixtures import INDICATORS, SAMPLE, TITLE

DOCX = FIXTURES / "sample.docx"
PDF = FIXTURES / "sample.pdf"
HTML = FIXTURES / "sample-gb18030.html"

CJK_SPACE = re.compile(r"[\u4e00-\u9fff，。；：、（）“”《》]\s+[\u4e00-\u9fff，。；：、（）“”《》]")


@pytest.fixture(scope="module")
def docx_doc() -> RawDoc:
    return read(str(DOCX))


@pytest.fixture(scope="module")
def pdf_doc() -> RawDoc:
    return read(str(PDF))


@pytest.fixture(scope="module")
def html_doc() -> RawDoc:
    return read(str(HTML))


def texts(raw: RawDoc) -> list[str]:
    return [b.text for b in raw.blocks]


def joined(raw: RawDoc) -> str:
    """All block text without whitespace, for checks that must survive line wraps."""
    return re.sub(r"\s+", "", "".join(texts(raw)))


def assert_refused(data: bytes, name: str, tmp_path: Path, *needles: str) -> str:
    """Reading ``data`` as ``name`` raises a fast one-line InputError containing ``needles``."""
    path = tmp_path / name
    path.write_bytes(data)
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        read(str(path))
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    for needle in needles:
        assert needle in message
    assert elapsed < 5, f"took {elapsed:.1f}s to refuse"
    return message


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "fixture, reader",
    [(DOCX, "docx"), (PDF, "pdf"), (HTML, "html")],
)
@pytest.mark.parametrize("suffix", ["", ".txt", ".bin"])
def test_format_is_sniffed_from_content(tmp_path: Path, fixture: Path, reader: str, suffix: str) -> None:
    path = tmp_path / f"renamed{suffix}" if suffix else tmp_path / fixture.name
    shutil.copy(fixture, path)
    data = path.read_bytes()
    assert choose_reader(data, str(path)).name == reader
    raw = read(str(path))
    assert raw.format == reader
    assert raw.blocks


def test_sniffers_do_not_claim_each_other() -> None:
    data = {p: p.read_bytes() for p in (DOCX, PDF, HTML)}
    assert [p for p in data if sniff.pdf(data[p])] == [PDF]
    assert [p for p in data if sniff.docx(data[p])] == [DOCX]
    assert [p for p in data if sniff.html(data[p])] == [HTML]
    assert not sniff.html("政策文本中提到<html>标签\n".encode())
    assert sniff.html(b"\xef\xbb\xbf  \n<!DOCTYPE HTML><p>x</p>")
    assert sniff.html(b'<meta charset="gbk"><p>x</p>')
    assert not sniff.docx(b"PK\x03\x04 an ordinary zip with xl/workbook.xml")


# --------------------------------------------------------------------------- docx


def test_docx_headings_have_levels_and_word_autonumbers(docx_doc: RawDoc) -> None:
    headings = [(b.style_level, b.text) for b in docx_doc.blocks if b.style_level]
    assert headings[:5] == [
        (1, "一、总体要求"),
        (1, "二、重点任务"),
        (2, "（一）做强数字核心产业"),
        (3, "1.发展智能终端产业"),
        (3, "2.培育软件和信息服务业"),
    ]
    # The second chapter's subsections restart at （一）; level 3 restarts under each （N）.
    assert (2, "（二）推进产业数字化转型") in headings
    assert (1, "四、附则") in headings
    assert [t for lvl, t in headings if lvl == 2 and t.startswith("（一）")] == [
        "（一）做强数字核心产业",
        "（一）加强组织领导",
    ]
    # Numbers come from numbering.xml: the XML text itself has none.
    with zipfile.ZipFile(DOCX) as zf:
        xml = zf.read("word/document.xml").decode()
    assert ">总体要求<" in xml and "一、总体要求" not in xml


def test_docx_title_body_and_table(docx_doc: RawDoc) -> None:
    assert docx_doc.title == TITLE
    assert docx_doc.encoding == "utf-8"
    assert texts(docx_doc)[:2] == [TITLE, "（征求意见稿）"]
    rows = [b for b in docx_doc.blocks if b.cells]
    assert [b.cells for b in rows] == INDICATORS
    assert len({b.table for b in rows}) == 1
    assert rows[0].text == "\t".join(INDICATORS[0])
    # Inline headings and literal item numbers are left as typed.
    assert any(t.startswith("（二）基本原则。坚持应用牵引") for t in texts(docx_doc))
    # The 专栏 box (a one-cell framed table) is text, not a table row.
    box = next(b for b in docx_doc.blocks if b.text.startswith("专栏1"))
    assert box.cells is None
    lines = [b.line for b in docx_doc.blocks]
    assert lines == sorted(lines) and lines[0] == 1


def test_docx_without_autonumber_keeps_literal_numbers(tmp_path: Path) -> None:
    raw = read(str(write_docx(SAMPLE, tmp_path / "plain.docx", autonumber=False)))
    headings = [b.text for b in raw.blocks if b.style_level]
    assert headings[:3] == ["一、总体要求", "二、重点任务", "（一）做强数字核心产业"]


def test_docx_every_spec_line_is_read(docx_doc: RawDoc) -> None:
    from .fixtures.build import plain_lines

    got = set(texts(docx_doc))
    missing = [line for line in plain_lines(SAMPLE) if line not in got]
    assert missing == []


def test_docx_toc_goes_to_dropped(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("一、总体要求\t1", style="toc 1")
    document.add_paragraph("一、总体要求", style="Heading 1")
    document.add_paragraph("正文。")
    path = tmp_path / "toc.docx"
    document.save(str(path))
    raw = read(str(path))
    assert texts(raw) == ["一、总体要求", "正文。"]
    assert [b.text for b in raw.dropped] == ["一、总体要求\t1"]


NUMBERING_XML = f"""<w:numbering xmlns:w="{docx_reader.W_NS}">
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
  <w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_numbering_counters_levels_and_restart() -> None:
    from lxml import etree

    numbering = docx_reader.Numbering(etree.fromstring(NUMBERING_XML))
    labels = [numbering.next_label(n, lvl) for n, lvl in [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)]]
    # Default suffix is a tab, shown as one space; level 1 says "nothing".
    assert labels == ["1、 ", "（一）", "（二）", "2、 ", "（一）"]
    # Another w:num of the same list continues it; one with startOverride restarts it.
    assert numbering.next_label("2", 0) == "1、 "
    assert numbering.next_label("1", 0) == "2、 "
    assert numbering.next_label("9", 0) is None


@pytest.mark.parametrize(
    "n, fmt, expected",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (35, "chineseCounting", "三十五"),
        (105, "chineseCountingThousand", "一百〇五"),
        (3, "ideographTraditional", "丙"),
        (2, "chineseLegalSimplified", "贰"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalZero", "07"),
        (12, "decimal", "12"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert docx_reader.format_number(n, fmt) == expected


# --------------------------------------------------------------------------- pdf


def test_pdf_pages_and_text(pdf_doc: RawDoc) -> None:
    assert pdf_doc.encoding == "binary"
    assert all(b.page for b in pdf_doc.blocks + pdf_doc.dropped)
    assert {b.page for b in pdf_doc.blocks} == {1, 2, 3}
    assert texts(pdf_doc)[:2] == [TITLE, "（征求意见稿）"]
    lines = [b.line for b in sorted(pdf_doc.blocks + pdf_doc.dropped, key=lambda b: b.line)]
    assert lines == list(range(1, len(lines) + 1))
    # Lines are not joined: a paragraph spans several blocks, and the body text is intact.
    body = joined(pdf_doc)
    for entry in SAMPLE:
        if entry[0] in ("para", "h1", "h2", "h3"):
            assert re.sub(r"\s+", "", entry[1]) in body
    assert not [b.text for b in pdf_doc.blocks if not b.cells and CJK_SPACE.search(b.text)]
    assert "专栏1 数字化转型重点工程" in texts(pdf_doc)


def test_pdf_page_furniture_is_dropped(pdf_doc: RawDoc) -> None:
    header = TITLE + "（征求意见稿）"
    assert header not in texts(pdf_doc)
    assert not [t for t in texts(pdf_doc) if re.fullmatch(r"[—\-\s]*\d+[—\-\s]*", t)]
    dropped = [b.text for b in pdf_doc.dropped]
    assert dropped.count(header) == 3
    assert sorted(
        re.sub(r"\D", "", t) for t in dropped if "—" in t and not re.search(r"[\u4e00-\u9fff]", t)
    ) == [
        "1",
        "2",
        "3",
    ]
    # The title at the top of page 1 is document text, not the running header.
    assert pdf_doc.blocks[0].text == TITLE and pdf_doc.blocks[0].page == 1


def test_pdf_table_rows_across_page_break(pdf_doc: RawDoc) -> None:
    rows = [b for b in pdf_doc.blocks if b.cells]
    assert [b.cells for b in rows] == INDICATORS
    assert len({b.table for b in rows}) == 1
    assert {b.page for b in rows} == {1, 2}
    # No table text leaks into ordinary lines; the repeated header row is in dropped.
    assert not [b for b in pdf_doc.blocks if not b.cells and "预期性" in b.text]
    assert [b.cells for b in pdf_doc.dropped if b.cells] == [INDICATORS[0]]


def test_pdf_page_number_shapes() -> None:
    for text in ["— 3 —", "-3-", "- 3 -", "第3页", "第 3 页 共 9 页", "3", "3/9", "Page 3 of 9"]:
        assert pdf_reader._PAGE_NUMBER.match(text), text
    for text in ["3.基础设施更加完善", "2025年", "（三）"]:
        assert not pdf_reader._PAGE_NUMBER.match(text), text


# --------------------------------------------------------------------------- html


def test_html_decodes_gb18030_and_extracts_metadata(html_doc: RawDoc) -> None:
    assert html_doc.encoding == "gb18030"
    assert HTML.read_bytes().decode("gb18030")  # the fixture really is GB-encoded
    assert b'charset="gb2312"' in HTML.read_bytes()
    assert html_doc.title is not None and html_doc.title.startswith(TITLE)
    assert html_doc.metadata["索引号"] == "11510800MB1234567X/2024-00018"
    assert html_doc.metadata["发文机关"] == "青川市数字经济局"
    assert html_doc.metadata["成文日期"] == "2024-03-15"
    assert html_doc.metadata["发布日期"] == "2024-03-18"
    assert html_doc.metadata["标题"] == TITLE
    assert html_doc.metadata["文号"] == ""


def test_html_blocks_are_the_document_only(html_doc: RawDoc) -> None:
    got = texts(html_doc)
    assert got[:2] == [TITLE, "（征求意见稿）"]
    assert got[-2:] == ["青川市数字经济局", "2024年3月15日"]  # <br>-separated lines
    chrome = [
        "当前位置",
        "索引号",
        "下载",
        "打印",
        "相关链接",
        "主办单位",
        "网站标识码",
        "扫描二维码",
        "首页",
        "门户网站",
    ]
    assert [t for t in got if any(c in t for c in chrome)] == []
    dropped = " ".join(b.text for b in html_doc.dropped)
    for c in chrome + ["青川市数据资源管理办法（试行）政策解读"]:
        assert c in dropped
    assert "统计代码" not in dropped + " ".join(got)  # scripts vanish entirely
    levels = [(b.style_level, b.text) for b in html_doc.blocks if b.style_level]
    assert levels[:3] == [(1, "一、总体要求"), (1, "二、重点任务"), (2, "（一）做强数字核心产业")]


def test_html_table_rows(html_doc: RawDoc) -> None:
    rows = [b for b in html_doc.blocks if b.cells]
    assert [b.cells for b in rows] == INDICATORS
    assert len({b.table for b in rows}) == 1


def test_html_lines_point_at_source(html_doc: RawDoc) -> None:
    source = HTML.read_bytes().decode("gb18030").splitlines()
    for block in html_doc.blocks:
        line = htmlmod.unescape(re.sub(r"<[^>]+>", "", source[block.line - 1]))
        probe = block.cells[0] if block.cells else block.text
        assert probe[:12] in line, (block.line, block.text)


def test_html_utf8_page_with_stale_gb2312_meta(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    page += "<body><div class='TRS_Editor'><p>第一段文字。</p>\n<p>第二段<br>第二行</p></div></body></html>"
    path = tmp_path / "p.htm"
    path.write_bytes(page.encode("utf-8"))
    raw = read(str(path))
    assert raw.encoding == "utf-8"
    assert texts(raw) == ["第一段文字。", "第二段", "第二行"]
    assert [b.line for b in raw.blocks] == [1, 2, 2]


def test_html_metadata_in_divs_and_layout_tables(tmp_path: Path) -> None:
    page = """<!doctype html>
<html><head><meta charset="utf-8"><title>通知</title></head><body>
<table width="100%"><tr><td>
<div class="xxgk">
<span>索 引 号: 000000000/2020-00001</span> <span>主题分类: 科技</span><br>
<span>成文日期: 2020-01-02</span> <span>发布日期: 2020-01-03</span><br>
<span>发文机关: 某市人民政府办公室</span> <span>有效性: 有效</span>
</div>
<div id="content">
<p>各区县人民政府：</p>
<p>现将有关事项
通知如下。</p>
<table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>建设平台</td></tr></table>
</div>
</td></tr></table>
</body></html>
"""
    path = tmp_path / "n.html"
    path.write_text(page, encoding="utf-8")
    raw = read(str(path))
    assert raw.metadata == {
        "索引号": "000000000/2020-00001",
        "主题分类": "科技",
        "成文日期": "2020-01-02",
        "发布日期": "2020-01-03",
        "发文机关": "某市人民政府办公室",
        "有效性": "有效",
    }
    # A newline between CJK characters is not a space; the layout table is not data.
    assert texts(raw)[:2] == ["各区县人民政府：", "现将有关事项通知如下。"]
    assert [b.cells for b in raw.blocks if b.cells] == [["序号", "任务"], ["1", "建设平台"]]
    assert raw.title == "通知"


BUSY_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>临江市知识产权保护若干措施_市政府办公室文件</title></head>
<body>
<div id="top"><div class="top-bar">无障碍 | 长者模式 | 登录</div></div>
<div class="wrap">
<div class="bread">您现在的位置：<a>首页</a> &gt; <a>政务公开</a></div>
<div class="xxgk-head"><ul>
<li><b>索引号：</b>1137/2023-01</li>
<li><b>发文机关：</b>临江市人民政府办公室</li>
<li><b>发文字号：</b>临政办发〔2023〕5号</li>
</ul></div>
<h1 class="art-title">临江市人民政府办公室关于印发临江市知识产权保护若干措施的通知</h1>
<div class="info">来源：市政府办公室　浏览次数：1024</div>
<div class="pages_content" id="UCAP-CONTENT">
<p>&nbsp;&nbsp;&nbsp;&nbsp;为进一步加强知识产权保护，制定以下措施。</p>
<p>　　（一）加大执法力度。社会各界关注我们的工作并提出了许多有益的建议，相关部门将持续推进保护体系建设。</p>
<p>附件：<a href="/a.docx">1.重点任务分工表</a></p>
</div>
<div class="fx">分享到：<a>微信</a><a>微博</a></div>
<div class="prevnext"><p>上一篇：<a>关于某某的通知</a></p><p>下一篇：<a>关于某某的批复</a></p></div>
</div>
<div id="foot"><p>版权所有：临江市人民政府　主办：临江市人民政府办公室</p></div>
</body>
</html>
"""


def test_html_short_document_on_a_busy_page(tmp_path: Path) -> None:
    """Chrome outweighs a short document; the document is still found and kept whole."""
    path = tmp_path / "busy.html"
    path.write_text(BUSY_PAGE, encoding="utf-8")
    raw = read(str(path))
    assert raw.metadata["发文字号"] == "临政办发〔2023〕5号"
    assert [(b.style_level, b.text) for b in raw.blocks] == [
        (1, "临江市人民政府办公室关于印发临江市知识产权保护若干措施的通知"),
        (None, "为进一步加强知识产权保护，制定以下措施。"),
        (
            None,
            "（一）加大执法力度。社会各界关注我们的工作并提出了许多有益的建议，相关部门将持续推进保护体系建设。",
        ),
        (None, "附件：1.重点任务分工表"),
    ]
    dropped = [b.text for b in raw.dropped]
    for text in [
        "无障碍 | 长者模式 | 登录",
        "分享到：微信微博",
        "上一篇：关于某某的通知",
        "来源：市政府办公室　浏览次数：1024",
    ]:
        assert text in dropped


def test_html_without_document_text(tmp_path: Path) -> None:
    page = b"<html><head><title>x</title><script>var a = '\xe6\x96\x87';</script></head>"
    page += b'<body><div class="nav"><a href="/">Home</a></div></body></html>'
    assert_refused(page, "empty.html", tmp_path, "no document text")


# --------------------------------------------------------------------------- bad inputs


def test_truncated_docx(tmp_path: Path) -> None:
    data = DOCX.read_bytes()
    assert_refused(data[: len(data) // 2], "cut.docx", tmp_path, "corrupt or truncated .docx")


def test_truncated_pdf(tmp_path: Path) -> None:
    data = PDF.read_bytes()
    assert_refused(data[: len(data) // 2], "cut.pdf", tmp_path, "corrupt or truncated .pdf")
    assert_refused(b"%PDF-1.4\nnot really a pdf\n%%EOF\n", "junk.pdf", tmp_path, "corrupt")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = write_pdf(SAMPLE[:6], tmp_path / "locked.pdf", encrypt=StandardEncryption("secret", "owner"))
    assert_refused(path.read_bytes(), "locked.pdf", tmp_path, "PDF is encrypted", "qpdf --decrypt")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for _ in range(2):
        c.rect(100, 100, 300, 500, fill=1)  # a "scanned" page: shapes, no text
        c.circle(250, 700, 40)
        c.showPage()
    c.save()
    assert_refused(buf.getvalue(), "scan.pdf", tmp_path, "no text layer", "OCR found no text")


def test_pdf_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    assert_refused(PDF.read_bytes(), "long.pdf", tmp_path, "PDF has 3 pages, more than the limit of 2")


def test_legacy_ole_doc(tmp_path: Path) -> None:
    """An OLE file naming a WordDocument stream, whatever its name, that holds no such stream is corrupt."""
    ole = sniff.OLE_MAGIC + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 1000
    for name in ("old.doc", "old.txt"):
        assert_refused(ole, name, tmp_path, "corrupt or truncated .doc/.wps")


def _patch_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Make the zip's central directory claim ``member`` inflates to ``size`` bytes."""
    buf = bytearray(data)
    pos = buf.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        name = bytes(buf[pos + 46 : pos + 46 + name_len]).decode()
        if name == member:
            struct.pack_into("<I", buf, pos + 24, size)
            return bytes(buf)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(member)


def test_zip_bomb_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = _patch_declared_size(DOCX.read_bytes(), "word/document.xml", 3_000_000_000)
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml").file_size == 3_000_000_000
    assert_refused(bomb, "bomb.docx", tmp_path, "zip bomb")


def test_highly_compressed_member_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(DOCX) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/media/image1.bin", b"\0" * 1000)
    bomb = _patch_declared_size(buf.getvalue(), "word/media/image1.bin", 60 * 1024 * 1024)
    assert_refused(bomb, "ratio.docx", tmp_path, "zip bomb")


LAUGHS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
 <!ENTITY a "哈哈哈哈哈哈哈哈哈哈">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"""


def test_billion_laughs_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(DOCX) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = LAUGHS.encode() if info.filename == "word/document.xml" else zin.read(info)
            zout.writestr(info, data)
    assert_refused(buf.getvalue(), "laughs.docx", tmp_path, "XML entities")


def test_python_docx_parser_does_not_expand_entities() -> None:
    """Defence in depth: even past our DTD check, python-docx's parser stays small and fast."""
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    start = time.perf_counter()
    try:
        root = etree.fromstring(LAUGHS.encode(), oxml_parser)
    except etree.XMLSyntaxError as exc:  # libxml2's amplification guard
        assert "amplification" in str(exc) or "entity" in str(exc).lower()
    else:
        assert len(etree.tostring(root)) < 10_000  # entities left unexpanded
    assert time.perf_counter() - start < 1


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/readme.txt", "not a document")
    assert_refused(buf.getvalue(), "odd.docx", tmp_path, ".docx")


def test_library_errors_never_escape(tmp_path: Path) -> None:
    """Damaged bytes in the middle of each fixture: a result or an InputError, nothing else."""
    for fixture in (DOCX, PDF, HTML):
        data = bytearray(fixture.read_bytes())
        for offset in range(200, len(data) - 200, len(data) // 7):
            broken = bytes(data[:offset]) + b"\x00\xff" * 40 + bytes(data[offset + 80 :])
            path = tmp_path / fixture.name
            path.write_bytes(broken)
            try:
                read(str(path))
            except InputError as exc:
                assert "\n" not in str(exc)


# --------------------------------------------------------------------------- writers


def test_writers_are_deterministic(tmp_path: Path) -> None:
    assert write_docx(SAMPLE, tmp_path / "a.docx").read_bytes() == DOCX.read_bytes()
    assert write_pdf(SAMPLE, tmp_path / "a.pdf").read_bytes() == PDF.read_bytes()
    assert write_html(SAMPLE, tmp_path / "a.html").read_bytes() == HTML.read_bytes()


def test_registered_reader_sniffs_before_the_text_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from revdiff import readers

    monkeypatch.setattr(readers, "READERS", list(readers.READERS))

    def read_memo(data: bytes, source: str) -> RawDoc:
        lines = data.decode("utf-8").splitlines()[1:]
        return RawDoc(source=source, format="memo", encoding="utf-8",
                      blocks=[Block(text=t, line=i) for i, t in enumerate(lines, 2)])  # fmt: skip

    readers.register(readers.Reader("memo", ("memo",), lambda d: d.startswith(b"MEMO\n"), read_memo))
    assert [r.name for r in readers.READERS][-2:] == ["memo", "text"]
    path = tmp_path / "note.txt"  # the content decides, not the .txt name
    path.write_bytes("MEMO\n一、总体要求\n加强保护。\n".encode())
    raw = read(str(path))
    assert raw.format == "memo" and [b.text for b in raw.blocks] == ["一、总体要求", "加强保护。"]
    plain = tmp_path / "plain.txt"
    plain.write_text("一、总体要求\n", encoding="utf-8")
    assert read(str(plain)).format == "txt"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    text = "关于加强知识产权保护的意见\r\n一、总体要求\r\n到2025年，专利密集型产业增加值占GDP比重达到13%。\r\n"
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode(encoding))  # what Windows "Unicode" saves, minus the BOM
    raw = read(str(path))
    assert raw.encoding == encoding
    assert [b.text for b in raw.blocks if b.text] == text.split("\r\n")[:3]


def test_zero_bytes_on_one_side_alone_do_not_make_utf16(tmp_path: Path) -> None:
    # every other byte zero, but the others are control codes and Latin-1 symbols, not text
    junk = bytes(b for i in range(4000) for b in ((i * 37) % 256 or 1, 0))
    path = tmp_path / "junk.txt"
    path.write_bytes(junk)
    with pytest.raises(InputError, match="binary"):
        read(str(path))


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r", "\u2028", "\u2029"])
def test_every_line_end_ends_a_line_and_counts_one_line(tmp_path: Path, end: str) -> None:
    lines = ["关于印发某市数字经济发展规划的通知", "一、发展目标", "到2027年，数字经济核心产业增加值达到800亿元。"]
    path = tmp_path / "plan.txt"
    path.write_bytes(end.join(lines + [""]).encode("utf-8"))
    raw = read(str(path))
    assert [(b.line, b.text) for b in raw.blocks if b.text] == [(1, lines[0]), (2, lines[1]), (3, lines[2])]
