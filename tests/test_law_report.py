"""A law revision's report speaks of 修改前 / 修改后 and opens with what a 修改说明 says."""

from __future__ import annotations

import functools

import revdiff
from revdiff.render import render

from .conftest import ROOT, SAMPLES

LAWS = ROOT / "tests" / "laws"


@functools.cache
def _statistics() -> revdiff.model.Report:  # type: ignore[name-defined]
    return revdiff.compare(str(LAWS / "statistics-law-2009.md"), str(LAWS / "statistics-law-2024.md"))


def test_law_sides_are_before_and_after() -> None:
    md = render(_statistics(), "md")
    head = md.split("## ")[0]
    assert head.startswith("# 修改前后对照报告：中华人民共和国统计法")
    assert "**修改前**" in head and "**修改后**" in head
    assert "征求意见稿" not in head and "定稿" not in head
    html = render(_statistics(), "html")
    assert "修改前后对照报告" in html and "征求意见稿与定稿对照报告" not in html
    en = render(_statistics(), "md", lang="en")
    assert en.startswith("# Before vs. after revision") and "**Before**" in en and "Draft" not in en.split("## ")[0]


def test_law_lead_counts_articles_and_penalties() -> None:
    # read from both texts: 3 articles inserted, 21 reworded, and three fines raised
    # (第四十一条 both tiers, 第四十二条) — see tests/test_penalties.py and tests/test_article_map.py
    lead = render(_statistics(), "md").splitlines()[2]
    assert lead.startswith("与修改前相比，修改后修改 21 条；新增 3 条；")
    assert "加重了 3 项罚则" in lead
    assert "章节" not in lead, "a law's sections are its articles, already counted"
    en = render(_statistics(), "md", lang="en").splitlines()[2]
    assert "rewords articles: 21" in en and "raises penalties: 3" in en


def test_plan_keeps_draft_and_final() -> None:
    report = revdiff.compare(str(SAMPLES / "yantai-ip-strategy-draft.txt"), str(SAMPLES / "yantai-notice-official.txt"))
    md = render(report, "md")
    assert md.startswith("# 征求意见稿与定稿对照报告") and "**征求意见稿**" in md
    assert "条；" not in md.splitlines()[2]


def test_law_notes_speak_of_before_and_after() -> None:
    notes = [f.note for f in _statistics().findings]
    notes_en = [f.note_en for f in _statistics().findings]
    assert notes and not any("定稿" in n or "征求意见稿" in n for n in notes)
    assert any("修改后第四十四条" in n for n in notes)  # 第四十一条 is 第四十四条 after the revision
    assert not any("the final" in n or "the draft" in n for n in notes_en)


def test_law_report_shows_money_and_target_cards_only_when_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    # the statistics law revision changes fines, no money and no goal: no cards of zeros
    soup = BeautifulSoup(render(_statistics(), "html"), "html.parser")
    assert soup.select_one(".card-money") is None and soup.select_one(".card-targets") is None
    assert soup.select_one(".card-articles") is not None
    # an invented regulation that adds a subsidy: the money card is there, with it
    old = "某某省农机购置补贴条例\n\n第一条 为了推广先进适用农机，制定本条例。\n第二条 县级以上人民政府应当加强农机推广工作。\n"
    new = old.replace("应当加强农机推广工作。", "应当加强农机推广工作，对购置农机的农户给予每台最高二万元补贴。")
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), genre="law")
    assert any(f.kind == "funding_added" for f in report.findings)
    soup = BeautifulSoup(render(report, "html"), "html.parser")
    assert soup.select_one(".card-money") is not None
    # a plan keeps both cards even with nothing in them
    plan = tmp_path / "plan.txt"
    plan.write_text("某某市行动方案\n\n一、总体要求\n（一）加强统筹。\n", encoding="utf-8")
    soup = BeautifulSoup(render(revdiff.compare(str(plan), str(plan)), "html"), "html.parser")
    assert soup.select_one(".card-money") is not None and soup.select_one(".card-targets") is not None


def test_a_reference_that_only_followed_a_renumbering_is_not_marked_in_a_finding_card() -> None:
    """The fine's card quotes 违反本条例第十五条第二款 → 第十四条第三款 (the article and its 款 moved):
    only the fines are struck and underlined, as the section's own diff mutes the reference."""
    import re

    pair = ROOT / "tests" / "laws" / "heldout" / "local-clauses"
    report = revdiff.compare(str(pair / "old.txt"), str(pair / "new.txt"))
    html = render(report, "html")
    html = html if isinstance(html, str) else html.decode("utf-8")
    cards = re.findall(r'<blockquote class="quote quote-(draft|final)"[^>]*>(违反本条例第.*?)</blockquote>', html)
    marked = {side: re.findall(r"<(?:del|ins)>(.*?)</(?:del|ins)>", q) for side, q in cards}
    assert marked == {"draft": ["五千元", "五万元"], "final": ["一万元", "十万元"]}
