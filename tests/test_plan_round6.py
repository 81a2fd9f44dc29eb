"""Sixth held-out round (benchmarks/README.md): the general rules its misses called for, each
tested on invented wordings other than the corpus pairs'.

- a project's 总投资 in a 重大工程 专栏 is its size, not a pledge;
- a 方案's service time limits (压缩至N个工作日以内, N小时以内, N个工作日内办结) are goals;
- a cumulative goal with no verb (新增就业累计30万人), counts of 盏, a task verb after who it is for;
- clauses after a ； go on with the pledge of the clause before (博士…给予生活补贴6万元；硕士…3万元);
- a final that moves award standards into an 附件 table it cites still states them there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.classify.extract import find_pledges, find_text_targets
from revdiff.model import Node


def _node(text: str, title: str = "重点任务") -> Node:
    return Node("heading", 2, "（一）", title, text, 1, 1)


def commitments(tmp_path: Path, draft: str, final: str) -> list[tuple[Any, ...]]:
    """(kind, direction, draft_value, final_value, unit) of the funding and target findings."""
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    return sorted((f.kind, f.direction or "", f.draft_value or "", f.final_value or "", f.unit or "")
                  for f in report.findings if f.kind.startswith(("funding", "target")))


# ------------------------------------------------------------ a project's size

@pytest.mark.parametrize(("sentence", "values"), [
    ("03 水利：青石水库扩容工程，新增库容1200万立方米，总投资28亿元。", []),
    ("城市轨道交通2号线一期工程全长24公里，计划总投资约156亿元，力争2028年建成通车。", []),
    ("项目总投资12亿元，其中市财政投资3亿元。", ["3"]),  # the public share stays a pledge
    ("市财政每年安排交通建设专项资金5亿元。", ["5"]),
])
def test_a_projects_total_investment_is_no_pledge(sentence: str, values: list[str]) -> None:
    assert [p.value for p in find_pledges(_node(sentence))] == values


# ------------------------------------------------------------- time limits of a plan

@pytest.mark.parametrize(("sentence", "expected"), [
    ("社会投资项目施工许可审批时间压缩至25个工作日以内。", [("25", "个工作日", "以内")]),
    ("企业注销办理时限缩短至5个工作日。", [("5", "个工作日", None)]),
    ("动产抵押登记2个工作日内办结。", [("2", "个工作日", "以内")]),
    ("出口退税平均办理时间压缩至6小时以内。", [("6", "小时", "以内")]),
    ("本方案自2026年1月1日起施行。", []),  # a date is no time limit
])
def test_service_time_limits_are_targets(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(t.value, t.unit, t.comparator) for t in find_text_targets(_node(sentence))] == expected


def test_a_longer_time_limit_and_a_dropped_one_are_reported(tmp_path: Path) -> None:
    head = "西湾区优化政务服务行动方案\n一、主要任务\n"
    draft = head + "（一）提速审批。水电气报装办理时限压缩至4个工作日，小微企业用水报装1个工作日内办结。\n"
    final = head + "（一）提速审批。水电气报装办理时限压缩至6个工作日。\n"
    assert commitments(tmp_path, draft, final) == [
        ("target_changed", "raised", "4", "6", "个工作日"), ("target_removed", "", "1", "", "个工作日")]


def test_a_laws_time_limits_stay_with_the_time_limit_rule(tmp_path: Path) -> None:
    draft = "某某市政务服务条例\n第一条 为了规范政务服务，制定本条例。\n第二条 行政机关应当自受理申请之日起10个工作日内办结。\n"
    final = "某某市政务服务条例\n第一条 为了规范政务服务，制定本条例。\n第二条 行政机关应当自受理申请之日起15个工作日内办结。\n"
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"), genre="law")
    kinds = [f.kind for f in report.findings]
    assert "deadline_changed" in kinds and "target_changed" not in kinds


# ------------------------------------------------ counts and cumulative goals

@pytest.mark.parametrize(("sentence", "expected"), [
    ("城镇新增就业累计30万人。", [("30", "万人")]),
    ("“十五五”时期农村劳动力转移就业累计15万人次。", [("15", "万人次")]),
    ("为全市中小学教室更换护眼灯具1.5万盏。", [("1.5", "万盏")]),
    ("为老旧小区加装电梯300部。", [("300", "部")]),
    ("截至2025年底，全市城镇新增就业累计28.6万人。", []),  # a past total
])
def test_cumulative_goals_and_counts_are_targets(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.value, t.unit) for t in find_text_targets(_node(sentence))] == expected


# ------------------------------------------------ a pledge that goes on across ；

@pytest.mark.parametrize("text", [
    "对新引进的全日制博士研究生，每人每年给予生活补贴6万元；硕士研究生每人每年3万元；本科毕业生每人每年1.2万元。",
    "对新落户的博士后，每月发放租房补贴3000元；硕士每月2000元；本科每月1200元。",
])
def test_clauses_after_a_semicolon_go_on_with_the_pledge(text: str) -> None:
    assert len(find_pledges(_node(text))) == 3
    assert find_text_targets(_node(text)) == []


def test_a_semicolon_after_a_goal_carries_no_pledge() -> None:
    text = "新建公办幼儿园15所；新增学位5400个。"
    assert find_pledges(_node(text)) == []
    assert [t.value for t in find_text_targets(_node(text))] == ["15", "5400"]


# ------------------------------------------------ standards moved into an 附件 table

_PLAN = "云岭镇人居环境整治提升方案\n一、重点任务\n"


@pytest.mark.parametrize(("header", "cited"), [
    ("补助对象\t补助标准\t备注", "（一）美丽庭院。对评定的美丽庭院按附件所列标准给予补助。\n（二）污水治理。完成农户污水管网接入，补助标准见附件。\n"),
    ("奖补对象\t奖补标准\t兑付方式", "（一）美丽庭院。对评定的美丽庭院依照附件标准给予奖补。\n（二）污水治理。完成农户污水管网接入的，按附件1给予补助。\n"),
])
def test_standards_moved_into_a_cited_annex_are_compared(tmp_path: Path, header: str, cited: str) -> None:
    draft = _PLAN + "（一）美丽庭院。对评定的美丽庭院每户奖励2000元。\n（二）污水治理。完成农户污水管网接入，每户补助800元。\n"
    final = (_PLAN + cited + "附件\n云岭镇人居环境整治奖补标准\n" + header + "\n"
             "评定的美丽庭院\t每户2000元\t一次性\n完成污水管网接入的农户\t每户600元\t验收后兑付\n")
    # 2000元 moved unchanged: nothing to report; 800元 → 600元 lowered
    assert commitments(tmp_path, draft, final) == [("funding_changed", "lowered", "800", "600", "元")]


def test_an_annex_the_text_does_not_cite_is_not_compared(tmp_path: Path) -> None:
    draft = _PLAN + "（一）美丽庭院。对评定的美丽庭院每户奖励2000元。\n"
    final = (_PLAN + "（一）美丽庭院。对评定的美丽庭院给予奖励。\n附件\n云岭镇2025年奖补发放情况\n"
             "奖补对象\t奖补标准\t备注\n评定的美丽庭院\t每户2000元\t已兑付\n")
    assert commitments(tmp_path, draft, final) == [("funding_changed", "lowered", "2000", "", "元")]


# ------------------------------------------------ the report: a goal stated twice is one goal

_GOALS = ("青州市“十五五”规划纲要\n第一章 主要目标\n第一节 主要指标\n"
          "全市地区生产总值年均增长{g}%左右，森林覆盖率达到{f}%。\n"
          "类别\t指标\t2025年\t2030年\t年均/累计\t属性\n"
          "经济发展\t地区生产总值增长（%）\t6.0\t—\t{g}左右\t预期性\n"
          "绿色生态\t森林覆盖率（%）\t40\t{f}\t—\t约束性\n")


def test_a_goal_in_the_text_and_the_table_is_counted_once_and_named_by_its_indicator(tmp_path: Path) -> None:
    from revdiff.render import facts
    from revdiff.render.i18n import strings

    (tmp_path / "d.txt").write_text(_GOALS.format(g="6", f="45"), encoding="utf-8")
    (tmp_path / "f.txt").write_text(_GOALS.format(g="5.5", f="45"), encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    changed = [f for f in report.findings if f.kind == "target_changed"]
    assert len(changed) == 2  # both places are cited in the list of changes
    assert any("地区生产总值" in (f.subject or "") and "|" in (f.draft_text or "") for f in changed)
    assert facts.target_counts(report.findings)["lowered"] == 1
    assert len(facts.lead(report, strings("zh")).lowered) == 1


# ------------------------------------------------ a longer time limit is a loosened goal

@pytest.mark.parametrize(("goal", "old", "new"), [
    ("（一）提速审批。工业项目施工许可审批时间压缩至{v}个工作日以内。", "12", "18"),
    ("（一）改善空气。到2027年，全市细颗粒物平均浓度降至{v}微克/立方米以下。", "30", "32"),
])
def test_a_time_limit_or_ceiling_that_rises_is_told_as_loosened(tmp_path: Path, goal: str, old: str, new: str) -> None:
    from revdiff.render import facts
    from revdiff.render.html import render_html
    from revdiff.render.i18n import strings

    head = "南屿区高质量发展行动方案\n一、主要任务\n"
    (tmp_path / "d.txt").write_text(head + goal.format(v=old) + "\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text(head + goal.format(v=new) + "\n", encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    (f,) = [f for f in report.findings if f.kind == "target_changed"]
    assert (f.direction, f.ambition, f.severity) == ("raised", "weaker", "high")
    assert "放宽" in f.note and "loosened" in f.note_en
    lead = facts.lead(report, strings("zh"))
    assert "放宽了 1 项" in lead.sentence and "提高" not in lead.sentence
    assert lead.loosened and len(lead.lowered) == 1
    html = render_html(report)
    assert "调低或放宽的目标" in html and ">放宽</span>" in html


def test_a_shorter_time_limit_is_told_as_tightened(tmp_path: Path) -> None:
    head = "南屿区高质量发展行动方案\n一、主要任务\n（一）提速审批。"
    (tmp_path / "d.txt").write_text(head + "不动产登记办理时限压缩至5个工作日。\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text(head + "不动产登记办理时限压缩至3个工作日。\n", encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    (f,) = [f for f in report.findings if f.kind == "target_changed"]
    assert (f.direction, f.ambition, f.severity) == ("lowered", "stronger", "medium")
    assert f.to_dict()["ambition"] == "stronger"


# ------------------------------------------------ the report: tiers named, a goal told once

@pytest.mark.parametrize(("text", "subjects"), [
    ("对符合条件的人才，按类别分档给予购房补贴：A类人才最高150万元，B类人才最高60万元。", ["A类人才", "B类人才"]),
    ("对新入选的领军人才，按层次给予生活补助：国家级领军人才每月6000元；省级领军人才每月3000元。",
     ["国家级领军人才", "省级领军人才"]),
])
def test_each_tier_of_a_tiered_subsidy_names_its_recipient(text: str, subjects: list[str]) -> None:
    got = [p.subject for p in find_pledges(_node(text, "安居保障"))]
    assert [s.rsplit("（", 1)[-1].rstrip("）") for s in got] == subjects


def test_a_per_head_yearly_amount_keeps_both_scopes_in_its_note(tmp_path: Path) -> None:
    head = "北岸区青年人才生活补贴实施方案\n一、补贴标准\n（一）生活补贴。"
    draft = head + "对新引进的博士，每人每年给予生活补贴5万元；硕士每人每年2万元。\n"
    final = head + "对新引进的博士，每人每年给予生活补贴5万元。\n"
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    (f,) = [f for f in revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt")).findings
            if f.kind == "funding_removed"]
    assert "硕士" in (f.subject or "") and "每人每年2万元" in f.note


@pytest.mark.parametrize("goal", ["每年筹集保障性租赁住房不少于{v}套", "每年组织招聘活动不少于{v}场"])
def test_a_goal_set_with_a_floor_in_a_regulation_is_told_once(tmp_path: Path, goal: str) -> None:
    text = "某某市人才服务管理办法\n第一条 为做好人才服务工作，制定本办法。\n第二条 {g}。\n第三条 本办法自2027年1月1日起施行。\n"
    (tmp_path / "d.txt").write_text(text.format(g=goal.format(v=500)), encoding="utf-8")
    (tmp_path / "f.txt").write_text(text.format(g=goal.format(v=300)), encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"), genre="law")
    told = [f.kind for f in report.findings if f.draft_value == "500"]
    assert told == ["target_changed"]


@pytest.mark.parametrize(("text", "subject"), [
    ("对新创建的省级示范村每村奖补100万元，奖补资金用于村内基础设施建设。", "省级示范村"),
    ("对完成危房改造的农户每户补助3万元。", "完成危房改造的农户"),
])
def test_the_recipient_ends_before_the_per_unit_amount(text: str, subject: str) -> None:
    assert [p.subject for p in find_pledges(_node(text))] == [subject]


def test_a_cited_annex_table_raises_no_warning_of_a_dropped_table(tmp_path: Path) -> None:
    draft = _PLAN + "（一）美丽庭院。对评定的美丽庭院每户奖励2000元。\n"
    final = (_PLAN + "（一）美丽庭院。对评定的美丽庭院按附件所列标准给予奖励。\n附件\n云岭镇人居环境整治奖补标准\n"
             "奖补对象\t奖补标准\t备注\n评定的美丽庭院\t每户2500元\t一次性\n")
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    assert report.warnings == []
    assert [(f.kind, f.direction) for f in report.findings if f.kind.startswith("funding")] == [
        ("funding_changed", "raised")]


@pytest.mark.parametrize(("text", "subject"), [
    ("以上项目市级财政安排资金约12.5亿元，由各责任单位组织实施。", "以上项目"),
    ("上述工程县财政投入2亿元。", "上述工程"),
    ("市财政每年安排交通建设专项资金5亿元。", "保障措施"),  # no name before the payer: the section's
    ("各级财政安排资金3亿元。", "保障措施"),  # 各级 names no purpose
])
def test_what_the_money_is_for_may_be_named_before_who_pays(text: str, subject: str) -> None:
    assert [p.subject for p in find_pledges(_node(text, "保障措施"))] == [subject]


@pytest.mark.parametrize(("item", "kind"), [
    ("3.为全市中小学教室更换护眼灯具1.5万盏。", "target_removed"),
    ("3.对新认定的星级农家乐每家奖励2万元。", "funding_removed"),
])
def test_a_one_sentence_item_cut_with_its_commitment_is_told_once(tmp_path: Path, item: str, kind: str) -> None:
    head = "关于2027年区级民生实事项目的安排\n一、项目清单\n1.新建公办幼儿园3所。\n2.新增养老床位200张。\n"
    tail = "4.新增公共充电桩500个。\n"
    (tmp_path / "d.txt").write_text(head + item + "\n" + tail, encoding="utf-8")
    (tmp_path / "f.txt").write_text(head + tail.replace("4.", "3."), encoding="utf-8")
    report = revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))
    assert [f.kind for f in report.findings if f.kind.endswith("_removed")] == [kind]


@pytest.mark.parametrize(("text", "subjects"), [
    ("对年度考核排名前3名的乡镇，分别奖励50万元、30万元、20万元。",
     ["乡镇（第1名）", "乡镇（第2名）", "乡镇（第3名）"]),
    ("对年度营商环境评价排名前2位的县（市、区）分别奖励300万元、200万元。",
     ["县（市、区）（第1名）", "县（市、区）（第2名）"]),
])
def test_amounts_spread_over_ranks_name_each_rank(text: str, subjects: list[str]) -> None:
    assert [p.subject for p in find_pledges(_node(text))] == subjects
