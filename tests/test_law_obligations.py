"""Duty words of a law (必须 / 应当 / 可以 / 不得) weakened or strengthened, and the labels and
order of the law genre's finding kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from revdiff.classify import _KIND_ORDER
from revdiff.classify.obligations import _change
from revdiff.render.i18n import KIND_ORDER, kind_label
from tests.law_texts import compare_texts, elevator


@pytest.mark.parametrize(
    "draft, final, expected",
    [
        ("经营者应当公示收费标准", "经营者可以公示收费标准", ("obligation_weakened", "应当", "可以")),
        ("用人单位应当为劳动者缴纳工伤保险费", "用人单位可以为劳动者缴纳工伤保险费", ("obligation_weakened", "应当", "可以")),
        ("从业人员必须持证上岗", "从业人员应当持证上岗", ("obligation_weakened", "必须", "应当")),
        ("任何单位不得擅自改变规划用途", "任何单位擅自改变规划用途的，应当报告", ("obligation_weakened", "不得", "（删除）")),
        ("出租人不得收取押金", "出租人可以收取押金", ("obligation_weakened", "不得", "可以")),
        ("禁止在城市道路上晾晒农作物", "可以在城市道路上晾晒农作物", ("obligation_weakened", "禁止", "可以")),
        ("禁止销售烟花爆竹", "限制销售烟花爆竹", ("obligation_weakened", "禁止", "限制")),
        ("当事人可以申请听证", "当事人应当申请听证", ("obligation_strengthened", "可以", "应当")),
        ("鼓励电梯使用单位投保安全责任保险", "电梯使用单位应当投保安全责任保险", ("obligation_strengthened", "鼓励", "应当")),
        ("在禁养区内建设养殖场的，由主管部门处理", "禁止在禁养区内建设养殖场", ("obligation_strengthened", "（无）", "禁止")),
        # a penalty that must be imposed becomes one that may be, and back
        ("由主管部门责令改正，处一万元以上五万元以下罚款", "由主管部门责令改正，可以处一万元以上五万元以下罚款",
         ("obligation_weakened", "处", "可以处")),
        ("没收违法所得，并处违法所得一倍以上三倍以下罚款", "没收违法所得，可以并处违法所得一倍以上三倍以下罚款",
         ("obligation_weakened", "处", "可以处")),
        ("情节严重的，可处五日以下拘留", "情节严重的，处五日以下拘留", ("obligation_strengthened", "可以处", "处")),
    ],
)
def test_duty_words(draft: str, final: str, expected: tuple[str, str, str]) -> None:
    assert _change(draft, final) == expected


@pytest.mark.parametrize(
    "draft, final, expected",
    [
        # 立法技术规范: a law writes duties with 应当; 必须 → 应当 changes no duty
        ("从业人员必须持证上岗", "从业人员应当持证上岗", None),
        ("运输危险化学品，必须配备押运人员", "运输危险化学品，应配备押运人员", None),
        ("建设单位应当与供水企业协商", "建设单位必须与供水企业协商", None),
        # … while a duty that became a power is still weaker, in the same sentence too
        ("经营者必须公示收费标准", "经营者可以公示收费标准", ("obligation_weakened", "必须", "可")),
        ("使用单位必须登记，应当定期检验", "使用单位应当登记，可以定期检验", ("obligation_weakened", "必须", "可")),
    ],
)
def test_duty_words_in_a_law(draft: str, final: str, expected: tuple[str, str, str] | None) -> None:
    assert _change(draft, final, law=True) == expected


@pytest.mark.parametrize(
    "draft, final",
    [
        ("监督检查人员不得少于二人", "监督检查人员不少于二人"),  # a threshold, not a prohibition
        ("申请期限不得超过三十日", "申请期限为三十日"),
        ("任何单位不得拒绝检查", "任何单位和个人不得拒绝、阻碍检查"),
        ("对违法行为依法处理", "对违法行为可以依法处理"),  # 处理 is no penalty imposed
        ("可以处二千元罚款", "可以处五千元罚款"),  # discretionary on both sides: the fine rule's business
    ],
)
def test_no_change_of_duty(draft: str, final: str) -> None:
    assert _change(draft, final) is None


def test_elevator_regulation_obligation() -> None:
    found = [(f.kind, f.subject) for f in elevator().findings if f.kind.startswith("obligation_")]
    assert found == [("obligation_strengthened", "鼓励→应当")]


def test_a_prohibition_dropped(tmp_path: Path) -> None:
    draft = ("某市河道管理条例\n\n第一条 为了加强河道管理，制定本条例。\n\n第二条 河道保洁由所在地人民政府负责。"
             "任何单位和个人不得在河道管理范围内倾倒垃圾、渣土。\n")
    final = draft.replace("不得在河道管理范围内倾倒垃圾", "在河道管理范围内倾倒垃圾")
    (f,) = [f for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("obligation_")]
    assert (f.kind, f.severity) == ("obligation_weakened", "medium")


LAW_KINDS = ["penalty_removed", "penalty_changed", "penalty_added", "threshold_removed", "threshold_changed",
             "threshold_added", "reference_changed", "definition_changed", "definition_added", "definition_removed"]


@pytest.mark.parametrize("kind", LAW_KINDS)
def test_law_kinds_are_ordered_and_labelled(kind: str) -> None:
    assert kind in _KIND_ORDER and kind in KIND_ORDER
    assert kind_label(kind, "zh") != kind and kind_label(kind, "en") != kind


def test_every_law_finding_has_notes_in_both_languages() -> None:
    found = elevator().findings
    assert found and all(f.note and f.note_en and f.note != f.note_en for f in found)
