"""Work the law rules share within one comparison: built once, read by every rule, and the
findings the same whichever rule asks first."""

from __future__ import annotations

from revdiff.classify import Context, penalties, thresholds, timelimits
from revdiff.classify.articles import Clause, article_clauses, items_of
from revdiff.genres.law import clause_changes, clauses, item_map
from revdiff.model import Node, Part, SectionPair, SectionRef

# an invented 管理办法 article revised: the fine raised, the time limit shortened, the
# threshold (一百人) unchanged, so only the first two may be reported as changed
DRAFT = ("举办一百人以上的活动，主办单位应当在活动举办十五日前向所在地公安机关报告；"
         "未报告的，处二千元以上一万元以下罚款。")
FINAL = ("举办一百人以上的活动，主办单位应当在活动举办二十日前向所在地公安机关报告；"
         "未报告的，处五千元以上二万元以下罚款。")


def _ctx() -> Context:
    d = Node("heading", 1, "第十二条", "", DRAFT, 30, 31, id="d12")
    f = Node("heading", 1, "第十二条", "", FINAL, 30, 31, id="f12")
    r = SectionRef("第十二条", "", 1, ["第十二条"], 30, 31, unit="条")
    pairs = [SectionPair("s1", "modified", False, 0.8, r, r, draft_node=d, final_node=f)]
    return Context(Part("d", "document", 1, 40, "", [d]), Part("f", "document", 1, 40, "", [f]), pairs)


def test_an_article_is_split_into_clauses_once_per_comparison() -> None:
    ctx, other = _ctx(), _ctx()
    art = ctx.draft.sections[0]
    assert article_clauses(ctx, art) is article_clauses(ctx, art)
    # another comparison builds its own (its nodes are other objects)
    assert article_clauses(other, other.draft.sections[0]) is not article_clauses(ctx, art)
    assert [c.text for c in article_clauses(ctx, art)] == [c.text for c in article_clauses(other, other.draft.sections[0])]


def test_a_clause_is_read_once_per_extractor() -> None:
    calls: list[str] = []

    def extract(clause: Clause) -> list[str]:
        calls.append(clause.text)
        return [clause.text[:2]]

    clause = article_clauses(_ctx(), _ctx().draft.sections[0])[0]
    assert items_of(clause, extract) == items_of(clause, extract) == [clause.text[:2]]
    assert calls == [clause.text]


def test_findings_do_not_depend_on_which_rule_reads_a_clause_first() -> None:
    """The threshold rule skips the fine and the time limit whether or not their own rules
    found them first in the same comparison."""
    first = _ctx()
    alone = thresholds.run(first)
    second = _ctx()
    penalties.run(second)
    timelimits.run(second)
    after = thresholds.run(second)
    assert alone == after
    assert not any(f.kind.startswith("threshold") for f in after)  # 一百人 did not change
    third = _ctx()
    kinds = {f.kind for f in penalties.run(third) + timelimits.run(third)}
    assert any(k.startswith("penalty") for k in kinds) and "deadline_changed" in kinds


def test_a_bodys_clauses_are_a_fresh_list_each_time() -> None:
    """The split is cached by text: a caller that changes its list must not change the next."""
    body = "有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）逾期申请的。\n申请人可以补正。"
    got = clauses(body)
    assert [u for u, _, _ in got] == ["款", "项", "项", "款"]
    got.clear()
    assert len(clauses(body)) == 4
    # a 项 inserted above: the old （二） is now （三）, and only the new one is added
    final = "有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）材料虚假的；\n（三）逾期申请的。\n申请人可以补正。"
    assert item_map(body, final)["第一款第（二）项"] == "第一款第（三）项"
    assert clause_changes(body, final) == [{"draft": None, "final": "第一款第（二）项", "change": "added"}]
