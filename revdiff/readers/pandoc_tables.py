"""Pandoc's own Markdown tables: simple and multiline tables (``pandoc -t markdown`` writes a
.docx's tables so), which CommonMark does not know.

A table is laid out in columns, each marked by a run of dashes under the header::

      ---------------------------------------      <- multiline tables open and close with one run
      **指标名称**     **单位**    **目标值**
      ---------------- ----------- ------------  <- the columns
      新能源汽车产量   万辆        30
                                                  <- multiline rows are parted by blank lines
      本地配套率       \\%          42
      ---------------------------------------

Columns are measured in display columns (a Chinese character is two, as pandoc counts them);
a cell's text is what stands in its column, a multiline row's lines joined.  Grid tables
(``+---+``, which pandoc writes when a cell holds more than one paragraph) are read too; one
of one column is a frame (a 专栏 box), whose lines are text, as the .docx reader reads a box.
Pipe tables are left to markdown-it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_COLUMNS = re.compile(r"^(\s*)-{3,}(?:\s+-{3,})+\s*$")  # the column line: two or more runs of dashes
_RULE = re.compile(r"^\s*-{3,}\s*$")  # one run: a multiline table's top or bottom line
_ESCAPE = re.compile(r"\\(.)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


_BORDER = re.compile(r"^\s*\+[-=:]+(?:\+[-=:]+)*\+\s*$")  # a grid table's border: +----+----+


@dataclass
class Table:
    """One table: source line (0-based) → its row's cells (each row cited by its first line),
    and every line the table spans, with the text of that line's cells (for what is markup).
    A frame (a one-column grid table) has no rows: ``text`` holds its lines of text instead.
    ``rules``: the lines that are no block (borders, rules, the blank lines between rows)."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    text: dict[int, str] = field(default_factory=dict)
    rules: set[int] = field(default_factory=set)


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _spans(rule: str) -> list[tuple[int, int]]:
    """(start, end) display columns of each run of dashes."""
    return [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]


def _cells(line: str, starts: list[int]) -> list[str]:
    """The text of ``line`` in each column (a column runs from its dashes' start to the next's)."""
    out = [""] * len(starts)
    col = 0
    k = 0
    for ch in line:
        while k + 1 < len(starts) and col >= starts[k + 1]:
            k += 1
        out[k] += ch
        col += _width(ch)
    return [_clean(c) for c in out]


def _clean(cell: str) -> str:
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub("", cell)).strip()


def _grid(lines: list[str], at: int) -> tuple[Table, int] | None:
    """The grid table whose top border is ``lines[at]``, and the index after it."""
    from revdiff.readers.html import join_pieces

    border = lines[at]
    indent = len(border) - len(border.lstrip())
    starts = [i - indent for i, ch in enumerate(border.strip()) if ch == "+"]  # columns of the + signs
    end = at + 1
    while end < len(lines) and (lines[end].lstrip().startswith(("|", "+"))):
        end += 1
    if end - at < 3 or not _BORDER.match(lines[end - 1]):
        return None
    table = Table()
    row: list[tuple[int, list[str]]] = []
    frame = len(starts) == 2

    def close() -> None:
        if row and not frame:
            table.rows.append((row[0][0], [join_pieces([r[k] for _, r in row]) for k in range(len(starts) - 1)]))
        row.clear()

    for i in range(at, end):
        line = lines[i]
        if _BORDER.match(line):
            close()
            table.lines[i] = ""
            table.rules.add(i)
            continue
        inner = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
        if frame:
            content = _clean(inner)
            table.lines[i] = content
            if content:
                table.text[i] = content
            continue
        cells = [_clean(c) for c in _split_display(inner, [s - 1 for s in starts[1:-1]])]
        table.lines[i] = "\t".join(cells)
        if any(cells):
            row.append((i, cells))
    close()
    if not frame and len(table.rows) < 2:
        return None
    if not frame:
        table.rules = set(table.lines) - {i for i, _ in table.rows}
    return table, end


def _split_display(text: str, cuts: list[int]) -> list[str]:
    """``text`` cut at the display columns ``cuts`` (the | between cells stands there, dropped)."""
    out, piece, col = [], "", 0
    for ch in text:
        if cuts and col == cuts[0] and ch == "|":
            out.append(piece)
            piece, cuts = "", cuts[1:]
        else:
            piece += ch
        col += _width(ch)
    return [*out, piece]


def find_tables(lines: list[str]) -> list[Table]:
    """Every simple, multiline or grid pandoc table in ``lines``."""
    from revdiff.readers.html import join_pieces

    tables: list[Table] = []
    taken: set[int] = set()
    for at, line in enumerate(lines):
        if at in taken:
            continue
        if _BORDER.match(line):
            grid = _grid(lines, at)
            if grid is not None:
                tables.append(grid[0])
                taken.update(range(at, grid[1]))
            continue
        if not _COLUMNS.match(line):
            continue
        starts = [s for s, _ in _spans(line)]
        # the header: the lines above, up to a blank line or a multiline table's top rule
        top = at
        while top > 0 and lines[top - 1].strip() and not _RULE.match(lines[top - 1]) and at - top < 4:
            top -= 1
        multiline = top > 0 and _RULE.match(lines[top - 1]) is not None
        if top == at:
            continue  # no header: not a table pandoc writes this way (or not a table at all)
        table = Table()
        header = [_cells(lines[i], starts) for i in range(top, at)]
        table.rows.append((top, [join_pieces([h[k] for h in header]) for k in range(len(starts))]))
        end = at + 1
        if multiline:  # rows parted by blank lines, up to the closing rule
            row: list[list[str]] = []
            first = end
            while end < len(lines) and not _RULE.match(lines[end]):
                if lines[end].strip():
                    if not row:
                        first = end
                    row.append(_cells(lines[end], starts))
                elif row:
                    table.rows.append((first, [join_pieces([r[k] for r in row]) for k in range(len(starts))]))
                    row = []
                end += 1
            if end == len(lines):
                continue  # never closed: not a table
            if row:
                table.rows.append((first, [join_pieces([r[k] for r in row]) for k in range(len(starts))]))
            span = range(top - 1, end + 1)
        else:  # one line a row, up to a blank line
            while end < len(lines) and lines[end].strip() and not _RULE.match(lines[end]):
                table.rows.append((end, _cells(lines[end], starts)))
                end += 1
            span = range(top, end + (1 if end < len(lines) and _RULE.match(lines[end]) else 0))
        if len(table.rows) < 2:
            continue
        _stack_header(table)
        for i in span:
            table.lines[i] = "\t".join(_cells(lines[i], starts)) if not (_RULE.match(lines[i]) or i == at) else ""
        table.rules = set(span) - {i for i, _ in table.rows}
        taken.update(span)
        tables.append(table)
    return tables


def _stack_header(table: Table) -> None:
    """A second header row (the years under a merged 目标值, which pandoc writes as the first
    row, its first column empty) is read into the header, each column's labels top to bottom."""
    from revdiff.readers.html import join_pieces

    if len(table.rows) < 3:
        return
    (h_line, header), (_, first) = table.rows[0], table.rows[1]
    if not (first and not first[0] and any(first) and not any(re.fullmatch(r"[\d.,%％\s]+", c) for c in first if c)):
        return
    top = list(header)
    for k in range(1, len(top)):
        # a label over several columns stands in the first: 目标值 over 2025年 | 2027年
        if not top[k] and first[k] and first[k - 1] and top[k - 1]:
            top[k] = top[k - 1]
    table.rows[0:2] = [(h_line, [join_pieces([a, b]) if b else a for a, b in zip(top, first, strict=True)])]
