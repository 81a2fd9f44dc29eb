"""Amounts of money in the units policy texts use, compared in one base unit per currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revdiff.money import is_money_unit, money_value, parse_amount, unit_as_written


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        ("50", "万元", (Decimal(500_000), "元")),
        ("300", "千元", (Decimal(300_000), "元")),
        ("1.5", "亿元", (Decimal(150_000_000), "元")),
        ("100", "万", (Decimal(1_000_000), "元")),  # 最高100万奖励
        ("2", "百万元", (Decimal(2_000_000), "元")),
        ("3", "千美元", (Decimal(3_000), "美元")),
        ("１，０００", "元", (Decimal(1_000), "元")),  # full-width digits and separator
        ("50", "%", None),
        ("20", "家", None),
        ("5", "千", None),  # a bare 千 after a number is a count, not money
        (None, "万元", None),
    ],
)
def test_money_value(value: str | None, unit: str, expected: tuple[Decimal, str] | None) -> None:
    assert money_value(value, unit) == expected


def test_units_compare_across_magnitudes_but_not_currencies() -> None:
    a, b = money_value("300", "千元"), money_value("50", "万元")
    assert a and b and a[0] < b[0]
    assert money_value("1", "万美元")[1] != money_value("1", "万元")[1]  # type: ignore[index]


def test_helpers() -> None:
    assert parse_amount("2.50") == Decimal("2.5")
    assert parse_amount("abc") is None
    assert is_money_unit("千元") and is_money_unit("万") and not is_money_unit("%")
    assert unit_as_written("万") == "万元" and unit_as_written(" 千元 ") == "千元"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("三千", Decimal(3000)),
        ("六", Decimal(6)),
        ("十二", Decimal(12)),
        ("两千五百", Decimal(2500)),
        ("一千零五十", Decimal(1050)),
        ("一亿五千万", Decimal(150_000_000)),
        ("三五", None),  # 三五个: a range in words, not a number
        ("万", None),
        ("3000", None),  # Arabic digits are parse_amount's
    ],
)
def test_chinese_number(text: str, expected: Decimal | None) -> None:
    from revdiff.money import chinese_number

    assert chinese_number(text) == expected
