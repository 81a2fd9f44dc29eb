"""Finding rules: each turns the aligned pairs into Findings of one topic.

Rules are registered in an ordered registry (like Python-Markdown's processors); a rule
has ``name`` and ``run(ctx) -> list[Finding]``.  ``classify`` runs them all, sorts the
findings most important first and gives them stable ids.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from revdiff.model import SEVERITY_ORDER, Finding, Node, Part, SectionPair


@dataclass
class Context:
    """What rules look at: the compared parts and their alignment."""

    draft: Part
    final: Part
    pairs: list[SectionPair]
    watch: list[str] = field(default_factory=list)  # the genre's default terms and the user's
    pledge_words: tuple[str, ...] = ()  # extra words that make a sentence a funding pledge
    pledge_units: tuple[str, ...] = ()  # extra money units (千元)
    severity: dict[str, str] = field(default_factory=dict)  # finding kind -> severity override
    genre: str = "plan"  # the genre compared in: it names the rules that run (revdiff/genres)
    by_draft: dict[str, SectionPair] = field(default_factory=dict)  # node id -> pair
    by_final: dict[str, SectionPair] = field(default_factory=dict)
    # what several rules derive from the same parts (a law's article groups, each article's
    # clauses), built once per comparison: see classify/articles.py
    shared: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for p in self.pairs:
            if p.draft_node is not None:
                self.by_draft.setdefault(p.draft_node.id, p)
            if p.final_node is not None:
                self.by_final.setdefault(p.final_node.id, p)

    def counterpart(self, node: Node, side: str) -> Node | None:
        """The aligned node on the other side of ``node`` (side is "draft" or "final")."""
        pair = (self.by_draft if side == "draft" else self.by_final).get(node.id)
        if pair is None:
            return None
        return pair.final_node if side == "draft" else pair.draft_node

    def nearest_line(self, node: Node, side: str, text: str) -> int | None:
        """Input line, on the other side, of the sentence most like ``text``.

        A removed pledge has no text in the final, but the reviewer still wants to see where
        it would have been: the line of the closest sentence of the aligned section.
        """
        other = self.counterpart(node, side)
        if other is None:
            return None
        from rapidfuzz.fuzz import ratio

        from revdiff.classify.extract import sentences
        from revdiff.textkey import key

        sents = sentences(other)
        if not sents:
            return other.line_start
        k = key(text)
        best = max(sents, key=lambda s: ratio(key(s.text), k))
        return best.line

    def pair_id(self, node: Node | None, side: str) -> str | None:
        """The SectionPair id that holds ``node`` on ``side``."""
        if node is None:
            return None
        pair = (self.by_draft if side == "draft" else self.by_final).get(node.id)
        return pair.id if pair else None


Rule = Callable[[Context], list[Finding]]
RULES: list[tuple[str, Rule]] = []
_builtins_registered = False


def _register_builtins() -> None:
    """Put the built-in rules first in the registry, once, whatever was registered before.

    Imported on first use, not at import time: the rules import rapidfuzz, which a bare
    ``revdiff --help`` must not pay for.
    """
    global _builtins_registered
    if _builtins_registered:
        return
    _builtins_registered = True
    from revdiff.classify import (
        agencies,
        deadlines,
        effective,
        eligibility,
        funding,
        obligations,
        sections,
        targets,
        terms,
        titles,
    )

    # titles and effective: no genre names them, so they run in every genre (a title and the
    # day a document takes effect are not genre-specific)
    own = [(mod.NAME, mod.run) for mod in (funding, targets, terms, obligations, agencies, eligibility, sections,
                                           deadlines)]
    RULES[:0] = own
    RULES[len(own):len(own)] = [(name, _imported_when_run(name)) for name in _LAW_RULES] + [
        (titles.NAME, titles.run), (effective.NAME, effective.run)]


# Rules of laws only, each in its module of the same name: imported when a law is compared, so
# that comparing a plan does not compile their regexes (a twentieth of a small comparison).
_LAW_RULES = ("penalties", "timelimits", "thresholds", "references", "replacements", "definitions")


def _imported_when_run(name: str) -> Rule:
    def run(ctx: Context) -> list[Finding]:
        return cast(Rule, importlib.import_module(f"revdiff.classify.{name}").run)(ctx)

    return run


def register(name: str, rule: Rule) -> None:
    """Append a finding rule to the registry (after the built-in ones)."""
    _register_builtins()
    RULES.append((name, rule))


_KIND_ORDER = [
    "funding_removed",
    "funding_changed",
    "penalty_removed",
    "penalty_changed",
    "target_removed",
    "target_changed",
    "deadline_changed",
    "obligation_weakened",
    "section_removed",
    "threshold_removed",
    "threshold_changed",
    "definition_removed",
    "definition_changed",
    "reference_changed",
    "term_removed",
    "funding_added",
    "target_added",
    "penalty_added",
    "threshold_added",
    "definition_added",
    "agency_changed",
    "obligation_strengthened",
    "term_added",
    "title_changed",
    "wording_replaced",
]


def _told_once(findings: list[Finding]) -> list[Finding]:
    """Each change told once, by its most telling finding.

    - A goal a regulation sets with 不少于 (每年筹集人才公寓不少于1000套) is read both as a target
      and as a threshold: the same numbers on the same lines are one change, told as a target.
    - An item that is one sentence (3.为全市中小学教室更换护眼灯具1.5万盏) cut with the commitment
      it made: the removed target, pledge or eligibility condition (资产负债率不高于70%) tells it,
      not a section_removed as well.
    """
    from revdiff.textkey import key

    def spot(f: Finding) -> tuple[str | None, str | None, int | None, int | None]:
        return (f.draft_value, f.final_value, f.draft_line, f.final_line)

    targets = {spot(f) for f in findings if f.kind.startswith("target_")}
    cut: dict[str, str] = {}  # section id -> the text of the commitments removed with it
    cut_lines: set[tuple[str, int | None]] = set()  # and their lines
    for f in findings:
        if (f.kind in ("target_removed", "funding_removed") or f.eligibility) and f.draft_section:
            cut[f.draft_section] = cut.get(f.draft_section, "") + key(f.draft_text or "")
            cut_lines.add((f.draft_section, f.draft_line))

    def restated(f: Finding) -> bool:
        if f.kind.startswith("threshold_"):
            return spot(f) in targets
        if f.kind == "section_removed" and f.draft_section in cut:
            sentence = key(re.sub(r"^\s*[\d一二三四五六七八九十]+\s*[.．、]", "", f.draft_text or ""))
            if not sentence or re.fullmatch(r"[（(][一二三四五六七八九十\d]+[)）]", sentence):
                # （四）资产负债率不高于70%； an item whose sentence is its body: the item is its line
                return (f.draft_section, f.draft_line) in cut_lines
            return sentence in cut[f.draft_section]
        return False

    return [f for f in findings if not restated(f)]


def classify(ctx: Context) -> list[Finding]:
    """Run the registered rules of the genre compared in; return findings most important first, with ids."""
    _register_builtins()
    from revdiff import genres

    # the genre's own rules, and any rule no genre names yet (it runs in every genre)
    wanted = set(genres.get(ctx.genre).rules)
    claimed = genres.claimed_rules()
    findings: list[Finding] = []
    for name, rule in RULES:
        if name in wanted or name not in claimed:
            findings.extend(rule(ctx))
    findings = _told_once(findings)
    for f in findings:
        f.severity = ctx.severity.get(f.kind, f.severity)

    def order(f: Finding) -> tuple[int, int, int]:
        k = _KIND_ORDER.index(f.kind) if f.kind in _KIND_ORDER else len(_KIND_ORDER)
        return (SEVERITY_ORDER[f.severity], k, f.draft_line or f.final_line or 0)

    findings.sort(key=order)
    for i, f in enumerate(findings, 1):
        f.id = f"f{i}"
    return findings
