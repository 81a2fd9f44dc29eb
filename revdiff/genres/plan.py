"""The policy-plan genre (规划, 方案, 措施, 意见): GB/T 9704 headings 一、 → （一） → 1. → （1）.

Its numbering patterns live in revdiff/numbering.py, its tree builder in structure.py and its
aligner in align.py (any numbered heading, box, table or item is a unit of comparison); this
module registers them as a genre.  It is the default: a document that is not clearly of
another genre is read as a plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from revdiff.errors import RevdiffError
from revdiff.genres import Genre, Pins
from revdiff.numbering import match_marker

if TYPE_CHECKING:
    from revdiff.align import Link
    from revdiff.model import Block, Part
    from revdiff.structure import Unit

# marker styles that open a section of a plan (items such as 一是 or -- do not)
_HEADINGS = ("cn-dun", "cn-paren", "ar-dot", "ar-dun", "ar-paren", "box")


def detect(lines: list[str]) -> float:
    """Share of the numbered lines that are plan headings (一、 （一） 1. 专栏)."""
    plan = articles = 0
    for line in lines:
        m = match_marker(line.strip(" \t\u3000\xa0"))
        if m is None:
            continue
        if m.style in _HEADINGS:
            plan += 1
        elif m.style == "article":
            articles += 1
    return plan / (plan + articles) if plan else 0.0


def build(part: Part, units: list[Unit]) -> list[Block]:
    """The plan section tree of ``part`` (structure.py's context-driven levels)."""
    from revdiff.structure import build_plan_tree

    build_plan_tree(part, units)
    return []


def align(draft: Part, final: Part, pins: Pins) -> list[Link]:
    """Align two plans' section trees (revdiff/align.py); pins are for articles of laws."""
    from revdiff.align import align as align_trees

    if pins:
        raise RevdiffError("--pin / --pins pair articles of laws and regulations; these documents are "
                           "read as policy plans (force it with --genre law)")
    links, _, _ = align_trees(draft, final)
    return links


GENRE = Genre(
    name="plan",
    detect=detect,
    build=build,
    align=align,
    unit="heading",
    rules=("funding", "targets", "terms", "obligations", "agencies", "eligibility", "sections", "deadlines"),
    # GB/T 9704 titles end with the document's kind; these are plans whatever their numbering
    kinds=("规划", "纲要", "计划", "方案", "措施", "意见", "要点", "政策"),  # 若干政策: a local government's measures
    # a plan reviewer's standing question: where did copyright support go (the tool's first use)
    watch=("版权",),
)
