"""Copies saved from web archives and browsers compare exactly as their clean texts.

tests/archives holds the clean texts of tests/copies (an invented regulation and plan) and a law
of tests/laws, each put into an invented government page (a provincial portal with a TRS_Editor
div and an 索引号 table; a county site in layout tables with <br>-separated lines, in GB2312; a
legislature's site with div#Zoom), then saved the ways people keep them:

- regulation-final.chrome.mhtml — Chrome's MHTML: quoted-printable, a =?utf-8?Q?…?= subject;
- plan-draft.ie.mht — Internet Explorer's MHTML: base64, charset="gb2312" in the part header;
- regulation-draft.word.mht — Word's (or WPS's) "单个文件网页": MsoNormal paragraphs, quoted-printable GB2312;
- plan-draft.wayback.mhtml — a Wayback Machine snapshot of the county page, saved by Chrome as MHTML;
- statistics-law-2024.wayback.html — a Wayback Machine snapshot of the law's page;
- plan-final.archive-today.html — an archive.ph snapshot: HEADER toolbar, ids and classes gone;
- regulation-draft.warc.gz — a crawl: a listing page, the draft's page (GBK, gzip, chunked), CSS, PNG;
- regulation-final.archiveweb.wacz — an ArchiveWeb.page visit: the final's page and a larger framed page,
  only the first in pages/pages.jsonl;
- plan-final.saved.html (+ plan-final.saved_files/) — Chrome's "Webpage, Complete";
- plan-final.safari.webarchive — Safari's Web Archive (a binary property list) of the county page;
- regulation-final.firefox.txt — Firefox's "Text Files" save: wrapped at 80 columns, GBK, CRLF.

``python tests/archives/make_archives.py`` rebuilds them; its builders also give these tests the
page each archive holds, to count its characters independently of the readers.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString
from click.testing import CliRunner

import revdiff
from revdiff.cli import main
from revdiff.model import Document

from .archives import make_archives as mk
from .test_bad_input import assert_error, run_cli
from .test_copies import signature
from .test_nothing_lost import _chars, accounted

HERE = Path(__file__).parent
ARCHIVES = HERE / "archives"
COPIES = HERE / "copies"
LAWS = HERE / "laws"

CASES = [  # (saved copy, its clean text, the format it is read as)
    ("regulation-final.chrome.mhtml", COPIES / "regulation-final.txt", "mhtml"),
    ("plan-draft.ie.mht", COPIES / "plan-draft.txt", "mhtml"),
    ("regulation-draft.word.mht", COPIES / "regulation-draft.txt", "mhtml"),
    ("plan-draft.wayback.mhtml", COPIES / "plan-draft.txt", "mhtml"),
    ("statistics-law-2024.wayback.html", LAWS / "statistics-law-2024.md", "html"),
    ("plan-final.archive-today.html", COPIES / "plan-final.txt", "html"),
    ("regulation-draft.warc.gz", COPIES / "regulation-draft.txt", "warc"),
    ("regulation-final.archiveweb.wacz", COPIES / "regulation-final.txt", "wacz"),
    ("plan-final.saved.html", COPIES / "plan-final.txt", "html"),
    ("plan-final.safari.webarchive", COPIES / "plan-final.txt", "webarchive"),
    ("regulation-final.firefox.txt", COPIES / "regulation-final.txt", "txt"),
]


def outline_signature(doc: Document) -> list[Any]:
    """The parts and every node of a Document, without input lines."""
    return [
        (p.kind, None if p.title_derived else p.title, p.text,
         [(n.kind, n.level, n.number, n.title, n.text, n.rows) for n in p.nodes()])
        for p in doc.parts
    ]  # fmt: skip


@pytest.mark.parametrize("name, clean, fmt", CASES)
def test_a_saved_copy_compares_with_its_clean_text_with_no_findings(name: str, clean: Path, fmt: str) -> None:
    saved = revdiff.outline(str(ARCHIVES / name))
    plain = revdiff.outline(str(clean))
    assert saved.format == fmt
    assert outline_signature(saved) == outline_signature(plain)
    assert sum(1 for p in saved.parts for _ in p.nodes()) >= 10, "the document was read, not a fragment"
    report = revdiff.compare(str(ARCHIVES / name), str(clean))
    assert report.findings == []
    assert {s.status for s in report.sections} == {"unchanged"}


PAIRS = [  # (saved draft, saved final, clean draft, clean final)
    ("plan-draft.ie.mht", "plan-final.archive-today.html", COPIES / "plan-draft.txt", COPIES / "plan-final.txt"),
    ("plan-draft.wayback.mhtml", "plan-final.saved.html", COPIES / "plan-draft.txt", COPIES / "plan-final.txt"),
    ("plan-draft.ie.mht", "plan-final.safari.webarchive", COPIES / "plan-draft.txt", COPIES / "plan-final.txt"),
    ("regulation-draft.warc.gz", "regulation-final.chrome.mhtml", COPIES / "regulation-draft.txt",
     COPIES / "regulation-final.txt"),
    ("regulation-draft.warc.gz", "regulation-final.firefox.txt", COPIES / "regulation-draft.txt",
     COPIES / "regulation-final.txt"),
    ("regulation-draft.word.mht", "regulation-final.chrome.mhtml", COPIES / "regulation-draft.txt",
     COPIES / "regulation-final.txt"),
    (LAWS / "statistics-law-2009.md", "statistics-law-2024.wayback.html", LAWS / "statistics-law-2009.md",
     LAWS / "statistics-law-2024.md"),
]  # fmt: skip


@pytest.mark.parametrize("draft, final, clean_draft, clean_final", PAIRS)
def test_two_saved_copies_compare_as_their_clean_texts(draft: str | Path, final: str, clean_draft: Path,
                                                       clean_final: Path) -> None:
    saved = revdiff.compare(str(ARCHIVES / draft), str(ARCHIVES / final))
    clean = revdiff.compare(str(clean_draft), str(clean_final))
    assert clean.findings, "the pair has real changes to find"
    assert signature(saved) == signature(clean)


# --------------------------------------------------------------------------- nothing lost


def visible_chars(page: str | bytes) -> Counter[str]:
    """The characters a browser shows of ``page`` (scripts, styles, frames and the head aside),
    plus the Wayback Machine's footer comments, which the reader keeps as dropped text."""
    soup = BeautifulSoup(page, "lxml")
    footer = [c for c in soup.find_all(string=lambda s: isinstance(s, Comment))
              if re.match(r"\s*(FILE ARCHIVED ON|playback timings)", c)]  # fmt: skip
    for el in soup(["head", "script", "style", "noscript", "template", "iframe"]):
        el.decompose()
    shown = "".join(s for s in soup.find_all(string=True) if type(s) is NavigableString)  # no doctype, comment
    return _chars(shown + "".join(footer))


def _page(name: str) -> str | bytes:
    """The page inside each saved copy, as the builders made it."""
    reg_final = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    plan_draft = (COPIES / "plan-draft.txt").read_text(encoding="utf-8")
    plan_final = (COPIES / "plan-final.txt").read_text(encoding="utf-8")
    reg_draft = (COPIES / "regulation-draft.txt").read_text(encoding="utf-8")
    return {
        "regulation-final.chrome.mhtml": lambda: mk.provincial_portal(reg_final, mk.PORTAL),
        "plan-draft.ie.mht": lambda: mk.county_site(plan_draft),
        "plan-draft.wayback.mhtml": lambda: mk.wayback(
            mk.county_site(plan_draft).replace("charset=gb2312", "charset=utf-8"), mk.COUNTY, "20240302081510"),
        "regulation-draft.warc.gz": lambda: mk.provincial_portal(reg_draft, mk.PORTAL),
        "regulation-final.archiveweb.wacz": lambda: mk.provincial_portal(reg_final, mk.PORTAL),
        "regulation-draft.word.mht": lambda: mk.word_html(reg_draft),
        "plan-final.safari.webarchive": lambda: mk.county_site(plan_final),
    }.get(name, lambda: (ARCHIVES / name).read_bytes())()


@pytest.mark.parametrize("name", [c[0] for c in CASES if c[2] != "txt"])
def test_every_character_of_the_page_is_in_the_text_or_dropped(name: str) -> None:
    assert accounted(revdiff.outline(str(ARCHIVES / name))) == visible_chars(_page(name))


def test_every_character_of_a_page_saved_as_text_is_accounted_for() -> None:
    path = ARCHIVES / "regulation-final.firefox.txt"
    assert accounted(revdiff.outline(str(path))) == _chars(path.read_bytes().decode("gbk"))


# --------------------------------------------------------------------------- what the archive added


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_bytes().decode("utf-8").splitlines(), 1) if needle in line)


def _in_text(doc: Document, needle: str) -> bool:
    return any(needle in p.title + p.text or any(needle in n.title + n.text for n in p.nodes()) for p in doc.parts)


@pytest.mark.parametrize("name, chrome", [
    ("statistics-law-2024.wayback.html",
     ["The Wayback Machine - https://web.archive.org/web/20240915015240/", "7 captures", "COLLECTED BY",
      "FILE ARCHIVED ON 01:52:40 Sep 15, 2024", "playback timings", "load_resource"]),
    ("plan-final.archive-today.html",
     ["webpage capture", "Saved from", "no other snapshots from this url", "download .zip", "report bug or abuse",
      "wiki code"]),
])  # fmt: skip
def test_the_archives_own_text_is_dropped_with_its_line(name: str, chrome: list[str]) -> None:
    path = ARCHIVES / name
    doc = revdiff.outline(str(path))
    for needle in chrome:
        assert any(needle in b.text and b.line == _line_of(path, needle) for b in doc.dropped), needle
        assert not _in_text(doc, needle), needle


@pytest.mark.parametrize("name, want", [
    ("statistics-law-2024.wayback.html", {
        "url": mk.NPC, "archived": "2024-09-15T01:52:40Z",
        "archive_url": f"https://web.archive.org/web/20240915015240/{mk.NPC}"}),
    ("plan-draft.wayback.mhtml", {
        "url": mk.COUNTY, "archived": "2024-03-02T08:15:10Z",
        "archive_url": f"https://web.archive.org/web/20240302081510/{mk.COUNTY}",
        "subject": "青川县促进数字经济发展三年行动方案（2024—2026年）"}),
    ("plan-final.archive-today.html", {
        "url": mk.PORTAL.replace("1234567", "1234999"), "archived": "2024-06-12T03:20:41Z",
        "archive_url": "https://archive.ph/Xq7Lm"}),
    ("regulation-final.chrome.mhtml", {
        "url": mk.PORTAL, "saved": "Tue, 11 Jun 2024 09:12:40 +0800", "subject": "青川市科技创新券管理办法_青川市人民政府",
        "发文字号": "青府办规〔2024〕3号"}),
    ("plan-draft.ie.mht", {"url": mk.COUNTY, "saved": "Fri, 1 Mar 2024 15:40:11 +0800"}),
    ("regulation-draft.warc.gz", {
        "url": mk.PORTAL.replace("20240528_1234567", "20240305_1230001"), "archived": "2024-03-05T02:11:10Z"}),
    ("plan-final.saved.html", {"url": mk.PORTAL}),
    ("regulation-final.archiveweb.wacz", {"url": mk.PORTAL, "archived": "2024-06-12T03:14:15Z"}),
    ("regulation-draft.word.mht", {"url": None}),
    ("plan-final.safari.webarchive", {"url": mk.COUNTY.replace("88001", "88420")}),  # Word names a file:/// of the machine it saved on
])  # fmt: skip
def test_the_original_address_and_capture_time_are_metadata(name: str, want: dict[str, str]) -> None:
    metadata = revdiff.outline(str(ARCHIVES / name)).metadata
    assert {k: metadata.get(k) for k in want} == want


def test_without_the_replay_script_the_wayback_footer_and_toolbar_date_the_capture(tmp_path: Path) -> None:
    """A snapshot saved without its scripts: the time from FILE ARCHIVED ON, the address from the
    toolbar's print line (not from the first rewritten link, a style sheet's)."""
    page = (ARCHIVES / "statistics-law-2024.wayback.html").read_text(encoding="utf-8")
    page = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
    assert "__wm.wombat" not in page
    path = tmp_path / "snapshot.html"
    path.write_text(page, encoding="utf-8")
    metadata = revdiff.outline(str(path)).metadata
    assert (metadata["url"], metadata["archived"]) == (mk.NPC, "2024-09-15T01:52:40Z")


def test_an_ordinary_page_gets_no_archive_metadata() -> None:
    from .conftest import FIXTURES

    metadata = revdiff.outline(str(FIXTURES / "sample-gb18030.html")).metadata
    assert not {"url", "archived", "archive_url"} & set(metadata)


def test_an_archive_today_toolbar_is_never_taken_for_a_short_document(tmp_path: Path) -> None:
    """A short page has less text than the toolbar: the toolbar must not become the document."""
    notice = "关于开展创新券申领工作的通知\n\n各有关企业：现将2024年度创新券申领事项通知如下，请于6月30日前提交申请。\n"
    page = mk.archive_today(mk.provincial_portal(notice, mk.PORTAL), mk.PORTAL, "Ab12C", "2024-06-01T00:00:00Z",
                            "1 Jun 2024 00:00:00 UTC")
    path = tmp_path / "short.html"
    path.write_text(page, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert _in_text(doc, "现将2024年度创新券申领事项通知如下")
    assert not _in_text(doc, "Saved from") and not _in_text(doc, "download .zip")


@pytest.mark.parametrize("wrap", ["archive.today", "wayback", "mhtml", "warc"])
def test_another_sites_page_reads_the_same_through_each_archive(tmp_path: Path, wrap: str) -> None:
    """The reader fixture of another template (a GB2312 portal in a layout table, whose site name
    sits in a logo div above the breadcrumb) saved each way: the same outline as the page itself.
    Through archive.today the page loses its class names, so the logo's text is told from the
    document only by where it stands: above the breadcrumb."""
    from revdiff.readers.html import _decode

    from .conftest import FIXTURES

    source = FIXTURES / "sample-gb18030.html"
    page, _ = _decode(source.read_bytes(), str(source))
    address = "http://www.example.gov.cn/zwgk/zcwj/a.html"
    data = {
        "archive.today": lambda: mk.archive_today(page.replace("<body>", "<body>\n"), address, "Zz9Yx",
                                                  "2024-04-01T00:00:00Z", "1 Apr 2024 00:00:00 UTC").encode("utf-8"),
        "wayback": lambda: mk.wayback(page, address, "20240401000000").encode("utf-8"),
        "mhtml": lambda: mk.mhtml_chrome(page, address, "page"),
        "warc": lambda: mk.warc([(address, "2024-04-01T00:00:00Z", "text/html; charset=utf-8", page.encode("utf-8"))]),
    }[wrap]()
    path = tmp_path / "saved"
    path.write_bytes(data)
    doc = revdiff.outline(str(path))
    assert outline_signature(doc) == outline_signature(revdiff.outline(str(source)))
    assert doc.metadata["url"] == address


# --------------------------------------------------------------------------- sniffing and charsets


@pytest.mark.parametrize("name, clean, fmt", CASES)
def test_the_format_is_sniffed_from_the_content_not_the_name(tmp_path: Path, name: str, clean: Path, fmt: str) -> None:
    names = ("download", "page.txt") + (("page.html",) if fmt != "txt" else ())  # text is the fallback, not sniffed
    for other in names:
        (tmp_path / other).write_bytes((ARCHIVES / name).read_bytes())
        doc = revdiff.outline(str(tmp_path / other))
        assert doc.format == fmt, other
        assert outline_signature(doc) == outline_signature(revdiff.outline(str(clean))), other


def test_an_uncompressed_warc_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress((ARCHIVES / "regulation-draft.warc.gz").read_bytes()))
    assert path.read_bytes().startswith(b"WARC/1.0\r\n")
    doc = revdiff.outline(str(path))
    assert doc.format == "warc" and doc.parts[0].title == "青川市科技创新券管理办法（征求意见稿）"


PLAN_DRAFT = (COPIES / "plan-draft.txt").read_text(encoding="utf-8")


def test_the_charset_of_an_mhtml_part_header_is_used_when_the_page_declares_none(tmp_path: Path) -> None:
    page = mk.county_site(PLAN_DRAFT).replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n', "")
    assert "charset" not in page
    path = tmp_path / "page.mht"
    path.write_bytes(mk.mhtml_ie(page.encode("gbk"), mk.COUNTY, "gbk"))
    doc = revdiff.outline(str(path))
    assert outline_signature(doc) == outline_signature(revdiff.outline(str(COPIES / "plan-draft.txt")))


def test_the_charset_of_an_mhtml_part_header_outranks_a_stale_meta(tmp_path: Path) -> None:
    """The page's bytes are GBK as the header says; its <meta> still names UTF-8."""
    page = mk.county_site(PLAN_DRAFT).replace("charset=gb2312", "charset=utf-8")
    path = tmp_path / "page.mht"
    path.write_bytes(mk.mhtml_ie(page.encode("gbk"), mk.COUNTY, "gb2312"))
    doc = revdiff.outline(str(path))
    assert doc.parts[0].title == "青川县促进数字经济发展三年行动方案（2024—2026年）（征求意见稿）"
    assert outline_signature(doc) == outline_signature(revdiff.outline(str(COPIES / "plan-draft.txt")))


def test_the_charset_of_an_mhtml_part_header_decodes_a_big5_page(tmp_path: Path) -> None:
    """A traditional-Chinese page (Hong Kong, Macao, Taiwan) in Big5 with no <meta>: read as GB18030,
    which accepts nearly any byte pair, it would be nonsense; the part header says Big5."""
    from opencc import OpenCC

    def traditional(s: str) -> str:
        return OpenCC("s2t").convert(s).replace("爲", "為")  # 爲 is not in Big5

    text = traditional(PLAN_DRAFT)
    page = traditional(mk.county_site(PLAN_DRAFT)).replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n', "")
    path = tmp_path / "page.mht"
    path.write_bytes(mk.mhtml_ie(page.encode("big5"), mk.COUNTY, "big5"))
    (tmp_path / "clean.txt").write_text(text, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert doc.parts[0].title == "青川縣促進數字經濟發展三年行動方案（2024—2026年）（徵求意見稿）"
    assert outline_signature(doc) == outline_signature(revdiff.outline(str(tmp_path / "clean.txt")))


def test_an_mhtml_whose_part_names_no_charset_is_read_by_the_pages_meta(tmp_path: Path) -> None:
    page = mk.county_site(PLAN_DRAFT)  # meta charset=gb2312
    data = mk.mhtml_ie(page.encode("gbk"), mk.COUNTY, "gb2312").replace(b';\r\n\tcharset="gb2312"', b"")
    assert b"charset=\"" not in data
    path = tmp_path / "page.mht"
    path.write_bytes(data)
    assert outline_signature(revdiff.outline(str(path))) == outline_signature(
        revdiff.outline(str(COPIES / "plan-draft.txt")))


# --------------------------------------------------------------------------- which page of a WARC


LISTING = "http://www.qingchuan.gov.cn/zwgk/zcwj/"
DRAFT_PAGE = mk.PORTAL.replace("20240528_1234567", "20240305_1230001")


def test_a_warc_with_several_pages_compares_the_largest_and_says_which() -> None:
    doc = revdiff.outline(str(ARCHIVES / "regulation-draft.warc.gz"))
    assert [w for w in doc.warnings if "2 个网页" in w and "2 web pages" in w and DRAFT_PAGE in w and "--warc-url" in w]


@pytest.mark.parametrize("given", [LISTING, LISTING.replace("http://", "https://").rstrip("/")])
def test_warc_url_chooses_the_page(given: str) -> None:
    doc = revdiff.outline(str(ARCHIVES / "regulation-draft.warc.gz"), warc_url=(given,))
    assert doc.metadata["url"] == LISTING
    assert _in_text(doc, "青川市工业发展专项资金管理办法")
    assert not [w for w in doc.warnings if "--warc-url" in w]


def test_warc_url_on_the_command_line_applies_to_each_warc_that_holds_it(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, [
        "compare", str(ARCHIVES / "regulation-draft.warc.gz"), str(ARCHIVES / "regulation-final.chrome.mhtml"),
        "--warc-url", "http://elsewhere.example/", "--warc-url", DRAFT_PAGE, "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["draft"]["format"] == "warc"
    assert not [w for w in report["warnings"] if "--warc-url" in w]
    assert report["findings"], "the draft's page was compared, not the listing"


def test_a_warc_url_the_warc_does_not_hold_is_one_clear_line() -> None:
    proc = run_cli("outline", str(ARCHIVES / "regulation-draft.warc.gz"), "--warc-url", "http://www.example.com/x.html")
    line = assert_error(proc, "holds no web page at http://www.example.com/x.html")
    assert LISTING in line and DRAFT_PAGE in line


# --------------------------------------------------------------------------- a page saved as text


def test_the_site_header_above_the_breadcrumb_of_a_text_save_is_dropped(tmp_path: Path) -> None:
    doc = revdiff.outline(str(ARCHIVES / "regulation-final.firefox.txt"))
    dropped = {b.text.strip() for b in doc.dropped}
    assert {"青川市人民政府", "* 首页", "* 政务公开"} <= dropped
    assert doc.parts[0].title == "青川市科技创新券管理办法"


def test_short_lines_above_a_breadcrumb_are_kept_when_one_is_a_sentence(tmp_path: Path) -> None:
    """A header is labels only: a sentence (or a document's numbering) above the breadcrumb is text."""
    path = tmp_path / "page.txt"
    body = (COPIES / "regulation-final.txt").read_text(encoding="utf-8")
    path.write_text("关于印发管理办法的通知\n各区县人民政府，市政府各部门：\n当前位置：首页 > 政策文件\n\n" + body,
                    encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert not [b for b in doc.dropped if "各区县人民政府" in b.text or "关于印发" in b.text]


def test_a_warc_record_of_the_wrong_length_is_a_warning_not_noise_on_stderr(tmp_path: Path) -> None:
    """warcio reads past a record whose Content-Length is short by a line, and prints a warning to
    standard error; revdiff says it once, in the report's warnings, and stderr stays empty."""
    page = mk.provincial_portal((COPIES / "regulation-final.txt").read_text(encoding="utf-8"), mk.PORTAL)
    data = gzip.decompress(mk.warc([(mk.PORTAL, "2024-06-01T00:00:00Z", "text/html; charset=utf-8", page.encode())]))
    m = re.search(rb"Content-Length: (\d+)", data)  # the warcinfo record's
    assert m and data[: m.start()].count(b"WARC/1.0") == 1
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: m.start(1)] + str(int(m.group(1)) - len(b"robots: classic\r\n")).encode() + data[m.end(1):])
    proc = run_cli("outline", str(path), "--format", "json")
    assert proc.returncode == 0 and proc.stderr == b""
    warnings = json.loads(proc.stdout)["warnings"]
    assert [w for w in warnings if "1 record(s) of the WARC do not end where their Content-Length says" in w]


def test_a_batch_manifest_row_can_name_the_page_of_a_warc() -> None:
    from revdiff.batch import parse_options

    assert parse_options(f"--warc-url {LISTING} --warc-url {DRAFT_PAGE}") == {"warc_url": [LISTING, DRAFT_PAGE]}
    report = revdiff.compare(str(ARCHIVES / "regulation-draft.warc.gz"), str(COPIES / "regulation-draft.txt"),
                             **parse_options(f"--warc-url {DRAFT_PAGE}"))
    assert report.findings == [] and not [w for w in report.warnings if "--warc-url" in w]


@pytest.mark.parametrize("out", ["report.mhtml", "report.mht", "report.warc"])
def test_a_report_is_not_written_under_an_archives_name(tmp_path: Path, out: str) -> None:
    proc = run_cli("compare", str(COPIES / "plan-draft.txt"), str(COPIES / "plan-final.txt"), "-o", str(tmp_path / out))
    assert_error(proc, "cannot hold the html output")
    assert not (tmp_path / out).exists()


def test_a_snapshot_saved_with_windows_line_ends_cites_the_same_lines(tmp_path: Path) -> None:
    source = ARCHIVES / "statistics-law-2024.wayback.html"
    path = tmp_path / "crlf.html"
    path.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    lf, crlf = revdiff.outline(str(source)), revdiff.outline(str(path))
    assert [(b.line, b.text) for b in crlf.dropped] == [(b.line, b.text) for b in lf.dropped]
    assert [(b.line, b.text) for b in crlf.dropped if "FILE ARCHIVED ON" in b.text] == [
        (_line_of(source, "FILE ARCHIVED ON"), "FILE ARCHIVED ON 01:52:40 Sep 15, 2024 AND RETRIEVED FROM THE")]


def test_a_damaged_capture_time_is_left_out_not_an_error(tmp_path: Path) -> None:
    page = (ARCHIVES / "statistics-law-2024.wayback.html").read_text(encoding="utf-8")
    page = page.replace("20240915015240", "20241345995240").replace("Sep 15, 2024", "Sep 31, 2024")
    path = tmp_path / "damaged.html"
    path.write_text(page, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert doc.metadata["url"] == mk.NPC and "archived" not in doc.metadata


def test_a_server_charset_left_at_gb2312_after_the_site_moved_to_utf8(tmp_path: Path) -> None:
    """The HTTP header of the capture says GB2312, the page (with no <meta>) is UTF-8."""
    page = mk.provincial_portal((COPIES / "regulation-final.txt").read_text(encoding="utf-8"), mk.PORTAL)
    page = page.replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n', "")
    assert "charset" not in page
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(mk.warc([(mk.PORTAL, "2024-06-01T00:00:00Z", "text/html; charset=GB2312", page.encode("utf-8"))]))
    assert outline_signature(revdiff.outline(str(path))) == outline_signature(
        revdiff.outline(str(COPIES / "regulation-final.txt")))


def test_the_mark_of_the_web_of_a_local_file_is_no_address(tmp_path: Path) -> None:
    page = (ARCHIVES / "plan-final.saved.html").read_text(encoding="utf-8")
    path = tmp_path / "page.htm"
    path.write_text(re.sub(r"saved from url=\(\d+\)\S+", "saved from url=(0014)about:internet", page), encoding="utf-8")
    assert "url" not in revdiff.outline(str(path)).metadata


def test_a_snapshot_with_the_toolbar_of_the_2010s_dates_the_capture_not_its_neighbour(tmp_path: Path) -> None:
    """Before the replay script, the toolbar named the capture in a variable and a form; its first
    /web/ link is the previous capture (three years earlier), which must not date this one."""
    law = mk._law_text((LAWS / "statistics-law-2024.md").read_text(encoding="utf-8"))
    page = mk.wayback(mk.legislature_site(law), mk.NPC, "20240915015240", era="2015")
    assert "__wm.wombat" not in page and f"/web/20210915015240/{mk.NPC}" in page
    path = tmp_path / "old-toolbar.html"
    path.write_text(page, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert (doc.metadata["url"], doc.metadata["archived"]) == (mk.NPC, "2024-09-15T01:52:40Z")
    assert outline_signature(doc) == outline_signature(revdiff.outline(str(LAWS / "statistics-law-2024.md")))
    for needle in ("11 captures", "16 Jul 10 - 22 Mar 15", "JUN", "FILE ARCHIVED ON"):
        assert any(needle in b.text for b in doc.dropped) and not _in_text(doc, needle), needle


def test_two_captures_of_the_address_asked_for_read_the_latest_and_say_so(tmp_path: Path) -> None:
    draft = mk.provincial_portal((COPIES / "regulation-draft.txt").read_text(encoding="utf-8"), mk.PORTAL)
    final = mk.provincial_portal((COPIES / "regulation-final.txt").read_text(encoding="utf-8"), mk.PORTAL)
    path = tmp_path / "twice.warc.gz"
    path.write_bytes(mk.warc([(mk.PORTAL, "2024-06-20T00:00:00Z", "text/html; charset=utf-8", final.encode()),
                              (mk.PORTAL, "2024-03-05T00:00:00Z", "text/html; charset=utf-8", draft.encode())]))
    doc = revdiff.outline(str(path), warc_url=(mk.PORTAL,))
    assert doc.parts[0].title == "青川市科技创新券管理办法" and doc.metadata["archived"] == "2024-06-20T00:00:00Z"
    assert [w for w in doc.warnings if "2 captures of" in w and "read the latest, 2024-06-20T00:00:00Z" in w]


def test_a_control_character_in_a_captured_address_is_shown_escaped(tmp_path: Path) -> None:
    """The address is printed in a warning and an error: a terminal escape in it stays inert."""
    page = mk.provincial_portal((COPIES / "regulation-final.txt").read_text(encoding="utf-8"), mk.PORTAL)
    odd = "http://www.example.gov.cn/\x1b[2Ja.html"
    path = tmp_path / "odd.warc.gz"
    path.write_bytes(mk.warc([(odd, "2024-06-01T00:00:00Z", "text/html; charset=utf-8", page.encode()),
                              (LISTING, "2024-06-01T00:00:01Z", "text/html; charset=utf-8", b"<p>x</p>")]))
    doc = revdiff.outline(str(path))
    assert doc.metadata["url"] == "http://www.example.gov.cn/\\x1b[2Ja.html"
    assert [w for w in doc.warnings if "\\x1b[2Ja.html" in w] and not [w for w in doc.warnings if "\x1b" in w]
    line = assert_error(run_cli("outline", str(path), "--warc-url", "http://nowhere.example/"), "holds no web page")
    assert "\x1b" not in line and "\\x1b" in line


FRAME = "http://www.qingchuan.gov.cn/zwgk/xgzc/frame.html"


def test_a_wacz_reads_the_page_its_visitor_listed_not_the_larger_frame() -> None:
    doc = revdiff.outline(str(ARCHIVES / "regulation-final.archiveweb.wacz"))
    assert doc.metadata["url"] == mk.PORTAL and not doc.warnings
    framed = revdiff.outline(str(ARCHIVES / "regulation-final.archiveweb.wacz"), warc_url=(FRAME,))
    assert framed.metadata["url"] == FRAME and _in_text(framed, "关于做好第59批科技型中小企业评价工作的通知")
    assert sum(len(p.text) for p in framed.parts) > sum(len(p.text) for p in doc.parts), "the frame is the larger page"


def test_a_wacz_without_its_page_list_falls_back_to_the_largest_page(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(ARCHIVES / "regulation-final.archiveweb.wacz") as z:
        warc = z.read("archive/data.warc.gz")
    path = tmp_path / "unlisted.wacz"
    path.write_bytes(mk.wacz(warc, []))
    doc = revdiff.outline(str(path))
    assert doc.metadata["url"] == FRAME and [w for w in doc.warnings if "compared the largest" in w]


def test_a_wacz_larger_than_the_limit_once_unzipped_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The WARCs and the page list, as their zip entries declare them, are held to the limit (the
    limit is lowered here so that the test need not build 200 MB)."""
    from revdiff.errors import InputError
    from revdiff.readers import warc

    path = ARCHIVES / "regulation-final.archiveweb.wacz"
    monkeypatch.setattr(warc, "MAX_PAGE_BYTES", len(path.read_bytes()) // 2)
    with pytest.raises(InputError, match=r"the WACZ's WARCs are larger than .* \(a zip bomb\?\); refusing it"):
        revdiff.outline(str(path))
