"""Indicator tables shown as tables (issue 15 item 3): rows paired by measure, cells diffed one
by one, removed and added rows marked as rows, unchanged cells plain."""

from __future__ import annotations

from bs4 import BeautifulSoup

from revdiff.render.table_diff import pair_rows, table_sides

# An invented indicator table of another office, draft and final.
HEAD = ["指标名称", "单位", "2023年", "2027年目标", "指标属性"]
DRAFT = [
    HEAD,
    ["城镇新增就业人数", "万人", "5.2", "6", "预期性"],
    ["城镇调查失业率", "%", "——", "≤5.5", "预期性"],
    ["职业技能培训人次", "万人次", "8", "12", "预期性"],
    ["零就业家庭动态清零率", "%", "100", "100", "约束性"],
]
FINAL = [
    ["指标 名称", "单 位", "2023 年", "2027 年目标", "指标属性"],
    ["城镇新增就业人数", "万人", "5.2", "5.5", "预期性"],
    ["城镇调查失业率", "%", "—", "≤5.5", "预期性"],
    ["零就业家庭动态清零率", "%", "100", "100", "约束性"],
    ["高校毕业生就业率", "%", "——", "≥90", "预期性"],
]


def rows_of(html: str) -> list[tuple[str, list[str]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(" ".join(tr.get("class") or []), [c.decode_contents() for c in tr.find_all(["td", "th"])])
            for tr in soup.select("tr")]


def test_rows_pair_by_measure() -> None:
    assert pair_rows(DRAFT, FINAL) == [(0, 0), (1, 1), (2, 2), (3, None), (4, 3), (None, 4)]


def test_cells_are_diffed_one_by_one_and_rows_marked_whole() -> None:
    d_html, f_html = table_sides(DRAFT, FINAL)
    d, f = rows_of(d_html), rows_of(f_html)
    assert d[1] == ("row-changed", ["城镇新增就业人数", "万人", "5.2", "<del>6</del>", "预期性"])
    assert f[1] == ("row-changed", ["城镇新增就业人数", "万人", "5.2", "<ins>5.5</ins>", "预期性"])
    # —— → — and spaces in the header are formatting, not a change: plain cells, no row mark
    assert d[2] == ("", ["城镇调查失业率", "%", "——", "≤5.5", "预期性"])
    assert f[0][1][0] == "指标 名称" and "<ins>" not in f_html.split("</tr>")[0]
    # a removed row is one marked row, its cells struck; an added row likewise
    assert d[3][0] == "row-removed" and d[3][1][0] == "<del>职业技能培训人次</del>"
    assert f[-1][0] == "row-added" and f[-1][1][3] == "<ins>≥90</ins>"
    # the change never runs across cells: no <del>/<ins> holds a cell separator
    assert "|" not in d_html + f_html


def test_cell_text_is_escaped() -> None:
    d_html, _ = table_sides([["指标"], ["<script>x</script>"]], [["指标"]])
    assert "<script>" not in d_html and "&lt;script&gt;" in d_html


def test_the_report_shows_the_headline_table_as_a_table() -> None:
    from tests.make_screenshot import headline_html

    soup = BeautifulSoup(headline_html(), "html.parser")
    tables = soup.select("#document table.itable")
    assert len(tables) == 2  # the draft's and the final's indicator table
    removed = [tr.get_text(" ", strip=True) for tr in tables[0].select("tr.row-removed")]
    assert len(removed) == 2 and all("预期性" in r for r in removed)
    changed = tables[1].select("tr.row-changed ins")
    assert sorted(i.get_text() for i in changed) == ["10.34", "85"]
