"""Changed 牵头 / 责任 / 配合 units of a measure in aligned sections.

A 工作方案 names who acts after each measure, in one of the forms offices use:
（牵头单位：市发展改革委；配合单位：市财政局）, （责任单位：区住建局、各街道）, （市商务局牵头，市财政局
配合）, a unit marked in a list (责任单位：市发展改革委（牵头）、市财政局), a line of its own
(责任单位：区民政局), or a column of a 任务分工 table (重点任务 | 牵头单位 | 配合单位), whose rows
pair by their task; a table whose one column of units is 责任单位 (a 惠企政策清单) names each
row's answerable unit, its lead.  The lead (牵头) is the unit answerable for the measure: a lead that
changes, or a measure that no longer names one, is told as such (`medium`,
``draft_value``/``final_value`` the leads); other changes of the units are `low`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from revdiff.classify import Context
from revdiff.model import Finding, Node, SectionPair
from revdiff.textkey import key

NAME = "agencies"
_ROLE = r"(?:牵头|责任|配合|协办|参与)(?:单位|部门)"
# the labelled forms: in brackets after a measure, or a line of its own; group 1 the list, in
# which a unit may be marked as the lead (责任单位：市发展改革委（牵头）、市财政局)
AGENCY = re.compile(rf"[（(]\s*({_ROLE}\s*[:：](?:[^（）()]|[（(]牵头[）)])*)[）)]|^[ \t\u3000]*({_ROLE}\s*[:：][^\n]*)",
                    re.M)
_MARKED_LEAD = re.compile(r"[（(]牵头[）)]$")
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


def _add(units: Units, names: list[str], leads: bool) -> None:
    """Add the units of a list, all of them leads when ``leads`` (a 牵头 label or column), else
    those marked （牵头）."""
    for name in names:
        marked = bool(_MARKED_LEAD.search(name))
        name = _MARKED_LEAD.sub("", name).strip()
        units.every.add(key(name))
        if (leads or marked) and name not in units.leads:
            units.labelled_lead = True
            units.leads.append(name)


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
            _add(out, names, lab.group(1).startswith("牵头"))
    for m in _LED.finditer(text):
        out.quote = out.quote or m.group(0)
        leads, others = _split(m.group(1).removeprefix("由")), _split(m.group(2) or "")
        out.every.update(key(n) for n in leads + others)
        out.labelled_lead = True
        out.leads += [n for n in leads if n not in out.leads]
    return out


# a 任务分工 table: the columns of units, and the columns that are not the task (序号, 完成时限)
_UNIT_COLUMN = re.compile(rf"^{_ROLE}$")
_NOT_TASK = re.compile(r"序号|编号|单位|部门|时限|时间|进度|备注")
SAME_TASK = 80  # similarity (0–100) of two rows' tasks to be the same task


@dataclass
class Row:
    """A row of a 任务分工 table: its task and the units its columns name."""

    task: str
    units: Units
    text: str
    line: int


def table_rows(node: Node, need_units: bool = True) -> list[Row]:
    """The rows of a table with a column of units (牵头单位 / 责任单位 …), each with its units;
    with ``need_units`` False, of any table whose rows name a task or project."""
    if node.kind != "table" or not node.rows or len(node.rows) < 2:
        return []
    header = [key(c) for c in node.rows[0]]
    roles = [(i, h) for i, h in enumerate(header) if _UNIT_COLUMN.match(h)]
    task = next((i for i, h in enumerate(header) if not _NOT_TASK.search(h)), None)
    if (need_units and not roles) or task is None:
        return []
    # a table whose one column of units is 责任单位 (a 清单) names the unit answerable for each row
    sole = len(roles) == 1 and roles[0][1].startswith("责任")
    out = []
    for r, row in enumerate(node.rows[1:], 1):
        units = Units(quote=" | ".join(row))
        for i, h in roles:
            _add(units, _split(row[i]) if i < len(row) else [], h.startswith("牵头") or sole)
        line = node.row_lines[r] if r < len(node.row_lines) else node.line_start
        out.append(Row(row[task] if task < len(row) else "", units, " | ".join(row), line))
    return out


def row_pairs(ds: list[Row], fs: list[Row]) -> list[tuple[Row, Row]]:
    """Rows of two 任务分工 tables paired by their task (the same words, or nearly)."""
    from rapidfuzz.fuzz import ratio

    scored = sorted(((ratio(key(d.task), key(f.task)), i, j) for i, d in enumerate(ds) for j, f in enumerate(fs)),
                    reverse=True)
    used_d: set[int] = set()
    used_f: set[int] = set()
    out = []
    for score, i, j in scored:
        if score >= SAME_TASK and i not in used_d and j not in used_f:
            used_d.add(i)
            used_f.add(j)
            out.append((ds[i], fs[j]))
    return sorted(out, key=lambda p: p[0].line)


def _finding(pair: SectionPair, subject: str, d: Units, f: Units, lines: tuple[int, int]) -> Finding | None:
    """The finding for one measure whose units ``d`` became ``f`` (None when they did not change)."""
    dl, fl = [key(n) for n in d.leads], [key(n) for n in f.leads]
    lead_changed = d.labelled_lead and set(dl) != set(fl)
    if d.every == f.every and not lead_changed or not (d.every or f.every):
        return None
    gone, new = sorted(d.every - f.every), sorted(f.every - d.every)
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
    return Finding(
        kind="agency_changed", severity="medium" if lead_changed else "low", subject=subject,
        draft_text=d.quote, final_text=f.quote, draft_section=pair.id, final_section=pair.id,
        draft_value="、".join(d.leads) if lead_changed else None,
        final_value=("、".join(f.leads) or None) if lead_changed else None,
        draft_line=lines[0], final_line=lines[1], note=note, note_en=note_en,
    )


def run(ctx: Context) -> list[Finding]:
    """One finding per aligned measure (section, or row of a 任务分工 table) whose units differ."""
    out: list[Finding] = []
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None:
            continue
        dn, fn = pair.draft_node, pair.final_node
        if dn.kind == "table" and fn.kind == "table":
            for dr, fr in row_pairs(table_rows(dn), table_rows(fn)):
                found = _finding(pair, dr.task, dr.units, fr.units, (dr.line, fr.line))
                if found is not None:
                    out.append(found)
            continue
        d, f = units_of(dn.text), units_of(fn.text)
        dt, ft = d.quote, f.quote
        lines = (dn.line_at(dn.text.find(dt)) if dt else dn.line_start,
                 fn.line_at(fn.text.find(ft)) if ft else fn.line_start)
        found = _finding(pair, dn.title or dn.heading, d, f, lines)
        if found is not None:
            out.append(found)
    return out
