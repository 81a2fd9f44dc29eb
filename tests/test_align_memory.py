"""The alignment keeps each section's bigrams compactly (issue 16: memory ≤ ~40× the input).

A section's distinct bigrams are stored as machine ints in an array, not as a set (a set's
table and one int object per bigram were most of a comparison's memory); a container holds
the union of its subtree.  The similarity computed on them is the plain Dice coefficient.
"""

from __future__ import annotations

import sys

from revdiff.align import _contain, _dice, flatten
from revdiff.clean import clean
from revdiff.model import Block, RawDoc
from revdiff.structure import parse
from revdiff.textkey import key

LINES = [
    "青川县农村供水保障三年行动方案",
    "为巩固农村供水工程建设成果，制定本方案。",
    "一、总体要求",
    "（一）基本原则",
    "坚持城乡统筹、建管并重，坚持政府主导、群众参与，逐步实现城乡供水同源同网同质。",
    "（二）主要目标",
    "到2027年，农村自来水普及率达到95%，规模化供水工程覆盖农村人口比例达到70%。",
    "二、重点任务",
    "（一）实施水源保护",
    "划定千吨万人以上饮用水水源保护区，设立界标和警示标志，每季度开展一次水质检测。",
    "（二）推进管网改造",
    "改造老旧供水管网300公里，每季度开展一次漏损检测，管网漏损率控制在10%以内，县财政安排专项资金2000万元。",
]


def _items():  # noqa: ANN202
    raw = RawDoc("plan.txt", "txt", "utf-8", [Block(t, i) for i, t in enumerate(LINES, 1)])
    return flatten(parse(clean(raw)).parts[0])


def _bigram_count(text: str) -> int:
    return len({text[i : i + 2] for i in range(len(text) - 1)})


def test_each_section_keeps_its_distinct_bigrams_and_a_container_its_subtree() -> None:
    items = _items()
    leaves = [it for it in items if it.own_key]
    assert len(leaves) == 4
    for it in leaves:
        assert len(it.own) == _bigram_count(it.title_key + it.own_key)
        assert it.grams is it.own
    chapter = next(it for it in items if it.title_key == key("重点任务"))
    assert not chapter.own_key
    subtree = set(chapter.own).union(*(items[c].grams for c in chapter.children))
    assert sorted(chapter.grams) == sorted(subtree)
    assert len(chapter.grams) > max(len(items[c].grams) for c in chapter.children)


def test_bigrams_are_stored_in_a_few_bytes_each() -> None:
    items = _items()
    stored = sum(len(it.own) for it in items)
    size = sum(sys.getsizeof(it.own) for it in items)
    assert stored > 150
    assert size / stored < 16  # a set's table alone takes more than 16 bytes a member


def test_similarity_is_dice_on_distinct_bigrams() -> None:
    items = _items()
    a, b = (next(it for it in items if it.own_key.startswith(key(s))) for s in ("划定", "改造"))
    both = set(a.own) & set(b.own)
    assert len(both) >= 6  # 每季度开展一次 … 检测
    assert _dice(a.own, b.own) == 2 * len(both) / (len(a.own) + len(b.own))
    assert _dice(a.own, b.own, set(a.own)) == _dice(a.own, b.own)
    assert _contain(a.own, b.own) == len(both) / len(a.own)
    assert _dice(a.own, a.own) == 1.0 and _contain(a.own, a.own) == 1.0
