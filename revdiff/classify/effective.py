"""When a document takes effect: 自2025年1月1日起施行 → 自2026年1月1日起施行.

Laws, regulations and policy measures end with the day they take effect (施行, 实施, 执行,
生效) and often how long they stay in force (有效期三年, 有效期至2027年12月31日).  A later start
postpones every duty and benefit; an earlier one, or a shorter term, ends a measure sooner.
Reported as ``deadline_changed`` (the kind of the other dates and time limits), with the
dates as written and ``direction`` ``raised`` (later) or ``lowered`` (earlier); a start tied
to publication (自公布之日起) against a fixed date is ``redefined``.  A draft leaves the date
blank (本法自　　年　　月　　日起施行) until it is adopted: the date fixed is ``added``, with no
draft value.  The rule reads the whole
compared part, not one section: the clause moves with renumbering but stays one fact.
"""

from __future__ import annotations

import re

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding, Node

NAME = "effective"

_CN = "〇零一二三四五六七八九十"
_DATE = rf"(?:\d{{4}}|[{_CN}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
# a date left blank in a draft, to be filled in on adoption: 自　　年　　月　　日起施行
_BLANK = r"[\s_＿]*年[\s_＿]+月[\s_＿]+日"
START = re.compile(rf"自\s*(?P<when>{_DATE}|(?:公布|发布|印发|颁布)之日|{_BLANK})\s*起(?:施行|实施|执行|生效)")
UNTIL = re.compile(rf"有效期(?:至|到)\s*(?P<until>{_DATE})")


_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _digits(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in Arabic or Chinese numerals."""
    from revdiff.numbering import cn_to_int

    parts = re.findall(rf"\d+|[{_CN}]+", text)
    if len(parts) != 3:
        return None
    year = parts[0].translate(_CN_DIGITS)  # 二〇二五 is read digit by digit
    month, day = cn_to_int(parts[1]), cn_to_int(parts[2])
    return (int(year), month, day) if year.isdigit() and month and day else None


def _find(ctx: Context, side: str) -> dict[str, tuple[str, str, Node, int]]:
    """The start and end of validity one side states: kind → (as written, sentence, node, line)."""
    part = ctx.draft if side == "draft" else ctx.final
    found: dict[str, tuple[str, str, Node, int]] = {}
    noted: dict[str, tuple[str, str, Node, int]] = {}  # … in a 题注, which only repeats what the text says
    for node in part.nodes():
        for s in sentences(node):
            into = noted if re.fullmatch(r"\s*[（(].*[）)]\s*", s.text) else found
            for kind, pattern, group in (("start", START, "when"), ("until", UNTIL, "until")):
                m = pattern.search(s.text)
                if m and kind not in into:
                    into[kind] = (re.sub(r"[\s_＿]+", "", m.group(group)), s.text, node, s.line)
    return noted | found


def run(ctx: Context) -> list[Finding]:
    """deadline_changed when the day a document takes effect, or the end of its term, moved."""
    draft, final = _find(ctx, "draft"), _find(ctx, "final")
    out: list[Finding] = []
    for kind in ("start", "until"):
        if kind not in draft or kind not in final or draft[kind][0] == final[kind][0]:
            continue
        (dw, ds, dn, dl), (fw, fs, fn, fl) = draft[kind], final[kind]
        dd, fd = _digits(dw), _digits(fw)
        what, what_en = ("施行日期", "the date it takes effect") if kind == "start" else ("有效期", "the end of its term")
        if dw == "年月日" or fw == "年月日":  # a blank date filled in (or left blank again)
            direction = "added" if dw == "年月日" else "removed"
            note = f"{what}确定为“{fw}”（原为空白）。" if direction == "added" else f"{what}“{dw}”改为空白。"
            note_en = f"{what_en[0].upper()}{what_en[1:]} " + (f"is set: {fw} (blank before)." if direction == "added"
                                                              else f"is left blank (was {dw}).")
            dw_, fw_ = (None, fw) if direction == "added" else (dw, None)
        else:
            direction = "redefined" if dd is None or fd is None else ("raised" if fd > dd else "lowered")
            move = {"raised": "推迟", "lowered": "提前", "redefined": "改为"}[direction]
            move_en = {"raised": "postponed", "lowered": "brought forward", "redefined": "changed"}[direction]
            note = f"{what}由“{dw}”{move}为“{fw}”。" if direction != "redefined" else f"{what}由“{dw}”改为“{fw}”。"
            note_en = f"{what_en[0].upper()}{what_en[1:]} was {move_en}: {dw} → {fw}."
            dw_, fw_ = dw, fw
        out.append(Finding(
            kind="deadline_changed", severity="medium", note=note, note_en=note_en,
            draft_text=ds, final_text=fs, draft_value=dw_, final_value=fw_, direction=direction, subject=what,
            draft_section=ctx.pair_id(dn, "draft"), final_section=ctx.pair_id(fn, "final"),
            draft_line=dl, final_line=fl,
        ))
    return out
