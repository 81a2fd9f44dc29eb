"""Invisible formatting characters: removed after reading, and said so.

A zero-width space inside ``50万元`` makes a reader of amounts see ``5`` and ``0万元``; an
RTL override makes a page display ``50万元`` while the text says ``元万05``.  Neither is
anything a reader of the document sees, so every reader's output passes through
``strip_invisible``: the characters are removed from the blocks (offsets of their line maps
moved accordingly) and one warning per document names how many there were and on which
lines, so the report shows what was done instead of silently trusting or hiding it.
"""

from __future__ import annotations

import re
from collections import Counter

from revdiff.model import RawDoc

# Unicode's "format" characters (category Cf; a test checks this class against
# unicodedata): zero-width spaces and joiners, bidirectional marks, embeddings, overrides and
# isolates, the word joiner, a BOM inside the text, the soft hyphen, tag characters.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def _strip(text: str, line_map: list[tuple[int, int, int | None]]) -> tuple[str, list[tuple[int, int, int | None]], str]:
    """``text`` without invisible characters, its line map moved to match, and what went."""
    gone = [m.start() for m in _INVISIBLE.finditer(text)]
    if not gone:
        return text, line_map, ""
    removed = "".join(text[i] for i in gone)
    clean = _INVISIBLE.sub("", text)
    moved = []
    for offset, line, page in line_map:
        before = sum(1 for i in gone if i < offset)
        moved.append((offset - before, line, page))
    return clean, moved, removed


def strip_invisible(raw: RawDoc) -> None:
    """Remove invisible formatting characters from ``raw``'s blocks and warn about them."""
    counts: Counter[str] = Counter()
    lines: list[int] = []
    for block in raw.blocks:
        block.text, block.line_map, removed = _strip(block.text, block.line_map)
        if block.cells is not None:
            cells = []
            for cell in block.cells:
                cell_text, _, cell_removed = _strip(cell, [])
                cells.append(cell_text)
                removed += cell_removed
            block.cells = cells
        if removed:
            counts.update(removed)
            lines.append(block.line)
    if not counts:
        return
    kinds = "、".join(f"U+{ord(c):04X}×{n}" for c, n in sorted(counts.items()))
    where = "、".join(str(n) for n in lines[:10]) + ("…" if len(lines) > 10 else "")
    total = sum(counts.values())
    raw.warnings.append(
        f"已删除 {total} 个不可见的格式字符（{kinds}），在第 {where} 行：它们不显示，却会改变数字和文字的比较 / "
        f"removed {total} invisible formatting characters ({kinds}) on lines {where}: "
        "they do not show but would change how numbers and words compare"
    )
