"""The 修改对照表 view of the HTML report, checked with BeautifulSoup selectors.

Expected rows are those of the revision described in tests/law_report_factory.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
from law_report_factory import FINE_DRAFT, FINE_FINAL, make_law_report  # noqa: E402
from report_factory import XSS_PAYLOADS, make_report  # noqa: E402


@pytest.fixture(scope="module")
def soup() -> BeautifulSoup:
    return BeautifulSoup(make_law_report().to_html(), "html.parser")


def _texts(nodes) -> list[str]:
    return [n.get_text() for n in nodes]


def test_nav_links_to_the_table(soup):
    link = soup.select_one('nav a[href="#compare-table"]')
    assert link is not None and link.get_text() == "修改对照表"
    assert soup.select_one("#compare-table h2").get_text() == "修改对照表"


def test_header_and_rows(soup):
    table = soup.select_one("#compare-table table.ctable")
    assert _texts(table.select("thead th")) == ["修改前", "修改后", "说明"]
    rows = table.select("tbody > tr")
    assert len(rows) == 14
    assert [r["class"][1] for r in rows] == [
        "crow-group", "crow-unchanged", "crow-pair", "crow-pair", "crow-unchanged", "crow-group", "crow-pair",
        "crow-pair", "crow-pair", "crow-group", "crow-pair", "crow-pair", "crow-pair", "crow-pair",
    ]
    # an unchanged chapter heading spans the table; a renamed one shows both headings
    assert rows[0].select_one("th[colspan='3']").get_text() == "第一章\u3000总则"
    assert _texts(rows[5].select("td del")) == ["养犬登记"]
    assert _texts(rows[5].select("td ins")) == ["登记与免疫"]


def test_struck_and_underlined_text(soup):
    row = soup.select_one("#tbl-s12")
    assert _texts(row.select(".c-before del")) == [FINE_DRAFT]
    assert _texts(row.select(".c-after ins")) == [FINE_FINAL]
    assert not row.select(".c-before ins") and not row.select(".c-after del")
    assert "罚款由二百元以上一千元以下提高到" in row.select_one(".c-notes").get_text()
    assert row.select_one("a.to-doc")["href"] == "#sec-s12"


def test_renumbered_article_and_muted_reference(soup):
    row = soup.select_one("#tbl-s9")
    assert row.select_one(".c-after p").get_text().startswith("第七条（原第六条）\u3000办理登记的")
    assert _texts(row.select(".c-after ins")) == ["第七条"]
    assert _texts(row.select(".conseq")) == ["四", "五"]
    assert not row.select(".c-before del")


def test_unchanged_articles_fold_and_unfold(soup):
    folded = soup.select("#compare-table tr.crow-unchanged")
    assert _texts(f.select_one("summary") for f in folded) == [
        "第一条 未修改",
        "第三条至第四条 未修改（修改后为第四条至第五条）",
    ]
    details = folded[1].select_one("details")
    assert not details.has_attr("open")
    assert _texts(details.select(".folded p")) == [
        "第四条（原第三条）\u3000市公安机关是养犬管理的主管部门，负责本条例的组织实施。",
        "第五条（原第四条）\u3000养犬人应当依法养犬、文明养犬，不得损害他人合法权益。",
    ]


def test_added_and_removed_articles(soup):
    added = soup.select_one("#tbl-s4")
    assert added.select_one(".c-before .placeholder").get_text() == "（新增）"
    removed = soup.select_one("#tbl-s10")
    assert removed.select_one(".c-after .placeholder").get_text() == "（删除）"
    assert removed.select_one(".c-before del").get_text() == "养犬登记证遗失的，应当在十日内申请补办。"


def test_english_labels():
    soup = BeautifulSoup(make_law_report().to_html(lang="en"), "html.parser")
    assert _texts(soup.select("#compare-table thead th")) == ["Before", "After", "Notes"]
    assert soup.select_one('nav a[href="#compare-table"]').get_text() == "Comparison table"


def test_plan_formatting_only_edits_are_plain():
    soup = BeautifulSoup(make_report().to_html(), "html.parser")
    row = soup.select_one("#tbl-s6")
    assert _texts(row.select(".c-after ins")) == ["250"]  # 到 2025 年底 differs only in spacing
    assert _texts(row.select(".c-before del")) == ["280"]


def test_document_text_cannot_inject_markup():
    html = make_report(payload="".join(XSS_PAYLOADS)).to_html()
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("#compare-table")
    assert not table.select("script, img, svg, a[href^='javascript']")
    assert "<script>window.__xss=1;alert(1)</script>" in table.get_text()
    for a in table.select("a"):
        assert a["href"].startswith("#")
