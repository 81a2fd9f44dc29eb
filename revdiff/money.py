"""Amounts of money as policy texts write them: "50", "1,000", "３０" with 元, 万元, 千元, 亿 …

Shared by the funding rule (is an amount lower or higher?) and the presenters (how much was
cut?), so that both read 万 as 万元 and compare 300千元 with 30万元 the same way.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

# Units that denote an amount of money.  A removed pledge "给予不超过实际费用50%的补贴" has a
# value (50, %) but no sum of money.
_MONEY_UNITS = {"元", "万", "万元", "亿", "亿元", "千元", "百万元", "千万元", "万美元", "美元"}
_ALIASES = {"万": "万元", "亿": "亿元"}  # 最高100万奖励: a bare 万 after an amount is 万元
_MAGNITUDE = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
_CURRENCIES = ("美元", "欧元", "港元", "英镑", "日元", "元")  # longest match first (美元 before 元)


def parse_amount(value: str | None) -> Decimal | None:
    """``"50"`` → Decimal(50); full-width digits and thousands separators are accepted."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", value).replace(",", "").replace(" ", "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def format_amount(amount: Decimal) -> str:
    """A Decimal as plain text with no exponent and no trailing zeros ("100", "2.5")."""
    return format(amount.normalize(), "f")


def is_money_unit(unit: str | None) -> bool:
    """True for units of money (万元, 亿元, 元, 万 …), false for %, 件, 家 …."""
    if not unit:
        return False
    unit = unicodedata.normalize("NFKC", unit).strip()
    return unit in _MONEY_UNITS or unit.endswith("元")


def unit_as_written(unit: str | None) -> str:
    """The unit a sum is reported in: as written, with a bare 万/亿 read as 万元/亿元."""
    u = (unit or "").strip()
    return _ALIASES.get(u, u)


def money_value(value: str | None, unit: str | None) -> tuple[Decimal, str] | None:
    """An amount in its currency's base unit: ("50", "万元") → (500000, "元"), ("3", "千美元")
    → (3000, "美元"), ("100", "万") → (1000000, "元"). None when there is no amount or the unit
    is not money (%, 家) or has a magnitude it does not know."""
    amount = parse_amount(value)
    if amount is None or not unit:
        return None
    u = unicodedata.normalize("NFKC", unit).strip()
    currency = next((c for c in _CURRENCIES if u.endswith(c)), None)
    prefix = u[: len(u) - len(currency)] if currency else u
    if currency is None:
        if not prefix or prefix not in ("万", "亿"):
            return None
        currency = "元"
    factor = 1
    for ch in prefix:
        if ch not in _MAGNITUDE:
            return None
        factor *= _MAGNITUDE[ch]
    return amount * factor, currency


# Comparators written after the amount: 3000平方米以上, 85%左右 (最高, ≥, 不超过 come before it).
_POSTFIX = ("以上", "以下", "左右", "以内", "及以上", "及以下")


def as_written(value: str, unit: str | None, comparator: str | None) -> str:
    """A value with its unit and comparator in the order a text writes them: 最高50万元, ≥90分,
    3000平方米以上 (never 以上3000平方米)."""
    cmp = comparator or ""
    if cmp in _POSTFIX:
        return f"{value}{unit or ''}{cmp}"
    return f"{cmp}{value}{unit or ''}"


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1_000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_LARGE)


def chinese_number(text: str) -> Decimal | None:
    """A number written in Chinese numerals: 三千 → 3000, 一亿五千万 → 150000000, 十二 → 12.

    None when ``text`` is not made of numerals alone or is malformed (two digits in a row).
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0 and _CN_DIGITS[ch] != 0:
                return None  # 三五: a range in words, not one number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]  # 十二: a bare 十 is 10
            digit = None
        else:
            section += digit or 0
            if section == 0 and total == 0:
                return None  # 万 with nothing before it
            total = (total + section) * _CN_LARGE[ch] if ch == "亿" else total + section * _CN_LARGE[ch]
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))


def cn_number(text: str) -> Decimal | None:
    """A number as laws write it, in Chinese numerals (``chinese_number``: 二十 → 20, 一千五百 →
    1500, 两万 → 20000) or Arabic digits, with a 万/亿 after them (``"1.5万"`` → 15000, ``"１０"``
    → 10). None when ``text`` is not a number."""
    text = unicodedata.normalize("NFKC", text).replace(",", "").strip()
    digits = text.rstrip("万亿")
    arabic = parse_amount(digits) if digits else None
    if arabic is None:
        return chinese_number(text)
    for ch in text[len(digits):]:  # 5000, 1.5万, 3亿
        arabic *= _CN_LARGE[ch]
    return arabic


def split_amount(text: str) -> tuple[Decimal, str] | None:
    """An amount with its unit as written: ``"二十万元"`` → (20, "万元"), ``"一千五百元"`` →
    (1500, "元"), ``"一万五千元"`` → (15000, "元"), ``"六亿元"`` → (6, "亿元"), ``"三倍"`` → (3, "倍"),
    ``"百分之五"`` → (5, "%"); None when it is not one."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.startswith("百分之"):
        value = cn_number(text[3:])
        return (value, "%") if value is not None else None
    for unit in ("万元", "亿元", "元", "倍", "%"):
        if text.endswith(unit):
            number = text[: -len(unit)]
            value = cn_number(number)
            if value is not None and number:
                return value, unit
    return None
