"""Penalties of a law: fines raised, lowered, added or removed; other sanctions added or removed.

A fine is an amount, a range or a multiple followed by 罚款 (or 罚金): 处二千元罚款,
一千元以下的罚款, 五万元以上二十万元以下罚款, 违法所得一倍以上五倍以下罚款, 上一年度营业额百分之五
以下罚款.  Detention (处五日以上十日以下拘留) is read the same way in 日.  The other sanctions of
the 行政处罚法 (警告, 通报批评, 没收, 吊销, 暂扣, 撤销许可/资质, 责令停产停业, 责令关闭, 降低资质等级, 限制从业,
拘留) are counted as they are imposed; a suspension's length (责令停业整顿一个月至三个月, 暂扣许可证
三个月至六个月) is read as a range in 个月 / 日 / 年, like a fine's.

Penalties are compared article by article (``articles.pair_items``) and paired by the clause
that imposes them, numbers masked, within the same tier (情节严重的 … is its own penalty: a
new tier is an added penalty).  Severity: a fine lowered or a penalty removed is ``high``
(the law got milder), raised or added is ``medium``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from revdiff.classify import Context
from revdiff.classify.articles import Clause, Item, cite, is_article, pair_items, similar
from revdiff.model import Finding, Node
from revdiff.money import cn_number, format_amount, money_value, split_amount
from revdiff.numbering import HAN

NAME = "penalties"

N = r"(?:\d+(?:[.,]\d+)*[万亿]?|[零〇一二两三四五六七八九十百千万亿]+)"


def amount_re(units: str) -> str:
    """A regex for an amount in ``units`` (an alternation): a range (五万元以上二十万元以下,
    一至三倍), a cap (一千元以下, 不超过十万元) or one amount (二千元), in named groups."""
    one = rf"(?:{N}分之{N}|{N}\s*(?:{units}))" if "%" in units else rf"{N}\s*(?:{units})"
    low = rf"(?:{N}分之{N}|{N}\s*(?:{units})?)" if "%" in units else rf"{N}\s*(?:{units})?"
    return (rf"(?:(?P<lo>{low})\s*(?:以上|至|到|－|-|～|~)\s*(?P<hi>{one})\s*(?:以下)?"
            rf"|(?P<cap>不超过|不高于|最高|最多)?\s*(?P<one>{one})\s*(?P<cap2>以下|以内)?)")


AMOUNT = re.compile(amount_re("万元|亿元|元|倍|%|％"))
DAYS = re.compile(amount_re("日|天") + r"的?(?:行政)?拘留")
# …罚款, or a rate per thing: 按照每辆五十元的标准处以罚款
FINE_AFTER = re.compile(r"^\s*的?(?:标准(?:处以|处|予以))?(?:罚款|罚金)")
# punitive damages a court awards: a multiple of the price or the loss (价款十倍的赔偿金, 损失三倍以下的
# 惩罚性赔偿) is a sanction like a fine; an amount of compensation is not
DAMAGES_AFTER = re.compile(r"^\s*的?(?:惩罚性)?赔偿金?")
OR_AFTER = re.compile(r"^\s*(?:或者|或)")
SEPARATOR = re.compile(r"[，,；;。的]")
# what a multiple or a percentage is of (违法所得一倍以上五倍以下, 货值金额十倍, 营业额百分之五); the
# word before 价款 / 费用 names it (合同价款), unless it is the paying (支付价款三倍: of the 价款)
_NOT_PAYING = "(?!支付|收取|退还|返还|缴纳)"
BASIS = re.compile(r"(?:上一年度)?(?:违法所得|违法收入|货值金额|损失|违法经营额|营业额|销售额|销售金额|合同金额|税款|税额"
                   rf"|{HAN}{{1,2}}金额|{_NOT_PAYING}{HAN}{{2}}费用|(?:{_NOT_PAYING}{HAN}{{2}})?价款)的?$")
# a penalty that applies only in a graver or a milder case is a tier of its own
TIER = re.compile(r"情节特别严重|情节严重|情节较重|情节较轻|情节轻微|拒不改正|逾期不改正|逾期未改正|逾期仍不改正"
                  r"|造成严重后果|后果严重|数额巨大|数额较大|屡次|多次")
# the other sanctions, as imposed (not 被吊销 …的: a condition; not 没收的: a thing confiscated)
_SANCTIONS = [
    ("警告", r"警告"),
    ("通报批评", r"通报批评"),
    ("没收", r"没收"),
    ("吊销", r"吊销"),
    ("暂扣", r"暂扣"),
    # a permit or qualification withdrawn as a sanction: 撤销许可证, 撤销其检验资质 (not 撤销…行为)
    ("撤销", rf"撤销(?:其)?{HAN}{{0,6}}?(?:许可证?|资质|资格|证书|执照)"),
    ("责令停产停业", r"停产停业|停业整顿|停产整顿|停止营业"),
    ("责令关闭", r"责令关闭|予以关闭"),
    ("降低资质等级", r"降低资质等级"),
    ("限制从业", rf"(?:限制|禁止)(?:其)?(?:{HAN}{{0,6}})?从业|从业禁止"),
    ("拘留", r"拘留"),
]
SANCTION_NAMES = [name for name, _ in _SANCTIONS]
# sanctions imposed for a time, the length written right after them (责令停业整顿一个月至三个月,
# 暂扣生产许可证三个月至六个月, 暂扣许可证六个月): read as a range like a fine's
_TIMED = ("暂扣", "责令停产停业")
_SPAN = r"(?:个月|日|天|年)"
DURATION = re.compile(rf"[^，,；;。、]{{0,12}}?(?:(?P<lo>{N}{_SPAN}?)\s*(?:以上|至|到|－|-|～|~)\s*(?P<hi>{N}{_SPAN})(?:以下)?"
                      rf"|(?P<one>{N}{_SPAN})(?!\s*(?:以上|至|到|内))(?:以下|以内)?)")
# one pattern, a group per sanction (s0, s1 …), so that a clause is scanned once
SANCTION = re.compile(r"(?<![被已])(?:" + "|".join(f"(?P<s{i}>{p})" for i, (_, p) in enumerate(_SANCTIONS)) + r")(?!的)")

Bound = tuple[Decimal, str]  # an amount as written and its unit: (20, "万元")


@dataclass
class Penalty(Item):
    """One penalty imposed by a clause."""

    clause: Clause
    kind: str  # 罚款, 拘留 or another sanction's name
    written: str = ""  # the amount as written: 五万元以上二十万元以下
    low: Bound | None = None  # 以上 bound; for one amount (处二千元罚款) the amount itself
    high: Bound | None = None  # 以下 bound or the amount
    basis: str | None = None  # 违法所得 for 违法所得一倍以上五倍以下
    tier: str | None = None  # 情节严重 …
    local: str = ""  # the clause up to the penalty, from the last comma: who pays what
    ordinal: int = 0  # position among the clause's penalties of the same kind
    span: tuple[int, int] = (0, 0)  # where the amount is in the clause

    @property
    def scale(self) -> str:
        """What the amounts measure: money (元), a multiple (倍), a percentage, days."""
        unit = (self.high or self.low or (Decimal(0), ""))[1]
        return "元" if unit.endswith("元") else unit


_SHARE = re.compile(rf"({N})分之({N})")


def share(text: str) -> Decimal | None:
    """A share written as a fraction in per cent: 百分之五 → 5, 千分之五 → 0.5, 三分之二 → 66.67
    (rounded to 0.01); None when ``text`` is not one."""
    m = _SHARE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    den, num = (cn_number(m.group(1)), cn_number(m.group(2))) if m else (None, None)
    if not den or num is None:
        return None
    return (num * 100 / den).quantize(Decimal("0.01")).normalize()


def _amount_of(text: str) -> Bound | None:
    """An amount with its unit (二十万元, 三倍), a share (千分之五 → 0.5 %) or a count of days."""
    value = share(text)
    return (value, "%") if value is not None else split_amount(text) or _days(text)


def _bounds(m: re.Match[str]) -> tuple[Bound | None, Bound | None]:
    if m.group("hi"):
        hi = _amount_of(m.group("hi"))
        lo = _amount_of(m.group("lo"))
        if lo is None and hi is not None:  # 一至三倍: the low bound takes the high one's unit
            lo = _amount_of(m.group("lo") + hi[1])
        return lo, hi
    one = _amount_of(m.group("one"))
    if m.group("cap") or m.group("cap2"):
        return None, one
    return one, one


def _duration(m: re.Match[str]) -> tuple[str, Bound | None, Bound | None]:
    """A sanction's length as written and its bounds (一个月至三个月 → (1, 个月), (3, 个月)), in
    个月, 日 or 年; a length with 以下/以内 has no low bound."""
    def one(text: str, unit: str | None = None) -> Bound | None:
        found = re.fullmatch(rf"({N})({_SPAN})?", text.strip())
        value = cn_number(found.group(1)) if found else None
        unit = (found.group(2) if found and found.group(2) else unit) or ""
        return (value, {"天": "日"}.get(unit, unit)) if value is not None and unit else None

    written = m.string[m.start("lo" if m.group("lo") else "one") : m.end()]
    if m.group("one"):
        b = one(m.group("one"))
        return written, (None if written.endswith(("以下", "以内")) else b), b
    hi = one(m.group("hi"))
    lo = one(m.group("lo"), hi[1] if hi else None)
    if lo and hi and {lo[1], hi[1]} == {"个月", "年"}:  # 六个月以上一年以下: both in months
        lo, hi = ((b[0] * 12, "个月") if b[1] == "年" else b for b in (lo, hi))
    return written, lo, hi


def _days(text: str) -> Bound | None:
    text = text.strip()
    if text and text[-1] in "日天":
        value = cn_number(text[:-1])
        return (value, "日") if value is not None else None
    return None


def _penalty(clause: Clause, kind: str, m: re.Match[str]) -> Penalty:
    text = clause.text
    start = m.start()
    lo, hi = _bounds(m)
    basis = BASIS.search(text[max(0, start - 12) : start]) if hi and hi[1] in ("倍", "%") else None
    tiers = TIER.findall(text[:start])
    comma = max(text.rfind("，", 0, start), text.rfind(",", 0, start))
    written = re.sub(r"的?(?:行政)?拘留$", "", m.group(0).strip())  # 十日以上十五日以下 (拘留)
    return Penalty(clause=clause, kind=kind, written=written, low=lo, high=hi,
                   basis=basis.group(0).rstrip("的") if basis else None, tier=tiers[-1] if tiers else None,
                   local=text[comma + 1 : m.end()], span=(m.start(), m.end()))


def find_penalties(clause: Clause) -> list[Penalty]:
    """The penalties a clause imposes, in order: fines, detention, other sanctions."""
    text = clause.text
    out: list[Penalty] = []
    # a fine is followed by 罚款 / 罚金: most clauses have neither and need no amount scan
    amounts = list(AMOUNT.finditer(text)) if "罚" in text or "赔偿" in text else []
    kinds: list[str | None] = [None] * len(amounts)
    for i in reversed(range(len(amounts))):  # 五千万元以下或者营业额百分之五以下罚款: both are fines
        after = text[amounts[i].end() :]
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        if FINE_AFTER.match(after):
            kinds[i] = "罚款"
        elif DAMAGES_AFTER.match(after) and (amounts[i].group("hi") or amounts[i].group("one") or "").endswith("倍"):
            kinds[i] = "惩罚性赔偿"
        elif OR_AFTER.match(after) and nxt is not None and kinds[i + 1]:
            # …或者 another fine's basis and amount, in the same phrase (no comma, no 的-clause between)
            if not SEPARATOR.search(text[amounts[i].end() : nxt.start()]):
                kinds[i] = kinds[i + 1]
    out.extend(_penalty(clause, kind, m) for m, kind in zip(amounts, kinds, strict=True) if kind)
    detained = list(DAYS.finditer(text)) if "拘留" in text else []
    out.extend(_penalty(clause, "拘留", m) for m in detained)
    for m in SANCTION.finditer(text):
        name = SANCTION_NAMES[int((m.lastgroup or "s0")[1:])]
        if name == "拘留" and any(d.start() <= m.start() < d.end() for d in detained):
            continue
        timed = DURATION.match(text, m.end()) if name in _TIMED else None
        written, low, high = _duration(timed) if timed else (m.group(0), None, None)
        out.append(Penalty(clause=clause, kind=name, written=written, low=low, high=high,
                           tier=(TIER.findall(text[: m.start()]) or [None])[-1],
                           local=text[max(text.rfind("，", 0, m.start()), 0) : m.end()]))
    seen: dict[str, int] = {}
    for p in out:
        p.ordinal = seen.get(p.kind, 0)
        seen[p.kind] = p.ordinal + 1
    return [p for p in out if p.kind not in ("罚款", "拘留", "惩罚性赔偿") or p.high is not None]


def _score(d: Penalty, f: Penalty) -> float | None:
    """How alike two penalties are (None: never the same penalty)."""
    if d.kind != f.kind or d.tier != f.tier or d.scale != f.scale or d.basis != f.basis:
        return None
    score = 0.5 * similar(d.clause.text, f.clause.text) + 0.5 * similar(d.local, f.local)
    return score + (5 if d.ordinal == f.ordinal else 0)


def _key(b: Bound | None) -> Decimal:
    """A bound comparable across 元/万元/亿元 and across % and 倍 (a missing low bound is 0)."""
    if b is None:
        return Decimal(0)
    if b[1] == "%":
        return b[0] / 100
    money = money_value(str(b[0]), b[1])
    return money[0] if money else b[0]


def _shown(bounds: list[Bound | None]) -> tuple[list[str | None], str | None]:
    """The bounds as numbers in one unit: the unit written when they share it, else 元 for
    money; amounts in units that do not convert (税款百分之五十以上五倍以下) keep their units and
    the unit is None."""
    units = {b[1] for b in bounds if b is not None}
    if len(units) <= 1:
        return [format_amount(b[0]) if b else None for b in bounds], (units.pop() if units else None)
    if all(money_value("1", u) for u in units):
        return [format_amount(_key(b)) if b else None for b in bounds], "元"
    return [f"{format_amount(b[0])}{b[1]}" if b else None for b in bounds], None


def direction(d: Penalty, f: Penalty) -> str | None:
    """raised / lowered for a fine or detention whose bounds changed; None when they did not."""
    dh, fh, dl, fl = _key(d.high), _key(f.high), _key(d.low), _key(f.low)
    if dh != fh:
        return "raised" if fh > dh else "lowered"
    if dl != fl:
        return "raised" if fl > dl else "lowered"
    return None


def _what(p: Penalty) -> str:
    tier = f"（{p.tier}的）" if p.tier else ""
    basis = f"（{p.basis}）" if p.basis else ""
    return f"{p.kind}{basis}{tier}"


def _amount(p: Penalty) -> str:
    """（五万元以下） after a fine's name; nothing for a sanction with no amount."""
    return f"（{p.written}）" if p.high is not None else ""


def where(ctx: Context, node: Node, side: str, en: bool = False) -> str:
    """The article an item is in, with its number on the other side when it was renumbered:
    第四十一条（定稿第四十四条）."""
    other = ctx.counterpart(node, side)
    if other is None or not is_article(other) or other.number == node.number:
        return node.number
    if en:
        return f"{node.number} ({other.number} in the {'final' if side == 'draft' else 'draft'})"
    return f"{node.number}（{'定稿' if side == 'draft' else '原'}{other.number}）"


def _finding(ctx: Context, d: Penalty | None, f: Penalty | None) -> Finding | None:
    values, unit = _shown([d.high if d else None, f.high if f else None, d.low if d else None, f.low if f else None])
    dv, fv, dmin, fmin = values
    if d is not None and f is not None:
        way = direction(d, f)
        if way is None:
            return None
        word, word_en = ("提高", "raised") if way == "raised" else ("降低", "lowered")
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(
            kind="penalty_changed", severity="high" if way == "lowered" else "medium", direction=way,
            subject=_what(d), draft_text=d.clause.text, final_text=f.clause.text,
            **cite(ctx, d, f), unit=unit,
            draft_min=dmin, final_min=fmin, draft_value=dv, final_value=fv,
            note=f"{at}的{_what(d)}由“{d.written}”{word}为“{f.written}”。",
            note_en=f"{at_en}: the {_en(d)} was {word_en} from {_range(dmin, dv, unit)} to {_range(fmin, fv, unit)}.",
        )
    if d is not None:
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        gone = ctx.counterpart(d.clause.article, "draft") is None  # the whole article is deleted
        return Finding(
            kind="penalty_removed", severity="high", subject=_what(d), draft_text=d.clause.text,
            **cite(ctx, d, None),
            unit=unit, draft_min=dmin, draft_value=dv,
            note=f"定稿删除了{at}整条，其{_what(d)}{_amount(d)}随之删除。" if gone
            else f"定稿删除了{at}的{_what(d)}{_amount(d)}。",
            note_en=f"The final drops the {_en(d)} of {at_en}{_amount_en(d)}"
                    f"{'; the whole article is deleted' if gone else ''}.",
        )
    assert f is not None
    at, at_en = where(ctx, f.clause.article, "final"), where(ctx, f.clause.article, "final", True)
    return Finding(
        kind="penalty_added", severity="medium", subject=_what(f), final_text=f.clause.text,
        **cite(ctx, None, f),
        unit=unit, final_min=fmin, final_value=fv,
        note=f"定稿{at}新增{_what(f)}{_amount(f)}。",
        note_en=f"The final adds a {_en(f)} in {at_en}{_amount_en(f)}.",
    )


_EN = {"罚款": "fine", "拘留": "detention", "惩罚性赔偿": "punitive damages", "警告": "warning", "通报批评": "public criticism", "没收": "confiscation",
       "吊销": "revocation of a licence", "暂扣": "suspension of a licence",
       "撤销": "withdrawal of a permit or qualification", "责令停产停业": "suspension of business",
       "责令关闭": "closure order", "降低资质等级": "downgrade of qualification", "限制从业": "ban from practice"}


def _en(p: Penalty) -> str:
    tier = f" for the graver case ({p.tier})" if p.tier else ""
    basis = f" (a multiple of {p.basis})" if p.basis else ""
    return f"{_EN.get(p.kind, p.kind)}{basis}{tier}"


def _amount_en(p: Penalty) -> str:
    values, unit = _shown([p.low, p.high])
    return f" ({_range(values[0], values[1], unit)})" if p.high is not None else ""


def _range(low: str | None, high: str | None, unit: str | None) -> str:
    if high is None:
        return "none"
    unit = f" {unit}" if unit else ""  # None: each bound carries its unit (50%–5倍)
    if low is None:
        return f"up to {high}{unit}"
    return f"{high}{unit}" if low == high else f"{low}–{high}{unit}"


def run(ctx: Context) -> list[Finding]:
    """penalty_changed / _removed / _added for every article group of a law."""
    out = [_finding(ctx, d, f) for d, f in pair_items(ctx, find_penalties, _score)]
    return [f for f in out if f is not None]
