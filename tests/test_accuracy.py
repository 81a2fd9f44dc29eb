"""The accuracy benchmark (benchmarks/accuracy.py) as a regression check, and its scorer."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from .conftest import load_accuracy


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load_accuracy()


def test_corpus_meets_the_floors(accuracy: ModuleType) -> None:
    totals = accuracy.Totals([accuracy.run_pair(d) for d in accuracy.corpus()])
    misses = {r.name: (r.misses, [f["kind"] + " " + str(f.get("draft_text") or f.get("final_text"))
                                  for f in r.false_alarms]) for r in totals.results if r.misses or r.false_alarms}
    assert totals.recall() >= 0.95, misses
    assert totals.precision() >= 0.95, misses
    assert totals.alignment() >= 0.9
    # a forbidden item is a trap written into the pair on purpose (a statistic next to a
    # target, a fund's size, a threshold): none may be reported, whatever the averages say
    assert {r.name: r.traps for r in totals.results if r.traps} == {}


def test_corpus_pairs_are_annotated_with_traps(accuracy: ModuleType) -> None:
    own = [d for d in accuracy.corpus() if d.parent.name == "corpus"]
    assert len(own) >= 12
    for d in own:
        exp = json.loads((d / "expected.json").read_text("utf-8"))
        assert exp.get("complete") is True, d.name
        assert exp.get("forbidden"), f"{d.name}: a pair needs traps (forbidden findings)"


def _finding(kind: str, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "draft_text": None, "final_text": None, **fields}


def test_scorer_counts_hits_misses_and_false_alarms(accuracy: ModuleType) -> None:
    exp = {
        "complete": True,
        "findings": [
            {"kind": "funding_changed", "draft_value": "30", "final_value": "20"},
            {"kind": "target_added", "final_value": "300"},
            {"kind": "obligation_weakened"},  # not a scored kind: ignored
        ],
        "sections": [{"status": "removed", "draft_title": "甲"}],
    }
    report = {
        "findings": [
            _finding("funding_changed", draft_value="30", final_value="20"),
            _finding("funding_removed", draft_value="8600"),  # a false alarm: the pair is complete
            _finding("term_removed"),  # not scored
        ],
        "sections": [{"status": "removed", "draft": {"number": "一、", "title": "甲"}, "final": None}],
    }
    res = accuracy.score_pair("x", exp, report)
    assert res.hits == {"funding_changed": 1}
    assert res.misses == [{"kind": "target_added", "final_value": "300"}]
    assert [f["draft_value"] for f in res.false_alarms] == ["8600"]
    assert (res.sections, res.sections_ok) == (1, 1)
    totals = accuracy.Totals([res])
    assert totals.recall() == 0.5 and totals.precision() == 0.5


def test_scorer_counts_only_forbidden_items_when_not_complete(accuracy: ModuleType) -> None:
    exp = {"findings": [], "forbidden": [{"draft_value": "186"}]}
    report = {"findings": [_finding("target_removed", draft_value="186"), _finding("target_removed", draft_value="7")],
              "sections": []}
    res = accuracy.score_pair("x", exp, report)
    assert [f["draft_value"] for f in res.false_alarms] == ["186"]
    assert res.traps == [{"draft_value": "186"}]
