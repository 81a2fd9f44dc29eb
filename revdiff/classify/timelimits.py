"""Time limits of a law: 三十日内 → 十五日内, a 九十个工作日 limit removed, a new 十五个工作日 one.

A time limit is a count of days, working days, months, years or hours that a duty must be
done in (三十日内, 十五个工作日以内), a term (期限为三年, 有效期不超过五年), an extension
(延长三十日) or a notice period before an event (提前十五日, 届满三十日前, 终止经营前三十日,
会议召开十五日前).  A date (三月三十一日前) or a year
(2025年) is no time limit.  They are compared article by article like penalties and reported
as ``deadline_changed`` (the kind the plan rule uses for 到2025年 → 到2027年): ``direction``
``raised`` for a longer limit, ``lowered`` for a shorter one, ``removed`` / ``added`` for a
limit that is gone or new.  Severity: medium when a limit changed or is gone, low when added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from revdiff.classify import Context
from revdiff.classify.articles import Clause, Item, cite, pair_items, similar
from revdiff.classify.penalties import N, where
from revdiff.model import Finding
from revdiff.money import cn_number, format_amount

NAME = "timelimits"

UNIT = r"(?P<unit>个工作日|工作日|个自然日|自然日|日|天|个月|年|小时|分钟|周)"
LIMIT = re.compile(
    rf"(?P<lead>(?:期限|时限|有效期|期间)(?:为|是|最长为|一般为)?|(?:不得超过|不超过|最长不超过|一般不超过)"
    rf"|(?:延长|顺延)(?:期限|时间)?(?:不超过|不得超过)?|提前|届满前?|前)?"
    rf"(?P<num>{N}|半){UNIT}(?P<tail>以内|之内|内|前)?"
)
_DAYS = {"日": Decimal(1), "个工作日": Decimal("1.4"), "个月": Decimal(30), "年": Decimal(365),
         "小时": Decimal(1) / 24, "分钟": Decimal(1) / 1440, "周": Decimal(7)}
# units that convert exactly: a year is twelve months (not 365 days), a week seven days
_EXACT = {"年": ("个月", 12), "周": ("日", 7), "小时": ("分钟", 60)}
SAME_LIMIT = 40  # score (0–100) below which two limits of one article are not the same limit


@dataclass
class TimeLimit(Item):
    """A count of days (or working days, months …) a clause allows."""

    clause: Clause
    value: Decimal
    unit: str  # 日, 个工作日, 个月, 年, 小时, 周
    written: str
    local: str
    ordinal: int = 0
    span: tuple[int, int] = (0, 0)  # where the limit is in the clause

    @property
    def exact(self) -> tuple[Decimal, str]:
        """The limit in the smallest unit it converts to exactly (一年 → 12 个月, 两周 → 14 日)."""
        base, factor = _EXACT.get(self.unit, (self.unit, 1))
        return self.value * factor, base

    @property
    def days(self) -> Decimal:
        """The limit in calendar days, roughly (a working day is 1.4 days): to say which is longer."""
        return self.value * _DAYS[self.unit]


def find_limits(clause: Clause) -> list[TimeLimit]:
    """The time limits a clause sets, in order."""
    text = clause.text
    out: list[TimeLimit] = []
    for m in LIMIT.finditer(text):
        if not (m.group("lead") or m.group("tail")):
            continue  # 三十日 alone: a length, not a limit
        if text[: m.start("num")].endswith("月"):
            continue  # 6月30日内, 三月三十一日前: a date
        unit = {"工作日": "个工作日", "天": "日", "个自然日": "日", "自然日": "日"}.get(m.group("unit"), m.group("unit"))
        value = cn_number(m.group("num")) if m.group("num") != "半" else None
        if m.group("num") == "半":  # 半年 is 六个月 and 半个月 十五日, as revisions rewrite them
            value, unit = {"年": (Decimal(6), "个月"), "个月": (Decimal(15), "日")}.get(unit, (None, unit))
        if value is None or (unit == "年" and value >= 1000):
            continue  # 2025年内: a year
        comma = max(text.rfind("，", 0, m.start()), text.rfind(",", 0, m.start()))
        out.append(TimeLimit(clause, value, unit, m.group(0), text[comma + 1 : m.end()], len(out), (m.start(), m.end())))
    return out


def _score(d: TimeLimit, f: TimeLimit) -> float | None:
    score = 0.5 * similar(d.clause.text, f.clause.text) + 0.5 * similar(d.local, f.local)
    score += 5 if d.ordinal == f.ordinal else 0
    return score if score >= SAME_LIMIT else None


def _values(d: TimeLimit | None, f: TimeLimit | None) -> tuple[str | None, str | None, str | None]:
    """(draft_value, final_value, unit): counts in the shared unit; when the unit changed
    (三十日 → 二十个工作日), each value keeps its unit and ``unit`` is None."""
    if d is not None and f is not None and d.unit != f.unit:
        return f"{format_amount(d.value)}{d.unit}", f"{format_amount(f.value)}{f.unit}", None
    either = d if d is not None else f
    unit = either.unit if either is not None else None
    return (format_amount(d.value) if d else None, format_amount(f.value) if f else None, unit)


def _finding(ctx: Context, d: TimeLimit | None, f: TimeLimit | None) -> Finding | None:
    dv, fv, unit = _values(d, f)
    if d is not None and f is not None:
        if d.exact == f.exact:
            return None  # 一年 → 十二个月, 两周 → 十四日: the same limit rewritten
        # about as long in another unit (三十日 → 一个月): not the same limit, neither longer nor shorter
        way = "raised" if f.days > d.days else "lowered" if f.days < d.days else "redefined"
        word, word_en = {"raised": ("延长", "extended"), "lowered": ("缩短", "shortened"),
                         "redefined": ("改写", "rewritten")}[way]
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(
            kind="deadline_changed", severity="medium", direction=way,
            subject=d.local, draft_text=d.clause.text, final_text=f.clause.text, draft_value=dv, final_value=fv,
            unit=unit, **cite(ctx, d, f),
            note=f"{at}的时限由“{d.written}”{word}为“{f.written}”。",
            note_en=f"{at_en}: the time limit was {word_en} from "
                    f"{format_amount(d.value)} {d.unit} to {format_amount(f.value)} {f.unit}.",
        )
    if d is not None:
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(
            kind="deadline_changed", severity="medium", direction="removed", subject=d.local,
            draft_text=d.clause.text, draft_value=dv, unit=unit,
            **cite(ctx, d, None),
            note=f"定稿删除了{at}的时限“{d.written}”。",
            note_en=f"The final drops the time limit of {format_amount(d.value)} {d.unit} in {at_en}.",
        )
    assert f is not None
    at, at_en = where(ctx, f.clause.article, "final"), where(ctx, f.clause.article, "final", True)
    return Finding(
        kind="deadline_changed", severity="low", direction="added", subject=f.local,
        final_text=f.clause.text, final_value=fv, unit=unit,
        **cite(ctx, None, f),
        note=f"定稿{at}新增时限“{f.written}”。",
        note_en=f"The final adds a time limit of {format_amount(f.value)} {f.unit} in {at_en}.",
    )


def run(ctx: Context) -> list[Finding]:
    """deadline_changed for every time limit of a law changed, removed or added."""
    out = [_finding(ctx, d, f) for d, f in pair_items(ctx, find_limits, _score)]
    return [f for f in out if f is not None]
