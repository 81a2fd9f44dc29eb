"""--lang en translates every string of the interface (issue 15 item 7).

The documents' own text stays as written, and the report marks it with lang="zh-CN" (right for
screen readers too); Chinese quoted inside an English sentence (“…”, 《…》) is document text as
well.  Any other Chinese in the English report is an untranslated interface string.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from revdiff.render import render
from revdiff.render.facts import warning_in
from revdiff.render.i18n import STRINGS

from .report_factory import make_report

CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Document wording an English sentence quotes: “…”, 《…》, a value with its unit as written
# (150家, 最高50万元) and the wording in parentheses after it, which the finding notes cite.
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|‘[^’]*’|\([^()]*\)|[≥≤]?[0-9.]+[\u4e00-\u9fff%％]{1,4}")


def untranslated(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    terms = [m.get_text() for m in soup.select("mark.term")]  # the watched terms: the reader's own words
    bad = []
    for text in soup.find_all(string=True):
        parent = text.parent
        if parent is None or parent.name in ("script", "style", "title"):
            continue
        if any((el.get("lang") or "").startswith("zh") for el in text.parents if el.name != "[document]"):
            continue
        plain = QUOTED.sub("", str(text))
        for term in terms:
            plain = plain.replace(term, "")
        if CJK.search(plain):
            bad.append(f"<{parent.name} class={parent.get('class')}> {str(text).strip()[:60]}")
    return bad


@pytest.fixture(scope="module")
def headline_en() -> str:
    from tests.make_screenshot import compare_headline

    return render(compare_headline(), "html", lang="en")


def test_the_english_headline_report_has_no_untranslated_string(headline_en: str) -> None:
    assert untranslated(headline_en) == []
    soup = BeautifulSoup(headline_en, "html.parser")
    labels = [dt.get_text() for dt in soup.select(".file-details dt")]
    assert "Document number" in labels and "Issuing office" in labels and "文号" not in labels
    money = soup.select_one(".card-money .money-items").get_text(" ")
    assert "500,000 yuan" in money and "per year" in money and "万元" not in money
    assert "(s)" not in soup.get_text()


def test_the_english_factory_report_has_no_untranslated_string() -> None:
    html = render(make_report(), "html", lang="en")
    assert untranslated(html) == []


def test_the_check_finds_a_chinese_label() -> None:
    html = render(make_report(), "html", lang="en").replace(">Key changes<", ">主要变化<", 1)
    assert untranslated(html)


def test_both_languages_have_the_same_strings() -> None:
    def keys(d: dict, prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out.add(prefix + k)
            if isinstance(v, dict) and k not in ("meta_labels", "currencies", "scope_words"):
                out |= keys(v, prefix + k + ".")
        return out

    assert keys(STRINGS["zh"]) == keys(STRINGS["en"])


def test_bilingual_warnings_are_shown_in_one_language() -> None:
    w = "征求意见稿 / draft: 删除了隐藏字符 / invisible characters were removed"
    assert warning_in(w, "en") == "draft: invisible characters were removed"
    assert warning_in(w, "zh") == "征求意见稿: 删除了隐藏字符"
    assert warning_in("只有中文", "en") == "只有中文"


def test_english_lump_sums_are_in_yuan(tmp_path) -> None:
    import revdiff

    draft = ("某市稳外贸若干措施\n\n一、支持政策\n（一）设立资金。市财政安排外贸发展资金3000万元。\n"
             "（二）展会补助。对参加境外展会的企业，每家企业最高补助20万元。\n二、附则\n（三）本措施自印发之日起施行。\n")
    final = draft.replace("（一）设立资金。市财政安排外贸发展资金3000万元。\n", "")
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    card = BeautifulSoup(render(report, "html", lang="en"), "html.parser").select_one(".card-money .money-line")
    assert card is not None and card.get_text(" ", strip=True).startswith("30,000,000 yuan")
    assert "**30,000,000 yuan**" in render(report, "md", lang="en")
    assert untranslated(render(report, "html", lang="en")) == []
