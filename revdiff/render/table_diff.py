"""Indicator tables shown as tables: rows paired by their measure, cells diffed one by one.

A pair's ``diff`` joins table rows with `` | `` (the JSON contract); diffed that way a
change runs across cells and rows (``90 | 预期性`` struck, ``8`` inserted).  For the report,
each row is matched to the row of the other side that names the same measure (first cell),
each pair of cells is diffed on its own (a formatting-only difference, ``——`` vs ``—``, is no
change), and a row that exists on one side only is marked as a whole row.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

from revdiff.diff import diff_texts
from revdiff.textkey import key

# Rows whose measures are at least this alike are the same row renamed (占GDP比重 → 占 GDP 比重
# is equal in key anyway; 年均增长率 → 增长率 is a renamed row, not a removed and an added one).
SAME_ROW = 0.6


def pair_rows(draft: list[list[str]], final: list[list[str]]) -> list[tuple[int | None, int | None]]:
    """(draft row index, final row index) in reading order; None on the side that lacks the row.

    The header rows (first on each side) pair with each other; other rows by the key of their
    first cell, then leftover rows by similarity in order.
    """
    if not draft or not final:
        return [(i, None) for i in range(len(draft))] + [(None, j) for j in range(len(final))]
    fkeys: dict[str, int] = {}
    for j, row in enumerate(final[1:], 1):
        fkeys.setdefault(key(row[0] if row else ""), j)
    match: dict[int, int] = {0: 0}
    used = {0}
    for i, row in enumerate(draft[1:], 1):
        partner = fkeys.get(key(row[0] if row else ""))
        if partner is not None and partner not in used:
            match[i] = partner
            used.add(partner)
    for i, row in enumerate(draft[1:], 1):
        if i in match:
            continue
        best = max(((SequenceMatcher(None, key(row[0] if row else ""), key(f[0] if f else "")).ratio(), j)
                    for j, f in enumerate(final) if j not in used), default=(0.0, -1))
        if best[0] >= SAME_ROW:
            match[i] = best[1]
            used.add(best[1])
    out: list[tuple[int | None, int | None]] = []
    j_next = 0
    for i in range(len(draft)):
        if i in match:
            # final rows before this one's partner that pair with nothing: added here
            for j in range(j_next, match[i]):
                if j not in used:
                    out.append((None, j))
            out.append((i, match[i]))
            j_next = max(j_next, match[i] + 1)
        else:
            out.append((i, None))
    out += [(None, j) for j in range(j_next, len(final)) if j not in used]
    return out


_DASHES = re.compile("[-—–－―]+")


def _same_cell(a: str, b: str) -> bool:
    """Equal but for formatting; a run of dashes (the "no value" mark: ——, —, －) is one dash."""
    return key(_DASHES.sub("—", a)) == key(_DASHES.sub("—", b))


def _cells(dcell: str, fcell: str) -> tuple[Markup, Markup]:
    if _same_cell(dcell, fcell):
        return Markup(escape(dcell)), Markup(escape(fcell))
    ops, formatting = diff_texts(dcell, fcell)
    fmt = set(formatting)
    d: list[str] = []
    f: list[str] = []
    for i, (op, text) in enumerate(ops):
        piece = str(escape(text))
        if op == 0 or i in fmt:
            (d if op <= 0 else f).append(piece)
            if op == 0:
                f.append(piece)
        elif op == -1:
            d.append(f"<del>{piece}</del>")
        else:
            f.append(f"<ins>{piece}</ins>")
    return Markup("".join(d)), Markup("".join(f))


def _table(rows: list[tuple[str, list[Markup]]]) -> Markup:
    out = ['<div class="itable-wrap"><table class="itable">']
    for n, (cls, cells) in enumerate(rows):
        tag = "th" if n == 0 and cls != "row-added" and cls != "row-removed" else "td"
        attr = f' class="{cls}"' if cls else ""
        out.append(f"<tr{attr}>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
    out.append("</table></div>")
    return Markup("".join(out))


def table_sides(draft: list[list[str]] | None, final: list[list[str]] | None) -> tuple[Markup, Markup]:
    """Both sides of a table pair as HTML tables (either may be empty: Markup(""))."""
    draft, final = draft or [], final or []
    drows: list[tuple[str, list[Markup]]] = []
    frows: list[tuple[str, list[Markup]]] = []
    for i, j in pair_rows(draft, final):
        if i is not None and j is not None:
            dr, fr = draft[i], final[j]
            width = max(len(dr), len(fr))
            pairs = [_cells(dr[k] if k < len(dr) else "", fr[k] if k < len(fr) else "") for k in range(width)]
            cls = "row-changed" if any("<del>" in a or "<ins>" in b for a, b in pairs) else ""
            drows.append((cls, [a for a, _ in pairs]))
            frows.append((cls, [b for _, b in pairs]))
        elif i is not None:
            drows.append(("row-removed", [Markup(f"<del>{escape(c)}</del>") for c in draft[i]]))
        elif j is not None:
            frows.append(("row-added", [Markup(f"<ins>{escape(c)}</ins>") for c in final[j]]))
    return (_table(drows) if drows else Markup(""), _table(frows) if frows else Markup(""))
