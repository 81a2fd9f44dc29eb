"""The 修改对照表 view of the HTML report: the rows of ``revdiff.render.table`` as markup.

Document text is escaped piece by piece with ``markupsafe.escape``; the only markup added
is fixed tags (``<p> <b> <del> <ins> <span class="conseq">``), so a draft cannot inject any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from revdiff.render import facts
from revdiff.render.table import Cell, build_table, table_strings

if TYPE_CHECKING:
    from revdiff.model import Report

_TAGS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>"), "muted": ('<span class="conseq">', "</span>")}


def cell_html(cell: Cell) -> Markup:
    """One side of a row: a ``<p>`` per paragraph, marks on deleted, added and muted text."""
    if not cell.paragraphs:
        return Markup('<p class="placeholder">') + escape(cell.placeholder) + Markup("</p>")
    out = []
    for para in cell.paragraphs:
        parts = []
        for piece in para:
            html = str(escape(piece.text))
            if piece.style in _TAGS:
                start, end = _TAGS[piece.style]
                html = start + html + end
            if piece.label:
                html = '<b class="num">' + html + "</b>"
            parts.append(html)
        out.append("<p>" + "".join(parts) + "</p>")
    return Markup("".join(out))


@dataclass
class RowView:
    """One row of the view: ``kind`` group / pair / unchanged, as in ``table.Row``."""

    kind: str
    span: bool
    label: str
    draft: Markup
    final: Markup
    notes: list[str]
    anchor: str = ""  # id of the row (tbl-…), for pair rows
    link: str = ""  # the pair in the document view (#sec-…)
    status: str = ""
    classes: str = ""
    count: int = 0  # unchanged rows: how many sections were folded


@dataclass
class TableView:
    """Everything the template needs to draw the 对照表."""

    labels: dict[str, str]
    before: str
    after: str
    notes_label: str
    rows: list[RowView] = field(default_factory=list)


def table_view(report: Report, lang: str = "zh") -> TableView:
    """The 对照表 of ``report`` ready for the template (ids shared with the document view)."""
    table = build_table(report, lang)
    anchors = dict(zip((p.id for p in report.sections), facts.pair_ids(report), strict=True))
    view = TableView(table_strings(lang), table.before, table.after, table.notes_label)
    for row in table.rows:
        status = facts.safe_id(row.status, "unknown")
        classes = [f"crow crow-{row.kind}", f"cs-{status}"]
        if row.pairs and row.pairs[0].renumbered:
            classes.append("is-renumbered")
        first = anchors.get(row.pairs[0].id, "") if row.pairs else ""
        view.rows.append(
            RowView(
                kind=row.kind,
                span=row.span,
                label=row.label,
                draft=cell_html(row.draft),
                final=cell_html(row.final),
                notes=row.notes,
                anchor=f"tbl-{first}" if row.kind == "pair" and first else "",
                link=f"#sec-{first}" if first else "",
                status=status,
                classes=" ".join(classes),
                count=len(row.pairs),
            )
        )
    return view
