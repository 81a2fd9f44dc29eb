"""The HTML report: one self-contained page rendered with Jinja2 from ``templates/``.

Document text is untrusted (a draft may contain ``<script>`` or ``{{ }}``).  Two rules keep
it inert:

* Jinja2 autoescape is on, and no template applies ``|safe`` to anything.
* Where the report needs markup *inside* document text (``<del>``/``<ins>``, ``<mark>`` on
  values and watched terms), this module builds it as ``Markup`` from pieces that are each
  passed through ``markupsafe.escape``; the only unescaped strings are fixed tag names and
  ids made of ``[A-Za-z0-9_.-]``.

Defence in depth: the page carries a Content-Security-Policy that allows only its own inline
script (by SHA-256 hash) and no network access at all, so even an injection that slipped
through could neither run an event handler nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from revdiff.diff import diff_texts, ops_within
from revdiff.model import SectionPair
from revdiff.render import facts
from revdiff.render.i18n import (
    KIND_ORDER,
    RENUMBERED_SYMBOL,
    STATUS_ORDER,
    STATUS_SYMBOLS,
    kind_label,
    severity_label,
    status_label,
    strings,
)
from revdiff.render.table_diff import table_sides
from revdiff.render.table_html import table_view

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

    from revdiff.model import DocInfo, Finding, Node, Report, SectionRef


# --------------------------------------------------------------------------- markup building


@dataclass(frozen=True)
class Span:
    """A stretch [start, end) of a text to wrap in trusted tags (``open``/``close``)."""

    start: int
    end: int
    open: str
    close: str
    rank: int = 0  # lower rank = outer tag when spans nest


def _render_pieces(segments: list[tuple[str, str]], spans: list[Span]) -> Markup:
    """Escape ``segments`` (wrapper tag, text) and wrap the stretches covered by ``spans``.

    Segments and spans may cross each other's boundaries, so the text is cut at every
    boundary and each piece is wrapped in its own (segment tag, span tags): the HTML stays
    well-formed without any tag spanning a cut.
    """
    text = "".join(t for _, t in segments)
    cuts = {0, len(text)}
    pos = 0
    seg_bounds: list[tuple[int, int, str]] = []
    for tag, t in segments:
        seg_bounds.append((pos, pos + len(t), tag))
        pos += len(t)
        cuts.add(pos)
    for s in spans:
        cuts.add(max(0, min(s.start, len(text))))
        cuts.add(max(0, min(s.end, len(text))))
    ordered = sorted(cuts)
    out: list[str] = []
    seg_i = 0
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a == b:
            continue
        while seg_i < len(seg_bounds) - 1 and seg_bounds[seg_i][1] <= a:
            seg_i += 1
        tag = seg_bounds[seg_i][2] if seg_bounds else ""
        active = sorted((s for s in spans if s.start <= a and b <= s.end), key=lambda s: s.rank)
        piece = str(escape(text[a:b]))
        for s in reversed(active):
            piece = s.open + piece + s.close
        if tag:
            piece = f"<{tag}>{piece}</{tag}>"
        out.append(piece)
    return Markup("".join(out))


def _mark_spans(ranges: list[tuple[int, int]], cls: str, rank: int = 2) -> list[Span]:
    return [Span(a, b, f'<mark class="{cls}">', "</mark>", rank) for a, b in ranges]


def highlight(
    text: str | None, value: str | None = None, unit: str | None = None, terms: list[str] | None = None
) -> Markup:
    """``text`` escaped, with ``value`` (+unit) in ``<mark class="val">`` and terms in ``<mark class="term">``."""
    if not text:
        return Markup("")
    spans = _mark_spans(facts.value_spans(text, value, unit), "val", 1)
    if terms:
        spans += _mark_spans(facts.term_spans(text, terms), "term", 2)
    return _render_pieces([("", text)], spans)


# --------------------------------------------------------------------------- view model


@dataclass
class SideView:
    """One side (draft or final) of a SectionPair as the document view shows it."""

    present: bool
    heading: str = ""
    path: str = ""
    lines: str = ""
    body: Markup = field(default_factory=Markup)
    empty: bool = False
    preview: str = ""  # a long section that is all removed or all added: its first words, folded
    length: int = 0


@dataclass
class PairView:
    """One row of the document view and of the section map."""

    anchor: str
    status: str
    status_cls: str  # status made safe for a class name
    status_label: str
    symbol: str
    renumbered: bool
    changed: bool
    similarity: int
    draft: SideView
    final: SideView
    draft_level: int
    final_level: int
    draft_dup: bool  # this draft section already appeared in an earlier row (split)
    final_dup: bool  # this final section already appeared in an earlier row (merged)
    findings: list[tuple[str, str]]  # (anchor, severity) of the findings citing this pair
    classes: str
    same_heading: bool  # headings differ only in width/spacing: show one of them


@dataclass
class FindingView:
    """One row of the key-changes table."""

    anchor: str
    finding: Finding
    kind_label: str
    severity_label: str
    direction_label: str
    note: str
    draft_html: Markup
    final_html: Markup
    draft_path: str
    final_path: str
    draft_link: str | None
    final_link: str | None
    draft_line: str
    final_line: str
    contexts: list[Markup]
    is_term: bool


def _side_segments(pair: SectionPair, side: str) -> list[tuple[str, str]]:
    """The (tag, text) segments of one side of a pair's diff.

    Deleted text appears on the draft side only (``del``), inserted text on the final side
    only (``ins``); ops listed in ``pair.formatting`` (differences of spacing or full/half
    width only) are shown as plain text on their own side, since they are not edits.
    """
    formatting = set(getattr(pair, "formatting", None) or [])
    own_op, tag = (-1, "del") if side == "draft" else (1, "ins")
    segments: list[tuple[str, str]] = []
    for i, (op, text) in enumerate(pair.diff):
        if op == 0:
            segments.append(("", text))
        elif op == own_op:
            segments.append(("" if i in formatting else tag, text))
    if not pair.diff:
        # A pair without a diff (e.g. built by hand): show the node's own text unmarked.
        node = pair.draft_node if side == "draft" else pair.final_node
        if node is not None and node.text:
            segments.append(("", node.text))
    return segments


def _finding_spans(text: str, sentences: list[tuple[str, str, str]]) -> list[Span]:
    """Underline the sentences findings quote, so the reader sees where each one is."""
    spans: list[Span] = []
    for sentence, anchor, severity in sentences:
        if not sentence:
            continue
        at = text.find(sentence)
        if at < 0:
            continue
        spans.append(
            Span(
                at,
                at + len(sentence),
                f'<span class="fhit sev-{severity}" data-f="{anchor}">',
                "</span>",
                0,
            )
        )
    return spans


FOLD_CHARS = 240  # a removed section longer than this is folded (about three lines of text)
PREVIEW_CHARS = 60


def _side_view(
    ui: dict[str, Any],
    pair: SectionPair,
    side: str,
    terms: list[str],
    sentences: list[tuple[str, str, str]],
    fmt: str = "",
) -> SideView:
    ref = pair.draft if side == "draft" else pair.final
    if ref is None:
        return SideView(present=False)
    segments = _side_segments(pair, side)
    text = "".join(t for _, t in segments)
    spans = _finding_spans(text, sentences) + _mark_spans(facts.term_spans(text, terms), "term")
    body = _render_pieces(segments, spans)
    node = pair.draft_node if side == "draft" else pair.final_node
    if node is not None and node.kind == "table" and node.rows:
        # an indicator table as a table: rows paired by measure, cells diffed one by one
        def rows(n: Node | None) -> list[list[str]] | None:
            return n.rows if n is not None and n.kind == "table" else None

        tables = table_sides(rows(pair.draft_node), rows(pair.final_node))
        body = tables[0] if side == "draft" else tables[1]
    # a whole removed (or added) section is a wall of struck (or underlined) text: fold it
    # behind its first words and its length
    whole = pair.status in ("removed", "added") and len(text) > FOLD_CHARS
    return SideView(
        present=True,
        heading=f"{ref.number}{ref.title}" or ui["preamble"],
        path=facts.section_path(ref, ui),
        lines=facts.line_label(ui, ref.line_start, ref.page, fmt, ref.line_end),
        body=body,
        empty=not text.strip(),
        preview=text[:PREVIEW_CHARS].strip() + "…" if whole else "",
        length=len(text) if whole else 0,
    )


def _ref_key(ref: SectionRef | None) -> tuple[Any, ...] | None:
    if ref is None:
        return None
    return (tuple(ref.path), ref.number, ref.title, ref.line_start, ref.line_end)


def _same_heading(a: SectionRef | None, b: SectionRef | None) -> bool:
    if a is None or b is None:
        return False

    def key(ref: SectionRef) -> str:
        return "".join(unicodedata.normalize("NFKC", ref.number + ref.title).split())

    return key(a) == key(b)


def _pair_views(report: Report, ui: dict[str, Any], lang: str, fids: list[str]) -> list[PairView]:
    pids = facts.pair_ids(report)
    cites: dict[str, list[tuple[str, str]]] = {}
    sentences: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for f, fid in zip(report.findings, fids, strict=True):
        for pid in dict.fromkeys(x for x in (f.draft_section, f.final_section) if x):
            cites.setdefault(pid, []).append((fid, f.severity))
        if f.draft_section and f.draft_text:
            sentences.setdefault((f.draft_section, "draft"), []).append((f.draft_text, fid, f.severity))
        if f.final_section and f.final_text:
            sentences.setdefault((f.final_section, "final"), []).append((f.final_text, fid, f.severity))
    seen_draft: set[Any] = set()
    seen_final: set[Any] = set()
    views: list[PairView] = []
    for pair, anchor in zip(report.sections, pids, strict=True):
        # a section a cut copy is missing is no change: shown grey, as "not in the copy"
        changed = facts.is_changed(pair) and not pair.beyond_cut
        cited = cites.get(pair.id, [])
        dkey, fkey = _ref_key(pair.draft), _ref_key(pair.final)
        status_cls = "unchanged" if pair.beyond_cut else facts.safe_id(pair.status, "unknown")
        classes = ["pair", f"ps-{status_cls}"]
        classes.append("is-changed" if changed else "is-unchanged")
        if cited:
            classes.append("has-findings")
        if pair.renumbered:
            classes.append("is-renumbered")
        views.append(
            PairView(
                anchor=f"sec-{anchor}",
                status=pair.status,
                status_cls=status_cls,
                status_label=ui["statuses"]["beyond_cut"] if pair.beyond_cut else status_label(pair.status, lang),
                symbol="…" if pair.beyond_cut else STATUS_SYMBOLS.get(pair.status, "?"),
                renumbered=pair.renumbered,
                changed=changed,
                similarity=round(max(0.0, min(1.0, pair.similarity)) * 100),
                draft=_side_view(ui, pair, "draft", report.watch, sentences.get((pair.id, "draft"), []),
                                 report.draft.format),
                final=_side_view(ui, pair, "final", report.watch, sentences.get((pair.id, "final"), []),
                                 report.final.format),
                draft_level=pair.draft.level if pair.draft else 1,
                final_level=pair.final.level if pair.final else 1,
                draft_dup=dkey is not None and dkey in seen_draft,
                final_dup=fkey is not None and fkey in seen_final,
                findings=cited,
                classes=" ".join(classes),
                same_heading=_same_heading(pair.draft, pair.final),
            )
        )
        if dkey is not None:
            seen_draft.add(dkey)
        if fkey is not None:
            seen_final.add(fkey)
    return views


def _quotes(f: Finding, terms: list[str], dpair: SectionPair | None = None,
            fpair: SectionPair | None = None) -> tuple[Markup, Markup]:
    """A finding's draft and final sentences with its values marked and, when both sides quote
    a different sentence, the words that changed struck (draft) or underlined (final), so the
    eye finds the change; the two sentences are diffed once for both sides.  A reference that
    only followed a renumbering (本条例第十五条 → 第十四条), muted in the section's own diff
    (``dpair``/``fpair``: the sections the finding cites), is shown unchanged here too."""
    pair = None
    if f.draft_text and f.final_text and f.draft_text != f.final_text:
        pair = SectionPair(id="", status="modified", renumbered=False, similarity=0.0, draft=None, final=None)
        pair.diff, pair.formatting = diff_texts(f.draft_text, f.final_text)
        muted = {-1: _muted_in(dpair, -1, f.draft_text), 1: _muted_in(fpair, 1, f.final_text)}
        if muted[-1] or muted[1]:
            pair.formatting = sorted(set(pair.formatting) | set(ops_within(pair.diff, muted)))
    return _quote(f, "draft", terms, pair), _quote(f, "final", terms, pair)


def _muted_in(pair: SectionPair | None, side: int, quote: str) -> list[tuple[int, int]]:
    """Where, in ``quote`` (a passage of one side of ``pair``), the pair's muted ops stand."""
    if pair is None or not pair.consequential:
        return []
    body = "".join(t for op, t in pair.diff if op in (0, side))
    base = body.find(quote)
    if base < 0:
        return []
    out, at, muted = [], 0, set(pair.consequential)
    for i, (op, text) in enumerate(pair.diff):
        if op in (0, side):
            if i in muted and op == side:
                out.append((at - base, at - base + len(text)))
            at += len(text)
    return out


def _quote(f: Finding, side: str, terms: list[str], pair: SectionPair | None) -> Markup:
    """One side of ``_quotes``: ``pair`` holds the diff of the two sentences, None when only
    one side quotes a sentence or both quote the same."""
    text = f.draft_text if side == "draft" else f.final_text
    value = f.draft_value if side == "draft" else f.final_value
    if not text:
        return Markup("")
    if pair is None:
        return highlight(text, value, f.unit_of(side), terms)
    spans = _mark_spans(facts.value_spans(text, value, f.unit_of(side)), "val", 1)
    if terms:
        spans += _mark_spans(facts.term_spans(text, terms), "term", 2)
    return _render_pieces(_side_segments(pair, side), spans)


def _shown_direction(f: Finding) -> str:
    """The direction a reader is told: a time limit or ceiling loosened, not "raised"."""
    if f.eligibility:  # a condition: 营业收入不低于2000万元 → 1000万元 lets more in
        return f.eligibility
    if f.kind == "target_changed" and f.ambition == "weaker" and f.final_value is None:
        return "in_words"  # 增长6% → 与经济增长同步: no number left to compare
    return {"weaker": "loosened", "stronger": "tightened"}.get(f.ambition or "", f.direction or "")


def _finding_views(report: Report, ui: dict[str, Any], lang: str, fids: list[str]) -> list[FindingView]:
    pairs = facts.pair_index(report)
    anchors = dict(zip((p.id for p in report.sections), facts.pair_ids(report), strict=True))
    views: list[FindingView] = []
    for f, fid in zip(report.findings, fids, strict=True):
        dpair = pairs.get(f.draft_section or "")
        fpair = pairs.get(f.final_section or "")
        is_term = f.term is not None or f.kind.startswith("term_")
        terms = [f.term] if f.term else []
        draft_html, final_html = _quotes(f, terms, dpair, fpair)
        views.append(
            FindingView(
                anchor=f"f-{fid}",
                finding=f,
                kind_label=kind_label(f.kind, lang),
                severity_label=severity_label(f.severity, lang),
                direction_label=ui["directions"].get(_shown_direction(f), _shown_direction(f)),
                note=(f.note_en or f.note) if lang == "en" else (f.note or f.note_en),
                draft_html=draft_html,
                final_html=final_html,
                draft_path=facts.section_path(dpair.draft if dpair else None, ui),
                final_path=facts.section_path(fpair.final if fpair else None, ui),
                draft_link=f"#sec-{anchors[dpair.id]}" if dpair else None,
                final_link=f"#sec-{anchors[fpair.id]}" if fpair else None,
                draft_line=facts.line_label(ui, f.draft_line, f.draft_page, report.draft.format),
                final_line=facts.line_label(ui, f.final_line, f.final_page, report.final.format),
                contexts=[highlight(c, terms=terms) for c in f.contexts],
                is_term=is_term,
            )
        )
    return views


@dataclass
class GroupView:
    """The key changes of one group (money, targets …), in severity order."""

    key: str
    label: str
    findings: list[FindingView]


def _group_views(findings: list[FindingView], ui: dict[str, Any]) -> list[GroupView]:
    order = [g for g, _kinds in facts.GROUPS] + ["other"]
    groups: dict[str, list[FindingView]] = {}
    for fv in findings:
        groups.setdefault(facts.finding_group(fv.finding.kind), []).append(fv)
    return [GroupView(g, ui["groups"][g], groups[g]) for g in order if g in groups]


@dataclass
class DocView:
    """One document card of the header."""

    side: str
    label: str
    info: DocInfo
    other_parts: list[str]
    metadata: list[tuple[str, str]]  # 文号, 发文机关, dates: shown at once
    more: list[tuple[str, str]]  # 主送, 抄送 …: behind a disclosure, to keep the header short


def _doc_view(side: str, label: str, info: DocInfo, ui: dict[str, Any] | None = None) -> DocView:
    primary, rest = facts.split_metadata(info)
    names = (ui or {}).get("meta_labels", {})  # the documents' own field names, in the reader's language
    primary = [(names.get(k, k), v) for k, v in primary]
    rest = [(names.get(k, k), v) for k, v in rest]
    return DocView(side, label, info, facts.other_parts(info), primary, rest)


def build_context(report: Report, lang: str = "zh") -> dict[str, Any]:
    """Everything the templates need, computed in Python so the templates stay simple."""
    from revdiff import __version__

    ui = strings(lang, report.genre)
    lang = "en" if ui["html_lang"] == "en" else "zh"
    fids = facts.finding_ids(report)
    summary = report.summary
    kinds_present = summary["findings"]
    first_of_kind: dict[str, str] = {}
    for f, fid in zip(report.findings, fids, strict=True):
        first_of_kind.setdefault(f.kind, fid)
    # (kind, label, count, anchor of its first finding): each chip jumps to its first row.
    ordered_kinds = [k for k in KIND_ORDER if k in kinds_present]
    ordered_kinds += sorted(k for k in kinds_present if k not in KIND_ORDER)
    kind_rows = [(k, kind_label(k, lang), kinds_present[k], first_of_kind[k]) for k in ordered_kinds]
    sec_counts = facts.section_counts(report)
    status_rows = [
        (s, status_label(s, lang), STATUS_SYMBOLS[s], sec_counts.get(s, 0))
        for s in STATUS_ORDER
        if s in sec_counts or s in ("removed", "added", "renamed", "merged")
    ]
    status_rows += [
        (s, status_label(s, lang), "?", n)
        for s, n in sorted(sec_counts.items())
        if s not in STATUS_ORDER and s not in ("renumbered", "beyond_cut")
    ]
    if sec_counts.get("beyond_cut"):  # sections a cut copy is missing: neither removed nor added
        status_rows.append(("unchanged", ui["statuses"]["beyond_cut"], "…", sec_counts["beyond_cut"]))
    status_rows.append(
        ("renumbered", status_label("renumbered", lang), RENUMBERED_SYMBOL, sec_counts.get("renumbered", 0))
    )
    # laws: the 修改说明 counts of articles and chapters, one card each (the counts that are not 0)
    law_cards = [
        (unit, ui[unit], [(s, status_label(s, lang), n) for s, n in summary[unit].items() if n])
        for unit in ("articles", "chapters") if unit in summary
    ]
    term_rows = [
        (f.term, f.draft_count, f.final_count, fid)
        for f, fid in zip(report.findings, fids, strict=True)
        if f.term is not None
    ]
    money = facts.money_at_stake(report.findings)
    anchor_of = {f.id: fid for f, fid in zip(report.findings, fids, strict=True)}
    money_rows = [(item, facts.money_words(item, ui), f"f-{anchor_of.get(item.finding, item.finding)}")
                  for item in money.items]
    money_totals = [(t, *facts.amount_words(t.total, t.unit, ui)) for t in money.totals]
    targets = facts.target_counts(report.findings)
    # A law's report shows the money and target cards only when a rule found some: two cards
    # of zeros above its penalties and articles read as if something was checked and cleared
    commitment_cards = report.genre != "law" or any(
        f.kind.startswith(("funding_", "target_")) for f in report.findings)
    finding_views = _finding_views(report, ui, lang, fids)
    legend = [(s, status_label(s, lang), STATUS_SYMBOLS[s]) for s in STATUS_SYMBOLS]
    legend.append(("renumbered", status_label("renumbered", lang), RENUMBERED_SYMBOL))
    return {
        "ui": ui,
        "lang": lang,
        "version": __version__,
        "report": report,
        "docs": [
            _doc_view("draft", ui["draft"], report.draft, ui),
            _doc_view("final", ui["final"], report.final, ui),
        ],
        "kind_rows": kind_rows,
        "severity": summary["severity"],
        "status_rows": status_rows,
        "kind_counts": kinds_present,
        "section_counts": sec_counts,
        "warnings": [facts.warning_in(w, lang) for w in report.warnings],
        "law_cards": law_cards,
        "money": money,
        "money_rows": money_rows,
        "money_totals": money_totals,
        "lead": facts.lead(report, ui),
        "groups": _group_views(finding_views, ui),
        "targets": targets,
        "commitment_cards": commitment_cards,
        "term_rows": term_rows,
        "watch": report.watch,
        "findings": finding_views,
        "pairs": _pair_views(report, ui, lang, fids),
        "legend": legend,
        "table": table_view(report, lang),
    }


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from revdiff.render import template_dir

    env = Environment(
        loader=FileSystemLoader(str(template_dir())),
        autoescape=True,  # every template, including the .css/.js includes
        undefined=StrictUndefined,  # a typo in a template is an error, not an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    return env


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept in the user's cache directory.

    Compiling the templates costs ~0.1 s, a third of a report; jinja2 checks each cached
    entry against the template source, so an edited template is recompiled.  No cache (and
    no error) when the directory cannot be written.
    """
    from jinja2 import FileSystemBytecodeCache

    from revdiff.cachedir import user_cache

    path = user_cache("jinja")
    return FileSystemBytecodeCache(path) if path else None


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(report: Report, lang: str = "zh") -> str:
    """Render ``report`` as one self-contained HTML page (UI in ``lang``: zh or en).

    The output depends only on the Report: no timestamps, no random ids.
    """
    return render_page("report.html", "report.js", build_context(report, lang))


def render_page(template: str, script: str, context: dict[str, Any]) -> str:
    """Render a page template extending base.html, with the hash of its one script.

    The script is included verbatim by base.html; hashing the same rendered text lets the
    Content-Security-Policy allow exactly that script and nothing else.
    """
    env = _environment()
    script_hash = _csp_hash(env.get_template(script).render())
    html = env.get_template(template).render(**context, script_hash=script_hash)
    return html.rstrip("\n") + "\n"
