"""Document genres: how a kind of document is numbered, built into a tree, aligned and checked.

A genre is one module registered here (like the readers): its ``detect`` scores how much a
document looks like the genre, ``build`` turns one part's lines into its section tree,
``align`` pairs the two sides' sections, and ``rules`` names the finding rules it runs.
Adding a genre means adding a module and one line in ``GENRES``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revdiff.errors import RevdiffError

if TYPE_CHECKING:
    from revdiff.align import Link
    from revdiff.model import Block, Part
    from revdiff.structure import Unit

Pins = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Genre:
    """One genre: the functions and facts the genre-neutral pipeline asks it for."""

    name: str
    detect: Callable[[list[str]], float]  # the document's lines → 0…1, how much it is of this genre
    build: Callable[[Part, list[Unit]], list[Block]]  # a part's section tree; returns marks removed
    align: Callable[[Part, Part, Pins], list[Link]]  # the two compared parts → alignment links
    unit: str  # what is compared: "heading" (any numbered heading) or "条" (the article map's rows)
    rules: tuple[str, ...]  # names of the finding rules (revdiff.classify) the genre runs
    # kinds of document (文种) a title of this genre ends with: 措施, 方案 … (see ``detect``)
    kinds: tuple[str, ...] = ()
    # terms its reviewers watch unless told otherwise (--watch and the settings file add to them);
    # shown only where they occur in either compared text
    watch: tuple[str, ...] = ()


# Registered genres in order: on a tie of scores the first (plan, the default) wins.
_MODULES = ["revdiff.genres.plan", "revdiff.genres.law"]
GENRES: list[Genre] = []


def genres() -> list[Genre]:
    """Every registered genre (loaded on first use)."""
    if not GENRES:
        GENRES.extend(importlib.import_module(m).GENRE for m in _MODULES)
    return GENRES


def names() -> list[str]:
    """The names of the registered genres, for --genre."""
    return [g.name for g in genres()]


def get(name: str) -> Genre:
    """The genre called ``name``; a one-line error naming the choices when there is none."""
    for g in genres():
        if g.name == name:
            return g
    raise RevdiffError(f"unknown genre {name!r}; use one of: {', '.join(names())}")


# what follows the 文种 at the end of a title: （征求意见稿） （试行） （2024—2026年）
_TITLE_TAIL = re.compile(r"(?:[（(][^（）()]*[)）]|\s)+$")


def _names_kind(title: str, kinds: tuple[str, ...]) -> bool:
    """True when ``title`` ends with one of ``kinds`` (the 文种 that ends an official title)."""
    return bool(kinds) and _TITLE_TAIL.sub("", title).endswith(kinds)


def detect(lines: list[str], title: str = "") -> Genre:
    """The genre whose ``detect`` scores ``lines`` highest (the first registered on a tie).

    A title whose 文种 is a kind of the default genre (…若干措施, …实施意见) keeps the document
    in it whatever its numbering: twenty flat 第N条 measures are still a plan.  The veto is one
    way because the default genre reads any numbering, while another genre reads only its own
    (the law genre builds nothing from 一、 headings, so a 管理办法 in 一、 must stay a plan).
    """
    default = best = genres()[0]
    best_score = best.detect(lines)
    for g in genres()[1:]:
        s = g.detect(lines)
        if s > best_score:
            best, best_score = g, s
    if best is not default and _names_kind(title, default.kinds):
        return default
    return best


def claimed_rules() -> set[str]:
    """Names of the finding rules some genre runs (a rule no genre names runs in every genre)."""
    return {r for g in genres() for r in g.rules}
