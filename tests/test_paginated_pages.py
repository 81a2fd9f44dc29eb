"""A web page that holds one page of an article a site split over pages.

Government portals split long documents (共3页 上一页 1 2 3 下一页; TRS sites write the pager from
a script, createPageHTML(3, 0, …)).  The saved page is then a copy cut after its last line:
what the other pages hold is missing from it, not removed by the revision — no finding, and
the report's counts and lead say so.  The pages below are invented, in those sites' markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import revdiff
from revdiff.readers import DEFAULT_MAX_BYTES, read
from revdiff.render import render

DRAFT = """某市促进消费若干措施
一、支持商贸企业发展
（一）对年度销售额首次突破5亿元的商贸企业，给予一次性奖励50万元。
（二）对新开设的品牌首店，给予最高30万元补贴。
二、促进汽车消费
（三）对购买新能源汽车的个人消费者，给予每辆3000元补贴。
三、扩大文旅消费
（四）对新评定的国家5A级旅游景区，给予一次性奖励300万元。
四、保障措施
（五）本措施自发布之日起施行，有效期至2026年12月31日。
"""
ARTICLE = """<div class="article"><h1>某市促进消费若干措施</h1>
<p>一、支持商贸企业发展</p>
<p>（一）对年度销售额首次突破5亿元的商贸企业，给予一次性奖励50万元。</p>
<p>（二）对新开设的品牌首店，给予最高20万元补贴。</p>
<p>二、促进汽车消费</p>
<p>（三）对购买新能源汽车的个人消费者，给予每辆3000元补贴。</p>
"""
PAGER_LINKS = ('<div class="page"><span>共3页</span> <a href="#">上一页</a> <a href="#">1</a> '
               '<a href="t2_2.html">2</a> <a href="t2_3.html">3</a> <a href="t2_2.html">下一页</a></div>')


def _page(tmp_path: Path, pager: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<html><head><meta charset='utf-8'><title>措施</title></head><body>{ARTICLE}{pager}"
                    "<div class='related'><a href='/next.html'>下一篇：关于印发某市稳就业措施的通知</a></div>"
                    "</div></body></html>", encoding="utf-8")
    return path


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


PAGERS = {
    "links": PAGER_LINKS,
    "trs-script": '<div id="pager"><script>createPageHTML(3, 0, "t20250101_123", "html");</script></div>',
}


@pytest.mark.parametrize("pager", list(PAGERS))
def test_the_first_page_of_three_is_a_cut_copy(tmp_path: Path, pager: str) -> None:
    report = revdiff.compare(str(_draft(tmp_path)), str(_page(tmp_path, PAGERS[pager])))
    assert [w for w in report.warnings if "第 1 页" in w and "page 1" in w]
    # the cut in the text is a finding (30万元 → 20万元); the pages not saved are none
    assert [(f.kind, f.draft_value, f.final_value) for f in report.findings] == [("funding_changed", "30", "20")]
    missing = [s.draft.number for s in report.sections if s.beyond_cut and s.draft]
    assert missing == ["三、", "（四）", "四、", "（五）"]
    assert report.to_dict()["summary"]["sections"]["beyond_cut"] == 4
    md = render(report, "md")
    text = md if isinstance(md, str) else md.decode("utf-8")
    assert "删除了" not in text.splitlines()[2]  # the lead deletes no section
    assert "复制件中缺 4" in text


def test_the_pager_is_not_text(tmp_path: Path) -> None:
    raw = read(str(_page(tmp_path, PAGER_LINKS)), DEFAULT_MAX_BYTES)
    assert not any("下一页" in b.text for b in raw.blocks)
    assert any("下一页" in b.text for b in raw.dropped)


def test_the_last_page_and_a_next_article_link_are_no_cut(tmp_path: Path) -> None:
    last = '<div id="pager"><script>createPageHTML(3, 2, "t20250101_123", "html");</script></div>'
    for pager in (last, ""):  # the last page; a page with only a 下一篇 (next article) link
        raw = read(str(_page(tmp_path, pager)), DEFAULT_MAX_BYTES)
        assert raw.cut_line is None and not raw.warnings
