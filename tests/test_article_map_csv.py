"""``compare --format csv --map``: the article map, one aligned article per row.

The expected map of tests/law_report_factory.py is written from the revision it describes:
one article inserted as 第三条 (later numbers shift by one), 第七条 deleted, 第九条 and
第十条 merged into 第九条, 第十一条 moved into chapter two as 第十条.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from click.testing import CliRunner

from revdiff.cli import main
from revdiff.model import DocInfo, Report, SectionPair, SectionRef
from revdiff.render.csv import MAP_COLUMNS, render_map_csv

sys.path.insert(0, str(Path(__file__).parent))
from law_report_factory import make_law_report  # noqa: E402
from report_factory import make_report  # noqa: E402

LAW_TEXTS = Path(__file__).parent / "law_texts"


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_columns():
    header = render_map_csv(make_law_report())[1:].split("\r\n")[0]
    assert header.split(",")[:8] == ["draft_number", "final_number", "status", "renumbered", "similarity",
                                     "draft_line", "final_line", "findings"]
    assert header.split(",") == MAP_COLUMNS


def test_law_map_lists_every_article_and_no_chapter():
    rows = _read(render_map_csv(make_law_report()))
    got = [(r["draft_number"], r["final_number"], r["status"], r["renumbered"]) for r in rows]
    assert got == [
        ("第一条", "第一条", "unchanged", "false"),
        ("第二条", "第二条", "modified", "false"),
        ("", "第三条", "added", "false"),
        ("第三条", "第四条", "unchanged", "true"),
        ("第四条", "第五条", "unchanged", "true"),
        ("第五条", "第六条", "modified", "true"),
        ("第六条", "第七条", "modified", "true"),
        ("第七条", "", "removed", "false"),
        ("第八条", "第八条", "modified", "false"),
        ("第九条", "第九条", "merged", "false"),
        ("第十条", "第九条", "merged", "true"),
        ("第十一条", "第十条", "moved", "true"),
    ]


def test_law_map_cites_lines_paths_and_finding_kinds():
    rows = {(r["draft_number"], r["final_number"]): r for r in _read(render_map_csv(make_law_report()))}
    fine = rows[("第八条", "第八条")]
    assert fine["findings"] == "penalty_changed"
    assert (fine["draft_line"], fine["final_line"]) == ("17", "17")
    limit = rows[("第五条", "第六条")]
    assert limit["findings"] == "deadline_changed"
    assert (limit["draft_line"], limit["final_line"]) == ("12", "13")
    assert limit["draft_path"] == "第二章　养犬登记 › 第五条"
    assert limit["final_path"] == "第二章　登记与免疫 › 第六条"
    assert rows[("第七条", "")]["final_line"] == ""
    assert rows[("第二条", "第二条")]["similarity"] == "0.900"
    assert rows[("第二条", "第二条")]["findings"] == ""


def test_plan_map_lists_every_section():
    report = make_report()
    rows = _read(render_map_csv(report))
    assert len(rows) == len(report.sections)
    assert (rows[0]["draft_number"], rows[0]["final_number"], rows[0]["status"]) == ("一、", "", "removed")
    assert rows[12]["findings"] == "funding_changed obligation_weakened"  # s13: f5 and f9


def test_text_cells_cannot_start_a_formula():
    ref = SectionRef("=1+1", "", 1, ["=HYPERLINK(\"x\")"], 1, 1)
    info = DocInfo("a.txt", "txt", "utf-8", "t", "t", ["t"])
    rows = _read(render_map_csv(Report(info, info, [SectionPair("s1", "unchanged", False, 1.0, ref, ref)], [])))
    assert rows[0]["draft_number"] == "'=1+1"
    assert rows[0]["draft_path"].startswith("'=")


def test_cli_map_of_invented_regulation(tmp_path):
    out = tmp_path / "map.csv"
    result = CliRunner().invoke(main, ["compare", str(LAW_TEXTS / "dogs-2019.txt"), str(LAW_TEXTS / "dogs-2025.txt"),
                                       "--map", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _read(out.read_bytes().decode("utf-8"))
    pairs = {(r["draft_number"], r["final_number"]): r for r in rows}
    assert pairs[("第七条", "")]["status"] == "removed"
    assert pairs[("", "第三条")]["status"] == "added"
    assert pairs[("第八条", "第九条")]["renumbered"] == "true"
    assert pairs[("第三条", "第四条")]["renumbered"] == "true"


def test_map_needs_csv():
    result = CliRunner().invoke(main, ["compare", str(LAW_TEXTS / "dogs-2019.txt"), str(LAW_TEXTS / "dogs-2025.txt"),
                                       "--map", "--format", "html"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--format csv" in result.output
