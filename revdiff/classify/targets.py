"""Quantified targets removed, added or changed, in text and in indicator tables.

Targets are paired by the measure's name, never by position; the same number under a
different measure is ``redefined``.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from revdiff import genres
from revdiff.classify import Context
from revdiff.classify.alike import alike_pairs
from revdiff.classify.extract import TARGET_SPLIT, Sentence, Target, is_time_limit, sentences, targets_of
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "targets"
SAME_MEASURE = 72  # measure-name similarity (0–100) for the same measure
OTHER_YEAR = 10  # taken off when the two targets are for different years (2025年目标值 / 2027年目标值)
RELATED = 45  # weaker similarity accepted inside the same aligned section


def _redefined(a: str, b: str) -> bool:
    """Same number, but the measure's name changed in substance (专利权 → 知识产权)."""
    if a == b:
        return False
    ops = Levenshtein.opcodes(a, b)
    changed = "".join(a[op.src_start : op.src_end] + b[op.dest_start : op.dest_end] for op in ops if op.tag != "equal")
    return len(changed) >= 2 and any("\u4e00" <= ch <= "\u9fff" for ch in changed)


def _val(t: Target) -> str:
    cmp = t.comparator or ""
    if cmp in ("以上", "以下", "左右", "以内"):
        return f"{t.value}{t.unit or ''}{cmp}"
    return f"{cmp}{t.value}{t.unit or ''}"


# A goal whose smaller number is the better one: a time limit (压缩至15个工作日以内) or a ceiling
# (PM2.5浓度降至33微克/立方米以下, 控制在1%以内).  Its number rising is a weaker commitment.
CEILING_WORDS = ("以下", "以内", "≤", "<", "＜")


def is_ceiling(t: Target) -> bool:
    """True for a target whose smaller number is the goal (see ``CEILING_WORDS``)."""
    return is_time_limit(t) or (t.comparator or "") in CEILING_WORDS


def ambition(d: Target, f: Target, direction: str) -> str | None:
    """For a ceiling or time limit whose number moved: ``weaker`` when it rose, ``stronger``
    when it fell (None for other targets, where ``direction`` says it already)."""
    if direction not in ("raised", "lowered") or not (is_ceiling(d) or is_ceiling(f)):
        return None
    return "weaker" if direction == "raised" else "stronger"


def _column(t: Target, lang: str = "zh") -> str:
    """The year of a table's target column (2025年 | 2027年), for the note: a row with two
    target columns gives two findings, told apart by it ("" for a sentence's target)."""
    if t.source != "table" or not t.year:
        return ""
    return f"{t.year}年" if lang == "zh" else t.year


def _where(t: Target) -> tuple[str, str]:
    """Where a target stands, as a note says it: 正文, 指标表, or a 项目表 (a list of projects)."""
    if t.source != "table":
        return "正文", "text"
    return ("项目表", "project list") if t.table == "project" else ("指标表", "indicator table")


def _finding_changed(ctx: Context, d: Target, f: Target, direction: str) -> Finding:
    where, where_en = _where(d)
    how = ambition(d, f, direction)
    col, col_en = (f"（{_column(d)}）", f" ({_column(d, 'en')})") if _column(d) else ("", "")
    if direction == "redefined" and rebased(d, f):
        note = f"{where}中“{d.measure}”的目标由{_val(d)}改为“{f.measure}”{_val(f)}（口径由{basis(d)}改为{basis(f)}，数值不可直接比较）。"
        note_en = (f"In the {where_en}, the target “{d.measure}” {_val(d)} is now stated as “{f.measure}” {_val(f)} "
                   f"(another basis: the two numbers do not compare).")
    elif direction == "redefined":
        note = f"{where}中同一数值{_val(d)}的指标由“{d.measure}”改为“{f.measure}”。"
        note_en = f"In the {where_en}, the value {_val(d)} now measures “{f.measure}” instead of “{d.measure}”."
    elif how:  # a longer time limit is a loosened commitment, not a raised one
        word, word_en = {"weaker": ("放宽", "loosened"), "stronger": ("收紧", "tightened")}[how]
        note = f"{where}中“{d.measure}”{col}的目标由{_val(d)}{word}为{_val(f)}（数值越小要求越高）。"
        note_en = (f"In the {where_en}, the target for “{d.measure}”{col_en} was {word_en} from {_val(d)} to {_val(f)} "
                   "(the smaller the number, the stricter the goal).")
    else:
        word = {"raised": "提高", "lowered": "降低"}[direction]
        note = f"{where}中“{d.measure}”{col}的目标由{_val(d)}{word}为{_val(f)}。"
        note_en = f"In the {where_en}, the target for “{d.measure}”{col_en} was {direction} from {_val(d)} to {_val(f)}."
    weaker = how == "weaker" or (how is None and direction == "lowered")
    return Finding(
        kind="target_changed", severity="high" if weaker else "medium", direction=direction, ambition=how,
        subject=d.measure, draft_text=d.text, final_text=f.text, draft_value=d.value, final_value=f.value,
        unit=d.unit or f.unit, comparator=d.comparator or f.comparator,
        final_unit=f.unit if d.unit and f.unit and f.unit != d.unit else None,
        draft_section=ctx.pair_id(d.node, "draft"), final_section=ctx.pair_id(f.node, "final"),
        draft_line=d.line, final_line=f.line, note=note, note_en=note_en,
    )


def same_measure(a: Target, b: Target) -> float:
    """How alike two targets' measures are (0–100); they can pair above ``SAME_MEASURE``.

    A measure with a mid-term and a final target (到2025年…30万辆；到2027年…50万辆, or two
    target columns of a table) pairs year with year; a target whose year moved still pairs."""
    if a.source != b.source or a.scope != b.scope:
        return 0.0
    return ratio(a.measure_key, b.measure_key) - (OTHER_YEAR if a.year and b.year and a.year != b.year else 0)


def basis(t: Target) -> str | None:
    """The basis a growth goal is stated on: 年均 (a yearly rate) or 累计 (the whole period)."""
    return "年均" if "年均" in t.measure else "累计" if "累计" in t.measure else None


def rebased(d: Target, f: Target) -> bool:
    """True when a goal is restated on another basis (年均增长8% → 累计增长25%): the numbers
    do not compare, so the goal is neither raised nor lowered but redefined."""
    before, after = basis(d), basis(f)
    return before is not None and after is not None and before != after


_MAGNITUDE = {"万": 1e4, "亿": 1e8}


def magnitude(t: Target) -> float:
    """The target's number in its unit's base (1万张 → 10000): a final may write the same
    measure in another magnitude (1万张 → 8000张), and the numbers compare only so."""
    unit = t.unit or ""
    return float(t.value) * (_MAGNITUDE[unit[0]] if len(unit) > 1 and unit[0] in _MAGNITUDE else 1)


def direction(d: Target, f: Target) -> str | None:
    """How a paired target changed: lowered, raised, redefined, or None when unchanged."""
    if rebased(d, f):
        return "redefined"
    if magnitude(d) == magnitude(f) and (d.comparator or "") == (f.comparator or ""):
        return "redefined" if _redefined(d.measure_key, f.measure_key) else None
    if magnitude(f) == magnitude(d):
        return "redefined"
    return "raised" if magnitude(f) > magnitude(d) else "lowered"


def pair_targets(ctx: Context) -> list[tuple[Target | None, Target | None, str]]:
    """Every target of both sides, paired, with how the pair was made.

    ``(d, f, "measure")``: the same measure; ``(d, f, "same_value")``: the same number under a
    renamed measure in the aligned section; ``(d, f, "related")``: a related measure in the
    aligned section; ``(d, None, "removed")`` and ``(None, f, "added")``.  Measure pairs come
    first in draft order, then the draft targets paired later or removed, then the added ones.
    """
    dts, fts = targets_of(ctx.draft), targets_of(ctx.final)
    if "timelimits" in genres.get(ctx.genre).rules:  # a law's time limits are that rule's (deadline_changed)
        dts, fts = [t for t in dts if not is_time_limit(t)], [t for t in fts if not is_time_limit(t)]
    # best pairs first, over all targets: a measure's 2025 target must not take the final's
    # 2027 one just because it is read first (when the final cut the 2025 target)
    scored = []
    # only names alike enough to pass with the section bonus are scored exactly
    near = alike_pairs([d.measure_key for d in dts], [f.measure_key for f in fts], SAME_MEASURE - 5 - 1)
    for di, fi in sorted(near):
        d, f = dts[di], fts[fi]
        partner = ctx.counterpart(d.node, "draft")
        s = same_measure(d, f) + (5 if partner is not None and f.node is partner else 0)
        if s > SAME_MEASURE:
            scored.append((s, -di, -fi))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, ndi, nfi in sorted(scored, reverse=True):
        if -ndi not in match and -nfi not in used:
            match[-ndi] = -nfi
            used.add(-nfi)
    unpaired: list[Target] = []
    out: list[tuple[Target | None, Target | None, str]] = []
    for di, d in enumerate(dts):
        if di in match:
            out.append((d, fts[match[di]], "measure"))
        else:
            unpaired.append(d)
    for d in unpaired:
        partner = ctx.counterpart(d.node, "draft")
        cands = [(i, f) for i, f in enumerate(fts)
                 if i not in used and f.source == d.source and f.scope == d.scope and f.node is partner]
        same_value = [(i, f) for i, f in cands if float(f.value) == float(d.value) and f.unit == d.unit]
        related = [(i, f) for i, f in cands if ratio(d.measure_key, f.measure_key) >= RELATED]
        if same_value:
            i, f = same_value[0]
            used.add(i)
            out.append((d, f, "same_value"))
        elif related:
            i, f = related[0]
            used.add(i)
            out.append((d, f, "related"))
        else:
            out.append((d, None, "removed"))
    out.extend((None, f, "added") for i, f in enumerate(fts) if i not in used)
    return out


def pair_direction(d: Target, f: Target, how: str) -> str | None:
    """The direction ``run`` reports for a pair made by ``pair_targets`` (None: no finding)."""
    if how == "same_value":
        return "redefined"
    if how == "related" and not rebased(d, f):
        return "raised" if magnitude(f) > magnitude(d) else "lowered"
    return direction(d, f)


# What a growth or a cut is measured by, at the end of a measure (一般公共预算收入增长 → 一般公共预算收入)
_CHANGE_WORD = r"(?:年均)?(?:增长|下降|降低|提高|增速|增幅|涨幅)$"


def in_words(ctx: Context, d: Target) -> tuple[Sentence, str] | None:
    """The final's clause that states a removed target's measure in words, with no number
    (一般公共预算收入增长5% → 一般公共预算收入与经济增长基本同步; 能耗下降3% → 能耗下降完成省下达
    任务): the sentence and the clause, or None.  A goal that loses its number can no longer be
    checked: it is weakened, not dropped."""
    partner = ctx.counterpart(d.node, "draft")
    subject = key(re.sub(_CHANGE_WORD, "", d.measure))
    if partner is None or d.source != "text" or len(subject) < 4:
        return None
    was = key(d.node.text + d.node.title)
    for s in sentences(partner):
        for clause in TARGET_SPLIT.split(s.text):
            c = key(clause)
            # (a clause with a number is a target of its own, paired by its measure)
            if c.startswith(subject) and len(c) > len(subject) + 1 and c not in was:
                return s, clause.strip()
    return None


def _finding_in_words(ctx: Context, d: Target, s: Sentence, clause: str) -> Finding:
    return Finding(
        kind="target_changed", severity="high", direction="redefined", ambition="weaker", subject=d.measure,
        draft_text=d.text, final_text=s.text, draft_value=d.value, unit=d.unit, comparator=d.comparator,
        draft_section=ctx.pair_id(d.node, "draft"), final_section=ctx.pair_id(s.node, "final"),
        draft_line=d.line, final_line=s.line,
        note=f"“{d.measure}”的目标由{_val(d)}改为定性表述“{clause}”，不再有数值。",
        note_en=f"The target “{d.measure}” {_val(d)} is now stated in words (“{clause}”), with no number.",
    )


def run(ctx: Context) -> list[Finding]:
    """Pair draft and final targets of the same source (text / table) by measure."""
    out: list[Finding] = []
    for d, f, how in pair_targets(ctx):
        if d is not None and f is not None:
            way = pair_direction(d, f, how)
            if way is not None:
                out.append(_finding_changed(ctx, d, f, way))
        elif d is not None and (words := in_words(ctx, d)) is not None:
            out.append(_finding_in_words(ctx, d, *words))
        elif d is not None:
            partner = ctx.counterpart(d.node, "draft")
            where = f"{_where(d)[0]}中的" if d.source == "table" else ""
            out.append(Finding(
                kind="target_removed", severity="high", subject=d.measure, draft_text=d.text,
                draft_value=d.value, unit=d.unit, comparator=d.comparator,
                draft_section=ctx.pair_id(d.node, "draft"), final_section=ctx.pair_id(partner, "final"),
                draft_line=d.line, final_line=ctx.nearest_line(d.node, "draft", d.text),
                note=f"定稿删除了{where}目标“{d.measure}”（{_column(d) and _column(d) + '：'}{_val(d)}）。",
                note_en=(f"The final drops the {_where(d)[1] + ' ' if d.source == 'table' else ''}target “{d.measure}” "
                         f"({_column(d, 'en') and _column(d, 'en') + ': '}{_val(d)})."),
            ))
        elif f is not None:
            at, at_en = (f"{_where(f)[0]}中的", f"{_where(f)[1]} ") if f.source == "table" else ("", "")
            out.append(Finding(
                kind="target_added", severity="medium", subject=f.measure, final_text=f.text,
                final_value=f.value, unit=f.unit, comparator=f.comparator,
                draft_section=ctx.pair_id(ctx.counterpart(f.node, "final"), "draft"),
                final_section=ctx.pair_id(f.node, "final"), final_line=f.line,
                draft_line=ctx.nearest_line(f.node, "final", f.text),
                note=f"定稿新增了{at}目标“{f.measure}”（{_column(f) and _column(f) + '：'}{_val(f)}）。",
                note_en=f"The final adds the {at_en}target “{f.measure}” ({_column(f, 'en') and _column(f, 'en') + ': '}{_val(f)}).",
            ))
    return out
