"""Watched terms belong to the genre: a plan watches 版权 where either text has it, a law
watches nothing unless asked; a term the user names is always reported.  And a changed fine
or period of a law is highlighted whole in every rendering (处[一万元]→[二万元], never [处一])."""

from __future__ import annotations

import re
from pathlib import Path

import revdiff
from revdiff.render.html import render_html
from revdiff.render.table import build_table
from tests.law_texts import compare_texts

# an invented regulation, in the style of a provincial 条例; its text mentions 版权
LAW_DRAFT = """某省公共图书馆服务条例（草案）
第一条　为了规范公共图书馆服务，保障公民基本文化权益，制定本条例。
第二条　公共图书馆提供数字资源服务，应当尊重版权，依法取得权利人许可。
第三条　违反本条例第二条规定的，由县级以上人民政府文化主管部门责令改正，处一万元以下罚款。
第四条　公共图书馆应当在收到读者意见之日起三十日内作出答复。
"""
LAW_FINAL = """某省公共图书馆服务条例
第一条　为了规范公共图书馆服务，保障公民基本文化权益，制定本条例。
第二条　公共图书馆提供数字资源服务，应当依法取得权利人许可。
第三条　违反本条例第二条规定的，由县级以上人民政府文化主管部门责令改正，处二万元以下罚款。
第四条　公共图书馆应当在收到读者意见之日起十五日内作出答复。
"""

# an invented municipal plan: one without 版权, one that drops it
PLAN_DRAFT = """某市促进会展经济发展的若干措施（征求意见稿）
一、扩大展会规模
（一）支持举办品牌展会。对展览面积超过1万平方米的展会，给予主办单位最高五十万元补助。
（二）加强会展人才培养。
"""
PLAN_FINAL = """某市促进会展经济发展的若干措施
一、扩大展会规模
（一）支持举办品牌展会。对展览面积超过1万平方米的展会，给予主办单位最高三十万元补助。
（二）加强会展人才培养。
"""


def test_a_law_watches_no_term_by_default(tmp_path: Path) -> None:
    report = compare_texts(tmp_path, LAW_DRAFT, LAW_FINAL)
    assert report.watch == []
    assert not [f for f in report.findings if f.kind.startswith("term_")]  # 版权 fell, but nobody asked
    assert 'class="watch"' not in render_html(report)


def test_a_law_watches_the_terms_it_is_asked_to(tmp_path: Path) -> None:
    d, f = tmp_path / "d.txt", tmp_path / "f.txt"
    d.write_text(LAW_DRAFT, encoding="utf-8")
    f.write_text(LAW_FINAL, encoding="utf-8")
    report = revdiff.compare(str(d), str(f), genre="law", watch=["版权", "商标"])
    assert report.watch == ["版权", "商标"]  # 商标 occurs nowhere, but the user asked: listed
    removed = [x for x in report.findings if x.kind == "term_removed"]
    assert [(x.term, x.draft_count, x.final_count) for x in removed] == [("版权", 1, 0)]


def test_a_plan_without_the_default_term_does_not_show_it(tmp_path: Path) -> None:
    report = compare_texts(tmp_path, PLAN_DRAFT, PLAN_FINAL, genre="plan")
    assert report.watch == []
    assert 'class="watch"' not in render_html(report)


def test_a_plan_that_uses_the_default_term_watches_it(tmp_path: Path) -> None:
    draft = PLAN_DRAFT.replace("（二）加强会展人才培养。", "（二）加强会展人才培养和展会版权保护。")
    report = compare_texts(tmp_path, draft, PLAN_FINAL, genre="plan")
    assert report.watch == ["版权"]
    assert [(x.kind, x.term) for x in report.findings if x.kind.startswith("term_")] == [("term_removed", "版权")]


def _marked(html: str, tag: str) -> list[str]:
    return re.findall(f"<{tag}>([^<]*)</{tag}>", html)


def test_a_changed_fine_and_period_are_highlighted_whole_in_the_html(tmp_path: Path) -> None:
    html = render_html(compare_texts(tmp_path, LAW_DRAFT, LAW_FINAL))
    deleted, inserted = _marked(html, "del"), _marked(html, "ins")
    assert "一万元" in deleted and "二万元" in inserted
    assert "三十日" in deleted and "十五日" in inserted
    assert not any(t.startswith("处") for t in deleted + inserted)


def test_a_changed_fine_is_highlighted_whole_in_the_comparison_table(tmp_path: Path) -> None:
    table = build_table(compare_texts(tmp_path, LAW_DRAFT, LAW_FINAL))
    styled = {(p.style, p.text) for row in table.rows for cell in (row.draft, row.final)
              for para in cell.paragraphs for p in para if p.style}
    assert ("del", "一万元") in styled and ("ins", "二万元") in styled
    assert not any(t.startswith("处") for _, t in styled)


def test_a_changed_plan_amount_is_highlighted_whole(tmp_path: Path) -> None:
    html = render_html(compare_texts(tmp_path, PLAN_DRAFT, PLAN_FINAL, genre="plan"))
    assert "五十万元" in _marked(html, "del") and "三十万元" in _marked(html, "ins")
