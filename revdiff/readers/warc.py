"""WARC files (.warc, .warc.gz; ISO 28500) and WACZ packages: the web pages a crawler or
archiving tool captured.

A WARC holds records — ``warcinfo``, the ``request`` sent, the ``response`` received (HTTP
headers and body), ``metadata``, ``revisit`` — often for a page and everything it loaded.
warcio (the Webrecorder project's reader) takes the records apart, undoing per-record gzip,
HTTP chunking and ``Content-Encoding: gzip``.  The page compared is the captured HTML page
(a ``response`` or ``resource`` record of type text/html with status 200): the one whose
address ``--warc-url`` gives, else the largest, with a warning naming it when there were
several.  It is read by the HTML reader with the charset of its HTTP ``Content-Type``.

A WACZ (what Webrecorder's ArchiveWeb.page and Browsertrix save) is a zip of WARCs under
``archive/`` with ``pages/pages.jsonl``, the pages the person archiving visited: the page is
chosen among those, not among everything they loaded.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from revdiff.errors import InputError
from revdiff.model import RawDoc
from revdiff.output import shown

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The HTML pages of one WARC, decompressed, together (as the docx reader's limit): a small
# .warc.gz can inflate a thousandfold.
MAX_PAGE_BYTES = 200 * 1024 * 1024


@dataclass
class _Page:
    url: str
    date: str
    body: bytes
    charset: str | None


def _charset(content_type: str) -> str | None:
    from email.message import Message

    msg = Message()
    msg["Content-Type"] = content_type
    return msg.get_content_charset()


def _pages(data: bytes, source: str, budget: int = MAX_PAGE_BYTES) -> tuple[list[_Page], int]:
    """Every captured HTML page (status 200) in the WARC, in file order, and the number of
    records that did not end where their Content-Length said.  ``budget``: how many bytes the
    pages may inflate to together."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{source}: warcio is not installed; pip install warcio") from None
    records = ArchiveIterator(io.BytesIO(data), check_digests=False)
    corrupt = f"{source}: corrupt or truncated WARC; download or export the archive again"
    try:
        # warcio writes a warning for each record of the wrong length to standard error: they
        # are counted (records.err_count) instead, so that the CLI's one-line contract holds
        with contextlib.redirect_stderr(io.StringIO()):
            pages: list[_Page] = []
            for record in records:
                page = _page(record, source, budget)
                if page:
                    pages.append(page)
                    budget -= len(page.body)
    except InputError:
        raise
    except Exception:  # warcio fails on damaged records in many ways (bad gzip, chunking or
        # headers, a record without its WARC-Target-URI, not a WARC at all): all mean a damaged file
        raise InputError(corrupt) from None
    return [p for p in pages if p.body.strip()], records.err_count


def _page(record: Any, source: str, budget: int) -> _Page | None:
    """The captured HTML page a record holds, or None; ``budget``: how many bytes it may inflate to."""
    if record.rec_type not in ("response", "resource"):
        return None
    http = record.http_headers
    if record.rec_type == "response" and (http is None or http.get_statuscode() != "200"):
        return None  # another protocol (dns:), a redirect or an error: no page
    ctype = (http.get_header("Content-Type") if http is not None else None) \
        or record.rec_headers.get_header("Content-Type") or ""
    if ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    body = record.content_stream().read(budget + 1)
    if len(body) > budget:
        raise InputError(f"{source}: the web pages inflate to more than {MAX_PAGE_BYTES // (1 << 20)} MB "
                         "(a gzip bomb?); refusing it")
    while record.raw_stream.read(1 << 16):  # what decoding left (a chunked body's trailer)
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        raise InputError(f"{source}: corrupt or truncated WARC (the capture of "
                         f"{shown(record.rec_headers.get_header('WARC-Target-URI') or '?')} breaks off); "
                         "download or export the archive again")
    # the address and time are shown in warnings and errors: a control character in them is escaped
    return _Page(url=shown(record.rec_headers.get_header("WARC-Target-URI") or ""),
                 date=shown(record.rec_headers.get_header("WARC-Date") or ""), body=body, charset=_charset(ctype))


def _same_url(a: str, b: str) -> bool:
    """Addresses equal but for the scheme and a trailing slash (http://x/ = https://x)."""
    def key(u: str) -> str:
        return u.split("://", 1)[-1].rstrip("/")

    return key(a) == key(b)


def _choose(pages: list[_Page], wanted: Iterable[str], source: str) -> tuple[_Page, str | None]:
    """The page to compare and, when the choice was not obvious, a warning that names it."""
    wanted = list(wanted)
    if wanted:
        for url in wanted:
            hits = [p for p in pages if _same_url(p.url, url)]
            if len(hits) == 1:
                return hits[0], None
            if hits:  # the same address captured again (the page edited in between?): the latest
                latest = max(hits, key=lambda p: p.date)
                dates = "、".join(p.date for p in hits)
                return latest, (f"WARC 中有 {url} 的 {len(hits)} 次抓取（{dates}），读取的是最新一次 {latest.date} / "
                                f"the WARC holds {len(hits)} captures of {url} ({', '.join(p.date for p in hits)}); "
                                f"read the latest, {latest.date}")
        listed = ", ".join(p.url for p in pages[:3]) + (" …" if len(pages) > 3 else "")
        raise InputError(f"{source}: the WARC holds no web page at {shown(' or '.join(wanted))}; "
                         f"its pages are: {listed}")
    if len(pages) == 1:
        return pages[0], None
    chosen = max(pages, key=lambda p: len(p.body))
    warning = (f"WARC 中有 {len(pages)} 个网页，比较的是最大的一个 {chosen.url}（{chosen.date}）；"
               f"用 --warc-url 指定别的网页 / the WARC holds {len(pages)} web pages; compared the largest, "
               f"{chosen.url} ({chosen.date}); choose another with --warc-url")
    return chosen, warning


def read(data: bytes, source: str, warc_url: Iterable[str] = ()) -> RawDoc:
    """Read the captured web page of a WARC file (see the module docstring).

    ``warc_url``: addresses of the page wanted, the first one the WARC holds is read.
    """
    pages, bad_lengths = _pages(data, source)
    if not pages:
        raise InputError(f"{source}: no web page (a text/html response) in this WARC; "
                         "give a WARC that captured the document's page")
    return _read_page(pages, bad_lengths, warc_url, source, "warc")


def read_wacz(data: bytes, source: str, warc_url: Iterable[str] = ()) -> RawDoc:
    """Read the visited web page of a WACZ package (see the module docstring)."""
    import json
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in package.infolist() if m.filename.startswith("archive/")
                   and m.filename.endswith((".warc", ".warc.gz")) and not m.is_dir()]
        listing = [m for m in package.infolist() if m.filename == "pages/pages.jsonl"]
        # what is read, as the zip declares it (a WACZ stores its WARCs: they do not grow)
        if sum(m.file_size for m in members + listing) > MAX_PAGE_BYTES:
            raise InputError(f"{source}: the WACZ's WARCs are larger than {MAX_PAGE_BYTES // (1 << 20)} MB "
                             "(a zip bomb?); refusing it")
        pages: list[_Page] = []
        bad_lengths = 0
        for member in members:
            budget = MAX_PAGE_BYTES - sum(len(p.body) for p in pages)
            found, bad = _pages(package.read(member), f"{source}:{member.filename}", budget)
            pages += found
            bad_lengths += bad
        listed = package.read(listing[0]).decode("utf-8", "replace").splitlines() if listing else []
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise InputError(f"{source}: corrupt or truncated WACZ; export the archive again") from None
    visited = []
    for line in listed:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("url"), str):
            visited.append(entry["url"])
    # what the person archiving visited, not every frame and widget the visit loaded
    chosen = [p for p in pages if any(_same_url(p.url, v) for v in visited)] or pages
    if not chosen:
        raise InputError(f"{source}: no web page (a text/html response) in this WACZ; "
                         "give a WACZ that captured the document's page")
    wanted = list(warc_url)
    return _read_page(pages if wanted else chosen, bad_lengths, wanted, source, "wacz")


def _read_page(pages: list[_Page], bad_lengths: int, warc_url: Iterable[str], source: str, fmt: str) -> RawDoc:
    """The chosen page of ``pages`` read as HTML, with what a reviewer should know about the choice."""
    page, warning = _choose(pages, warc_url, source)
    from revdiff.readers import html

    raw = html.read(page.body, source, charset=page.charset)
    raw.format = fmt
    raw.metadata.setdefault("url", page.url)
    if page.date:
        raw.metadata.setdefault("archived", page.date)
    if warning:
        raw.warnings.append(warning)
    if bad_lengths:
        raw.warnings.append(f"WARC 中有 {bad_lengths} 条记录的长度与 Content-Length 不符，所读网页可能不完整 / "
                            f"{bad_lengths} record(s) of the WARC do not end where their Content-Length says: "
                            "the page read may be damaged")
    return raw
