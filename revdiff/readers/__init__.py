"""Readers turn input bytes into a RawDoc; one module per format, chosen by sniffing.

The registry is ordered: each reader's ``sniff(data)`` looks at the content first; when
no reader claims the content, the file extension decides; plain text is the fallback.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from revdiff.errors import InputError
from revdiff.model import RawDoc
from revdiff.output import shown
from revdiff.readers import sniff
from revdiff.readers.glyphs import unify_glyphs
from revdiff.readers.invisible import strip_invisible


@dataclass(frozen=True)
class Reader:
    """A registered input format."""

    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[..., RawDoc]  # (data, source name, **options) -> RawDoc
    options: tuple[str, ...] = ()  # the reading options (e.g. "ocr") this reader takes as keywords


def _deferred(module: str, function: str = "read") -> Callable[..., RawDoc]:
    """``module.function`` (``read``), imported on the first call.

    So that `revdiff --help` and a .txt comparison do not pay for lxml, python-docx or
    pdfplumber (nor compile the HTML reader's regexes).
    """

    def read(data: bytes, source: str, **options: object) -> RawDoc:
        import importlib

        reader: Callable[..., RawDoc] = getattr(importlib.import_module(module), function)
        return reader(data, source, **options)

    return read


# Built-in formats, in sniffing order; plain text comes last as the fallback.
READERS: list[Reader] = [
    Reader("pdf", ("pdf",), sniff.pdf, _deferred("revdiff.readers.pdf"), options=("ocr",)),
    Reader("doc", ("doc", "wps", "dot", "wpt"), sniff.word97, _deferred("revdiff.readers.legacy")),
    Reader("wacz", ("wacz",), sniff.wacz, _deferred("revdiff.readers.warc", "read_wacz"), options=("warc_url",)),
    Reader("docx", ("docx",), sniff.docx, _deferred("revdiff.readers.docx")),
    Reader("odt", ("odt", "ott"), sniff.odt, _deferred("revdiff.readers.legacy", "read_odt")),
    Reader("ofd", ("ofd",), sniff.ofd, _deferred("revdiff.readers.ofd")),
    Reader("warc", ("warc",), sniff.warc, _deferred("revdiff.readers.warc"), options=("warc_url",)),
    Reader("mhtml", ("mht", "mhtml"), sniff.mhtml, _deferred("revdiff.readers.mhtml")),
    Reader("webarchive", ("webarchive",), sniff.webarchive, _deferred("revdiff.readers.safari")),
    Reader("html", ("html", "htm", "shtml", "xhtml"), sniff.html, _deferred("revdiff.readers.html")),
    Reader("markdown", ("md", "markdown"), sniff.markdown, _deferred("revdiff.readers.markdown")),
    Reader("text", ("txt", "text", ""), sniff.text, _deferred("revdiff.readers.text")),
]


def register(reader: Reader) -> None:
    """Add a reader before the plain-text fallback (earlier readers sniff first)."""
    READERS.insert(len(READERS) - 1, reader)


# The default --max-size: two 50 MB text files take about 6 GB of memory and 6 minutes on a
# 2-core, 24 GB machine (benchmarks/RESULTS.md); 200 MB would need more memory than it has.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
OCR_MODES = ("auto", "always", "never")  # which PDF pages are read by OCR (see readers.pdf.read)


def _too_large(path: str, what: str, max_bytes: int) -> str:
    limit = max(1, max_bytes // (1024 * 1024))
    return (f"{path}: {what} is larger than the limit of {limit} MB; raise it with --max-size MB "
            f"(for example --max-size {2 * limit}) if the machine has the memory")


def load_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read ``path`` (or standard input for ``-``) with clear errors for bad paths."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file; check the path")
        if p.is_dir():
            raise InputError(f"{path}: is a directory; give a .txt, .html, .docx or .pdf file")
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                data = _read_stream(path, st, max_bytes)
            elif st.st_size > max_bytes:
                raise InputError(_too_large(path, "file", max_bytes))
            else:
                data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{path}: permission denied; make the file readable") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror}); check the file") from None
    if len(data) > max_bytes:
        raise InputError(_too_large(path, "input", max_bytes))
    return data


def _read_stream(path: str, st: os.stat_result, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of a FIFO, pipe or device, whose size says nothing.

    A FIFO is opened without waiting for a writer (a FIFO nobody writes to would otherwise
    block for ever); with no writer, reading it ends at once, as an empty file.
    """
    fifo = stat.S_ISFIFO(st.st_mode)
    fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if fifo else 0))
    try:
        if fifo:
            os.set_blocking(fd, True)  # now wait for data, but only from a writer that is there
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def choose_reader(data: bytes, source: str) -> Reader:
    """Pick the reader for ``data``: content sniffing first, then the extension."""
    for reader in READERS:
        if reader.sniff(data):
            return reader
    suffix = Path(source).suffix.lower().lstrip(".")
    for reader in READERS:
        if suffix in reader.extensions:
            return reader
    return READERS[-1]  # plain text


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES, ocr: str = "auto",
         warc_url: tuple[str, ...] = ()) -> RawDoc:
    """Read a document from ``path`` (or ``-``) into a RawDoc.

    ``ocr`` (``auto``, ``always`` or ``never``): which pages of a PDF are recognised by OCR;
    ``warc_url``: the addresses of the page to read from a WARC holding several.
    """
    if ocr not in OCR_MODES:
        raise InputError(f"{path}: unknown OCR mode {ocr!r}; give one of {', '.join(OCR_MODES)}")
    data = load_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(f"{path}: file is empty; give the document's text")
    reader = choose_reader(data, path)
    options: dict[str, object] = {"ocr": ocr, "warc_url": tuple(warc_url)}
    raw = reader.read(data, path, **{k: v for k, v in options.items() if k in reader.options})
    raw.source = shown(path)  # a name that is not UTF-8, or holds a line break, printed safely
    strip_invisible(raw)
    unify_glyphs(raw)
    if not any(b.text.strip() or b.cells for b in raw.blocks):
        raise InputError(
            f"{path}: no document text found in this {reader.name} file; give a file that holds the document's text"
        )
    return raw
