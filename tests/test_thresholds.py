"""Thresholds of a law: quantities that trigger a duty or set a requirement."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revdiff.classify.thresholds import find_thresholds
from tests.law_texts import clause, compare_texts, elevator


@pytest.mark.parametrize(
    "text, value, unit, comparator",
    [
        ("处理超过100万人个人信息的个人信息处理者，应当指定个人信息保护负责人", 1_000_000, "人", "超过"),
        ("处理超过一百万人个人信息的，应当进行审计", 1_000_000, "人", "超过"),
        ("申请设立的，注册资本不少于五百万元", 5_000_000, "元", "不少于"),
        ("注册资本不得低于500万元", 5_000_000, "元", "不得低于"),
        ("由十人以上组成评审委员会", 10, "人", "以上"),
        ("监督检查人员不得少于二人", 2, "人", "不得少于"),
        ("年满十八周岁的公民", 18, "周岁", "年满"),
        ("违法所得在五万元以上的", 50_000, "元", "以上"),
        ("没有违法所得或者违法所得不足五万元的", 50_000, "元", "不足"),
        ("具有三年以上相关工作经验", 3, "年", "以上"),
        ("使用面积在二百平方米以上的", 200, "平方米", "以上"),
    ],
)
def test_thresholds(text: str, value: int, unit: str, comparator: str) -> None:
    (t,) = find_thresholds(clause(text))
    assert (t.value, t.unit, t.comparator) == (Decimal(value), unit, comparator)


@pytest.mark.parametrize(
    "text, per_year",
    [
        ("检验机构应当每年至少进行一次定期检验", Decimal(1)),
        ("每两年至少开展一次评估", Decimal("0.5")),
        ("每季度报告一次", Decimal(4)),
        ("每半年不少于一次", Decimal(2)),
    ],
)
def test_frequencies(text: str, per_year: Decimal) -> None:
    (t,) = find_thresholds(clause(text))
    assert t.size == per_year


@pytest.mark.parametrize(
    "text",
    [
        "由县级以上人民政府统计机构责令改正",  # 县级以上: no quantity
        "并处五万元以上二十万元以下的罚款",  # a fine (penalties.py)
        "处十日以上十五日以下拘留",  # a detention
        "应当在三十日内作出决定",  # a time limit (timelimits.py)
        "应当自2025年以后执行",
        "第十次会议通过",
        "选举产生三十人",  # a number with no comparator sets nothing
    ],
)
def test_no_threshold(text: str) -> None:
    assert find_thresholds(clause(text)) == []


def test_elevator_regulation_thresholds() -> None:
    """Read by hand: 第五条 (now 第六条) 三十台以上 → 二十台以上; 第九条 (now 第十条) 每年至少一次
    → 每两年至少一次; 每十五日至少进行一次 is unchanged."""
    rows = {(f.kind, f.direction, f.draft_value, f.final_value, f.unit, f.period) for f in elevator().findings
            if f.kind.startswith("threshold_")}
    assert rows == {
        ("threshold_changed", "lowered", "30", "20", "台", None),
        ("threshold_changed", "lowered", "1", "1", "次", "两年"),
    }


DRAFT = """某市养犬管理规定

第一条 为了规范养犬行为，制定本规定。

第二条 个人在重点管理区内养犬的，每户限养一只犬。

第三条 犬类养殖场应当具有一百平方米以上的场地，并配备二名以上兽医人员。
"""


def test_thresholds_removed_and_added(tmp_path: Path) -> None:
    final = DRAFT.replace("，并配备二名以上兽医人员", "").replace(
        "第二条 个人在重点管理区内养犬的，每户限养一只犬。", "第二条 个人在重点管理区内养犬的，每户限养一只犬，养犬人应当年满十八周岁。")
    rows = {(f.kind, f.draft_value, f.final_value, f.unit)
            for f in compare_texts(tmp_path, DRAFT, final).findings if f.kind.startswith("threshold_")}
    assert rows == {("threshold_removed", "2", None, "名"), ("threshold_added", None, "18", "周岁")}


def test_thresholds_in_other_units_are_not_paired(tmp_path: Path) -> None:
    """A head count replaced by a turnover: one threshold removed, another added."""
    draft = ("某市安全生产条例\n\n第一条 为了加强安全生产工作，制定本条例。\n\n"
             "第二条 生产经营单位应当建立安全生产责任制。从业人员在十人以上的，应当配备专职安全员。\n")
    final = draft.replace("从业人员在十人以上的", "年营业收入在五百万元以上的")
    rows = {(f.kind, f.unit) for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("threshold_")}
    assert rows == {("threshold_removed", "人"), ("threshold_added", "元")}
