"""Changed 牵头 / 责任 / 配合 units of a measure in aligned sections.

A 工作方案 names who acts after each measure, in one of the forms offices use:
（牵头单位：市发展改革委；配合单位：市财政局）, （责任单位：区住建局、各街道）, （市商务局牵头，市财政局
配合）, or a line of its own (责任单位：区民政局).  The lead (牵头) is the unit answerable for the
measure: a lead that changes, or a measure that no longer names one, is told as such (`medium`,
``draft_value``/``final_value`` the leads); other changes of the units are `low`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from revdiff.classify import Context
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "agencies"
_ROLE = r"(?:牵头|责任|配合|协办|参与)(?:单位|部门)"
# the labelled forms: in brackets after a measure, or a line of its own; group 1 the list
AGENCY = re.compile(rf"[（(]\s*({_ROLE}\s*[:：][^）)]*)[）)]|^[ \t\u3000]*({_ROLE}\s*[:：][^\n]*)", re.M)
# the bracketed "who does what" form: （市商务局牵头，市财政局、市市场监管局配合）
_LED = re.compile(r"[（(]([^（）()]{2,40}?)牵头(?:[，,、；;]\s*([^（）()]{2,80}?)(?:配合|参与|协同))?[）)]")
_LABEL = re.compile(rf"({_ROLE})\s*[:：]")


@dataclass
class Units:
    """The units a section names: all of them, its leads, and the first statement as written."""

    every: set[str] = field(default_factory=set)
    leads: list[str] = field(default_factory=list)
    quote: str | None = None
    labelled_lead: bool = False  # the section says who leads (牵头单位：…, …牵头)


def _split(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"[、，,；;]", names) if n.strip()]


def units_of(text: str) -> Units:
    """The responsible units a section's text names."""
    out = Units()
    for m in AGENCY.finditer(text):
        out.quote = out.quote or m.group(0).strip()
        body = m.group(1) or m.group(2)
        # "牵头单位：A；配合单位：B": each label applies up to the next one
        labels = list(_LABEL.finditer(body))
        for i, lab in enumerate(labels):
            names = _split(body[lab.end(): labels[i + 1].start() if i + 1 < len(labels) else len(body)])
            out.every.update(key(n) for n in names)
            if lab.group(1).startswith("牵头"):
                out.labelled_lead = True
                out.leads += [n for n in names if n not in out.leads]
    for m in _LED.finditer(text):
        out.quote = out.quote or m.group(0)
        leads, others = _split(m.group(1).removeprefix("由")), _split(m.group(2) or "")
        out.every.update(key(n) for n in leads + others)
        out.labelled_lead = True
        out.leads += [n for n in leads if n not in out.leads]
    return out


def run(ctx: Context) -> list[Finding]:
    """One finding per aligned pair whose responsible units differ."""
    out: list[Finding] = []
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None:
            continue
        d, f = units_of(pair.draft_node.text), units_of(pair.final_node.text)
        dl, fl = [key(n) for n in d.leads], [key(n) for n in f.leads]
        lead_changed = d.labelled_lead and set(dl) != set(fl)
        if d.every == f.every and not lead_changed or not (d.every or f.every):
            continue
        gone, new = sorted(d.every - f.every), sorted(f.every - d.every)
        dt, ft = d.quote, f.quote
        note = f"责任单位变化：删去{'、'.join(gone) or '无'}；新增{'、'.join(new) or '无'}。" if gone or new else ""
        note_en = (f"Responsible units changed: removed {', '.join(gone) or 'none'}; added {', '.join(new) or 'none'}."
                   if gone or new else "")
        if lead_changed:  # a lead that passes to a supporting unit changes no unit of the list
            was = "、".join(d.leads)
            if f.leads:
                note = f"牵头单位由{was}改为{'、'.join(f.leads)}。" + note
                note_en = (f"The lead changed from {was} to {', '.join(f.leads)}. " + note_en).strip()
            else:
                note = f"定稿不再明确牵头单位（原为{was}）。" + note
                note_en = (f"The final names no lead any more (it was {was}). " + note_en).strip()
        out.append(Finding(
            kind="agency_changed", severity="medium" if lead_changed else "low",
            subject=pair.draft_node.title or pair.draft_node.heading,
            draft_text=dt, final_text=ft, draft_section=pair.id, final_section=pair.id,
            draft_value="、".join(d.leads) if lead_changed else None,
            final_value=("、".join(f.leads) or None) if lead_changed else None,
            draft_line=pair.draft_node.line_at(pair.draft_node.text.find(dt)) if dt else pair.draft_node.line_start,
            final_line=pair.final_node.line_at(pair.final_node.text.find(ft)) if ft else pair.final_node.line_start,
            note=note, note_en=note_en,
        ))
    return out
