"""Numbers and amounts as laws write them: Chinese numerals with 千/万/亿, Arabic digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revdiff.money import cn_number, split_amount


@pytest.mark.parametrize(
    "text, expected",
    [
        ("二十", 20),
        ("十五", 15),
        ("一百", 100),
        ("二百五十", 250),
        ("一千五百", 1500),
        ("两万", 20_000),
        ("一万五千", 15_000),
        ("五千万", 50_000_000),
        ("六亿", 600_000_000),
        ("十二亿五千万", 1_250_000_000),
        ("一亿零五百万", 105_000_000),
        ("1.5万", 15_000),
        ("１０", 10),  # full-width digits
        ("5,000", 5_000),
    ],
)
def test_cn_number(text: str, expected: int) -> None:
    assert cn_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["万", "亿", "", "条", "abc"])
def test_not_a_number(text: str) -> None:
    assert cn_number(text) is None


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("二十万元", 20, "万元"),
        ("一百万元", 100, "万元"),
        ("六亿元", 6, "亿元"),
        ("一千五百元", 1500, "元"),
        ("两万元", 2, "万元"),
        ("一万五千元", 15_000, "元"),  # ends in 千元: the unit is 元
        ("五千万元", 5000, "万元"),
        ("10万元", 10, "万元"),
        ("三倍", 3, "倍"),
        ("百分之五", 5, "%"),
    ],
)
def test_split_amount(text: str, value: int, unit: str) -> None:
    assert split_amount(text) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["万元", "三十日", "元"])
def test_split_amount_rejects(text: str) -> None:
    assert split_amount(text) is None
