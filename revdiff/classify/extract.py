"""Commitments in text: sentences, funding pledges, quantified targets, deadlines.

Shared by the finding rules (and the ledger).  A commitment is about the future: past
statistics ("截至2020年底…8563件", "累计超过60亿元") are never pledges or targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from revdiff.model import Node, Part
from revdiff.textkey import key


@dataclass
class Sentence:
    """A sentence of a node's body, with its offset for line lookup."""

    text: str
    node: Node
    offset: int
    past_section: bool = False  # inside a section about the past (发展基础 …)

    @property
    def line(self) -> int:
        return self.node.line_at(self.offset)


_SPLIT = re.compile(r"[^。；！？!?;\n]*[。；！？!?;]?")


def sentences(node: Node, past_section: bool = False) -> list[Sentence]:
    """Split a node's body at 。；！？ and paragraph ends."""
    return [Sentence(text, node, start, past_section) for start, text in _sentence_spans(node.text)]


@lru_cache(maxsize=8192)  # several rules split the same bodies
def _sentence_spans(text: str) -> tuple[tuple[int, str], ...]:
    out = []
    for m in _SPLIT.finditer(text):
        s = m.group(0)
        if s.strip():
            lead = len(s) - len(s.lstrip())
            out.append((m.start() + lead, s.strip()))
    return tuple(out)


# ----------------------------------------------------------------------- funding pledges

_MONEY_VERBS = ["给予", "资助", "奖励", "补助", "投资", "补贴", "奖补"]
_MONEY_UNITS = ["亿元", "万元", "元", "万", "亿"]
_FUND_WORDS = ["资助", "奖励", "补助", "补贴", "奖补", "扶持资金", "投资", "资金支持", "贴息", "补偿", "经费支持"]
_GIVEN = ["资助", "奖励", "补助", "补贴", "奖补", "扶持"]  # 给予…X


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (千元 before 元)."""
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True))


def _money_re(verbs: list[str], units: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?P<cmp>最高|不超过|不高于|最多|分别|每[个件家项年户人次]?|总计|共计)?\s*(?:" + _alt(verbs) + r")?\s*"
        r"(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>" + _alt(units) + r")(?![件人个户家项次])"
    )


def _mechanism_re(given: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"给予[^。；，,]{0,25}?(?:" + _alt(given) + r")|购买服务|项目奖补|成本补贴|以奖代补|贷款贴息|股权投资|"
        r"(?:安排|设立)[^。；，,]{0,10}?(?:专项)?资金"
    )


MONEY = _money_re(_MONEY_VERBS, _MONEY_UNITS)
FUND_WORD = re.compile(_alt(_FUND_WORDS))
MECHANISM = _mechanism_re(_GIVEN)
# Money in these sentences is an economic statistic, not public money promised.
STATISTIC = re.compile(r"累计|截至|截止|同比|生产总值|增加值|涉案|交易额|营业收入|产值|实现了|已经|已达")
# Money in these sentences is a penalty (a law's 罚款), not public money promised.
PENALTY = re.compile(r"罚款|罚金|没收")
# Numbers in these sentences report what happened, whatever their verb.
PAST_MARK = re.compile(r"截至|截止|同比|已经|已达|实现了|达到了|完成了")
PAST_PARAGRAPH = re.compile(r"截至|截止|以来|五年来|期间|^\s*20\d\d\s*年(?:底|末|度)?[，,]")
FUTURE = re.compile(r"到\s*20\d\d\s*年|力争|预期|目标|将|确保|每年|今后")


@dataclass
class Pledge:
    """A funding pledge: a sentence that commits public money or a subsidy mechanism."""

    sentence: Sentence
    value: str | None
    unit: str | None
    comparator: str | None
    mechanism: str | None
    subject: str


PAST_SECTION = re.compile(r"发展基础|工作基础|发展现状|现状|成效|成就|回顾|进展|基础与|取得的|背景|形势")


def past_nodes(part: Part) -> set[int]:
    """ids (``id()``) of nodes in sections about the past (发展基础, 现状, 成效 …)."""
    out: set[int] = set()

    def visit(node: Node, past: bool) -> None:
        past = past or bool(PAST_SECTION.search(node.title))
        if past:
            out.add(id(node))
        for c in node.children:
            visit(c, past)

    for n in part.sections:
        visit(n, False)
    return out


def _is_past(sent: Sentence) -> bool:
    """A sentence about the past: in a past section or paragraph, with no future marker."""
    if FUTURE.search(sent.text):
        return False
    if sent.past_section:
        return True
    para_start = sent.node.text.rfind("\n", 0, sent.offset) + 1
    para = sent.node.text[para_start : sent.offset + len(sent.text)]
    return bool(PAST_PARAGRAPH.search(para))


_PER_EACH = re.compile(r"^(?:每[个件家项所户名]|各)(?=..)")


def _subject(sent: Sentence) -> str:
    """Who or what a pledge is for: "对…的X" (its recipient), else the object of the clause
    before the money ("遴选5-10个高价值专利组合，给予…"), else the section's title."""
    t = sent.text
    m = re.search(r"对(?:于)?([^，。；,]{2,60}?)(?:，|给予|投资|资助|奖励)", t)
    if m:
        whole = _PER_EACH.sub("", m.group(1)).rstrip("的")  # 对每家X投资: the recipient is X
        tail = whole.rsplit("的", 1)[-1]
        return tail if len(tail) >= 4 else whole
    clauses = re.split(r"[，,；;]", t)
    for i, c in enumerate(clauses):
        if FUND_WORD.search(c) or MECHANISM.search(c):
            if i > 0:
                obj = re.split(r"\d+(?:\s*-\s*\d+)?\s*[个家项件所批]", clauses[i - 1])[-1].strip()
                if 2 <= len(obj) <= 24 and obj != clauses[i - 1].strip():
                    return obj
            break
    return sent.node.title or sent.node.heading


@dataclass(frozen=True)
class PledgePatterns:
    """The three patterns pledge detection uses; extended by extra words and units."""

    money: re.Pattern[str]
    fund_word: re.Pattern[str]
    mechanism: re.Pattern[str]


DEFAULT_PLEDGE_PATTERNS = PledgePatterns(MONEY, FUND_WORD, MECHANISM)


@lru_cache(maxsize=16)
def pledge_patterns(words: tuple[str, ...] = (), units: tuple[str, ...] = ()) -> PledgePatterns:
    """Pledge patterns with extra pledge ``words`` (奖补资金) and money ``units`` (千元).

    A sentence with an extra word and an amount, or 给予 … an extra word, is a pledge; an
    extra unit is read after an amount like 万元.  No extras: the default patterns.
    """
    words = tuple(w for w in words if w)
    units = tuple(u for u in units if u)
    if not words and not units:
        return DEFAULT_PLEDGE_PATTERNS
    return PledgePatterns(
        money=_money_re(_MONEY_VERBS + list(words), _MONEY_UNITS + list(units)),
        fund_word=re.compile(_alt(_FUND_WORDS + list(words))),
        mechanism=_mechanism_re(_GIVEN + list(words)),
    )


def find_pledges(node: Node, past_section: bool = False,
                 patterns: PledgePatterns = DEFAULT_PLEDGE_PATTERNS) -> list[Pledge]:
    """Funding pledges in a node's body."""
    out: list[Pledge] = []
    for s in sentences(node, past_section):
        t = s.text
        mech = patterns.mechanism.search(t)
        money = [m for m in patterns.money.finditer(t)]
        has_fund_word = patterns.fund_word.search(t)
        if not (mech or (money and has_fund_word)):
            continue
        if STATISTIC.search(t) or PENALTY.search(t) or _is_past(s):
            continue
        value = unit = cmp = None
        anchor = has_fund_word or mech
        if money and anchor is not None:
            # the amount nearest to the funding word ("专项资金2000万元", "给予最高50万元资助")
            m = min(money, key=lambda m: abs(m.start() - anchor.start()))
            value, unit, cmp = m.group("val"), m.group("unit"), m.group("cmp")
        out.append(Pledge(s, value, unit, cmp, mech.group(0) if mech else None, _subject(s)))
    return out


# ---------------------------------------------------------------------------- targets

TARGET_CLAUSE = re.compile(
    r"^(?P<measure>[^，,；;。]{2,45}?)\s*"
    r"(?P<verb>达到|超过|突破|提高到|提升到|增长到|增加到|不低于|不少于|保持在|稳定在|控制在|降低到|下降到|降至|增至|力争|年均增长)?\s*"
    r"(?P<cmp>≥|≤|＞|＜|>|<)?\s*(?P<val>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万件|万户|万人|万元|亿元|平方米|公里|件|家|个|%|％|项|人|名|分|倍|所|户|次|万|亿)?\s*"
    r"(?P<cmp2>以上|以下|左右|以内)?$"
)
_MEASURE_NOISE = re.compile(r"^(?:到\s*20\d\d\s*年底?|全市|实现|培育|力争|累计|新增|其中|每年)+")


@dataclass
class Target:
    """A quantified goal, from a sentence clause or an indicator-table row."""

    measure: str  # as written
    measure_key: str  # for pairing across versions
    value: str
    unit: str | None
    comparator: str | None
    text: str  # the sentence or the table row as displayed
    node: Node
    line: int
    source: str  # text | table
    base: str | None = None  # base-period value (indicator tables)
    year: str | None = None  # target year: 到2025年, or the target column's year
    attribute: str | None = None  # 预期性 / 约束性 (indicator tables)


def measure_key(measure: str) -> str:
    """Comparable form of a measure's name (noise words and punctuation removed)."""
    k = key(measure)
    k = _MEASURE_NOISE.sub("", k)
    k = re.sub(r"^(?:每万人口|每万人)", "万人", k)
    return re.sub(r"[\"“”《》()（）]", "", k)


def find_text_targets(node: Node, past_section: bool = False) -> list[Target]:
    """Quantified goals stated in a node's sentences."""
    out: list[Target] = []
    for s in sentences(node, past_section):
        if _is_past(s) or PAST_MARK.search(s.text):
            continue
        future = FUTURE.search(s.text)
        pledge_sentence = bool(FUND_WORD.search(s.text) or MECHANISM.search(s.text))
        pos = 0
        for clause in re.split(r"([，,；;。：:])", s.text):
            start = pos
            pos += len(clause)
            c = clause.strip()
            m = TARGET_CLAUSE.match(c)
            if not m:
                continue
            unit = m.group("unit")
            if unit is None and not m.group("cmp"):
                continue
            if pledge_sentence and unit in ("万元", "亿元", "元", "万", "亿"):
                continue
            if not (future or m.group("verb") or m.group("cmp") or m.group("cmp2")):
                continue
            measure = m.group("measure").strip()
            mk = measure_key(measure)
            if len(mk) < 2 or re.fullmatch(r"[\d.\-年月日]+", mk):
                continue
            cmp = m.group("cmp") or m.group("cmp2") or None
            year = re.search(r"到\s*(20\d\d)\s*年", s.text)
            out.append(Target(measure, mk, m.group("val"), unit, cmp, s.text, node, node.line_at(s.offset + start), "text",
                              year=year.group(1) if year else None))
    return out


_VALUE = re.compile(r"(?P<cmp>≥|≤|＞|＜|>|<)?\s*(?P<val>\d+(?:\.\d+)?)\s*(?P<cmp2>以上|以下)?")


def find_table_targets(node: Node) -> list[Target]:
    """Indicator-table rows (指标 · 单位 · 基期值 · 目标值 · 属性) as targets."""
    if node.kind != "table" or not node.rows or len(node.rows) < 2:
        return []
    header = [key(c) for c in node.rows[0]]
    target_col = next(
        (i for i, h in reversed(list(enumerate(header))) if re.search(r"目标|预期|规划|20[2-9]\d", h) and not re.search(r"基期|现状", h)),
        None,
    )
    if target_col is None:
        return []
    unit_col = next((i for i, h in enumerate(header) if "单位" in h), None)
    base_col = next((i for i, h in enumerate(header) if i != target_col and re.search(r"基期|现状|20\d\d", h)), None)
    attr_col = next((i for i, h in enumerate(header) if re.search(r"属性|性质", h)), None)
    year = re.search(r"20\d\d", header[target_col])
    out: list[Target] = []
    for r, row in enumerate(node.rows[1:], 1):
        if target_col >= len(row):
            continue
        m = _VALUE.search(row[target_col])
        if not m:
            continue
        measure = re.sub(r"^\d+[.．、]\s*", "", row[0]).strip()
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        unit = row[unit_col].strip() if unit_col is not None and unit_col < len(row) else None
        cmp = m.group("cmp") or m.group("cmp2")
        cmp = unicodedata_norm(cmp) if cmp else None
        out.append(Target(measure, measure_key(measure), m.group("val"), unit or None, cmp, " | ".join(row), node, line, "table",
                          base=_cell(row, base_col), year=year.group(0) if year else None, attribute=_cell(row, attr_col)))
    return out


def _cell(row: list[str], col: int | None) -> str | None:
    """A cell's text, or None for a missing column or an empty (—) cell."""
    if col is None or col >= len(row):
        return None
    v = row[col].strip()
    return None if not v or set(v) <= set("—-－–") else v


def unicodedata_norm(s: str) -> str:
    """NFKC form of a short token (≥ stays ≥; ＞ becomes >)."""
    import unicodedata

    return unicodedata.normalize("NFKC", s)


def targets_of(part: Part) -> list[Target]:
    """Every target of a part, text and tables, in reading order."""
    out: list[Target] = []
    past = past_nodes(part)
    for n in part.nodes():
        out.extend(find_table_targets(n) if n.kind == "table" else find_text_targets(n, id(n) in past))
    return out


def pledges_of(part: Part, words: tuple[str, ...] | list[str] = (),
               units: tuple[str, ...] | list[str] = ()) -> list[Pledge]:
    """Every funding pledge of a part in reading order (``words``/``units``: extra pledge
    words and money units, see ``pledge_patterns``)."""
    past = past_nodes(part)
    patterns = pledge_patterns(tuple(words), tuple(units))
    return [p for n in part.nodes() for p in find_pledges(n, id(n) in past, patterns)]
