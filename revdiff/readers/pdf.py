"""PDF (with a text layer) via pdfplumber: one Block per printed line, tables as rows.

Published versions are often the PDF of the signed document.  Lines are kept as they
are printed (hard wraps and page breaks are rejoined by the cleaner, which knows the
genre); this reader's job is faithful text, ``page`` on every block, ruled tables as
cell rows, and running headers, footers and page numbers moved to ``dropped``.
``Block.line`` counts every extracted line and table row across the whole document.
"""

from __future__ import annotations

import bisect
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
# Bytes that the page contents, fonts and other non-image streams may inflate to: a Flate
# bomb (1 MB that inflates to GBs) is refused before pdfminer inflates it whole in memory.
MAX_INFLATED = 256 * 1024 * 1024

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
    full em before it counts as a space; between CJK and Latin/digits 0.3 em, wider than
    the gap Word and LibreOffice put there themselves ("adjust space between Asian and
    Latin text", about 0.2 em: 2024 年 is printed, 2024年 was typed); a typed space that
    is drawn as a glyph is kept whatever its width; between Latin letters 0.25 em.
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
            if gap > (0.25, 0.3, 1.0)[wide] * size:
                out.append(" ")
        out.append(text)
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


@dataclass
class _Item:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str = ""
    size: float = 10.0  # font size of the line's characters (points)
    column: tuple[bool, int] = (False, 0)  # (page in two columns?, column: 0 left, 1 right)
    frame: tuple[int, int] | None = None  # (page, index) of the 专栏 frame the line is printed in
    reaches_margin: bool | None = None
    indented: bool | None = None
    rows: list[list[str]] | None = None  # set for a table
    # per row: it has cells drawn but left blank (a row split by a page break leaves its
    # other cells empty on the new page; a merged cell is no cell at all)
    blank: list[bool] | None = None
    dropped: bool = False
    kind: str = "line"  # line | table
    marks: str = ""  # the superscript note marks taken out of this line (it cites those notes)
    note: bool = False  # a footnote line at the page's foot (read after the paragraph citing it)
    doubts: tuple[str, ...] = ()  # OCR lines: the words holding digits that recognition was unsure of
    row_doubts: tuple[tuple[str, ...], ...] = ()  # OCR tables: each row's cells whose figures are doubtful


@dataclass
class _Page:
    number: int
    height: float
    items: list[_Item] = field(default_factory=list)
    chars: int = 0
    hidden: int = 0  # characters drawn off the page or in white: not shown, not read
    hidden_text: str = ""
    marks: str = ""  # superscript note marks (¹ ²) taken out of the lines they follow


def _is_white(color: Any) -> bool:
    """A fill colour that prints as white: gray 1, RGB (1,1,1) or CMYK (0,0,0,0)."""
    if not isinstance(color, tuple | list) or not color or not all(isinstance(v, int | float) for v in color):
        return False
    if len(color) == 4:
        return all(v <= 0.01 for v in color)
    return all(v >= 0.99 for v in color)


def _hidden_chars(page: Any) -> list[dict[str, Any]]:
    """Characters a reader of the printed page cannot see: off the page, or white on white.

    White text inside a filled, non-white rectangle (a table header in reverse) is seen and
    kept.  Text in rendering mode 3 (the invisible OCR layer of a scanned PDF) is not
    dropped: pdfminer does not report the mode, and that layer is what the page says.
    """
    x0, top, x1, bottom = page.bbox
    fills = [r for r in page.rects if r.get("fill") and not _is_white(r.get("non_stroking_color"))]
    hidden = []
    for c in page.chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            hidden.append(c)
        elif _is_white(c.get("non_stroking_color")) and c["text"].strip() and not any(
            r["x0"] <= cx <= r["x1"] and r["top"] <= cy <= r["bottom"] for r in fills
        ):
            hidden.append(c)
    return hidden


def _group_header(rows: list[list[str | None]]) -> list[list[str | None]]:
    """One header row for a grouped header: 目标值 spanning 2025年 | 2027年 under it.

    pdfplumber gives a merged cell's text once and None for the cells it covers: across
    (目标值, None) in the first row, down (None under 指标名称) in the next.  When the first
    row spans columns and the rows under it are covered from above, each column's labels
    are read top to bottom into one header row (the way a reader reads the header).
    """
    if len(rows) < 2 or None not in rows[0] or not any(c is not None for c in rows[0]):
        return rows
    head = 1
    while head < min(len(rows) - 1, 3) and None in rows[head]:
        head += 1
    if head == 1:
        return rows
    columns: list[list[str]] = [[] for _ in rows[0]]
    for row in rows[:head]:
        last = ""
        for j, cell in enumerate(row[: len(columns)]):
            # None: covered by the cell to the left (a span across) or above (a span down)
            text = _clean_cell(cell) if cell is not None else (last if row is rows[0] else "")
            last = text
            if text and text not in columns[j]:
                columns[j].append(text)
    from revdiff.readers.html import join_pieces

    return [[join_pieces(col) for col in columns], *rows[head:]]


def _clean_cell(value: str | None) -> str:
    """A table cell's text on one line.  A number wrapped in a narrow cell ("146" / "0",
    "≥8" / "5") is one number again: a line break between digits is the cell's width, not
    a space (joining them with one would make 1460 read as 146)."""
    from revdiff.readers.html import join_pieces

    pieces: list[str] = []
    for piece in (value or "").split("\n"):
        piece = piece.strip()
        if pieces and piece and _NUMBER_END.search(pieces[-1]) and _NUMBER_START.match(piece):
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
    return join_pieces(pieces)


_NUMBER_END = re.compile(r"[0-9０-９][.．]?$")
_NUMBER_START = re.compile(r"[0-9０-９%％‰.．]")


_NOTE_MARK = re.compile(r"^[0-9\u2460-\u2473*†‡]$")  # 1 ① * †: what marks a footnote reference


def _split_superscripts(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """(the line's characters without its footnote marks, the marks).

    A footnote reference is printed as a small raised digit after the text it annotates
    (“达到18万辆¹”); read into the line it would become part of a number or a date
    (2025年3月1日1).  A mark is a digit or ① * † under 0.75 of the line's text size whose
    foot stands clearly above the line's baseline.
    """
    if len(chars) < 2:
        return chars, ""
    size = max(float(c.get("size") or 0) for c in chars)
    base = max(float(c["bottom"]) for c in chars if float(c.get("size") or 0) >= 0.9 * size)
    marks = [c for c in chars if _NOTE_MARK.match(c.get("text", "")) and float(c.get("size") or 0) < 0.75 * size
             and float(c["bottom"]) < base - 0.2 * size]  # fmt: skip
    if not marks:
        return chars, ""
    gone = {id(c) for c in marks}
    return [c for c in chars if id(c) not in gone], "".join(c["text"] for c in marks)


def _body_size(pages: list[_Page]) -> float | None:
    """The type size of the body text: the median size of the longer lines."""
    sizes = sorted(it.size for p in pages for it in p.items if it.kind == "line" and len(it.text) >= 6)
    return sizes[len(sizes) // 2] if sizes else None


def _mark_small_header(pages: list[_Page]) -> None:
    """Mark as dropped a page's first line when it is a running header by its look alone.

    A header repeated over pages is found by _mark_page_furniture; a one-page document's
    (or a first page's own) cannot be.  Such a header is set small (五号 over a 三号
    body), in the top margin, well above the text: a first line under 0.75 of the body's
    size, in the top fifth of the page, with two body lines of space under it.
    """
    body = _body_size(pages)
    if body is None:
        return
    for page in pages:
        lines = [it for it in page.items if not it.dropped]
        if len(lines) < 2 or lines[0].kind != "line":
            continue
        first, nxt = lines[0], lines[1]
        if first.size <= 0.75 * body and first.bottom < _MARGIN_ZONE * page.height and nxt.top - first.bottom >= 2 * body:
            first.dropped = True


def _mark_footnotes(pages: list[_Page]) -> None:
    """Mark the footnotes at the foot of a page (``note``); a page number among them is dropped.

    They are the lines under the page's text in a smaller type (a 公文's notes are set in
    a size or two below the body's 三号), on a page whose text carries note marks.  They
    are not read in place, where they would split a paragraph or a table that runs on to
    the next page, but after the paragraph that cites them (``_emit``), as the .docx reader
    reads Word's notes: a change made only in a note is a change to that section.
    """
    body = _body_size(pages)
    if body is None:
        return
    for page in pages:
        if not page.marks:
            continue
        content = [it for it in page.items if not it.dropped]
        k = len(content)
        while k > 0 and content[k - 1].kind == "line" and (
            content[k - 1].size <= 0.9 * body or _PAGE_NUMBER.match(content[k - 1].text)
        ):
            k -= 1
        tail = content[k:]
        for j, it in enumerate(tail):
            nxt = tail[j + 1] if j + 1 < len(tail) else None
            if _MARK_ONLY.match(it.text) and nxt is not None and not _PAGE_NUMBER.match(nxt.text):
                it.note = True  # a note's own mark, set on a line of its own (LibreOffice): no page number
            elif _PAGE_NUMBER.match(it.text):
                it.dropped = True
            else:
                it.note = True


# A footnote opens with its mark: 1 ① * † (Word sets it raised, taken out into ``marks``);
# not the figure a note may open with (2024年…, 15%…).
_NOTE_START = re.compile(r"^\s*([0-9]{1,2}|[\u2460-\u2473*†‡])(?![0-9０-９.．,，年月日%％])\s*(?=\S)")
_MARK_ONLY = re.compile(r"^\s*([0-9]{1,2}|[\u2460-\u2473*†‡])\s*$")


@dataclass
class _Note:
    """A footnote at a page's foot: the mark it answers to, its text, the mark as printed."""

    mark: str
    text: str = ""
    printed: str = ""  # the mark taken off its first line (kept with what was dropped)


def _page_notes(page: _Page) -> list[_Note]:
    """The page's footnotes, in order.

    A note line that opens with a mark starts a note; a line without one goes on with the
    note before it (a long note wraps)."""
    from revdiff.readers.html import join_pieces

    notes: list[_Note] = []
    for it in page.items:
        if not it.note:
            continue
        alone = _MARK_ONLY.match(it.text)
        if alone:
            notes.append(_Note(alone.group(1), printed=it.text))
            continue
        m = None if it.marks else _NOTE_START.match(it.text)
        if it.marks or (m and (not notes or notes[-1].text)) or not notes:
            notes.append(_Note(it.marks or (m.group(1) if m else ""), it.text[m.end():] if m else it.text,
                               m.group(0) if m else ""))  # fmt: skip
        else:
            notes[-1].text = join_pieces([notes[-1].text, it.text])
    return notes


def _note_block(note: _Note, line: int, page: int) -> Block:
    """A footnote as a block, labelled as the .docx reader labels Word's notes; ``line``: its mark's."""
    return Block(text="脚注：" + note.text, line=line, page=page, reaches_margin=False, indented=True)


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
    hidden = _hidden_chars(page)
    if hidden:  # kept out of the text, but accounted for: one dropped line with what it said
        gone = {id(c) for c in hidden}
        page = page.filter(lambda obj: id(obj) not in gone)
    out = _Page(number=number, height=float(page.height), chars=len(page.chars), hidden=len(hidden),
                hidden_text="".join(c["text"] for c in hidden))
    tables = []
    finder = page.debug_tablefinder()  # what find_tables() uses, with the cells it found
    for table in finder.tables:
        # words part as in _line_text: a gap under 0.3 em (the Asian-Latin autospace) is none,
        # a space glyph is one
        rows = table.extract(x_tolerance_ratio=0.3, keep_blank_chars=True)
        # Only real grids are tables: a one-cell frame (a 专栏 box) holds ordinary text.
        if sum(1 for r in rows if sum(1 for c in r if c is not None) >= 2) >= 2:
            tables.append((table, rows))
    boxes = [t.bbox for t, _ in tables]
    # One-cell frames (专栏 boxes; pdfplumber keeps no one-cell table) are read as text, but
    # their lines start and end at the frame's edges, not the column's.
    frames = [
        c for c in finder.cells
        if not any(b[0] - 1 <= c[0] and c[2] <= b[2] + 1 and b[1] - 1 <= c[1] and c[3] <= b[3] + 1 for b in boxes)
    ]  # fmt: skip

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char" or not boxes:
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    lines = [ln for ln in text_page.extract_text_lines(strip=True, return_chars=True, keep_blank_chars=True) if ln["chars"]]
    lines = _join_offset_glyphs(lines)
    gutter = _gutter(lines, float(page.width))
    for line in lines:
        if gutter is None or any(gutter[0] < (c["x0"] + c["x1"]) / 2 < gutter[1] for c in line["chars"]):
            parts = [line["chars"]]  # one column, or a line across the gutter (a centred title)
        else:  # the same baseline in both columns: two lines, one per column
            parts = [[c for c in line["chars"] if c["x1"] <= gutter[0]], [c for c in line["chars"] if c["x0"] >= gutter[1]]]
        for chars in parts:
            chars, marks = _split_superscripts(chars)
            out.marks += marks
            text = _line_text(chars)
            if text:
                x0 = min(float(c["x0"]) for c in chars)
                x1 = max(float(c["x1"]) for c in chars)
                size = max(float(c.get("size") or 10) for c in chars)
                # a line across the gutter ends where the right column does
                column = (False, 0) if gutter is None else (True, 0 if x1 <= gutter[0] else 1)
                mid, y = (x0 + x1) / 2, (line["top"] + line["bottom"]) / 2
                frame = next((i for i, (fx0, ft, fx1, fb) in enumerate(frames) if fx0 <= mid <= fx1 and ft <= y <= fb),
                             None)  # fmt: skip
                out.items.append(_Item(top=line["top"], bottom=line["bottom"], x0=x0, x1=x1, text=text, size=size,
                                       column=column, frame=None if frame is None else (number, frame),
                                       marks=marks))  # fmt: skip
    for table, rows in tables:
        x0, top, x1, bottom = table.bbox
        rows = _group_header(rows)
        kept = [r for r in rows if any(_clean_cell(c) for c in r)]
        cells = [[_clean_cell(c) for c in row] for row in kept]
        blank = [sum(c == "" for c in row) * 2 >= len(row) for row in kept]
        if cells:
            out.items.append(_Item(top=top, bottom=bottom, x0=x0, x1=x1, rows=cells, kind="table", blank=blank))
    out.items.sort(key=_reading_order(out.items, gutter))
    return out


_GUTTER_MIN = 6.0  # points: the narrowest white band that can part two columns


def _ink_spans(chars: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """The x ranges a printed line covers: its characters, joined across gaps under 1 em."""
    spans: list[tuple[float, float]] = []
    for c in sorted(chars, key=lambda c: c["x0"]):
        x0, x1 = float(c["x0"]), float(c["x1"])
        if spans and x0 - spans[-1][1] < float(c.get("size") or 10):
            spans[-1] = (spans[-1][0], max(spans[-1][1], x1))
        else:
            spans.append((x0, x1))
    return spans


def _size(chars: list[dict[str, Any]]) -> float:
    return max(float(c.get("size") or 0) for c in chars)


def _join_offset_glyphs(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put back into their line the glyphs a fallback font sets lower or higher.

    Chromium prints “ ” of a CJK line in a Latin font whose box sits a fifth of an em lower,
    beyond pdfplumber's 3 pt tolerance, so they come out as a line of their own.  A line
    whose height mostly overlaps the line before and whose glyphs fall between that line's
    glyphs or right beside them (none on top of another), in the same size, is part of it.
    """
    out: list[dict[str, Any]] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None:
            overlap = min(prev["bottom"], ln["bottom"]) - max(prev["top"], ln["top"])
            height = min(prev["bottom"] - prev["top"], ln["bottom"] - ln["top"])
            spans = [(c["x0"] + 0.5, c["x1"] - 0.5) for c in prev["chars"]]
            apart = not any(a < c["x1"] - 0.5 and c["x0"] + 0.5 < b for c in ln["chars"] for a, b in spans)
            size = _size(ln["chars"])
            same_size = abs(_size(prev["chars"]) - size) < 0.5  # not a footnote's raised mark
            # between or beside the line's glyphs, not a column beyond a gutter
            x0, x1 = min(c["x0"] for c in ln["chars"]), max(c["x1"] for c in ln["chars"])
            p0, p1 = min(c["x0"] for c in prev["chars"]), max(c["x1"] for c in prev["chars"])
            touching = max(x0 - p1, p0 - x1) < 0.3 * size
            if height > 0 and overlap >= 0.5 * height and apart and same_size and touching:
                chars = sorted(prev["chars"] + ln["chars"], key=lambda c: c["x0"])
                out[-1] = {**prev, "chars": chars, "top": min(prev["top"], ln["top"]),
                           "bottom": max(prev["bottom"], ln["bottom"]), "x0": chars[0]["x0"],
                           "x1": max(c["x1"] for c in chars)}  # fmt: skip
                continue
        out.append(ln)
    return out


def _gutter(lines: list[dict[str, Any]], width: float) -> tuple[float, float] | None:
    """The white band between two columns of running text, or None for a one-column page.

    Government gazettes (政府公报) print two columns; reading them line by line across the
    page would interleave the columns.  A band counts as a gutter when it lies in the
    middle of the page, is at least ``_GUTTER_MIN`` wide, almost no line prints across it
    (a centred title may), and both sides hold running text: on each side, a quarter of
    the lines or more carry 6 characters or more.  Signature blocks and tables without
    rules (short cells) do not pass the last test, so they are read as before.
    """
    if len(lines) < 8:
        return None
    lo, hi = int(width * 0.35), int(width * 0.65)
    cover = [0] * (hi - lo + 1)
    for ln in lines:
        for a, b in _ink_spans(ln["chars"]):
            for x in range(max(lo, int(a)), min(hi, int(b)) + 1):
                cover[x - lo] += 1
    limit = 0.05 * len(lines)
    best: tuple[int, int] | None = None
    start: int | None = None
    for i, c in enumerate([*cover, len(lines) + 1]):  # a sentinel closes the last run
        if c <= limit:
            start = i if start is None else start
        elif start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    if best is None or best[1] - best[0] < _GUTTER_MIN:
        return None
    g0, g1 = float(lo + best[0]), float(lo + best[1])
    left = [sum(1 for c in ln["chars"] if c["x1"] <= g0) for ln in lines]
    right = [sum(1 for c in ln["chars"] if c["x0"] >= g1) for ln in lines]
    for counts in (left, right):
        if sum(1 for n in counts if n >= 6) < max(4, 0.25 * len(lines)):
            return None
    return g0, g1


def _reading_order(items: list[_Item], gutter: tuple[float, float] | None) -> Any:
    """Sort key for a page's items: top to bottom; on a two-column page, the left column
    before the right one, between the lines (titles, tables) that span both."""
    if gutter is None:
        return lambda it: (round(it.top, 1), it.x0)
    spanning = sorted(it.top for it in items if it.x0 < gutter[1] and it.x1 > gutter[0])

    def key(it: _Item) -> tuple[int, int, float, float]:
        if it.x0 < gutter[1] and it.x1 > gutter[0]:  # across the gutter: after the columns above it
            return bisect.bisect_left(spanning, it.top), 2, round(it.top, 1), it.x0
        return bisect.bisect_right(spanning, it.top), 0 if it.x1 <= gutter[0] else 1, round(it.top, 1), it.x0

    return key


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


# Characters a Chinese line may not start with (GB/T 15834 line-breaking practice).
_NO_LINE_START = "，。、；：？！）》」』】〕”’%％…·"


def _first_unit_width(before: str, text: str, size: float) -> float:
    """Room the start of ``text`` needs at the end of the line ``before``: its first
    character with the closing marks that must stay with it, plus the gap Word and
    LibreOffice put between Chinese and Latin text."""
    if not text or not before:
        return 0.0
    n = 1
    while n < len(text) and text[n] in _NO_LINE_START:
        n += 1
    width = sum(size if _is_wide(ch) else 0.55 * size for ch in text[:n])
    if _is_wide(text[0]) != _is_wide(before[-1]):
        width += 0.2 * size
    return width


def _mark_line_edges(pages: list[_Page]) -> None:
    """Set ``reaches_margin`` and ``indented`` on every text line from where it starts and ends.

    A justified line that runs to its column's right edge may go on in the next line; a
    heading or the last line of a paragraph stops short.  A line that starts a first-line
    indent in (two characters, in Chinese documents) begins a paragraph.  The edges of each
    kind of column (one-column pages; left and right columns of two-column pages; each 专栏
    frame) are where most of its lines start and where the longer ones end, over the whole
    document, so a page of short lines has the same edges.
    """
    starts: dict[object, list[float]] = {}
    ends: dict[object, list[float]] = {}
    for page in pages:
        for it in page.items:
            if it.kind == "line" and len(it.text) >= 6:
                starts.setdefault(it.frame or it.column, []).append(it.x0)
                ends.setdefault(it.frame or it.column, []).append(it.x1)
    lefts = {k: sorted(v)[len(v) // 10] for k, v in starts.items() if len(v) >= 3}
    rights = {k: sorted(v)[int(len(v) * 0.9)] for k, v in ends.items() if len(v) >= 3}
    for page in pages:
        lines = [it for it in page.items if it.kind == "line"]
        for k, it in enumerate(lines):
            left, right = lefts.get(it.frame or it.column), rights.get(it.frame or it.column)
            if right is not None:
                it.reaches_margin = it.x1 > right - it.size  # the next character would not fit
                nxt = lines[k + 1] if k + 1 < len(lines) else None
                if not it.reaches_margin and nxt is not None and (nxt.frame or nxt.column) == (it.frame or it.column):
                    # nor would the next line's first unbreakable piece: 个。 (a closing mark
                    # never starts a line, so its character goes down with it)
                    it.reaches_margin = it.x1 + _first_unit_width(it.text, nxt.text, it.size) > right + 0.1 * it.size
            if left is not None:
                it.indented = it.x0 >= left + 0.9 * it.size


def _emit(pages: list[_Page], doubts: dict[int, list[str]] | None = None) -> tuple[list[Block], list[Block]]:
    """The Blocks of the pages' lines and table rows in reading order, and the dropped ones;
    ``doubts`` (when given) receives each OCR line's (and table row's) doubtful figures by its line number."""
    blocks: list[Block] = []
    dropped: list[Block] = []
    line_no = 0
    table_index = 0
    last_table: tuple[int, list[str]] | None = None  # (index, first row) of the table that ended the text
    pending: list[Block] = []  # footnotes cited in the paragraph being read: they follow it

    def flush() -> None:
        blocks.extend(pending)
        pending.clear()

    for page in pages:
        first_content = True
        notes = _page_notes(page)
        cited = {n.mark: n for n in reversed(notes) if n.mark}
        dropped.extend(Block(text=n.printed, line=line_no + 1, page=page.number) for n in notes if n.printed.strip())

        for it in page.items:
            if it.kind == "line":
                line_no += 1
                if it.note:
                    continue  # read after the paragraph that cites it
                block = Block(text=it.text, line=line_no, page=page.number, reaches_margin=it.reaches_margin,
                              indented=it.indented)  # fmt: skip
                if it.doubts and doubts is not None:
                    doubts[line_no] = list(it.doubts)
                if it.dropped:
                    dropped.append(block)
                else:
                    if it.indented:  # a new paragraph: the notes of the one before go first
                        flush()
                    blocks.append(block)
                    first_content = False
                    last_table = None
                    for mark in it.marks:
                        if mark in cited:
                            note = cited.pop(mark)
                            notes.remove(note)
                            pending.append(_note_block(note, line_no, page.number))
                    if it.reaches_margin is not True:  # the paragraph ends here
                        flush()
                continue
            flush()
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
            repeated = bool(continued and last_table is not None and rows[0] == last_table[1])
            for r, row in enumerate(rows):
                line_no += 1
                block = Block(text="\t".join(row), line=line_no, page=page.number, cells=row, table=index)
                if doubts is not None and r < len(it.row_doubts) and it.row_doubts[r]:
                    doubts[line_no] = list(it.row_doubts[r])
                if repeated and r == 0:
                    dropped.append(block)  # the header row repeated on the new page
                elif not (continued and r == int(repeated) and (it.blank or [])[r:r + 1] == [True]
                          and _join_split_row(blocks[-1], row)):
                    blocks.append(block)
            if not (continued and last_table is not None):
                last_table = (index, rows[0])
            first_content = False
        # notes no line of the page was seen to cite: after the paragraph the page ends in
        pending.extend(_note_block(n, blocks[-1].line if blocks else line_no, page.number) for n in notes)
    flush()
    return blocks, dropped


def _join_split_row(prev: Block, row: list[str]) -> bool:
    """Join to ``prev`` the rest of its row that a page break carried over (its first cells
    go on, the others were drawn empty); False when ``prev`` is no such row."""
    if prev.cells is None or len(prev.cells) != len(row) or not row[0]:
        return False
    from revdiff.readers.html import join_pieces

    prev.cells = [join_pieces([a, b]) for a, b in zip(prev.cells, row, strict=True)]
    prev.text = "\t".join(prev.cells)
    return True


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


def read(data: bytes, source: str, ocr: str = "auto") -> RawDoc:
    """Read a PDF's text layer into line Blocks (with ``page``) and table-row Blocks.

    ``ocr``: ``auto`` recognises the pages without a text layer (scans) with Tesseract,
    ``always`` every page (the text layer is ignored), ``never`` none.
    """
    if b"%%EOF" not in data[-2048:] and data.rfind(b"%%EOF") < 0:  # bytes after %%EOF are harmless
        raise InputError(f"{source}: corrupt or truncated .pdf (no end-of-file marker); download it again")
    # pdfminer logs warnings about harmless damage (missing CropBox …); with no handler
    # configured, Python would print them on stderr next to our one-line errors.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    _refuse_flate_bomb(data, source)
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
                if number > MAX_PAGES:  # the page tree may say fewer pages than it holds
                    raise InputError(
                        f"{source}: PDF has more than {MAX_PAGES} pages (its page count says {count}); "
                        "extract the pages to compare first, e.g. qpdf IN.pdf --pages . 1-200 -- OUT.pdf"
                    )
                pages.append(_read_page(page, number))
                page.close()  # drop the page's parsed objects: long PDFs stay small in memory
            title = str(pdf.metadata.get("Title") or "").strip() or None
            ocr_pages, ocr_warnings, ocr_tried = _ocr(data, pages, ocr, source)
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
        if ocr_tried:
            raise InputError(f"{source}: PDF has no text layer, and OCR found no text on its pages (blank?)")
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
    if ocr_pages:
        from revdiff.readers.ocr import mark_running_lines

        mark_running_lines(pages)
    _mark_small_header(pages)
    _mark_footnotes(pages)
    _mark_line_edges(pages)
    if ocr_pages:
        from revdiff.readers.ocr import restore_item_marks

        restore_item_marks([pages[n - 1] for n in ocr_pages])
    for p in pages:  # what was hidden is no text, but it is accounted for: one dropped line a page
        if p.hidden_text:
            p.items.insert(0, _Item(top=0.0, bottom=0.0, x0=0.0, x1=0.0, text=p.hidden_text, dropped=True))
        if p.marks:  # and so are the footnote marks taken out of the lines
            p.items.insert(0, _Item(top=0.0, bottom=0.0, x0=0.0, x1=0.0, text=p.marks, dropped=True))
    doubts: dict[int, list[str]] = {}
    blocks, dropped = _emit(pages, doubts)
    warnings = ocr_warnings
    hidden = [(p.number, p.hidden) for p in pages if p.hidden]
    if hidden:
        where = "、".join(f"第 {n} 页 {k} 字" for n, k in hidden[:10]) + ("…" if len(hidden) > 10 else "")
        where_en = ", ".join(f"page {n}: {k}" for n, k in hidden[:10]) + ("…" if len(hidden) > 10 else "")
        total = sum(k for _, k in hidden)
        warnings.append(f"PDF 中有 {total} 个字符画在页面之外或为白色，读者看不见，未参与比较（{where}） / "
                        f"{total} characters of the PDF are drawn off the page or in white, invisible to a reader, "
                        f"and were left out ({where_en})")
    return RawDoc(source=source, format="pdf+ocr" if ocr_pages else "pdf", encoding="binary", blocks=blocks,
                  dropped=dropped, title=title, warnings=warnings, ocr_pages=ocr_pages, ocr_doubts=doubts)  # fmt: skip


def _ocr(data: bytes, pages: list[_Page], mode: str, source: str) -> tuple[list[int], list[str], bool]:
    """Replace the pages to recognise (see ``read``) by their OCR.

    Returns the pages whose text OCR found, warnings, and whether OCR ran at all.

    In ``auto`` mode a PDF that has a text layer elsewhere is still read without Tesseract
    installed: its pages without text are then named in a warning instead.
    """
    if mode == "never":
        return [], [], False
    numbers = [p.number for p in pages if mode == "always" or p.chars == 0]
    if not numbers:
        return [], [], False
    from revdiff.readers import ocr

    if mode == "auto" and len(numbers) < len(pages) and not ocr.available():
        where = "、".join(str(n) for n in numbers[:20])
        return [], [f"PDF 第 {where} 页没有文字层，未安装 Tesseract，未识别 / page(s) {where} of the PDF have no "
                    "text layer and were not read: install tesseract-ocr and tesseract-ocr-chi-sim"], False  # fmt: skip
    for number, page in ocr.recognise(data, numbers, source).items():
        pages[number - 1] = page
    done = [n for n in numbers if pages[n - 1].chars]
    if not done:
        return [], [], True
    where = "、".join(str(n) for n in done[:20]) + ("…" if len(done) > 20 else "")
    where_en = ", ".join(str(n) for n in done[:20]) + ("…" if len(done) > 20 else "")
    return done, [f"PDF 第 {where} 页的文字由 OCR 识别，可能有识别错误 / the text of page(s) {where_en} of the PDF "
                  "was recognised by OCR and may hold recognition errors"], True  # fmt: skip


_STREAM = re.compile(rb"stream\r?\n")


def _refuse_flate_bomb(data: bytes, source: str, budget: int = MAX_INFLATED) -> None:
    """Refuse a PDF whose Flate streams (images aside) inflate to more than ``budget`` bytes.

    Each stream is inflated in bounded steps and thrown away, so the check itself never
    holds more than one step in memory.  Image streams are skipped: the text reader never
    inflates them, and a scan compresses legitimately well.
    """
    import zlib

    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 1024) : m.start()]
        head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
        if b"FlateDecode" not in head or b"/Image" in head:
            continue
        end = data.find(b"endstream", m.end())
        chunk = data[m.end() : end if end >= 0 else len(data)]
        inflater = zlib.decompressobj()
        try:
            while chunk and total <= budget:
                total += len(inflater.decompress(chunk, 16 << 20))
                chunk = inflater.unconsumed_tail
        except zlib.error:
            continue  # a damaged stream: pdfminer decides what to do with it
        if total > budget:
            raise InputError(
                f"{source}: PDF streams inflate to more than {budget >> 20} MB (a Flate bomb?); refusing it"
            )
