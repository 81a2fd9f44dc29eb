"""Markdown made from a PDF by a converter (MinerU, marker), and tables with merged cells.

tests/converted/mineru-draft.md and mineru-final.md are an invented county plan as MinerU writes
a PDF: every heading a ``#``, the indicator table as one line of HTML with rowspan/colspan (a
grouped 目标值 header over 2025年 | 2027年, a 类别 cell spanning two rows), figures as inline
math (``$95 \\%$``, ``$\\geq 90\\%$``, digits spaced out ``$2 0 0 0$``), a note's mark as
``$^{1}$``, an image line.  mineru-draft-plain.txt is the draft as plain text.  Expected
results below were written by reading the texts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import revdiff
from revdiff.readers import DEFAULT_MAX_BYTES, read

from .test_nothing_lost import _chars, accounted

COPIES = Path(__file__).parent / "converted"
DRAFT, FINAL, PLAIN = COPIES / "mineru-draft.md", COPIES / "mineru-final.md", COPIES / "mineru-draft-plain.txt"


def test_the_html_table_is_read_cell_by_cell_with_merged_cells_spread() -> None:
    raw = read(str(DRAFT), DEFAULT_MAX_BYTES)
    rows = [b.cells for b in raw.blocks if b.cells is not None]
    assert rows == [
        ["类别", "指标", "单位", "目标值2025年", "目标值2027年"],  # the grouped header, read top to bottom
        ["厕所革命", "卫生厕所普及率", "%", "90", "95"],
        ["", "新建公共厕所", "座", "120", "200"],  # under the 类别 that spans two rows
        ["污水治理", "生活污水治理率", "%", "38", "45"],
    ]
    assert {b.line for b in raw.blocks if b.cells is not None} == {11}  # the table's one source line


def test_inline_math_is_read_as_the_figures_it_prints() -> None:
    doc = revdiff.outline(str(DRAFT))
    text = "\n".join(n.text for p in doc.parts for n in p.nodes())
    assert "卫生厕所普及率达到95%以上，生活垃圾无害化处理率≥90%，农村生活污水治理率达到45%。" in text
    assert "专项资金2000万元" in text and "给予每户1500元补助。" in text  # a note's mark $^{1}$ is no text
    assert "$" not in text and "\\" not in text


def test_the_converted_copy_compares_as_its_plain_text() -> None:
    report = revdiff.compare(str(PLAIN), str(DRAFT))
    assert report.findings == []


def test_changes_in_math_and_in_merged_table_cells_are_found() -> None:
    report = revdiff.compare(str(DRAFT), str(FINAL))
    got = sorted((f.kind, f.subject, f.draft_value, f.final_value, f.direction) for f in report.findings)
    assert got == sorted([
        ("funding_changed", "完成改厕任务的农户", "1500", "1000", "lowered"),  # $1500$ → $1000$ 元
        ("target_changed", "生活垃圾无害化处理率", "90", "85", "lowered"),  # $\geq 90\%$ → $\geq 85\%$
        ("target_changed", "农村生活污水治理率", "45", "40", "lowered"),  # $45\%$ → $40\%$ in the text
        ("target_changed", "生活污水治理率", "38", "35", "lowered"),  # the table's 2025年 column
        ("target_changed", "生活污水治理率", "45", "40", "lowered"),  # and its 2027年 column
    ])


def test_nothing_of_the_converted_copy_is_lost() -> None:
    source = DRAFT.read_text(encoding="utf-8")
    got = accounted(revdiff.outline(str(DRAFT)))
    got["≥"] -= 1  # the one character the math's text has that its source (\geq) does not
    for ch in "目标值":  # the grouped header names 目标值 over both year columns
        got[ch] -= 1
    assert +got == _chars(source)


def test_a_dollar_sign_that_opens_no_math_is_text(tmp_path: Path) -> None:
    path = tmp_path / "trade.md"
    path.write_text("# 一、总体目标\n\n出口单价由US$100提高到US$120，外资到位$5亿美元。\n", encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert "出口单价由US$100提高到US$120，外资到位$5亿美元。" in [n.text for p in doc.parts for n in p.nodes()]


def test_a_web_pages_merged_header_lines_up_with_its_columns(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div class='article'><h1>某市制造业数字化转型行动方案</h1><p>一、主要指标</p><table>"
        "<tr><th rowspan='2'>指标</th><th rowspan='2'>单位</th><th colspan='2'>目标值</th></tr>"
        "<tr><th>2025年</th><th>2027年</th></tr>"
        "<tr><td>规模以上工业企业数字化改造覆盖率</td><td>%</td><td>70</td><td>90</td></tr>"
        "<tr><td>工业互联网平台</td><td>个</td><td>10</td><td>20</td></tr>"
        "</table></div></body></html>",
        encoding="utf-8",
    )
    rows = [b.cells for b in read(str(page), DEFAULT_MAX_BYTES).blocks if b.cells is not None]
    assert rows == [
        ["指标", "单位", "目标值2025年", "目标值2027年"],
        ["规模以上工业企业数字化改造覆盖率", "%", "70", "90"],
        ["工业互联网平台", "个", "10", "20"],
    ]


def test_a_tables_two_target_columns_are_told_apart_in_the_notes() -> None:
    report = revdiff.compare(str(DRAFT), str(FINAL))
    notes = sorted(f.note for f in report.findings if f.subject == "生活污水治理率")
    assert notes == ["指标表中“生活污水治理率”（2025年）的目标由38%降低为35%。",
                     "指标表中“生活污水治理率”（2027年）的目标由45%降低为40%。"]
    # a sentence's target names no column
    assert [f.note for f in report.findings if f.subject == "农村生活污水治理率"] == [
        "正文中“农村生活污水治理率”的目标由45%降低为40%。"]


def test_math_a_converter_broke_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    lines = ["# 一、总体目标", "", r"覆盖率达到 $\frac{$ 以上，$\begin{array}$ 见下表，满意度 $\geq 90\%$ 。"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = revdiff.outline(str(path))
    text = "".join(n.text for p in doc.parts for n in p.nodes())
    assert r"$\frac{$" in text and r"$\begin{array}$" in text and "≥90%" in text
    # pylatexenc's complaints (logged) are not the user's: the command's stderr stays clean
    run = subprocess.run([sys.executable, "-m", "revdiff", "outline", str(path)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr == ""
