"""The rows of the 修改对照表: what changed, article by article, in two columns.

The 对照表 that legislatures publish with a revision (the NPC's 修改前后对照表, Japan's
新旧対照表) puts the old text on the left and the new on the right, one row per article:
deleted words struck through, added words underlined and bold, unchanged articles left out,
a renumbered article under its new number with the old one in brackets, chapter headings as
rows across the table.  This module computes those rows once from a Report; the Word
(``docx.py``) and HTML presenters only draw them.

It works for any Report: a law's articles (``SectionRef.unit == "条"``) get one row each
under their chapter's group row; any other section (a plan's 一、 / （一）) gets a row of its
own, its heading on a line above its body.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from revdiff.render.i18n import strings

if TYPE_CHECKING:
    from revdiff.model import Report, SectionPair, SectionRef

# Units that head a group of articles rather than hold text of their own (立法法: 编 → 节).
GROUP_UNITS = ("编", "分编", "章", "节")
ARTICLE_UNIT = "条"

# The labels of the table, per interface language (the documents' text is never translated).
TABLE_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "修改前后对照表",
        "nav": "修改对照表",
        "before": "修改前",
        "after": "修改后",
        "notes": "说明",
        "hint": "左为修改前，右为修改后；删除的文字加删除线，新增的文字加下划线并加粗；未修改的条文合并为一行。",
        "formerly": "（原{number}）",
        "unchanged_one": "{a} 未修改",
        "unchanged_range": "{a}至{b} 未修改",
        "unchanged_sections": "{a} 至 {b} 未修改（{n} 节）",
        "now": "（修改后为{a}）",
        "now_range": "（修改后为{a}至{b}）",
        "added": "新增",
        "removed": "删除",
        "moved": "移动位置",
        "merged": "与其他条文合并",
        "merged_group": "与其他章节合并",
        "split": "拆分",
        "renamed": "标题修改",
        "same_as_above": "（见上）",
        "deleted_cell": "（删除）",
        "new_cell": "（新增）",
        "sources": "修改前：{draft}　修改后：{final}",
        "preamble": "（前言）",
        "clause_to": "{label}移至修改后{to}",
        "clause_from": "{label}由原{source}移来",
    },
    "en": {
        "title": "Comparison table (before / after)",
        "nav": "Comparison table",
        "before": "Before",
        "after": "After",
        "notes": "Notes",
        "hint": "Old text left, new text right; deleted words struck through, added words underlined "
        "and bold; unchanged articles folded into one row.",
        "formerly": " (formerly {number})",
        "unchanged_one": "“{a}” unchanged",
        "unchanged_range": "“{a}” to “{b}” unchanged",
        "unchanged_sections": "“{a}” to “{b}” unchanged ({n} sections)",
        "now": " (now “{a}”)",
        "now_range": " (now “{a}” to “{b}”)",
        "added": "added",
        "removed": "deleted",
        "moved": "moved",
        "merged": "merged with another article",
        "merged_group": "merged with another chapter",
        "split": "split",
        "renamed": "heading changed",
        "same_as_above": "(see above)",
        "deleted_cell": "(deleted)",
        "new_cell": "(new)",
        "sources": "Before: {draft}    After: {final}",
        "preamble": "(preamble)",
        "clause_to": "{label} moved to {to} (after the revision)",
        "clause_from": "{label} moved here from {source} (before the revision)",
    },
}


def table_strings(lang: str | None) -> dict[str, str]:
    """The table's labels in ``lang`` (zh or en; validated like the report's strings)."""
    return TABLE_STRINGS[strings(lang)["html_lang"][:2]]


@dataclass
class Piece:
    """A stretch of one cell's text and how to draw it.

    ``style``: ``""`` plain, ``del`` struck (deleted), ``ins`` underlined and bold (added),
    ``muted`` an edit that only follows renumbering (本法第十二条 → 本法第十三条).
    """

    text: str
    style: str = ""
    label: bool = False  # a number or heading: bold


@dataclass
class Cell:
    """One side of a row: paragraphs of pieces (an article's 款 are its paragraphs)."""

    paragraphs: list[list[Piece]] = field(default_factory=list)
    placeholder: str = ""  # shown instead, greyed, when the side has no text ("（删除）")

    @property
    def text(self) -> str:
        """The cell as plain text, paragraphs joined by newlines."""
        if not self.paragraphs:
            return self.placeholder
        return "\n".join("".join(p.text for p in para) for para in self.paragraphs)


@dataclass
class Row:
    """One row of the table.

    ``kind``: ``group`` (a chapter heading across the table; ``draft``/``final`` differ only
    when the heading changed), ``pair`` (an article or section), ``unchanged`` (a run of
    unchanged articles folded into ``label``; ``pairs`` lists them and ``final`` holds
    their text).
    """

    kind: str
    draft: Cell = field(default_factory=Cell)
    final: Cell = field(default_factory=Cell)
    span: bool = False  # one cell across the text columns (same heading, or a folded run)
    label: str = ""  # the text of a spanning cell
    notes: list[str] = field(default_factory=list)
    pairs: list[SectionPair] = field(default_factory=list)
    status: str = ""


@dataclass
class Table:
    """The whole 对照表: a title, the two sources, the header labels and the rows."""

    title: str
    sources: str
    before: str
    after: str
    notes_label: str
    rows: list[Row]


def pair_unit(pair: SectionPair) -> str | None:
    """The unit (章, 条 …) of a pair's sections; None outside the law genre."""
    return (pair.final.unit if pair.final else None) or (pair.draft.unit if pair.draft else None)


def _is_group(pair: SectionPair) -> bool:
    return pair_unit(pair) in GROUP_UNITS


def _is_folded(pair: SectionPair) -> bool:
    """Nothing to read in this pair: same text on both sides (renumbering aside)."""
    if pair.status != "unchanged" or pair.draft is None or pair.final is None:
        return False
    quiet = set(pair.formatting) | set(getattr(pair, "consequential", None) or [])
    return all(op == 0 or i in quiet for i, (op, _text) in enumerate(pair.diff))


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def heading(ref: SectionRef, labels: dict[str, str] | None = None) -> str:
    """A heading as the 对照表 prints it: "第二章　总则", "第十条", "（二）基本原则".

    With ``labels``, text that has no heading (before the first one) is named "（前言）".
    """
    if labels and not (ref.number + ref.title).strip():
        return labels["preamble"]
    if ref.unit in GROUP_UNITS and ref.title:
        return f"{ref.number}\u3000{ref.title}"
    if ref.unit == ARTICLE_UNIT and ref.title and not ref.title.startswith("【"):
        return f"{ref.number}【{ref.title}】"
    return f"{ref.number}{ref.title}"


def _side_pieces(pair: SectionPair, side: str) -> list[Piece]:
    """One side of the body diff: deletions on the left, insertions on the right.

    Formatting-only ops (width, spacing) are plain text on their own side; ops that only
    follow renumbering (``pair.consequential``, when the rules mark them) are muted.
    """
    formatting = set(pair.formatting)
    consequential = set(getattr(pair, "consequential", None) or [])
    own, style = (-1, "del") if side == "draft" else (1, "ins")
    pieces: list[Piece] = []
    for i, (op, text) in enumerate(pair.diff):
        if op == 0:
            pieces.append(Piece(text))
        elif op == own:
            pieces.append(Piece(text, "muted" if i in consequential else "" if i in formatting else style))
    if not pair.diff:
        node = pair.draft_node if side == "draft" else pair.final_node
        if node is not None and node.text:
            pieces.append(Piece(node.text))
    return pieces


def _paragraphs(pieces: list[Piece]) -> list[list[Piece]]:
    """Cut pieces at newlines into paragraphs (an article's 款), dropping empty ones."""
    paras: list[list[Piece]] = [[]]
    for piece in pieces:
        lines = piece.text.split("\n")
        for k, line in enumerate(lines):
            if k:
                paras.append([])
            if line:
                paras[-1].append(Piece(line, piece.style))
    return [p for p in paras if "".join(x.text for x in p).strip()]


def _heading_pieces(pair: SectionPair, side: str, labels: dict[str, str]) -> list[Piece]:
    """The number (and title) that opens one side, marked where it changed.

    A renumbered article reads "第十二条（原第十条）" on the right, its new number underlined.
    """
    ref = pair.draft if side == "draft" else pair.final
    other = pair.final if side == "draft" else pair.draft
    assert ref is not None
    mark = "del" if side == "draft" else "ins"
    text = heading(ref)
    if not text.strip():
        return []
    if other is None:
        return [Piece(text, label=True)]
    renumbered = _squash(ref.number) != _squash(other.number)
    title, other_title = text[len(ref.number):], heading(other)[len(other.number):]
    pieces = [Piece(ref.number, mark if renumbered and side == "final" else "", label=True)]
    if title.startswith("\u3000"):  # the space after 第二章 is layout, never an edit
        pieces.append(Piece("\u3000", label=True))
        title = title[1:]
    if title:
        pieces.append(Piece(title, mark if _squash(title) != _squash(other_title) else "", label=True))
    if renumbered and side == "final":
        pieces.append(Piece(labels["formerly"].format(number=other.number)))
    return pieces


def _cell(pair: SectionPair, side: str, labels: dict[str, str], repeated: bool = False,
          with_heading: bool = True) -> Cell:
    ref = pair.draft if side == "draft" else pair.final
    if ref is None:
        return Cell(placeholder=labels["new_cell"] if side == "draft" else labels["deleted_cell"])
    head = _heading_pieces(pair, side, labels) if with_heading else []
    if repeated:  # a merged/split partner already printed this side's text in the row above
        return Cell([[Piece(heading(ref), label=True), Piece(" " + labels["same_as_above"])]])
    body = _paragraphs(_side_pieces(pair, side))
    if ref.unit == ARTICLE_UNIT and head:
        # An article runs on from its number on the same line: "第十条　……"
        first = body[0] if body else []
        return Cell([head + ([Piece("\u3000")] if first else []) + first] + body[1:])
    return Cell(([head] if head else []) + body)


def _group_row(pair: SectionPair, labels: dict[str, str]) -> Row:
    if pair.draft and pair.final and _squash(heading(pair.draft)) == _squash(heading(pair.final)):
        return Row("group", span=True, label=heading(pair.final), pairs=[pair], status=pair.status)
    draft = Cell([_heading_pieces(pair, "draft", labels)]) if pair.draft else Cell(placeholder=labels["new_cell"])
    final = Cell([_heading_pieces(pair, "final", labels)]) if pair.final else Cell(placeholder=labels["deleted_cell"])
    return Row("group", draft, final, pairs=[pair], status=pair.status, notes=_status_notes(pair, labels))


def _status_notes(pair: SectionPair, labels: dict[str, str]) -> list[str]:
    if pair.status == "merged" and pair_unit(pair) in GROUP_UNITS:
        return [labels["merged_group"]]
    out = [labels[pair.status]] if pair.status in ("added", "removed", "moved", "merged", "split", "renamed") else []
    # a 款 that went to another article, said on both (genres/law.link_moved_clauses)
    for c in pair.clauses or []:
        if c.get("to"):
            out.append(labels["clause_to"].format(label=c["draft"], to=c["to"]))
        elif c.get("from"):
            out.append(labels["clause_from"].format(label=c["final"], source=c["from"]))
    return out


def _fold_label(run: list[SectionPair], labels: dict[str, str]) -> str:
    """"第十一条至第二十条 未修改", with the new numbers when the run was renumbered."""
    first, last = run[0], run[-1]
    assert first.draft and first.final and last.draft and last.final
    if all(pair_unit(p) == ARTICLE_UNIT for p in run):
        a, b = first.draft.number, last.draft.number
        text = labels["unchanged_one"].format(a=a) if len(run) == 1 else labels["unchanged_range"].format(a=a, b=b)
        fa, fb = first.final.number, last.final.number
        if (fa, fb) != (a, b):
            now = labels["now"].format(a=fa) if len(run) == 1 else labels["now_range"].format(a=fa, b=fb)
            text += now
        return text
    a, b = heading(first.draft, labels), heading(last.draft, labels)
    fa, fb = heading(first.final, labels), heading(last.final, labels)
    if len(run) == 1:
        text = labels["unchanged_one"].format(a=a)
        return text + (labels["now"].format(a=fa) if _squash(fa) != _squash(a) else "")
    text = labels["unchanged_sections"].format(a=a, b=b, n=len(run))
    if (_squash(fa), _squash(fb)) != (_squash(a), _squash(b)):
        text += labels["now_range"].format(a=fa, b=fb)
    return text


def _finding_notes(report: Report, lang: str) -> dict[str, list[str]]:
    """Each finding's note, under the first pair (in reading order) that it cites."""
    order = {p.id: i for i, p in enumerate(report.sections)}
    notes: dict[str, list[str]] = {}
    for f in report.findings:
        cited = [s for s in (f.draft_section, f.final_section) if s in order]
        if not cited:
            continue
        home = min(cited, key=order.__getitem__)
        note = f.note_en if lang == "en" and f.note_en else f.note
        if note and note not in notes.get(home, []):
            notes.setdefault(home, []).append(note)
        # one replacement written in many articles (wording_replaced): the full note once, a
        # short one in each other article, so that each row says why it changed
        if f.sections and f.draft_value and f.final_value:
            short = (f"“{f.draft_value}” → “{f.final_value}” (see above)" if lang == "en"
                     else f"“{f.draft_value}”修改为“{f.final_value}”（见上）")
            for other in f.sections:
                if other != home and other in order:
                    notes.setdefault(other, []).append(short)
    return notes


def _side_key(ref: SectionRef | None) -> tuple[Any, ...] | None:
    return None if ref is None else (tuple(ref.path), ref.number, ref.title, ref.line_start)


def build_table(report: Report, lang: str = "zh") -> Table:
    """The 对照表 of ``report``: group rows, one row per changed pair, unchanged runs folded."""
    labels = table_strings(lang)
    notes = _finding_notes(report, lang)
    cited = {s for f in report.findings for s in (f.draft_section, f.final_section) if s}
    rows: list[Row] = []
    run: list[SectionPair] = []
    seen: set[Any] = set()

    def flush() -> None:
        if run:
            # The folded articles' text, for a view that can unfold it (the HTML report).
            text = Cell([para for p in run for para in _cell(p, "final", labels).paragraphs])
            rows.append(Row("unchanged", final=text, span=True, label=_fold_label(run, labels), pairs=list(run),
                            status="unchanged"))
            run.clear()

    for pair in report.sections:
        dkey, fkey = ("d", _side_key(pair.draft)), ("f", _side_key(pair.final))
        if _is_group(pair):
            flush()
            rows.append(_group_row(pair, labels))
            if pair.diff:  # text under a chapter heading before its first article
                rows.append(Row("pair", _cell(pair, "draft", labels, with_heading=False),
                                _cell(pair, "final", labels, with_heading=False), pairs=[pair], status=pair.status))
        elif _is_folded(pair) and pair.id not in cited:
            run.append(pair)
        else:
            flush()
            rows.append(
                Row(
                    "pair",
                    _cell(pair, "draft", labels, pair.draft is not None and dkey in seen),
                    _cell(pair, "final", labels, pair.final is not None and fkey in seen),
                    notes=_status_notes(pair, labels) + notes.get(pair.id, []),
                    pairs=[pair],
                    status=pair.status,
                )
            )
        seen.update({dkey, fkey})
    flush()
    name = report.final.part or report.final.title or report.draft.part or report.draft.title
    sources = labels["sources"].format(draft=report.draft.source, final=report.final.source)
    title = f"{name}{labels['title']}" if lang != "en" else f"{name}: {labels['title']}"
    return Table(title, sources, labels["before"], labels["after"], labels["notes"], rows)
