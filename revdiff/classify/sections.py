"""Whole sections cut from the draft (the top of each removed subtree) and deadlines moved."""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "sections"
DEADLINE = re.compile(r"到\s*(20\d\d)\s*年")


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
        for ds in dss:
            dm = DEADLINE.search(ds.text)
            if not dm or not fs:
                continue
            best = max(fs, key=lambda s: ratio(key(s.text), key(ds.text)))
            fm = DEADLINE.search(best.text)
            # yearly milestones (到2025年…；到2026年…；到2027年…) are alike: a cut year's line is
            # not moved to the year whose own line the final kept — that line has its draft twin
            twin = max(dss, key=lambda s: ratio(key(s.text), key(best.text)))
            if twin is not ds and ratio(key(twin.text), key(best.text)) > ratio(key(ds.text), key(best.text)):
                continue
            if fm and fm.group(1) != dm.group(1) and ratio(key(best.text), key(ds.text)) > 60:
                later = int(fm.group(1)) > int(dm.group(1))
                out.append(Finding(
                    kind="deadline_changed", severity="high" if later else "medium",
                    direction="raised" if later else "lowered", subject=ds.text[:20],
                    draft_text=ds.text, final_text=best.text, draft_value=dm.group(1), final_value=fm.group(1),
                    unit="年", draft_section=p.id, final_section=p.id, draft_line=ds.line, final_line=best.line,
                    note=f"期限由{dm.group(1)}年{'推迟' if later else '提前'}到{fm.group(1)}年。",
                    note_en=f"The deadline moved from {dm.group(1)} to {fm.group(1)}.",
                ))
    return out
