"""A second invented regulation pair, in another office's style (Arabic article numbers, a
fine capped by turnover, hours, a half-yearly duty): every finding of the law rules, written
by reading the two texts."""

from __future__ import annotations

from functools import lru_cache

import revdiff
from revdiff.classify.references import consequential
from revdiff.model import Report
from tests.law_texts import ELEVATOR


@lru_cache(maxsize=1)
def data_security() -> Report:
    return revdiff.compare(str(ELEVATOR / "data-security-draft.txt"), str(ELEVATOR / "data-security-final.txt"))


LAW_KINDS = ("penalty_", "threshold_", "deadline_", "reference_")


def test_every_law_finding() -> None:
    """第3条 is inserted (省网信部门…), so every later article moves down one.  第3条 → 第4条:
    100万人以上 → 50万人以上; 第4条 → 第5条: 每年至少一次 → 每半年至少一次 (more often); 第5条 →
    第6条: 72小时内 → 24小时内; 第8条 → 第9条: 没收违法所得 dropped, 100万元以下 → 5000万元以下, a
    second fine of 5% of turnover, and a 情节严重 tier with 停业整顿 and two 吊销."""
    rows = sorted(
        (f.kind, f.direction or "", f.draft_value or "", f.final_value or "", f.unit or "",
         f.subject or "" if f.kind.startswith("penalty_") else "")
        for f in data_security().findings if f.kind.startswith(LAW_KINDS)
    )
    assert rows == sorted([
        ("threshold_changed", "lowered", "1000000", "500000", "人", ""),
        ("threshold_changed", "raised", "1", "1", "次", ""),
        ("deadline_changed", "lowered", "72", "24", "小时", ""),
        ("penalty_removed", "", "", "", "", "没收"),
        ("penalty_changed", "raised", "100", "5000", "万元", "罚款"),
        ("penalty_added", "", "", "5", "%", "罚款（上一年度营业额）"),
        ("penalty_added", "", "", "", "", "责令停产停业（情节严重的）"),
        ("penalty_added", "", "", "", "", "吊销（情节严重的）"),
        ("penalty_added", "", "", "", "", "吊销（情节严重的）"),
    ])


def test_references_only_followed_the_inserted_article() -> None:
    report = data_security()
    assert [f for f in report.findings if f.kind == "reference_changed"] == []
    muted = sorted((e.draft.written, e.final.written) for es in consequential(report.context).values() for e in es)
    assert muted == [("本办法第3条", "本办法第4条"), ("本办法第6条", "本办法第7条"), ("第4条", "第5条")]
