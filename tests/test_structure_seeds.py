"""The parser on the real seed documents: the facts a reviewer checks by eye."""

from __future__ import annotations

import pytest

import revdiff
from revdiff.model import Document, Node

from .conftest import SAMPLES


def load(name: str) -> Document:
    return revdiff.outline(str(SAMPLES / name))


def titles(nodes: list[Node]) -> list[str]:
    return [n.title for n in nodes]


@pytest.fixture(scope="module")
def draft() -> Document:
    return load("yantai-ip-strategy-draft.txt")


@pytest.fixture(scope="module")
def official() -> Document:
    return load("yantai-notice-official.txt")


def test_yantai_draft_chapters(draft: Document) -> None:
    part = draft.parts[0]
    assert titles(part.sections) == ["发展基础", "面临的机遇与挑战", "总体要求与发展目标", "主要任务", "保障措施"]
    assert all(n.level == 1 for n in part.sections)


def test_yantai_draft_boxes_table_and_misnumbered_heading(draft: Document) -> None:
    nodes = draft.parts[0].nodes()
    boxes = [n for n in nodes if n.kind == "box"]
    assert [b.number for b in boxes] == ["专栏1", "专栏2", "专栏3", "专栏4"]
    tables = [n for n in nodes if n.kind == "table"]
    assert len(tables) == 1 and len(tables[0].rows or []) == 9  # 1 header + 8 rows
    assert all(len(r) == 5 for r in tables[0].rows or [])
    challenge = next(n for n in nodes if n.title == "面临的挑战")
    assert challenge.level == 2 and challenge.number == "（2）"


def test_no_bookmarks_anywhere(draft: Document) -> None:
    for n in draft.parts[0].nodes():
        assert "[bookmark" not in n.title + n.text
    assert "[bookmark" not in draft.parts[0].text


def test_official_bundle_parts(official: Document) -> None:
    kinds = [p.kind for p in official.parts]
    assert kinds == ["notice", "document", "document", "document"]
    ip = official.parts[3]
    assert "知识产权" in ip.title
    assert titles(ip.sections) == ["总体要求与发展目标", "主要任务", "保障措施"]
    table = next(n for n in ip.nodes() if n.kind == "table")
    assert len(table.rows or []) == 7  # 1 header + 6 rows
    assert official.metadata["文号"] == "烟政办发〔2021〕24号"


def test_official_page_break_rejoined_and_footer_outside_sections(official: Document) -> None:
    ip = official.parts[3]
    guide = next(n for n in ip.nodes() if n.title == "指导思想")
    assert "打造国际一流知识产权营商环境" in guide.text
    for p in official.parts:
        for n in p.nodes():
            assert "抄送" not in n.text
    # the 版记 at the end (抄送 list; the office, then on its own line the date …印发) is no
    # text of any part: its facts are the document's metadata
    assert not any("抄送" in p.text for p in official.parts)
    assert official.metadata["抄送"].startswith("市委有关部门")
    assert (official.metadata["印发机关"], official.metadata["印发日期"]) == ("烟台市人民政府办公室", "2021年12月31日")


def test_web_notice_metadata_and_no_chrome() -> None:
    web = load("yantai-notice-web.txt")
    assert web.metadata["索引号"] == "113706000042603877/2021-45792"
    assert web.metadata["发文机关"] == "烟台市人民政府办公室"
    chrome = ("当前位置", "下载 打印", "Produced By", "索引号")
    for p in web.parts:
        for n in p.nodes():
            assert not any(c in n.title + n.text for c in chrome)
    assert len(web.parts) == 4


def test_taian_flattened_numbering_is_four_siblings() -> None:
    doc = load("taian-ip-outline-draft.txt")
    part = doc.parts[0]
    assert titles(part.sections) == ["编制背景", "总体要求", "工作措施", "有关要求"]
    principles = next(n for n in part.nodes() if n.title == "工作原则")
    assert [c.kind for c in principles.children] == ["item", "item", "item"]
    assert principles.children[0].number == "一是"


def test_weihai_items_run_across_subsections_and_attachment() -> None:
    doc = load("weihai-ip-demo-city-plan-2018.txt")
    plan = next(p for p in doc.parts if p.kind == "document")
    assert titles(plan.sections) == ["总体要求", "重点任务", "保障措施"]
    tasks = plan.sections[1]
    numbers = [c.number for sub in tasks.children for c in sub.children]
    assert numbers == [f"{i}." for i in range(1, 22)]
    assert any(p.kind == "attachment" and "名单" in p.title for p in doc.parts)
    everything = "".join(p.text + "".join(n.title + n.text for n in p.nodes()) for p in doc.parts)
    assert "扫描二维码" not in everything and "国家药监局" not in everything
