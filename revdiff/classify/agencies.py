"""Changed lists of 牵头单位 / 责任单位 in aligned sections."""

from __future__ import annotations

import re

from revdiff.classify import Context
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "agencies"
AGENCY = re.compile(r"[（(]\s*((?:牵头|责任|配合)单位\s*[:：][^）)]*)[）)]")


def _units(text: str) -> tuple[set[str], str | None]:
    found: set[str] = set()
    first = None
    for m in AGENCY.finditer(text):
        first = first or m.group(0)
        body = re.sub(r"(?:牵头|责任|配合)单位\s*[:：]", "、", m.group(1))
        found.update(key(u) for u in re.split(r"[、，,；;]", body) if u.strip())
    return found, first


def run(ctx: Context) -> list[Finding]:
    """One finding per aligned pair whose responsible units differ."""
    out: list[Finding] = []
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None:
            continue
        du, dt = _units(pair.draft_node.text)
        fu, ft = _units(pair.final_node.text)
        if du == fu or not (du or fu):
            continue
        gone, new = sorted(du - fu), sorted(fu - du)
        out.append(Finding(
            kind="agency_changed", severity="low", subject=pair.draft_node.title or pair.draft_node.heading,
            draft_text=dt, final_text=ft, draft_section=pair.id, final_section=pair.id,
            draft_line=pair.draft_node.line_at(pair.draft_node.text.find(dt)) if dt else pair.draft_node.line_start,
            final_line=pair.final_node.line_at(pair.final_node.text.find(ft)) if ft else pair.final_node.line_start,
            note=f"责任单位变化：删去{'、'.join(gone) or '无'}；新增{'、'.join(new) or '无'}。",
            note_en=f"Responsible units changed: removed {', '.join(gone) or 'none'}; added {', '.join(new) or 'none'}.",
        ))
    return out
