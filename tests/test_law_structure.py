"""The law genre reads 编/章/节/条: articles with 款/项 in their body, 条旨, 之一, 题注 and 目录."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import revdiff
from revdiff.genres import law
from revdiff.model import Document, Node

from .conftest import SAMPLES
from .test_nothing_lost import _chars, accounted

LAWS = Path(__file__).resolve().parent / "laws"
CN = "一二三四五六七八九十"


def _numbers(first: int, last: int) -> list[str]:
    """第一条 … as written, for 1 ≤ n ≤ 99."""
    def cn(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else CN[tens - 1]) + "十" if tens else "") + (CN[ones - 1] if ones else "")
    return [f"第{cn(n)}条" for n in range(first, last + 1)]


def _chapters(doc: Document) -> list[Node]:
    return [n for n in doc.parts[0].sections if n.unit == "章"]


# 统计法 2009 and 2024: seven chapters, the first article of each read off the texts
STATISTICS = {
    "statistics-law-2009.md": [("总则", 1), ("统计调查管理", 11), ("统计资料的管理和公布", 20),
                               ("统计机构和统计人员", 27), ("监督检查", 32), ("法律责任", 37), ("附则", 48), (None, 51)],
    "statistics-law-2024.md": [("总则", 1), ("统计调查管理", 13), ("统计资料的管理和公布", 23),
                               ("统计机构和统计人员", 30), ("监督检查", 35), ("法律责任", 40), ("附则", 51), (None, 54)],
}


@pytest.mark.parametrize("name", sorted(STATISTICS))
def test_statistics_law_has_seven_chapters_with_their_articles(name: str) -> None:
    doc = revdiff.outline(str(LAWS / name))
    assert doc.genre == "law"
    assert doc.parts[0].title == "中华人民共和国统计法"
    chapters = _chapters(doc)
    expected = STATISTICS[name]
    assert [c.title for c in chapters] == [t for t, _ in expected[:-1]]
    assert [c.number for c in chapters] == [f"第{CN[k]}章" for k in range(7)]
    for chapter, (_, first), (_, nxt) in zip(chapters, expected, expected[1:], strict=False):
        assert [a.number for a in chapter.children] == _numbers(first, nxt - 1)
        assert all(a.unit == "条" and a.title == "" and a.kind == "heading" for a in chapter.children)
    # the 题注 (adoption history) is the preamble, not a section
    assert "全国人民代表大会常务委员会" in doc.parts[0].text


def test_an_article_has_no_title_and_its_paragraphs_and_items_are_its_body() -> None:
    doc = revdiff.outline(str(LAWS / "statistics-law-2009.md"))
    arts = {a.number: a for c in _chapters(doc) for a in c.children}
    third = arts["第三条"]
    assert third.title == "" and third.text.startswith("国家建立集中统一的统计系统")
    # 第三十八条 lists five 项 and ends with a second 款: all one article, no children
    a38 = arts["第三十八条"]
    assert a38.children == []
    assert "（一）未经批准擅自组织实施统计调查的；" in a38.text
    assert a38.text.rstrip().endswith("统计人员有前款第三项至第五项所列行为之一的，责令改正，依法给予处分。")
    assert json.loads(json.dumps(_clauses(a38))) == {"款": 2, "项": 5, "目": 0}


def _clauses(node: Node) -> dict[str, int]:
    from revdiff.genres.law import clause_counts

    return clause_counts(node.text)


def test_every_character_of_a_law_is_accounted_for() -> None:
    for name in ("statistics-law-2024.md", "animal-husbandry-law-2015.md", "open-data-measures-draft.txt",
                 "shanghai-building-materials-1999.md"):
        path = LAWS / name
        doc = revdiff.outline(str(path))
        assert accounted(doc) == _chars(path.read_text(encoding="utf-8")), name


SYNTHETIC = """\
某省农药经营管理条例

（2021年5月27日某省第十三届人民代表大会常务委员会第二十八次会议通过　2024年9月25日修正）

目　　录

第一章　总　　则
第二章　经营许可
　第一节　一般规定
　第二节　限制使用农药
第三章　附　　则

第一章　总　　则

**第一条**　为了加强农药经营管理，制定本条例。

第2条 本条例适用于本省行政区域内的农药经营活动。

第二章　经营许可

第一节　一般规定

第三条【许可条件】从事农药经营的，应当具备下列条件：
（一）有农学、植保、农药等相关专业中专以上学历的技术人员；
（二）有与经营规模相适应的营业场所；
1. 营业场所面积不少于三十平方米；
2. 仓储场所与营业场所分开。

第三条之一 【经营档案】农药经营者应当建立经营档案。

第二节　限制使用农药

第四条　经营限制使用农药的，应当具备相应的专业人员。

第三章　附　　则

第五条　本条例自2025年1月1日起施行。
"""


def test_synthetic_regulation_structure(tmp_path: Path) -> None:
    path = tmp_path / "regulation.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    doc = revdiff.outline(str(path))
    assert doc.genre == "law"
    part = doc.parts[0]
    assert part.title == "某省农药经营管理条例"
    # the 目录 lists the chapters once more: preamble, never sections
    assert [(c.number, c.title) for c in part.sections] == [("第一章", "总则"), ("第二章", "经营许可"), ("第三章", "附则")]
    assert "目" in part.text and "限制使用农药" in part.text
    ch1, ch2, ch3 = part.sections
    assert [a.number for a in ch1.children] == ["第一条", "第2条"]
    assert ch1.children[0].text == "为了加强农药经营管理，制定本条例。"  # bold marks are formatting
    assert [(s.number, s.title, s.unit) for s in ch2.children] == [("第一节", "一般规定", "节"), ("第二节", "限制使用农药", "节")]
    sec1 = ch2.children[0]
    assert [(a.number, a.title) for a in sec1.children] == [("第三条", "许可条件"), ("第三条之一", "经营档案")]
    art3 = sec1.children[0]
    assert art3.children == [] and art3.text.startswith("从事农药经营的")
    assert _clauses(art3) == {"款": 1, "项": 2, "目": 2}
    assert sec1.children[1].text == "农药经营者应当建立经营档案。"
    assert [a.number for a in ch3.children] == ["第五条"]
    assert accounted(doc) == _chars(SYNTHETIC)


@pytest.mark.parametrize(("line", "number", "title", "value"), [
    ("第五条【激励措施】本市鼓励……", "第五条", "激励措施", (5, 0)),
    ("第五条 【激励措施】 本市鼓励……", "第五条", "激励措施", (5, 0)),
    ("第十条之一　国家……", "第十条之一", "", (10, 1)),
    ("第一百零五条 ……", "第一百零五条", "", (105, 0)),
    ("第12条国家……", "第12条", "", (12, 0)),
    ("## 第一章 总 则", "第一章", "总则", (1, 0)),
    ("**第四条**　……", "第四条", "", (4, 0)),
])
def test_read_line(line: str, number: str, title: str, value: tuple[int, int]) -> None:
    got = law.read_line(line)
    assert got is not None
    assert (got.number, got.title, got.value) == (number, title, value)


@pytest.mark.parametrize("line", [
    "第十二条规定的统计调查项目，应当……",  # a sentence citing an article
    "第二章规定的事项，依照……",
    "第三章 本章所称的主管部门，是指县级以上人民政府农业农村主管部门，负责……",
    "（一）未经批准擅自组织实施统计调查的；",
])
def test_lines_that_open_no_article_or_chapter(line: str) -> None:
    assert law.read_line(line) is None


def test_genre_is_detected_per_document() -> None:
    assert revdiff.outline(str(LAWS / "animal-husbandry-law-2015.md")).genre == "law"
    for path in sorted(SAMPLES.glob("*.txt")):
        assert revdiff.outline(str(path)).genre == "plan", path.name


def test_genre_can_be_forced() -> None:
    doc = revdiff.outline(str(LAWS / "statistics-law-2009.md"), genre="plan")
    assert doc.genre == "plan"
    assert not any(n.unit for n in doc.parts[0].nodes())


def test_outline_cli_shows_chapters_articles_and_clauses() -> None:
    path = str(LAWS / "statistics-law-2009.md")
    text = subprocess.run([sys.executable, "-m", "revdiff", "outline", path], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "\n  第一章 总则  [" in text
    assert "\n    第三十八条  2款 5项  县级以上人民政府统计机构或者有关部门在组…" in text
    data = json.loads(subprocess.run([sys.executable, "-m", "revdiff", "outline", path, "--format", "json"],
                                     capture_output=True, text=True, encoding="utf-8", check=True).stdout)
    ch6 = data["parts"][0]["sections"][5]
    assert (ch6["number"], ch6["title"], ch6["unit"]) == ("第六章", "法律责任", "章")
    assert ch6["children"][1]["clauses"] == {"款": 2, "项": 5, "目": 0}
    bad = subprocess.run([sys.executable, "-m", "revdiff", "outline", path, "--genre", "novel"],
                         capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_each_part_of_a_bundle_has_its_own_genre(tmp_path: Path) -> None:
    # a plan issued by a 通知 together with a 管理办法 (an attachment) of more articles than
    # the plan has 一、 headings: the plan keeps its headings, the 办法 its articles
    plan = "\n".join(["某市养老服务体系建设实施方案", "",
                      "一、总体要求", "到2026年，建成覆盖城乡的养老服务网络。", "",
                      "二、主要任务", "（一）发展社区养老。每个街道至少建设1处综合养老服务中心。", ""])
    rules = "\n".join(["附件", "", "某市社区养老服务设施管理办法", ""] +
                      [f"第{c}条 社区养老服务设施应当符合第{c}项管理要求，由街道办事处负责日常管理。" for c in "一二三四五"])
    path = tmp_path / "bundle.txt"
    path.write_text(plan + "\n" + rules + "\n", encoding="utf-8")
    doc = revdiff.outline(str(path))
    genres = {p.title: p.genre for p in doc.parts}
    assert genres == {"某市养老服务体系建设实施方案": "plan", "某市社区养老服务设施管理办法": "law"}
    assert [n.number for n in doc.parts[0].sections] == ["一、", "二、"]
    assert [n.number for n in doc.parts[1].sections] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert doc.genre == "law"  # the longest part


CODE = """\
# 某省生态环境保护条例

2019年3月28日某省第十三届人民代表大会常务委员会第十次会议通过

<!-- INFO END -->

## 第一编 总则

### 第一章 一般规定

第一条 为了保护和改善生态环境，制定本条例。

### 第二章 监督管理

#### 第一节 规划

第二条 县级以上人民政府应当编制生态环境保护规划。

第二条之一 生态环境保护规划应当向社会公开。

## 第二编 分则

### 第一章 大气污染防治

第三条 禁止露天焚烧秸秆。
"""


def test_parts_chapters_sections_and_a_short_adoption_note(tmp_path: Path) -> None:
    path = tmp_path / "code.md"
    path.write_text(CODE, encoding="utf-8")
    doc = revdiff.outline(str(path))
    part = doc.parts[0]
    # a short dated 题注 line under the title is the preamble, not the rest of the title
    assert part.title == "某省生态环境保护条例"
    assert part.text.startswith("2019年3月28日")

    def tree(nodes: list[Node]) -> list[object]:
        return [(n.unit, n.number, n.title, tree(n.children)) if n.children else (n.unit, n.number) for n in nodes]

    assert tree(part.sections) == [
        ("编", "第一编", "总则", [
            ("章", "第一章", "一般规定", [("条", "第一条")]),
            ("章", "第二章", "监督管理", [("节", "第一节", "规划", [("条", "第二条"), ("条", "第二条之一")])]),
        ]),
        ("编", "第二编", "分则", [("章", "第一章", "大气污染防治", [("条", "第三条")])]),
    ]
    assert accounted(doc) == _chars(CODE)
