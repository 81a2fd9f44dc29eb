"""Tables with merged cells, one value per column: shared by the .docx, HTML and Markdown readers.

A table arrives as rows of cells, each cell with the columns it spans and its place in a
vertical merge.  Word writes every row's cells (a merged continuation is an empty ``w:tc``);
HTML leaves a ``rowspan`` cell out of the rows below it, so ``html_grid`` puts the
continuation back.  ``table_rows`` then gives one value per grid column, so that the columns
of every row line up with the header's: an indicator table's 2025年 / 2027年 target columns under
a merged 目标值 are the third and fourth column of every row, not the first and second of one.
"""

from __future__ import annotations

from typing import Any

# (text, columns it spans, vertical merge: "restart", "continue" or None)
Cell = tuple[str, int, str | None]
MAX_SPAN = 64  # a span beyond any real table's width is a damaged or hostile file: cap it


def spread(row: list[Cell], repeat: bool) -> list[str]:
    """A row's values one per grid column: a cell spanning n columns fills n of them (its
    text in each when ``repeat``, else in the first) so that columns line up with the rows
    below; a vertically merged continuation is empty (the text is printed once)."""
    out: list[str] = []
    for text, span, _ in row:
        out.extend([text] * span if repeat else [text] + [""] * (span - 1))
    return out


def grouped_header_rows(grid: list[list[Cell]]) -> int:
    """How many rows at the top form one grouped header: rows tied by vertical merges
    (指标 | 单位 spanning two rows) above which a cell spans columns (目标值 over the years)."""
    if not grid or not any(span > 1 for _, span, _ in grid[0]):
        return 1
    rows = 1
    while rows < min(len(grid), 4) and any(v == "continue" for _, _, v in grid[rows]):
        rows += 1
    return rows


def table_rows(grid: list[list[Cell]]) -> list[tuple[int, list[str]]]:
    """The table's rows as (index of the grid row it starts at, one value per column).

    A grouped header (目标值 over 2025年 | 2027年) is one header row, as a reader reads it:
    each column's labels top to bottom.
    """
    from revdiff.readers.html import join_pieces

    out: list[tuple[int, list[str]]] = []
    head = grouped_header_rows(grid)
    start = 0
    if head > 1:
        stacked = [spread(row, repeat=True) for row in grid[:head]]
        out.append((0, [join_pieces(dict.fromkeys(col)) for col in zip(*stacked, strict=False)]))
        start = head
    out.extend((k, spread(row, repeat=False)) for k, row in enumerate(grid[start:], start))
    return out


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _covered(covering: dict[int, tuple[int, int]], col: int, row: list[Cell]) -> int:
    """Put the continuations of the rowspans that cover column ``col`` on; the next free column."""
    while col in covering:
        left, span = covering.pop(col)
        row.append(("", span, "continue"))
        if left > 1:
            covering[col] = (left - 1, span)
        col += span
    return col


def html_grid(rows: list[list[Any]], text: Any) -> list[list[Cell]]:
    """The grid of an HTML table from its rows of ``td``/``th`` elements (``text``: a cell's
    text), with the cells a ``rowspan`` above covers put back as continuations."""
    grid: list[list[Cell]] = []
    covering: dict[int, tuple[int, int]] = {}  # column → (rows still covered, columns spanned)
    for tr in rows:
        row: list[Cell] = []
        started: dict[int, tuple[int, int]] = {}  # this row's rowspans: they cover the rows below
        col = 0
        for cell in tr:
            col = _covered(covering, col, row)
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            row.append((text(cell), span, "restart" if down > 1 else None))
            for k in [k for k in covering if col < k < col + span]:
                del covering[k]  # a malformed table: this cell lies over a rowspan's column
            if down > 1:
                started[col] = (down - 1, span)
            col += span
        col = _covered(covering, col, row)
        for nxt in sorted(k for k in covering if k > col):  # past this short row's last cell
            row.append(("", nxt - col, None))  # the cells the short row leaves out
            col = _covered(covering, nxt, row)
        covering |= started
        grid.append(row)
    return grid
