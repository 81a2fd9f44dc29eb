"""Content sniffers: which format a file's bytes are in, judged from the bytes alone.

Kept apart from the readers so that choosing a reader imports nothing heavy: a .txt
comparison never loads lxml, python-docx or pdfplumber, nor compiles their regexes.
"""

from __future__ import annotations

import re

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word (.doc/.wps) compound file
_HTML_MARKERS = ("<html", "<!doctype html", "<meta", "<body", "<head")


def pdf(data: bytes) -> bool:
    """``%PDF`` within the first 1024 bytes (some generators put junk before it)."""
    return b"%PDF" in data[:1024]


def word97(data: bytes) -> bool:
    """A legacy OLE compound file whose directory names a ``WordDocument`` stream (.doc, .wps).

    WPS Office writes its .wps in the Word 97 binary format, with the same stream.  An
    encrypted .docx (also OLE) holds an ``EncryptedPackage`` instead and is left to the
    docx reader, which says how to remove the password.
    """
    return data.startswith(OLE_MAGIC) and "WordDocument".encode("utf-16-le") in data


def docx(data: bytes) -> bool:
    """A zip holding a WordprocessingML package, or an OLE file the legacy reader left.

    Such OLE files (an encrypted .docx, a damaged .doc, an .xls) are claimed so that the
    docx reader can say what they are instead of the text reader printing binary noise.
    """
    if data.startswith(OLE_MAGIC):
        return True
    if not data.startswith(b"PK\x03\x04"):
        return False
    # Member names are stored uncompressed in the zip headers.
    return b"word/document.xml" in data or (b"[Content_Types].xml" in data and b"word/" in data)


def odt(data: bytes) -> bool:
    """An OpenDocument text (.odt, LibreOffice's own format): a zip whose first member, stored
    uncompressed as the standard requires, is ``mimetype`` naming ``opendocument.text``."""
    return data.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument.text" in data[:200]


def ofd(data: bytes) -> bool:
    """A zip whose members include ``OFD.xml`` (GB/T 33190); member names are stored uncompressed."""
    return data.startswith(b"PK\x03\x04") and b"OFD.xml" in data


def html(data: bytes) -> bool:
    """``<html``, ``<!doctype html``, ``<meta``, ``<head`` or ``<body`` near the start."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith("<"):
        return False
    return any(marker in text for marker in _HTML_MARKERS)


_MD_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:[^\n]*\r?\n){0,60}?(?:---|\.\.\.)[ \t]*\r?$", re.M)
_MD_SIGNS = {
    "heading": re.compile(r"^#{1,6}[ \t]+\S", re.M),
    "bold line": re.compile(r"^[ \t]*\*\*[^*\n]+\*\*[ \t]*\r?$", re.M),
    "table rule": re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.M),
    "comment": re.compile(r"^[ \t]*<!--.*-->[ \t]*\r?$", re.M),
    "image": re.compile(r"!\[[^\]\n]*\]\([^)\n]+\)"),
    "link": re.compile(r"\[[^\]\n]+\]\((?:https?:|/|\.)[^)\n]*\)"),
}


def markdown(data: bytes) -> bool:
    """Markdown by its marks: YAML front matter, or two kinds of Markdown marks (``#``
    headings, ``**bold**`` lines, a pipe-table rule, ``<!-- -->`` comments, images, links),
    or several ``#`` headings.  Plain text with a stray ``#`` or ``**`` stays text."""
    head = data[:16384].decode("utf-8", errors="ignore")
    if _MD_FRONT_MATTER.match(head):
        return True
    kinds = {name for name, sign in _MD_SIGNS.items() if sign.search(head)}
    return len(kinds) >= 2 or len(_MD_SIGNS["heading"].findall(head)) >= 3


_MIME_HEADER = re.compile(r"^(?:MIME-Version|Content-Type)[ \t]*:", re.M | re.I)
_WEB_ARCHIVE_TYPE = re.compile(r"multipart/related|text/html", re.I)


def mhtml(data: bytes) -> bool:
    """A MIME message (RFC 2557) holding a web page: MIME headers before the first blank line
    and a ``multipart/related`` or ``text/html`` content type near the start."""
    head = data[:8192].decode("latin-1").lstrip("\r\n")
    headers = re.split(r"\r?\n\r?\n", head, maxsplit=1)[0]
    return bool(_MIME_HEADER.search(headers)) and bool(_WEB_ARCHIVE_TYPE.search(head))


_WARC_START = re.compile(rb"\AWARC/\d\.\d+\r?\n")


def warc(data: bytes) -> bool:
    """A WARC file (ISO 28500): ``WARC/1.0`` first, or a gzip member that opens with it (.warc.gz)."""
    if _WARC_START.match(data):
        return True
    if not data.startswith(b"\x1f\x8b"):
        return False
    import zlib

    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64)
    except zlib.error:
        return False
    return bool(_WARC_START.match(head))


def wacz(data: bytes) -> bool:
    """A WACZ package: a zip holding ``datapackage.json`` and WARCs under ``archive/`` (member
    names are stored uncompressed in the zip headers)."""
    return data.startswith(b"PK\x03\x04") and b"datapackage.json" in data and b"archive/" in data


def webarchive(data: bytes) -> bool:
    """Safari's Web Archive: a binary property list naming a ``WebMainResource``."""
    return data.startswith(b"bplist00") and b"WebMainResource" in data


def text(data: bytes) -> bool:
    """Text is the fallback format: it never claims content by sniffing."""
    return False
