"""Ninth held-out round (benchmarks/README.md): the general rules its misses called for, each
tested on invented wordings other than the corpus pairs'.

- time limits and dates a plan or notice sets on the public (自…之日起N日内, 于…前, …至…) are
  deadlines; a service goal (N个工作日内办结) and a statistic's 截至 date are not;
- a project list (项目名称 | 建设内容 | 总投资 | 建设期限): its 建设内容 counts are goals named by
  the project, its 建设期限 a deadline, its 总投资 no pledge;
- rows of a 清单 pair by their names past a 序号 column; a table whose one column of units is
  责任单位 names each row's lead;
- a heading naming who a measure is for (补贴对象, 申报对象) lists conditions, yet a goal set for
  a year there stays a goal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import revdiff
from revdiff.classify.deadlines import dues
from revdiff.classify.sections import due


def report(tmp_path: Path, draft: str, final: str) -> Any:
    (tmp_path / "d.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "f.txt").write_text(final, encoding="utf-8")
    return revdiff.compare(str(tmp_path / "d.txt"), str(tmp_path / "f.txt"))


def brief(fs: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((f.kind, f.direction or "", f.draft_value or "", f.final_value or "", f.unit or "") for f in fs)


def kinds(rep: Any, *prefixes: str) -> list[Any]:
    return [f for f in rep.findings if f.kind.startswith(prefixes)]


# ------------------------------------------------ time limits and dates set on the public

def test_time_limits_counted_from_an_event_and_due_dates_are_read() -> None:
    got = [(d.kind, d.written, d.unit) for d in dues(
        "经营者应当自取得营业执照之日起15个工作日内备案，并于2026年3月底前完成改造；受理后5日内办结。")]
    # 受理后5日内办结 is a service goal (a target), not a duty's time limit
    assert got == [("limit", "15", "个工作日"), ("date", "2026年3月底", None)]
    # a statistic's date, the document's term, a milestone and a signing date bound nothing
    assert dues("截至2024年12月31日，全省共登记3200家。") == []
    assert dues("本办法有效期至2027年12月31日。") == []
    assert dues("到2027年底，建成充电站50座。") == []
    assert dues("某某市农业农村局\n2025年2月8日") == []
    # a date that says which ones qualify (…前建成的小区) is no deadline either
    assert dues("改造2005年底前建成的老旧小区60个，2024年6月30日前注册的企业可以申请。") == []
    assert [d.written for d in dues("申领期为2025年5月1日至2025年9月30日。")] == ["2025年9月30日"]


_NOTICE = """宁川县人民政府关于开展农村自建房安全专项整治的通告
一、排查登记
农村自建房所有人应当自本通告发布之日起{days}日内向所在乡镇人民政府登记房屋基本信息。
二、整治要求
经鉴定为危险房屋的，所有人应当在{due}前完成加固或者拆除。
三、统计
截至2024年底，全县共有农村自建房{stock}万栋。
"""


def test_a_notice_s_time_limits_and_due_dates_moved_are_deadlines(tmp_path: Path) -> None:
    rep = report(tmp_path, _NOTICE.format(days="45", due="2025年10月31日", stock="8.1"),
                 _NOTICE.format(days="30", due="2026年4月30日", stock="8.3"))
    assert brief(kinds(rep, "deadline")) == [
        ("deadline_changed", "lowered", "45", "30", "日"),
        ("deadline_changed", "raised", "2025年10月31日", "2026年4月30日", "")]
    assert kinds(rep, "target", "funding") == []  # the 截至 statistic is no goal


def test_a_service_goal_in_working_days_stays_a_target(tmp_path: Path) -> None:
    text = "某某区优化营商环境工作方案\n一、提升审批效率\n企业开办申请受理后{n}个工作日内办结。\n"
    rep = report(tmp_path, text.format(n="3"), text.format(n="2"))
    assert brief(kinds(rep, "deadline")) == []
    assert [(f.kind, f.draft_value, f.final_value) for f in kinds(rep, "target")] == [("target_changed", "3", "2")]


# ------------------------------------------------ project lists

_PROJECTS = """江宁市“十五五”水利发展规划
第三章 重点工程
专栏2 重大水利项目
序号\t项目名称\t建设内容\t总投资（亿元）\t建设期限
1\t北江引水工程\t新建输水管道{pipe}公里\t{cost}\t2026—{end}年
2\t东湖水库扩容工程\t新增库容3000万立方米，新建溢洪道1座\t9.6\t2026—2028年
{extra}第四章 保障措施
强化项目用地、资金等要素保障。
"""


def test_a_project_list_s_scale_and_schedule_are_told_and_its_investment_is_not(tmp_path: Path) -> None:
    draft = _PROJECTS.format(pipe="64", cost="48", end="2029", extra="3\t西山灌区续建配套工程\t改造渠道120公里\t7.2\t2026—2027年\n")
    final = _PROJECTS.format(pipe="52", cost="41", end="2030", extra="")
    rep = report(tmp_path, draft, final)
    assert brief(kinds(rep, "target", "funding", "deadline")) == [
        ("deadline_changed", "raised", "2026—2029年", "2026—2030年", ""),
        ("target_changed", "lowered", "64", "52", "公里"),
        ("target_removed", "", "120", "", "公里"),
    ]
    removed = next(f for f in rep.findings if f.kind == "target_removed")
    assert "西山灌区" in removed.subject  # named by its project


def test_a_span_of_years_is_due_by_its_last_year() -> None:
    assert due("2026—2028年") == due("2026年—2028年") == due("2026年至2028年") == (2028, 12)
    assert due("2025年6月底前") == (2025, 6)


def test_a_column_of_investment_is_no_pledge_but_a_subsidy_column_is(tmp_path: Path) -> None:
    table = "某某县产业项目清单\n一、重点项目\n项目名称\t建设内容\t{head}\n智能仓储中心\t新建仓库2栋\t{amount}\n"
    rep = report(tmp_path, table.format(head="计划投资（万元）", amount="8000"),
                 table.format(head="计划投资（万元）", amount="6000"))
    assert kinds(rep, "funding") == []
    rep = report(tmp_path, table.format(head="补助资金（万元）", amount="800"),
                 table.format(head="补助资金（万元）", amount="600"))
    assert brief(kinds(rep, "funding")) == [("funding_changed", "lowered", "800", "600", "万元")]


# ------------------------------------------------ 清单 rows

_LIST = """安溪区2025年稳就业政策清单
序号\t事项名称\t享受对象\t补贴标准\t责任单位
1\t一次性吸纳就业补贴\t招用登记失业半年以上人员的企业\t每人1500元\t区人社局
{rows}"""


def test_list_rows_pair_by_name_so_a_row_cut_and_another_added_are_not_one_change(tmp_path: Path) -> None:
    # the rows read alike in all but their names: two policies, one cut and one added
    draft = _LIST.format(rows="2\t创业场地租金补贴\t在本区创业的高校毕业生\t每户每年最高1万元\t区人社局\n")
    final = _LIST.format(rows="2\t灵活就业社保补贴\t在本区灵活就业的高校毕业生\t每户每年最高1.2万元\t区人社局\n")
    rep = report(tmp_path, draft, final)
    assert sorted(f.kind for f in kinds(rep, "funding")) == ["funding_added", "funding_removed"]
    removed = next(f for f in rep.findings if f.kind == "funding_removed")
    assert removed.subject.startswith("创业场地租金补贴")  # not the 序号 "2"
    # the same row with its amount changed and the rows renumbered still pairs
    draft = _LIST.format(rows="2\t就业见习补贴\t吸纳高校毕业生见习的单位\t每人每月2000元\t区人社局\n")
    final = _LIST.format(rows="2\t求职创业补贴\t毕业年度困难家庭高校毕业生\t每人1000元\t区人社局\n"
                               "3\t就业见习补贴\t吸纳高校毕业生见习的单位\t每人每月1800元\t区人社局\n")
    assert brief(kinds(report(tmp_path, draft, final), "funding")) == [
        ("funding_added", "", "", "1000", "元"), ("funding_changed", "lowered", "2000", "1800", "元")]


def test_a_sole_responsible_unit_column_names_each_row_s_lead(tmp_path: Path) -> None:
    row = "2\t创业担保贷款贴息\t个人创业者\t贷款额度最高30万元\t{unit}\n"
    rep = report(tmp_path, _LIST.format(rows=row.format(unit="区财政局")),
                 _LIST.format(rows=row.format(unit="区人力资源服务中心")))
    [found] = [f for f in rep.findings if f.kind == "agency_changed"]
    assert (found.severity, found.draft_value, found.final_value) == ("medium", "区财政局", "区人力资源服务中心")


# ------------------------------------------------ who a measure is for

_QA = """《某某市家电以旧换新补贴实施细则》解读
一、哪些人可以申请？
答：申请对象为本市常住居民，所购家电单价须在{floor}元以上。
二、支持对象有哪些变化？
答：到2026年，全市参与活动的家电销售企业达到{shops}家。
"""


def test_a_heading_naming_who_a_measure_is_for_lists_conditions(tmp_path: Path) -> None:
    text = "某某县消费券发放方案\n一、申领对象\n在本县缴纳社会保险满{n}个月的职工。\n"
    rep = report(tmp_path, text.format(n="6"), text.format(n="3"))
    assert [(f.kind, f.draft_value, f.final_value) for f in kinds(rep, "threshold", "target")] == [
        ("threshold_changed", "6", "3")]
    # a goal for a year under such a heading is still a goal
    rep = report(tmp_path, _QA.format(floor="2000", shops="300"), _QA.format(floor="2000", shops="400"))
    assert [(f.kind, f.draft_value, f.final_value) for f in kinds(rep, "target")] == [("target_changed", "300", "400")]


# ------------------------------------------------ a paragraph of measures split into items

_SPLIT_DRAFT = """某某县关于支持文旅产业发展的若干措施
一、支持措施
（一）加强资金保障。县财政每年安排文旅发展资金2000万元。对新评定的国家4A级旅游景区，一次性奖励50万元；对新评定的省级旅游度假区，一次性奖励30万元；对新获评国家级夜间文化和旅游消费集聚区的，一次性奖励40万元。
二、保障措施
各部门要加强协作，形成工作合力。
"""
_SPLIT_FINAL = """某某县关于支持文旅产业发展的若干措施
一、支持措施
（一）加强资金保障。
1.县财政每年安排文旅发展资金2000万元。
2.对新评定的国家4A级旅游景区，一次性奖励50万元。
3.对新评定的省级旅游度假区，一次性奖励30万元。
4.对新获评国家级夜间文化和旅游消费集聚区的，一次性奖励40万元。
二、保障措施
各部门要加强协作，形成工作合力。
"""


def test_a_paragraph_split_into_items_gives_each_item_its_source(tmp_path: Path) -> None:
    rep = report(tmp_path, _SPLIT_DRAFT, _SPLIT_FINAL)
    assert kinds(rep, "funding", "target", "section") == []
    items = [p for p in rep.sections if p.final_node is not None and p.final_node.number.startswith(("1", "2", "3", "4"))]
    # the short first item (a budget line) came from the paragraph like its longer siblings
    assert [(p.status, p.draft_node is not None and p.draft_node.number) for p in items] == [("split", "（一）")] * 4


def test_a_project_lists_target_is_told_as_a_project_lists() -> None:
    """A count in a 项目 list's 建设内容 is a goal of a project, not of an indicator table."""
    import revdiff

    pair = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus" / "heldout9-project-table"
    report = revdiff.compare(str(pair / "draft.txt"), str(pair / "final.txt"))
    notes = [f.note for f in report.findings if f.kind.startswith("target_") and "：" in (f.subject or "")]
    assert notes and all("项目表" in n and "指标表" not in n for n in notes)


def test_a_ceiling_written_with_bu_chaoguo_is_named_without_its_bu(tmp_path: Path) -> None:
    """不超过 / 不高于 state a ceiling: the measure is what comes before them (not …不, read as
    超过 before), and a ceiling that rises is loosened, not raised."""
    import revdiff

    draft, final = tmp_path / "d.txt", tmp_path / "f.txt"
    draft.write_text("一、主要目标\n到2026年，城镇调查失业率不超过5.5%，企业开办时间不超过2个工作日。\n", encoding="utf-8")
    final.write_text("一、主要目标\n到2026年，城镇调查失业率不超过6%，企业开办时间不超过1个工作日。\n", encoding="utf-8")
    got = {f.subject: (f.comparator, f.ambition) for f in revdiff.compare(str(draft), str(final)).findings}
    assert got == {"城镇调查失业率": ("≤", "weaker"), "企业开办时间": ("≤", "stronger")}
