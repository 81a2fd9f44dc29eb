"""Penalties of a law: fines and detention read with their bounds, other sanctions counted,
compared article by article."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revdiff.classify.penalties import Penalty, direction, find_penalties
from tests.law_texts import clause, compare_texts, elevator, statistics_law


def fines(text: str) -> list[Penalty]:
    return [p for p in find_penalties(clause(text)) if p.kind == "罚款"]


def bounds(p: Penalty) -> tuple[tuple[Decimal, str] | None, tuple[Decimal, str] | None]:
    return p.low, p.high


D = Decimal


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("企业事业单位有前款所列行为之一的，可以并处五万元以下的罚款", None, (D(5), "万元")),
        ("由公安机关责令改正，处一千元以下罚款", None, (D(1000), "元")),
        ("由市场监督管理部门处五万元以上二十万元以下罚款", (D(5), "万元"), (D(20), "万元")),
        ("并处一千五百元以上两万元以下的罚款", (D(1500), "元"), (D(2), "万元")),
        ("处1000元以上1万元以下罚款", (D(1000), "元"), (D(1), "万元")),
        ("对个人处二千元罚款", (D(2000), "元"), (D(2000), "元")),  # one amount: both bounds
        ("处一百万元以上一千万元以下罚款", (D(100), "万元"), (D(1000), "万元")),
        ("处六亿元以下罚款", None, (D(6), "亿元")),
        ("可以处不超过十万元的罚款", None, (D(10), "万元")),
    ],
)
def test_fine_bounds(text: str, low: tuple[Decimal, str] | None, high: tuple[Decimal, str]) -> None:
    (fine,) = fines(text)
    assert bounds(fine) == (low, high)


@pytest.mark.parametrize(
    "text, basis, low, high",
    [
        ("没收违法所得，并处违法所得一倍以上五倍以下罚款", "违法所得", D(1), D(5)),
        ("并处货值金额十倍以上二十倍以下的罚款", "货值金额", D(10), D(20)),
        ("处违法所得一至三倍的罚款", "违法所得", D(1), D(3)),
    ],
)
def test_multiples_of_a_basis(text: str, basis: str, low: Decimal, high: Decimal) -> None:
    (fine,) = fines(text)
    assert fine.basis == basis
    assert bounds(fine) == ((low, "倍"), (high, "倍"))


def test_or_between_a_condition_and_a_fine() -> None:
    """或者 here starts another condition, not another fine: only 一万元以下 is a fine."""
    (fine,) = fines("违法所得不足五万元或者没有违法所得的，处一万元以下罚款")
    assert fine.high == (D(1), "万元")


def test_two_fines_joined_by_or() -> None:
    money, share = fines("处五千万元以下或者上一年度营业额百分之五以下罚款")
    assert money.high == (D(5000), "万元") and money.basis is None
    assert share.high == (D(5), "%") and share.basis == "上一年度营业额"


@pytest.mark.parametrize(
    "text",
    [
        "违法所得在五万元以上的，依法处理",  # a condition on the amount, not a fine
        "没有违法所得或者违法所得不足五万元的",
        "注册资本不少于五百万元",
        "对举报人给予奖励，奖励金额最高不超过十万元",
    ],
)
def test_amounts_that_are_no_fine(text: str) -> None:
    assert fines(text) == []


@pytest.mark.parametrize(
    "text, tier",
    [
        ("情节严重的，并处五万元以上二十万元以下的罚款", "情节严重"),
        ("拒不改正的，责令停业整顿，并处五千元以上五万元以下罚款", "拒不改正"),
        ("逾期未改正的，处一万元以上十万元以下罚款", "逾期未改正"),
        ("可以并处一万元以下的罚款", None),
    ],
)
def test_tiers(text: str, tier: str | None) -> None:
    assert fines(text)[0].tier == tier


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("处十日以上十五日以下拘留，可以并处一千元以下罚款", (D(10), "日"), (D(15), "日")),
        ("处五日以下拘留", None, (D(5), "日")),
    ],
)
def test_detention_in_days(text: str, low: tuple[Decimal, str] | None, high: tuple[Decimal, str]) -> None:
    detained = [p for p in find_penalties(clause(text)) if p.kind == "拘留"]
    assert [bounds(p) for p in detained] == [(low, high)]


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("由县级以上人民政府统计机构责令改正，给予警告，没收违法所得", ["警告", "没收"]),
        ("情节严重的，吊销营业执照", ["吊销"]),
        ("责令停产停业，并处暂扣许可证", ["暂扣", "责令停产停业"]),
        ("拒不改正的，责令停业整顿；情节严重的，责令关闭", ["责令停产停业", "责令关闭"]),
        ("予以通报批评", ["通报批评"]),
        ("被吊销许可证的，三年内不得再次申请", []),  # a condition, not a sanction imposed
        ("依法没收的物品，应当公开拍卖", []),  # a thing confiscated, not a sanction imposed
    ],
)
def test_other_sanctions(text: str, kinds: list[str]) -> None:
    assert sorted(p.kind for p in find_penalties(clause(text))) == sorted(kinds)


@pytest.mark.parametrize(
    "draft, final, expected",
    [
        ("处五千元以下罚款", "处一万元以下罚款", "raised"),  # across 元 and 万元
        ("处一万元以下罚款", "处五千元以下罚款", "lowered"),
        ("处一万元以上五万元以下罚款", "处二万元以上五万元以下罚款", "raised"),  # only the low bound
        ("处违法所得一倍以上五倍以下罚款", "处违法所得一倍以上三倍以下罚款", "lowered"),
        ("处二万元以下罚款", "处两万元以下罚款", None),  # 两 = 二
    ],
)
def test_direction(draft: str, final: str, expected: str | None) -> None:
    assert direction(fines(draft)[0], fines(final)[0]) == expected


# ------------------------------------------------------------------ whole comparisons


def penalty_rows(report) -> set[tuple]:  # type: ignore[no-untyped-def]
    return {(f.kind, f.direction, f.draft_min, f.draft_value, f.final_min, f.final_value, f.unit)
            for f in report.findings if f.kind.startswith("penalty_")}


def test_statistics_law_fines_raised() -> None:
    """统计法 2009 → 2024, read by hand: 第四十一条 (now 第四十四条) raises the fine of 企业事业单位
    from 五万元以下 to 十万元以下 and its 情节严重 tier from 五万–二十万 to 十万–五十万; 第四十二条
    (now 第四十五条) raises 一万元以下 to 五万元以下.  The 个体工商户 fines (一万元以下, 一千元以下)
    are unchanged, and nothing else in the law is a fine."""
    report = statistics_law()
    assert penalty_rows(report) == {
        ("penalty_changed", "raised", None, "5", None, "10", "万元"),
        ("penalty_changed", "raised", "5", "20", "10", "50", "万元"),
        ("penalty_changed", "raised", None, "1", None, "5", "万元"),
    }
    cited = {(f.draft_line, f.final_line) for f in report.findings if f.kind == "penalty_changed"}
    # 2009 line 207 → 2024 line 229 (the two tiers of one 款), 213 → 235
    assert cited == {(207, 229), (213, 235)}


def test_elevator_regulation_penalties() -> None:
    """The invented 电梯安全管理条例, read by hand: 第十条 → 第十一条 raised, 第十一条 → 第十二条
    lowered (2000–20000 元 → 1000–10000 元, shown in 元 as the units differ), a new 情节严重 tier in
    第十三条, and the fine of 第十三条, an article the adopted text deletes."""
    report = elevator()
    assert penalty_rows(report) == {
        ("penalty_changed", "raised", "1", "10", "2", "20", "万元"),
        ("penalty_changed", "lowered", "2000", "20000", "1000", "10000", "元"),
        ("penalty_added", None, None, None, "3", "10", "万元"),
        ("penalty_removed", None, "1000", "5000", None, None, "元"),
    }
    sev = {f.direction or f.kind: f.severity for f in report.findings if f.kind.startswith("penalty_")}
    assert sev == {"raised": "medium", "lowered": "high", "penalty_added": "medium", "penalty_removed": "high"}


LAW = """某省农药经营管理办法

第一条 为了加强农药经营管理，制定本办法。

第二条 农药经营者应当建立采购台账。

农药经营者不得销售假劣农药。

第三条 违反本办法第二条第一款规定，未建立采购台账的，由农业农村主管部门责令改正；拒不改正的，处二千元以上一万元以下罚款。

{moved}

第四条 违反本办法规定，构成犯罪的，依法追究刑事责任。
"""
MOVED_FINE = "违反本办法第二条第二款规定，销售假劣农药的，由农业农村主管部门没收违法所得，并处五千元以上五万元以下罚款。"


def test_a_fine_that_only_moved_is_no_finding(tmp_path: Path) -> None:
    """The second 款 of 第三条 becomes an article of its own (第四条; the next one renumbered):
    the same fine and confiscation, no penalty finding."""
    draft = LAW.format(moved=MOVED_FINE)
    final = LAW.format(moved="第四条 " + MOVED_FINE).replace("第四条 违反本办法规定", "第五条 违反本办法规定")
    report = compare_texts(tmp_path, draft, final)
    assert [f for f in report.findings if f.kind.startswith("penalty_")] == []


def test_every_penalty_of_a_deleted_article_is_removed(tmp_path: Path) -> None:
    draft = LAW.format(moved="第四条 " + MOVED_FINE).replace("第四条 违反本办法规定", "第五条 违反本办法规定")
    final = LAW.format(moved="")
    removed = [f for f in compare_texts(tmp_path, draft, final).findings if f.kind == "penalty_removed"]
    assert sorted(f.subject for f in removed) == ["没收", "罚款"]
    assert {f.draft_line for f in removed} == {11}  # the deleted article: line 11 of the draft
    assert all(f.final_text is None and f.severity == "high" for f in removed)


def test_a_fine_moved_to_the_graver_tier_is_removed_and_added(tmp_path: Path) -> None:
    """Same amount, but it now applies only 情节严重的: not the same penalty."""
    draft = LAW.format(moved="")
    final = draft.replace("拒不改正的，处二千元以上一万元以下罚款", "拒不改正的，给予警告；情节严重的，处二千元以上一万元以下罚款")
    rows = {(f.kind, f.subject) for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("penalty_")}
    assert rows == {("penalty_removed", "罚款（拒不改正的）"), ("penalty_added", "罚款（情节严重的）"),
                    ("penalty_added", "警告（拒不改正的）")}


def test_a_fine_is_no_funding_pledge() -> None:
    from revdiff.classify.extract import find_pledges
    from revdiff.model import Node

    text = "骗取补助资金20万元以上的，处骗取金额一倍以上三倍以下罚款。"
    assert find_pledges(Node("heading", 1, "第九条", "", text, 1, 1)) == []


@pytest.mark.parametrize(
    "old, new",
    [
        ("处二千元以上一万元以下罚款", "处违法所得一倍以上五倍以下罚款"),  # money → a multiple
        ("处违法所得一倍以上五倍以下罚款", "处货值金额一倍以上五倍以下罚款"),  # a multiple of another basis
        ("处二千元以上一万元以下罚款", "处所涉资金一倍以上三倍以下罚款"),  # a basis it cannot name
    ],
)
def test_a_fine_of_another_kind_is_removed_and_added(tmp_path: Path, old: str, new: str) -> None:
    """Amounts on different scales do not compare: the old fine is removed, the new one added."""
    draft = LAW.format(moved="").replace("处二千元以上一万元以下罚款", old)
    final = draft.replace(old, new)
    kinds = sorted(f.kind for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("penalty_"))
    assert kinds == ["penalty_added", "penalty_removed"]


def test_a_share_and_a_multiple_of_the_same_basis_compare(tmp_path: Path) -> None:
    """税款百分之五十以上五倍以下 → 一倍以上五倍以下: the low bound rose from 0.5 to 1 times the tax."""
    draft = LAW.format(moved="").replace("处二千元以上一万元以下罚款", "处不缴或者少缴的税款百分之五十以上五倍以下的罚款")
    final = draft.replace("百分之五十以上五倍以下", "一倍以上五倍以下")
    (f,) = [f for f in compare_texts(tmp_path, draft, final).findings if f.kind.startswith("penalty_")]
    assert (f.kind, f.direction, f.draft_min, f.final_min, f.draft_value, f.unit) == (
        "penalty_changed", "raised", "50%", "1倍", "5倍", None)


def test_animal_husbandry_law_penalties() -> None:
    """畜牧法 2015 → 2022 (a 修订), read by hand: 第五十八条 (now 第七十八条) 五万–五十万 → 十万–一百万;
    第五十九条 (now 第七十九条) 一万–五万 → 五万–五十万; the second 款 of 第六十八条 (forged 畜禽标识:
    没收, 三千元以上三万元以下) is handed to another law; 第六十九条 (一倍以上三倍以下, 没收, 吊销) is
    gone; the new slaughter articles 第九十条 and 第九十一条 bring their own sanctions.  The other
    penalty articles keep their penalties."""
    import revdiff
    from tests.law_texts import LAWS

    report = revdiff.compare(str(LAWS / "animal-husbandry-law-2015.md"), str(LAWS / "animal-husbandry-law-2022.md"))
    rows = sorted(((f.kind, f.subject or "", f.draft_min, f.draft_value, f.final_min, f.final_value, f.unit)
                  for f in report.findings if f.kind.startswith("penalty_")), key=repr)
    assert rows == sorted([
        ("penalty_changed", "罚款", "5", "50", "10", "100", "万元"),
        ("penalty_changed", "罚款", "1", "5", "5", "50", "万元"),
        ("penalty_removed", "罚款", "3000", "30000", None, None, "元"),
        ("penalty_removed", "没收", None, None, None, None, None),
        ("penalty_removed", "罚款（违法所得）", "1", "3", None, None, "倍"),
        ("penalty_removed", "没收", None, None, None, None, None),
        ("penalty_removed", "吊销（情节严重的）", None, None, None, None, None),
        ("penalty_added", "责令停产停业", None, None, None, None, None),
        ("penalty_added", "责令关闭", None, None, None, None, None),
        ("penalty_added", "吊销", None, None, None, None, None),
        ("penalty_added", "警告", None, None, None, None, None),
        ("penalty_added", "罚款（拒不改正的）", None, None, "5000", "50000", "元"),
        ("penalty_added", "罚款（拒不改正的）", None, None, "2000", "20000", "元"),
        ("penalty_added", "责令停产停业（拒不改正的）", None, None, None, None, None),
        ("penalty_added", "吊销（情节严重的）", None, None, None, None, None),
        ("penalty_added", "责令关闭（情节严重的）", None, None, None, None, None),
    ], key=repr)


def test_longer_detention_is_raised() -> None:
    (d,) = [p for p in find_penalties(clause("处五日以下拘留")) if p.kind == "拘留"]
    (f,) = [p for p in find_penalties(clause("处五日以上十日以下拘留")) if p.kind == "拘留"]
    assert direction(d, f) == "raised" and (f.written, f.low) == ("五日以上十日以下", (D(5), "日"))
