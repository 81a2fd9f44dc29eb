"""The small data model every pipeline stage shares.

read     -> RawDoc (Blocks with provenance)
clean    -> RawDoc (boilerplate moved to ``dropped``, wraps rejoined)
parse    -> Document (Parts -> Node tree)
align    -> SectionPair list
diff     -> SectionPair.diff
classify -> Finding list
render   -> Report as html / json / md / csv
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

# (offset into a text, 1-based input line, page or None): where a stretch of text came from.
LineMapEntry = tuple[int, int, int | None]


@dataclass
class Block:
    """One logical line or paragraph of an input document, with where it came from.

    ``line`` is the 1-based line of the input file (for .docx the 1-based paragraph
    number, for .pdf the line of the extracted text, with ``page`` set).  When the
    cleaner joins hard-wrapped lines into one block, ``line_map`` keeps the origin of
    each piece so a finding can still cite the right input line.
    """

    text: str
    line: int
    page: int | None = None
    style_level: int | None = None  # heading level given by the format (docx style, <h2>)
    cells: list[str] | None = None  # set when the block is one row of a real table
    table: int | None = None  # rows of the same table share this index
    line_map: list[LineMapEntry] = field(default_factory=list)
    # PDF lines: True when the line runs to the right edge of its text column (so it may go
    # on in the next line), False when it stops short; None when the format cannot say.
    reaches_margin: bool | None = None
    # PDF lines: True when the line starts a first-line indent in from its column's left
    # edge (a new paragraph), False at the edge (maybe a continued one); None: unknown.
    indented: bool | None = None

    def __post_init__(self) -> None:
        if not self.line_map:
            self.line_map = [(0, self.line, self.page)]

    @property
    def last_line(self) -> int:
        """The last input line this block covers."""
        return self.line_map[-1][1] if self.line_map else self.line


@dataclass
class RawDoc:
    """What a reader produced: blocks in reading order, plus what cleaning removed."""

    source: str
    format: str  # txt | html | docx | doc | wps | ofd | pdf | pdf+ocr
    encoding: str
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)
    dropped: list[Block] = field(default_factory=list)  # boilerplate, kept for accounting
    title: str | None = None  # e.g. <title> of a web page
    cut_line: int | None = None  # a cut copy: the last input line before the text breaks off
    # what reading had to do that a reviewer should know (invisible characters removed …)
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # PDF pages whose text was recognised by OCR
    # OCR: input line → the words holding figures that recognition was unsure of (low confidence)
    ocr_doubts: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class Node:
    """A heading, 专栏 box, indicator table or item of a document's section tree."""

    kind: str  # heading | box | table | item
    level: int
    number: str
    title: str
    text: str
    line_start: int
    line_end: int
    children: list[Node] = field(default_factory=list)
    rows: list[list[str]] | None = None  # table nodes: header row first
    page: int | None = None
    line_map: list[LineMapEntry] = field(default_factory=list)  # offsets into ``text``
    row_lines: list[int] = field(default_factory=list)  # table nodes: input line of each row
    sep: str = ""  # what stood between an inline title and its body ("。"), kept for accounting
    id: str = ""  # stable id within a Document, e.g. "n12"
    unit: str | None = None  # law genre: 编 分编 章 节 条 (None for plans)

    def line_at(self, offset: int) -> int:
        """The input line that holds character ``offset`` of ``text``."""
        return _line_at(self.line_map, offset, self.line_start)

    def walk(self) -> list[Node]:
        """This node and all its descendants in reading order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    @property
    def heading(self) -> str:
        """Number and title as a reader sees them, e.g. "（二）基本原则"."""
        return f"{self.number}{self.title}"


def _line_at(line_map: list[LineMapEntry], offset: int, default: int) -> int:
    if not line_map:
        return default
    i = bisect.bisect_right([m[0] for m in line_map], offset) - 1
    return line_map[max(i, 0)][1]


@dataclass
class Part:
    """One document of a bundle: the 通知 itself, a document it issues, or an 附件."""

    title: str
    kind: str  # notice | document | attachment
    line_start: int
    line_end: int
    text: str  # preamble: body text before the first heading
    sections: list[Node] = field(default_factory=list)
    line_map: list[LineMapEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    title_derived: bool = False  # the title is not in the input (a file name), e.g. an untitled draft
    genre: str = "plan"  # plan | law: the genre module that built this part's sections

    def nodes(self) -> list[Node]:
        """Every node of the part in reading order."""
        out: list[Node] = []
        for node in self.sections:
            out.extend(node.walk())
        return out

    def line_at(self, offset: int) -> int:
        """The input line that holds character ``offset`` of the preamble."""
        return _line_at(self.line_map, offset, self.line_start)


@dataclass
class Document:
    """A parsed input: its parts (one for a plain document), metadata and provenance."""

    source: str
    format: str
    encoding: str
    parts: list[Part]
    metadata: dict[str, str] = field(default_factory=dict)
    dropped: list[Block] = field(default_factory=list)
    title: str = ""
    pages: dict[int, int] = field(default_factory=dict)  # PDF: input line → its page
    cut_line: int | None = None  # a cut copy: the last input line before the text breaks off
    warnings: list[str] = field(default_factory=list)  # from reading (RawDoc.warnings)
    genre: str = "plan"  # plan | law: the genre module the document was parsed with
    ocr_pages: list[int] = field(default_factory=list)  # PDF pages read by OCR (RawDoc.ocr_pages)
    ocr_doubts: dict[int, list[str]] = field(default_factory=dict)  # RawDoc.ocr_doubts

    def part(self, title: str) -> Part:
        """The part whose title equals or contains ``title``; KeyError when none does."""
        for p in self.parts:
            if p.title == title:
                return p
        # a substring: prefer the documents a 通知 issues over the 通知 that names them all
        for p in sorted(self.parts, key=lambda p: p.kind in ("notice", "preface")):
            if title in p.title:
                return p
        raise KeyError(title)


@dataclass
class SectionRef:
    """One side of a SectionPair as the JSON contract shows it."""

    number: str
    title: str
    level: int
    path: list[str]
    line_start: int
    line_end: int
    kind: str = "heading"
    page: int | None = None
    unit: str | None = None  # law genre: 编 分编 章 节 条 (None for plans)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "number": self.number,
            "title": self.title,
            "level": self.level,
            "path": self.path,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "kind": self.kind,
        }
        if self.page is not None:
            d["page"] = self.page
        if self.unit is not None:
            d["unit"] = self.unit
        return d


@dataclass
class SectionPair:
    """An aligned draft/final section, a removed draft section or an added final one."""

    id: str
    status: str  # unchanged modified renamed moved removed added merged split
    renumbered: bool
    similarity: float
    draft: SectionRef | None
    final: SectionRef | None
    diff: list[tuple[int, str]] = field(default_factory=list)
    formatting: list[int] = field(default_factory=list)  # indices of formatting-only ops in diff
    # law genre: indices of ops that only rewrite a reference renumbering made (本法第十三条 → 第十四条)
    consequential: list[int] = field(default_factory=list)
    draft_node: Node | None = field(default=None, repr=False)
    final_node: Node | None = field(default=None, repr=False)
    # law genre, an article on both sides: which 款/项/目 changed ({"draft", "final", "change"})
    clauses: list[dict[str, str | None]] | None = None
    # a cut copy: the section stands after the point where one side breaks off, so it is missing
    # from that copy, not removed (or added) by the revision
    beyond_cut: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "status": self.status,
            "renumbered": self.renumbered,
            "similarity": round(self.similarity, 3),
            "draft": self.draft.to_dict() if self.draft else None,
            "final": self.final.to_dict() if self.final else None,
            "diff": [[op, text] for op, text in self.diff],
            "formatting": self.formatting,
        }
        if self.clauses is not None:
            d["clauses"] = self.clauses
        if self.consequential:
            d["consequential"] = self.consequential
        if self.beyond_cut:
            d["beyond_cut"] = True
        return d


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass
class Finding:
    """A change a reviewer cares about, citing both sides."""

    kind: str
    severity: str
    note: str
    note_en: str
    id: str = ""
    draft_text: str | None = None
    final_text: str | None = None
    draft_value: str | None = None
    final_value: str | None = None
    unit: str | None = None
    comparator: str | None = None
    direction: str | None = None
    term: str | None = None
    # the final side's unit when it is not ``unit`` (1亿元 → 8000万元: unit 亿元, final_unit 万元)
    final_unit: str | None = None
    draft_count: int | None = None
    final_count: int | None = None
    draft_section: str | None = None
    final_section: str | None = None
    draft_line: int | None = None
    final_line: int | None = None
    draft_page: int | None = None  # PDF sides: the page of draft_line / final_line
    final_page: int | None = None
    subject: str | None = None  # what the pledge or target is about (measure, recipient)
    contexts: list[str] = field(default_factory=list)  # term_*: every removed context
    # amounts with a range or a scope (penalties, pledges): the lower bound on each side, what
    # one amount is counted per (件, 家, 人 …), its period (年) and cap word (最高, 不超过 …)
    draft_min: str | None = None
    final_min: str | None = None
    per: str | None = None
    period: str | None = None
    cap: str | None = None
    # set when the finding comes only from a kind of content ("table", "box") that the other
    # side lacks entirely (a web rendition without tables): likely not a real change
    gap: str | None = None
    # target_changed of a ceiling or time limit (smaller is stricter): weaker / stronger
    ambition: str | None = None
    # threshold_* of a plan's eligibility condition: loosened (more may apply) / tightened
    eligibility: str | None = None
    ocr: list[str] = field(default_factory=list)  # "draft" / "final": cited text read by OCR
    # wording_replaced: the ids of every pair the replacement is written in
    sections: list[str] = field(default_factory=list)

    def unit_of(self, side: str) -> str | None:
        """The unit of ``side``'s value ("draft" or "final")."""
        return (self.final_unit or self.unit) if side == "final" else self.unit

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "draft_text": self.draft_text,
            "final_text": self.final_text,
            "draft_value": self.draft_value,
            "final_value": self.final_value,
            "unit": self.unit,
            "comparator": self.comparator,
            "direction": self.direction,
            "draft_section": self.draft_section,
            "final_section": self.final_section,
            "draft_line": self.draft_line,
            "final_line": self.final_line,
            "subject": self.subject,
            "note": self.note,
            "note_en": self.note_en,
        }
        for key in ("draft_page", "final_page"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        for key in ("final_unit", "draft_min", "final_min", "per", "period", "cap", "gap", "ambition", "eligibility"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        if self.ocr:
            d["ocr"] = self.ocr
        if self.sections:
            d["sections"] = self.sections
        if self.term is not None:
            d["term"] = self.term
            d["draft_count"] = self.draft_count
            d["final_count"] = self.final_count
            d["contexts"] = self.contexts
        return d


@dataclass
class DocInfo:
    """The header facts about one side of a comparison."""

    source: str
    format: str
    encoding: str
    title: str
    part: str
    parts: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    genre: str = "plan"  # plan | law: the genre module that read this side
    sha256: str | None = None  # of the input file as read (None for standard input)
    size: int | None = None  # bytes

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "genre": self.genre,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "part": self.part,
            "parts": self.parts,
            "metadata": self.metadata,
        }
        if self.sha256 is not None:
            d["sha256"] = self.sha256
            d["size"] = self.size
        return d


UNIT_STATUSES = ("unchanged", "modified", "renamed", "moved", "merged", "split", "added", "removed")


def _unit_counts(pairs: list[SectionPair], units: set[str]) -> dict[str, int]:
    """Pairs of these units per status, plus ``renumbered`` and ``reworded`` (paired on both
    sides with a body that changed beyond formatting: the 修改 of a 修改说明)."""
    counts = dict.fromkeys(UNIT_STATUSES, 0)
    counts["renumbered"] = counts["reworded"] = 0
    for p in pairs:
        if not {p.draft and p.draft.unit, p.final and p.final.unit} & units:
            continue
        counts[p.status] = counts.get(p.status, 0) + 1
        counts["renumbered"] += p.renumbered
        if p.draft and p.final:
            counts["reworded"] += any(op != 0 and i not in p.formatting for i, (op, _) in enumerate(p.diff))
    return counts


@dataclass
class Report:
    """The result of ``revdiff.compare``: what every output format renders."""

    draft: DocInfo
    final: DocInfo
    sections: list[SectionPair]
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)
    watch: list[str] = field(default_factory=list)
    genre: str = "plan"  # plan | law: the genre the comparison was made in
    # law genre: old → new article numbers in reading order, {"draft", "final", "status"}
    article_map: list[dict[str, Any]] = field(default_factory=list)
    # the classify Context the rules saw (compared parts, alignment): comparisons of several
    # versions chain each pair's pledges and targets through it (revdiff/versions.py)
    context: Any = field(default=None, repr=False, compare=False)

    @property
    def summary(self) -> dict[str, dict[str, int]]:
        """Counts of sections per status and findings per kind (plus a few extras)."""
        sections: dict[str, int] = {}
        for s in self.sections:
            sections[s.status] = sections.get(s.status, 0) + 1
        sections["renumbered"] = sum(1 for s in self.sections if s.renumbered)
        beyond = sum(1 for s in self.sections if s.beyond_cut)
        if beyond:
            sections["beyond_cut"] = beyond
        findings: dict[str, int] = {}
        for f in self.findings:
            findings[f.kind] = findings.get(f.kind, 0) + 1
        severity: dict[str, int] = {"high": 0, "medium": 0, "low": 0}
        for f in self.findings:
            severity[f.severity] += 1
        out = {"sections": sections, "findings": findings, "severity": severity}
        if self.genre == "law":  # counts like a 修改说明: articles, and chapters (编/分编/章/节)
            out["articles"] = _unit_counts(self.sections, {"条"})
            out["chapters"] = _unit_counts(self.sections, {"编", "分编", "章", "节"})
        return out

    def to_dict(self) -> dict[str, Any]:
        """The report as the ``revdiff.report/1`` JSON object."""
        from revdiff import __version__
        from revdiff.render.facts import money_summary

        return {
            "schema": "revdiff.report/1",
            "tool": {"name": "revdiff", "version": __version__},
            "genre": self.genre,
            "draft": self.draft.to_dict(),
            "final": self.final.to_dict(),
            "warnings": self.warnings,
            "watch": self.watch,
            "summary": {**self.summary, "money": money_summary(self.findings)},
            "sections": [s.to_dict() for s in self.sections],
            "findings": [f.to_dict() for f in self.findings],
            "article_map": self.article_map,
        }

    def to_json(self) -> str:
        """The report as JSON text (``revdiff.report/1``)."""
        from revdiff.render import render

        return render(self, "json")

    def to_html(self, lang: str = "zh") -> str:
        """The report as one self-contained HTML page."""
        from revdiff.render import render

        return render(self, "html", lang=lang)
