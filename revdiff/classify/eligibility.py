"""Eligibility conditions of a plan: who may apply, and who is now in or out.

A 申报指南 or 实施细则 lists its conditions under a heading such as 申报条件 / 申请条件 / 支持条件,
or after 应同时具备以下条件：; a condition is a quantity with a comparator: 注册成立满2年,
上年度营业收入不低于2000万元, 研发费用占营业收入的比例不低于3%, 资产负债率不高于70%.  A floor
raised or a ceiling lowered lets fewer in (``eligibility`` ``tightened``); a floor lowered, a
ceiling raised or a condition dropped lets more in (``loosened``); a new condition is
``tightened``.  The opening clause of a pledge that says who qualifies for it (对年网络零售额
首次超过5000万元的电商企业，给予20万元奖励) is a condition too; cut or added with its pledge, it is
the funding rule's finding, not a second one.  Conditions pair by what they measure (the words before the comparator) and
the scale of their unit, anywhere in the conditions, so that renumbered items still pair.
Reported as the law genre's ``threshold_changed`` / ``_removed`` / ``_added``; ``high`` when
tightened (a narrowed commitment), ``medium`` when loosened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from revdiff.classify import Context
from revdiff.model import Finding, Node, Part
from revdiff.money import cn_number, format_amount, money_value

NAME = "eligibility"

_FLOORS = ("不得低于", "不得少于", "不低于", "不少于", "高于", "超过", "突破", "达到", "年满", "满", "以上")
_CMP = "不得低于|不得少于|不得高于|不得超过|不低于|不少于|不高于|不超过|低于|高于|超过|突破|少于|达到|年满|满"
_UNIT = "万美元|亿美元|美元|万元|亿元|元|个百分点|%|％|周岁|岁|年|个月|人|名|家|个|项|件|平方米|亩"
_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+"
# a quantity with a comparator before it, or with 以上 / 以下 after it
_QUANTITY = (rf"(?P<cmp>{_CMP})\s*(?P<num>{_NUM})\s*(?P<unit>{_UNIT})(?P<cmp2>以上|以下|以内)?"
             rf"|(?P<num2>{_NUM})\s*(?P<unit2>{_UNIT})及?(?P<cmp3>以上|以下)")  # 70周岁及以上
SAME = 60  # similarity (0–100) of two conditions' measures to be the same condition


@dataclass
class Condition:
    """One quantity a condition sets."""

    measure: str  # the words before the comparator: 上年度营业收入
    value: str  # the number (满三年 → 3)
    unit: str
    comparator: str
    written: str  # 不低于2000万元
    sentence: str
    node: Node
    line: int
    of_pledge: bool = False  # the qualifier of a pledge: cut or added with it, it is the pledge's finding

    @property
    def floor(self) -> bool:
        """True when the quantity is a minimum (不低于, 满, 以上): raising it lets fewer in."""
        return self.comparator in _FLOORS

    @property
    def size(self) -> tuple[Decimal, str]:
        """The quantity on one scale: money in 元, anything else in its own unit."""
        money = money_value(self.value, self.unit)
        return money if money else (Decimal(self.value), self.unit.replace("％", "%"))


def conditions_of(part: Part) -> list[Condition]:
    """The quantified eligibility conditions of a part, in reading order: those of its
    conditions sections, and the opening clause of a pledge that says who qualifies for it
    (对年网络零售额首次超过5000万元的电商企业，给予20万元奖励)."""
    from revdiff.classify.extract import (
        APPLIES,
        MECHANISM,
        commitment_sentences,
        condition_nodes,
        qualifier_end,
    )

    inside = condition_nodes(part)
    out: list[Condition] = []
    for n in part.nodes():
        if n.kind == "table":
            out += _column_conditions(n)
            continue
        for s in commitment_sentences(n):
            if APPLIES.search(s.text):  # 本政策适用于…不低于5000万美元的企业: the policy's scope
                out += _quantities(s.text, n, s.line)
            elif not MECHANISM.search(s.text):
                # a sentence that gives money (对符合以下条件的企业给予不超过50万元的奖励) sets no
                # condition with it; one that names money as a condition (投资不低于2000万元) does
                if id(n) in inside:
                    out += _quantities(s.text, n, s.line)
            elif qualifier_end(s.text):
                out += _quantities(s.text[: qualifier_end(s.text)], n, s.line, s.text)
    return out


# the column of a standards table that says who is served or may apply (服务项目 | 服务对象 | …):
# its quantities (辖区内70周岁及以上常住居民) are conditions of the row's service
_WHO_COLUMN = re.compile(r"^(?:服务|补助|补贴|支持|保障|救助|适用|申报|受益)?对象$|^(?:申报|享受|申请)条件$")


def _column_conditions(node: Node) -> list[Condition]:
    """The conditions in a table's 服务对象 / 申报条件 column, each named by its row's first cell."""
    if not node.rows or len(node.rows) < 2:
        return []
    cols = [i for i, h in enumerate(node.rows[0]) if _WHO_COLUMN.search(h.strip()) and i > 0]
    out = []
    for r, row in enumerate(node.rows[1:], 1):
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        for i in cols:
            for c in _quantities(row[i] if i < len(row) else "", node, line, " | ".join(row)):
                c.measure, c.of_pledge = f"{row[0].strip()}：{c.measure}", False
                out.append(c)
    return out


def _quantities(sentence: str, node: Node, line: int, whole: str | None = None) -> list[Condition]:
    """The conditions ``sentence`` sets (the qualifier clause of ``whole``, when given)."""
    out = []
    for m in re.finditer(_QUANTITY, sentence):
        cmp = m.group("cmp") or m.group("cmp3")
        if m.group("cmp2") and m.group("cmp") in (None, "达到", "满", "年满"):
            cmp = m.group("cmp2")
        num, unit = (m.group("num"), m.group("unit")) if m.group("num") else (m.group("num2"), m.group("unit2"))
        number = cn_number(num)
        if number is None:
            continue
        before = sentence[: m.start()]
        cut = max(before.rfind(c) for c in "，,；;：:、")
        measure = re.sub(r"^\s*[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*", "", before[cut + 1 :]).strip()
        measure = measure.removeprefix("对于").removeprefix("对")
        out.append(Condition(measure, format_amount(number), unit, cmp, m.group(0), whole or sentence, node, line,
                             of_pledge=whole is not None))
    return out


def _pairs(ds: list[Condition], fs: list[Condition]) -> list[tuple[Condition | None, Condition | None]]:
    """Conditions of the two versions paired by measure and scale, best match first."""
    from rapidfuzz.fuzz import ratio

    from revdiff.textkey import key

    scored = sorted(((ratio(key(d.measure), key(f.measure)), i, j) for i, d in enumerate(ds) for j, f in enumerate(fs)
                     if d.size[1] == f.size[1]), reverse=True)
    used_d: set[int] = set()
    used_f: set[int] = set()
    out: list[tuple[Condition | None, Condition | None]] = []
    for score, i, j in scored:
        if score < SAME or i in used_d or j in used_f:
            continue
        used_d.add(i)
        used_f.add(j)
        out.append((ds[i], fs[j]))
    out += [(d, None) for i, d in enumerate(ds) if i not in used_d]
    out += [(None, f) for j, f in enumerate(fs) if j not in used_f]
    return out


def _finding(ctx: Context, d: Condition | None, f: Condition | None) -> Finding | None:
    if d is not None and f is not None:
        if d.size == f.size and d.floor == f.floor:
            return None
        way = "raised" if f.size[0] > d.size[0] else "lowered" if f.size[0] < d.size[0] else "redefined"
        fewer = (way == "raised") == f.floor if way != "redefined" else f.floor and not d.floor
        how = "tightened" if fewer else "loosened"
        word = {"tightened": "收紧", "loosened": "放宽"}[how]
        return Finding(
            kind="threshold_changed", severity="high" if fewer else "medium", direction=way, eligibility=how,
            subject=f.measure or d.measure, draft_text=d.sentence, final_text=f.sentence,
            draft_value=d.value, final_value=f.value, unit=d.unit,
            final_unit=f.unit if f.unit != d.unit else None, comparator=f.comparator,
            draft_section=ctx.pair_id(d.node, "draft"), final_section=ctx.pair_id(f.node, "final"),
            draft_line=d.line, final_line=f.line,
            note=f"条件“{d.measure}{d.written}”改为“{f.written}”（{word}，{'能享受的更少' if fewer else '能享受的更多'}）。",
            note_en=f"The eligibility condition “{d.measure}{d.written}” became “{f.written}” ({how}).",
        )
    alone = d if d is not None else f
    if alone is not None and alone.of_pledge:
        return None  # a pledge cut or added with who qualifies for it: the funding rule tells it
    if d is not None:
        return Finding(
            kind="threshold_removed", severity="medium", eligibility="loosened", subject=d.measure,
            draft_text=d.sentence, draft_value=d.value, unit=d.unit, comparator=d.comparator,
            draft_section=ctx.pair_id(d.node, "draft"), draft_line=d.line,
            final_line=ctx.nearest_line(d.node, "draft", d.sentence),
            note=f"定稿删除了条件“{d.measure}{d.written}”（放宽）。",
            note_en=f"The final drops the eligibility condition “{d.measure}{d.written}” (loosened).",
        )
    assert f is not None
    return Finding(
        kind="threshold_added", severity="high", eligibility="tightened", subject=f.measure,
        final_text=f.sentence, final_value=f.value, unit=f.unit, comparator=f.comparator,
        final_section=ctx.pair_id(f.node, "final"), final_line=f.line,
        draft_line=ctx.nearest_line(f.node, "final", f.sentence),
        note=f"定稿新增申报条件“{f.measure}{f.written}”（条件收紧）。",
        note_en=f"The final adds the eligibility condition “{f.measure}{f.written}” (tightened).",
    )


def run(ctx: Context) -> list[Finding]:
    """threshold_changed / _removed / _added for the eligibility conditions of a plan."""
    ds, fs = conditions_of(ctx.draft), conditions_of(ctx.final)
    if not ds and not fs:
        return []
    out = [_finding(ctx, d, f) for d, f in _pairs(ds, fs)]
    return [f for f in out if f is not None]
