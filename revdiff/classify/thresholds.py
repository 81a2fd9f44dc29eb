"""Thresholds of a law: a quantity that triggers a duty or sets a requirement.

处理超过一百万人个人信息的, 注册资本不少于五百万元, 十人以上, 年满十八周岁, 违法所得在五万元以上
的, 每年至少一次 (a frequency: ``value`` the count, ``period`` 年 / 两年).  A comparator word
(超过, 不少于, 不得低于, 满 …) or 以上 / 以下 makes a number a threshold; a fine, a detention or a
time limit is not one (their own rules report them), nor is a bare number (第十次, 三十人).  Compared
article by article like penalties: ``threshold_changed`` (``direction`` raised / lowered),
``threshold_removed``, ``threshold_added``.  Severity: medium when changed or removed, low
when added — whether a higher threshold is milder (fewer firms caught) or stricter (more
capital required) depends on the provision, so the reviewer reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from revdiff.classify import Context
from revdiff.classify.articles import Clause, Item, cite, items_of, pair_items, similar
from revdiff.classify.penalties import N, find_penalties, share, where
from revdiff.classify.timelimits import find_limits
from revdiff.model import Finding
from revdiff.money import cn_number, format_amount, money_value
from revdiff.numbering import HAN

NAME = "thresholds"

_UNITS = "|".join(sorted(  # longest first: 个月 before 个, 平方米 before 米
    "万元 亿元 元 人 名 户 家 个 平方米 平方公里 公顷 亩 吨 千克 公斤 头 只 羽 株 公里 千米 米 千瓦 立方米 辆 台 套 张 份 件 次 项 "
    "周岁 岁 年 个月 日 天 小时 倍 % ％ 床 层".split(), key=len, reverse=True))
CMP = (r"超过|不超过|不得超过|不少于|不得少于|不低于|不得低于|不高于|不得高于|低于|高于|少于|多于|达到|年满|满|"
       r"至少|不足|不满|未满|未达到|在")
THRESHOLD = re.compile(
    rf"(?P<cmp>{CMP})?(?P<num>百分之{N}|{N})\s*(?P<unit>{_UNITS})(?P<cmp2>以上|以下|以内)?"
)
FREQUENCY = re.compile(rf"每(?P<period>(?P<count>{N})?个?(?P<base>半年|年|季度|月|周|日|天))"
                       rf"(?P<cmp>至少|不少于|不得少于|不超过)?{HAN}{{0,6}}?(?P<num>{N})次")
_PERIOD_YEARS = {"年": Decimal(1), "半年": Decimal("0.5"), "季度": Decimal("0.25"), "月": Decimal(1) / 12,
                 "周": Decimal(7) / 365, "日": Decimal(1) / 365, "天": Decimal(1) / 365}
# A share written as a fraction, as laws write proportions (立法技术规范: 三分之二以上,
# 百分之五十, 千分之二): read as a percentage so that 百分之二十 and 三分之二 compare.
SHARE = re.compile(rf"(?P<den>{N})分之(?P<num>{N})(?P<cmp2>以上|以下|以内)?")
# the comparator of a share may stand before the base the share is of: 不低于建筑面积千分之二
_SHARE_CMP = re.compile(r"不得超过|不超过|超过|不得少于|不少于|少于|不得低于|不低于|低于|不得高于|不高于|高于|至少|"
                        r"不足|未达到|达到")
# money a clause commits rather than requires: 安排资金不少于…, 给予…补助不超过…
_PLEDGE = re.compile(r"安排|资金|经费|补助|奖励|资助|补贴|扶持|奖补")
SAME_THRESHOLD = 40  # score (0–100) below which two thresholds of one article are not the same


@dataclass
class Threshold(Item):
    """A quantity a clause sets as a trigger or a requirement."""

    clause: Clause
    value: Decimal
    unit: str
    comparator: str | None
    written: str
    local: str
    period: str | None = None  # frequencies: 每两年 → 两年
    years: Decimal = Decimal(1)  # frequencies: the period in years (每两年 → 2)
    ordinal: int = 0

    @property
    def scale(self) -> str:
        """What the quantity measures: money in 元, a rate per year, or its unit."""
        if self.period is not None:
            return "次/年"
        return "元" if money_value("1", self.unit) else self.unit

    @property
    def size(self) -> Decimal:
        """The quantity in its scale's base: money in 元, a frequency in times a year."""
        if self.period is not None:
            return self.value / self.years
        money = money_value(format_amount(self.value), self.unit)
        return money[0] if money else self.value


def _taken(clause: Clause) -> list[tuple[int, int]]:
    """Spans of the clause that are fines, detentions or time limits: not thresholds (as
    their own rules found them in this clause)."""
    return ([p.span for p in items_of(clause, find_penalties) if p.high is not None]
            + [lim.span for lim in items_of(clause, find_limits)])


def find_thresholds(clause: Clause) -> list[Threshold]:
    """The thresholds a clause sets, in order."""
    text = clause.text
    taken = _taken(clause)
    out: list[Threshold] = []

    def local(start: int, end: int) -> str:
        comma = max(text.rfind("，", 0, start), text.rfind(",", 0, start))
        return text[comma + 1 : end]

    for m in FREQUENCY.finditer(text):
        value = cn_number(m.group("num"))
        count = cn_number(m.group("count")) if m.group("count") else Decimal(1)
        if value is not None and count:
            taken.append((m.start(), m.end()))
            out.append(Threshold(clause, value, "次", m.group("cmp"), m.group(0), local(m.start(), m.end()), m.group("period"),
                                 years=count * _PERIOD_YEARS[m.group("base")]))
    for m in SHARE.finditer(text):
        value = share(m.group("den") + "分之" + m.group("num"))
        if value is None or any(s < m.end() and m.start() < e for s, e in taken) or _PLEDGE.search(text):
            continue
        cmp = m.group("cmp2")
        if cmp is None:
            before = _SHARE_CMP.findall(local(m.start(), m.start()))
            if not before:
                continue  # 按百分之五十的比例: a rate, not a threshold
            cmp = before[-1]
        taken.append((m.start(), m.end()))
        out.append(Threshold(clause, value, "%", cmp, m.group(0), local(m.start(), m.end())))
    for m in THRESHOLD.finditer(text):
        cmp = m.group("cmp2") if m.group("cmp") in (None, "在") else m.group("cmp")
        if cmp is None:
            continue  # a bare number (三十人, 在三十日) sets nothing
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        num = m.group("num")
        unit = "%" if num.startswith("百分之") else m.group("unit")
        value = cn_number(num.removeprefix("百分之"))
        if value is None:
            continue
        if unit.endswith("元") and _PLEDGE.search(text):
            continue  # 每年安排专项资金不少于500万元: money committed (the funding rule's), not a trigger
        written = m.group(0).removeprefix("在")  # 在三十台以上: the threshold is 三十台以上
        out.append(Threshold(clause, value, unit, cmp, written, local(m.start(), m.end())))
    out.sort(key=lambda t: text.find(t.written))
    for i, t in enumerate(out):
        t.ordinal = i
    return out


def _score(d: Threshold, f: Threshold) -> float | None:
    if d.scale != f.scale:
        return None
    score = 0.5 * similar(d.clause.text, f.clause.text) + 0.5 * similar(d.local, f.local)
    score += 5 if d.ordinal == f.ordinal else 0
    return score if score >= SAME_THRESHOLD else None


def _finding(ctx: Context, d: Threshold | None, f: Threshold | None) -> Finding | None:
    if d is not None and f is not None:
        if d.size == f.size and (d.comparator or "") == (f.comparator or ""):
            return None
        way = "raised" if f.size > d.size else "lowered" if f.size < d.size else "redefined"
        word = {"raised": "提高", "lowered": "降低", "redefined": "改变"}[way]
        same_unit = d.unit == f.unit
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(
            kind="threshold_changed", severity="medium", direction=way, subject=f.local,
            draft_text=d.clause.text, final_text=f.clause.text,
            draft_value=format_amount(d.value if same_unit else d.size),
            final_value=format_amount(f.value if same_unit else f.size),
            unit=d.unit if same_unit else ("元" if d.scale == "元" else d.scale), comparator=f.comparator,
            period=f.period, **cite(ctx, d, f),
            note=f"{at}的数量标准由“{d.written}”{word}为“{f.written}”。",
            note_en=f"{at_en}: the threshold was {way} from “{d.written}” to “{f.written}”.",
        )
    if d is not None:
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(
            kind="threshold_removed", severity="medium", subject=d.local, draft_text=d.clause.text,
            draft_value=format_amount(d.value), unit=d.unit, comparator=d.comparator, period=d.period,
            **cite(ctx, d, None),
            note=f"定稿删除了{at}的数量标准“{d.written}”。",
            note_en=f"The final drops the threshold “{d.written}” of {at_en}.",
        )
    assert f is not None
    at, at_en = where(ctx, f.clause.article, "final"), where(ctx, f.clause.article, "final", True)
    return Finding(
        kind="threshold_added", severity="low", subject=f.local, final_text=f.clause.text,
        final_value=format_amount(f.value), unit=f.unit, comparator=f.comparator, period=f.period,
        **cite(ctx, None, f),
        note=f"定稿{at}新增数量标准“{f.written}”。",
        note_en=f"The final adds the threshold “{f.written}” in {at_en}.",
    )


def run(ctx: Context) -> list[Finding]:
    """threshold_changed / _removed / _added for every article group of a law."""
    out = [_finding(ctx, d, f) for d, f in pair_items(ctx, find_thresholds, _score)]
    return [f for f in out if f is not None]
