"""Nothing of the input is lost: every character lands in one node, a part, or the
boilerplate that cleaning removed; and every diff rebuilds both bodies exactly."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import revdiff
from revdiff.diff import diff_texts
from revdiff.model import Document

from .conftest import SAMPLES

SEEDS = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _chars(s: str) -> Counter[str]:
    return Counter(ch for ch in s if not ch.isspace())


def accounted(doc: Document) -> Counter[str]:
    """Every character the Document holds, plus what cleaning dropped."""
    c: Counter[str] = Counter()
    for p in doc.parts:
        c += (Counter() if p.title_derived else _chars(p.title)) + _chars(p.text)
        for n in p.nodes():
            c += _chars(n.number) + _chars(n.title) + _chars(n.sep) + _chars(n.text)
            for row in n.rows or []:
                c += _chars("".join(row))
    for b in doc.dropped:
        c += _chars(b.text)
    return c


@pytest.mark.parametrize("name", SEEDS)
def test_every_input_character_is_accounted_for_once(name: str) -> None:
    path = SAMPLES / name
    doc = revdiff.outline(str(path))
    assert accounted(doc) == _chars(path.read_text(encoding="utf-8"))


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
texty = st.text(alphabet=st.one_of(cjk, st.sampled_from("，。；、（）()1234567890.% \n\u3000—-年月万元≥")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(texty, texty)
def test_diff_ops_rebuild_both_sides(a: str, b: str) -> None:
    ops, formatting = diff_texts(a, b)
    assert "".join(t for op, t in ops if op <= 0) == a
    assert "".join(t for op, t in ops if op >= 0) == b
    assert all(ops[i][0] != 0 for i in formatting)


@settings(max_examples=150, deadline=None)
@given(texty, st.integers(0, 50), st.integers(0, 50), texty)
def test_edited_text_diff_rebuilds(base: str, i: int, j: int, insert: str) -> None:
    edited = base[:i] + insert + base[j:]
    ops, _ = diff_texts(base, edited)
    assert "".join(t for op, t in ops if op <= 0) == base
    assert "".join(t for op, t in ops if op >= 0) == edited


def test_formatting_only_difference_is_not_a_change() -> None:
    ops, formatting = diff_texts("到2025年，达到10件（预期性）。", "到 2025 年, 达到 10 件(预期性)。")
    changed = [i for i, (op, _) in enumerate(ops) if op != 0 and i not in formatting]
    assert changed == []
