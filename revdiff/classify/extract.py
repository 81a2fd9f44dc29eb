"""Commitments in text: sentences, funding pledges, quantified targets, deadlines.

Shared by the finding rules (and the ledger).  A commitment is about the future: past
statistics ("截至2020年底…8563件", "累计超过60亿元", "2022年，全县…达到3.2万户") are never
pledges or targets.  A pledge is one amount: a sentence may make several (a yearly budget
line and two awards handed out by 分别), each with its scope (per 家/人/件, per 年, a cap, a
range); thresholds that say who qualifies and a fund's total size are not pledged money.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from revdiff.model import Node, Part
from revdiff.money import chinese_number, format_amount
from revdiff.numbering import HAN
from revdiff.textkey import key


@dataclass
class Sentence:
    """A sentence of a node's body, with its offset for line lookup."""

    text: str
    node: Node
    offset: int
    past_section: bool = False  # inside a section about the past (发展基础 …)
    in_title: bool = False  # the node's heading line: an item that is one sentence
    row: int | None = None  # a table row (its cells joined with " | "): its index in node.rows
    start_year: int | None = None  # the first year of the plan's period (2023—2025年 → 2023)

    @property
    def line(self) -> int:
        if self.row is not None and self.row < len(self.node.row_lines):
            return self.node.row_lines[self.row]
        return self.node.line_start if self.in_title else self.node.line_at(self.offset)


_SPLIT = re.compile(r"[^。；！？!?;\n]*[。；！？!?;]?")


def sentences(node: Node, past_section: bool = False, start_year: int | None = None) -> list[Sentence]:
    """Split a node's body at 。；！？ and paragraph ends."""
    return [Sentence(text, node, start, past_section, start_year=start_year)
            for start, text in _sentence_spans(node.text)]


def commitment_sentences(node: Node, past_section: bool = False, start_year: int | None = None) -> list[Sentence]:
    """The sentences that may commit money or a goal: the body's, and also

    - a heading's title when it is a whole sentence: an item that is one sentence
      ("（二）对…按每人每月5000元发放生活补贴，补贴期限3年。") is parsed as a heading with no
      body, and a title with a comma in it is such a sentence (a heading's title never has one),
      as is one with a figure ("四、每年筹集人才安居住房不少于300套。": a goal, not a heading);
    - each row of a table (支持事项 | 支持标准), its cells joined with " | ".
    """
    if node.kind == "table" and node.rows:
        return [Sentence(" | ".join(row), node, 0, past_section, row=r, start_year=start_year)
                for r, row in enumerate(node.rows) if r > 0]
    out = [Sentence(text, node, start, past_section, in_title=True, start_year=start_year)
           for start, text in _sentence_spans(node.title)] if re.search(r"[，,；;\d]", node.title) else []
    return out + sentences(node, past_section, start_year)


_PERIOD_NAMES = {"十三五": 2016, "十四五": 2021, "十五五": 2026}


def plan_start_year(title: str) -> int | None:
    """The first year of the period a plan's title names: （2023—2025年） → 2023, 2024年… →
    2024, “十四五” → 2021; None when the title names none."""
    m = re.search(r"(20\d\d)\s*年?\s*(?:[—\-–~～至到]|年)", title)
    if m:
        return int(m.group(1))
    return next((y for name, y in _PERIOD_NAMES.items() if name in title), None)


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

_MONEY_VERBS = ["给予", "资助", "奖励", "补助", "投资", "补贴", "奖补", "出资"]
_MONEY_UNITS = ["亿元", "万元", "元", "万", "亿"]
_FUND_WORDS = ["资助", "奖励", "补助", "补贴", "奖补", "扶持资金", "投资", "资金支持", "贴息", "补偿", "经费支持",
               "出资", "专项资金", "引导资金", "财政投入", "配套"]
_GIVEN = ["资助", "奖励", "补助", "补贴", "奖补", "扶持"]  # 给予…X


def _alt(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (千元 before 元)."""
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True))


def _money_re(verbs: list[str], units: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?P<cmp>最高|不超过|不高于|最多|分别|每[个件家项年户人次]?|总计|共计)?\s*(?:" + _alt(verbs) + r")?\s*"
        r"(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>" + _alt(units) + r")(?![件人个户家项次立平吨千公亩辆台套张座所条米头只株])"
    )


# 表彰和奖励 (表彰、奖励, 表彰奖励, 表扬和奖励): an honour with its customary reward, the stock
# article of a law or regulation (对…作出显著成绩的单位和个人，给予表彰和奖励) — no money promised
_HONOUR = "".join(f"(?<!{word}{joint})" for word in ("表彰", "表扬") for joint in ("", "和", "、", "或", "及", "或者"))


def _mechanism_re(given: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"给予[^。；，,]{0,25}?" + _HONOUR + r"(?:" + _alt(given) + r")|购买服务|项目奖补|成本补贴|以奖代补|贷款贴息|股权投资|"
        r"(?:安排|设立)[^。；，,]{0,10}?(?:专项)?(?:资金|经费)|"
        r"(?:财政|政府)(?:每年)?(?:安排|投入|出资)(?=\s*[\d零〇一二两三四五六七八九十百千])|"  # 市财政安排3000万元，发放…
        # the share of a cost each level of government bears (市级财政承担60%，区县财政承担40%)
        r"(?:财政|政府)(?:分别|按)?(?:承担|负担|分担)(?:比例(?:为)?)?(?=\s*\d+(?:\.\d+)?\s*[%％])"
    )


MONEY = _money_re(_MONEY_VERBS, _MONEY_UNITS)
FUND_WORD = re.compile(_alt(_FUND_WORDS))
MECHANISM = _mechanism_re(_GIVEN)
# Money in these sentences is an economic statistic, not public money promised.
STATISTIC = re.compile(r"累计(?!不超过|不高于|最高|最多)|截至|截止|同比|生产总值|增加值|涉案|交易额|营业收入|产值|实现了|已经|已达|"
                       r"去年|上年|(?:共|已|全年)(?:支持|兑现|拨付|发放|下达|争取|落实)|(?:兑现|拨付|发放|下达)了")
# Money in these sentences is a penalty (a law's 罚款), not public money promised.
PENALTY = re.compile(r"罚款|罚金|没收")
# Numbers in these sentences report what happened, whatever their verb.
PAST_MARK = re.compile(r"截至|截止|同比|已经|已达|实现了|达到了|完成了|去年|上年|"
                       r"已[^，,；;。]{0,12}(?:达到|突破|超过|建成)")
# A sentence that opens with a bare year ("2022年，全县…达到3.2万户") reports that year's result.
DATED_RESULT = re.compile(r"^\s*(?:20\d\d\s*年(?:底|末|度|以来|上半年)?|去年|上年)\s*[，,]")
PAST_PARAGRAPH = re.compile(r"截至|截止|以来|五年来|期间|^\s*20\d\d\s*年(?:底|末|度)?[，,]")
FUTURE = re.compile(r"到\s*20\d\d\s*年|力争|预期|目标|将|确保|每年|今后")
# Who qualifies: an opening 对…的X， clause that gives nothing (对上年度研发费用占营业收入比重不低于
# 3%的企业，); what a share is taken of (按其上年度研发费用增量部分的10%).  Figures named there
# describe the recipient: they are neither pledged money nor a past result.
QUALIFIER = re.compile(r"^对(?:于)?[^，,；;。]*?的[^，,；;。]*?[，,]")
GIVES = re.compile(r"给予|奖励|补助|补贴|资助|奖补")  # a clause that gives is the pledge, not its qualifier
SHARE_BASE = re.compile(r"按[^，,；;。]*?的(?=\s*\d)")


def qualifier_end(text: str) -> int:
    """Where the opening clause that says who qualifies (see ``QUALIFIER``) ends; 0 without one."""
    m = QUALIFIER.match(text)
    return m.end() if m and not GIVES.search(m.group(0)) else 0


def _prescribed(text: str) -> str:
    """A pledge sentence without its qualifiers: what it says is given, and on what terms."""
    return SHARE_BASE.sub("", text[qualifier_end(text):])


@dataclass
class Pledge:
    """A funding pledge: a sentence that commits public money or a subsidy mechanism."""

    sentence: Sentence
    value: str | None
    unit: str | None
    comparator: str | None
    mechanism: str | None
    subject: str
    # One sentence may hold several commitments (a yearly budget line and two awards): the
    # words that tell this one from its neighbours (its recipient and clause, amounts left
    # out), and whether it is the sentence's only one.
    clause: str = ""
    sole: bool = True
    per: str | None = None  # 每家 → 家: the amount is counted per unit, not a lump sum
    period: str | None = None  # 每年 → 年
    cap: str | None = None  # 最高, 不超过, 累计不超过: the amount is a ceiling
    low: str | None = None  # a range's lower bound (10–50万元 → 10)


# A section about the past is named by a noun phrase (发展基础, 取得的成效, 面临的形势, 编制背景,
# a 实施方案's 基本情况) that ends the title or is joined to another by 与/和/及; never by a task (巩固试点成效 and
# 夯实发展基础 are work to do: a title that opens with a verb is not "past") nor by a goal
# (发展基础更加坚实): a bare 成效/基础 inside a title is not enough.
PAST_TITLE = re.compile(
    r"(?:(?:发展|工作|产业|建设|现实|已有|良好)基础|现状|回顾|基本情况|"
    r"(?:取得的?|主要|工作|建设|发展|已有|阶段性)(?:成效|成就|成绩|进展)|进展情况|"
    r"(?:编制|规划|制定|起草|研究|实施)背景|^背景|(?:面临的?|当前|发展|国内外|总体)(?:形势|环境|机遇|挑战|问题)|"
    r"^形势)(?=$|[与和及、])"
)
TASK_VERB = re.compile(
    r"^(?:巩固|扩大|提升|放大|拓展|深化|加强|加快|推进|推动|强化|夯实|筑牢|打牢|厚植|总结|转化|用好|发挥|"
    r"优化|营造|完善|改善|做好|抓住|把握|应对|适应|创造|提高|实施|开展|建立|健全|构建|打造|培育|促进|保障)"
)


FORWARD_TITLE = re.compile(r"目标|任务|措施|举措|路径|思路|原则|要求|行动|工程")


def is_past_title(title: str) -> bool:
    """True for the title of a section about the past or the setting (发展基础, 主要成效,
    面临的形势); false for a task (巩固试点成效) that happens to share a word with one, and for
    a chapter that also sets the goals (发展现状与目标)."""
    t = key(title)
    return bool(PAST_TITLE.search(t)) and not TASK_VERB.match(t) and not FORWARD_TITLE.search(t)


def _nodes_within(part: Part, within: Callable[[Node, bool], bool]) -> set[int]:
    """ids (``id()``) of the nodes for which ``within(node, whether its parent is)`` holds."""
    out: set[int] = set()

    def visit(node: Node, inside: bool) -> None:
        inside = within(node, inside)
        if inside:
            out.add(id(node))
        for c in node.children:
            visit(c, inside)

    for n in part.sections:
        visit(n, False)
    return out


def past_nodes(part: Part) -> set[int]:
    """ids (``id()``) of nodes in sections about the past (发展基础, 现状, 成效 …)."""
    # a 发展目标 or 重点任务 heading looks forward even inside a past chapter
    return _nodes_within(part, lambda node, past: (past and not FORWARD_TITLE.search(node.title))
                         or is_past_title(node.title))


# Eligibility conditions (who may apply) are listed under a heading that names them (申报条件,
# 支持条件, 认定条件; not 发展条件, nor a task 创造条件) or after a sentence that opens the list
# (应同时具备以下条件：): their quantities are conditions (classify/eligibility.py), not goals.
# A heading that names who a measure is for (支持对象, 补贴对象有哪些？ in a 政策解读) says the same.
CONDITION_TITLE = (r"(?:申报|申请|支持|认定|基本|资格|准入|入库|评审|享受|补助|补贴|奖励|扶持)(?:的)?条件"
                   r"|(?:申报|申请|申领|支持|补助|补贴|奖励|奖补|扶持|资助|救助|发放|适用|享受)(?:的)?对象")
CONDITION_LIST = r"(?:具备|具有|符合|满足)(?:以下|下列|如下)(?:基本)?条件"


def condition_nodes(part: Part) -> set[int]:
    """ids (``id()``) of the nodes that state eligibility conditions (see CONDITION_TITLE)."""
    return _nodes_within(part, lambda node, inside: inside or bool(re.search(CONDITION_TITLE, node.title)
                                                                  or re.search(CONDITION_LIST, node.text)))


def _is_past(sent: Sentence) -> bool:
    """A sentence about the past: in a past section or paragraph, with no future marker."""
    if FUTURE.search(sent.text):
        return False
    if sent.past_section:
        return True
    if DATED_RESULT.match(sent.text):  # 2022年，… in a 2023—2025 plan reports; 2024年，… in a 2024 plan plans
        year = re.match(r"\s*(20\d\d)", sent.text)
        return not (year and sent.start_year and int(year.group(1)) >= sent.start_year)
    if sent.in_title:
        return bool(PAST_PARAGRAPH.search(sent.text))
    if sent.text.startswith("对") and not PAST_MARK.search(_prescribed(sent.text)):
        return False  # "对…给予…" prescribes: a paragraph's opening statistic does not carry over
    para_start = _paragraph_start(sent.node.text, sent.offset)
    mark = _past_mark_end(sent.node.text, para_start)  # once a paragraph: a long one has many sentences
    return mark is not None and para_start + mark <= sent.offset + len(sent.text)


@lru_cache(maxsize=64)
def _line_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def _paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` opens (not by scanning back: a text saved as one
    line would be scanned whole for each of its sentences)."""
    breaks = _line_breaks(text)
    k = bisect.bisect_left(breaks, offset)
    return breaks[k - 1] + 1 if k else 0


@lru_cache(maxsize=1024)
def _past_mark_end(text: str, start: int) -> int | None:
    """Where the first past mark (截至, 以来 …) of the paragraph of ``text`` opening at ``start`` ends,
    counted from ``start``; None when it has none."""
    end = text.find("\n", start)
    m = PAST_PARAGRAPH.search(text[start : len(text) if end < 0 else end])
    return m.end() if m else None


_PER_EACH = re.compile(r"^(?:每[个件家项所户名]|各)(?=..)")


def _section_name(node: Node) -> str:
    """A section's title when it is a title (not a one-sentence item), else its number."""
    return node.heading if re.search(r"[，,；;]", node.title) else (node.title or node.heading)


def _subject(sent: Sentence) -> str:
    """Who or what a pledge is for: "对…的X" (its recipient), else the object of the clause
    before the money ("遴选5-10个高价值专利组合，给予…"), else the section's title."""
    t = sent.text
    m = re.search(r"对(?:于)?([^，。；,]{2,60}?)(?:，|分别|按|给予|投资(?=\s*\d)|资助|奖励|奖补|补助|补贴|"
                  r"每[村镇乡户人家个项件所](?=[^，。；,]{0,6}\d))", t)
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
    # what the money is for, named before who pays it: 以上项目市级财政安排资金约12.5亿元
    paid = re.match(r"([^，。；,\d]{2,12}?)(?:[省市县区]级?)?(?:财政|政府)", t)
    if paid and not paid.group(1).endswith("级"):
        return paid.group(1)
    return sent.node.title or sent.node.heading


_CN = "零〇一二两三四五六七八九十百千"


def _amount_re(units: list[str]) -> re.Pattern[str]:
    """Every amount a pledge may commit: money in Arabic or Chinese numerals (三千万元, 六亿元),
    with a range's lower bound (10-50万元, 10万元至50万元), or a share of a cost (50%)."""
    unit = _alt(units)
    num = rf"\d+(?:\.\d+)?|(?<![\d.数几上近余多{_CN}])[{_CN}]+(?:亿[{_CN}]+)?"
    return re.compile(
        rf"(?:(?P<low>\d+(?:\.\d+)?)\s*(?:{unit})?\s*(?:-|－|—|–|~|～|至|到)\s*)?"
        rf"(?P<val>{num})\s*(?P<unit>{unit})(?:(?<=元)|(?![件人个户家项次立平吨千公亩辆台套张座所条米头只株]))"
        r"|(?P<rate>\d+(?:\.\d+)?)\s*(?P<pct>[%％])"
    )


AMOUNT = _amount_re(_MONEY_UNITS)


@dataclass(frozen=True)
class PledgePatterns:
    """The patterns pledge detection uses; extended by extra words and units."""

    money: re.Pattern[str]
    fund_word: re.Pattern[str]
    mechanism: re.Pattern[str]
    amount: re.Pattern[str] = AMOUNT


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
        amount=_amount_re(_MONEY_UNITS + list(units)),
    )


def continued_pledges(sents: list[Sentence], patterns: PledgePatterns = DEFAULT_PLEDGE_PATTERNS) -> list[bool]:
    """For each sentence, whether it goes on with a pledge across a ；: in
    "对博士每人每年给予生活补贴6万元；硕士每人每年3万元；本科…1.2万元。" the clauses after the
    first share its 给予生活补贴 — each amount is a subsidy, though its clause names none."""
    out: list[bool] = []
    going = False  # the sentence before was a pledge (its own or carried) and ended with ；
    for s in sents:
        out.append(going)
        own = bool(patterns.mechanism.search(s.text) or patterns.fund_word.search(s.text))
        going = (own or going) and s.row is None and s.text.endswith(("；", ";"))
    return out


def find_pledges(node: Node, past_section: bool = False,
                 patterns: PledgePatterns = DEFAULT_PLEDGE_PATTERNS, start_year: int | None = None) -> list[Pledge]:
    """Funding pledges in a node's body: one per amount committed (a sentence may make
    several), or one per sentence that commits a mechanism without an amount.
    ``start_year``: the first year of the plan (see ``plan_start_year``)."""
    out: list[Pledge] = []
    sents = commitment_sentences(node, past_section, start_year)
    carried = continued_pledges(sents, patterns)
    for i, (s, goes_on) in enumerate(zip(sents, carried, strict=True)):
        listed = goes_on or (i + 1 < len(carried) and carried[i + 1])  # one of a list of tiers across ；
        # a table's header says what its cells are: 补贴项目 | 补贴标准 over 过夜游 | 每人次20元
        head = node.rows[0] if s.row is not None and node.rows else []
        header = " | ".join(head)
        t = _with_column_units(s.text, head) if head else s.text
        mech = patterns.mechanism.search(t)
        amounts = committed_amounts(t, patterns.amount)
        money = patterns.money.search(t) or any(a.group("val") for a in amounts)  # 出资三千万元
        if not (mech or (money and (patterns.fund_word.search(t) or HEADER_PLEDGE.search(header) or goes_on))):
            continue
        if STATISTIC.search(_prescribed(t)) or PENALTY.search(t) or _is_past(s) or APPLIES.search(t):
            continue
        mechanism = mech.group(0) if mech else None
        subject = _row_subject(t) if s.row is not None and node.rows else _subject(s)
        if not amounts:
            if ANNEX_CITED.search(t):
                continue
            if not mech and any(PROJECT_SIZE.search(_prefix(t, m.start())) for m in patterns.amount.finditer(t)):
                continue  # a project's size was its only amount
            out.append(Pledge(s, None, None, None, mechanism, subject, clause=_clause_key(t, subject)))
            continue
        recipients = _distributed(t, amounts)
        recipient_at = t.find("对")
        for a in amounts:
            # a budget line before the 对… clause (市财政每年安排…2亿元，对…) is not the recipients'
            own = subject if recipient_at < 0 or a.start() > recipient_at or s.row is not None else _section_name(node)
            who = recipients.get(a.start(), own)
            tier = _tier(_prefix(t, a.start())) if (len(amounts) > 1 or listed) and s.row is None else None
            if tier and a.start() not in recipients:  # A类人才最高200万元，B类人才最高100万元
                who = tier if who in (_section_name(node), node.heading) else f"{who}（{tier}）"
            if header and len([b for b in amounts if _cell_at(t, b.start()) == _cell_at(t, a.start())]) > 1:
                # one cell, several grades: 4A级50万元，3A级20万元 — each amount is its grade's
                # (not 按租金的50%…最高100万元: a share and its cap)
                label = _prefix(t, a.start()).rpartition("|")[2].strip()
                if 0 < len(label) <= 8 and not re.search(r"[按每给最不累共总]", label):
                    who = f"{who}（{label}）"
            payer = SHARE_PAYER.search(_prefix(t, a.start()))
            if payer:  # 市级财政承担60%，区县财政承担40%: each share is its payer's
                who = payer.group(1)
            value, unit = _value(a)
            pre = _prefix(t, a.start())
            if header:  # a cell's amount is scoped by its column's name too (单个主体年度上限, 元/台)
                pre = _PER_SLASH.sub("每", _column_name(head, t, a.start())) + " " + pre.rpartition("|")[2]
            out.append(Pledge(
                s, value, unit, _comparator(t, a), mechanism, who,
                clause=_clause_key(_clause_at(t, a.start()), who), sole=len(amounts) == 1,
                per=_last(PER, pre, "per"), period=_period(pre), cap=_cap(pre), low=a.group("low"),
            ))
    return out


# A sentence that sends its reader to the document's annex for the figures (按附件所列标准给予奖补,
# 补助标准见附件): the annex's rows are the pledges, the sentence is no pledge of its own.
ANNEX_CITED = re.compile(r"(?:按|见|依照|参照)附件\s*\d*|附件\s*\d*(?:所列|规定|中)")


# Header words that make a table's rows pledges (a project list's 总投资 does not).
HEADER_PLEDGE = re.compile(r"补贴|补助|奖励|资助|奖补|扶持|支持标准")


# Scope and giving words between a tier's name and its amount (B类人才每月5000元, 硕士研究生每人每年3万元)
_TIER_TAIL = re.compile(r"(?:每[人户家年月个项]|最高|不超过|给予|一次性|补贴|补助|奖励|资助|奖补)+$")


def _tier(prefix: str) -> str | None:
    """The tier a clause's amount is for, when the clause opens with its name and goes straight
    to the amount: "B类人才最高" → B类人才; None for a clause that says more (对…分别奖励)."""
    name = _TIER_TAIL.sub("", prefix.strip()).strip()
    if not (2 <= len(name) <= 12) or re.search(r"[\d对按给安资金的]", name) or name == prefix.strip():
        return None
    return name


# A column whose header gives the unit of its cells (补贴标准（元/台）, 奖补金额(万元)): its cells
# are bare numbers, amounts in that unit, counted per what follows the slash.
_COLUMN_UNIT = re.compile(r"[（(]\s*(?P<unit>[万亿]?元)\s*(?:/\s*[^）)]{1,4})?\s*[）)]")
_PER_SLASH = re.compile(r"(?<=元)\s*/\s*")
# a project list's investment column (总投资（亿元）): a project's size, whoever pays — no pledge
_SIZE_COLUMN = re.compile(r"投资(?:额|估算|概算|规模)?\s*[（(]")
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _with_column_units(row_text: str, header: list[str]) -> str:
    """A table row as its pledges are read: a bare number under a header that gives its unit
    (补贴标准（元/台） over 15000) gets that unit (15000元), as the reader of the table reads it."""
    cells = row_text.split(" | ")
    for i, cell in enumerate(cells):
        m = _COLUMN_UNIT.search(header[i]) if i < len(header) else None
        if m and _BARE_NUMBER.fullmatch(cell.strip()) and not _SIZE_COLUMN.search(header[i]):
            cells[i] = cell + m.group("unit")
    return " | ".join(cells)


def _row_subject(row_text: str) -> str:
    """What a table row's amounts are for: its cells before the first amount — the first cell,
    with the grade when a two-level table repeats it (拖拉机 | 20—50马力（含） | 3000元 →
    拖拉机（20—50马力（含））)."""
    cells = [c.strip() for c in row_text.split(" | ")]
    if len(cells) > 2 and _BARE_NUMBER.fullmatch(cells[0]):
        cells = cells[1:]  # a 序号 column: the rows renumber when one is cut, their names do not
    first = next((i for i, c in enumerate(cells) if AMOUNT.search(c)), len(cells))
    names = [c for c in cells[: max(first, 1)] if c]
    if not names:
        return cells[0]
    return names[0] + "".join(f"（{n}）" for n in names[1:])


def row_name(row_text: str) -> str:
    """A table row's name: its first cell, past a 序号 (7 | 境外展会补贴 | … → 境外展会补贴)."""
    return _row_subject(row_text).partition("（")[0]


def _cell_at(row_text: str, at: int) -> int:
    """The column of the cell of a table row (cells joined with " | ") that holds ``at``."""
    return row_text.count(" | ", 0, at)


def _column_name(header: list[str], row_text: str, at: int) -> str:
    """The header cell above the cell of a table row that holds ``at``."""
    col = _cell_at(row_text, at)
    return header[col].strip() if col < len(header) else ""


# What an amount is counted per (每家企业, 每人, 单个项目), and over what period (每年, 年度).
# 每生 (a pupil) — not 每生产 (per unit of output)
PER = re.compile(r"(?:每|单)(?P<per>架次|人次|平方米|千瓦|[个件家人项户名所趟亩台套场届批辆处座吨株头间床村镇乡校部]|生(?!产))")
PERIOD = re.compile(r"每(?P<p>年|月|季度)|年度|按(?P<m>月|年)")
CAP = re.compile(r"(累计不超过|最高不超过|不超过|不高于|最高|最多|上限)[^，,；;。\d]{0,6}$")
# An amount right after these words, or followed by 以上的, says who qualifies (研发费用超过
# 1000万元的企业), not what they get.
THRESHOLD_BEFORE = re.compile(r"(?<!不)(?:超过|突破|达到|超|逾|高于|低于)\s*$")
THRESHOLD_AFTER = re.compile(r"^\s*(?:以上|以下)\s*(?:的|且)")
# Money the government does not put up: the size of a fund it sets up with others (总规模
# 6亿元的基金) and the private money it hopes to draw in (吸引社会资本…).
LEVERAGED = re.compile(r"(?:吸引|撬动|带动|引导)(?!资金|基金)[^，,；;。]{0,10}$|(?:总规模|规模)(?:为|达|达到)?\s*$")
# A project's total investment (专栏 of 重大工程: 线路长度86公里，总投资320亿元) is its size, whoever
# pays; the public share is named apart (其中市财政投资3亿元) and stays a pledge.
PROJECT_SIZE = re.compile(r"(?:计划|估算|预计|概算)?总投资(?:额|规模)?(?:约|为|达|达到|超过)?\s*$|投资(?:估算|概算)(?:约|为)?\s*$")


# who bears a share of a cost: 其中市级财政承担60% → 市级财政
SHARE_PAYER = re.compile(r"(?:其中)?([^，,；;。]{1,10}?(?:财政|政府))(?:分别|按)?(?:承担|负担|分担)(?:比例(?:为)?)?\s*$")


def _prefix(text: str, start: int) -> str:
    """The clause before an amount (from the last ，/；)."""
    cut = max(text.rfind(c, 0, start) for c in "，,；;：:")
    return text[cut + 1 : start]


def _clause_at(text: str, start: int) -> str:
    """The clause that holds an amount."""
    cut = max(text.rfind(c, 0, start) for c in "，,；;：:")
    ends = [i for i in (text.find(c, start) for c in "，,；;。") if i >= 0]
    return text[cut + 1 : min(ends) if ends else len(text)]


def _last(pattern: re.Pattern[str], text: str, group: str) -> str | None:
    found = [m.group(group) for m in pattern.finditer(text)]
    return found[-1] if found else None


def _period(prefix: str) -> str | None:
    """年 for 每年/年度/按年, 月 for 每月/按月: the last one before the amount."""
    found = list(PERIOD.finditer(prefix))
    if not found:
        return None
    return found[-1].group("p") or found[-1].group("m") or "年"


def _cap(prefix: str) -> str | None:
    m = CAP.search(prefix)
    return m.group(1) if m else None


def committed_amounts(text: str, amount: re.Pattern[str] = AMOUNT) -> list[re.Match[str]]:
    """The amounts a pledge sentence commits, in order: thresholds that say who qualifies (in
    the opening 对…的 clause, or right before 以上的) and money put up by others (a fund's total size) left out.  A fund's size is kept only when
    the sentence names no public contribution to it."""
    found = [m for m in amount.finditer(text)
             if m.start() >= qualifier_end(text) and not PROJECT_SIZE.search(_prefix(text, m.start()))]
    kept: list[re.Match[str]] = []
    leveraged: list[re.Match[str]] = []
    for m in found:
        before, after = text[: m.start()], text[m.end() :]
        if THRESHOLD_BEFORE.search(before) or THRESHOLD_AFTER.match(after):
            continue
        (leveraged if LEVERAGED.search(_prefix(text, m.start())) else kept).append(m)
    money_kept = [m for m in kept if m.group("val")]
    return kept if money_kept or not leveraged else kept + leveraged


def _value(m: re.Match[str]) -> tuple[str, str]:
    """An amount's value (Chinese numerals read as Arabic: 三千万元 → 3000 万元) and unit."""
    if m.group("rate"):
        return m.group("rate"), "%"
    val = m.group("val")
    if val[0].isdigit():
        return val, m.group("unit")
    unit = m.group("unit")
    if "亿" in val and unit.startswith("万"):  # 一亿五千万元 → 15000 万元
        head, _, tail = val.partition("亿")
        n = (chinese_number(head) or Decimal(0)) * 10_000 + (chinese_number(tail) or Decimal(0))
    else:
        n = chinese_number(val) or Decimal(0)
    return format_amount(n), unit


def _comparator(text: str, m: re.Match[str]) -> str | None:
    """The word before an amount that qualifies it (最高, 不超过, 每件 …), as written (分别 only
    spreads a list of amounts over a list of recipients: it says nothing of the amount)."""
    cm = re.search(r"(最高|不超过|不高于|最多|每[个件家项年户人次]?|总计|共计)\s*(?:" + _alt(_MONEY_VERBS) + r")?\s*$",
                   text[: m.start()])
    return cm.group(1) if cm else None


def _distributed(text: str, amounts: list[re.Match[str]]) -> dict[int, str]:
    """分别: "对A、B分别给予X万元、Y万元" gives X to A and Y to B — the recipient of each
    amount (by its start) when the list and the amounts after 分别 have the same length."""
    out: dict[int, str] = {}
    for m in re.finditer("分别", text):
        after = [a for a in amounts if a.start() > m.start()]
        run: list[re.Match[str]] = []
        for a in after:  # the amounts listed right after 分别: X、Y and Z
            if run and not re.fullmatch(r"[^，,；;。]{0,4}?[、和及与]\s*(?:每[个件家人项])?", text[run[-1].end() : a.start()]):
                break
            run.append(a)
        head = text[: m.start()]
        head = head[head.rfind("对") + 1 :] if "对" in head else head[max(head.rfind(c) for c in "，,；;") + 1 :]
        # the list: 对新认定的[国家级、省级企业技术中心] / 对承办[国际性、全国性学术会议]的单位
        listed = [seg for seg in head.strip("，, ").split("的") if "、" in seg]
        # (县（市、区）is one name: a 、 inside brackets separates nothing)
        names = [n.strip() for n in re.split(r"[、和及与](?![^（(]*[)）])", listed[-1]) if n.strip()] if listed else []
        ranked = re.search(r"前\s*(\d+)\s*[位名]", head)
        if ranked and int(ranked.group(1)) == len(run) > 1:
            # 对排名前3位的县（市、区）分别奖励300万元、200万元、100万元: by rank, in order
            who = head.strip("，, ").rsplit("的", 1)[-1]
            for k, a in enumerate(run, 1):
                out[a.start()] = f"{who}（第{k}名）"
            continue
        if len(names) < 2 or len(names) != len(run):
            continue
        names[0] = _LIST_VERB.sub("", names[0])
        grade = _GRADE.match(names[-1])
        tail = grade.group(2) if grade else ""  # 国家级、省级企业技术中心: the noun they share
        for a, n in zip(run, names, strict=True):
            out[a.start()] = n + tail if tail and _GRADE_END.search(n) and not n.endswith(tail) else n
    return out


# The verb that opens a list of recipients (承办国际性、全国性学术会议) and the grade words that
# share the list's last noun (国家级、省级企业技术中心 → 国家级企业技术中心).
_LIST_VERB = re.compile(r"^(?:在本[省市区县])?(?:承办|举办|主办|获得|获评|获批|新建|新认定|认定|引进|组织|参加|开展|建设|"
                        r"创建|成立|完成)")
_GRADE = re.compile(r"^(.{1,5}?[级性型类期])(.{2,})$")
_GRADE_END = re.compile(r"[级性型类期]$")


_NUMBERS = re.compile(rf"\d+(?:\.\d+)?|[{_CN}]+(?=[万亿]?元)")


def _clause_key(clause: str, subject: str) -> str:
    """What tells a commitment from the others of its sentence: recipient and clause, with
    the amounts left out so that a changed amount does not make it another commitment."""
    return _NUMBERS.sub("", key(f"{subject}|{clause}"))


# ---------------------------------------------------------------------------- targets

# The units a target is counted in: 家, 万辆, 个百分点, 微克/立方米, %; a service time limit
# (压缩至3个工作日, 80小时以内) is a plan's goal too.
TIME_UNIT = r"个工作日|工作日|小时"
TARGET_UNIT = (rf"{TIME_UNIT}|(?:万|亿)?(?:人次|千瓦|平方米|公里|千米|公顷|个百分点|件|家|个|项|人|名|所|户|次|吨|亩|座|条|台|套|"
               r"组|批|场|元|处|辆|艘|架|部|株|间|张|栋|盏)|" + HAN + "{1,3}/" + HAN + "{1,4}|%|％|分|倍|万|亿")
TARGET_CLAUSE = re.compile(
    r"^(?P<measure>[^，,；;。]{2,45}?)\s*"
    r"(?P<verb>达到|不超过|不高于|超过|突破|提高到|提升到|增长到|增加到|不低于|不少于|保持在|稳定在|控制在|降低到|下降到|降至|增至|力争|年均增长|"
    r"压缩至|压缩到|缩短至|缩短到|累计)?\s*"  # 审批时间压缩至15个工作日; 城镇新增就业累计30万人
    r"(?P<cmp>≥|≤|＞|＜|>|<)?\s*(?P<val>\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{TARGET_UNIT})?\s*"
    r"(?P<cmp2>以上|以下|左右|以内|(?<=日|时)内(?=办结|办理|完成|答复|反馈))?(?:办结|办理|完成|答复|反馈)?$"  # 1个工作日内办结
)
# A base-period figure is a statistic, never a target: 基期值45%, 现状 …; "由2020年的2.1%提高到
# 2.8%" states the base inside the target's clause.
BASE_WORD = re.compile(r"基期|现状")
BASE_VALUE = re.compile(r"(?:由|从)(?=[^，,；;。]*\d)[^，,；;。]*$|(?:基期|现状)值?(?:为|是)?$")
# Who may apply (申报单位应为…，2023年度营业收入不低于5000万元) is a condition, not a goal.
# 原则上 (in principle) states a rule: 居民出资比例原则上不低于10% binds the residents, it is no goal.
CONDITION = re.compile(r"(?:申报|申请)(?:单位|人|主体|企业|项目)|应当?(?:为|具备|满足|符合)|原则上")
# 本政策适用于…实际到位外资不低于5000万美元的企业: the scope of a policy says who qualifies —
# conditions (classify/eligibility.py), neither a pledge nor a goal
APPLIES = re.compile(r"^本[^，,；;。]{0,8}适用于")
# Clauses end at ，；。： and at a 、 right after a count ("累计建成智能工厂30家、数字化车间150个").
TARGET_SPLIT = re.compile(r"([，,；;。：:]|(?<=\d[家个件项人户次所座处辆亩吨%])、)")
# A plan's tasks are future work: "新增省级企业技术中心8家" is a goal even without 到2025年.
# (为全市中小学教室更换护眼灯具1.5万盏: who the work is for may come before the verb)
CREATION = re.compile(r"(?:全[省市县区镇乡])?(?:为[^，,；;。\d]{1,12}?)?(?:计划|每年|年均)?新?(?:新增|新建|建成|改造|培育|培训|引进|创建|打造|完成|"
                      r"建设|推广|布局|开通|开行|增开|新开|组建|设立|举办|招引|孵化|遴选|推出|制定|修订|部署|配备|"
                      r"开发|提供|开展|新认定|培养|募集|吸纳|更换|更新|安装|加装)")
ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+是")  # 一是新建…50处: "一是" is no part of the measure
# A lower bound on how many a task reaches, the count inside the clause (每年为300家以上企业
# 提供免费诊断服务, 组织不少于20场对接活动): a goal, measured by the words around the count.
OBJECT_TARGET = re.compile(
    r"^(?P<measure>[^\d，,；;。]{2,20}?)(?P<cmp>不少于|至少)?\s*(?P<val>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>家|个|名|人|所|户|项|件|场|期|批|人次|处|辆)(?P<cmp2>以上)?(?P<rest>[^\d，,；;。]{2,30})$"
)
# The scope of a goal (覆盖城郊12个乡镇, 涉及居民1.2万户, 惠及群众18万人, 带动农户3000户): who or
# where the work reaches is promised as much as the work itself, and a final that narrows it
# narrows the commitment.  Pattern strings, compiled by ``re`` on first use.
SCOPE_VERB = r"覆盖|惠及|涉及|受益|带动|辐射"
# …覆盖全市80%的行政村: the scope as a share of the places or people it reaches
SCOPE_SHARE = (rf"^(?P<measure>[^\d，,；;。]{{0,30}}?(?:{SCOPE_VERB})[^\d，,；;。]{{0,8}}?)(?P<cmp>不少于|至少|超过)?\s*"
               r"(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>[%％])(?P<cmp2>以上)?的(?P<rest>[^\d，,；;。]{1,12})$")
BARE_RATE = re.compile(r"(?:年均)?(?:增长|增速|增幅)(?:率)?")  # a rate that names no measure
CEILING = re.compile(r"(?:不超过|不高于|最多|至多)$")
# 分别 spreads a list of values over a list of measures: "城镇、农村生活污水处理率分别达到98%、75%"
# is two targets.  The list and the values, each value with its unit and 以上/以下.
_ONE_VALUE = rf"\d+(?:\.\d+)?\s*(?:{TARGET_UNIT})?\s*(?:以上|以下|左右)?"
SPREAD = re.compile(
    rf"(?P<list>[^，,；;。：:]{{2,60}}?)分别\s*(?P<verb>达到|为|提高到|提升到|增长到|增加到|不低于|不少于|保持在|稳定在|"
    rf"控制在|降低到|下降到|降至|增至|超过|突破)?\s*(?P<vals>{_ONE_VALUE}(?:\s*[、和及与]\s*{_ONE_VALUE})+)"
)
SCOPE = re.compile(r"^(?:全[国省市县区镇乡]|我[省市县区])")  # 全市城镇、农村…: the scope is no list item
_SPREAD_VALUE = re.compile(rf"(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{TARGET_UNIT})?\s*(?P<cmp2>以上|以下|左右)?")


def _spread(measures: str, values: str) -> list[tuple[str, str, str | None, str | None]]:
    """(measure, value, unit, 以上/以下) for each value that 分别 gives one of ``measures``;
    empty when the two lists differ in length.  Qualifiers that share the last measure's noun
    (城镇、农村生活污水处理率) name it in brackets: 城镇、农村生活污水处理率（城镇）."""
    vals = list(_SPREAD_VALUE.finditer(values))
    names = [n.strip() for n in re.split(r"[、和及与]", measures) if n.strip()]
    if len(names) != len(vals) or len(names) < 2:
        return []
    shared = max(len(n) for n in names[:-1]) <= 4 < len(names[-1])  # 城镇、农村 + 生活污水处理率
    unit_after = [v.group("unit") for v in vals]
    out = []
    for i, (name, v) in enumerate(zip(names, vals, strict=True)):
        measure = f"{measures}（{name}）" if shared and i < len(names) - 1 else name
        unit = next((u for u in unit_after[i:] if u), None)  # 30、50个: the unit written once, last
        out.append((measure, v.group("val"), unit, v.group("cmp2")))
    return out


_MEASURE_NOISE = re.compile(r"^(?:到\s*20\d\d\s*年底?|全市|实现|培育|力争|累计|新增|其中|每年)+")


_SPACED = re.compile(rf"(?<={HAN})[ \t]+|[ \t]+(?={HAN})")


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
    table: str = "indicator"  # the kind of table a row's target stands in: indicator, project (a 项目 list)

    def __post_init__(self) -> None:
        # a PDF's text spaces Latin letters and figures off from Chinese (行政村 5G 网络通达率):
        # the measure is named as the document prints it, without those spaces
        self.measure = _SPACED.sub("", self.measure)

    @property
    def scope(self) -> tuple[bool, bool]:
        """(per head, a flow): targets pair only within one scope — 每万人口…拥有量 is not the
        total 拥有量, and 新增 (what a period adds) is not the stock it adds to."""
        return bool(PER_HEAD.search(self.measure)), bool(FLOW.search(self.measure))


def is_time_limit(target: Target) -> bool:
    """True for a service time limit (审批时间压缩至15个工作日以内), not a count or a rate, nor
    hours promised as a floor (每周开放时间不少于56小时: more is better)."""
    if not (target.unit and re.fullmatch(TIME_UNIT, target.unit)):
        return False
    return not re.search(rf"(?:不少于|不低于|至少)\s*{re.escape(target.value)}\s*{target.unit}", target.text)


PER_HEAD = re.compile(r"每[十百千万]*人|人均|万人|每户|户均")
FLOW = re.compile(r"新增|新建|新认定|年均|每年|年度|当年|增长|增速|增幅")


def measure_key(measure: str) -> str:
    """Comparable form of a measure's name (noise words and punctuation removed)."""
    k = key(measure)
    k = _MEASURE_NOISE.sub("", k)
    k = re.sub(r"^(?:每万人口|每万人)", "万人", k)
    return re.sub(r"[\"“”《》()（）]", "", k)


def _goal_lists(sents: list[Sentence]) -> list[bool]:
    """For each sentence, whether it goes on a list of goals: the goals of a year or a plan are
    one sentence of ；-clauses (主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长5%；…),
    and a clause after a ； in the same paragraph is as much a goal as the first, which alone
    says 目标 or 到2025年."""
    out: list[bool] = []
    going = False
    prev: Sentence | None = None
    for s in sents:
        text = s.node.title if s.in_title else s.node.text
        joined = (prev is not None and prev.in_title == s.in_title and s.row is None
                  and "\n" not in text[prev.offset + len(prev.text) : s.offset])
        listed = going and joined
        out.append(listed)
        going = bool(listed or FUTURE.search(s.text)) and s.text.rstrip().endswith(("；", ";"))
        prev = s
    return out


def find_text_targets(node: Node, past_section: bool = False, start_year: int | None = None) -> list[Target]:
    """Quantified goals stated in a node's sentences (``start_year``: see ``plan_start_year``)."""
    out: list[Target] = []
    sents = commitment_sentences(node, past_section, start_year)
    for s, goes_on, listed in zip(sents, continued_pledges(sents), _goal_lists(sents), strict=True):
        if _is_past(s):
            continue
        future = FUTURE.search(s.text)
        # "截至2022年底，…达到800家，到2025年力争达到1200家": what comes before the future
        # marker reports the past; a sentence with a past mark and no future marker is all past.
        past_until = 0
        if PAST_MARK.search(s.text):
            if not future:
                continue
            if PAST_MARK.search(s.text[: future.start()]):
                past_until = future.start()
        if CONDITION.search(s.text):
            continue
        pledge_sentence = bool(goes_on or FUND_WORD.search(s.text) or MECHANISM.search(s.text))
        spans = []
        for sp in SPREAD.finditer(s.text):
            if sp.start() < past_until or not (future or listed or sp.group("verb")):
                continue
            spread = _spread(SCOPE.sub("", ENUMERATOR.sub("", sp.group("list").strip())), sp.group("vals"))
            if spread:
                spans.append((sp.start(), sp.end()))
            year = re.search(r"到\s*(20\d\d)\s*年", s.text)
            line = s.line if s.in_title else node.line_at(s.offset + sp.start())
            for measure, value, unit, cmp in spread:
                if pledge_sentence and unit in ("万元", "亿元", "元", "万", "亿"):
                    continue
                out.append(Target(measure, measure_key(measure), value, unit, cmp, s.text, node, line, "text",
                                  year=year.group(1) if year else None))
        pos = 0
        last_measure = ""
        for clause in TARGET_SPLIT.split(s.text):
            start = pos
            pos += len(clause)
            if any(a <= start < b for a, b in spans):
                continue  # read above, value by value
            c = clause.strip()
            m = TARGET_CLAUSE.match(c) or OBJECT_TARGET.match(c) or re.match(SCOPE_SHARE, c)
            if not m:
                continue
            if m.re is not TARGET_CLAUSE:  # 每年为300家以上企业提供诊断服务: the count is mid-clause
                if not (m.group("cmp") or m.group("cmp2") or CREATION.match(m.group("measure"))  # 完成30家…改造
                        or re.search(SCOPE_VERB, m.group("measure"))):  # 覆盖城郊12个乡镇
                    continue
                if CEILING.search(m.group("measure")):  # 每年建设不超过10个…: a ceiling on a count is no goal
                    continue
                measure = m.group("measure") + m.group("rest")  # 完成…重点企业超低排放改造
                unit, cmp = m.group("unit"), m.group("cmp") or m.group("cmp2")
                line = s.line if s.in_title else node.line_at(s.offset + start)
                year = re.search(r"到\s*(20\d\d)\s*年", s.text)
                out.append(Target(measure, measure_key(measure), m.group("val"), unit, cmp, s.text, node, line, "text",
                                  year=year.group(1) if year else None))
                continue
            measure = ENUMERATOR.sub("", BASE_VALUE.sub("", m.group("measure")).strip())  # 由2020年的2.1%提高到2.8%
            if m.re is TARGET_CLAUSE and m.group("verb") == "年均增长" and measure:
                measure += "年均增长"  # 增加值年均增长8%: a growth rate, not the level 增加值达到…亿元
            if not measure_key(measure):  # "…达到800家，到2025年力争达到1200家": the same measure
                measure = last_measure
            elif BARE_RATE.fullmatch(measure_key(measure)) and last_measure:
                measure = last_measure + measure  # "增加值突破4000亿元，年均增长7%左右": the growth of 增加值
            last_measure = measure
            if start < past_until or BASE_WORD.search(c):
                continue
            unit = m.group("unit")
            if unit is None and not m.group("cmp"):
                continue
            if pledge_sentence and unit in ("万元", "亿元", "元", "万", "亿"):
                continue
            if not (future or listed or m.group("verb") or m.group("cmp") or m.group("cmp2") or CREATION.match(measure)
                    or (re.search(SCOPE_VERB, measure) and not unit.endswith(("元", "万", "亿")))):  # 涉及居民1.2万户
                continue
            mk = measure_key(measure)
            if len(mk) < 2 or re.fullmatch(r"[\d.\-年月日]+", mk):
                continue
            cmp = m.group("cmp") or ("以内" if m.group("cmp2") == "内" else m.group("cmp2")) or None
            if cmp is None and m.group("verb") in ("不超过", "不高于"):
                cmp = "≤"  # 办结时限不超过5个工作日: a ceiling (read as 超过 with 不 left in the measure before)
            year = re.search(r"到\s*(20\d\d)\s*年", s.text)
            line = s.line if s.in_title else node.line_at(s.offset + start)
            out.append(Target(measure, mk, m.group("val"), unit, cmp, s.text, node, line, "text",
                              year=year.group(1) if year else None))
    return out


_VALUE = re.compile(r"(?P<cmp>≥|≤|＞|＜|>|<)?\s*(?P<val>\d+(?:\.\d+)?)\s*[%％]?\s*(?P<cmp2>以上|以下|左右)?")


def find_table_targets(node: Node) -> list[Target]:
    """Indicator-table rows (指标 · 单位 · 基期值 · 目标值 · 属性) as targets."""
    if node.kind != "table" or not node.rows or len(node.rows) < 2:
        return []
    header = [key(c) for c in node.rows[0]]
    target_cols = _target_columns(header)
    if not target_cols:
        return _standard_targets(node, header)
    unit_col = next((i for i, h in enumerate(header) if "单位" in h), None)
    base_col = next((i for i, h in enumerate(header) if i not in target_cols and re.search(r"基期|现状|20\d\d", h)), None)
    attr_col = next((i for i, h in enumerate(header) if re.search(r"属性|性质", h)), None)
    # a growth column (年均增速 7%左右) is a target of its own, named by the column
    rate_cols = [i for i, h in enumerate(header) if i not in target_cols and RATE_COLUMN.search(h)]
    # the measure's column: 指标, not a 类别 column before it (经济发展 | 地区生产总值增长（%） | …)
    name_col = next((i for i, h in enumerate(header) if re.fullmatch(r"(?:主要)?指标(?:名称)?", h)), 0)
    out: list[Target] = []
    for r, row in enumerate(node.rows[1:], 1):
        measure = re.sub(r"^\d+[.．、]\s*", "", row[name_col] if name_col < len(row) else row[0]).strip()
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        unit = row[unit_col].strip() if unit_col is not None and unit_col < len(row) else None
        for col in target_cols + rate_cols:
            m = _VALUE.search(row[col]) if col < len(row) else None
            if not m:
                continue
            cmp = m.group("cmp") or m.group("cmp2")
            cmp = unicodedata_norm(cmp) if cmp else None
            year = re.search(r"20\d\d", header[col])
            name, of = measure, unit
            if col in rate_cols:
                name = f"{measure}（{node.rows[0][col].strip()}）"
                of = "%" if re.search("[%％]", row[col]) else unit
            out.append(Target(name, measure_key(name), m.group("val"), of or None, cmp, " | ".join(row), node,
                              line, "table", base=_cell(row, base_col), year=year.group(0) if year else None,
                              attribute=_cell(row, attr_col)))
    return out


RATE_COLUMN = re.compile(r"年均|增速|增幅|增长率")
# The column of a standards table (基本公共服务实施标准: 服务项目 | 服务对象 | 服务内容 | 服务标准 |
# 支出责任; a 建设标准 or 配置标准) whose cells state the level each row's service must reach —
# 每千人口拥有托位数达到4.5个, 每周开放时间不少于56小时: goals, like an indicator's target.
# Not a subsidy's 补贴标准 (a pledge: classify/funding.py) nor a 评分标准.
STANDARD_COLUMN = re.compile(r"^(?:服务|建设|配置|保障|实施)?标准$")
# The task column of a 任务分工 table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限): a task with a
# count (建设老年用品产业园区3个) is a goal, as it would be in the text.
TASK_COLUMN = re.compile(r"^(?:重点|主要|具体)?(?:工作)?(?:任务|工作)(?:内容|事项|名称)?$")


# The 建设内容 column of a project list (a 专栏 of 重大项目: 项目名称 | 建设内容 | 总投资 | 建设期限):
# each count in it (新建高速铁路92公里, 装机容量120万千瓦) is the scale the plan promises the
# project at — a goal named by the project, gone with the project when its row is cut.
PROJECT_COLUMN = re.compile(r"^(?:主要)?建设(?:内容|规模)(?:及规模|和规模)?$")
_CLASS_OF = re.compile(r"\d+(?:\.\d+)?[^\d，,；;。]{0,3}?级")  # 5万吨级泊位, 500千伏级: a class, not a count


def _project_targets(node: Node, col: int) -> list[Target]:
    """The counts of a project list's 建设内容 column, each named by its project."""
    scale = re.compile(rf"(?P<measure>[^，,；;。、\d]{{2,30}}?)\s*(?P<val>\d+(?:\.\d+)?)\s*(?P<unit>{TARGET_UNIT})")
    out: list[Target] = []
    for r, row in enumerate((node.rows or [])[1:], 1):
        if col >= len(row):
            continue
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        project = row_name(" | ".join(row))
        for m in scale.finditer(_CLASS_OF.sub("级", row[col])):
            if m.group("unit") in ("万元", "亿元", "元", "万", "亿"):
                continue
            name = f"{project}：{m.group('measure').strip()}"
            out.append(Target(name, measure_key(name), m.group("val"), m.group("unit"), None, " | ".join(row), node,
                              line, "table", table="project"))
    return out


def _standard_targets(node: Node, header: list[str]) -> list[Target]:
    """The goals in the 服务标准 column of a standards table, each named by its row's first
    cell and its own words (婴幼儿照护服务：每千人口拥有3岁以下婴幼儿托位数), or the counts of
    the tasks of a 任务分工 table, named by their words."""
    project = next((i for i, h in enumerate(header) if i > 0 and PROJECT_COLUMN.match(h)), None)
    if project is not None:
        return _project_targets(node, project)
    col = next((i for i, h in enumerate(header) if i > 0 and STANDARD_COLUMN.match(h)), None)
    task = next((i for i, h in enumerate(header) if TASK_COLUMN.match(h)), None) if col is None else None
    at = col if col is not None else task
    if at is None or not node.rows:
        return []
    out: list[Target] = []
    for r, row in enumerate(node.rows[1:], 1):
        if at >= len(row):
            continue
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        for clause in TARGET_SPLIT.split(row[at]):
            m = TARGET_CLAUSE.match(clause.strip())
            if not m or m.group("unit") is None:
                continue
            if not (m.group("verb") or m.group("cmp") or m.group("cmp2")
                    or (task is not None and CREATION.match(m.group("measure")))):
                continue
            if m.group("unit") in ("万元", "亿元", "元", "万", "亿"):
                continue  # money: a subsidy's standard is the funding rule's
            name = f"{row[0].strip()}：{m.group('measure').strip()}" if task is None else m.group("measure").strip()
            cmp = m.group("cmp") or m.group("cmp2")
            out.append(Target(name, measure_key(name), m.group("val"), m.group("unit"), cmp, " | ".join(row), node,
                              line, "table"))
    return out


def _target_columns(header: list[str]) -> list[int]:
    """The target columns of an indicator table's header: every column named a target
    (2025年目标值, 2027年目标值: a plan with a mid-term and a final target); when none is named
    so, the last column of a year (2020年 | 2025年: the first year is the base)."""
    named = [i for i, h in enumerate(header)
             if re.search(r"目标|预期|规划", h) and not re.search(r"基期|现状|属性|性质", h)]
    if named:
        return named
    years = [i for i, h in enumerate(header) if re.search(r"20[2-9]\d", h) and not re.search(r"基期|现状", h)]
    return years[-1:]


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
    conditions = condition_nodes(part)  # who may apply: no goal
    year = plan_start_year(part.title)
    for n in part.nodes():
        if n.kind == "table":
            out.extend(find_table_targets(n))
        elif id(n) not in conditions:
            out.extend(find_text_targets(n, id(n) in past, year))
        else:  # a goal set for a year (到2026年…达到60家) is one even where conditions are listed
            out.extend(t for t in find_text_targets(n, id(n) in past, year) if t.year)
    return out


def pledges_of(part: Part, words: tuple[str, ...] | list[str] = (),
               units: tuple[str, ...] | list[str] = ()) -> list[Pledge]:
    """Every funding pledge of a part in reading order (``words``/``units``: extra pledge
    words and money units, see ``pledge_patterns``)."""
    past = past_nodes(part)
    patterns = pledge_patterns(tuple(words), tuple(units))
    year = plan_start_year(part.title)
    return [p for n in part.nodes() for p in find_pledges(n, id(n) in past, patterns, year)]
