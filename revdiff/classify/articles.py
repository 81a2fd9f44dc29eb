"""The articles (第X条) of a law, as the law rules compare them.

A law is compared article by article: an article's 款, 项 and 目 belong to it, and a penalty,
time limit or threshold is looked for in the article that holds it on each side.  Articles
merged or split by a revision are compared together: the aligned pairs that share an
article form one ``ArticleGroup``.  Documents without articles (policy plans) have no groups,
so the law rules find nothing in them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeGuard, TypeVar, cast

from rapidfuzz.fuzz import ratio

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Node, SectionPair
from revdiff.textkey import key

ARTICLE = re.compile(r"^第[零〇一二两三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?$")
# every Chinese or Arabic number: masked when two clauses are compared for their wording
NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千万亿\d.]+")


def is_article(node: Node | None) -> TypeGuard[Node]:
    """True for an article node (第十条, 第十条之一)."""
    return node is not None and bool(ARTICLE.match(node.number.replace(" ", "").replace("\u3000", "")))


@dataclass
class Clause:
    """A sentence or clause (split at 。；) of an article, its 款, 项 or 目."""

    text: str
    line: int
    article: Node
    index: int  # position within the article
    offset: int = -1  # where the clause starts in the article's body; -1: not in it (a title, a 项 node)
    # extractor -> its items in this clause: the threshold rule needs the penalties and time
    # limits that their own rules already found here (see ``items_of``)
    found: dict[Callable[[Clause], list[Any]], list[Any]] = field(default_factory=dict, repr=False, compare=False)


def clauses(article: Node) -> list[Clause]:
    """Every clause of an article and of its 项/目, in reading order, with its input line
    (a title too: a 项's words, an article's 【条旨】 or a first sentence read as its title)."""
    out: list[Clause] = []
    for node in article.walk():
        if node.title.strip():
            out.append(Clause(node.title.strip(), node.line_start, article, len(out)))
        for s in sentences(node):
            out.append(Clause(s.text, s.line, article, len(out), s.offset if node is article else -1))
    return out


def article_clauses(ctx: Context, article: Node) -> list[Clause]:
    """``clauses(article)``, built once per comparison and shared by the rules that read them
    (penalties, time limits, thresholds, references), so each clause's items are found once."""
    cache: dict[int, list[Clause]] = ctx.shared.setdefault("clauses", {})
    if id(article) not in cache:  # the Context holds both parts: an id stays this article's
        cache[id(article)] = clauses(article)
    return cache[id(article)]


@dataclass
class ArticleGroup:
    """Draft and final articles that the alignment ties together (one pair, or a merge/split)."""

    draft: list[Node] = field(default_factory=list)
    final: list[Node] = field(default_factory=list)


def groups(ctx: Context) -> list[ArticleGroup]:
    """The article groups of a comparison, in draft reading order (added articles last);
    built once per comparison (every law rule walks them)."""
    if "groups" not in ctx.shared:
        ctx.shared["groups"] = _groups(ctx)
    return cast(list[ArticleGroup], ctx.shared["groups"])


def _groups(ctx: Context) -> list[ArticleGroup]:
    """The article groups of a comparison, built from its aligned pairs."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    article_pairs: list[tuple[SectionPair, list[tuple[str, str]]]] = []
    for p in ctx.pairs:
        ends = [("d", p.draft_node.id)] if is_article(p.draft_node) else []
        ends += [("f", p.final_node.id)] if is_article(p.final_node) else []
        if ends:
            article_pairs.append((p, ends))
            for e in ends[1:]:
                parent[find(e)] = find(ends[0])
    out: dict[tuple[str, str], ArticleGroup] = {}
    for p, ends in article_pairs:
        g = out.setdefault(find(ends[0]), ArticleGroup())
        for node, side in ((p.draft_node, g.draft), (p.final_node, g.final)):
            if is_article(node) and all(n is not node for n in side):
                side.append(node)
    return sorted(out.values(), key=lambda g: (not g.draft, (g.draft or g.final)[0].line_start))


@lru_cache(maxsize=16384)
def label(text: str) -> str:
    """A clause's wording with its numbers masked, to pair clauses whose amounts changed.

    Cached: each law rule compares the same clauses again."""
    return NUMBER.sub("#", key(text))


T = TypeVar("T")


def match(draft: Sequence[T], final: Sequence[T], score: Callable[[T, T], float | None],
          ) -> list[tuple[T | None, T | None]]:
    """Pair items best first by ``score`` (None: never pair): (d, f) pairs in draft order,
    then (d, None) for the draft items left over and (None, f) for the final ones."""
    scored = []
    for i, d in enumerate(draft):
        for j, f in enumerate(final):
            s = score(d, f)
            if s is not None:
                scored.append((s, -i, -j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, ni, nj in sorted(scored, reverse=True):
        if -ni not in pairs and -nj not in used:
            pairs[-ni] = -nj
            used.add(-nj)
    out: list[tuple[T | None, T | None]] = [(d, final[pairs[i]] if i in pairs else None) for i, d in enumerate(draft)]
    out.extend((None, f) for j, f in enumerate(final) if j not in used)
    return out


def similar(a: str, b: str) -> float:
    """Similarity (0–100) of two clauses' wordings with their numbers masked."""
    return ratio(label(a), label(b))


MOVED = 90  # clause similarity (0–100) for an item to have moved to another article unchanged


class Item:
    """What the law rules extract from a clause: a penalty, a time limit, a threshold."""

    clause: Clause


class Cited(Protocol):
    """Anything a law rule reports that sits in a clause (an Item, a cross-reference)."""

    clause: Clause


def cite(ctx: Context, d: Cited | None, f: Cited | None) -> dict[str, Any]:
    """Where a finding about items ``d`` / ``f`` stands: both sides' section ids and lines.

    A side without the item cites the aligned article on that side and its sentence closest
    to the other side's clause, so a reviewer sees where the item would have been.
    """
    if d is not None and f is not None:
        return {"draft_section": ctx.pair_id(d.clause.article, "draft"),
                "final_section": ctx.pair_id(f.clause.article, "final"),
                "draft_line": d.clause.line, "final_line": f.clause.line}
    if d is not None:
        art = d.clause.article
        return {"draft_section": ctx.pair_id(art, "draft"),
                "final_section": ctx.pair_id(ctx.counterpart(art, "draft"), "final"),
                "draft_line": d.clause.line, "final_line": ctx.nearest_line(art, "draft", d.clause.text)}
    assert f is not None
    art = f.clause.article
    return {"draft_section": ctx.pair_id(ctx.counterpart(art, "final"), "draft"),
            "final_section": ctx.pair_id(art, "final"),
            "draft_line": ctx.nearest_line(art, "final", f.clause.text), "final_line": f.clause.line}


ItemT = TypeVar("ItemT", bound=Item)


def items_of(clause: Clause, extract: Callable[[Clause], list[ItemT]]) -> list[ItemT]:
    """``extract(clause)``, found once per clause whichever rule asks first."""
    if extract not in clause.found:
        clause.found[extract] = extract(clause)
    return clause.found[extract]


def pair_items(ctx: Context, extract: Callable[[Clause], list[ItemT]],
               score: Callable[[ItemT, ItemT], float | None]) -> list[tuple[ItemT | None, ItemT | None]]:
    """Every item of both sides' articles, paired article group by article group.

    Items left unpaired in their group are tried once more across the whole document, but
    only with a clause worded (numbers aside) almost the same: a sentence that moved to
    another article is the same item, not one removed and one added.
    """
    out: list[tuple[ItemT | None, ItemT | None]] = []
    for g in groups(ctx):
        ds = [i for a in g.draft for c in article_clauses(ctx, a) for i in items_of(c, extract)]
        fs = [i for a in g.final for c in article_clauses(ctx, a) for i in items_of(c, extract)]
        paired = match(ds, fs, score)  # (a local: mypy infers the pairs' type from it)
        out.extend(paired)
    left_d = [d for d, f in out if d is not None and f is None]
    left_f = [f for d, f in out if f is not None and d is None]

    def moved(d: ItemT, f: ItemT) -> float | None:
        s = score(d, f)
        return s if s is not None and similar(d.clause.text, f.clause.text) >= MOVED else None

    twin = {id(d): f for d, f in match(left_d, left_f, moved) if d is not None and f is not None}
    if not twin:
        return out
    taken = {id(f) for f in twin.values()}
    kept: list[tuple[ItemT | None, ItemT | None]] = []
    for d, f in out:
        if d is not None and f is None and id(d) in twin:
            kept.append((d, twin[id(d)]))
        elif not (d is None and f is not None and id(f) in taken):
            kept.append((d, f))
    return kept
