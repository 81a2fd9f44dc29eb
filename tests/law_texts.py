"""Helpers for the law-rule tests: a clause from one invented sentence, a comparison of two
invented law texts, and the invented regulation pair in tests/fixtures/law-rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import revdiff
from revdiff.classify.articles import Clause
from revdiff.model import Node, Report

HERE = Path(__file__).resolve().parent
ELEVATOR = HERE / "fixtures" / "law-rules"
LAWS = HERE / "laws"


def clause(text: str) -> Clause:
    """``text`` as a clause of an article 第一条."""
    return Clause(text, 1, Node("heading", 1, "第一条", "", text, 1, 1), 0)


def compare_texts(tmp_path: Path, draft: str, final: str, genre: str = "law") -> Report:
    """Compare two texts written as .txt files, as laws (a text of two or three articles is
    too short for the genre to be detected) unless ``genre`` says otherwise."""
    d, f = tmp_path / "draft.txt", tmp_path / "final.txt"
    d.write_text(draft, encoding="utf-8")
    f.write_text(final, encoding="utf-8")
    return revdiff.compare(str(d), str(f), genre=genre)


@lru_cache(maxsize=1)
def elevator() -> Report:
    """The invented 电梯安全管理条例: a 征求意见稿 and its adopted text (one article inserted)."""
    return revdiff.compare(str(ELEVATOR / "elevator-draft.txt"), str(ELEVATOR / "elevator-final.txt"))


@lru_cache(maxsize=1)
def statistics_law() -> Report:
    """统计法 2009 → 2024 (a 修正: three articles inserted, fines raised)."""
    return revdiff.compare(str(LAWS / "statistics-law-2009.md"), str(LAWS / "statistics-law-2024.md"))
