"""Several versions of one document: each adjacent pair compared, each commitment followed.

``revdiff compare V1 V2 V3 …`` (oldest first) loads every version once, compares each
adjacent pair with the ordinary pipeline (a bundle's part chosen as for two files against the
version before; a version in the middle compares that same part with the next one), and then
chains the funding pledges and targets of the pairs into *tracks*: one track per
commitment, with its state in every version (value, unit, comparator, sentence, line, or
absent) and an overall verdict (cut, reduced, restored lower …).

A track is chained through the same pairing the finding rules use
(``classify.funding.pair_pledges``, ``classify.targets.pair_targets``): a pledge of V2 that
the V1→V2 rule paired with a V1 pledge and the V2→V3 rule paired with a V3 pledge is one
commitment.  A commitment a pair reports as added is joined to an earlier track that had
been cut (present in V1, absent in V2, back in V3) when the rule's own similarity test says
they are the same pledge or the same measure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from revdiff.classify import funding, targets
from revdiff.classify.extract import Pledge, Target

if TYPE_CHECKING:
    from revdiff.classify import Context
    from revdiff.model import DocInfo, Document, Finding, Node, Report

SCHEMA = "revdiff.versions/1"

# Overall verdicts, most severe first (the order of the key-changes table).
VERDICT_ORDER = [
    "cut",  # present in an earlier version, absent in the last
    "restored_lower",  # cut in a middle version, back in the last with a lower amount or value
    "reduced",  # present throughout, lower in the last than in the first
    "redefined",  # same number, different measure, or a changed cap word / unit
    "restored",  # cut or changed in a middle version, back as it was in the first
    "new",  # absent in the first version, present in the last
    "raised",
    "restored_higher",
    "unchanged",
]
VERDICT_SEVERITY: dict[str, str | None] = {
    "cut": "high",
    "restored_lower": "high",
    "reduced": "high",
    "redefined": "medium",
    "restored": "medium",
    "new": "medium",
    "raised": "low",
    "restored_higher": "low",
    "unchanged": None,
}

Item = Pledge | Target


@dataclass
class TrackState:
    """A commitment in one version, or its absence."""

    version: int  # 1-based
    present: bool
    label: str = ""  # the value as a reader says it: 每件10万元, ≥90分, 给予…资助
    value: str | None = None
    unit: str | None = None
    comparator: str | None = None
    mechanism: str | None = None  # pledges: 给予…资助, 购买服务 … (a pledge without an amount)
    subject: str | None = None  # the recipient (pledge) or the measure (target)
    text: str | None = None  # the sentence or table row
    line: int | None = None  # 1-based line of that version's input
    page: int | None = None  # PDF versions: the page of ``line``
    path: list[str] = field(default_factory=list)  # heading path of its section
    pair: int | None = None  # 1-based index into ``pairs`` of the report ``section`` belongs to
    section: str | None = None  # SectionPair id in that pair's report (for an absent state:
    # the section the commitment was cut from, on the version's side)

    def to_dict(self) -> dict[str, Any]:
        if not self.present:
            return {"version": self.version, "present": False, "pair": self.pair, "section": self.section}
        out = {
            "version": self.version,
            "present": True,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "comparator": self.comparator,
            "mechanism": self.mechanism,
            "subject": self.subject,
            "text": self.text,
            "line": self.line,
            "path": self.path,
            "pair": self.pair,
            "section": self.section,
        }
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass
class TrackStep:
    """What happened to a commitment between two adjacent versions."""

    pair: int  # 1-based index into ``pairs``: versions ``pair`` → ``pair + 1``
    change: str  # unchanged lowered raised redefined removed added restored absent
    direction: str | None = None  # restored: lowered / raised / redefined, or None (as before)
    finding: str | None = None  # the finding id in that pair's report, when the pair reported one
    draft_section: str | None = None
    final_section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair,
            "from": self.pair,
            "to": self.pair + 1,
            "change": self.change,
            "direction": self.direction,
            "finding": self.finding,
            "draft_section": self.draft_section,
            "final_section": self.final_section,
        }


@dataclass
class Track:
    """One commitment followed across every version."""

    id: str
    kind: str  # pledge | target
    subject: str
    verdict: str
    severity: str | None
    states: list[TrackState]
    steps: list[TrackStep]
    note: str
    note_en: str
    source: str | None = None  # targets: text | table

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "source": self.source,
            "verdict": self.verdict,
            "severity": self.severity,
            "states": [s.to_dict() for s in self.states],
            "steps": [s.to_dict() for s in self.steps],
            "note": self.note,
            "note_en": self.note_en,
        }

    @property
    def changed(self) -> bool:
        """Anything happened to it between the first and the last version."""
        return self.verdict != "unchanged"


@dataclass
class VersionsReport:
    """The result of ``compare_versions``: every version, every adjacent pair, every track."""

    versions: list[DocInfo]
    pairs: list[Report]
    tracks: list[Track]
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        """Track counts per verdict and kind, and finding counts per pair."""
        verdicts = {v: 0 for v in VERDICT_ORDER}
        kinds: dict[str, int] = {"pledge": 0, "target": 0}
        for t in self.tracks:
            verdicts[t.verdict] += 1
            kinds[t.kind] = kinds.get(t.kind, 0) + 1
        return {
            "versions": len(self.versions),
            "tracks": {"verdicts": verdicts, "kinds": kinds, "changed": sum(t.changed for t in self.tracks)},
            "pairs": [
                {"pair": i, "from": i, "to": i + 1, "findings": len(r.findings), "severity": r.summary["severity"]}
                for i, r in enumerate(self.pairs, 1)
            ],
        }

    @property
    def findings(self) -> list[Finding]:
        """Every pair's findings (``--exit-code`` looks at these)."""
        return [f for r in self.pairs for f in r.findings]

    def to_dict(self) -> dict[str, Any]:
        """The ``revdiff.versions/1`` JSON object."""
        from revdiff import __version__

        return {
            "schema": SCHEMA,
            "tool": {"name": "revdiff", "version": __version__},
            "versions": [v.to_dict() for v in self.versions],
            "warnings": self.warnings,
            "summary": self.summary,
            "tracks": [t.to_dict() for t in self.tracks],
            "pairs": [r.to_dict() for r in self.pairs],
        }

    def to_json(self) -> str:
        """JSON text of ``to_dict``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_html(self, lang: str = "zh") -> str:
        """One self-contained HTML page: tracks, and a switchable document view per pair."""
        from revdiff.render.versions import render_versions

        return render_versions(self, "html", lang)


# --------------------------------------------------------------------------- comparing


def compare_versions(paths: list[str], **options: Any) -> VersionsReport:
    """Compare ``paths`` (oldest first, at least two) pair by pair and follow each commitment.

    Options are those of ``revdiff.compare``; ``draft_part`` applies to the first version and
    ``final_part`` to the last; a bundle in between is compared, with the next version, on the
    part its comparison with the previous version chose.
    """
    from revdiff.errors import RevdiffError
    from revdiff.pipeline import compare_documents, load_document

    if len(paths) < 2:
        raise RevdiffError("compare needs at least two versions, oldest first")
    if sum(1 for p in paths if p == "-") > 1:
        raise RevdiffError("only one version can be standard input (-)")
    max_bytes = options.pop("max_bytes", None)
    drop_patterns = options.pop("drop_patterns", None)
    draft_part = options.pop("draft_part", None)
    final_part = options.pop("final_part", None)
    ocr = options.pop("ocr", None) or "auto"
    warc_url = options.pop("warc_url", None) or ()
    docs = [load_document(p, max_bytes, drop_patterns, options.get("genre"), ocr, warc_url) for p in paths]
    reports: list[Report] = []
    last = len(docs) - 2
    for k in range(len(docs) - 1):
        # A version in the middle of a bundle compares the same part with both neighbours:
        # the one its comparison with the previous version chose.
        dpart = draft_part if k == 0 else _chosen_part(docs[k], reports[k - 1].final.part)
        reports.append(compare_documents(
            docs[k], docs[k + 1], draft_part=dpart, final_part=final_part if k == last else None, **options,
        ))
    versions = [reports[0].draft] + [r.final for r in reports]
    warnings: list[str] = []
    for k in range(1, len(reports)):
        got, gave = reports[k - 1].final.part, reports[k].draft.part
        if got != gave:
            warnings.append(
                f"V{k + 1} 在与 V{k} 比较时取“{got}”，与 V{k + 2} 比较时取“{gave}”，两部分的承诺无法衔接 / "
                f"V{k + 1}: the comparison with V{k} uses “{got}”, the one with V{k + 2} uses “{gave}”; "
                "their commitments cannot be chained"
            )
    tracks = build_tracks(reports)
    for t in tracks:  # a PDF version's extracted-text line means little to a reader: add its page
        for st in t.states:
            if st.present and st.line:
                st.page = docs[st.version - 1].pages.get(st.line)
    return VersionsReport(versions=versions, pairs=reports, tracks=tracks, warnings=warnings)


def _chosen_part(doc: Document, title: str) -> str | None:
    """``title`` when it names exactly one of several parts of ``doc`` (else: choose as usual)."""
    if len(doc.parts) > 1 and sum(1 for p in doc.parts if p.title == title) == 1:
        return title
    return None


# --------------------------------------------------------------------------- tracks


def _is_pledge(item: Item) -> bool:
    return isinstance(item, Pledge)


def _text(item: Item) -> str:
    return item.sentence.text if isinstance(item, Pledge) else item.text


def _line(item: Item) -> int:
    return item.sentence.line if isinstance(item, Pledge) else item.line


def _node(item: Item) -> Node:
    return item.sentence.node if isinstance(item, Pledge) else item.node


def _key(item: Item) -> tuple[Any, ...]:
    """Identifies one commitment of one version across the two pairs that version is in."""
    if isinstance(item, Pledge):
        return ("pledge", item.sentence.line, item.sentence.text, item.value, item.unit, item.comparator)
    return ("target", item.source, item.line, item.measure_key, item.value, item.text)


def label(item: Item) -> str:
    """The value as a reader says it: 每件10万元, 最高50万元, ≥90分, 85%以上, 给予…资助."""
    if isinstance(item, Pledge):
        if item.value:
            return f"{item.comparator or ''}{item.value}{item.unit or ''}"
        return item.mechanism or "资助"
    cmp = item.comparator or ""
    if cmp in ("以上", "以下", "左右", "以内"):
        return f"{item.value}{item.unit or ''}{cmp}"
    return f"{cmp}{item.value}{item.unit or ''}"


def _direction(a: Item, b: Item, how: str = "measure") -> str | None:
    if isinstance(a, Pledge) and isinstance(b, Pledge):
        return funding.direction(a, b)
    if isinstance(a, Target) and isinstance(b, Target):
        return targets.pair_direction(a, b, how)
    return "redefined"


def _similar(a: Item, b: Item) -> float | None:
    """The rule's own similarity of two commitments, or None when below its pairing threshold."""
    if isinstance(a, Pledge) and isinstance(b, Pledge):
        s = funding.same_pledge(a, b)
        return s if s > funding.PAIR else None
    if isinstance(a, Target) and isinstance(b, Target):
        s = targets.same_measure(a, b)
        return s if s > targets.SAME_MEASURE else None
    return None


@dataclass
class _Chain:
    kind: str
    items: list[Item | None]
    hows: list[str]  # per pair: how the rule paired the two sides ("measure", "same_value" …)
    states: list[TrackState | None]


def _section_ref(report: Report, ctx: Context, node: Node, side: str) -> tuple[str | None, list[str]]:
    sid = ctx.pair_id(node, side)
    for s in report.sections:
        if s.id == sid:
            ref = s.draft if side == "draft" else s.final
            return sid, list(ref.path) if ref else []
    return sid, []


def _state(item: Item, version: int, pair: int, report: Report, ctx: Context, side: str) -> TrackState:
    sid, path = _section_ref(report, ctx, _node(item), side)
    return TrackState(
        version=version, present=True, label=label(item), value=item.value, unit=item.unit,
        comparator=item.comparator, mechanism=item.mechanism if isinstance(item, Pledge) else None,
        subject=item.subject if isinstance(item, Pledge) else item.measure,
        text=_text(item), line=_line(item), path=path, pair=pair, section=sid,
    )


def _pairings(ctx: Context) -> list[tuple[Item | None, Item | None, str]]:
    out: list[tuple[Item | None, Item | None, str]] = [(d, f, "pledge") for d, f in funding.pair_pledges(ctx)]
    out += [(d, f, how) for d, f, how in targets.pair_targets(ctx)]
    return out


def build_tracks(reports: list[Report]) -> list[Track]:
    """Chain the pledges and targets of adjacent pair reports into tracks (see module doc)."""
    n = len(reports) + 1
    chains: list[_Chain] = []
    where: dict[tuple[int, tuple[Any, ...]], int] = {}  # (version index, item key) -> chain

    def new_chain(item: Item) -> int:
        chains.append(_Chain("pledge" if _is_pledge(item) else "target", [None] * n, [""] * (n - 1), [None] * n))
        return len(chains) - 1

    for k, report in enumerate(reports):
        ctx = report.context
        if ctx is None:  # a Report built by hand: nothing to chain
            continue
        added: list[Item] = []
        for d, f, how in _pairings(ctx):
            if d is None:
                if f is not None:
                    added.append(f)
                continue
            c = where.get((k, _key(d)))
            if c is None or chains[c].items[k + 1] is not None:
                c = new_chain(d)
                chains[c].items[k] = d
                chains[c].states[k] = _state(d, k + 1, k + 1, report, ctx, "draft")
                where[(k, _key(d))] = c
            if f is not None:
                chains[c].items[k + 1] = f
                chains[c].hows[k] = how
                chains[c].states[k + 1] = _state(f, k + 2, k + 1, report, ctx, "final")
                where[(k + 1, _key(f))] = c
        # An added commitment may be one an earlier pair cut: join it to that chain when the
        # rule's own similarity says they are the same (best first, each chain at most once).
        gone = [
            c for c, ch in enumerate(chains)
            if ch.items[k] is None and ch.items[k + 1] is None and any(x is not None for x in ch.items[:k])
        ]
        scored: list[tuple[float, int, int]] = []
        for c in gone:
            before = next(x for x in reversed(chains[c].items[:k]) if x is not None)
            for a, f in enumerate(added):
                sim = _similar(before, f)
                if sim is not None:
                    scored.append((sim, -c, -a))
        joined: dict[int, int] = {}
        taken: set[int] = set()
        for _, nc, na in sorted(scored, reverse=True):
            if -nc not in taken and -na not in joined:
                joined[-na] = -nc
                taken.add(-nc)
        for a, f in enumerate(added):
            c = joined[a] if a in joined else new_chain(f)
            chains[c].items[k + 1] = f
            chains[c].hows[k] = "added"
            chains[c].states[k + 1] = _state(f, k + 2, k + 1, report, ctx, "final")
            where[(k + 1, _key(f))] = c
    tracks = [_track(ch, reports) for ch in chains]
    tracks.sort(key=_order)
    for i, t in enumerate(tracks, 1):
        t.id = f"t{i}"
    return tracks


def _order(t: Track) -> tuple[Any, ...]:
    first = next(s for s in t.states if s.present)
    return (VERDICT_ORDER.index(t.verdict), t.kind != "pledge", first.version, first.line or 0, t.subject)


def _finding_for(report: Report, step: str, d: Item | None, f: Item | None) -> Finding | None:
    """The finding the pair reported for this step of a track, if any."""
    item = d if d is not None else f
    prefix = "funding_" if item is not None and _is_pledge(item) else "target_"
    for x in report.findings:
        if not x.kind.startswith(prefix):
            continue
        if step == "removed" and d is not None and x.kind.endswith("_removed"):
            if (x.draft_line, x.draft_text, x.draft_value) == (_line(d), _text(d), d.value):
                return x
        elif step in ("added", "restored") and f is not None and x.kind.endswith("_added"):
            if (x.final_line, x.final_text, x.final_value) == (_line(f), _text(f), f.value):
                return x
        elif d is not None and f is not None and x.kind.endswith("_changed"):
            if (x.draft_line, x.draft_text, x.draft_value, x.final_line, x.final_text, x.final_value) == (
                _line(d), _text(d), d.value, _line(f), _text(f), f.value
            ):
                return x
    return None


def _track(ch: _Chain, reports: list[Report]) -> Track:
    n = len(ch.items)
    steps: list[TrackStep] = []
    states: list[TrackState] = []
    for i in range(n):
        s = ch.states[i]
        states.append(s if s is not None else TrackState(version=i + 1, present=False))
    last_present: Item | None = None
    for k in range(n - 1):
        d, f = ch.items[k], ch.items[k + 1]
        if d is not None:
            last_present = d
        ctx = reports[k].context
        if d is not None and f is not None:
            change = _direction(d, f, ch.hows[k] or "measure") or "unchanged"
            way = None
        elif d is not None:
            change, way = "removed", None
        elif f is not None:
            change = "restored" if last_present is not None else "added"
            way = _direction(last_present, f) if last_present is not None else None
        else:
            steps.append(TrackStep(pair=k + 1, change="absent"))
            continue
        if change in ("lowered", "raised", "redefined"):
            way = change
        found = _finding_for(reports[k], change, d, f)
        dsec = ctx.pair_id(_node(d), "draft") if (ctx is not None and d is not None) else None
        fsec = ctx.pair_id(_node(f), "final") if (ctx is not None and f is not None) else None
        if found is not None:
            dsec, fsec = found.draft_section or dsec, found.final_section or fsec
        steps.append(TrackStep(pair=k + 1, change=change, direction=way if change != "unchanged" else None,
                               finding=found.id if found else None, draft_section=dsec, final_section=fsec))
        if change == "removed":
            # the absent state points at where the commitment was cut from, on its own side
            states[k + 1].pair, states[k + 1].section = k + 1, fsec
    present = [x for x in ch.items if x is not None]
    first, final = present[0], present[-1]
    if ch.items[-1] is None:
        verdict = "cut"
    elif ch.items[0] is None:
        verdict = "new"
    else:
        interrupted = any(x is None for x in ch.items)
        moved = _direction(first, final)
        if moved == "lowered":
            verdict = "restored_lower" if interrupted else "reduced"
        elif moved == "raised":
            verdict = "restored_higher" if interrupted else "raised"
        elif moved == "redefined":
            verdict = "redefined"
        elif interrupted or any(s.change not in ("unchanged", "absent") for s in steps):
            verdict = "restored"
        else:
            verdict = "unchanged"
    subject = final.subject if isinstance(final, Pledge) else final.measure
    note, note_en = _notes(ch.kind, subject, states, steps, verdict)
    return Track(
        id="", kind=ch.kind, subject=subject, verdict=verdict, severity=VERDICT_SEVERITY[verdict],
        states=states, steps=steps, note=note, note_en=note_en,
        source=final.source if isinstance(final, Target) else None,
    )


VERDICT_NOTES = {
    "cut": ("最终版本中已删除", "gone from the last version"),
    "restored_lower": ("中途被删除，恢复时{what}降低", "cut in between, back with a lower {what_en}"),
    "reduced": ("{what}被调低", "{what_en} lowered"),
    "redefined": ("口径或表述改变", "redefined"),
    "restored": ("中途被删除或改动，最终恢复原样", "cut or changed in between, back as it was"),
    "new": ("后续版本新增", "added in a later version"),
    "raised": ("{what}被提高", "{what_en} raised"),
    "restored_higher": ("中途被删除，恢复时{what}提高", "cut in between, back with a higher {what_en}"),
    "unchanged": ("各版本一致", "the same in every version"),
}


def _notes(kind: str, subject: str, states: list[TrackState], steps: list[TrackStep], verdict: str) -> tuple[str, str]:
    seen = False
    zh_parts, en_parts = [], []
    for s in states:
        if s.present:
            seen = True
            zh_parts.append(f"V{s.version} {s.label}")
            en_parts.append(f"V{s.version} {s.label}")
        else:
            zh_parts.append(f"V{s.version} {'删除' if seen else '无'}")
            en_parts.append(f"V{s.version} {'cut' if seen else 'none'}")
    amount, amount_en = ("金额", "amount") if kind == "pledge" else ("目标值", "value")
    zh_v, en_v = VERDICT_NOTES[verdict]
    zh_v, en_v = zh_v.format(what=amount), en_v.format(what_en=amount_en)
    lowered = sum(1 for s in steps if s.change == "lowered" or (s.change == "restored" and s.direction == "lowered"))
    if lowered > 1 and verdict == "reduced":
        zh_v, en_v = f"{amount}先后{lowered}次调低", f"{amount_en} lowered in {lowered} steps"
    elif lowered > 1:
        zh_v += f"，先后{lowered}次调低"
        en_v += f", lowered in {lowered} steps"
    what = f"对“{subject}”的资金承诺" if kind == "pledge" else f"目标“{subject}”"
    what_en = f"The funding pledge for “{subject}”" if kind == "pledge" else f"The target “{subject}”"
    return (f"{what}：{' → '.join(zh_parts)}（{zh_v}）。", f"{what_en}: {' → '.join(en_parts)} ({en_v}).")
