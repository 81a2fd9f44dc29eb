"""Code points a font's glyph map gives for what the document typed: put back as typed.

A CJK font draws 车 and the radical ⻋ with one glyph, so a PDF whose text map names the glyph
by the radical's code point (Chromium's "print to PDF" with Noto CJK, some Office exports) is
copied and extracted as ⻋, ⻚, ⼈ — characters that look the same and compare as different.
Unicode's Kangxi Radicals block has compatibility mappings to the unified ideographs (NFKC);
the simplified forms of the CJK Radicals Supplement have none, so the standalone characters
among them are mapped here as Unicode's EquivalentUnifiedIdeograph.txt maps them.  The same
PDFs name the full-width space 　 (U+3000, one em wide) by the em space (U+2003), which
heading and article patterns do not take for the space a 公文 types.  Each replacement is one
character for one, so line maps stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from revdiff.model import RawDoc

# CJK Radicals Supplement forms that are characters of running text (EquivalentUnifiedIdeograph.txt)
_SUPPLEMENT = {
    "⺁": "厂", "⺌": "小", "⺒": "巳", "⺓": "幺", "⺜": "日", "⺝": "月", "⺟": "母", "⺠": "民", "⺧": "牛",
    "⺩": "王", "⺫": "目", "⺬": "示", "⺻": "聿", "⺼": "月", "⺽": "臼", "⻁": "虎", "⻄": "西", "⻅": "见",
    "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长", "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦",
    "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟",
    "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}


@cache
def _table() -> dict[int, str]:
    table = {ord(k): v for k, v in _SUPPLEMENT.items()}
    table[0x2003] = "\u3000"
    for code in range(0x2F00, 0x2FD6):  # Kangxi Radicals: every one has an NFKC mapping
        table[code] = unicodedata.normalize("NFKC", chr(code))
    return table


# the two radical blocks and the em space (a range of 352 code points: cheap to compile)
_RADICAL = re.compile("[\u2e80-\u2fdf\u2003]")


def _has_radical(text: str) -> bool:
    return _RADICAL.search(text) is not None  # in C: this runs over every line of every input


def unify_glyphs(raw: RawDoc) -> None:
    """Replace radical code points and em spaces in ``raw``'s blocks by the characters typed; say
    how many radicals there were."""
    total = 0
    for block in raw.blocks:
        if _has_radical(block.text):
            fixed = block.text.translate(_table())
            total += sum(a != b and a != "\u2003" for a, b in zip(block.text, fixed, strict=True))
            block.text = fixed
        if block.cells is not None and any(_has_radical(c) for c in block.cells):
            block.cells = [c.translate(_table()) for c in block.cells]
    for block in raw.dropped:  # furniture is shown in the report too: the same characters
        block.text = block.text.translate(_table()) if _has_radical(block.text) else block.text
    if total:
        raw.warnings.append(
            f"已将 {total} 个部首码位（如 ⻋、⼈）换为对应汉字：字体的字形表把它们当作汉字输出 / "
            f"replaced {total} radical code points (such as ⻋, ⼈) by the characters the font drew"
        )
