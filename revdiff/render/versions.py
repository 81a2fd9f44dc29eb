"""Presenters of a comparison of several versions (``revdiff.versions.VersionsReport``).

* ``json``: the ``revdiff.versions/1`` object (every pair's full ``revdiff.report/1`` inside);
* ``html``: one self-contained page — the versions, a summary, the commitment tracks (one row
  per pledge or target, one cell per version) and the document view of one adjacent pair at
  a time, with a switcher (``templates/versions.html``, ``versions.js``, ``versions.css``);
* ``md`` and ``csv``: the tracks as rows.

Anchors are stable: the document view of the pair V1→V2 is ``#pair-v2``, its sections
``#v2-sec-s14`` and its findings ``#v2-f-f3``; a track is ``#t-t1``.  Like every renderer,
the output depends only on the report (no timestamps, no random ids).
"""

from __future__ import annotations

import copy
import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from revdiff import money
from revdiff.render import facts
from revdiff.render.i18n import severity_label, strings

if TYPE_CHECKING:
    from revdiff.model import Report
    from revdiff.versions import Track, VersionsReport

FORMATS = ("html", "json", "md", "csv")

VSTRINGS: dict[str, dict[str, Any]] = {
    "zh": {
        "report_title": "多版本对照报告",
        "versions": "比较的版本",
        "versions_hint": "按从早到晚的顺序；每相邻两个版本比较一次。",
        "nav_tracks": "承诺追踪",
        "nav_pairs": "逐版对照",
        "tracks": "承诺追踪",
        "tracks_hint": "每行是一项资金承诺或目标在各版本中的情况，最严重的在前；点击数值可跳到该版本的全文对照。",
        "col_commitment": "承诺",
        "unchanged_tracks": "各版本一致的承诺（{n} 项）",
        "no_tracks": "各版本中都没有资金承诺或量化目标。",
        "no_changed_tracks": "各版本的资金承诺和目标没有变化。",
        "cut": "删除",
        "absent": "—",
        "absent_title": "该版本中没有",
        "texts": "各版本原文",
        "kinds": {"pledge": "资金承诺", "target": "目标"},
        "verdicts": {
            "cut": "被删除",
            "restored_lower": "恢复但降低",
            "reduced": "调低",
            "redefined": "口径改变",
            "restored": "恢复原样",
            "new": "新增",
            "raised": "提高",
            "restored_higher": "恢复并提高",
            "unchanged": "未变",
        },
        "changes": {
            "lowered": "调低",
            "raised": "提高",
            "redefined": "口径改变",
            "removed": "删除",
            "added": "新增",
            "restored": "恢复",
        },
        "pairs": "逐版对照",
        "pairs_hint": "每次显示相邻两个版本的对照，用下面的按钮切换。",
        "pair_label": "{a} → {b}",
        "pair_switch": "选择要查看的两个版本",
        "pair_findings": "这一次修改的主要变化（{n} 项）",
        "pair_no_findings": "这一次修改没有发现资金、目标、期限或关注词方面的变化。",
        "pair_map": "章节对照（{n} 处改动）",
        "summary_pairs": "各次修改",
        "summary_tracks": "承诺追踪",
        "summary_money": "最终版本删除的资金承诺",
        "money_cut_none": "最终版本没有删除任何资金承诺。",
        "money_lower": "另有 {n} 项资金承诺数额被调低",
        "changed_sections": "改动章节 {n}",
        "findings_n": "发现 {n}",
        "removed_placeholder": "（{v} 中已删除）",
        "added_placeholder": "（{a} 中没有，{b} 新增）",
        "view_pair": "查看对照",
    },
    "en": {
        "report_title": "Versions compared",
        "versions": "Versions",
        "versions_hint": "Oldest first; each version is compared with the next.",
        "nav_tracks": "Commitments",
        "nav_pairs": "Version by version",
        "tracks": "Commitments across versions",
        "tracks_hint": "One row per funding pledge or target, most severe first; click a value to see it in "
        "that version's document view.",
        "col_commitment": "Commitment",
        "unchanged_tracks": "Commitments the same in every version ({n})",
        "no_tracks": "No funding pledge or quantified target in any version.",
        "no_changed_tracks": "No funding pledge or target changed between the versions.",
        "cut": "cut",
        "absent": "—",
        "absent_title": "not in this version",
        "texts": "Text in each version",
        "kinds": {"pledge": "Funding pledge", "target": "Target"},
        "verdicts": {
            "cut": "cut",
            "restored_lower": "restored lower",
            "reduced": "reduced",
            "redefined": "redefined",
            "restored": "restored",
            "new": "new",
            "raised": "raised",
            "restored_higher": "restored higher",
            "unchanged": "unchanged",
        },
        "changes": {
            "lowered": "lowered",
            "raised": "raised",
            "redefined": "redefined",
            "removed": "cut",
            "added": "added",
            "restored": "restored",
        },
        "pairs": "Version by version",
        "pairs_hint": "The document view of two adjacent versions at a time; switch with the buttons below.",
        "pair_label": "{a} → {b}",
        "pair_switch": "Versions to compare",
        "pair_findings": "Key changes of this revision ({n})",
        "pair_no_findings": "No change to funding, targets, deadlines or watched terms in this revision.",
        "pair_map": "Section map ({n} changed)",
        "summary_pairs": "Revisions",
        "summary_tracks": "Commitments",
        "summary_money": "Funding pledges cut by the last version",
        "money_cut_none": "The last version cuts no funding pledge.",
        "money_lower": "plus {n} pledge(s) with a lower amount",
        "changed_sections": "{n} sections changed",
        "findings_n": "{n} findings",
        "removed_placeholder": "(deleted in {v})",
        "added_placeholder": "(not in {a}; added in {b})",
        "view_pair": "View",
    },
}

CHANGE_SYMBOLS = {
    "lowered": "↓",
    "raised": "↑",
    "redefined": "≠",
    "removed": "✕",
    "added": "+",
    "restored": "↺",
}


def vstrings(lang: str | None) -> dict[str, Any]:
    """The UI strings of the single report merged with those of the versions report."""
    ui = dict(strings(lang))
    ui.update(VSTRINGS["en" if ui["html_lang"] == "en" else "zh"])
    return ui


def version_label(n: int) -> str:
    """How the report names version ``n`` (1-based)."""
    return f"V{n}"


def pair_key(pair: int) -> str:
    """The anchor prefix of pair ``pair`` (1-based; V1→V2 is pair 1, key ``v2``)."""
    return f"v{pair + 1}"


# --------------------------------------------------------------------------- json


def render_json(report: VersionsReport, lang: str = "zh") -> str:
    """The ``revdiff.versions/1`` JSON text; ``lang`` is ignored (notes are in both languages)."""
    return report.to_json()


# --------------------------------------------------------------------------- csv

_TEXT_COLUMNS = {"subject", "note", "note_en"}


def _csv_cell(value: Any, text: bool = False) -> str:
    if value is None:
        return ""
    out = str(value)
    if text and out.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + out  # no formula injection from document text
    return out


def _state_label(track: Track, i: int, ui: dict[str, Any]) -> str:
    s = track.states[i]
    if s.present:
        return s.label
    return ui["cut"] if any(x.present for x in track.states[:i]) else ""


def render_csv(report: VersionsReport, lang: str = "zh") -> str:
    """One track per row (UTF-8 with BOM, CRLF): its verdict, then value, text and line per version."""
    ui = vstrings(lang)
    n = len(report.versions)
    head = ["id", "kind", "verdict", "severity", "subject"]
    head += [version_label(i) for i in range(1, n + 1)]
    for i in range(1, n + 1):
        head += [f"v{i}_value", f"v{i}_unit", f"v{i}_comparator", f"v{i}_line", f"v{i}_text"]
    head += ["steps", "note", "note_en"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(head)
    for t in report.tracks:
        row = [t.id, t.kind, t.verdict, _csv_cell(t.severity), _csv_cell(t.subject, True)]
        row += [_csv_cell(_state_label(t, i, ui), True) for i in range(n)]
        for s in t.states:
            row += [_csv_cell(s.value), _csv_cell(s.unit), _csv_cell(s.comparator), _csv_cell(s.line),
                    _csv_cell(s.text, True)]
        row.append(" ".join(f"{s.pair}:{s.change}" + (f"({s.direction})" if s.direction and s.direction != s.change else "")
                            for s in t.steps))
        row += [_csv_cell(t.note, True), _csv_cell(t.note_en, True)]
        w.writerow(row)
    return "\ufeff" + buf.getvalue()


# --------------------------------------------------------------------------- markdown


def render_markdown(report: VersionsReport, lang: str = "zh") -> str:
    """Versions, summary, then the changed tracks as a table and each pair's finding counts."""
    from revdiff.render.markdown import code_span, escape_md

    ui = vstrings(lang)
    lang = "en" if ui["html_lang"] == "en" else "zh"
    colon = "：" if lang == "zh" else ": "
    last = report.versions[-1]
    out = [f"# {ui['report_title']}{colon}{escape_md(last.part or last.title)}", ""]
    for i, v in enumerate(report.versions, 1):
        out.append(f"- **{version_label(i)}**: {escape_md(v.title or v.part)} ({code_span(v.source)}, {escape_md(v.format)})")
    out.append("")
    if report.warnings:
        out.append(f"> **{ui['warnings']}**")
        out += [f"> - {escape_md(w)}" for w in report.warnings]
        out.append("")
    out += [f"## {ui['summary']}", ""]
    verdicts = report.summary["tracks"]["verdicts"]
    shown = [(v, n) for v, n in verdicts.items() if n]
    out.append(f"- {ui['summary_tracks']}: " + (", ".join(f"{ui['verdicts'][v]} {n}" for v, n in shown) or "0"))
    for i, r in enumerate(report.pairs, 1):
        sev = r.summary["severity"]
        label = ui["pair_label"].format(a=version_label(i), b=version_label(i + 1))
        out.append(f"- {label}: " + ", ".join(f"{severity_label(s, lang)} {sev.get(s, 0)}" for s in ("high", "medium", "low")))
    out.append("")
    out += [f"## {ui['tracks']}", ""]
    changed = [t for t in report.tracks if t.changed]
    if not report.tracks:
        out.append(ui["no_tracks"])
    elif not changed:
        out.append(ui["no_changed_tracks"])
    else:
        n = len(report.versions)
        cols = [ui["col_id"], ui["col_kind"], ui["col_commitment"]] + [version_label(i) for i in range(1, n + 1)]
        out.append("| " + " | ".join(cols) + " |")
        out.append("|" + "---|" * len(cols))
        for t in changed:
            kind = f"{ui['kinds'].get(t.kind, t.kind)} · **{ui['verdicts'].get(t.verdict, t.verdict)}**"
            cells = []
            for i in range(n):
                text = _state_label(t, i, ui)
                step = t.steps[i - 1] if i else None
                mark = ""
                if step and step.change in ("lowered", "raised", "restored"):
                    mark = CHANGE_SYMBOLS[step.change]
                    if step.change == "restored" and step.direction in ("lowered", "raised"):
                        mark += CHANGE_SYMBOLS[step.direction]
                cells.append(f"{mark}{escape_md(text)}" if text else ui["absent"])
            out.append("| " + " | ".join([t.id, kind, escape_md(t.subject)] + cells) + " |")
        unchanged = len(report.tracks) - len(changed)
        if unchanged:
            out += ["", ui["unchanged_tracks"].format(n=unchanged)]
        out += ["", f"### {ui['texts']}", ""]
        for t in changed:
            note = t.note_en if lang == "en" else t.note
            out.append(f"- `{t.id}` {escape_md(note)}")
            for s in t.states:
                if s.present and s.text:
                    where = facts.line_label(ui, s.line, s.page, report.versions[s.version - 1].format)
                    out.append(f"  - {version_label(s.version)} ({where}): {escape_md(s.text)}")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- html


@dataclass
class CellView:
    """One version's cell of a track row."""

    present: bool
    cut: bool  # absent after being present in an earlier version
    label: str
    line: str
    link: str | None
    change: str  # what the step into this version did (lowered, removed, restored …) or ""
    change_label: str
    symbol: str
    direction: str = ""  # restored: lowered / raised / redefined against its last value
    text: Markup = field(default_factory=Markup)


@dataclass
class TrackView:
    """One row of the tracks table."""

    anchor: str
    track: Track
    kind_label: str
    verdict_label: str
    severity_label: str
    note: str
    cells: list[CellView]


@dataclass
class PanelView:
    """The document view of one adjacent pair."""

    key: str  # v2 for V1 → V2
    label: str
    a: str
    b: str
    report: Report
    ctx: dict[str, Any]
    severity: dict[str, int]
    changed_sections: int
    active: bool


def _anchor_map(report: Report) -> dict[str, str]:
    return dict(zip((p.id for p in report.sections), facts.pair_ids(report), strict=True))


def _change_label(ui: dict[str, Any], change: str, direction: str | None) -> str:
    if not change:
        return ""
    text = ui["changes"].get(change, change)
    if change == "restored" and direction:
        paren = "（{}）" if ui["html_lang"] != "en" else " ({})"
        text += paren.format(ui["changes"].get(direction, direction))
    return text


def _track_views(report: VersionsReport, ui: dict[str, Any], lang: str) -> list[TrackView]:
    from revdiff.render.html import highlight

    anchors = [_anchor_map(r) for r in report.pairs]
    finding_anchors = [dict(zip((f.id for f in r.findings), facts.finding_ids(r), strict=True)) for r in report.pairs]
    views = []
    for t in report.tracks:
        cells: list[CellView] = []
        seen = False
        for i, s in enumerate(t.states):
            step = t.steps[i - 1] if i else None
            change = step.change if step and step.change not in ("unchanged", "absent") else ""
            # a value links to its section in the document view; a cut to the finding that reports it
            link = None
            if not s.present and step is not None and step.finding and change == "removed":
                link = f"#{pair_key(step.pair)}-f-{finding_anchors[step.pair - 1].get(step.finding, step.finding)}"
            elif s.pair and s.section and anchors[s.pair - 1].get(s.section):
                link = f"#{pair_key(s.pair)}-sec-{anchors[s.pair - 1][s.section]}"
            cells.append(CellView(
                present=s.present, cut=not s.present and seen, label=s.label,
                line=facts.line_label(ui, s.line, s.page, report.versions[s.version - 1].format) if s.present else "",
                link=link, change=change, change_label=_change_label(ui, change, step.direction if step else None),
                symbol=CHANGE_SYMBOLS.get(change, "") + (
                    CHANGE_SYMBOLS.get(step.direction or "", "") if step and change == "restored" else ""),
                direction=(step.direction or "") if step else "",
                text=highlight(s.text, s.value, s.unit) if s.present else Markup(""),
            ))
            seen = seen or s.present
        views.append(TrackView(
            anchor=f"t-{t.id}", track=t, kind_label=ui["kinds"].get(t.kind, t.kind),
            verdict_label=ui["verdicts"].get(t.verdict, t.verdict),
            severity_label=severity_label(t.severity, lang) if t.severity else "",
            note=t.note_en if lang == "en" else t.note, cells=cells,
        ))
    return views


def _prefixed(ctx: dict[str, Any], prefix: str) -> dict[str, Any]:
    """A single report's template context with every anchor and link given ``prefix``."""
    for fv in ctx["findings"]:
        fv.anchor = prefix + fv.anchor
        if fv.draft_link:
            fv.draft_link = "#" + prefix + fv.draft_link[1:]
        if fv.final_link:
            fv.final_link = "#" + prefix + fv.final_link[1:]
    for pv in ctx["pairs"]:
        pv.anchor = prefix + pv.anchor
    return ctx


def _name_versions(note: str, a: str, b: str) -> str:
    """A finding's note with "征求意见稿/定稿" ("the draft/the final") replaced by version labels."""
    for old, new in (("征求意见稿", a), ("定稿", b), ("The draft", a), ("the draft", a), ("The final", b),
                     ("the final", b)):
        note = note.replace(old, new)
    return note


def _panels(report: VersionsReport, ui: dict[str, Any], lang: str) -> list[PanelView]:
    from revdiff.render.html import build_context

    panels = []
    for i, r in enumerate(report.pairs, 1):
        a, b = version_label(i), version_label(i + 1)
        ctx = _prefixed(build_context(r, lang), pair_key(i) + "-")
        pui = copy.copy(ctx["ui"])
        pui.update(draft=a, final=b, col_draft=a, col_final=b,
                   removed_placeholder=ui["removed_placeholder"].format(v=b),
                   added_placeholder=ui["added_placeholder"].format(a=a, b=b))
        ctx["ui"] = pui
        for fv in ctx["findings"]:  # the rules' notes say draft / final: name the versions
            fv.note = _name_versions(fv.note, a, b)
        panels.append(PanelView(
            key=pair_key(i), label=ui["pair_label"].format(a=a, b=b), a=a, b=b, report=r, ctx=ctx,
            severity=r.summary["severity"], changed_sections=sum(1 for s in r.sections if facts.is_changed(s)),
            active=i == 1,
        ))
    return panels


@dataclass
class MoneyCut:
    """Amounts of the pledges the last version cut, by unit."""

    totals: list[tuple[str, str, int]]  # (unit, total, count)
    no_amount: int
    lower: int  # pledges reduced or restored lower
    cut: int


def _money(report: VersionsReport) -> MoneyCut:
    sums: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    no_amount = cut = 0
    for t in report.tracks:
        if t.kind != "pledge" or t.verdict != "cut":
            continue
        cut += 1
        s = next(x for x in reversed(t.states) if x.present)
        amount = money.parse_amount(s.value)
        if amount is None or not money.is_money_unit(s.unit):
            no_amount += 1
            continue
        unit = money.unit_as_written(s.unit)
        sums[unit] = sums.get(unit, Decimal(0)) + amount
        counts[unit] = counts.get(unit, 0) + 1
    totals = [(u, money.format_amount(sums[u]), counts[u]) for u in sorted(sums, key=lambda u: (-counts[u], u))]
    lower = sum(1 for t in report.tracks if t.kind == "pledge" and t.verdict in ("reduced", "restored_lower"))
    return MoneyCut(totals, no_amount, lower, cut)


def build_versions_context(report: VersionsReport, lang: str = "zh") -> dict[str, Any]:
    """Everything templates/versions.html needs."""
    from revdiff import __version__
    from revdiff.render.html import DocView, _doc_view
    from revdiff.versions import VERDICT_ORDER

    ui = vstrings(lang)
    lang = "en" if ui["html_lang"] == "en" else "zh"
    docs: list[DocView] = []
    for i, v in enumerate(report.versions, 1):
        dv = _doc_view("version", version_label(i), v)
        docs.append(dv)
    tracks = _track_views(report, ui, lang)
    verdicts = report.summary["tracks"]["verdicts"]
    last = report.versions[-1]
    first_of: dict[str, str] = {}
    for tv in tracks:
        first_of.setdefault(tv.track.verdict, tv.anchor)
    return {
        "ui": ui,
        "lang": lang,
        "version": __version__,
        "title": last.part or last.title or report.versions[0].title,
        "docs": docs,
        "n_versions": len(report.versions),
        "version_labels": [version_label(i) for i in range(1, len(report.versions) + 1)],
        "warnings": report.warnings,
        "verdict_rows": [(v, ui["verdicts"][v], verdicts[v], first_of.get(v)) for v in VERDICT_ORDER
                         if verdicts[v] and v != "unchanged"],
        "unchanged_count": verdicts["unchanged"],
        "money": _money(report),
        "changed_tracks": [tv for tv in tracks if tv.track.changed],
        "unchanged_tracks": [tv for tv in tracks if not tv.track.changed],
        "panels": _panels(report, ui, lang),
    }


def render_html(report: VersionsReport, lang: str = "zh") -> str:
    """The page: versions, summary, tracks, and one pair's document view at a time."""
    from revdiff.render.html import render_page

    return render_page("versions.html", "versions.js", build_versions_context(report, lang))


RENDERERS = {"html": render_html, "json": render_json, "md": render_markdown, "csv": render_csv}


def render_versions(report: VersionsReport, fmt: str, lang: str = "zh") -> str:
    """Render ``report`` as ``fmt`` (html, json, md or csv) with UI language ``lang``."""
    strings(lang)  # an unknown language is a usage error
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(RENDERERS)}") from None
    return renderer(report, lang)
