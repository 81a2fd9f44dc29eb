"""The CSV export: one finding per row, for spreadsheets.

UTF-8 with a byte-order mark, because Excel only detects UTF-8 in a CSV by its BOM and
otherwise shows the Chinese as mojibake.  Rows end in CRLF (RFC 4180, what Excel writes).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revdiff.model import Finding, Report

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
]

# Free-text columns a document (or a hostile draft) controls.  A cell there that starts
# with = + - @ would be run as a formula by Excel or LibreOffice ("CSV injection"), so it
# gets a leading apostrophe, the spreadsheet convention for "this is text" (OWASP advice).
_TEXT_COLUMNS = {"subject", "draft_text", "final_text", "term", "note", "note_en"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BOM = "\ufeff"


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if column in _TEXT_COLUMNS and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def finding_row(finding: Finding) -> list[str]:
    """The CSV cells of one finding, in ``COLUMNS`` order."""
    return [_cell(column, getattr(finding, column, None)) for column in COLUMNS]


def render_csv(report: Report, lang: str = "zh") -> str:
    """One finding per row with a header row, as text that starts with a UTF-8 BOM.

    The columns are the finding fields of the JSON contract and do not depend on ``lang``.
    Write the result with ``newline=""`` (or as bytes) so the CRLF row ends stay as they are.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in report.findings:
        writer.writerow(finding_row(finding))
    return BOM + buf.getvalue()
