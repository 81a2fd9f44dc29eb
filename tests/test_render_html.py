"""The HTML report, checked as a document tree (BeautifulSoup selectors), not as strings."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from revdiff.render import RENDERERS, render
from revdiff.render.facts import money_at_stake, value_spans
from revdiff.render.html import highlight

sys.path.insert(0, str(Path(__file__).parent))
from report_factory import XSS_PAYLOADS, make_empty_report, make_report  # noqa: E402


@pytest.fixture(scope="module")
def report():
    return make_report()


@pytest.fixture(scope="module")
def html(report) -> str:
    return render(report, "html")


@pytest.fixture(scope="module")
def soup(html) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_registry_lists_all_formats():
    assert list(RENDERERS) == ["html", "json", "md", "csv"]


@pytest.mark.parametrize("fmt,lang", [("pdf", "zh"), ("html", "fr")])
def test_unknown_format_or_language_is_a_value_error(report, fmt, lang):
    with pytest.raises(ValueError):
        render(report, fmt, lang=lang)


def test_json_is_the_contract_and_deterministic(report):
    import json

    text = render(report, "json")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["schema"] == "revdiff.report/1"
    assert [f["id"] for f in data["findings"]] == [f.id for f in report.findings]
    assert "版权" in text  # ensure_ascii=False: Chinese stays readable
    assert text == render(make_report(), "json")


def test_one_page_with_lang_and_title(soup):
    assert soup.html["lang"] == "zh-CN"
    assert soup.title.get_text().startswith("征求意见稿与定稿对照报告")
    assert soup.find("meta", attrs={"charset": "utf-8"})
    assert len(soup.find_all("style")) == 1
    assert len(soup.find_all("script")) == 1


def test_header_shows_both_documents(soup, report):
    draft, final = soup.select(".file-details .doc")
    assert report.draft.source in draft.get_text()
    assert report.final.source in final.get_text()
    assert final.select_one(".part").get_text() == report.final.part
    others = [li.get_text() for li in final.select("ul.parts li")]
    assert others == [p for p in report.final.parts if p != report.final.part]
    text = final.get_text()
    for key, value in report.final.metadata.items():
        assert key in text and value in text


def test_warnings_are_shown(soup, report):
    # in the report's language: the Chinese half of a "中文 / English" warning (issue 15)
    items = [li.get_text() for li in soup.select("#warnings li")]
    assert items == [w.split(" / ")[0] for w in report.warnings]
    assert items and all("the final" not in i for i in items)


def test_summary_counts_equal_the_reports(soup, report):
    summary = report.summary
    kinds = {
        li["data-kind"]: int(li.select_one(".n").get_text()) for li in soup.select("#summary ul.kinds li")
    }
    assert kinds == summary["findings"]
    severity = {
        li["data-severity"]: int(li.select_one(".n").get_text()) for li in soup.select(".card-severity li")
    }
    assert severity == summary["severity"]
    sections = {
        li["data-status"]: int(li.select_one(".n").get_text()) for li in soup.select(".card-sections li")
    }
    for status, n in summary["sections"].items():
        assert sections[status] == n
    targets = {
        li["data-target"]: int(li.select_one(".n").get_text()) for li in soup.select(".card-targets li")
    }
    assert targets == {"lowered": 1, "removed": 1, "raised": 0, "added": 1, "redefined": 0}


def test_money_at_stake(soup, report):
    # 最高50万元 per centre, 最高5万元, 不超过50万元: three caps, which add up to no total (issue 15)
    money = money_at_stake(report.findings)
    assert money.totals == []
    assert [(i.amount, i.unit, i.lump) for i in money.items] == [("50", "万元", False), ("5", "万元", False),
                                                                 ("50", "万元", False)]
    assert money.not_summed == 3 and money.no_amount == 1 and money.reduced == 1
    assert soup.select_one(".card-money .money-line") is None  # no "105 万元" anywhere
    assert "105" not in soup.select_one(".card-money").get_text()
    items = [li.get_text(" ", strip=True) for li in soup.select(".card-money .money-items li")]
    # 每年建设…给予最高50万元: a cap paid every year; 对…企业，给予: to each qualifying recipient
    assert items[0].startswith("50 万元 · 每年 · 最高") and "不超过" in items[2]
    assert "对每个符合条件的对象" in items[1]
    assert soup.select_one(".card-money .money-no-total") is not None
    assert soup.select_one(".card-money [data-no-amount]")["data-no-amount"] == "1"


def test_key_changes_one_row_per_finding_in_groups(soup, report):
    rows = soup.select("#key-changes tbody tr.finding")
    assert sorted(r["id"] for r in rows) == sorted(f"f-{f.id}" for f in report.findings)
    groups = [r["data-group"] for r in rows]
    # money first, then targets …; each group in one run, most severe first within it
    assert groups[0] == "money" and groups == sorted(groups, key=groups.index)
    assert groups.index("targets") < groups.index("obligations") < groups.index("terms")
    order = {"high": 0, "medium": 1, "low": 2}
    for g in set(groups):
        sev = [order[r["data-severity"]] for r in rows if r["data-group"] == g]
        assert sev == sorted(sev)
    heads = [th.get_text(" ", strip=True) for th in soup.select("#key-changes tr.group-head th")]
    assert heads[0].startswith("资金")


def test_key_change_values_are_marked(soup):
    row = soup.select_one("#f-f5")
    assert [m.get_text() for m in row.select(".c-draft mark.val")] == ["20万元"]  # not the 20 of 20家
    assert [m.get_text() for m in row.select(".c-final mark.val")] == ["10万元"]
    assert "（无）" in soup.select_one("#f-f1 .c-final").get_text()


def test_key_change_rows_link_to_sections_and_cite_lines(soup):
    row = soup.select_one("#f-f6")
    links = [a["href"] for a in row.select("a.where")]
    assert links == ["#sec-s6", "#sec-s6"]
    assert "第 30 行" in row.select_one(".c-draft").get_text()
    assert "第 272 行" in row.select_one(".c-final").get_text()
    assert "(三)主要目标" in row.select_one(".c-draft .where").get_text()


def test_term_finding_shows_term_counts_and_contexts(soup, report):
    row = soup.select_one("#f-f8")
    assert row.select_one(".term-line mark.term").get_text() == "版权"
    assert "9 → 3" in row.select_one(".term-line").get_text()
    contexts = row.select(".contexts li")
    assert len(contexts) == len(report.findings[7].contexts)
    assert contexts[0].select("mark.term")


def test_every_internal_link_resolves(soup):
    ids = {el["id"] for el in soup.find_all(id=True)}
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert hrefs
    for href in hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, href


def test_ids_are_unique_and_derived_from_report_ids(soup, report):
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert {f"sec-{p.id}" for p in report.sections} <= set(ids)
    assert {f"f-{f.id}" for f in report.findings} <= set(ids)


def test_no_external_resources(html, soup):
    for tag in soup.find_all(True):
        for attr in ("src", "href", "action", "data", "poster", "srcset", "xlink:href"):
            value = tag.get(attr)
            if value:
                assert not re.match(r"\s*(https?:|//|ftp:|file:)", value, re.I), (tag.name, value)
    assert not soup.find_all("link")
    assert not re.search(r"url\(\s*['\"]?\s*(https?:|//)", html, re.I)
    assert "@import" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)


def test_csp_allows_only_the_inline_script(soup):
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)


def test_section_map_has_one_row_per_pair_with_symbols(soup, report):
    rows = soup.select("#section-map tbody tr.map-row")
    assert len(rows) == len(report.sections)
    symbols = {"unchanged": "=", "modified": "~", "renamed": "✎", "moved": "↕", "merged": "⇒"}
    symbols |= {"split": "⇐", "removed": "−", "added": "+"}
    for row, pair in zip(rows, report.sections, strict=True):
        conn = row.select_one(".conn")
        assert conn["href"] == f"#sec-{pair.id}"
        assert conn.select_one(".sym").get_text() == symbols[pair.status]
        assert bool(conn.select_one(".renum")) == pair.renumbered
        assert bool(row.select_one(".m-draft a")) == (pair.draft is not None)
        assert bool(row.select_one(".m-final a")) == (pair.final is not None)


def test_document_view_one_article_per_pair(soup, report):
    articles = soup.select("#document article.pair")
    assert [a["id"] for a in articles] == [f"sec-{p.id}" for p in report.sections]
    for article, pair in zip(articles, report.sections, strict=True):
        details = article.find("details")
        changed = "is-changed" in article["class"]
        assert details.has_attr("open") == changed
        if pair.status == "unchanged" and not any(op for op, _ in pair.diff):
            assert not changed


def test_diff_ops_land_on_their_side(soup, report):
    article = soup.select_one("#sec-s9")
    draft, final = article.select(".side-draft .body"), article.select(".side-final .body")
    assert draft and final
    assert draft[0].select("del") and not draft[0].select("ins")
    assert not final[0].select("del")
    pair = next(p for p in report.sections if p.id == "s9")
    assert draft[0].get_text() == "".join(t for op, t in pair.diff if op <= 0)
    assert final[0].get_text() == "".join(t for op, t in pair.diff if op >= 0)


def test_formatting_ops_are_plain_text(soup):
    # s6: "到2025年底" vs "到 2025 年底" is a formatting-only difference (ops 0 and 1).
    article = soup.select_one("#sec-s6")
    assert [d.get_text() for d in article.select(".side-draft del")] == ["280"]
    assert [i.get_text() for i in article.select(".side-final ins")] == ["250"]
    assert article.select_one(".side-final .body").get_text().startswith("到 2025 年底")


def test_placeholders_for_missing_sides(soup):
    assert soup.select_one("#sec-s1 .side-final .placeholder").get_text() == "（定稿中已删除）"
    assert "定稿新增" in soup.select_one("#sec-s16 .side-draft .placeholder").get_text()


def test_watched_terms_and_findings_marked_in_text(soup):
    article = soup.select_one("#sec-s10")
    assert [m.get_text() for m in article.select(".side-draft mark.term")][:1] == ["版权"]
    badges = [a["href"] for a in article.select(".fbadges a")]
    assert badges == ["#f-f3", "#f-f8"]
    hit = article.select_one('.side-draft .fhit[data-f="f3"]')
    assert hit is not None and "50万元" in hit.get_text()


def test_filters_and_keyboard_hint_present(soup):
    assert [b["data-filter-btn"] for b in soup.select("[data-filter-btn]")] == ["findings", "changed", "all"]
    assert soup.body["data-filter"] == "all"


def test_print_and_phone_styles(html):
    assert "@media print" in html and "size: A4" in html
    assert "@media (max-width: 700px)" in html
    assert '"Noto Sans CJK SC"' in html


def test_english_ui(report):
    en = BeautifulSoup(render(report, "html", lang="en"), "html.parser")
    assert en.html["lang"] == "en"
    assert en.select_one("#key-changes h2").get_text().startswith("Key changes")
    kinds = [li.select_one(".kind").get_text() for li in en.select("#summary ul.kinds li")]
    assert "Funding pledge removed" in kinds
    assert en.select_one("#sec-s1 .side-final .placeholder").get_text() == "(deleted in the final)"
    assert [b.get_text() for b in en.select("[data-filter-btn]")] == [
        "Sections with findings",
        "Changed sections",
        "All sections",
    ]
    # Only the labels change: the document text is the same.
    zh = BeautifulSoup(render(report, "html"), "html.parser")
    assert (
        en.select_one("#sec-s9 .side-draft .body").get_text()
        == zh.select_one("#sec-s9 .side-draft .body").get_text()
    )
    assert "The reward per leading IP enterprise" in en.select_one("#f-f5 .note").get_text()


def test_deterministic(report, html):
    again = render(make_report(), "html")
    assert html.encode() == again.encode()
    assert render(report, "html", lang="en") == render(make_report(), "html", lang="en")


def test_report_with_nothing_to_report():
    soup = BeautifulSoup(render(make_empty_report(), "html"), "html.parser")
    assert soup.select_one("#key-changes").get_text().count("未发现") == 1
    assert not soup.select("#key-changes tbody tr")
    assert not soup.select("#warnings")
    article = soup.select_one("#sec-s1")
    assert "is-unchanged" in article["class"] and not article.find("details").has_attr("open")


def test_section_without_a_formatting_attribute_and_unknown_kinds():
    r = make_report()
    r.findings[0].kind = "brand_new_kind"
    r.sections[0].status = "weird status"
    soup = BeautifulSoup(render(r, "html"), "html.parser")
    assert soup.select_one('#summary li[data-kind="brand_new_kind"]')
    assert "ps-weird-status" in soup.select_one("#sec-s1")["class"]


# ---------------------------------------------------------------------- untrusted text


@pytest.fixture(scope="module")
def xss_html() -> str:
    return render(make_report(payload="".join(XSS_PAYLOADS)), "html")


def test_payloads_are_escaped_in_source(xss_html):
    assert "<script>window.__xss" not in xss_html
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in xss_html
    assert "<img src=x" not in xss_html
    assert "&lt;img src=x onerror=" in xss_html
    assert '<a href="javascript:' not in xss_html
    assert "<svg" not in xss_html


def test_payloads_render_as_text_not_elements(xss_html):
    soup = BeautifulSoup(xss_html, "html.parser")
    assert len(soup.find_all("script")) == 1  # only the report's own
    assert not soup.find_all(["img", "svg", "iframe", "object", "embed"])
    for a in soup.find_all("a", href=True):
        assert a["href"].startswith("#")
    for tag in soup.find_all(True):
        assert not [k for k in tag.attrs if k.lower().startswith("on")], tag.name
    # The payload is visible as text in the body of a section, a heading, a quote and the header.
    assert (
        "<script>window.__xss=1;alert(1)</script>" in soup.select_one("#sec-s1 .side-draft .body").get_text()
    )
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in soup.select_one(".file-details h3").get_text()
    assert "{{ 7*7 }}" in soup.select_one("#f-f3 .c-draft").get_text()


def test_template_syntax_in_text_is_not_evaluated(xss_html):
    assert "{{ 7*7 }}" in xss_html
    assert "{% raw %}" in xss_html
    assert (
        ">49<" not in xss_html
        and "49" not in BeautifulSoup(xss_html, "html.parser").select_one("#sec-s1").get_text()
    )


def test_highlight_escapes_around_marks():
    out = str(highlight("<b>给予最高50万元</b>资助", "50", "万元"))
    assert out == '&lt;b&gt;给予最高<mark class="val">50万元</mark>&lt;/b&gt;资助'


@pytest.mark.parametrize(
    "text,value,unit,expected",
    [
        ("给予最高50万元资助", "50", "万元", ["50万元"]),
        ("共150万元和50.5万元", "50", "万元", []),
        ("不超过20家，每家20万元", "20", "万元", ["20万元"]),
        ("达到 280 件", "280", "件", ["280 件"]),
        ("≥90分", "90", None, ["90"]),
        ("10.34%", "10.34", "%", ["10.34%"]),
    ],
)
def test_value_spans(text, value, unit, expected):
    assert [text[a:b] for a, b in value_spans(text, value, unit)] == expected


def test_headline_pair_report_is_byte_identical():
    """Same inputs, same bytes: two full runs of the real pipeline give one report."""
    from make_screenshot import compare_headline

    first = compare_headline(relative=False).to_html()
    second = compare_headline(relative=False).to_html()
    assert first.encode() == second.encode()
    soup = BeautifulSoup(first, "html.parser")
    ids = {el["id"] for el in soup.find_all(id=True)}
    assert all(a["href"][1:] in ids for a in soup.find_all("a", href=True))


def test_a_quote_marks_the_words_that_changed(soup, report):
    # issue 15: an obligation weakened (no value to mark) still shows which word changed
    f = next(f for f in report.findings if f.kind == "obligation_weakened")
    row = soup.select_one(f"#f-{f.id}")
    draft, final = row.select_one(".quote-draft"), row.select_one(".quote-final")
    assert draft.get_text() == f.draft_text and final.get_text() == f.final_text  # nothing lost
    assert draft.select("del") and final.select("ins")
    struck = "".join(d.get_text() for d in draft.select("del"))
    assert struck and struck in f.draft_text and struck not in f.final_text


def test_a_long_removed_section_is_folded_with_its_length():
    from revdiff.render import render
    from tests.make_screenshot import compare_headline

    report = compare_headline()
    soup = BeautifulSoup(render(report, "html"), "html.parser")
    pair = next(p for p in report.sections if p.status == "removed" and len(p.diff[0][1]) > 240)
    side = soup.select_one(f"#sec-{pair.id} .side-draft")
    fold = side.select_one("details.fold")
    assert fold is not None and not fold.has_attr("open")
    assert str(len(pair.diff[0][1])) in fold.select_one("summary").get_text()
    assert fold.select_one(".body").get_text() == pair.diff[0][1]  # the whole text is still there


def test_the_preamble_has_a_name_in_the_map():
    from revdiff.render import render
    from tests.make_screenshot import compare_headline

    page = BeautifulSoup(render(compare_headline(), "html"), "html.parser")
    first = page.select_one("table.map tbody tr")
    assert first.select_one(".m-draft a").get_text(strip=True) == "（前言）"
    assert page.select_one("#document article .sum-heads").get_text(strip=True) == "（前言）"


def test_the_lead_names_kinds_it_has_no_sentence_for():
    # a genre's own finding kinds (a law's raised fines) still appear in the lead, by label
    from revdiff.model import Finding
    from revdiff.render.facts import lead
    from revdiff.render.i18n import strings

    report = make_report()
    report.findings.append(Finding(kind="penalty_raised", severity="high", note="", note_en="", id="fx"))
    assert "penalty_raised 1 处" in lead(report, strings("zh")).sentence
    assert "“penalty_raised”: 1" in lead(report, strings("en")).sentence
