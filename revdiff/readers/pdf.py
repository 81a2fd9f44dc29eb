"""PDF (with a text layer) via pdfplumber: one Block per printed line, tables as rows.

Published versions are often the PDF of the signed document.  Lines are kept as they
are printed (hard wraps and page breaks are rejoined by the cleaner, which knows the
genre); this reader's job is faithful text, ``page`` on every block, ruled tables as
cell rows, and running headers, footers and page numbers moved to ``dropped``.
``Block.line`` counts every extracted line and table row across the whole document.
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc

MAX_PAGES = 2000

# Page-number lines: "— 3 —", "-3-", "- 3 -", "第3页", "第 3 页 共 9 页", "3/9", "Page 3 of 9".
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒―~～\s]*\d{1,4}[-—–－‒―~～\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[/，,、]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
# How far into the page a running header / footer may stand (fraction of its height).
_MARGIN_ZONE = 0.2
_EDGE_LINES = 3  # how many lines at the top / bottom of a page are header/footer candidates
_Y_TOLERANCE = 4.0  # points: the same header sits at the same height on every page


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _line_text(chars: list[dict[str, Any]]) -> str:
    """The text of one printed line, with spaces only where the gap really is one.

    Chinese text is often justified with extra letter spacing; a fixed x tolerance turns
    that into spaces between characters.  Between two CJK characters a gap must be a
    full em before it counts as a space; between CJK and Latin/digits (where a typed
    space is often drawn as a gap, not a glyph) 0.15 em; between Latin letters 0.25 em.
    """
    out: list[str] = []
    prev: dict[str, Any] | None = None
    for ch in sorted(chars, key=lambda c: c["x0"]):
        text = ch.get("text", "")
        if not text:
            continue
        if prev is not None and text != " " and prev.get("text") != " ":
            gap = ch["x0"] - prev["x1"]
            size = min(float(ch.get("size") or 10), float(prev.get("size") or 10))
            wide = _is_wide(text[0]) + _is_wide(prev["text"][-1])
            if gap > (0.25, 0.15, 1.0)[wide] * size:
                out.append(" ")
        out.append(text)
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


@dataclass
class _Item:
    top: float
    bottom: float
    x0: float
    text: str = ""
    rows: list[list[str]] | None = None  # set for a table
    dropped: bool = False
    kind: str = "line"  # line | table


@dataclass
class _Page:
    number: int
    height: float
    items: list[_Item] = field(default_factory=list)
    chars: int = 0


def _clean_cell(value: str | None) -> str:
    from revdiff.readers.html import join_pieces

    return join_pieces((value or "").split("\n"))


def _has_doubled_glyphs(chars: list[dict[str, Any]]) -> bool:
    """Cheap test for fake bold, so that the costly dedupe runs only on pages that need it."""
    seen: set[tuple[str, int, int]] = set()
    for c in chars:
        k = (c["text"], round(c["x0"]), round(c["top"]))
        if k in seen:
            return True
        seen.add(k)
    return False


def _read_page(page: Any, number: int) -> _Page:
    if _has_doubled_glyphs(page.chars):
        page = page.dedupe_chars()  # fake bold: the same glyph printed twice, slightly offset
    out = _Page(number=number, height=float(page.height), chars=len(page.chars))
    tables = []
    for table in page.find_tables():
        rows = table.extract()
        # Only real grids are tables: a one-cell frame (a 专栏 box) holds ordinary text.
        if sum(1 for r in rows if sum(1 for c in r if c is not None) >= 2) >= 2:
            tables.append((table, rows))
    boxes = [t.bbox for t, _ in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char" or not boxes:
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    for line in text_page.extract_text_lines(strip=True, return_chars=True):
        text = _line_text(line["chars"])
        if text:
            out.items.append(_Item(top=line["top"], bottom=line["bottom"], x0=line["x0"], text=text))
    for table, rows in tables:
        x0, top, _, bottom = table.bbox
        cells = [[_clean_cell(c) for c in row] for row in rows]
        cells = [r for r in cells if any(r)]
        if cells:
            out.items.append(_Item(top=top, bottom=bottom, x0=x0, rows=cells, kind="table"))
    out.items.sort(key=lambda it: (round(it.top, 1), it.x0))
    return out


def _norm(text: str) -> str:
    return re.sub(r"[\d\s]+", "", text)


def _mark_page_furniture(pages: list[_Page]) -> None:
    """Mark running headers/footers and page numbers as dropped.

    A running header is a line whose text (digits ignored) stands at the same height
    near the top (or bottom) of at least half of the pages, and of two pages at least.
    """
    candidates: list[tuple[str, str, float, int, _Item]] = []
    for p_index, page in enumerate(pages):
        lines = [it for it in page.items if it.kind == "line"]
        head = [it for it in lines[:_EDGE_LINES] if it.top < _MARGIN_ZONE * page.height]
        foot = [it for it in lines[-_EDGE_LINES:] if it.bottom > (1 - _MARGIN_ZONE) * page.height]
        for it in head:
            candidates.append(("top", _norm(it.text), it.top, p_index, it))
        for it in foot:
            candidates.append(("bottom", _norm(it.text), it.bottom, p_index, it))
        # Page numbers: at the very top or bottom of the page text.
        edge = lines[:1] + lines[-2:]
        for it in edge:
            if _PAGE_NUMBER.match(it.text) and (it in head or it in foot):
                it.dropped = True
    need = max(2, math.ceil(0.5 * len(pages)))
    if len(pages) < 2:
        return
    groups: dict[tuple[str, str], list[tuple[float, int, _Item]]] = {}
    for kind, norm, y, p_index, it in candidates:
        if norm:
            groups.setdefault((kind, norm), []).append((y, p_index, it))
    for occurrences in groups.values():
        for y, _, it in occurrences:
            pages_here = {p for y2, p, _ in occurrences if abs(y2 - y) <= _Y_TOLERANCE}
            if len(pages_here) >= need:
                it.dropped = True


def _emit(pages: list[_Page]) -> tuple[list[Block], list[Block]]:
    blocks: list[Block] = []
    dropped: list[Block] = []
    line_no = 0
    table_index = 0
    last_table: tuple[int, list[str]] | None = None  # (index, first row) of the table that ended the text
    for page in pages:
        first_content = True
        for it in page.items:
            if it.kind == "line":
                line_no += 1
                block = Block(text=it.text, line=line_no, page=page.number)
                if it.dropped:
                    dropped.append(block)
                else:
                    blocks.append(block)
                    first_content = False
                    last_table = None
                continue
            rows = it.rows or []
            # A table that opens a page right after a table that closed the previous one,
            # with as many columns, is that table continued across the page break.
            continued = (
                first_content
                and last_table is not None
                and blocks
                and blocks[-1].page == page.number - 1
                and len(rows[0]) == len(last_table[1])
            )
            if continued and last_table is not None:
                index = last_table[0]
            else:
                table_index += 1
                index = table_index
            for r, row in enumerate(rows):
                line_no += 1
                block = Block(text="\t".join(row), line=line_no, page=page.number, cells=row, table=index)
                if continued and r == 0 and last_table is not None and row == last_table[1]:
                    dropped.append(block)  # the header row repeated on the new page
                else:
                    blocks.append(block)
            if not (continued and last_table is not None):
                last_table = (index, rows[0])
            first_content = False
    return blocks, dropped


def _page_count(pdf: Any) -> int:
    try:
        from pdfminer.pdftypes import resolve1

        pages = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count"))
        if isinstance(count, int) and count >= 0:
            return count
    except Exception:  # a damaged page tree: let pdfplumber count what it can find
        pass
    return len(pdf.pages)


def _open(data: bytes, source: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        inner: Any = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(inner).lower():
            raise InputError(
                f"{source}: PDF is encrypted; remove the password first, e.g. qpdf --decrypt IN.pdf OUT.pdf"
            ) from None
        raise InputError(f"{source}: corrupt or truncated .pdf; download or export it again") from None


def read(data: bytes, source: str) -> RawDoc:
    """Read a PDF's text layer into line Blocks (with ``page``) and table-row Blocks."""
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f"{source}: corrupt or truncated .pdf (no end-of-file marker); download it again")
    # pdfminer logs warnings about harmless damage (missing CropBox …); with no handler
    # configured, Python would print them on stderr next to our one-line errors.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pdf = _open(data, source)
    try:
        try:
            count = _page_count(pdf)
        except Exception:
            raise InputError(f"{source}: corrupt or truncated .pdf; download or export it again") from None
        if count > MAX_PAGES:
            raise InputError(
                f"{source}: PDF has {count} pages, more than the limit of {MAX_PAGES}; "
                "extract the pages to compare first, e.g. qpdf IN.pdf --pages . 1-200 -- OUT.pdf"
            )
        pages: list[_Page] = []
        try:
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_read_page(page, number))
                page.close()  # drop the page's parsed objects: long PDFs stay small in memory
            title = str(pdf.metadata.get("Title") or "").strip() or None
        except InputError:
            raise
        except Exception:
            raise InputError(f"{source}: corrupt or truncated .pdf; download or export it again") from None
    finally:
        try:
            pdf.close()
        except Exception:
            pass
    if not pages:
        raise InputError(f"{source}: PDF has no pages")
    if sum(p.chars for p in pages) == 0:
        raise InputError(
            f"{source}: PDF has no text layer (scanned): run OCR first, e.g. ocrmypdf IN.pdf OUT.pdf"
        )
    all_text = "".join(it.text for p in pages for it in p.items)
    # pdfminer writes "(cid:123)" for glyphs it cannot map to Unicode.
    cid = sum(len(m) for m in re.findall(r"\(cid:\d+\)", all_text))
    if cid > 0.3 * max(len(all_text), 1):
        raise InputError(
            f"{source}: PDF text uses fonts without a Unicode map (cid codes): run OCR first, "
            "e.g. ocrmypdf --force-ocr IN.pdf OUT.pdf"
        )
    _mark_page_furniture(pages)
    blocks, dropped = _emit(pages)
    return RawDoc(source=source, format="pdf", encoding="binary", blocks=blocks, dropped=dropped, title=title)
