"""Heading and item markers of Chinese official documents (GB/T 9704 and its variants).

``一、`` → ``（一）`` → ``1.`` → ``（1）``; laws use ``第一章`` / ``第一节`` / ``第一条``;
``专栏N`` opens a box; ``一是…`` and ``--`` are items.  A marker's *style* says how it is
written; its level is decided later by context (structure.py), not by shape alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "[一二三四五六七八九十百零〇两]+"
# A Chinese character — or a letter of another script (kana, hangul …): not a digit, not ASCII.
# Written with categories, not as the CJK range [\u4e00-\u9fff]: ``re`` compiles a range by
# setting each of its 21 000 code points in a Python loop (≈ 1 ms a pattern, paid by every run).
HAN = r"[^\W\d_A-Za-z]"


def cn_to_int(s: str) -> int:
    """Value of a Chinese numeral such as 十二 or 二十一 (0 when it is not one)."""
    if not s:
        return 0
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return 0
    return total + cur


@dataclass(frozen=True)
class Marker:
    """A recognised marker at the start of a line."""

    style: str  # cn-dun 一、 | cn-paren （一） | ar-dot 1. | ar-dun 1、 | ar-paren （1） | chapter | jie | article | box | shi 一是 | dash --
    family: str  # styles of one family continue each other's numbering (1、 2、 三、)
    value: int
    number: str  # as written, e.g. "（二）", "1.", "专栏3"
    rest: str  # the line after the marker, leading spaces removed


_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("chapter", "chapter", re.compile(rf"^(第({CN_NUM}|\d+)章)\s*")),
    ("jie", "jie", re.compile(rf"^(第({CN_NUM}|\d+)节)\s*")),
    ("article", "article", re.compile(rf"^(第\s*({CN_NUM}|\d+)\s*条)\s*")),  # 第 1 条 (plans of some offices)
    ("box", "box", re.compile(r"^(专栏\s*(\d+|" + CN_NUM + r")?)[\s\u3000:：]*")),
    ("cn-paren", "paren", re.compile(rf"^([（(]\s*({CN_NUM})\s*[）)])\s*")),
    ("ar-paren", "paren", re.compile(r"^([（(]\s*(\d{1,3})\s*[）)])\s*")),
    ("shi", "shi", re.compile(rf"^(({CN_NUM})是)(?={HAN}|[“《])")),
    ("cn-dun", "dun", re.compile(rf"^(({CN_NUM})\s*[、．.])\s*")),
    ("ar-dun", "dun", re.compile(r"^((\d{1,3})\s*、)\s*")),
    ("ar-dot", "dot", re.compile(r"^((\d{1,3})\s*[.．](?!\d))\s*")),
    ("dash", "dash", re.compile(rf"^((?:--|——|－－|—|-|•|·|●|■|◆|\*|\+))\s*(?={HAN}|[“《])")),
]


# A Word → Markdown converter puts heading marks before the document's own numbers
# ("## 一 、…"); the number decides the level, the mark is kept in ``number`` as written.
_CONVERTER_MARK = re.compile(r"^#{1,6}[ \t]+")


def match_marker(line: str) -> Marker | None:
    """The marker that starts ``line``, or None.  ``line`` should be stripped."""
    if not line:
        return None
    mark = _CONVERTER_MARK.match(line)
    body = line[mark.end() :] if mark else line
    for style, family, pat in _PATTERNS:
        m = pat.match(body)
        if not m:
            continue
        number = (mark.group(0) if mark else "") + m.group(1)
        rest = body[m.end() :]
        if style == "dash":
            value = 0
        elif style == "box":
            value = cn_to_int(m.group(2) or "0")
            if not rest.strip() and not m.group(2):
                return None
        else:
            value = cn_to_int(unicodedata.normalize("NFKC", m.group(2)))
            if value == 0:
                continue
        if not rest.strip() and style not in ("box",):
            return None  # a bare number is a page number or a table cell, not a heading
        if style in ("ar-dot", "ar-dun") and re.match(r"^\d", rest):
            continue
        if style in ("ar-dot", "ar-dun", "ar-paren") and re.match(r"^(?:[%％万亿倍个件家元年月日项]|平方|公里)", rest):
            continue  # "3.5倍", "2、3年" are quantities, not markers
        return Marker(style=style, family=family, value=value, number=number.strip(), rest=rest.lstrip(" \u3000\t"))
    return None


def is_structural_start(line: str) -> bool:
    """True when ``line`` begins a new heading, box or item (so it never continues a wrap)."""
    m = match_marker(line)
    return m is not None and m.style not in ("dash",) or line.startswith("附件")


def split_inline_title(rest: str, style: str = "") -> tuple[str, str]:
    """Split "指导思想。以…" into (title, body); a title-only line has an empty body.

    The title ends at the first 。 (or ！/？) when that comes early enough to be a title.
    Arabic-numbered items whose first sentence has a comma are sentences, not titles
    ("1.依托…联盟，强化…。"); chapter-style headings may carry a comma ("…保护，优化营商环境").
    """
    rest = rest.strip()
    m0 = re.search(r"[。！？!?]", rest)
    if style.startswith(("ar-", "shi", "dash")) and m0 is not None and re.search(r"[，,]", rest[: m0.start()]):
        return "", rest
    m = re.search(r"[。！？!?]", rest)
    if m is None:
        if len(rest) <= 40 and not re.search(r"[，；,;]", rest):
            return rest, ""
        return "", rest  # a numbered paragraph with no title of its own
    if not rest[m.end() :].strip() and re.search(r"[，,].*\d|\d.*[，,]", rest[: m.start()]):
        # one whole sentence with a clause and a figure ("（一）对新认定的…，每件给予最高10万元资助。"):
        # a numbered paragraph, whose sentence (and its amount) is body to compare, not a title
        return "", rest
    if m.start() <= 40 and not re.search(r"[；;]", rest[: m.start()]):
        return rest[: m.start()], rest[m.end() :].strip()
    return "", rest


def _values(number: str) -> tuple[int, ...]:
    """Every ordinal in a written number: 三、 → (3,), 第十条之一 → (10, 1)."""
    return tuple(cn_to_int(n) for n in re.findall(rf"\d+|{CN_NUM}", unicodedata.normalize("NFKC", number)))


def renumbered(a: str, b: str) -> bool:
    """True when two headings' numbers stand for different ordinals (三、 → 一、).

    Writing the same ordinal another way (1、 → 一、, (一) → （一）, -- → ——) is not renumbering;
    第十条 → 第十条之一 is.
    """
    if not a or not b:
        return False
    va, vb = _values(a), _values(b)
    if va and vb:
        return va != vb
    from revdiff.textkey import key

    return key(a) != key(b)
