"""Cross-references: rewritten only because of renumbering (consequential, never a finding)
or pointing at another provision (reference_changed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from revdiff.classify.references import consequential, edits, find_references
from tests.law_texts import clause, compare_texts, elevator, statistics_law


@pytest.mark.parametrize(
    "text, found",
    [
        ("违反本法第十四条规定的", [((14, 0), ("", ""))]),
        ("依照本条例第十二条第二款的规定处罚", [((12, 0), ("二", ""))]),
        ("有本办法第三十条第一款第（二）项所列情形的", [((30, 0), ("一", "二"))]),
        ("销售种畜禽有本法第三十条第一项至第四项违法行为之一的", [((30, 0), ("", "一"))]),
        ("依照第二十条之一的规定", [((20, 1), ("", ""))]),
        ("有前款所列行为之一的", [(None, ("", ""))]),
        ("违反本条第一款规定的", [(None, ("", ""))]),
    ],
)
def test_references_found(text: str, found: list[tuple]) -> None:
    assert [(r.article, r.rest) for r in find_references(clause(text))] == found


@pytest.mark.parametrize(
    "text",
    [
        "依照《中华人民共和国立法法》第八条的规定",
        "依照《中华人民共和国海关法》的有关规定第十条",
        "依照刑法第二百八十条的规定追究刑事责任",
    ],
)
def test_references_to_other_laws_are_ignored(text: str) -> None:
    assert find_references(clause(text)) == []


def test_elevator_regulation_references() -> None:
    """Read by hand: one article is inserted as 第四条, so 本条例第四条 → 第五条 (in 第十条) and
    第八条 → 第九条 (in 第十二条) only follow the renumbering; in 第十一条 本条例第六条 (the
    maintenance article, now 第七条) became 本条例第八条 (the rescue article): another provision."""
    report = elevator()
    found = [(f.draft_value, f.final_value, f.severity) for f in report.findings if f.kind == "reference_changed"]
    assert found == [("本条例第六条", "本条例第八条", "medium")]
    muted = {(e.draft.written, e.final.written) for es in consequential(report.context).values() for e in es}
    assert muted == {("本条例第四条", "本条例第五条"), ("本条例第八条", "本条例第九条")}


def test_statistics_law_references_only_follow_renumbering() -> None:
    """统计法 2024 inserts three articles; every reference rewritten in 2024 follows them."""
    rewritten = edits(statistics_law().context)
    assert rewritten and all(e.consequential for e in rewritten)
    assert [f for f in statistics_law().findings if f.kind == "reference_changed"] == []


DRAFT = """某市物业管理条例

第一条 为了规范物业管理活动，制定本条例。

第二条 业主大会应当选举业主委员会。

第三条 业主委员会应当执行业主大会的决定。

第四条 违反本条例第二条规定的，由街道办事处责令限期改正。
"""


def test_a_reference_to_a_renamed_provision_in_place(tmp_path: Path) -> None:
    """No renumbering: 第二条 → 第三条 in 第四条 now names another article."""
    final = DRAFT.replace("违反本条例第二条规定的", "违反本条例第三条规定的")
    (f,) = [f for f in compare_texts(tmp_path, DRAFT, final).findings if f.kind == "reference_changed"]
    assert (f.draft_value, f.final_value) == ("本条例第二条", "本条例第三条")


def test_a_reference_that_follows_its_article_is_no_finding(tmp_path: Path) -> None:
    inserted = DRAFT.replace("第二条 业主大会", "第二条 业主大会会议由业主委员会召集。\n\n第三条 业主大会")
    final = inserted.replace("第三条 业主委员会应当执行", "第四条 业主委员会应当执行").replace(
        "第四条 违反本条例第二条规定的", "第五条 违反本条例第三条规定的")
    report = compare_texts(tmp_path, DRAFT, final)
    assert [f for f in report.findings if f.kind == "reference_changed"] == []
    assert [(e.draft.written, e.final.written) for e in edits(report.context)] == [("本条例第二条", "本条例第三条")]


def test_a_reference_added_beside_another_is_no_finding(tmp_path: Path) -> None:
    final = DRAFT.replace("违反本条例第二条规定的", "违反本条例第二条、第三条规定的")
    report = compare_texts(tmp_path, DRAFT, final)
    assert [f for f in report.findings if f.kind == "reference_changed"] == []


def test_a_rewritten_clause_is_no_reference_change(tmp_path: Path) -> None:
    """A clause replaced by another one that cites another article: a new provision, which
    the diff shows; not one reference that changed."""
    final = DRAFT.replace("违反本条例第二条规定的，由街道办事处责令限期改正。",
                          "业主委员会不依照本条例第三条履行职责的，业主可以向街道办事处投诉。")
    report = compare_texts(tmp_path, DRAFT, final)
    assert [f for f in report.findings if f.kind == "reference_changed"] == []


@pytest.mark.parametrize(
    "old, new",
    [
        ("违反本条例第二条第一款规定的", "违反本条例第二条第二款规定的"),  # the same article, another 款
        ("违反本条例第二条规定的", "违反前款规定的"),  # a relative reference now
    ],
)
def test_a_reference_to_another_part_is_low(tmp_path: Path, old: str, new: str) -> None:
    draft = DRAFT.replace("违反本条例第二条规定的", old)
    final = draft.replace(old, new)
    (f,) = [f for f in compare_texts(tmp_path, draft, final).findings if f.kind == "reference_changed"]
    assert f.severity == "low"


def test_renumbered_references_are_marked_in_the_diff() -> None:
    """The diff ops of 本条例第四条 → 第五条 (in 第十条) and 第八条 → 第九条 (in 第十二条) are listed
    in ``consequential`` (for the renderers to mute) and in the JSON; the changed fine of 第十条
    and the reference of 第十一条 that now names another article are not."""
    report = elevator()
    marked = {p.draft.number: sorted(p.diff[i][1] for i in p.consequential)
              for p in report.sections if p.consequential and p.draft is not None}
    # the changed number alone is the op (第[四]条 → 第[五]条), as every changed number is
    assert marked == {"第十条": ["五", "四"], "第十二条": ["九", "八"]}
    as_json = {s["draft"]["number"]: s.get("consequential") for s in report.to_dict()["sections"] if s["draft"]}
    assert as_json["第十一条"] is None and len(as_json["第十条"]) == 2
