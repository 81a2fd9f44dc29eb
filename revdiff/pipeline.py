"""The pipeline: read → clean → parse → select → align → diff → classify → Report.

Each stage is a plain function in its own module; this module only strings them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from revdiff.model import Document, Report


def load_document(path: str, max_bytes: int | None = None,
                  drop_patterns: Sequence[str] | None = None, ocr: str = "auto") -> Document:
    """Read, clean and parse one input (path or ``-``).

    ``drop_patterns``: extra boilerplate, regexes a whole line must match to be dropped;
    ``ocr``: which PDF pages are recognised by OCR (``auto``: those without a text layer,
    ``always``, ``never``).
    """
    from revdiff.clean import clean
    from revdiff.readers import DEFAULT_MAX_BYTES, read
    from revdiff.structure import parse

    raw = read(path, max_bytes or DEFAULT_MAX_BYTES, ocr)
    doc = parse(clean(raw, drop_patterns))
    doc.warnings = list(raw.warnings)
    doc.ocr_pages = list(raw.ocr_pages)
    return doc


def compare_paths(draft: str, final: str, **options: Any) -> Report:
    """Load both inputs and compare them (see ``compare_documents``)."""
    max_bytes = options.pop("max_bytes", None)
    drop_patterns = options.pop("drop_patterns", None)
    ocr = options.pop("ocr", None) or "auto"
    d = load_document(draft, max_bytes, drop_patterns, ocr)
    f = load_document(final, max_bytes, drop_patterns, ocr)
    return compare_documents(d, f, **options)


def compare_documents(draft: Document, final: Document, **options: Any) -> Report:
    """Compare two parsed Documents and return the Report."""
    from revdiff.comparison import build_report

    return build_report(draft, final, **options)
