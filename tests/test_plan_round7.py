"""Seventh held-out round (benchmarks/README.md): the general rules its misses called for, each
tested on invented wordings other than the corpus pairs'.

- an 附件 table the text cites for its figures is compared when both versions have it, and a
  column whose header gives the unit (补贴标准（元/亩）) makes its bare numbers amounts;
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.classify.agencies import units_of
from revdiff.classify.eligibility import conditions_of
from revdiff.classify.extract import find_text_targets
from revdiff.model import Node


def findings(tmp_path: Path, draft: str, final: str, prefix: tuple[str, ...] = ("funding", "target")) -> list[Any]:
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    return [f for f in report.findings if f.kind.startswith(prefix)]


def brief(fs: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((f.kind, f.direction or "", f.draft_value or "", f.final_value or "", f.unit or "", f.per or "")
                  for f in fs)


# ------------------------------------------------ an annex table both versions keep

_FOREST = """{title}
一、补助对象
在本市行政区域内从事林下种植的农户和合作社。
二、补助标准
对新发展林下中药材种植的，按照附件规定的标准给予补助。
三、资金来源
补助资金由市级财政统筹安排。
附件
林下经济补助标准
品种\t种植方式\t补助标准（元/亩）
{rows}
"""
_ROWS = ["黄精\t仿野生\t800", "黄精\t林下套种\t500", "白及\t仿野生\t1200", "白及\t林下套种\t600"]


def test_an_annex_table_both_versions_cite_is_compared_row_by_row(tmp_path: Path) -> None:
    draft = _FOREST.format(title="林下经济发展补助办法（试行）（征求意见稿）", rows="\n".join(_ROWS))
    # the final reorders the rows, cuts 白及 仿野生 1200 → 1000 and drops 黄精 林下套种
    final = _FOREST.format(title="林下经济发展补助办法（试行）",
                           rows="\n".join(["白及\t林下套种\t600", "白及\t仿野生\t1000", "黄精\t仿野生\t800"]))
    fs = findings(tmp_path, draft, final)
    assert brief(fs) == [("funding_changed", "lowered", "1200", "1000", "元", "亩"),
                         ("funding_removed", "", "500", "", "元", "亩")]
    # each row is named by its two levels, not by the repeated first cell
    assert {f.subject for f in fs} == {"白及（仿野生）", "黄精（林下套种）"}


def test_an_annex_no_text_cites_stays_out_of_the_comparison(tmp_path: Path) -> None:
    draft = _FOREST.format(title="林下经济发展补助办法（征求意见稿）", rows="\n".join(_ROWS)).replace(
        "按照附件规定的标准给予补助", "给予补助")
    final = draft.replace("（征求意见稿）", "").replace("1200", "1000")
    assert findings(tmp_path, draft, final) == []


# ------------------------------------------------------------- the scope of a goal

def _node(text: str, title: str = "重点任务") -> Node:
    return Node("heading", 2, "（一）", title, text, 1, 1)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("实施农村电网巩固提升工程，覆盖山区9个乡镇，受益群众4.6万人。", [("9", "个"), ("4.6", "万人")]),
    ("健全县乡村三级养老服务网络，服务覆盖85%以上的农村社区。", [("85", "%")]),
    ("发展庭院经济，带动脱贫户2300户增收。", [("2300", "户")]),
    ("开展老旧管网更新，涉及住户6800户。", [("6800", "户")]),
    ("项目涉及资金3.2亿元。", []),  # money a project involves is its size, not a scope
])
def test_the_scope_of_a_goal_is_a_target(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


def test_a_narrowed_scope_is_a_lowered_target(tmp_path: Path) -> None:
    draft = "某县燃气管道老化更新改造方案（征求意见稿）\n一、改造任务\n改造燃气庭院管网86公里，惠及居民2.4万户。\n"
    final = "某县燃气管道老化更新改造方案\n一、改造任务\n改造燃气庭院管网86公里，惠及居民1.9万户。\n"
    assert brief(findings(tmp_path, draft, final)) == [("target_changed", "lowered", "2.4", "1.9", "万户", "")]


# ---------------------------------------------------- 基本情况 is the status quo

def test_an_updated_figure_of_the_basic_situation_is_no_target(tmp_path: Path) -> None:
    body = "一、基本情况\n全县现有养老机构42家，护理型床位占比达到{share}。\n二、工作目标\n到2026年，护理型床位占比达到{goal}。\n"
    draft = "某县养老服务体系建设实施方案（征求意见稿）\n" + body.format(share="48%", goal="60%")
    final = "某县养老服务体系建设实施方案\n" + body.format(share="49.5%", goal="55%")
    assert brief(findings(tmp_path, draft, final)) == [("target_changed", "lowered", "60", "55", "%", "")]


# ------------------------------------------------------------------ lead units

@pytest.mark.parametrize(("text", "leads", "every"), [
    ("（牵头单位：区教育局；配合单位：区财政局、区人力资源社会保障局）", ["区教育局"], 3),
    ("（牵头部门：县卫生健康局　责任部门：各乡镇人民政府）", ["县卫生健康局"], 2),
    ("（由市交通运输局牵头，市公安局、市城管局配合）", ["市交通运输局"], 3),
    ("（市商务局、市文化广电旅游局牵头）", ["市商务局", "市文化广电旅游局"], 2),
    ("（责任单位：市发展改革委（牵头）、市财政局、市自然资源局）", ["市发展改革委"], 3),
    ("推进标准化建设。\n责任单位：区市场监管局(牵头)、区司法局\n", ["区市场监管局"], 2),
    ("推进标准化建设。\n责任单位：区市场监管局、区司法局\n", [], 2),  # no lead named
    ("鼓励企业担任标准制定牵头企业，给予最高5万元奖励。", [], 0),  # no unit of government
])
def test_the_units_a_measure_names(text: str, leads: list[str], every: int) -> None:
    got = units_of(text)
    assert (got.leads, len(got.every)) == (leads, every)


_WORK = """某区城市更新2025年工作方案{tag}
一、重点任务
（一）推进老旧街区改造。完成街区立面整治12条。（{one}）
（二）完善社区养老设施。新建社区嵌入式养老服务站6个。（{two}）
"""


def test_a_lead_unit_that_changes_or_goes_is_a_medium_finding(tmp_path: Path) -> None:
    draft = _WORK.format(tag="（征求意见稿）", one="区住房城乡建设局牵头，区城管局、各街道配合",
                         two="牵头单位：区民政局；配合单位：区卫生健康局")
    # the lead of (一) passes to a unit that supported it; (二) is left to the 街道 with no lead
    final = _WORK.format(tag="", one="区城管局牵头，区住房城乡建设局、各街道配合", two="责任单位：各街道办事处")
    fs = findings(tmp_path, draft, final, ("agency",))
    assert sorted((f.severity, f.draft_value, f.final_value) for f in fs) == [
        ("medium", "区住房城乡建设局", "区城管局"), ("medium", "区民政局", None)]
    assert sorted(f.note for f in fs) == [
        "定稿不再明确牵头单位（原为区民政局）。责任单位变化：删去区卫生健康局、区民政局；新增各街道办事处。",
        "牵头单位由区住房城乡建设局改为区城管局。"]


def test_a_supporting_unit_added_is_a_low_finding(tmp_path: Path) -> None:
    draft = _WORK.format(tag="（征求意见稿）", one="区住房城乡建设局牵头，区城管局配合",
                         two="牵头单位：区民政局；配合单位：区卫生健康局")
    final = _WORK.format(tag="", one="区住房城乡建设局牵头，区城管局、区财政局配合",
                         two="牵头单位：区民政局；配合单位：区卫生健康局")
    fs = findings(tmp_path, draft, final, ("agency",))
    assert [(f.severity, f.draft_value, f.final_value, f.subject) for f in fs] == [
        ("low", None, None, "推进老旧街区改造")]


# ------------------------------------------------------------ eligibility conditions

_GUIDE = """某市{year}年度专精特新中小企业奖励实施细则{tag}
一、奖励标准
对新认定的市级专精特新中小企业，给予一次性奖励{award}万元。
二、认定条件
1.在本市注册登记，成立满{age}年；
2.上年度主营业务收入{revenue}万元以上；
3.资产负债率低于{debt}%；
4.研发投入占营业收入比例不低于3%；
5.近三年内未发生重大安全生产事故。
三、支持发展条件
到2026年，创新平台覆盖率不低于{cover}%。
"""


def _guide(tag: str = "", year: str = "2025", award: str = "20", age: str = "三", revenue: str = "1000",
           debt: str = "70", cover: str = "80") -> str:
    return _GUIDE.format(tag=tag, year=year, award=award, age=age, revenue=revenue, debt=debt, cover=cover)


def test_conditions_are_read_under_a_heading_that_names_them(tmp_path: Path) -> None:
    (tmp_path / "g.txt").write_text(_guide(), encoding="utf-8")
    part = revdiff.outline(str(tmp_path / "g.txt")).parts[0]
    got = [(c.measure, c.value, c.unit, c.comparator) for c in conditions_of(part)]
    # 支持发展条件 names no conditions of who may apply; 一、奖励标准 is the award, not a condition
    assert got == [("成立", "3", "年", "满"), ("上年度主营业务收入", "1000", "万元", "以上"),
                   ("资产负债率", "70", "%", "低于"), ("研发投入占营业收入比例", "3", "%", "不低于")]


def test_a_floor_lowered_and_a_ceiling_lowered_loosen_and_tighten(tmp_path: Path) -> None:
    draft = _guide(tag="（征求意见稿）")
    final = _guide(age="两", revenue="800", debt="60", cover="70")
    fs = findings(tmp_path, draft, final, ("threshold",))
    got = sorted((f.kind, f.direction, f.draft_value, f.final_value, f.unit, f.eligibility, f.severity) for f in fs)
    assert got == [("threshold_changed", "lowered", "1000", "800", "万元", "loosened", "medium"),
                   ("threshold_changed", "lowered", "3", "2", "年", "loosened", "medium"),
                   ("threshold_changed", "lowered", "70", "60", "%", "tightened", "high")]
    # a goal outside the conditions stays a goal (支持发展条件 names no conditions)
    assert brief(findings(tmp_path, draft, final, ("target",))) == [("target_changed", "lowered", "80", "70", "%", "")]


def test_the_award_of_a_conditions_list_is_no_condition(tmp_path: Path) -> None:
    text = ("某区科技企业奖励办法\n一、奖励对象\n对符合以下条件的企业，给予不超过{cap}万元的奖励：\n"
            "1.上年度固定资产投资不低于{rd}万元；\n2.拥有有效发明专利3件以上。\n")
    fs = findings(tmp_path, text.format(cap="50", rd="500"), text.format(cap="40", rd="800"), ("threshold", "funding"))
    assert brief(fs) == [("funding_changed", "lowered", "50", "40", "万元", ""),
                         ("threshold_changed", "raised", "500", "800", "万元", "")]


_MEASURES = """某县促进工业经济稳增长若干措施{tag}
一、支持企业扩大规模
对年营业收入首次超过{rev}亿元的规模以上工业企业，给予30万元奖励。
{cut}二、支持技术改造
对设备投资额在{inv}万元以上的技术改造项目，按设备投资额的8%给予补助。
"""


def test_who_qualifies_for_a_pledge_is_a_condition(tmp_path: Path) -> None:
    draft = _MEASURES.format(tag="（征求意见稿）", rev="2", inv="500", cut="")
    final = _MEASURES.format(tag="", rev="5", inv="300", cut="")
    fs = findings(tmp_path, draft, final, ("threshold", "funding"))
    assert sorted((f.kind, f.direction, f.draft_value, f.final_value, f.unit, f.eligibility) for f in fs) == [
        ("threshold_changed", "lowered", "500", "300", "万元", "loosened"),
        ("threshold_changed", "raised", "2", "5", "亿元", "tightened")]


def test_a_pledge_cut_with_who_qualifies_is_told_once(tmp_path: Path) -> None:
    draft = _MEASURES.format(tag="（征求意见稿）", rev="2", inv="500",
                             cut="对年纳税额首次超过1000万元的企业，给予10万元奖励。\n")
    final = _MEASURES.format(tag="", rev="2", inv="500", cut="")
    fs = findings(tmp_path, draft, final, ("threshold", "funding"))
    assert brief(fs) == [("funding_removed", "", "10", "", "万元", "")]


def test_a_condition_in_a_conditions_section_is_no_goal(tmp_path: Path) -> None:
    draft = _guide(tag="（征求意见稿）")
    final = draft.replace("（征求意见稿）", "").replace("4.研发投入占营业收入比例不低于3%；\n", "")
    fs = findings(tmp_path, draft, final, ("threshold", "target", "section"))
    assert [(f.kind, f.draft_value, f.eligibility) for f in fs] == [("threshold_removed", "3", "loosened")]


# ---------------------------------------------------------- milestones and bases

_PLAN = """某县文化旅游产业提升三年行动方案（2026—2028年）{tag}
一、发展目标
到2028年，全县旅游总收入{growth}，接待游客人次年均增长{visitors}。
二、年度安排
{years}
"""
_YEARS = ["到2026年，新创建A级旅游景区3家，培育乡村旅游重点村5个。",
          "到2027年，新创建A级旅游景区5家，培育乡村旅游重点村8个。",
          "到2028年，新创建A级旅游景区8家，培育乡村旅游重点村12个。"]


def test_a_growth_goal_restated_on_another_basis_is_redefined(tmp_path: Path) -> None:
    draft = _PLAN.format(tag="（征求意见稿）", growth="年均增长12%", visitors="10%", years="\n".join(_YEARS))
    final = _PLAN.format(tag="", growth="累计增长40%", visitors="8%", years="\n".join(_YEARS))
    fs = findings(tmp_path, draft, final)
    assert brief(fs) == [("target_changed", "lowered", "10", "8", "%", ""),
                         ("target_changed", "redefined", "12", "40", "%", "")]


def test_a_cut_middle_year_is_no_moved_milestone(tmp_path: Path) -> None:
    draft = _PLAN.format(tag="（征求意见稿）", growth="年均增长12%", visitors="10%", years="\n".join(_YEARS))
    final = _PLAN.format(tag="", growth="年均增长12%", visitors="10%", years="\n".join([_YEARS[0], _YEARS[2]]))
    fs = findings(tmp_path, draft, final, ("target", "deadline"))
    assert brief(fs) == [("target_removed", "", "5", "", "家", ""), ("target_removed", "", "8", "", "个", "")]


def test_a_milestone_that_slips_a_year_is_still_told(tmp_path: Path) -> None:
    draft = _PLAN.format(tag="（征求意见稿）", growth="年均增长12%", visitors="10%", years="\n".join(_YEARS))
    final = draft.replace("（征求意见稿）", "").replace("到2028年，全县旅游总收入", "到2029年，全县旅游总收入")
    fs = findings(tmp_path, draft, final, ("deadline",))
    assert [(f.draft_value, f.final_value, f.direction) for f in fs] == [("2028", "2029", "raised")]


_DIVISION = """某市优化营商环境重点任务分工方案{tag}
一、任务分工
序号\t重点任务\t牵头单位\t配合单位\t完成时限
{rows}
"""
_TASKS = ["1\t推行企业开办全程网办\t市市场监管局\t市税务局、市公安局\t2025年6月底",
          "2\t开展工程建设项目审批提速\t市住房城乡建设局\t市自然资源和规划局\t2025年9月底",
          "3\t建立涉企政策直达机制\t市发展改革委\t市财政局\t2025年12月底"]


def test_a_task_division_table_is_read_row_by_task(tmp_path: Path) -> None:
    draft = _DIVISION.format(tag="（征求意见稿）", rows="\n".join(_TASKS))
    # the final reorders the rows (renumbered), hands task 3 to 市财政局 and drops 市公安局 from task 1
    final = _DIVISION.format(tag="", rows="\n".join([
        "1\t建立涉企政策直达机制\t市财政局\t市发展改革委\t2025年12月底",
        "2\t推行企业开办全程网办\t市市场监管局\t市税务局\t2025年6月底",
        "3\t开展工程建设项目审批提速\t市住房城乡建设局\t市自然资源和规划局\t2025年9月底"]))
    fs = findings(tmp_path, draft, final, ("agency",))
    assert sorted((f.subject, f.severity, f.draft_value, f.final_value) for f in fs) == [
        ("建立涉企政策直达机制", "medium", "市发展改革委", "市财政局"),
        ("推行企业开办全程网办", "low", None, None)]


# ----------------------------------------------------------------- the report's lead

def test_the_lead_says_who_is_now_in_or_out_and_who_leads(tmp_path: Path) -> None:
    from revdiff.render import facts
    from revdiff.render.i18n import strings

    draft = _guide(tag="（征求意见稿）") + "四、保障措施\n加强政策宣传。（牵头单位：市工业和信息化局；配合单位：市财政局）\n"
    final = _guide(revenue="800", debt="60") + "四、保障措施\n加强政策宣传。（牵头单位：市财政局；配合单位：市工业和信息化局）\n"
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    zh = facts.lead(report, strings("zh")).sentence
    assert "收紧了 1 项申报条件" in zh and "放宽了 1 项申报条件" in zh
    assert "1 项措施的牵头单位改变或不再明确" in zh
    assert "数量标准" not in zh  # the conditions are not counted twice
    en = facts.lead(report, strings("en")).sentence
    assert "tightens eligibility conditions: 1" in en and "changes or drops the lead unit of measures: 1" in en


def test_the_html_badge_of_a_condition_says_loosened_or_tightened(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    from revdiff.render.html import render_html

    (tmp_path / "d.txt").write_text(_guide(tag="（征求意见稿）"), encoding="utf-8")
    (tmp_path / "f.txt").write_text(_guide(revenue="800", debt="60"), encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    soup = BeautifulSoup(render_html(report), "html.parser")
    badges = {b.get_text(strip=True): b["class"] for b in soup.select("span.direction")}
    # a tightened condition is bad news for applicants, shown like a cut; a loosened one like a rise
    assert badges == {"收紧": ["direction", "dir-lowered"], "放宽": ["direction", "dir-raised"]}
