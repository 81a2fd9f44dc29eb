"""Who a funding pledge is for: the subject a finding names."""

from __future__ import annotations

import pytest

from revdiff.classify.extract import find_pledges
from revdiff.model import Node


def _node(text: str, title: str = "强化平台支撑") -> Node:
    return Node("heading", 2, "（三）", title, text, 1, 1)


@pytest.mark.parametrize(
    "sentence, subject",
    [
        # 对…的X: the recipient after the last 的
        ("对新获批的省级技术创新中心，给予最高80万元补助。", "省级技术创新中心"),
        # a per-each quantifier is not part of the recipient's name
        ("采取贴息方式对每家科技型小微企业投资200万元。", "科技型小微企业"),
        ("对各区县孵化载体给予不超过30万元奖励。", "区县孵化载体"),
        # no 对: the object of the clause before the money
        ("每年遴选3-5个重点产业联盟，给予最高20万元资助。", "重点产业联盟"),
    ],
)
def test_subject_is_the_recipient(sentence: str, subject: str) -> None:
    (pledge,) = find_pledges(_node(sentence))
    assert pledge.subject == subject


def test_subject_falls_back_to_the_section_title() -> None:
    (pledge,) = find_pledges(_node("安排专项资金1000万元用于平台建设。"))
    assert pledge.subject == "强化平台支撑"
