"""Targets and pledges are paired on candidates found in rapidfuzz's C loop (classify/alike.py):
the pairs must be exactly those that scoring every draft item against every final item gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio

import revdiff
from revdiff.classify import alike, funding, targets

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(p.parent for p in (ROOT / "benchmarks" / "corpus").glob("*/draft.txt"))

_words = st.text(alphabet="资金补助目标企业家万元亿达到年市县区给予不超过", max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(_words, max_size=6), st.lists(_words, max_size=6), st.integers(0, 100))
def test_alike_pairs_are_every_pair_at_or_above_the_cutoff(drafts: list[str], finals: list[str], cutoff: int) -> None:
    brute = {(i, j) for i, d in enumerate(drafts) for j, f in enumerate(finals) if ratio(d, f) >= cutoff}
    assert alike.alike_pairs(drafts, finals, cutoff) == brute


def _every_pair(drafts: list[str], finals: list[str], cutoff: float) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(drafts)) for j in range(len(finals))}


def _findings(draft: Path, final: Path) -> list[tuple[str, str]]:
    return [(f.kind, f.note) for f in revdiff.compare(str(draft), str(final)).findings]


@pytest.mark.parametrize("pair", CORPUS, ids=lambda p: p.name)
def test_candidates_lose_no_pair_on_the_corpus(pair: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _findings(pair / "draft.txt", pair / "final.txt")
    monkeypatch.setattr(targets, "alike_pairs", _every_pair)
    monkeypatch.setattr(funding, "alike_pairs", _every_pair)
    assert fast == _findings(pair / "draft.txt", pair / "final.txt")


_DRAFT = """关于支持中小企业发展的若干措施

一、加大财政支持
（一）对新认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元。
（二）对首次入选省级制造业单项冠军的企业，市财政给予20万元奖励。
"""
_FINAL = """关于支持中小企业发展的若干措施

一、加大财政支持
（一）新获评国家级专精特新“小巨人”称号的企业，由市财政奖励30万元。
（二）对首次入选省级制造业单项冠军的企业，市财政给予20万元奖励。
"""


def test_a_reworded_pledge_with_a_cut_amount_still_pairs(tmp_path: Path) -> None:
    # the reworded sentence is far below an exact match: only a candidate floor low enough
    # for the section bonus keeps it paired (a changed amount, not one removed and one added)
    (tmp_path / "d.txt").write_text(_DRAFT, encoding="utf-8")
    (tmp_path / "f.txt").write_text(_FINAL, encoding="utf-8")
    kinds = [k for k, _ in _findings(tmp_path / "d.txt", tmp_path / "f.txt")]
    assert kinds == ["funding_changed"]


def test_target_candidates_reach_every_name_that_can_pair(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a name pairs when its ratio plus the section bonus (5) passes SAME_MEASURE: the candidate
    # cutoff must let every such name through
    seen: list[float] = []

    def spy(drafts: list[str], finals: list[str], cutoff: float) -> set[tuple[int, int]]:
        seen.append(cutoff)
        return alike.alike_pairs(drafts, finals, cutoff)

    monkeypatch.setattr(targets, "alike_pairs", spy)
    (tmp_path / "d.txt").write_text(_DRAFT + "二、目标\n（一）到2025年，全市研发机构覆盖率达到60%。\n", encoding="utf-8")
    (tmp_path / "f.txt").write_text(_FINAL + "二、目标\n（一）到2025年，全市研发机构覆盖率达到50%。\n", encoding="utf-8")
    _findings(tmp_path / "d.txt", tmp_path / "f.txt")
    assert seen and all(c <= targets.SAME_MEASURE - 5 for c in seen)
