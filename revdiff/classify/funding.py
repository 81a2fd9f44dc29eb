"""Funding pledges removed, added or changed (amount, cap, mechanism)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.fuzz import partial_ratio, ratio

from revdiff.classify import Context
from revdiff.classify.alike import alike_pairs
from revdiff.classify.extract import Pledge, pledges_of, row_name
from revdiff.model import Finding
from revdiff.money import money_value, parse_amount
from revdiff.textkey import key

NAME = "funding"
PAIR = 55  # similarity (0–100) of two pledge sentences to be the same pledge
SCOPE_PENALTY = 25  # taken off when one amount is counted per unit or per year and the other is not


def _amount(p: Pledge) -> str:
    """The amount as a reader says it: 每年每家最高20万元, 10–50万元, 每件10万元."""
    if p.value:
        value = f"{p.low}–{p.value}" if p.low else p.value
        cmp = p.comparator or p.cap or ""  # a cap from a table column (年度上限) has no comparator
        scope = (f"每{p.period}" if p.period and not cmp.startswith(f"每{p.period}") else "") + (
            f"每{p.per}" if p.per and not cmp.startswith(f"每{p.per}") else "")
        return f"{scope}{cmp}{value}{p.unit or ''}"
    return p.mechanism or "资助"


def _wording(p: Pledge) -> str:
    return _wording_of(p.sentence.text)


@lru_cache(maxsize=4096)  # every draft pledge is compared with every final one
def _wording_of(text: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", "", key(text))


def same_pledge(a: Pledge, b: Pledge) -> float:
    """How alike two pledges' wordings are (0–100), amounts left out; above ``PAIR`` they can pair.

    Two pledges that each stand alone in their sentence are compared on the sentences; when a
    sentence makes several (a budget line and two awards), on the sentence and on the clause
    and recipient that tell the pledge from its neighbours.
    """
    if (a.sentence.row is None) != (b.sentence.row is None):
        # a standard moved between the text and a table (a final that sends the reader to an
        # 附件 of 奖补标准): the row's first cell names its recipient; find it in the clause
        row, text = (a, b) if a.sentence.row is not None else (b, a)
        score = partial_ratio(key(row.subject), text.clause)
        if text.sole:  # its sentence's only amount: the recipient may be named in another clause
            score = max(score, partial_ratio(key(row.subject), _wording(text)))
    else:
        whole = ratio(_wording(a), _wording(b))
        score = whole if a.sole and b.sole else 0.4 * whole + 0.6 * ratio(a.clause, b.clause)
        if a.sentence.row is not None and b.sentence.row is not None:
            # rows of a 清单 read alike in all but their names: a row cut and another added are
            # two pledges unless their names (the first cell) are alike too
            score = min(score, ratio(key(row_name(a.sentence.text)), key(row_name(b.sentence.text))))
    # 每年安排2亿元 and a one-off 出资5亿元 are two commitments, not one raised: an amount
    # counted per unit or per year is not the same pledge as one that is not
    return score - (SCOPE_PENALTY if (a.per, a.period) != (b.per, b.period) else 0)


def _comparable(p: Pledge) -> tuple[Decimal, str] | None:
    """A pledge's amount as two pledges can be compared: money in its currency's base unit
    (元), anything else (%, 倍) as a number in its own unit."""
    money = money_value(p.value, p.unit)
    if money:
        return money
    amount = parse_amount(p.value)
    return (amount, p.unit or "") if amount is not None else None


def direction(d: Pledge, f: Pledge) -> str | None:
    """How a paired pledge changed: lowered, raised, redefined, or None when unchanged."""
    if (d.value, d.unit, d.comparator) == (f.value, f.unit, f.comparator):
        if d.low != f.low and d.low and f.low:  # 10–50万元 → 20–50万元
            return "lowered" if Decimal(f.low) < Decimal(d.low) else "raised"
        return None
    dm, fm = _comparable(d), _comparable(f)
    if dm and fm and dm[1] == fm[1] and dm[0] != fm[0]:  # 300千元 < 50万元; 30% < 50%
        return "lowered" if fm[0] < dm[0] else "raised"
    if d.value and not f.value:
        return "lowered"  # the amount itself is gone
    return "redefined"


def _row_text_pairs(dp: list[Pledge], fp: list[Pledge], floor: float) -> set[tuple[int, int]]:
    """Candidate pairs of a table row's pledge and a sentence's (see ``same_pledge``)."""
    from rapidfuzz.process import extract

    out: set[tuple[int, int]] = set()
    for rows, texts, flip in ((dp, fp, False), (fp, dp, True)):
        ti = [i for i, p in enumerate(texts) if p.sentence.row is None]
        if not ti:
            continue
        for ri, r in enumerate(rows):
            if r.sentence.row is None:
                continue
            for names in ([texts[i].clause for i in ti], [_wording(texts[i]) for i in ti]):
                hits = extract(key(r.subject), names, scorer=partial_ratio, score_cutoff=floor, limit=None)
                out.update((ti[j], ri) if flip else (ri, ti[j]) for _, _, j in hits)
    return out


def pair_pledges(ctx: Context) -> list[tuple[Pledge | None, Pledge | None]]:
    """Every pledge of both sides, paired: (draft, final), (draft, None) for a pledge the final
    drops, (None, final) for one it adds; draft pledges in reading order, then the added ones."""
    dp = pledges_of(ctx.draft, ctx.pledge_words, ctx.pledge_units)
    fp = pledges_of(ctx.final, ctx.pledge_words, ctx.pledge_units)
    # Pair pledges globally, best first, on their wording without the amounts, so that a
    # cut amount does not make "省级…10万元" look more like "国家级…5万元" than itself.
    # Only pairs that can pass are scored exactly: with the section bonus a pair needs a score
    # above PAIR - 10, which ``same_pledge`` (a weighted mean of two ratios, less a penalty)
    # reaches only when its sentence or its clause ratio does.
    floor = PAIR - 10 - 1
    near = alike_pairs([_wording(d) for d in dp], [_wording(f) for f in fp], floor)
    near |= alike_pairs([d.clause for d in dp], [f.clause for f in fp], floor)
    near |= _row_text_pairs(dp, fp, floor)
    scored = []
    for di, fi in sorted(near):
        d, f = dp[di], fp[fi]
        partner = ctx.counterpart(d.sentence.node, "draft")
        sc = same_pledge(d, f) + (10 if partner is not None and f.sentence.node is partner else 0)
        if sc > PAIR:
            scored.append((sc, -di, -fi))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, ndi, nfi in sorted(scored, reverse=True):
        if -ndi not in match and -nfi not in used:
            match[-ndi] = -nfi
            used.add(-nfi)
    out: list[tuple[Pledge | None, Pledge | None]] = []
    for di, d in enumerate(dp):
        best = match.get(di)
        out.append((d, None if best is None else fp[best]))
    out.extend((None, f) for i, f in enumerate(fp) if i not in used)
    return out


def run(ctx: Context) -> list[Finding]:
    """Pair each draft pledge with a final one; report what disappeared or changed."""
    out: list[Finding] = []
    for d, f in pair_pledges(ctx):
        if d is None:
            assert f is not None
            out.append(Finding(
                kind="funding_added", severity="medium", subject=f.subject,
                final_text=f.sentence.text, final_value=f.value, unit=f.unit, comparator=f.comparator,
                draft_section=ctx.pair_id(ctx.counterpart(f.sentence.node, "final"), "draft"),
                final_section=ctx.pair_id(f.sentence.node, "final"), final_line=f.sentence.line,
                draft_line=ctx.nearest_line(f.sentence.node, "final", f.sentence.text),
                per=f.per, period=f.period, cap=f.cap, final_min=f.low,
                note=f"定稿新增了对“{f.subject}”的资金承诺（{_amount(f)}）。",
                note_en=f"The final adds a funding pledge for “{f.subject}” ({_amount(f)}).",
            ))
            continue
        partner = ctx.counterpart(d.sentence.node, "draft")
        dsec = ctx.pair_id(d.sentence.node, "draft")
        if f is None:
            out.append(Finding(
                kind="funding_removed", severity="high", subject=d.subject,
                draft_text=d.sentence.text, draft_value=d.value, unit=d.unit, comparator=d.comparator,
                draft_section=dsec, final_section=ctx.pair_id(partner, "final"), draft_line=d.sentence.line,
                final_line=ctx.nearest_line(d.sentence.node, "draft", d.sentence.text),
                per=d.per, period=d.period, cap=d.cap, draft_min=d.low,
                note=f"定稿删除了对“{d.subject}”的资金承诺（{_amount(d)}）。",
                note_en=f"The final drops the funding pledge for “{d.subject}” ({_amount(d)}).",
            ))
            continue
        how = direction(d, f)
        if how is None:
            continue
        out.append(Finding(
            kind="funding_changed", severity="high" if how == "lowered" else "medium",
            subject=d.subject, direction=how,
            draft_text=d.sentence.text, final_text=f.sentence.text, draft_value=d.value, final_value=f.value,
            unit=d.unit or f.unit, comparator=d.comparator or f.comparator,
            final_unit=f.unit if d.unit and f.unit and f.unit != d.unit else None,
            draft_section=dsec, final_section=ctx.pair_id(f.sentence.node, "final"),
            draft_line=d.sentence.line, final_line=f.sentence.line,
            per=d.per or f.per, period=d.period or f.period, cap=d.cap or f.cap, draft_min=d.low, final_min=f.low,
            note=f"对“{d.subject}”的资金承诺由{_amount(d)}改为{_amount(f)}。",
            note_en=f"The funding pledge for “{d.subject}” changed from {_amount(d)} to {_amount(f)}.",
        ))
    return out
