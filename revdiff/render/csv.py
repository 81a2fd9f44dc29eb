"""The CSV export: one finding per row, for spreadsheets.

UTF-8 with a byte-order mark, because Excel only detects UTF-8 in a CSV by its BOM and
otherwise shows the Chinese as mojibake.  Rows end in CRLF (RFC 4180, what Excel writes).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revdiff.model import Finding, Report, SectionPair

COLUMNS = [
    "id",
    "kind",
    "severity",
    "subject",
    "draft_text",
    "final_text",
    "draft_value",
    "final_value",
    "unit",
    "comparator",
    "direction",
    "term",
    "draft_count",
    "final_count",
    "draft_section",
    "final_section",
    "draft_line",
    "final_line",
    "note",
    "note_en",
    "draft_page",  # PDF sides only; last, so that columns read by position stay where they were
    "final_page",
    "draft_path",  # the heading path of draft_section / final_section, readable without the JSON
    "final_path",
    "money_scope",  # removed amounts: 每件 · 每年 · 最高 …, what makes the amount not a lump sum
    "lump_sum",  # removed amounts: true when it can be added to other lump sums
    "gap",  # table / box: the finding comes only from content the other side lacks entirely
    "final_unit",  # the final value's unit when it is not ``unit`` (1亿元 → 8000万元)
]

# Free-text columns a document (or a hostile draft) controls.  A cell there that starts
# with = + - @ would be run as a formula by Excel or LibreOffice ("CSV injection"), so it
# gets a leading apostrophe, the spreadsheet convention for "this is text" (OWASP advice).
_TEXT_COLUMNS = {"subject", "draft_text", "final_text", "term", "note", "note_en", "draft_path", "final_path"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BOM = "\ufeff"


def _cell(column: str, value: Any, text_columns: set[str] = _TEXT_COLUMNS) -> str:
    if value is None:
        return ""
    text = str(value)
    if column in text_columns and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def finding_row(finding: Finding, extra: dict[str, Any] | None = None) -> list[str]:
    """The CSV cells of one finding, in ``COLUMNS`` order (``extra``: the derived columns)."""
    extra = extra or {}
    return [_cell(column, extra[column] if column in extra else getattr(finding, column, None))
            for column in COLUMNS]


def _derived(report: Report) -> dict[str, dict[str, Any]]:
    """Per finding id: its section paths and, for a removed amount, its scope."""
    from revdiff.render import facts

    pairs = facts.pair_index(report)
    money = {item.finding: item for item in facts.money_at_stake(report.findings).items}
    out: dict[str, dict[str, Any]] = {}
    for f in report.findings:
        dpair, fpair = pairs.get(f.draft_section or ""), pairs.get(f.final_section or "")
        row: dict[str, Any] = {
            "draft_path": facts.section_path(dpair.draft if dpair else None),
            "final_path": facts.section_path(fpair.final if fpair else None),
        }
        item = money.get(f.id) if f.kind == "funding_removed" else None
        if item is not None:
            scope = list(item.scope) + (["对…的，给予"] if item.conditional else [])
            row["money_scope"] = " · ".join(scope)
            row["lump_sum"] = "true" if item.lump else "false"
        out[f.id] = row
    return out


def render_csv(report: Report, lang: str = "zh") -> str:
    """One finding per row with a header row, as text that starts with a UTF-8 BOM.

    The columns are the finding fields of the JSON contract and do not depend on ``lang``.
    Write the result with ``newline=""`` (or as bytes) so the CRLF row ends stay as they are.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    derived = _derived(report)
    for finding in report.findings:
        writer.writerow(finding_row(finding, derived.get(finding.id)))
    return BOM + buf.getvalue()


# ``--map``: the article map, one aligned article (or, for a plan, section) per row.
MAP_COLUMNS = [
    "draft_number",
    "final_number",
    "status",
    "renumbered",
    "similarity",
    "draft_line",
    "final_line",
    "findings",  # the kinds of the findings that cite the pair, space-separated
    "draft_path",
    "final_path",
]
_MAP_TEXT_COLUMNS = {"draft_number", "final_number", "draft_path", "final_path"}


def map_pairs(report: Report) -> list[SectionPair]:
    """The pairs the article map lists: a law's articles (条), else every section of a plan."""
    from revdiff.render.table import ARTICLE_UNIT, pair_unit

    if any(pair_unit(p) == ARTICLE_UNIT for p in report.sections):
        return [p for p in report.sections if pair_unit(p) == ARTICLE_UNIT]
    return list(report.sections)


def render_map_csv(report: Report, lang: str = "zh") -> str:
    """The article map (old → new number, status, lines, finding kinds) as CSV with a BOM.

    One row per aligned pair in reading order (added and removed articles with the other
    side empty); the columns are ``MAP_COLUMNS`` and do not depend on ``lang``.
    """
    kinds: dict[str, list[str]] = {}
    for f in report.findings:
        for pid in dict.fromkeys(s for s in (f.draft_section, f.final_section) if s):
            if f.kind not in kinds.setdefault(pid, []):
                kinds[pid].append(f.kind)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(MAP_COLUMNS)
    for p in map_pairs(report):
        values = {
            "draft_number": p.draft.number if p.draft else None,
            "final_number": p.final.number if p.final else None,
            "status": p.status,
            "renumbered": "true" if p.renumbered else "false",
            "similarity": f"{p.similarity:.3f}",
            "draft_line": p.draft.line_start if p.draft else None,
            "final_line": p.final.line_start if p.final else None,
            "findings": " ".join(kinds.get(p.id, [])),
            "draft_path": " › ".join(p.draft.path) if p.draft else None,
            "final_path": " › ".join(p.final.path) if p.final else None,
        }
        writer.writerow([_cell(c, values[c], _MAP_TEXT_COLUMNS) for c in MAP_COLUMNS])
    return BOM + buf.getvalue()
