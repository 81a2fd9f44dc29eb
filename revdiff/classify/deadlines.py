"""Time limits and dates a plan or notice sets on those it addresses: 自本通告发布之日起30日内申报.

A 通告, a 实施意见 or a 政策解读 tells the public, firms or lower offices by when they must act
or may apply, in two forms:

- a time limit counted from an event: 自本通告发布之日起30日内, 申报后60日内, 自注册登记之日起
  15日内 — the count follows 起 or 后 and ends with 内;
- a date that ends a period or by which a thing is done: 于2025年12月31日前完成整治,
  活动期限为2025年3月15日至2025年12月31日, 2025年底前 — but not one that says which ones
  qualify (2000年底前建成的小区).

A service goal (办结时限不超过5个工作日, 受理后3个工作日内办结) is a target (classify/targets.py),
the day a document takes effect or its term ends (有效期至…) classify/effective.py's, a yearly
milestone (到2027年) classify/sections.py's, and a 截至 date a statistic's.  Sentences pair
within aligned sections by their wording; limits and dates pair in order within a sentence.
Reported as ``deadline_changed`` (medium): ``raised`` when later or longer, ``lowered`` when
earlier or shorter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from revdiff.classify import Context
from revdiff.classify.extract import Sentence, sentences
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "deadlines"
SAME_SENTENCE = 60  # similarity (0–100) of two sentences to be one sentence revised

# 之日起30日内, 申报后60日内; not 办结 right after 内 (a service goal)
_FROM_EVENT = re.compile(r"(?:起|后)\s*(?P<num>\d+)\s*(?P<unit>个工作日|工作日|日|天|个月)\s*(?:以内|之内|内)(?!办结|办理|完成|答复|反馈)")
# …至2025年12月31日, 于2025年12月31日前, 2025年底前; not 截至 (a statistic's date) nor 有效期至
_DATE = re.compile(r"(?P<lead>至|到)?\s*(?P<y>20\d\d)\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日|(?P<mend>底|末))?"
                   r"|(?P<yend>底|末))\s*(?P<tail>之前|以前|前)?")
_QUALIFIES = re.compile(r"\s*已?[^\s，,；;。的]{1,4}的")
_DAYS = {"日": 1.0, "天": 1.0, "工作日": 1.4, "个工作日": 1.4, "个月": 30.0}


@dataclass
class Due:
    """A time limit (30日内) or a date (2025年12月31日前) a sentence sets."""

    kind: str  # "limit" or "date"
    written: str  # as the report quotes it: 30, 2025年12月31日
    unit: str | None  # 日, 个工作日, 个月 for a limit
    order: tuple[float, ...]  # to say which is later or longer: days, or (year, month, day)


def dues(text: str) -> list[Due]:
    """The time limits and dates ``text`` sets, in order."""
    out: list[tuple[int, Due]] = []
    for m in _FROM_EVENT.finditer(text):
        unit = {"天": "日", "工作日": "个工作日"}.get(m.group("unit"), m.group("unit"))
        out.append((m.start(), Due("limit", m.group("num"), unit, (int(m.group("num")) * _DAYS[unit],))))
    for m in _DATE.finditer(text):
        before = text[: m.start()]
        if m.group("lead") == "到" or (m.group("lead") and before.endswith(("截", "有效期"))):
            continue  # 到2027年: a milestone; 截至: a statistic's date; 有效期至: the document's term
        if not (m.group("tail") or m.group("lead") == "至"):
            continue  # a date that bounds nothing (2025年3月1日 under a signature)
        if m.group("tail") and _QUALIFIES.match(text, m.end()):
            continue  # 2000年底前建成的小区, 2025年6月30日前注册的企业: which ones qualify, not by when
        if m.group("m") is None and m.group("yend") is None:
            continue
        month = int(m.group("m") or 12)
        day = int(m.group("d") or 31)
        written = re.sub(r"\s+", "", m.group(0)).removeprefix("至").removesuffix("之前").removesuffix("以前")
        out.append((m.start(), Due("date", written.removesuffix("前"), None, (int(m.group("y")), month, day))))
    return [d for _, d in sorted(out, key=lambda x: x[0])]


def _finding(ctx: Context, ds: Sentence, fs: Sentence, d: Due, f: Due) -> Finding:
    later = f.order > d.order
    what, what_en = ("时限", "time limit") if d.kind == "limit" else ("期限", "deadline")
    unit = d.unit if d.unit == f.unit else None
    dv, fv = (d.written, f.written) if unit or d.kind == "date" else (f"{d.written}{d.unit}", f"{f.written}{f.unit}")
    shown_d, shown_f = f"{d.written}{d.unit or ''}", f"{f.written}{f.unit or ''}"
    move = ("延长" if d.kind == "limit" else "推迟") if later else ("缩短" if d.kind == "limit" else "提前")
    move_en = ("extended" if d.kind == "limit" else "postponed") if later else (
        "shortened" if d.kind == "limit" else "brought forward")
    return Finding(
        kind="deadline_changed", severity="medium",
        direction="raised" if later else "lowered", subject=ds.text[:20],
        draft_text=ds.text, final_text=fs.text, draft_value=dv, final_value=fv, unit=unit,
        draft_section=ctx.pair_id(ds.node, "draft"), final_section=ctx.pair_id(fs.node, "final"),
        draft_line=ds.line, final_line=fs.line,
        note=f"“{ds.node.heading}”中的{what}由“{shown_d}”{move}为“{shown_f}”。",
        note_en=f"The {what_en} in “{ds.node.heading}” was {move_en}: "
                f"{shown_d} → {shown_f}.",
    )


def run(ctx: Context) -> list[Finding]:
    """deadline_changed for each time limit or date set on the public that moved."""
    out: list[Finding] = []
    for p in ctx.pairs:
        dn, fn = p.draft_node, p.final_node
        if dn is None or fn is None or dn.kind == "table" or fn.kind == "table":
            continue
        finals = [(s, dues(s.text)) for s in sentences(fn)]
        finals = [(s, ds) for s, ds in finals if ds]
        for s in sentences(dn):
            mine = dues(s.text)
            if not mine or not finals:
                continue
            best, theirs = max(finals, key=lambda x: ratio(key(x[0].text), key(s.text)))
            if ratio(key(best.text), key(s.text)) < SAME_SENTENCE:
                continue
            for kind in ("limit", "date"):
                # in order; a limit only one side states is left unpaired (not told)
                pairs = zip([d for d in mine if d.kind == kind], [f for f in theirs if f.kind == kind], strict=False)
                out.extend(_finding(ctx, s, best, d, f) for d, f in pairs if d.order != f.order)
    return out
