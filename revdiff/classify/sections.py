"""Whole sections cut from the draft (the top of each removed subtree) and deadlines moved."""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "sections"
DEADLINE = re.compile(r"到\s*(20\d\d)\s*年")
# the column of a 任务分工 table that says by when (完成时限 | 2025年6月底前), and a date there:
# 2025年底前, 2025年6月底前, 2025年第三季度, 2026年
# a project list's 建设期限 (2026—2028年) is read by its last year: when the project is done
DUE_COLUMN = re.compile(r"完成时限|时限|完成时间|时间节点|时间安排|进度安排|建设(?:期限|年限|周期|起止年限)|实施期限")
DUE = re.compile(r"(20\d\d)\s*年\s*(?:(\d{1,2})\s*月|第?([一二三四1-4])\s*季度|(上半年)|(年?底|年?末))?")
_QUARTER = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def due(text: str) -> tuple[int, int] | None:
    """(year, month) a 完成时限 cell sets: 2025年6月底前 → (2025, 6); 2025年底前 or 2025年 → (2025, 12);
    a span 2026—2028年 → (2028, 12)."""
    found = list(DUE.finditer(text))  # the last date of a span (2026年—2028年)
    if not found:
        return None
    m = found[-1]
    month = int(m.group(2)) if m.group(2) else _QUARTER[m.group(3)] if m.group(3) else 6 if m.group(4) else 12
    return int(m.group(1)), month


def table_deadlines(ctx: Context) -> list[Finding]:
    """deadline_changed for the rows of a 任务分工 table whose 完成时限 moved; rows pair by their task."""
    from revdiff.classify.agencies import row_pairs, table_rows

    out: list[Finding] = []
    for p in ctx.pairs:
        dn, fn = p.draft_node, p.final_node
        if dn is None or fn is None or dn.kind != "table" or fn.kind != "table" or not dn.rows or not fn.rows:
            continue
        dcol = next((i for i, h in enumerate(dn.rows[0]) if DUE_COLUMN.search(h)), None)
        fcol = next((i for i, h in enumerate(fn.rows[0]) if DUE_COLUMN.search(h)), None)
        if dcol is None or fcol is None:
            continue
        for dr, fr in row_pairs(table_rows(dn, need_units=False), table_rows(fn, need_units=False)):
            dv, fv = dr.text.split(" | "), fr.text.split(" | ")
            was, now = (dv[dcol] if dcol < len(dv) else ""), (fv[fcol] if fcol < len(fv) else "")
            dd, fd = due(was), due(now)
            if dd is None or fd is None or dd == fd:
                continue
            later = fd > dd
            out.append(Finding(
                kind="deadline_changed", severity="high" if later else "medium",
                direction="raised" if later else "lowered", subject=dr.task, draft_text=dr.text, final_text=fr.text,
                draft_value=was.strip(), final_value=now.strip(), draft_section=p.id, final_section=p.id,
                draft_line=dr.line, final_line=fr.line,
                note=f"“{dr.task}”的完成时限由{was.strip()}{'推迟' if later else '提前'}到{now.strip()}。",
                note_en=f"The deadline of “{dr.task}” moved from {was.strip()} to {now.strip()}.",
            ))
    return out


def run(ctx: Context) -> list[Finding]:
    """section_removed for each removed subtree top; deadline_changed for moved 到20xx年."""
    out: list[Finding] = []
    removed = {p.draft_node.id for p in ctx.pairs if p.status == "removed" and p.draft_node is not None}
    parents: dict[str, str] = {}
    for node in ctx.draft.nodes():
        for c in node.children:
            parents[c.id] = node.id
    for p in ctx.pairs:
        if p.status != "removed" or p.draft_node is None:
            continue
        n = p.draft_node
        if parents.get(n.id) in removed or n.kind == "item":
            continue
        size = sum(len(c.text) + len(c.title) for c in n.walk())
        # a law's unit says what went: 整条 (an article), 整章; a plan's heading is a 节
        whole, whole_en = {"条": ("整条", "article"), "章": ("整章", "chapter"), "编": ("整编", "part")}.get(
            n.unit or "", ("整节", "section"))
        # an article is its text (a reviewer reads what was deleted); a heading is its name
        quoted = f"{n.number}　{n.text}" if n.unit == "条" and n.text else n.heading
        out.append(Finding(
            kind="section_removed", severity="medium", subject=n.heading, draft_text=quoted,
            draft_section=p.id, draft_line=n.line_start,
            note=f"定稿删除了{whole}“{n.heading}”（约{size}字）。",
            note_en=f"The final cuts the whole {whole_en} “{n.heading}” (about {size} characters).",
        ))
    for p in ctx.pairs:
        if p.draft_node is None or p.final_node is None:
            continue
        fs = [s for s in sentences(p.final_node) if DEADLINE.search(s.text)]
        dss = [s for s in sentences(p.draft_node) if DEADLINE.search(s.text)]
        fkeys, dkeys = [key(s.text) for s in fs], [key(s.text) for s in dss]
        for ds, dkey in zip(dss, dkeys, strict=True):
            dm = DEADLINE.search(ds.text)
            if not dm or not fs:
                continue
            # the most alike final sentence (the first of equals), scored in rapidfuzz's C loop
            _, _, b = extractOne(dkey, fkeys, scorer=ratio, processor=None)
            best, best_key = fs[b], fkeys[b]
            fm = DEADLINE.search(best.text)
            # yearly milestones (到2025年…；到2026年…；到2027年…) are alike: a cut year's line is
            # not moved to the year whose own line the final kept — that line has its draft twin
            _, twin_score, t = extractOne(best_key, dkeys, scorer=ratio, processor=None)
            if dss[t] is not ds and twin_score > ratio(dkey, best_key):
                continue
            if fm and fm.group(1) != dm.group(1) and ratio(best_key, dkey) > 60:
                later = int(fm.group(1)) > int(dm.group(1))
                out.append(Finding(
                    kind="deadline_changed", severity="high" if later else "medium",
                    direction="raised" if later else "lowered", subject=ds.text[:20],
                    draft_text=ds.text, final_text=best.text, draft_value=dm.group(1), final_value=fm.group(1),
                    unit="年", draft_section=p.id, final_section=p.id, draft_line=ds.line, final_line=best.line,
                    note=f"期限由{dm.group(1)}年{'推迟' if later else '提前'}到{fm.group(1)}年。",
                    note_en=f"The deadline moved from {dm.group(1)} to {fm.group(1)}.",
                ))
    return out + table_deadlines(ctx)
