"""The Markdown summary: something a journalist can paste into a story draft or a chat.

Title, the two documents, summary counts, money at stake, then one bullet per finding with
the values in **bold**, the section path and input line of each side.  Document text is
escaped so that a stray ``*`` or ``[`` in it cannot turn into formatting or a link.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from revdiff.render import facts
from revdiff.render.i18n import KIND_ORDER, STATUS_ORDER, kind_label, severity_label, status_label, strings

if TYPE_CHECKING:
    from revdiff.model import DocInfo, Finding, Report, SectionPair

# Characters that mean something to Markdown (CommonMark inline syntax, plus HTML and tables).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#~])")


def escape_md(text: str) -> str:
    """``text`` with Markdown's inline syntax characters backslash-escaped and no line breaks."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))


def code_span(text: str) -> str:
    """``text`` (a file name) as an inline code span that nothing in it can break out of.

    No line break or control character survives (``shown``), and backticks, which would end
    the span, become quotes: a name holding ``\n# <img onerror=…>`` stays one inert span.
    """
    from revdiff.output import shown

    return "`" + shown(text).replace("`", "'") + "`"


def bold_values(text: str, value: str | None, unit: str | None) -> str:
    """Escape ``text`` and put each occurrence of ``value`` (+unit) in ``**bold**``."""
    spans = facts.value_spans(text, value, unit)
    out: list[str] = []
    pos = 0
    for a, b in spans:
        out.append(escape_md(text[pos:a]))
        out.append("**" + escape_md(text[a:b]) + "**")
        pos = b
    out.append(escape_md(text[pos:]))
    return "".join(out)


def _doc_line(label: str, doc: DocInfo, ui: dict[str, Any]) -> list[str]:
    lines = [f"- **{label}**: {escape_md(doc.title or doc.part)}"]
    lines.append(f"  - {ui['source']}: {code_span(doc.source)} ({escape_md(doc.format)})")
    if doc.part and doc.part != doc.title:
        lines.append(f"  - {ui['part']}: {escape_md(doc.part)}")
    others = facts.other_parts(doc)
    if others:
        lines.append(f"  - {ui['other_parts']}: " + "；".join(escape_md(p) for p in others))
    # Only what a story cites (文号, issuing office, dates); 主送/抄送 lists stay in the JSON.
    for key, value in facts.split_metadata(doc)[0]:
        lines.append(f"  - {escape_md(ui['meta_labels'].get(key, key))}: {escape_md(value)}")
    return lines


def _where(pairs: dict[str, SectionPair], finding: Finding, side: str, ui: dict[str, Any], fmt: str) -> str:
    sid = finding.draft_section if side == "draft" else finding.final_section
    pair = pairs.get(sid or "")
    ref = None if pair is None else (pair.draft if side == "draft" else pair.final)
    line = finding.draft_line if side == "draft" else finding.final_line
    page = finding.draft_page if side == "draft" else finding.final_page
    parts = []
    if ref is not None:
        parts.append(escape_md(facts.section_path(ref, ui)))
    if line:
        parts.append(facts.line_label(ui, line, page, fmt))
    return (", " if ui["html_lang"] == "en" else "，").join(parts)


def _finding_bullet(pairs: dict[str, SectionPair], f: Finding, lang: str, ui: dict[str, Any],
                    formats: tuple[str, str]) -> list[str]:  # fmt: skip
    label = f"**[{severity_label(f.severity, lang)}]** {kind_label(f.kind, lang)}"
    if f.direction:
        paren = "（{}）" if lang == "zh" else " ({})"
        label += paren.format(ui["directions"].get(f.direction, f.direction))
    if f.id:
        label = f"`{f.id}` " + label
    note = (f.note_en or f.note) if lang == "en" else (f.note or f.note_en)
    lines = [f"- {label}: {escape_md(note)}" if note else f"- {label}"]
    if f.gap:
        lines.append(f"  - ⚠ {ui['gap_note'].get(f.gap, f.gap)}")
    if f.term is not None:
        a = "?" if f.draft_count is None else f.draft_count
        b = "?" if f.final_count is None else f.final_count
        lines.append(f"  - {ui['term']} **{escape_md(f.term)}**: {ui['count_change'].format(a=a, b=b)}")
    none = ui["none_side"]
    draft = bold_values(f.draft_text, f.draft_value, f.unit) if f.draft_text else none
    final = bold_values(f.final_text, f.final_value, f.unit_of("final")) if f.final_text else none
    if f.draft_text or f.final_text:
        lines.append(f"  - {ui['draft']}: {draft}")
        lines.append(f"  - {ui['final']}: {final}")
    for ctx in f.contexts:
        lines.append(f"  - > {escape_md(ctx)}")
    where_d, where_f = _where(pairs, f, "draft", ui, formats[0]), _where(pairs, f, "final", ui, formats[1])
    if where_d or where_f:
        lines.append(
            f"  - {ui['col_where']}: {ui['draft']} {where_d or none} → {ui['final']} {where_f or none}"
        )
    return lines


def render_markdown(report: Report, lang: str = "zh") -> str:
    """Render the summary and key changes of ``report`` as Markdown (UI in ``lang``)."""
    ui = strings(lang, report.genre)
    lang = "en" if ui["html_lang"] == "en" else "zh"
    title = report.final.part or report.final.title or report.draft.title
    colon = "：" if lang == "zh" else ": "
    out: list[str] = [f"# {ui['report_title']}{colon}{escape_md(title)}", ""]
    lead = facts.lead(report, ui)
    out += [escape_md(lead.sentence), ""]
    if lead.lowered:
        label = ui["lead"]["loosened_list" if lead.loosened else "lowered_list"]
        out += [f"**{label}**" + ui["lead_join"].join(escape_md(t) for t in lead.lowered), ""]
    out += _doc_line(ui["draft"], report.draft, ui)
    out += _doc_line(ui["final"], report.final, ui)
    out.append("")
    if report.warnings:
        out.append(f"> **{ui['warnings']}**")
        out += [f"> - {escape_md(facts.warning_in(w, lang))}" for w in report.warnings]
        out.append("")

    out += [f"## {ui['summary']}", ""]
    money = facts.money_at_stake(report.findings)
    sep, paren = ("；", "（{}）") if lang == "zh" else ("; ", " ({})")
    if money.removed:
        line = f"- {ui['money']}: {ui['money_removed'].format(n=money.removed, k=len(money.items))}"
        if money.totals:
            amounts = sep.join(
                "**{} {}**".format(*map(escape_md, facts.amount_words(t.total, t.unit, ui)))
                + paren.format(ui["money_pledges"].format(n=t.count))
                for t in money.totals
            )
            line += ("" if lang == "zh" else "; ") + f"{ui['money_lump_total']} {amounts}"
            if money.not_summed:
                line += sep + ui["money_not_summed"].format(n=money.not_summed)
        out.append(line)
        if money.items and not money.totals:
            out.append(f"  - {ui['money_no_total']}")
        for item in money.items:
            subject = f" {escape_md(item.subject)}" if item.subject else ""
            out.append(f"  - **{escape_md(facts.money_words(item, ui))}**{subject} (`{item.finding}`)")
        if money.no_amount:
            out.append(f"  - {ui['money_no_amount'].format(n=money.no_amount)}")
    else:
        out.append(f"- {ui['money']}: {ui['money_none']}")
    if money.reduced:
        out.append(f"- {ui['money_reduced'].format(n=money.reduced)}")
    sev = report.summary["severity"]
    out.append(
        f"- {ui['severity_counts']}: "
        + ", ".join(f"{severity_label(s, lang)} {sev.get(s, 0)}" for s in ("high", "medium", "low"))
    )
    kinds = report.summary["findings"]
    ordered = [k for k in KIND_ORDER if k in kinds] + sorted(k for k in kinds if k not in KIND_ORDER)
    if ordered:
        out.append(
            f"- {ui['findings_by_kind']}: " + ", ".join(f"{kind_label(k, lang)} {kinds[k]}" for k in ordered)
        )
    targets = facts.target_counts(report.findings)
    out.append(
        f"- {ui['targets']}: "
        + ", ".join(
            f"{ui['targets_' + k]} {targets[k]}"
            for k in ("lowered", "removed", "raised", "added", "redefined", "loosened", "tightened", "in_words")
            if targets[k] or k not in ("loosened", "tightened", "in_words")
        )
    )
    secs = facts.section_counts(report)
    shown = [s for s in STATUS_ORDER if secs.get(s)] + ["renumbered"] + (["beyond_cut"] if secs.get("beyond_cut") else [])
    out.append(
        f"- {ui['sections']}: " + ", ".join(f"{ui['statuses'].get(s) or status_label(s, lang)} {secs.get(s, 0)}"
                                            for s in shown)
    )
    for unit in ("articles", "chapters"):  # laws: the counts of a 修改说明
        if unit in report.summary:
            counts = report.summary[unit]
            out.append(f"- {ui[unit]}: " + ", ".join(f"{status_label(s, lang)} {n}" for s, n in counts.items() if n))
    out.append("")

    out += [f"## {ui['key_changes']}", ""]
    if not report.findings:
        out.append(ui["no_findings"])
    pairs = facts.pair_index(report)  # once: reports of long documents have thousands of findings
    for f in report.findings:
        out += _finding_bullet(pairs, f, lang, ui, (report.draft.format, report.final.format))
    return "\n".join(out).rstrip("\n") + "\n"
