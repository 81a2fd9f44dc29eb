"""The law and regulation genre (法律, 条例, 规章, 管理办法): 编 → 分编 → 章 → 节 → 条.

The 条 (article) is the unit that is compared.  Inside an article, its unnumbered paragraphs
are 款, its （一） lines 项 and its 1. lines 目: parts of the article's body, never sections
of their own.  An article has a number and a body and no title, except a 【条旨】 right after
its number.  Before the first heading stand the 题注 (adoption and amendment history) and
often a 目录 that lists every chapter: both are the part's preamble, never sections.
Markdown heading marks (``## 第一章 总则``) and bold marks (``**第四条**``) are formatting:
they are removed from the text and kept with what cleaning dropped, for accounting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from revdiff.genres import Genre, Pins
from revdiff.model import Block, Node, Part, SectionPair
from revdiff.numbering import CN_NUM, cn_to_int, match_marker

if TYPE_CHECKING:
    from revdiff.align import Link
    from revdiff.diff import Op
    from revdiff.structure import Unit

NUM = rf"(?:{CN_NUM}|\d+)"
SPACE = " \t\u3000\xa0"
# Heading units outermost first; an article (条) is the innermost, the unit compared.
UNITS = ("编", "分编", "章", "节", "条")
_RANK = {u: r for r, u in enumerate(UNITS)}
_MARK = re.compile(rf"#{{1,6}}(?=[{SPACE}]|第)|\*\*")  # a Markdown heading mark or a bold mark
_HEADING = re.compile(rf"第[{SPACE}]*({NUM})[{SPACE}]*(分编|编|章|节)")
_ARTICLE = re.compile(rf"第[{SPACE}]*({NUM})[{SPACE}]*条(?:[{SPACE}]*之[{SPACE}]*({NUM}))?")
_TIAOZHI = re.compile(r"【([^【】\n]{1,40})】")
# punctuation some copies put after an article or chapter number (第一条：…, 第二条．…): layout,
# neither title nor body
_AFTER_NUMBER = frozenset("：:．")
# what follows 第X条 when the line cites an article rather than opens one (第十条规定的…)
_CITING = re.compile(r"(?:第|规定|所|中|的|至|、|和|或|及)")


# The formulas every penalty article repeats (违反本法规定……的，由……责令改正，处……罚款；
# 情节严重的……；构成犯罪的，依法追究刑事责任): what tells two penalty articles apart is the
# conduct they punish, so the aligner compares articles without these (genres/law_align.py).
_FORMULAS = re.compile("|".join([
    r"违反本(?:法|条例|办法|规定|细则|决定|规则)(?:第[^，。；,.;]{1,16}条(?:第[^，。；,.;]{1,6}款)?)?(?:的)?(?:有关)?规定[，,]?",
    r"由[^，。；,.;]{2,40}?责令(?:限期|停止违法行为|立即)?(?:改正|停止违法行为)[，,；;]?",
    r"(?:并|可以|可)?处[^，。；,.;]{0,24}?(?:以上|以下)[^，。；,.;]{0,24}?罚款",
    r"没收违法所得(?:和[^，。；,.;]{1,20})?[，,；;]?",
    r"(?:情节严重|拒不改正)的[，,]?",
    r"对(?:负有责任的领导人员|直接负责的主管人员)和(?:其他)?直接责任人员(?:由[^，。；,.;]{1,20})?依法给予处分",
    r"依法给予(?:行政)?处分",
    r"构成犯罪的[，,]依法追究刑事责任",
]))


def matching_text(text: str) -> str:
    """``text`` without the formulas of penalty articles (what the article map compares on)."""
    return _FORMULAS.sub("", text)


@dataclass
class LawLine:
    """A heading or article line as the law genre reads it."""

    unit: str  # 编 分编 章 节 条
    number: str  # as written without spaces: 第二章, 第十条之一
    value: tuple[int, int]  # (10, 1) for 第十条之一
    title: str  # a chapter's name without inner spaces; an article's 【条旨】 or ""
    body_at: int  # where the body starts in the line (len(line) when there is none)
    sep: str  # a colon after the number and the brackets of a 【条旨】, kept for accounting
    marks: str  # Markdown / bold marks removed from the line


def _skip(text: str, i: int, marks: list[str]) -> int:
    """Index after spaces and formatting marks at ``i``; the marks go to ``marks``."""
    while i < len(text):
        if text[i] in SPACE:
            i += 1
            continue
        m = _MARK.match(text, i)
        if m is None:
            break
        marks.append(m.group(0))
        i = m.end()
    return i


def read_line(text: str) -> LawLine | None:
    """The heading or article that ``text`` opens, or None for a body line."""
    marks: list[str] = []
    i = _skip(text, 0, marks)
    m = _HEADING.match(text, i)
    if m is not None:
        unit = m.group(2)
        j = _skip(text, m.end(), marks)
        punct = text[j] if text[j : j + 1] in _AFTER_NUMBER else ""
        j = _skip(text, j + len(punct), marks)
        rest = text[j:]
        tail = re.search(r"\*\*[" + SPACE + r"]*$", rest)
        if tail:
            marks.append("**")
            rest = rest[: tail.start()]
        title = re.sub(f"[{SPACE}]+", "", rest)
        if len(title) > 30 or re.search(r"[。；，,;]", title):
            return None  # a sentence that starts with 第二章…, not a heading
        number = f"第{m.group(1)}{unit}"
        return LawLine(unit, number, (_int(m.group(1)), 0), title, len(text), punct, "".join(marks))
    m = _ARTICLE.match(text, i)
    if m is None:
        return None
    j = _skip(text, m.end(), marks)
    if j == m.end() and _CITING.match(text, j):
        return None
    number = re.sub(f"[{SPACE}]+", "", m.group(0))
    title, sep = "", ""
    if text[j : j + 1] in _AFTER_NUMBER:  # 第一条：…, as some web copies write it
        sep = text[j]
        j = _skip(text, j + 1, marks)
    t = _TIAOZHI.match(text, j)
    if t is not None:
        title, sep = t.group(1).strip(SPACE), sep + "【】"
        j = _skip(text, t.end(), marks)
    value = (_int(m.group(1)), _int(m.group(2)) if m.group(2) else 0)
    return LawLine("条", number, value, title, j, sep, "".join(marks))


def _title_line(text: str) -> tuple[str, str] | None:
    """(name without spaces, formatting marks) when ``text`` can be the name of a chapter
    whose number stood alone on the line before: a short line, no sentence, no number of its
    own; None otherwise."""
    marks: list[str] = []
    rest = text[_skip(text, 0, marks):]
    tail = re.search(r"\*\*[" + SPACE + r"]*$", rest)
    if tail:
        marks.append("**")
        rest = rest[: tail.start()]
    title = re.sub(f"[{SPACE}]+", "", rest)
    if not title or len(title) > 30 or re.search(r"[。；，,;：:]", title) or match_marker(title):
        return None
    return title, "".join(marks)


def _int(numeral: str) -> int:
    return cn_to_int(unicodedata.normalize("NFKC", numeral))


def number_key(number: str) -> tuple[int, int] | None:
    """(10, 1) for 第十条之一 or 第10条之一; None when ``number`` is not an article number."""
    line = read_line(number + " ")
    return line.value if line is not None and line.unit == "条" else None


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (款 and 目 are counted, not written, in an article)."""
    digits = "一二三四五六七八九"
    if n >= 100:  # no article has a hundred 款, but a long 题注 or table diffed line by line can
        return str(n)
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else digits[tens - 1]) + "十" if tens else ""
    return head + (digits[ones - 1] if ones else "")


def clauses(text: str) -> list[tuple[str, str, str]]:
    """The 款, 项 and 目 of an article's body in order: (unit, label, paragraph).

    Labels are as reviewers cite them: 第二款, 第一款第（三）项, 第一款第（三）项第2目; a 项 is a
    （一） line, a 目 a 1. line, a 款 any other paragraph.
    """
    return list(_clauses(text))


@lru_cache(maxsize=4096)  # the report, the article map and the reference rule read each body again
def _clauses(text: str) -> tuple[tuple[str, str, str], ...]:
    """``clauses(text)``, computed once per body."""
    out: list[tuple[str, str, str]] = []
    kuan, xiang = 0, ""
    for para in text.split("\n"):
        if not para.strip():
            continue
        m = match_marker(para.strip(SPACE))
        style = m.style if m else ""
        if style == "cn-paren" and m is not None:
            xiang = m.number
            out.append(("项", f"第{_cn(max(kuan, 1))}款第{xiang}项", para))
        elif style in ("ar-dot", "ar-dun", "ar-paren") and m is not None:
            where = f"第{_cn(max(kuan, 1))}款" + (f"第{xiang}项" if xiang else "")
            out.append(("目", f"{where}第{m.value}目", para))
        else:
            kuan, xiang = kuan + 1, ""
            out.append(("款", f"第{_cn(kuan)}款", para))
    return tuple(out)


@lru_cache(maxsize=4096)  # clause_changes and item_map compare the same bodies
def _clause_keys(text: str) -> tuple[str, ...]:
    """Each 款/项/目 of a body as it is matched: without its 项/目 number, formatting aside."""
    from revdiff.textkey import key

    out = []
    for unit, _, para in _clauses(text):
        m = match_marker(para.strip(SPACE)) if unit != "款" else None
        out.append(key(m.rest if m else para))
    return tuple(out)


def clause_counts(text: str) -> dict[str, int]:
    """How many 款, 项 and 目 an article has (a 款 that lists 项 counts once)."""
    counts = {"款": 0, "项": 0, "目": 0}
    for unit, _, _ in clauses(text):
        counts[unit] += 1
    return counts


def clause_changes(draft: str, final: str) -> list[dict[str, str | None]]:
    """Which 款/项/目 of an article changed: ``{"draft": "第二款", "final": "第二款",
    "change": "modified"}``, or ``added`` / ``removed`` with ``None`` on the missing side
    (``link_moved_clauses`` then marks those that went to another article ``moved``).

    Paragraphs are matched as ``clause_pairs`` matches them.
    """
    a, b = clauses(draft), clauses(final)
    ka, kb = _clause_keys(draft), _clause_keys(final)
    out: list[dict[str, str | None]] = []
    for i, j in clause_pairs(draft, final):
        if i is not None and j is not None and ka[i] == kb[j]:
            continue
        change = "modified" if i is not None and j is not None else "removed" if i is not None else "added"
        out.append({"draft": a[i][1] if i is not None else None, "final": b[j][1] if j is not None else None,
                    "change": change})
    return out


SAME_CLAUSE = 40  # similarity (0–100) of two paragraphs for one to be the other reworded
PAIRED_BEST_FIRST = 400  # at most this many paragraph pairs weighed in one replaced stretch


@lru_cache(maxsize=4096)  # clause_changes and the reference rule align the same bodies
def clause_pairs(draft: str, final: str) -> tuple[tuple[int | None, int | None], ...]:
    """The 款/项/目 of two bodies of one article aligned, in reading order: (i, j) indexes into
    ``clauses`` of each, None on the side a paragraph is missing from.

    Paragraphs are matched in order on their text without the 项/目 number (an item that only
    moved up or down the list is no change), formatting aside, as a line diff does.  Where
    paragraphs were replaced, the most alike pair is matched and the rest on each side of it: a
    款 deleted before one that was reworded shows as deleted, the reworded one as modified (not
    the deleted one modified and the last one deleted).  A 项 that keeps its number and is still
    alike is the same 项 reworded, though a new 项 after it took over some of its words (a 项
    split in two: the first keeps the number).  Paragraphs with nothing alike are paired in order.
    """
    from difflib import SequenceMatcher

    ka, kb = _clause_keys(draft), _clause_keys(final)
    labels = ([label for _u, label, _p in _clauses(draft)], [label for _u, label, _p in _clauses(final)])
    out: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            out += _pair_block(ka, kb, labels, i1, i2, j1, j2)
    return tuple(out)


def _pair_block(ka: tuple[str, ...], kb: tuple[str, ...], labels: tuple[list[str], list[str]],
                i1: int, i2: int, j1: int, j2: int) -> list[tuple[int | None, int | None]]:
    """Paragraphs ka[i1:i2] and kb[j1:j2] (replaced, deleted or inserted) paired best first;
    ``labels``: each side's paragraph labels (第一款第（二）项)."""
    from rapidfuzz.fuzz import ratio

    if i1 < i2 and j1 < j2 and "项" in labels[0][i1] and labels[0][i1] == labels[1][j1] and (
            ratio(ka[i1], kb[j1]) >= SAME_CLAUSE):  # the same-numbered 项, still alike
        return [(i1, j1)] + _pair_block(ka, kb, labels, i1 + 1, i2, j1 + 1, j2)
    # (a long stretch rewritten throughout, a big table, is paired in order: weighing every
    # pair of its paragraphs would cost more than it tells)
    small = (i2 - i1) * (j2 - j1) <= PAIRED_BEST_FIRST
    best = max(((ratio(ka[i], kb[j]), i, j) for i in range(i1, i2) for j in range(j1, j2)), default=None) if small else None
    if best is None or best[0] < SAME_CLAUSE:
        both = min(i2 - i1, j2 - j1)
        return ([(i1 + k, j1 + k) for k in range(both)] + [(i, None) for i in range(i1 + both, i2)]
                + [(None, j) for j in range(j1 + both, j2)])
    _, i, j = best
    return (_pair_block(ka, kb, labels, i1, i, j1, j) + [(i, j)]
            + _pair_block(ka, kb, labels, i + 1, i2, j + 1, j2))


def article_diff(draft: str, final: str, words: bool = False) -> tuple[list[Op], list[int]]:
    """Diff two bodies of one article 款 by 款 (paired as ``clause_pairs`` pairs them): a 款
    deleted is struck whole and one inserted underlined whole, not interleaved character by
    character with its neighbours.  Same return as ``diff.diff_texts``."""
    from revdiff.diff import concat, diff_texts

    dl, fl = draft.split("\n"), final.split("\n")
    if len(dl) == len(fl) == 1 or len(clauses(draft)) != len(dl) or len(clauses(final)) != len(fl):
        return diff_texts(draft, final, words)  # one paragraph, or blank lines between them
    parts: list[tuple[list[Op], list[int]]] = []
    for i, j in clause_pairs(draft, final):
        if i is not None and j is not None:
            parts.append(diff_texts(dl[i], fl[j], words))
        else:
            parts.append(([(-1, dl[i])] if i is not None else [(1, fl[j])] if j is not None else [], []))
        d_line, f_line = i is not None and i < len(dl) - 1, j is not None and j < len(fl) - 1
        if d_line or f_line:  # the line break after the paragraph, on the side(s) it is on
            parts.append(([(0 if d_line and f_line else -1 if d_line else 1, "\n")], []))
    return concat(parts)


def kuan_map(draft: str, final: str) -> dict[int, int]:
    """Each 款 of the draft body (1, 2 …) → its number in the final body, where it is still
    there (the same text or reworded in its place) though 款 were inserted or deleted above it."""
    a, b = clauses(draft), clauses(final)
    da, db = _kuan_numbers(draft), _kuan_numbers(final)
    return {da[i]: db[j] for i, j in clause_pairs(draft, final)
            if i is not None and j is not None and a[i][0] == b[j][0] == "款"}


@lru_cache(maxsize=4096)
def _kuan_numbers(text: str) -> tuple[int, ...]:
    """The number of the 款 each paragraph of ``clauses(text)`` stands in."""
    out, n = [], 0
    for unit, _, _ in _clauses(text):
        n += unit == "款"
        out.append(max(n, 1))
    return tuple(out)


def kuan_at(text: str, offset: int) -> int:
    """The number of the 款 of body ``text`` that holds the character at ``offset``."""
    numbers = _kuan_numbers(text)
    before = sum(1 for para in text[:offset].split("\n")[:-1] if para.strip())  # paragraphs above
    return numbers[min(before, len(numbers) - 1)] if numbers else 1


def link_moved_clauses(pairs: list[SectionPair]) -> None:
    """Mark a 款/项 removed from one article and added, worded the same, to another ``moved``
    (with ``to`` / ``from``: the other article and label), not a deletion and an addition: a
    revision that moves a 款 between articles moves its rule, it does not drop it.  A deleted
    article's 款 that went to another article, and a new article's 款 that came from one, are
    marked on the article that has ``clauses`` (a deleted or new article has none)."""
    from revdiff.textkey import key

    Spot = tuple[SectionPair, dict[str, str | None] | None, str]  # pair, its clauses entry, label

    def spots(side: str, change: str) -> dict[str, list[Spot]]:
        out: dict[str, list[Spot]] = {}
        for p in pairs:
            node, other = (p.draft_node, p.final_node) if side == "draft" else (p.final_node, p.draft_node)
            if node is None or node.unit != "条":
                continue
            paragraphs = {label: para for _u, label, para in clauses(node.text)}
            if other is None:  # a whole article deleted (or new): each of its paragraphs
                for label, para in paragraphs.items():
                    out.setdefault(key(para), []).append((p, None, label))
            for c in p.clauses or []:
                at = c[side]
                if c["change"] == change and at is not None and at in paragraphs:
                    out.setdefault(key(paragraphs[at]), []).append((p, c, at))
        return out

    gone = spots("draft", "removed")
    for text, arrivals in spots("final", "added").items():
        for p, c, label in arrivals:
            source = next(((q, r, was) for q, r, was in gone.get(text, []) if q is not p and (r or c)
                           and (r is None or r["change"] == "removed")), None)
            if not text or source is None:
                continue
            q, r, was = source
            assert q.draft_node is not None and p.final_node is not None
            if r is not None:
                r["change"], r["to"] = "moved", f"{p.final_node.number}{label}"
            if c is not None:
                c["change"], c["from"] = "moved", f"{q.draft_node.number}{was}"


def item_map(draft: str, final: str) -> dict[str, str]:
    """Each 项/目 of the draft article's body → its label in the final one, where the item is
    still there (the same text, or reworded in its place) though items were inserted or
    deleted above it: 第一款第（三）项 → 第一款第（四）项 (paired as ``clause_pairs`` pairs them)."""
    a, b = clauses(draft), clauses(final)
    return {a[i][1]: b[j][1] for i, j in clause_pairs(draft, final)
            if i is not None and j is not None and a[i][0] == b[j][0]}


def detect(lines: list[str]) -> float:
    """Share of the document's main numbered lines that are articles (第X条) rather than
    plan headings (一、); a document needs three articles to be read as a law."""
    articles = plan = higher = 0
    for line in lines:
        law = read_line(line)
        if law is not None:
            articles += law.unit == "条"
            higher += law.unit != "条"
            continue
        m = match_marker(line.strip(SPACE))
        plan += m is not None and m.style == "cn-dun"
    if plan >= 2 and not higher:
        # 一、 headings over the 第N条: a plan (若干措施) whose items are numbered as articles;
        # a law groups its articles in 章/节, never under 一、
        return 0.0
    return articles / (articles + plan) if articles >= 3 else 0.0


def _toc_end(units: list[Unit]) -> int:
    """Index of the unit where the text proper starts after a 目录, else 0.

    A 目录 lists the chapters before the first article; the text then repeats them, so the
    first heading seen a second time before any article is where the text starts.  A heading
    is known by its number within the headings above it: 第一节 of 第三章 is not 第一节 of 第四章.
    """
    seen: set[tuple[tuple[str, tuple[int, int]], ...]] = set()
    path: list[tuple[str, tuple[int, int]]] = []  # the headings the current one stands under
    for i, u in enumerate(units):
        if u.kind != "line":
            continue
        law = read_line(u.block.text)
        if law is None:
            continue
        if law.unit == "条":
            return 0
        rank = _RANKS.index(law.unit)
        path = [p for p in path if _RANKS.index(p[0]) < rank] + [(law.unit, law.value)]
        if tuple(path) in seen:
            return i
        seen.add(tuple(path))
    return 0


_RANKS = ("编", "分编", "章", "节", "条")


_NOTE = re.compile(r"[\[［【](\d{1,3})[\]］】]")  # a footnote mark, [1]
_NOTES_HEAD = re.compile(rf"^[{SPACE}]*(?:注释|注解|脚注|注)[{SPACE}]*[:：]?[{SPACE}]*$")


def _notes(units: list[Unit]) -> set[int]:
    """Indexes of the units that are a legal database's footnotes: lines opening with a mark
    ``[1]`` that the text above uses inline (…的罚款。[1]), every line opening with a mark
    after the first such note (the rest of the list), and a 注释： line heading them."""
    lines = [(i, u.block.text) for i, u in enumerate(units) if u.kind == "line"]
    inline: set[str] = set()
    out: set[int] = set()
    for i, text in lines:
        start = _NOTE.match(text.lstrip(SPACE))
        if start is not None and (start.group(1) in inline or out):
            out.add(i)
            continue
        inline.update(m.group(1) for m in _NOTE.finditer(text))
    for (i, text), (j, _) in zip(lines, lines[1:], strict=False):
        if j in out and _NOTES_HEAD.match(text):
            out.add(i)
    return out


def _trailer(units: list[Unit]) -> int:
    """Index of the unit where a database's matter after the last article starts, else
    ``len(units)``: a heading the format marks (Markdown ``## 修改记录``, a Word heading style)
    that is no 编/章/节/条 and stands after the last article (a revision history, related
    laws).  A law's own text after its articles has no such heading, except what it annexes
    (附件, 附表, 附录: compared as the law's)."""
    last = max((i for i, u in enumerate(units)
                if u.kind == "line" and (law := read_line(u.block.text)) is not None and law.unit == "条"), default=None)
    if last is None:
        return len(units)
    return next((i for i in range(last + 1, len(units)) if units[i].kind == "line"
                 and units[i].block.style_level is not None and read_line(units[i].block.text) is None
                 and not units[i].text.lstrip("#＃ ").startswith("附")), len(units))


def build(part: Part, units: list[Unit]) -> list[Block]:
    """The 编/章/节/条 tree of ``part``; returns the formatting marks it removed."""
    from revdiff.structure import _Builder, _Entry, finish

    builder = _Builder(part)
    marks: list[Block] = []
    toc_end = _toc_end(units)
    notes = _notes(units)
    trailer = _trailer(units)
    untitled: Node | None = None  # a 编/章/节 heading whose name may stand on the next line
    for i, u in enumerate(units):
        b = u.block
        if u.kind == "blank":
            continue
        if i >= trailer:  # a database's matter after the text, not the text: kept with the marks
            marks.extend(Block(r.text, r.line, r.page) for r in (u.row_blocks if u.kind == "table" else [b]))
            continue
        if u.kind == "table":
            builder.table(u, None)
            continue
        if i in notes:
            marks.append(Block(b.text, b.line, b.page))  # a database's note on the text, not the text
            continue
        law = read_line(b.text) if i >= toc_end else None
        if law is None and untitled is not None:
            title = _title_line(b.text)
            if title is not None:
                # a chapter number alone on its line, its name on the next (centred lines)
                untitled.title, untitled.line_end = title[0], b.last_line
                if title[1]:
                    marks.append(Block(title[1], b.line, b.page))
                untitled = None
                continue
        untitled = None
        if law is None:
            lead = len(b.text) - len(b.text.lstrip(SPACE))
            builder._add_body(b, u.text, lead)
            continue
        if law.marks:
            marks.append(Block(law.marks, b.line, b.page))
        while builder.stack and _RANK[builder.stack[-1].style] >= _RANK[law.unit]:
            builder.stack.pop()
        level = builder.stack[-1].node.level + 1 if builder.stack else 1
        node = Node(kind="heading", level=level, number=law.number, title=law.title, text="", line_start=b.line,
                    line_end=b.last_line, page=b.page, sep=law.sep, unit=law.unit)
        body = b.text[law.body_at :].rstrip(SPACE)
        if body:
            builder._push(node, b, body, law.body_at)
        builder._attach(node)
        builder.stack.append(_Entry(node, law.unit, law.unit, law.value[0], inline=bool(body)))
        if law.unit != "条" and not law.title:
            untitled = node
    builder.flush()
    for node in part.sections:
        finish(node)
    return marks


def align(draft: Part, final: Part, pins: Pins) -> list[Link]:
    """The article map: see revdiff/genres/law_align.py."""
    from revdiff.genres.law_align import align_articles

    return align_articles(draft, final, pins)


GENRE = Genre(
    name="law",
    detect=detect,
    build=build,
    align=align,
    unit="条",
    rules=("funding", "targets", "terms", "obligations", "sections", "penalties", "timelimits", "thresholds",
           "references", "replacements", "definitions"),
)
