"""Time limits of a law (三十日内, 十五个工作日, 有效期为三年) as deadline_changed findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revdiff.classify.timelimits import find_limits
from tests.law_texts import clause, compare_texts, elevator


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("应当自收到申请之日起三十日内作出决定", 30, "日"),
        ("应当在十五个工作日内办结", 15, "个工作日"),
        ("应当自受理之日起九十个工作日以内审查完毕", 90, "个工作日"),
        ("应当在20个工作日内告知申请人", 20, "个工作日"),
        ("应当在六个月内整改完毕", 6, "个月"),
        ("应当在二年内完成", 2, "年"),
        ("应当在24小时内报告", 24, "小时"),
        ("应当在接到报告后三十分钟内到达现场", 30, "分钟"),
        ("许可证有效期为五年", 5, "年"),
        ("经批准可以延长十个工作日", 10, "个工作日"),
        ("应当提前十五日书面通知", 15, "日"),
        ("应当在有效期届满前一个月提出申请", 1, "个月"),
        ("应当在期限届满三十日前提出", 30, "日"),
    ],
)
def test_limits(text: str, value: int, unit: str) -> None:
    (limit,) = find_limits(clause(text))
    assert (limit.value, limit.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "应当于每年三月三十一日前报送上一年度报告",  # a date
        "本条例自2025年1月1日起施行",
        "在2025年内完成改造",  # a year
        "每三十日巡查一次",  # a frequency
        "连续停用三十日的，应当办理停用手续",  # a length, not a limit
        "第十五日",
    ],
)
def test_no_limit(text: str) -> None:
    assert find_limits(clause(text)) == []


def test_elevator_regulation_limits() -> None:
    """Read by hand: 第四条 (now 第五条) 三十日内 → 十五日内; 第九条 (now 第十条) 届满前一个月 →
    届满前十五日 (the unit changed: each value keeps its unit); 三十分钟内 is unchanged and 五日内
    only moved to another article: no finding for either."""
    rows = {(f.direction, f.draft_value, f.final_value, f.unit) for f in elevator().findings
            if f.kind == "deadline_changed"}
    assert rows == {("lowered", "30", "15", "日"), ("lowered", "1个月", "15日", None)}


DRAFT = """某市政务服务事项办理规定

第一条 为了规范政务服务事项办理，制定本规定。

第二条 行政机关应当自受理申请之日起九十个工作日内作出是否准予许可的决定。

第三条 申请人对决定不服的，可以依法申请行政复议。
"""


def test_a_limit_removed_and_one_added(tmp_path: Path) -> None:
    final = DRAFT.replace("自受理申请之日起九十个工作日内作出", "及时作出").replace(
        "可以依法申请行政复议。", "可以自收到决定之日起十五个工作日内依法申请行政复议。")
    rows = {(f.direction, f.draft_value, f.final_value, f.unit, f.severity)
            for f in compare_texts(tmp_path, DRAFT, final).findings if f.kind == "deadline_changed"}
    assert rows == {("removed", "90", None, "个工作日", "medium"), ("added", None, "15", "个工作日", "low")}


def test_a_longer_limit_is_raised(tmp_path: Path) -> None:
    final = DRAFT.replace("九十个工作日", "一百二十个工作日")
    (f,) = [f for f in compare_texts(tmp_path, DRAFT, final).findings if f.kind == "deadline_changed"]
    assert (f.direction, f.draft_value, f.final_value) == ("raised", "90", "120")


def test_plan_deadlines_still_reported(tmp_path: Path) -> None:
    """The plan rule (到2025年 → 到2027年) keeps working, and the law rule adds nothing to it."""
    draft = "某市知识产权发展规划\n\n一、主要目标\n\n到2025年，建成知识产权强市。\n\n二、保障措施\n\n加强组织领导。\n"
    final = draft.replace("到2025年", "到2027年")
    found = [f for f in compare_texts(tmp_path, draft, final, genre="plan").findings if f.kind == "deadline_changed"]
    assert [(f.draft_value, f.final_value, f.unit) for f in found] == [("2025", "2027", "年")]


def test_a_date_range_is_no_limit() -> None:
    assert find_limits(clause("企业应当于每年1月1日至6月30日内报送上一年度年度报告")) == []


def test_limits_of_different_duties_are_not_paired(tmp_path: Path) -> None:
    """The authority's 二十日 is gone and the applicant's 十日 is new: two findings, not one change."""
    draft = ("某市行政许可办理规定\n\n第一条 为了规范行政许可，制定本规定。\n\n"
             "第二条 申请材料不齐全的，行政机关应当告知申请人。行政机关应当在受理后二十日内作出决定。"
             "申请人应当如实提交材料。\n")
    final = draft.replace("应当在受理后二十日内作出决定", "应当及时作出决定").replace(
        "申请人应当如实提交材料", "申请人应当自收到补正通知之日起十日内补正材料")
    rows = {(f.direction, f.draft_value, f.final_value)
            for f in compare_texts(tmp_path, draft, final).findings if f.kind == "deadline_changed"}
    assert rows == {("removed", "20", None), ("added", None, "10")}
