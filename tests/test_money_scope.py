"""What a removed amount is (issue 15 item 1): a lump sum that can be added, or an amount per
unit, per year or a cap that cannot.  Sentences invented in the style of other offices."""

from __future__ import annotations

import pytest

from revdiff.model import Finding
from revdiff.render.facts import money_at_stake, money_scope


def pledge(text: str, value: str, unit: str = "万元", comparator: str | None = None, **fields: str) -> Finding:
    return Finding(kind="funding_removed", severity="high", note="", note_en="", id=f"f{len(text)}",
                   draft_text=text, draft_value=value, unit=unit, comparator=comparator, **fields)


@pytest.mark.parametrize(("text", "value", "comparator", "scope", "per_recipient"), [
    ("市级财政安排专项资金2000万元，支持数字经济重点项目建设。", "2000", None, [], False),
    ("设立总规模5亿元的科技成果转化引导基金。", "5", None, [], False),
    ("对新认定的国家级专精特新“小巨人”企业，一次性奖励50万元。", "50", None, [], True),
    ("每年遴选10个示范项目，每个项目给予最高200万元补助。", "200", "最高", ["每个项目", "每年", "最高"], False),
    ("对入驻孵化器的初创团队，按每家不超过5万元标准给予房租补贴。", "5", "不超过", ["每家", "不超过"], False),
    ("市财政每年安排1000万元用于人才公寓建设。", "1000", None, ["每年"], False),
    ("单个项目支持金额最高不超过300万元。", "300", "最高", ["单个", "最高"], False),
])
def test_scope_of_an_amount(text: str, value: str, comparator: str | None, scope: list[str],
                            per_recipient: bool) -> None:
    got, conditional = money_scope(pledge(text, value, comparator=comparator))
    assert sorted(got) == sorted(scope) and conditional == per_recipient


def test_fields_set_by_a_rule_win() -> None:
    f = pledge("给予资助100万元。", "100", per="家", period="年", cap="最高")
    assert money_scope(f) == (["每家", "每年", "最高"], False)


def test_only_lump_sums_are_added() -> None:
    findings = [
        pledge("市级财政安排专项资金2000万元，支持数字经济重点项目建设。", "2000"),
        pledge("设立总规模5亿元的科技成果转化引导基金。", "5", unit="亿元"),
        pledge("另安排500万元用于平台建设。", "500"),
        pledge("每年遴选10个示范项目，每个项目给予最高200万元补助。", "200", comparator="最高"),
    ]
    money = money_at_stake(findings)
    assert [(t.unit, t.total, t.count) for t in money.totals] == [("万元", "2500", 2), ("亿元", "5", 1)]
    assert money.not_summed == 1 and len(money.items) == 4
