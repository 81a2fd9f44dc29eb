"""The parser on invented documents of the genre (no seed strings): levels by context,
inline titles, boxes, tables in text layouts, bundles, attachments, chrome and page breaks."""

from __future__ import annotations

from pathlib import Path

import revdiff
from revdiff.model import Document


def parse_text(tmp_path: Path, text: str, name: str = "doc.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return revdiff.outline(str(path))


def test_flattened_numbering_and_misnumbered_level2(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "临江市数字经济发展行动方案",
        "为加快数字经济发展，制定本方案。",
        "1、 现状与形势",
        "（一）主要进展。全市数字经济规模稳步扩大。",
        "（2） 存在问题。算力供给仍然不足。",
        "2、 总体要求",
        "三、重点任务",
        "（一）夯实数字基础设施",
        "1.建设算力中心。到2026年，建成标准机架5000个。",
        "2.推进5G网络覆盖。实现重点区域全覆盖。",
        "四、保障措施",
    ]))
    part = doc.parts[0]
    assert part.title == "临江市数字经济发展行动方案"
    assert [n.title for n in part.sections] == ["现状与形势", "总体要求", "重点任务", "保障措施"]
    first = part.sections[0]
    assert [(c.number, c.title, c.level) for c in first.children] == [("（一）", "主要进展", 2), ("（2）", "存在问题", 2)]
    items = part.sections[2].children[0].children
    assert [(i.number, i.title) for i in items] == [("1.", "建设算力中心"), ("2.", "推进5G网络覆盖")]
    assert items[0].text == "到2026年，建成标准机架5000个。"


def test_box_items_then_outer_numbering_continues(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "一、主要任务",
        "（一）培育创新主体",
        "1.壮大科技企业。实施科技型企业梯次培育计划。",
        "2.支持研发平台。鼓励企业建设研发中心。",
        "专栏1 创新主体培育工程",
        "1.每年新认定高新技术企业100家。",
        "2.对新建省级研发平台给予最高20万元补助。",
        "3.建设中试基地3个。",
        "3.优化创新生态。完善科技金融服务。",
        "（二）强化人才支撑",
    ]))
    sub = doc.parts[0].sections[0].children[0]
    kinds = [(c.kind, c.number) for c in sub.children]
    assert kinds == [("heading", "1."), ("heading", "2."), ("box", "专栏1"), ("heading", "3.")]
    box = sub.children[2]
    assert box.title == "创新主体培育工程" and len(box.children) == 3
    assert doc.parts[0].sections[0].children[1].title == "强化人才支撑"


def test_tables_in_tab_rows_and_one_cell_per_line(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "一、发展目标",
        "（一）主要指标",
        "全市数字经济主要指标",
        "指标\t单位\t2023年\t2026年目标",
        "数字经济核心产业增加值\t亿元\t120\t200",
        "5G基站数量\t个\t3000\t6000",
        "（二）分项指标",
        "",
        "\t指标",
        "\t单位",
        "\t目标值",
        "",
        "\t工业互联网平台",
        "\t个",
        "\t≥15",
        "",
    ]))
    tables = [n for n in doc.parts[0].nodes() if n.kind == "table"]
    assert len(tables) == 2
    assert tables[0].title == "全市数字经济主要指标" and tables[0].rows == [
        ["指标", "单位", "2023年", "2026年目标"], ["数字经济核心产业增加值", "亿元", "120", "200"], ["5G基站数量", "个", "3000", "6000"]]
    assert tables[1].rows == [["指标", "单位", "目标值"], ["工业互联网平台", "个", "≥15"]]


def test_notice_bundle_with_attachment_and_footer(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "临江市人民政府办公室文件",
        "临政办发〔2024〕7号",
        "临江市人民政府办公室关于印发临江市数字乡村建设方案的通知",
        "各县区人民政府，市直各部门：",
        "《临江市数字乡村建设方案》已经市政府同意，现印发给你们，请认真贯彻执行。",
        "临江市人民政府办公室",
        "2024年3月8日",
        "（此件公开发布）",
        "临江市数字乡村建设方案",
        "为推进数字乡村建设，制定本方案。",
        "一、工作目标",
        "到2026年，建成数字乡村示范村50个。",
        "二、重点任务",
        "（一）完善乡村信息基础设施。推动光纤网络向自然村延伸。",
        "附件",
        "临江市数字乡村建设工作专班名单",
        "组长：某某 副市长",
        "抄送：市委办公室，市人大常委会办公室。",
        "临江市人民政府办公室 2024年3月8日印发",
    ]))
    assert [p.kind for p in doc.parts] == ["notice", "document", "attachment"]
    assert doc.parts[1].title == "临江市数字乡村建设方案"
    assert [n.title for n in doc.parts[1].sections] == ["工作目标", "重点任务"]
    assert doc.parts[2].title == "临江市数字乡村建设工作专班名单"
    assert doc.metadata["文号"] == "临政办发〔2024〕7号"
    assert doc.metadata["成文日期"] == "2024年3月8日"
    for p in doc.parts:
        for n in p.nodes():
            assert "抄送" not in n.text


def test_web_chrome_metadata_page_numbers_and_page_break(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "当前位置：首页 > 政务公开 > 政策文件",
        "索引号：11370000XX/2024-00012 发文机关：临江市科学技术局",
        "成文日期：2024-05-06 发布日期：2024-05-08",
        "临江市科技创新券管理办法",
        "第一章 总则",
        "第一条 为规范科技创新券管理，提高财政资金使用效益，根据有关规定，结合本市实际，制定",
        "",
        "— 2 —",
        "",
        "本办法。",
        "第二条 本办法适用于本市注册的中小企业。",
        "打印本页 关闭窗口",
        "扫描二维码 关注我们",
    ]))
    assert doc.metadata["索引号"] == "11370000XX/2024-00012"
    assert doc.metadata["发文机关"] == "临江市科学技术局"
    part = doc.parts[0]
    chapter = part.sections[0]
    assert (chapter.number, chapter.title) == ("第一章", "总则")
    first = chapter.children[0]
    assert first.number == "第一条" and first.text.endswith("制定本办法。")
    everything = "".join(n.title + n.text for n in part.nodes()) + part.text
    for chrome in ("当前位置", "— 2 —", "打印本页", "二维码"):
        assert chrome not in everything


def test_items_are_not_headings(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "\n".join([
        "一、基本原则",
        "一是坚持需求导向。聚焦企业所需。",
        "二是坚持开放合作。",
        "--创新能力明显增强。研发投入持续增长。",
    ]))
    kids = doc.parts[0].sections[0].children
    assert [(k.kind, k.number) for k in kids] == [("item", "一是"), ("item", "二是"), ("item", "--")]


def test_numbering_that_restarts_six_hundred_times_stays_flat(tmp_path) -> None:
    # a document whose 一、…（一）… restart over and over (several short notices pasted into
    # one file): each 一、 is a new top-level heading, never a child of the （一） before it
    import revdiff

    lines = ["测试文件汇编"]
    for _ in range(600):
        lines += ["一、总体要求", "（一）指导思想", "坚持问题导向。"]
    path = tmp_path / "restart.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = revdiff.outline(str(path))
    top = doc.parts[0].sections
    assert len(top) == 600
    assert all(n.number == "一、" and [c.number for c in n.children] == ["（一）"] for n in top)
    assert max(len(n.walk()) for n in top) == 2
