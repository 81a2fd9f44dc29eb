"""Bad input through the real CLI: every row of docs/bad-input.md is a test here.

Each error case runs ``python -m revdiff outline X`` and ``python -m revdiff compare GOOD X
--format json`` in a subprocess and checks the contract: exit status 2, exactly one
non-empty line on standard error, no traceback, and a keyword saying what was wrong or
what to do.  The "degrade, don't fail" cases exit 0 and are checked in the JSON report.
The bad files are made in ``tmp_path`` by the builders below.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import FIXTURES, SAMPLES

GOOD = SAMPLES / "taian-ip-outline-draft.txt"  # small, with a 征求意见稿 mark and headings
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "revdiff", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "REVDIFF_DEBUG": ""},
    )


def assert_error(proc: subprocess.CompletedProcess[bytes], keyword: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].strip(), f"want one stderr line, got {lines!r}"
    assert lines[0].startswith("revdiff: error: "), lines[0]
    assert keyword.lower() in lines[0].lower(), (keyword, lines[0])
    assert proc.stdout == b"", "an error must not write a partial report"
    return lines[0]


def compare_json(*args: str, stdin: bytes | None = None) -> dict:
    proc = run_cli("compare", *args, "--format", "json", stdin=stdin)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return json.loads(proc.stdout.decode("utf-8"))


# --------------------------------------------------------------------------- builders


def _random_bytes(n: int, seed: int = 5) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


def _rezip(src: bytes, replace: dict[str, bytes]) -> bytes:
    """The docx ``src`` with some members replaced (same member order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
    return buf.getvalue()


def make_missing(tmp: Path) -> Path:
    return tmp / "missing.txt"


def make_directory(tmp: Path) -> Path:
    d = tmp / "folder.txt"
    d.mkdir()
    return d


def make_unreadable(tmp: Path) -> Path:
    p = tmp / "locked.txt"
    p.write_text("一、总体要求\n正文。\n", encoding="utf-8")
    p.chmod(0)
    return p


def make_empty(tmp: Path) -> Path:
    p = tmp / "empty.txt"
    p.write_bytes(b"")
    return p


def make_whitespace(tmp: Path) -> Path:
    p = tmp / "blank.txt"
    p.write_bytes(b" \n\t\r\n  \n")
    return p


def make_fullwidth_whitespace(tmp: Path) -> Path:
    p = tmp / "blank-cjk.txt"
    p.write_text("\u3000\u3000\n \xa0\n\u3000\n", encoding="utf-8")
    return p


def make_junk(tmp: Path) -> Path:
    p = tmp / "junk.txt"
    p.write_bytes(_random_bytes(4096) + b"\x00" * 16)
    return p


def make_junk_noext(tmp: Path) -> Path:
    p = tmp / "junk"
    p.write_bytes(b"\x00\x01\x02" + _random_bytes(2048, seed=9))
    return p


def make_truncated_docx(tmp: Path) -> Path:
    data = (FIXTURES / "sample.docx").read_bytes()
    p = tmp / "truncated.docx"
    p.write_bytes(data[: len(data) // 2])
    return p


def make_truncated_pdf(tmp: Path) -> Path:
    data = (FIXTURES / "sample.pdf").read_bytes()
    p = tmp / "truncated.pdf"
    p.write_bytes(data[: len(data) // 2])
    return p


def make_corrupt_pdf(tmp: Path) -> Path:
    """A PDF header and end-of-file marker around junk."""
    p = tmp / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.4\n" + _random_bytes(3000, seed=3).replace(b"%%EOF", b"") + b"\n%%EOF\n")
    return p


def make_encrypted_pdf(tmp: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    p = tmp / "encrypted.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(100, 700, "Confidential policy text")
    c.showPage()
    c.save()
    return p


def make_scanned_pdf(tmp: Path) -> Path:
    """Only shapes, no text: what a scanner's PDF looks like to a text extractor."""
    from reportlab.pdfgen import canvas

    p = tmp / "scanned.pdf"
    c = canvas.Canvas(str(p))
    for page in range(2):
        c.rect(72, 72 + page * 10, 300, 400, fill=1)
        c.circle(300, 600, 40)
        c.showPage()
    c.save()
    return p


def make_many_pages_pdf(tmp: Path) -> Path:
    from reportlab.pdfgen import canvas

    p = tmp / "huge.pdf"
    c = canvas.Canvas(str(p))
    for page in range(2001):
        c.drawString(100, 700, f"page {page}")
        c.showPage()
    c.save()
    return p


def make_legacy_doc(tmp: Path) -> Path:
    p = tmp / "old.doc"
    p.write_bytes(OLE_MAGIC + _random_bytes(4000, seed=11))
    return p


def make_legacy_doc_directory(tmp: Path) -> Path:
    """An OLE file whose directory names a WordDocument stream, under a neutral name."""
    p = tmp / "download.bin"
    p.write_bytes(OLE_MAGIC + b"\x00" * 500 + "WordDocument".encode("utf-16-le") + b"\x00" * 500)
    return p


def make_wps(tmp: Path) -> Path:
    p = tmp / "old.wps"
    p.write_bytes(OLE_MAGIC + _random_bytes(4000, seed=12))
    return p


def make_corrupt_doc(tmp: Path) -> Path:
    """A real .doc with its text tables (the 1Table stream) overwritten with junk."""
    from .test_formats import doc_from_docx

    data = bytearray(doc_from_docx(FIXTURES / "sample.docx", tmp))
    fib = next(o for o in range(512, len(data), 512) if data[o : o + 2] == b"\xec\xa5")
    data[fib + 0x20 : fib + 0x400] = _random_bytes(0x3E0, seed=13)  # the FIB's counts and pointers
    p = tmp / "broken.doc"
    p.write_bytes(bytes(data))
    return p


def make_password_doc(tmp: Path) -> Path:
    """A Word 97 .doc whose FIB says it is encrypted (fEncrypted), as Word writes a password-protected one."""
    from .test_formats import doc_from_docx

    data = bytearray(doc_from_docx(FIXTURES / "sample.docx", tmp))
    fib = next(o for o in range(512, len(data), 512) if data[o : o + 2] == b"\xec\xa5")
    data[fib + 0x0B] |= 0x01
    p = tmp / "locked.doc"
    p.write_bytes(bytes(data))
    return p


def make_ofd_without_page(tmp: Path) -> Path:
    """An .ofd whose Document.xml lists no page."""
    p = tmp / "empty.ofd"
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                              "</ofd:DocBody></ofd:OFD>")  # fmt: skip
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData/><ofd:Pages/></ofd:Document>")
    return p


def make_ofd_with_entities(tmp: Path) -> Path:
    """An .ofd whose page declares XML entities ("billion laughs")."""
    src = tmp / "src.ofd"
    from .fixtures.build import Doc
    from .fixtures.ofd_writer import write_ofd

    spec: Doc = [("title", "关于做好冬春农田水利建设的通知"), ("para", "各乡镇人民政府：现将有关事项通知如下。")]
    write_ofd(spec, src)
    laughs = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;">]>'
              '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">'
              '<ofd:TextObject ID="2" Boundary="20 20 100 10" Size="5"><ofd:TextCode X="0" Y="4">&b;</ofd:TextCode>'
              "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")  # fmt: skip
    p = tmp / "laughs.ofd"
    p.write_bytes(_rezip(src.read_bytes(), {"Doc_0/Pages/Page_0/Content.xml": laughs.encode()}))
    return p


def make_blank_scan_pdf(tmp: Path) -> Path:
    """One page of shapes and no text: OCR finds nothing on it."""
    from reportlab.pdfgen import canvas

    p = tmp / "blank-scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(72, 72, 300, 400, fill=1)
    c.showPage()
    c.save()
    return p


def make_script_loaded_html(tmp: Path) -> Path:
    """A page whose article a script loads: what is saved is the site's header and footer."""
    p = tmp / "app.html"
    p.write_text(
        "<html><head><meta charset='utf-8'><title>关于印发某市促进消费若干措施的通知_某市人民政府</title>"
        "<script src='app.js'></script></head><body><div class='header'><a href='/'>首页</a> "
        "<a href='/zwgk'>政务公开</a></div><div id='app'></div><div class='footer'>主办单位：某市人民政府办公室 "
        "网站标识码：1234 ICP备12345号</div></body></html>",
        encoding="utf-8",
    )
    return p


def make_nav_html(tmp: Path) -> Path:
    p = tmp / "nav.html"
    p.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>市政府</title>"
        "<script>var menu = ['首页', '政务公开'];</script></head><body>"
        "<nav><a href='/'>首页</a> <a href='/gk'>政务公开</a> <a href='/hd'>互动交流</a></nav>"
        "<script>document.write('加载中');</script></body></html>",
        encoding="utf-8",
    )
    return p


def make_deep_html(tmp: Path) -> Path:
    """Text at the top and a section 300 elements deep, past libxml2's nesting limit of 256."""
    p = tmp / "deep.html"
    p.write_text(
        "<html><body><p>一、总体要求</p><p>浅层正文。</p>"
        + "<div>" * 300
        + "<p>二、主要任务</p><p>深层正文。</p>"
        + "</div>" * 300
        + "</body></html>",
        encoding="utf-8",
    )
    return p


def make_huge_text_run_html(tmp: Path) -> Path:
    """One paragraph of 12.5 MB, past libxml2's 10 MB text limit."""
    p = tmp / "huge-run.html"
    p.write_text(
        "<html><body><p>一、总体要求</p><p>" + "加强保护。" * 2_500_000 + "</p></body></html>",
        encoding="utf-8",
    )
    return p


def make_big_text(tmp: Path) -> Path:
    p = tmp / "big.txt"
    line = ("一、总体要求\n" + "加强知识产权保护。" * 40 + "\n").encode("utf-8")
    p.write_bytes(line * (2 * 1024 * 1024 // len(line) + 1))
    assert p.stat().st_size > 2 * 1024 * 1024
    return p


def make_bomb_declared(tmp: Path) -> Path:
    """sample.docx with word/document.xml's central-directory size patched to ~4 GB."""
    data = bytearray((FIXTURES / "sample.docx").read_bytes())
    name = b"word/document.xml"
    at = 0
    patched = False
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", data, at + 24, 0xFFFFFF00)
            patched = True
        at += 4
    assert patched
    p = tmp / "bomb.docx"
    p.write_bytes(bytes(data))
    return p


def make_bomb_ratio(tmp: Path) -> Path:
    """A document.xml padded with 60 MB of blanks: ~60 KB compressed, inflates ~1000 times."""
    src = (FIXTURES / "sample.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        xml = z.read("word/document.xml")
    xml = xml.replace(b"<w:body>", b"<w:body>" + b" " * (60 * 1024 * 1024), 1)
    p = tmp / "ratio-bomb.docx"
    p.write_bytes(_rezip(src, {"word/document.xml": xml}))
    return p


def make_nested_docx(tmp: Path) -> Path:
    depth = 100_000
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
        + b"<w:p>" * depth
        + b"</w:p>" * depth
        + b"</w:body></w:document>"
    )
    p = tmp / "nested.docx"
    p.write_bytes(_rezip((FIXTURES / "sample.docx").read_bytes(), {"word/document.xml": xml}))
    return p


def make_billion_laughs(tmp: Path) -> Path:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{"".join(ents)}]>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    p = tmp / "laughs.docx"
    p.write_bytes(_rezip((FIXTURES / "sample.docx").read_bytes(), {"word/document.xml": xml}))
    return p


def make_deep_markdown(tmp: Path) -> Path:
    p = tmp / "deep.md"
    p.write_text("> " * 400 + "第一条 深处的文字。\n", encoding="utf-8")
    return p


def make_front_matter_only_markdown(tmp: Path) -> Path:
    p = tmp / "meta.md"
    p.write_text("---\ntitle: 某某办法\nurl: https://example.org/a\n---\n\n![](cover.png)\n", encoding="utf-8")
    return p


def make_dtd_after_long_comment(tmp: Path) -> Path:
    # the DTD pushed 10 KB down by a comment, past any look at the part's first bytes
    xml = (
        f'<?xml version="1.0"?>\n<!--{"x" * 10_000}-->\n<!DOCTYPE w:document [<!ENTITY secret "50万元">]>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>资助&secret;</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    p = tmp / "hidden-dtd.docx"
    p.write_bytes(_rezip((FIXTURES / "sample.docx").read_bytes(), {"word/document.xml": xml}))
    return p


def make_duplicate_document_xml(tmp: Path) -> Path:
    src = (FIXTURES / "sample.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        fake = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>另一份文本</w:t></w:r></w:p></w:body></w:document>'
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
            zout.writestr("word/document.xml", fake.encode())
    p = tmp / "twice.docx"
    p.write_bytes(buf.getvalue())
    return p


def make_docm(tmp: Path) -> Path:
    src = (FIXTURES / "sample.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        types = z.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    p = tmp / "macro.docm"
    p.write_bytes(_rezip(src, {"[Content_Types].xml": types}))
    return p


def _county_page() -> bytes:
    from .archives import make_archives as mk

    return mk.county_site((Path(__file__).parent / "copies" / "plan-draft.txt").read_text(encoding="utf-8")).encode("gbk")


def make_mhtml_without_page(tmp: Path) -> Path:
    """An MHTML holding only the page's image: the HTML part is missing."""
    from .archives import make_archives as mk

    data = mk.mhtml_ie(_county_page(), mk.COUNTY, "gb2312")
    boundary = b"--" + data.split(b'boundary="', 1)[1].split(b'"', 1)[0]
    first = data.index(boundary + b"\r\n")
    second = data.index(boundary + b"\r\n", first + 1)
    p = tmp / "images.mht"
    p.write_bytes(data[:first] + data[second:])
    return p


def make_truncated_mhtml(tmp: Path) -> Path:
    """A Chrome MHTML cut off inside its page's part (an interrupted download)."""
    data = (Path(__file__).parent / "archives" / "regulation-final.chrome.mhtml").read_bytes()
    p = tmp / "cut.mhtml"
    p.write_bytes(data[: data.index(b"Content-Type: text/css") - 3000])
    return p


def make_mhtml_boundary_mismatch(tmp: Path) -> Path:
    """A Chrome MHTML whose header names a boundary its parts do not use (an edited header)."""
    data = (Path(__file__).parent / "archives" / "regulation-final.chrome.mhtml").read_bytes()
    declared = data.split(b'boundary="', 1)[1].split(b'"', 1)[0]
    p = tmp / "boundary.mhtml"
    p.write_bytes(data.replace(b'boundary="' + declared + b'"', b'boundary="----=_Part_0_1"', 1))
    return p


def make_mhtml_empty_page(tmp: Path) -> Path:
    """A Chrome MHTML whose page part is empty (a save that failed half-way)."""
    data = (Path(__file__).parent / "archives" / "regulation-final.chrome.mhtml").read_bytes()
    start = data.index(b"<!DOCTYPE html>")
    end = data.index(b"\r\n\r\n------MultipartBoundary", start)
    p = tmp / "empty-page.mhtml"
    p.write_bytes(data[:start] + data[end:])
    return p


def make_mhtml_bad_base64(tmp: Path) -> Path:
    """An IE MHTML whose base64 page has a line damaged."""
    from .archives import make_archives as mk

    data = mk.mhtml_ie(_county_page(), mk.COUNTY, "gb2312")
    at = data.index(b"Content-Location: " + mk.COUNTY.encode()) + 200
    p = tmp / "damaged.mht"
    p.write_bytes(data[:at] + b"*&^%$#@!" + data[at + 8 :])
    return p


def make_warc_without_page(tmp: Path) -> Path:
    """A WARC of a crawl that captured only a style sheet and an image."""
    from .archives import make_archives as mk

    p = tmp / "assets.warc.gz"
    p.write_bytes(mk.warc([("http://www.example.gov.cn/css/a.css", "2024-03-05T02:11:11Z", "text/css", b"p{}"),
                           ("http://www.example.gov.cn/logo.png", "2024-03-05T02:11:11Z", "image/png", mk.PNG)]))
    return p


def make_truncated_warc(tmp: Path) -> Path:
    """A .warc.gz cut off inside the capture of the document's page."""
    data = (Path(__file__).parent / "archives" / "regulation-draft.warc.gz").read_bytes()
    p = tmp / "cut.warc.gz"
    p.write_bytes(data[: len(data) // 2])
    return p


def make_warc_gzip_bomb(tmp: Path) -> Path:
    """A .warc.gz of under 1 KB whose page is served gzip-compressed and inflates to 210 MB of blanks."""
    import zlib

    from .archives import make_archives as mk

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    blanks = b" " * (1 << 20)
    body = packer.compress(b"<html><body><p>") + b"".join(packer.compress(blanks) for _ in range(210))
    body += packer.compress(b"</p></body></html>") + packer.flush()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    p = tmp / "bomb.warc.gz"
    p.write_bytes(mk._record([("WARC-Type", "response"), ("WARC-Target-URI", "http://www.example.gov.cn/a.html"),
                              ("WARC-Date", "2024-03-05T02:11:10Z"), ("Content-Type", "application/http;msgtype=response")],
                             http))
    return p


def make_truncated_webarchive(tmp: Path) -> Path:
    """A Safari .webarchive cut off (its property list's offset table is at the end)."""
    data = (Path(__file__).parent / "archives" / "plan-final.safari.webarchive").read_bytes()
    p = tmp / "cut.webarchive"
    p.write_bytes(data[: len(data) * 2 // 3])
    return p


def make_webarchive_without_page(tmp: Path) -> Path:
    """A Safari .webarchive holding only a subresource (an image), no main page."""
    import plistlib

    from .archives import make_archives as mk

    p = tmp / "image.webarchive"
    p.write_bytes(plistlib.dumps({"WebMainResource": {"WebResourceData": b"", "WebResourceMIMEType": "text/html"},
                                  "WebSubresources": [{"WebResourceData": mk.PNG, "WebResourceMIMEType": "image/png"}]},
                                 fmt=plistlib.FMT_BINARY))
    return p


def make_truncated_wacz(tmp: Path) -> Path:
    """A WACZ cut in half (its zip directory is at the end)."""
    data = (Path(__file__).parent / "archives" / "regulation-final.archiveweb.wacz").read_bytes()
    p = tmp / "cut.wacz"
    p.write_bytes(data[: len(data) // 2])
    return p


# (id, builder, extra CLI options, keyword expected in the one stderr line)
ERROR_CASES: list[tuple[str, Callable[[Path], Path], tuple[str, ...], str]] = [
    ("missing-path", make_missing, (), "no such file"),
    ("directory", make_directory, (), "is a directory"),
    ("empty-file", make_empty, (), "empty"),
    ("whitespace-only", make_whitespace, (), "empty"),
    ("fullwidth-whitespace-only", make_fullwidth_whitespace, (), "no document text"),
    ("binary-junk-txt", make_junk, (), "binary"),
    ("binary-junk-no-extension", make_junk_noext, (), "binary"),
    ("truncated-docx", make_truncated_docx, (), "truncated"),
    ("truncated-pdf", make_truncated_pdf, (), "truncated"),
    ("corrupt-pdf", make_corrupt_pdf, (), "corrupt"),
    ("encrypted-pdf", make_encrypted_pdf, (), "encrypted"),
    ("scanned-pdf", make_scanned_pdf, ("--ocr", "never"), "ocrmypdf"),
    ("scanned-pdf-ocr-finds-nothing", make_blank_scan_pdf, (), "OCR found no text"),
    ("too-many-pages-pdf", make_many_pages_pdf, (), "more than the limit"),
    ("legacy-doc", make_legacy_doc, (), "corrupt or truncated .doc/.wps"),
    ("legacy-doc-any-name", make_legacy_doc_directory, (), "corrupt or truncated .doc/.wps"),
    ("corrupt-doc", make_corrupt_doc, (), "no document text found in this doc file"),
    ("legacy-wps", make_wps, (), "corrupt or truncated .doc/.wps"),
    ("password-protected-doc", make_password_doc, (), "password-protected"),
    ("ofd-without-page", make_ofd_without_page, (), ".ofd has no pages"),
    ("ofd-entity-expansion", make_ofd_with_entities, (), "declares XML entities"),
    ("html-without-document", make_nav_html, (), "no document text"),
    ("html-text-loaded-by-script", make_script_loaded_html, (), "a script loads"),
    ("html-nested-too-deeply", make_deep_html, (), "nested too deeply"),
    ("html-text-run-too-large", make_huge_text_run_html, (), "too large"),
    ("markdown-nested-too-deeply", make_deep_markdown, (), "nested too deeply"),
    ("markdown-without-text", make_front_matter_only_markdown, (), "no document text"),
    ("over-size-limit", make_big_text, ("--max-size", "1"), "--max-size"),
    ("docx-zip-bomb-declared-size", make_bomb_declared, (), "zip bomb"),
    ("docx-zip-bomb-ratio", make_bomb_ratio, (), "zip bomb"),
    ("docx-deeply-nested-xml", make_nested_docx, (), "nested too deeply"),
    ("docx-entity-expansion", make_billion_laughs, (), "entities"),
    ("docx-dtd-after-long-comment", make_dtd_after_long_comment, (), "entities"),
    ("docx-duplicate-document-xml", make_duplicate_document_xml, (), "two copies of word/document.xml"),
    ("docm-macro-enabled", make_docm, (), "macro-enabled Word file (.docm/.dotm); save it as a Word document"),
    ("mhtml-without-page", make_mhtml_without_page, (), "corrupt or truncated MHTML (no text/html part)"),
    ("mhtml-truncated", make_truncated_mhtml, (), "corrupt or truncated MHTML (the page's part has no end)"),
    ("mhtml-boundary-mismatch", make_mhtml_boundary_mismatch, (), "corrupt or truncated MHTML (its parts cannot be found)"),
    ("mhtml-empty-page", make_mhtml_empty_page, (), "corrupt or truncated MHTML (the page's part is empty)"),
    ("mhtml-damaged-base64", make_mhtml_bad_base64, (), "corrupt or truncated MHTML (damaged base64)"),
    ("warc-without-page", make_warc_without_page, (), "no web page (a text/html response) in this WARC"),
    ("warc-truncated", make_truncated_warc, (), "corrupt or truncated WARC"),
    ("webarchive-truncated", make_truncated_webarchive, (), "corrupt or truncated .webarchive"),
    ("webarchive-without-page", make_webarchive_without_page, (), "no web page in this .webarchive"),
    ("wacz-truncated", make_truncated_wacz, (), "corrupt or truncated WACZ"),
    ("warc-gzip-bomb", make_warc_gzip_bomb, (), "inflate to more than 200 MB (a gzip bomb?)"),
]


@pytest.mark.parametrize(
    ("builder", "options", "keyword"),
    [pytest.param(b, o, k, id=i) for i, b, o, k in ERROR_CASES],
)
@pytest.mark.parametrize("command", ["outline", "compare"])
def test_bad_input_is_one_clear_line(tmp_path: Path, command: str, builder, options, keyword) -> None:
    bad = builder(tmp_path)
    start = time.monotonic()
    if command == "outline":
        proc = run_cli("outline", str(bad), *options)
    else:  # the bad file as FINAL: the good DRAFT has been read already
        proc = run_cli("compare", str(GOOD), str(bad), "--format", "json", *options)
    line = assert_error(proc, keyword)
    assert str(bad) in line, "the message names the file"
    assert time.monotonic() - start < 30, "refused quickly"


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root reading the file")
@pytest.mark.parametrize("command", ["outline", "compare"])
def test_unreadable_file_chmod(tmp_path: Path, command: str) -> None:
    bad = make_unreadable(tmp_path)
    args = (
        ("outline", str(bad))
        if command == "outline"
        else ("compare", str(GOOD), str(bad), "--format", "json")
    )
    assert_error(run_cli(*args), "permission denied")


# Simulates an unreadable file whatever the user: reading it raises EACCES, as the OS would.
_EACCES_RUNNER = """
import errno, pathlib, runpy, sys
_read = pathlib.Path.read_bytes
def read_bytes(self):
    if self.name == "locked.txt":
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    return _read(self)
pathlib.Path.read_bytes = read_bytes
sys.argv[0] = "revdiff"
runpy.run_module("revdiff", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("command", ["outline", "compare"])
def test_unreadable_file_simulated(tmp_path: Path, command: str) -> None:
    bad = tmp_path / "locked.txt"
    bad.write_text("一、总体要求\n正文。\n", encoding="utf-8")
    args = (
        ["outline", str(bad)]
        if command == "outline"
        else ["compare", str(GOOD), str(bad), "--format", "json"]
    )
    proc = subprocess.run(
        [sys.executable, "-c", _EACCES_RUNNER, *args], input=b"", capture_output=True, timeout=120
    )
    assert_error(proc, "permission denied")


def test_both_inputs_stdin() -> None:
    assert_error(run_cli("compare", "-", "-", "--format", "json", stdin=GOOD.read_bytes()), "standard input")


def test_empty_stdin() -> None:
    assert_error(run_cli("outline", "-", stdin=b""), "empty")


def test_stdin_over_size_limit() -> None:
    assert_error(run_cli("outline", "-", "--max-size", "1", stdin=b"a" * (1024 * 1024 + 10)), "--max-size")


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_size_must_be_positive(value: str) -> None:
    assert_error(run_cli("outline", str(GOOD), "--max-size", value), "--max-size")


def test_usage_error_is_one_line() -> None:
    assert_error(run_cli("compare", str(GOOD)), "missing argument")


# --------------------------------------------------------------------------- exit 0


@pytest.mark.parametrize(("fixture", "fmt"), [("sample.pdf", "pdf"), ("sample.docx", "docx")])
def test_misnamed_binary_formats_are_sniffed(tmp_path: Path, fixture: str, fmt: str) -> None:
    misnamed = tmp_path / f"{fmt}-saved-as.txt"
    misnamed.write_bytes((FIXTURES / fixture).read_bytes())
    proc = run_cli("outline", str(misnamed), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    outline = json.loads(proc.stdout)
    assert outline["format"] == fmt
    assert outline["parts"] and outline["parts"][0]["sections"]
    report = compare_json(str(FIXTURES / fixture), str(misnamed))
    assert report["final"]["format"] == fmt
    assert report["findings"] == []
    assert {s["status"] for s in report["sections"]} == {"unchanged"}


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    """Encrypted with an empty user password (print/copy restrictions only): readable."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    p = tmp_path / "restricted.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0))
    c.drawString(100, 700, "Restricted but readable")
    c.showPage()
    c.save()
    proc = run_cli("outline", str(p))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Restricted but readable" in proc.stdout.decode()


def test_same_file_twice_reports_no_difference() -> None:
    report = compare_json(str(GOOD), str(GOOD))
    assert report["findings"] == []
    assert report["sections"]
    assert {s["status"] for s in report["sections"]} == {"unchanged"}
    assert not any(s["renumbered"] for s in report["sections"])
    # the report says so up front (issue 5: "a report that says there is no difference")
    assert len(report["warnings"]) == 1 and "nothing changed" in report["warnings"][0]


def test_swapped_draft_and_final_warns(tmp_path: Path) -> None:
    marked = GOOD.read_text(encoding="utf-8")
    assert "征求意见稿" in marked
    official = tmp_path / "official.txt"
    official.write_text(marked.replace("（征求意见稿）", ""), encoding="utf-8")
    report = compare_json(str(official), str(GOOD))  # swapped: the marked draft given as FINAL
    assert any("swapped" in w and "征求意见稿" in w for w in report["warnings"]), report["warnings"]
    # the right way round: no warning
    assert compare_json(str(GOOD), str(official))["warnings"] == []


UNRELATED_A = (
    "一、总体要求\n坚持以人民为中心，加强食品安全监管，保障群众饮食安全。\n"
    "二、主要任务\n（一）加强农产品质量检测\n每年抽检蔬菜水果样品不少于5000批次。\n"
)
UNRELATED_B = (
    "一、指导思想\n推进港口航运物流高质量发展，建设国际航运枢纽。\n"
    "二、重点工程\n（一）集装箱码头扩建\n到2025年集装箱吞吐量达到800万标箱。\n"
)


def test_unrelated_documents_warn(tmp_path: Path) -> None:
    a, b = tmp_path / "food.txt", tmp_path / "port.txt"
    a.write_text(UNRELATED_A, encoding="utf-8")
    b.write_text(UNRELATED_B, encoding="utf-8")
    report = compare_json(str(a), str(b))
    assert any("share almost nothing" in w for w in report["warnings"]), report["warnings"]
    big = compare_json(str(SAMPLES / "weihai-ip-demo-city-plan-2018.txt"), str(b))
    assert any("share almost nothing" in w for w in big["warnings"]), big["warnings"]


NO_HEADINGS_DRAFT = (
    "这是第一段文字，讲述知识产权保护工作的总体情况。\n\n"
    "这是第二段文字，提出加强专利转化运用的若干措施。\n\n"
    "市财政每年安排专项资金500万元，对开展专利导航的企业给予补贴。\n"
)
NO_HEADINGS_FINAL = NO_HEADINGS_DRAFT.replace("若干", "主要").replace("500万元", "300万元")


def _no_headings_pair(tmp_path: Path) -> tuple[Path, Path]:
    d, f = tmp_path / "plain-draft.txt", tmp_path / "plain-final.txt"
    d.write_text(NO_HEADINGS_DRAFT, encoding="utf-8")
    f.write_text(NO_HEADINGS_FINAL, encoding="utf-8")
    return d, f


def test_no_headings_still_exits_0(tmp_path: Path) -> None:
    d, f = _no_headings_pair(tmp_path)
    report = compare_json(str(d), str(f))
    assert report["schema"] == "revdiff.report/1"


def test_no_headings_compared_at_paragraph_level(tmp_path: Path) -> None:
    """No headings: the text is compared paragraph by paragraph, never a silently empty report."""
    d, f = _no_headings_pair(tmp_path)
    report = compare_json(str(d), str(f))
    assert report["sections"], "a document without headings must not give an empty report"
    changed = [s for s in report["sections"] if s["status"] != "unchanged"]
    assert changed
    deleted = "".join(text for s in changed for op, text in s["diff"] if op == -1)
    inserted = "".join(text for s in changed for op, text in s["diff"] if op == 1)
    assert "若干" in deleted and "主要" in inserted
    funding = [f for f in report["findings"] if f["kind"] == "funding_changed"]
    assert funding and float(funding[0]["draft_value"]) == 500 and float(funding[0]["final_value"]) == 300


def test_stdin_as_draft() -> None:
    report = compare_json("-", str(GOOD), stdin=GOOD.read_bytes())
    assert report["draft"]["source"] == "-"
    assert report["findings"] == []
    proc = run_cli("outline", "-", stdin=(FIXTURES / "sample.docx").read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert "[docx" in proc.stdout.decode()


# --------------------------------------------------------------------------- determinism


def _report_bytes(draft: Path, final: Path, fmt: str, hash_seed: str, *extra: str) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "revdiff", "compare", str(draft), str(final), "--format", fmt, *extra],
        input=b"",
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "REVDIFF_DEBUG": ""},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout
    return proc.stdout


@pytest.mark.parametrize(
    ("draft", "final", "formats", "extra"),
    [
        pytest.param(
            SAMPLES / "yantai-ip-strategy-draft.txt",
            SAMPLES / "yantai-notice-official.txt",
            ("json", "html", "md", "csv"),
            (),
            id="txt-bundle",
        ),
        pytest.param(
            SAMPLES / "yantai-ip-strategy-draft.txt",
            SAMPLES / "yantai-notice-official.txt",
            ("json",),
            ("--word-diff",),
            id="txt-bundle-word-diff",
        ),
        pytest.param(FIXTURES / "sample.docx", FIXTURES / "sample.pdf", ("json", "html"), (), id="docx-pdf"),
    ],
)
def test_same_inputs_give_byte_identical_reports(draft: Path, final: Path, formats, extra) -> None:
    """Issue 5 item 5: run after run, in processes with different hash seeds, the same bytes."""
    for fmt in formats:
        first = _report_bytes(draft, final, fmt, "1", *extra)
        second = _report_bytes(draft, final, fmt, "2", *extra)
        assert first == second, f"{fmt} output differs between runs"


def test_pdf_with_bytes_after_its_end_marker_is_read(tmp_path: Path) -> None:
    # some servers and signing tools append a few KB after %%EOF; the PDF is still whole
    data = (FIXTURES / "sample.pdf").read_bytes() + b"\n" + os.urandom(4096)
    (tmp_path / "tail.pdf").write_bytes(data)
    proc = run_cli("compare", str(FIXTURES / "sample.pdf"), str(tmp_path / "tail.pdf"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []


def test_docx_of_empty_paragraphs_stays_small(tmp_path: Path) -> None:
    # 874 000 empty paragraphs (48 KB zipped, 5 MB of XML): lxml's tree of them is the floor
    # (~150 MB); a list of one Python object per paragraph, held at once, doubled it (317 MB)
    import inspect

    from lxml import etree

    from revdiff.readers.docx import _body_items

    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}"><w:p/><w:p/></w:body>'.encode())
    assert inspect.isgenerator(_body_items(body)), "body elements are walked one at a time"
    src = (FIXTURES / "sample.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        xml = z.read("word/document.xml").decode()
    at = xml.index("<w:body>") + len("<w:body>")
    p = tmp_path / "empty.docx"
    p.write_bytes(_rezip(src, {"word/document.xml": (xml[:at] + "<w:p/>" * 874_000 + xml[at:]).encode()}))
    script = ("import resource, sys, revdiff; doc = revdiff.outline(sys.argv[1]); "
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    proc = subprocess.run([sys.executable, "-c", script, str(p)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    peak_kb = int(proc.stdout.split()[-1])
    assert peak_kb < 600_000, f"{peak_kb // 1024} MB"  # the issue saw 1.2 GB
