"""The pipeline: read → clean → parse → select → align → diff → classify → Report.

Each stage is a plain function in its own module; this module only strings them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from revdiff.model import Document, RawDoc, Report


def load_raw(path: str, max_bytes: int | None = None, drop_patterns: Sequence[str] | None = None,
             ocr: str = "auto", warc_url: Sequence[str] = ()) -> RawDoc:
    """Read and clean one input (path or ``-``); ``ocr``: which PDF pages Tesseract reads;
    ``warc_url``: which captured page of a WARC to read (the first of these it holds)."""
    from revdiff.clean import clean
    from revdiff.errors import InputError
    from revdiff.readers import DEFAULT_MAX_BYTES, read

    raw = clean(read(path, max_bytes or DEFAULT_MAX_BYTES, ocr, tuple(warc_url)), drop_patterns)
    if not any(b.text.strip() or b.cells for b in raw.blocks):
        # all the file held was furniture (a site's header and footer, page numbers): a report
        # would call every section of the other side new, or removed
        hint = (" (a page whose text a script loads: save it once it has loaded, or copy its text into a .txt file)"
                if raw.format == "html" else "")
        raise InputError(f"{path}: no document text is left once page furniture is set aside "
                         f"({len(raw.dropped)} lines of it){hint}")
    return raw


def load_document(path: str, max_bytes: int | None = None,
                  drop_patterns: Sequence[str] | None = None, genre: str | None = None,
                  ocr: str = "auto", warc_url: Sequence[str] = ()) -> Document:
    """Read, clean and parse one input (path or ``-``).

    ``drop_patterns``: extra boilerplate, regexes a whole line must match to be dropped;
    ``genre``: read it as this genre (``plan``, ``law``) instead of the detected one;
    ``ocr``: which PDF pages are recognised by OCR (``auto``: those without a text layer,
    ``always``, ``never``); ``warc_url``: which captured page of a WARC to read.
    """
    return _parse(load_raw(path, max_bytes, drop_patterns, ocr, warc_url), genre)


def _parse(raw: RawDoc, genre: str | None) -> Document:
    """The Document of a cleaned RawDoc, with what reading and cleaning warned about."""
    from revdiff.structure import parse

    doc = parse(raw, genre)
    doc.warnings = list(raw.warnings)
    doc.ocr_pages = list(raw.ocr_pages)
    doc.ocr_doubts = dict(raw.ocr_doubts)
    return doc


def compare_paths(draft: str, final: str, **options: Any) -> Report:
    """Load both inputs and compare them (see ``compare_documents``).

    Each side's genre is detected on its own; when only one side reads as a law (a draft
    with few articles yet), both are read as laws, so that articles meet articles.
    """
    max_bytes = options.pop("max_bytes", None)
    drop_patterns = options.pop("drop_patterns", None)
    ocr = options.pop("ocr", None) or "auto"
    warc_url = options.pop("warc_url", None) or ()
    genre = options.get("genre")
    draw = load_raw(draft, max_bytes, drop_patterns, ocr, warc_url)
    fraw = load_raw(final, max_bytes, drop_patterns, ocr, warc_url)
    d, f = _parse(draw, genre), _parse(fraw, genre)
    if d.genre != f.genre:
        d, f = _parse(draw, "law"), _parse(fraw, "law")
    return compare_documents(d, f, **options)


def compare_documents(draft: Document, final: Document, **options: Any) -> Report:
    """Compare two parsed Documents and return the Report."""
    from revdiff.comparison import build_report

    return build_report(draft, final, **options)
