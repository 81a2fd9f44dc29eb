"""The Markdown summary and the CSV export."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

from revdiff.render import render
from revdiff.render.csv import COLUMNS
from revdiff.render.markdown import bold_values, escape_md

sys.path.insert(0, str(Path(__file__).parent))
from report_factory import make_empty_report, make_report  # noqa: E402


@pytest.fixture(scope="module")
def report():
    return make_report()


@pytest.fixture(scope="module")
def md(report) -> str:
    return render(report, "md")


# ---------------------------------------------------------------------- Markdown


def test_markdown_has_title_documents_and_sections(md, report):
    lines = md.splitlines()
    assert lines[0] == "# 征求意见稿与定稿对照报告：烟台市“十四五”知识产权强市战略纲要"
    assert "- **征求意见稿**: 烟台市“十四五”知识产权强市战略纲要（征求意见稿）" in lines
    assert "  - 文号: 烟政办发〔2021〕24号" in lines
    assert "## 概览" in lines and "## 主要变化" in lines
    assert any(line.startswith("> - 定稿是一个通知文件包") for line in lines)


def test_markdown_summary_counts_and_money(md):
    # three caps (最高 / 不超过): listed with their wording, never added into "105 万元" (issue 15)
    assert "- 涉及资金（被删除的资金承诺）: 删除了 4 项资金承诺，其中 3 项写明金额：" in md
    assert "105" not in md
    assert "  - 以下金额都是按件、按家、按年或“最高”的标准，不能相加成总额。" in md
    assert "  - **50 万元 · 每年 · 最高** 高价值专利培育中心 (`f1`)" in md
    assert "  - 另有 1 项被删除的资金承诺未写明具体金额" in md
    assert "- 按严重程度: 高 7, 中 4, 低 1" in md
    assert "- 目标: 调低 1, 删除 1, 提高 0, 新增 1, 口径改变 0" in md
    assert "资金承诺被删除 4" in md


def test_markdown_one_bullet_per_finding_in_order(md, report):
    bullets = [line for line in md.splitlines() if line.startswith("- `")]
    assert [b.split("`")[1] for b in bullets] == [f.id for f in report.findings]
    assert bullets[0].startswith("- `f1` **[高]** 资金承诺被删除: ")
    assert "（调低）" in bullets[4]


def test_markdown_values_bold_and_locations(md):
    assert "给予最高**50万元**资助。" in md
    assert "每家给予最高**20万元**的奖励" in md and "不超过20家" in md  # only the value is bold
    assert (
        "  - 位置: 征求意见稿 三、总体要求与发展目标 › (三)主要目标，第 30 行"
        " → 定稿 一、总体要求与发展目标 › （三）主要目标，第 272 行"
    ) in md
    assert "  - 关注词 **版权**: 出现次数 9 → 3" in md


def test_markdown_english(report):
    en = render(report, "md", lang="en")
    assert en.startswith("# Draft vs. final: comparison report: ")
    assert "## Key changes" in en
    assert "- `f5` **[High]** Funding pledge changed (lowered): The reward per leading IP" in en


def test_markdown_escapes_document_text():
    assert escape_md("a*b_c [x](y) <b>|") == r"a\*b\_c \[x\](y) \<b\>\|"
    assert bold_values("[最高50万元]", "50", "万元") == r"\[最高**50万元**\]"
    r = make_report(payload="*[click](javascript:alert(1))*<script>")
    out = render(r, "md")
    # Inside `code spans` (the source path) nothing is interpreted; everywhere else it is escaped.
    prose = re.sub(r"`[^`]*`", "", out)
    assert "[click](javascript" not in prose
    assert "<script>" not in prose
    assert r"\[click\](javascript:alert(1))\*\<script\>" in prose


def test_markdown_no_findings_and_deterministic(report):
    out = render(make_empty_report(), "md")
    assert "未发现" in out and "没有被删除的资金承诺" in out
    assert render(report, "md") == render(make_report(), "md")


# ---------------------------------------------------------------------- CSV


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_header_bom_and_one_row_per_finding(report):
    text = render(report, "csv")
    assert text.startswith("\ufeffid,kind,severity,subject,draft_text,final_text,")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(text[1:])))
    assert header == COLUMNS
    # columns read by position keep their place; later additions come last
    assert COLUMNS[:20] == (
        "id,kind,severity,subject,draft_text,final_text,draft_value,final_value,unit,comparator,direction,"
        "term,draft_count,final_count,draft_section,final_section,draft_line,final_line,note,note_en"
    ).split(",")
    assert COLUMNS[20:] == ["draft_page", "final_page", "draft_path", "final_path", "money_scope", "lump_sum",
                            "gap", "final_unit"]
    rows = _rows(text)
    assert [r["id"] for r in rows] == [f.id for f in report.findings]
    # provenance a spreadsheet reader can cite: the heading path, not only s9 (issue 15)
    first = rows[0]
    assert first["draft_section"] == "s9" and " › " in first["draft_path"]
    # 每年…给予最高50万元: the scope says why it is no lump sum
    assert first["money_scope"] == "每年 · 最高" and first["lump_sum"] == "false"
    assert rows[4]["money_scope"] == "" and rows[4]["lump_sum"] == ""  # not a removed amount


def test_csv_cells_match_findings(report):
    rows = {r["id"]: r for r in _rows(render(report, "csv"))}
    f5 = rows["f5"]
    assert (f5["draft_value"], f5["final_value"], f5["unit"], f5["direction"]) == (
        "20",
        "10",
        "万元",
        "lowered",
    )
    assert (f5["draft_line"], f5["final_line"]) == ("118", "341")
    assert f5["draft_text"] == report.findings[4].draft_text
    f8 = rows["f8"]
    assert (f8["term"], f8["draft_count"], f8["final_count"]) == ("版权", "9", "3")
    assert rows["f1"]["final_text"] == "" and rows["f1"]["final_line"] == ""


def test_csv_quotes_commas_quotes_and_newlines():
    r = make_report()
    r.findings[0].draft_text = '含,逗号 "引号"\n与换行'
    rows = _rows(render(r, "csv"))
    assert rows[0]["draft_text"] == '含,逗号 "引号"\n与换行'


def test_csv_neutralises_formulas_in_text_columns():
    r = make_report()
    r.findings[0].draft_text = '=HYPERLINK("http://example.invalid","x")'
    r.findings[0].draft_value = "-5"
    rows = _rows(render(r, "csv"))
    assert rows[0]["draft_text"].startswith("'=HYPERLINK")
    assert rows[0]["draft_value"] == "-5"  # numbers stay numbers


def test_csv_is_deterministic_and_independent_of_lang(report):
    assert render(report, "csv") == render(make_report(), "csv") == render(report, "csv", lang="en")


def test_csv_empty_report_has_header_only():
    text = render(make_empty_report(), "csv")
    assert text == "\ufeff" + ",".join(COLUMNS) + "\r\n"


def test_json_text_is_what_the_standard_library_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the fast encoder must not change a byte of the contract's text, and must fall back on
    # what it cannot encode (a lone surrogate, a huge integer)
    import json

    import revdiff
    from revdiff.render import dumps_json

    from .conftest import ROOT, SAMPLES

    for d, f in ((SAMPLES / "yantai-ip-strategy-draft.txt", SAMPLES / "yantai-notice-official.txt"),
                 (ROOT / "tests" / "laws" / "statistics-law-2009.md", ROOT / "tests" / "laws" / "statistics-law-2024.md")):
        data = revdiff.compare(str(d), str(f)).to_dict()
        assert dumps_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    odd = {"text": "a\udcb2b\u2028c\x1f\"\\", "n": 2**70, "x": 0.1, "none": None, "list": [1, [2, {}]]}
    assert dumps_json(odd) == json.dumps(odd, ensure_ascii=False, indent=2) + "\n"
    assert dumps_json({"t": "\u2028\x1f\"\\é", "f": 1.5e-7}) == json.dumps({"t": "\u2028\x1f\"\\é", "f": 1.5e-7},
                                                                          ensure_ascii=False, indent=2) + "\n"
    for x in (1.5e-7, 1e-05, 0.00001234, -2.5e20, 1e16, 1e300, 0.0001, 0.5, 3.0):  # where the two may write floats apart
        for data in ({"f": x}, {"l": [x, x]}, [{"sha256": "2ea117ab1e054e3d"}, x]):
            assert dumps_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n", data


def test_json_text_with_digits_and_e_in_its_strings_is_still_written_by_orjson(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a digest such as 1e054 (in every report's sha256) is no float: the fast path is kept
    import json

    from revdiff.render import dumps_json

    data = {"sha256": "2ea117abaa1e054232ee3d", "note": "第1e5条 2e-3", "n": 12, "x": 0.25, "l": ["1e9"]}
    expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("fell back to json.dumps")

    monkeypatch.setattr(json, "dumps", refuse)
    assert dumps_json(data) == expected


@pytest.mark.parametrize(("lang", "shown", "not_shown"), [("zh", "› 表格", "› table"), ("en", "› table", "› 表格")])
def test_a_table_in_a_heading_path_is_named_in_the_reports_language(lang: str, shown: str, not_shown: str) -> None:
    import revdiff

    here = Path(__file__).parent / "converted"
    rep = revdiff.compare(str(here / "mineru-draft.md"), str(here / "mineru-final.md"))
    md = render(rep, "md", lang=lang)
    text = md if isinstance(md, str) else md.decode("utf-8")
    assert shown in text and not_shown not in text
    # the JSON keeps the node's kind as the contract has it
    assert any(s.draft and s.draft.path[-1:] == ["table"] for s in rep.sections)
