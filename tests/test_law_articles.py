"""Article groups: what the law rules compare together."""

from __future__ import annotations

from revdiff.classify import Context
from revdiff.classify.articles import groups, is_article, pair_items
from revdiff.classify.penalties import _score, find_penalties
from revdiff.model import Node, Part, SectionPair, SectionRef


def article(nid: str, number: str, text: str, line: int) -> Node:
    return Node("heading", 1, number, "", text, line, line, id=nid)


def ref(node: Node) -> SectionRef:
    return SectionRef(node.number, "", 1, [node.number], node.line_start, node.line_end, unit="条")


def test_merged_articles_are_compared_together() -> None:
    """第五条 and 第六条 are merged into 第五条: the fine of 第六条 did not vanish and the
    merged article adds none."""
    d5 = article("d5", "第五条", "经营者未公示收费标准的，处二千元以下罚款。", 10)
    d6 = article("d6", "第六条", "经营者未开具票据的，处五千元以下罚款。", 12)
    f5 = article("f5", "第五条", "经营者未公示收费标准的，处二千元以下罚款。经营者未开具票据的，处五千元以下罚款。", 10)
    pairs = [
        SectionPair("s1", "merged", False, 0.6, ref(d5), ref(f5), draft_node=d5, final_node=f5),
        SectionPair("s2", "merged", True, 0.5, ref(d6), ref(f5), draft_node=d6, final_node=f5),
    ]
    ctx = Context(Part("d", "document", 1, 20, "", [d5, d6]), Part("f", "document", 1, 20, "", [f5]), pairs)
    (g,) = groups(ctx)
    assert (g.draft, g.final) == ([d5, d6], [f5])
    paired = pair_items(ctx, find_penalties, _score)
    assert len(paired) == 2 and all(d is not None and f is not None for d, f in paired)


def test_article_numbers() -> None:
    assert is_article(article("a", "第十条", "", 1)) and is_article(article("b", "第十条之一", "", 1))
    assert not is_article(article("c", "第一章", "", 1)) and not is_article(article("d", "（一）", "", 1))
    assert not is_article(None)
