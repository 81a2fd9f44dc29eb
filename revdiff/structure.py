"""Parse a cleaned RawDoc into a Document: parts (bundles) and each part's section tree.

Levels are decided by context, not by marker shape alone (see numbering.py): a marker
continues the numbering of an open heading of the same style (``4.`` after ``3.``) or of
the same family (``三、`` after ``2、``; ``（2）`` after ``（一）``), else it opens a child.
专栏 boxes and indicator tables hang beside the numbered paragraphs they follow.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from revdiff.model import Block, Document, Node, Part, RawDoc
from revdiff.numbering import HAN, Marker, match_marker, split_inline_title

# ---------------------------------------------------------------------------------------
# units: a line, a blank, or a table assembled from rows


@dataclass
class Unit:
    kind: str  # line | blank | table
    block: Block
    rows: list[list[str]] = field(default_factory=list)
    row_blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.block.text.strip(" \t\u3000\xa0")


def _cells_of_tab_row(text: str) -> list[str] | None:
    t = text.strip("\n")
    if "\t" not in t.strip("\t "):
        return None
    cells = [c.strip(" \u3000\xa0") for c in t.strip("\t").split("\t")]
    return cells if len(cells) >= 2 else None


def _units(blocks: list[Block]) -> list[Unit]:
    """Group blocks into lines, blanks and tables (three table layouts)."""
    units: list[Unit] = []
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        # 1. real tables (docx, html, pdf): rows carry cells and a table index
        if b.cells is not None:
            j = i
            rows, rbs = [], []
            while j < n and blocks[j].cells is not None and blocks[j].table == b.table:
                rows.append(list(blocks[j].cells or []))
                rbs.append(blocks[j])
                j += 1
            units.append(Unit("table", b, rows, rbs))
            i = j
            continue
        # 2. tab-separated rows (PDF text)
        if _cells_of_tab_row(b.text):
            j = i
            rows, rbs = [], []
            while j < n and blocks[j].cells is None and (cells := _cells_of_tab_row(blocks[j].text)):
                rows.append(cells)
                rbs.append(blocks[j])
                j += 1
            if len(rows) >= 2:
                units.append(Unit("table", b, rows, rbs))
                i = j
                continue
        # 3. one cell per tab-indented line, rows separated by blank lines (docx text)
        if b.text.startswith("\t") and b.text.strip():
            groups, gblocks, j = _cell_groups(blocks, i)
            if len(groups) >= 2 and len({len(g) for g in groups}) == 1 and len(groups[0]) >= 3:
                units.append(Unit("table", b, groups, gblocks))
                i = j
                continue
        units.append(Unit("line" if b.text.strip() else "blank", b))
        i += 1
    return units


def _cell_groups(blocks: list[Block], i: int) -> tuple[list[list[str]], list[Block], int]:
    groups: list[list[str]] = []
    gblocks: list[Block] = []
    j, n = i, len(blocks)
    while j < n:
        group: list[str] = []
        first: Block | None = None
        while j < n and blocks[j].cells is None and blocks[j].text.startswith("\t") and blocks[j].text.strip():
            if "\t" in blocks[j].text.strip("\t"):
                break
            group.append(blocks[j].text.strip(" \t\u3000\xa0"))
            first = first or blocks[j]
            j += 1
        if not group or first is None:
            break
        groups.append(group)
        gblocks.append(first)
        if j < n and not blocks[j].text.strip() and j + 1 < n and blocks[j + 1].text.startswith("\t"):
            j += 1  # the blank line between rows
            continue
        break
    return groups, gblocks, j


# ---------------------------------------------------------------------------------------
# parts: a 通知 and the documents / attachments it issues


def norm_title(s: str) -> str:
    """A comparable form of a title: NFKC, one dash, no spaces or quotes."""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"[—–－‐―]+", "-", s)
    return re.sub(r"[\s\"“”《》〈〉]", "", s)


NOTICE_TITLE = re.compile(r"(关于印发|关于转发|关于公布|关于下达).*(通知|决定|批复)|.*的通知》?$")
DOC_NO = re.compile(rf"{HAN}{{1,8}}〔\d{{4}}〕\d+号")
DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
# An amount of money or a rate: a line that states one is body text (a pledge, a target), not a title.
AMOUNT = re.compile(r"\d[\d,.．]*\s*(?:[十百千万亿]*元|[万亿]|[%％])|[零一二两三四五六七八九十百千]+[万亿]?元")
TITLE_WORDS = re.compile(r"(纲要|规划|方案|计划|意见|办法|规定|条例|细则|措施|要点|名单|清单|目录)\s*([（(].{2,14}[）)])?$")


def _title_text(units: list[Unit], idx: list[int]) -> str:
    """A title from its lines, without the spaces PDF layout puts between Chinese words."""
    text = "".join(units[k].text for k in idx)
    return re.sub(rf"(?<={HAN}|[“”《》（）])\s+(?={HAN}|[“”《》（）])", "", text)


def _is_title_like(text: str) -> bool:
    t = text.strip()
    return 4 <= len(t) <= 60 and not re.search(r"[。；，,;：:]", t) and bool(TITLE_WORDS.search(t))


@dataclass
class _PartSpan:
    kind: str
    start: int  # unit index of the first title line
    body: int  # unit index after the title lines
    title: str
    title_units: list[int] = field(default_factory=list)


def _find_parts(units: list[Unit]) -> tuple[list[_PartSpan], int | None]:
    """Part spans in unit order and the index where a 抄送/印发 footer starts (or None)."""
    lines = [(i, u) for i, u in enumerate(units) if u.kind == "line"]
    footer = None
    for i, u in reversed(lines[-12:] if len(lines) > 12 else lines):
        if re.match(r"^\s*抄\s*送\s*[:：]", u.text):
            footer = i
            break
    end = footer if footer is not None else len(units)
    # Is this a 通知 issuing documents?  Its title sits near the top.
    notice_title_idx = _promulgation(lines)
    for pattern in (r"^(?:\S{2,20}?(?:办公室|政府|委员会|厅|局)\s*)?关于(?:印发|转发|公布|下达)", NOTICE_TITLE.pattern):
        if notice_title_idx is not None:
            break
        for i, u in lines[:15]:
            if len(u.text) <= 150 and not u.text.startswith(("为", "根据", "《")) and re.search(pattern, u.text):
                notice_title_idx = i
                break
        if notice_title_idx is not None:
            break
    spans: list[_PartSpan] = []
    if notice_title_idx is None:
        title_units, body = _doc_title(units, lines, 0, end)
        title = _title_text(units, title_units)
        inner = _inner_document(units, lines, body, end)
        start = 0
        if inner is not None:
            before = "".join(u.text for i, u in lines if i < inner[0][0])
            if _NEWS.search(before):  # a reprint: a news preface, then the document itself
                spans.append(_PartSpan("preface", 0, body, title, title_units))
                start = inner[0][0]
            # else text that merely stands before the title line (a pledge sentence pasted on
            # top) is the document's own: compared as its preamble, never set aside
            title_units, body = inner
            title = _title_text(units, title_units)
        spans.append(_PartSpan("document", start, body, title, title_units))
        spans.extend(_attachments(units, lines, body, end))
        return spans, footer

    # the notice: its title may wrap over the next line(s)
    title_units = [notice_title_idx]
    k = notice_title_idx
    while not re.sub(r"\s", "", units[title_units[-1]].text).rstrip("》").endswith(("通知", "决定", "批复", "令", "公告")):
        nxt = next((j for j, u in lines if j > k), None)
        if nxt is None or nxt > notice_title_idx + 4:
            break
        title_units.append(nxt)
        k = nxt
    notice_title = _title_text(units, title_units)
    listed = [norm_title(t) for t in re.findall(r"《([^《》]{4,80})》", " ".join(u.text for _, u in lines[:40]))]
    listed = [t for t in listed if t != norm_title(notice_title)]
    # where the notice stops: 此件公开发布, else the signature date
    notice_end = None
    for i, u in lines:
        if i <= title_units[-1]:
            continue
        if re.match(r"^[（(]此件.*[）)]$", u.text):
            notice_end = i + 1
            break
        if DATE.match(u.text) and notice_end is None:
            notice_end = i + 1
        elif i == notice_end and DOC_NO.fullmatch(u.text.strip()):
            notice_end = i + 1  # the 文号 printed under an order's date (法释〔2025〕11号) is the order's
        if notice_end is not None and i > notice_end + 3:
            break
    if notice_end is None:
        notice_end = title_units[-1] + 1
    spans.append(_PartSpan("notice", 0, notice_end, notice_title, title_units))
    # documents issued: lines whose text (possibly with the next line) is a listed title
    i_lines = [(i, u) for i, u in lines if notice_end <= i < end]
    found_doc = False
    for pos, (i, u) in enumerate(i_lines):
        t = norm_title(u.text)
        following = i_lines[pos + 1] if pos + 1 < len(i_lines) else None
        if t in listed:
            tu = [i]
        elif following is not None and len(t) >= 6 and t + norm_title(following[1].text) in listed:
            tu = [i, following[0]]  # a title wrapped over two lines
        else:
            continue
        spans.append(_PartSpan("document", i, tu[-1] + 1, _title_text(units, tu), tu))
        found_doc = True
    if not found_doc:
        # a notice whose documents are not listed by title: the first title-like line after it
        tu, body = _doc_title(units, lines, notice_end, end)
        if tu:
            spans.append(_PartSpan("document", tu[0], body, _title_text(units, tu), tu))
        elif any(notice_end <= i < end for i, _ in lines):
            # the issued document starts without a title line: it is still a document (its
            # title is the one the notice names), not more of the notice
            named = re.findall(r"《([^《》]{4,80})》", notice_title)
            spans.append(_PartSpan("document", notice_end, notice_end, named[0] if named else "", []))
    spans.extend(_attachments(units, lines, spans[-1].body, end))
    spans.sort(key=lambda s: s.start)
    return spans, footer


# An order or announcement a law is promulgated by, above its text: 中华人民共和国国务院令 / 第812号,
# 最高人民法院 / 公告, ××省人民政府令; its sentence says 现予公布, then who signs and the date.
_ORDER_HEAD = re.compile(r"^\S{0,30}(?:令|公告)$")
_PROMULGATED = re.compile(r"现予(?:公布|发布|公告|印发)")


def _promulgation(lines: list[tuple[int, Unit]]) -> int | None:
    """The first line of a promulgation order or 公告 at the top, or None."""
    heads = [i for i, u in lines[:3] if _ORDER_HEAD.match(re.sub(r"\s", "", u.text))]
    if heads and any(_PROMULGATED.search(u.text) for _, u in lines[:8]):
        return lines[0][0]
    return None


def _doc_title(units: list[Unit], lines: list[tuple[int, Unit]], start: int, end: int) -> tuple[list[int], int]:
    """Title lines at the top of a document (title, wrapped title, （征求意见稿）)."""
    title_units: list[int] = []
    body = start
    for i, u in lines:
        if i < start:
            continue
        if i >= end or len(title_units) >= 3:
            break
        t = u.text
        if t in ("附件",) or re.match(r"^附件\s*\d*$", t):
            body = i + 1
            continue
        if numbered(t) or re.search(r"[。；]", t) or len(t) > 60 or re.fullmatch(r"目\s*录", t):
            break  # the text's first heading (一、, 第一章, 第三编 above it) or 目录 is not the title
        if title_units:
            # only a note such as （征求意见稿）/（2023-2025年） or the rest of a wrapped title
            so_far = "".join(units[k].text for k in title_units)
            note = re.match(r"^[（(].{2,20}[）)]$", t)
            rest = len(t) <= 30 and not TITLE_WORDS.search(so_far) and not t.startswith(("为", "根据", "按照", "依据"))
            if not (note or rest):
                break
        elif not (_is_title_like(t) or (len(t) <= 40 and not re.search(r"[，,：:]", t))):
            break
        elif AMOUNT.search(t) and not (_is_title_like(t) or NOTICE_TITLE.match(t)):
            break  # 市财政给予每家企业50万元资助 is a pledge; …给予10万元奖励的通知 is still a title
        title_units.append(i)
        body = i + 1
    return title_units, body


def numbered(text: str) -> bool:
    """Does the document's own numbering open ``text``: a plan's 一、（一）1. or a law's
    第一编 … 第一条?  Asked before the genre of a part is known."""
    from revdiff.genres.law import read_line

    return match_marker(text) is not None or read_line(text) is not None


# A note under a title: （征求意见稿）, （草案）, （试行）, （2024—2026年）.
STAGE_NOTE = re.compile(r"[（(][^（）()]{0,12}(?:稿|草案|试行|暂行|\d{4}\s*年?\s*[-—–－~～至]+\s*\d{4}\s*年?)[^（）()]{0,6}[）)]$")


def _bare(title: str) -> str:
    """A title without its stage or period notes, for matching a title named elsewhere."""
    t = norm_title(title)
    while (m := STAGE_NOTE.search(t)) and m.start() > 0:
        t = t[: m.start()]
    return t


# What a news preface says about a document it reprints: when, who reports, what was done.
_NEWS = re.compile(r"近日|日前|昨日|今天|今日|记者|通讯员|本报|据悉|据了解|获悉|了解到|印发|出台|发布|公布|"
                   r"征求意见|解读|编者按|按语|转发|转载|全文|如下|《[^《》]{4,80}》")


def _inner_document(units: list[Unit], lines: list[tuple[int, Unit]], start: int,
                    end: int) -> tuple[list[int], int] | None:
    """The title lines and body start of a document printed inside a reprint, or None.

    A news preface comes first (unnumbered text, often naming the document in 《》); then the
    document's own title line, followed by a stage note such as （征求意见稿）, its preamble or
    straight by its numbering.  Text that is numbered from the start has no wrapper.
    """
    named: set[str] = set()
    body_seen = False
    for pos, (i, u) in enumerate(lines):
        if i < start:
            continue
        if i >= end or len(named) > 20:
            break
        t = u.text
        nxt = lines[pos + 1] if pos + 1 < len(lines) else None
        note = nxt is not None and STAGE_NOTE.fullmatch(nxt[1].text) is not None
        if body_seen and _is_title_like(t):
            tu = [i, nxt[0]] if note and nxt else [i]
            following = [v.text for k, v in lines[pos + len(tu) : pos + len(tu) + 8] if k < end]
            opens = [numbered(x) for x in following]
            # named in the preface, or marked as a draft, with numbered text soon after; or
            # straight followed by its first numbered heading
            if ((note or _bare(t) in named) and any(opens)) or opens[:1] == [True]:
                return tu, tu[-1] + 1
        if numbered(t):
            return None
        named |= {_bare(x) for x in re.findall(r"《([^《》]{4,80})》", t)}
        body_seen = True
    return None


# The explanation a draft is published with, after its text: 关于《××法（修订草案）》的说明,
# 《××条例（征求意见稿）》起草说明.  It is not the draft: a part of its own, like an attachment.
_EXPLANATION = re.compile(r"^(?:关于)?[^。；，]{0,20}《[^《》]{4,80}》[^。；，《》]{0,12}?的?(?:起草|修订|修改|制定)?说明$")


def _attachments(units: list[Unit], lines: list[tuple[int, Unit]], after: int, end: int) -> list[_PartSpan]:
    """附件 parts: a line "附件" / "附件1" alone, then the attachment's title line(s); and the
    说明 of a draft, after its text."""
    out: list[_PartSpan] = []
    for pos, (i, u) in enumerate(lines):
        if i < after or i >= end:
            continue
        if _EXPLANATION.match(u.text.strip()):
            out.append(_PartSpan("attachment", i, i + 1, u.text.strip(), [i]))
            continue
        if re.match(r"^附\s*件\s*\d*\s*$", u.text):
            tu = [i]
            j = pos + 1
            while j < len(lines) and len(tu) < 3 and lines[j][0] < end:
                t = lines[j][1].text
                if match_marker(t) or re.search(r"[。；:：]", t) or len(t) > 40:
                    break
                # the next 附件 label, or a line past a table (a form with no title words), starts anew
                if re.match(r"^附\s*件", t) or any(units[k].kind == "table" for k in range(tu[-1] + 1, lines[j][0])):
                    break
                tu.append(lines[j][0])
                j += 1
                if TITLE_WORDS.search(t):
                    break
            title = _title_text(units, tu[1:]) or u.text
            # the "附件" label itself stays in the part's text (it is not the title)
            out.append(_PartSpan("attachment", i, tu[-1] + 1, title, tu[1:] or tu))
    return out


# ---------------------------------------------------------------------------------------
# the section tree of one part


@dataclass
class _Entry:
    node: Node
    style: str
    family: str
    value: int
    inline: bool  # a numbered paragraph (title and body on one line)
    outer: tuple[str, int] | None = None  # numbering of the paragraph a box stands beside


class _Builder:
    def __init__(self, part: Part) -> None:
        self.part = part
        self.stack: list[_Entry] = []
        self._bufs: dict[int, tuple[Node | Part, list[str], list[int]]] = {}

    # -- text helpers ------------------------------------------------------------------
    # Bodies are collected as pieces and joined once in ``flush``: growing a string
    # attribute piece by piece is quadratic on documents with many paragraphs.
    def _push(self, obj: Node | Part, block: Block, piece: str, piece_offset: int) -> None:
        """Append ``piece`` (which starts at ``piece_offset`` of block.text) to obj's text."""
        buf = self._bufs.get(id(obj))
        if buf is None:
            buf = self._bufs[id(obj)] = (obj, [obj.text] if obj.text else [], [len(obj.text)])
        _, pieces, length = buf
        base = length[0] + (1 if pieces else 0)  # "\n" between paragraphs
        entries = [(o - piece_offset, ln, pg) for o, ln, pg in block.line_map]
        first = [e for e in entries if e[0] <= 0]
        start = first[-1] if first else entries[0]
        obj.line_map.append((base, start[1], start[2]))
        for o, ln, pg in entries:
            if 0 < o < len(piece):
                obj.line_map.append((base + o, ln, pg))
        pieces.append(piece)
        length[0] = base + len(piece)

    def flush(self) -> None:
        """Join the collected pieces into the texts of nodes and part."""
        for obj, pieces, _ in self._bufs.values():
            obj.text = "\n".join(pieces)
        self._bufs.clear()

    def _add_body(self, block: Block, piece: str, offset: int, extend: bool = True) -> None:
        if self.stack:
            node = self.stack[-1].node
            self._push(node, block, piece, offset)
            node.line_end = max(node.line_end, block.last_line)
        else:
            self._push(self.part, block, piece, offset)
            if extend:
                self.part.line_end = max(self.part.line_end, block.last_line)

    def _attach(self, node: Node) -> None:
        if self.stack:
            self.stack[-1].node.children.append(node)
        else:
            self.part.sections.append(node)

    def _pop_to(self, idx: int) -> None:
        del self.stack[idx:]

    # -- placing a numbered heading -------------------------------------------------------
    def _place(self, m: Marker) -> int:
        """Index in the stack that the new heading replaces (sibling) or len(stack) (child)."""
        st = self.stack
        for idx in range(len(st) - 1, -1, -1):
            e = st[idx]
            if e.style == m.style and m.value == e.value + 1:
                return idx
            if e.outer and e.outer[0] == m.style and m.value == e.outer[1] + 1:
                return idx  # the paragraph after a box continues the numbering before it
        same = [idx for idx, e in enumerate(st) if e.style == m.style]
        # A marker whose style is already open continues or restarts that list; numbering
        # that restarts at 1 is a new list at the same level, never a child of the deeper
        # heading before it (else 600 restarts nest 600 deep).
        if same:
            return same[-1]
        for idx in range(len(st) - 1, -1, -1):
            e = st[idx]
            if e.family == m.family and e.style != m.style and m.value == e.value + 1 and m.value > 1:
                return idx
        return len(st)

    def _level_at(self, idx: int) -> int:
        if idx < len(self.stack):
            return self.stack[idx].node.level
        return self.stack[-1].node.level + 1 if self.stack else 1

    def heading(self, unit: Unit, m: Marker) -> None:
        b = unit.block
        text = unit.text
        lead = len(b.text) - len(b.text.lstrip(" \t\u3000\xa0"))
        if m.style in ("shi", "dash"):
            title, body = split_inline_title(m.rest, m.style)
            level = (self.stack[-1].node.level + 1) if self.stack else 1
            node = self._node("item", level, m.number, title, b)
            self._fill(node, m, title, body, b, lead, text)
            self._attach(node)
            return
        if b.style_level:
            while self.stack and self.stack[-1].node.level >= b.style_level:
                self.stack.pop()
            idx, level = len(self.stack), b.style_level
        else:
            idx = self._place(m)
            level = self._level_at(idx)
        self._pop_to(idx)
        title, body = split_inline_title(m.rest, m.style)
        node = self._node("heading", level, m.number, title, b)
        self._fill(node, m, title, body, b, lead, text)
        self._attach(node)
        self.stack.append(_Entry(node, m.style, m.family, m.value, inline=bool(body)))

    def styled_heading(self, unit: Unit) -> None:
        """A docx/HTML heading without a number: its level comes from the style."""
        b = unit.block
        level = b.style_level or 1
        while self.stack and self.stack[-1].node.level >= level:
            self.stack.pop()
        node = self._node("heading", level, "", unit.text, b)
        self._attach(node)
        self.stack.append(_Entry(node, f"styled{level}", "styled", 0, inline=False))

    def _node(self, kind: str, level: int, number: str, title: str, b: Block) -> Node:
        return Node(kind=kind, level=level, number=number, title=title, text="", line_start=b.line,
                    line_end=b.last_line, page=b.page)

    def _fill(self, node: Node, m: Marker, title: str, body: str, b: Block, lead: int, text: str) -> None:
        """Set the body of a heading line; ``sep`` keeps the 。 that ended an inline title."""
        rest_at = lead + len(text) - len(m.rest)
        if body:
            body_at = b.text.index(body, rest_at + len(title))
            node.sep = b.text[rest_at + len(title) : body_at].strip()
            self._push(node, b, body, body_at)
        else:
            node.sep = b.text[rest_at + len(title) :].strip()

    def box_or_table_level(self) -> int:
        """Boxes and tables stand beside numbered paragraphs, under title-only headings."""
        while self.stack and self.stack[-1].style == "box":
            self.stack.pop()
        if self.stack and self.stack[-1].inline:
            return self.stack[-1].node.level
        return self.stack[-1].node.level + 1 if self.stack else 1

    def box(self, unit: Unit, m: Marker) -> None:
        b = unit.block
        outer = None
        while self.stack and self.stack[-1].style == "box":
            self.stack.pop()
        if self.stack and self.stack[-1].inline:
            e = self.stack.pop()
            level = e.node.level
            outer = (e.style, e.value)
        else:
            level = self.stack[-1].node.level + 1 if self.stack else 1
        node = self._node("box", level, m.number.replace(" ", ""), m.rest.strip(), b)
        self._attach(node)
        self.stack.append(_Entry(node, "box", "box", m.value, inline=False, outer=outer))

    def table(self, unit: Unit, caption: Unit | None) -> None:
        level = self.box_or_table_level()
        first = caption.block if caption else unit.block
        rbs = unit.row_blocks
        node = Node(kind="table", level=level, number="", title=caption.text if caption else "", text="",
                    line_start=first.line, line_end=rbs[-1].last_line if rbs else unit.block.line,
                    rows=unit.rows, page=first.page, row_lines=[rb.line for rb in rbs])
        # a table sits beside the paragraph before it: attach to that paragraph's parent
        parent = None
        for e in reversed(self.stack):
            if e.node.level < level:
                parent = e.node
                break
        (parent.children if parent else self.part.sections).append(node)


def _is_caption(u: Unit) -> bool:
    t = u.text
    return 2 <= len(t) <= 50 and not re.search(r"[。；，,]", t) and match_marker(t) is None


def build_plan_tree(part: Part, units: list[Unit]) -> None:
    """The section tree of a plan's part: levels decided by context (see the module doc)."""
    builder = _Builder(part)
    i = 0
    while i < len(units):
        u = units[i]
        if u.kind == "blank":
            i += 1
            continue
        if u.kind == "table":
            builder.table(u, None)
            i += 1
            continue
        nxt = next((k for k in range(i + 1, len(units)) if units[k].kind != "blank"), None)
        if nxt is not None and units[nxt].kind == "table" and _is_caption(u):
            builder.table(units[nxt], u)
            i = nxt + 1
            continue
        m = match_marker(u.text)
        if m is not None and m.style == "box":
            builder.box(u, m)
        elif m is not None:
            builder.heading(u, m)
        elif u.block.style_level and len(u.text) <= 60:
            builder.styled_heading(u)
        else:
            lead = len(u.block.text) - len(u.block.text.lstrip(" \t\u3000\xa0"))
            builder._add_body(u.block, u.text, lead)
        i += 1
    builder.flush()
    for node in part.sections:
        finish(node)


def finish(node: Node) -> None:
    """Extend each node's line range over its children."""
    for c in node.children:
        finish(c)
        node.line_end = max(node.line_end, c.line_end)


# ---------------------------------------------------------------------------------------


def _notice_metadata(part: Part) -> dict[str, str]:
    meta: dict[str, str] = {}
    lines = [ln.strip() for ln in part.text.split("\n") if ln.strip()]
    for ln in lines:
        m = DOC_NO.search(ln)
        if m and "文号" not in meta:
            meta["文号"] = m.group(0)
        if ln.endswith(("：", ":")) and len(ln) < 80 and "主送" not in meta and not ln.startswith("抄送"):
            meta["主送"] = ln.rstrip("：:")
        if DATE.match(ln) and "成文日期" not in meta:
            meta["成文日期"] = ln
        if re.match(r"^[（(]此件.*[）)]$", ln):
            meta["公开方式"] = ln.strip("（）()")
        if ln.startswith("抄送"):
            meta["抄送"] = re.sub(r"^抄\s*送\s*[:：]", "", ln)
    for k, ln in enumerate(lines):
        if DATE.match(ln) and k > 0 and "发文机关" not in meta and len(lines[k - 1]) <= 30:
            meta["发文机关"] = lines[k - 1]
            break
    return meta


# a Markdown heading mark before a title line (`# 标题`): formatting, not part of the title
_TITLE_MARK = re.compile(r"^#{1,6}[ \t\u3000]*")
# lines under a title that never continue it: a dated 题注 line (2024年9月13日 …通过), a comment
_NOT_TITLE = re.compile(r"^(?:[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|<!--)")


def parse(raw: RawDoc, genre: str | None = None) -> Document:
    """Build the Document (parts and section trees) of a cleaned RawDoc.

    ``genre`` (``plan``, ``law``) forces how the text is read; by default each part is
    built by the genre whose ``detect`` scores its text highest (revdiff/genres), so a plan
    issued with a 管理办法 attached reads each in its own way.  The Document's genre is that
    of its longest part (the 通知 aside).
    """
    from revdiff import genres

    forced = genres.get(genre) if genre else None
    units = _units(raw.blocks)
    spans, footer = _find_parts(units)
    parts: list[Part] = []
    marks: list[Block] = []  # formatting marks the genre removed from the text
    for sp in spans:
        cut = next((k for k, i in enumerate(sp.title_units) if k and _NOT_TITLE.match(units[i].text)), None)
        if cut is not None:  # a law's 题注 under its title: the preamble, not the title
            sp.title_units = sp.title_units[:cut]
            sp.title = _title_text(units, sp.title_units)
        m = _TITLE_MARK.match(sp.title)
        if m and sp.title_units:
            first = units[sp.title_units[0]].block
            marks.append(Block(m.group(0).strip(), first.line, first.page))
            sp.title = sp.title[m.end() :]
    end_units = footer if footer is not None else len(units)
    for k, sp in enumerate(spans):
        stop = spans[k + 1].start if k + 1 < len(spans) else end_units
        first = units[sp.start].block if sp.start < len(units) else Block("", 1)
        last_unit = units[max(stop - 1, sp.start)] if units else None
        part = Part(title=sp.title, kind=sp.kind, line_start=first.line,
                    line_end=last_unit.block.last_line if last_unit else first.line, text="")
        parts.append(part)
        body_units = [u for idx, u in enumerate(units[sp.start:stop], sp.start) if idx not in sp.title_units]
        if sp.kind == "notice":
            builder = _Builder(part)
            for u in body_units:
                if u.kind == "line":
                    builder._add_body(u.block, u.text, len(u.block.text) - len(u.block.text.lstrip(" \t\u3000\xa0")))
                elif u.kind == "table":
                    builder.table(u, None)
            builder.flush()
        else:
            kind = forced or genres.detect([u.block.text for u in body_units if u.kind == "line"], sp.title)
            part.genre = kind.name
            marks.extend(kind.build(part, body_units))
    if footer is not None:
        owner = next((p for p in parts if p.kind == "notice"), None)
        target = owner or parts[-1]
        b = _Builder(target)
        for u in units[footer:]:
            if u.kind == "line":
                b._add_body(u.block, u.text, len(u.block.text) - len(u.block.text.lstrip(" \t\u3000\xa0")), extend=False)
        b.flush()
        # line_end stays at the header: the footer sits after the last document
    metadata = dict(raw.metadata)
    for p in parts:
        if p.kind == "notice":
            p.metadata = _notice_metadata(p)
            for key, val in p.metadata.items():
                metadata.setdefault(key, val)
    if not parts[0].title:
        # no title line (a draft that starts with its preamble): the format's title, else the file name
        parts[0].title = raw.title or ("stdin" if raw.source == "-" else Path(raw.source).stem)
        parts[0].title_derived = True
    _assign_ids(parts)
    title = parts[0].title if parts else ""
    pages = {line: page for b in raw.blocks for _, line, page in b.line_map if page is not None}
    return Document(source=raw.source, format=raw.format, encoding=raw.encoding, parts=parts,
                    metadata=metadata, dropped=raw.dropped + marks, title=title, pages=pages, cut_line=raw.cut_line,
                    genre=_main_genre(parts, forced.name if forced else None))


def _main_genre(parts: list[Part], forced: str | None) -> str:
    """The forced genre, else that of the longest part that is not a 通知."""
    if forced:
        return forced
    docs = [p for p in parts if p.kind != "notice"] or parts
    return max(docs, key=lambda p: p.line_end - p.line_start).genre


def _assign_ids(parts: list[Part]) -> None:
    n = 0
    for p in parts:
        for node in p.nodes():
            n += 1
            node.id = f"n{n}"


def compared_view(part: Part) -> Part:
    """The part as it is compared: its preamble becomes section(s) of its own.

    A part with headings gets one ``preamble`` node before them; a part with none (a
    document whose headings revdiff cannot recognise) gets one ``paragraph`` node per
    paragraph, so it is still aligned and diffed paragraph by paragraph.
    """
    if not part.text.strip():
        return part
    paragraphs: list[Node] = []
    offset = 0
    for para in part.text.split("\n"):
        start, offset = offset, offset + len(para) + 1
        if not para.strip():
            continue
        lm = [(o - start, ln, pg) for o, ln, pg in part.line_map if start <= o < start + len(para)]
        first = part.line_at(start)
        if not lm or lm[0][0] > 0:
            lm.insert(0, (0, first, None))
        paragraphs.append(Node(kind="paragraph", level=1, number="", title="", text=para, line_start=first,
                               line_end=lm[-1][1], line_map=lm, page=lm[0][2]))
    if part.sections:
        pre = paragraphs[0]
        pre.kind = "preamble"
        pre.text = part.text
        pre.line_map = list(part.line_map) or pre.line_map
        pre.line_end = max((m[1] for m in pre.line_map), default=pre.line_start)
        paragraphs = [pre]
    for i, n in enumerate(paragraphs, 1):
        n.id = f"p{i}"
    return Part(title=part.title, kind=part.kind, line_start=part.line_start, line_end=part.line_end, text="",
                sections=paragraphs + part.sections, line_map=[], metadata=part.metadata, genre=part.genre,
                title_derived=part.title_derived)
