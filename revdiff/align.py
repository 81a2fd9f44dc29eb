"""Align two section trees: renumbered, renamed, moved, merged, split, removed, added.

Sections are matched by content, title and position together, never by number alone:
1. candidates come from an inverted index of character bigrams (no all-pairs matching);
2. an order-preserving pass keeps the heaviest chain of candidate pairs (weighted LIS);
3. what is left is paired by best score (moved), then by containment (merged / split);
4. the rest is removed (draft) or added (final).
"""

from __future__ import annotations

import bisect
import operator
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import TypeAlias

from revdiff.model import Node, Part
from revdiff.textkey import key

MATCH = 0.40  # combined score to pair two sections
CONTAIN = 0.45  # share of a merged (split) section's text that came from a second partner
RARE = 24  # a bigram in more sections than this says little about which one matches
PROBES = 48  # rarest bigrams of a section's own text used to look up candidates

# A bigram is one int, the two code points side by side (< 2**21 each), ordered as the
# strings would be (code point by code point), so ties break the same way.  A section keeps
# its distinct bigrams as an array of 8-byte machine ints, not a set: a set costs ~90 bytes a
# bigram (its table and one int object each) and the sets of every section were most of a
# comparison's memory.  A set is built for one section at a time, while it is compared.
Grams: TypeAlias = "array[int]"


@dataclass
class Item:
    """A node of one side, flattened in reading order with what alignment needs."""

    node: Node
    index: int
    path: list[str]
    parent: int | None
    title_key: str
    own_key: str  # own body (or table rows)
    own: Grams = field(default_factory=lambda: array("Q"))  # distinct bigrams of title + own body
    grams: Grams = field(default_factory=lambda: array("Q"))  # of title + subtree (containers without a body)
    children: list[int] = field(default_factory=list)


def node_body(node: Node) -> str:
    """The text a section is diffed on: its body, or its table rows joined with " | "."""
    if node.kind == "table" and node.rows:
        return "\n".join(" | ".join(r) for r in node.rows)
    return node.text


def _bigrams(s: str) -> Grams:
    codes = list(map(ord, s))  # each code point shifted and joined with the next, in C
    return array("Q", set(map(operator.or_, map(operator.lshift, codes, repeat(21)), codes[1:])))


def flatten(part: Part) -> list[Item]:
    """Every node of ``part`` in reading order with its heading path."""
    items: list[Item] = []

    def visit(node: Node, path: list[str], parent: int | None) -> int:
        p = [*path, node.heading or node.kind]
        it = Item(node, len(items), p, parent, key(node.title), key(node_body(node)))
        items.append(it)
        it.own = _bigrams(it.title_key + it.own_key)
        for c in node.children:
            it.children.append(visit(c, p, it.index))
        if it.own_key:
            it.grams = it.own
        else:
            it.grams = array("Q", set(it.own).union(*(items[ci].grams for ci in it.children)))
        return it.index

    for n in part.sections:
        visit(n, [], None)
    return items


def _common(a: Grams, b: Grams, a_set: set[int] | None = None) -> int:
    """How many bigrams ``a`` and ``b`` share, through a set of ``a`` (``a_set`` when given)."""
    return len((set(a) if a_set is None else a_set).intersection(b))


def _dice(a: Grams, b: Grams, a_set: set[int] | None = None) -> float:
    if not a or not b:
        return 0.0
    return 2 * _common(a, b, a_set) / (len(a) + len(b))


def _contain(a: Grams, b: Grams) -> float:
    """Share of ``a``'s bigrams that are in ``b``."""
    return _common(b, a) / len(a) if a else 0.0


def _title_sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) / 100.0


def score(d: Item, f: Item, nd: int, nf: int, at_least: float = 0.0,
          d_set: set[int] | None = None) -> float:
    """Combined similarity of two sections: body, title, kind and position.

    With ``at_least``, a pair that cannot reach it is given 0.0 without computing the body
    similarity (the costly part): its bound from the two sizes alone already falls short.
    ``d_set``: the set of ``d.grams``, when ``d`` is scored against several sections.
    """
    if d.node.kind != f.node.kind and {d.node.kind, f.node.kind} != {"heading", "item"}:
        return 0.0
    title = _title_sim(d.title_key, f.title_key)
    pos = 1.0 - abs(d.index / max(nd, 1) - f.index / max(nf, 1))
    both_titled = bool(d.title_key and f.title_key)
    same_title = title == 1.0 and bool(d.title_key) and len(d.title_key) >= 4
    penalty = 0.05 if d.node.level != f.node.level else 0.0

    def combined(body: float) -> float:  # non-decreasing in body, so a bound on body bounds it
        s = 0.55 * body + 0.35 * title + 0.10 * pos if both_titled else 0.85 * body + 0.15 * pos
        if same_title:
            s = max(s, 0.5 + 0.5 * body)  # the same heading text is strong evidence
        return s - penalty

    if at_least and combined(_dice_bound(d.grams, f.grams)) < at_least:
        return 0.0
    return combined(_dice(d.grams, f.grams, d_set))


def _dice_bound(a: Grams, b: Grams) -> float:
    """The highest Dice similarity two sets of these sizes can have."""
    if not a or not b:
        return 0.0
    return 2 * min(len(a), len(b)) / (len(a) + len(b))


class _Index:
    """Inverted index of the rare bigrams of one side's sections (own text and titles)."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.postings: dict[int, list[int]] = defaultdict(list)
        for it in items:
            for g in it.own:
                self.postings[g].append(it.index)
        self.titles: dict[str, list[int]] = defaultdict(list)
        for it in items:
            if it.title_key:
                self.titles[it.title_key].append(it.index)
        self.rare = {g: p for g, p in self.postings.items() if len(p) <= RARE}

    def lookup(self, grams: Grams, limit: int) -> list[int]:
        """Sections sharing the most rare bigrams with ``grams`` (its rarest PROBES only)."""
        rare = sorted((len(self.rare[g]), g) for g in self.rare.keys() & grams)  # in C
        hits = Counter(chain.from_iterable(self.rare[g] for _, g in rare[:PROBES]))  # one count, in C
        return [i for i, _ in hits.most_common(limit)]


def _candidates(ds: list[Item], fs: list[Item], k: int = 8,
                only: list[Item] | None = None) -> dict[int, list[tuple[float, int]]]:
    """Top-k candidates on the other side (``fs``) for each item of ``ds`` (or of ``only``).

    Sections with a body of their own look theirs up in the index; containers (a heading
    whose text is all in its children) take the parents of their children's candidates.
    Scoring is most of the cost, so with ``only`` just those items are scored (the lookup
    still runs over all of ``ds``: a container's candidates come from its children's).
    """
    index = _Index(fs)
    found: dict[int, set[int]] = {}
    for d in reversed(ds):  # children before parents
        # the same title (a common one such as 加强组织领导 recurs): the k nearest in position
        at = d.index / max(len(ds), 1)
        same_title = sorted(index.titles.get(d.title_key, ()), key=lambda fi: abs(fi / max(len(fs), 1) - at))
        cand: set[int] = set(same_title[:k])
        if d.own_key:
            cand.update(index.lookup(d.own, k))
        votes: Counter[int] = Counter(p for c in d.children for fi in found.get(c, ()) if (p := fs[fi].parent) is not None)
        cand.update(p for p, _ in votes.most_common(k))
        if not d.own_key and not d.children:
            cand.update(index.lookup(d.own, k))
        found[d.index] = cand
    out: dict[int, list[tuple[float, int]]] = {}
    floor = MATCH * 0.8
    for d in ds if only is None else only:
        d_set = set(d.grams)
        scored = sorted(((score(d, fs[fi], len(ds), len(fs), floor, d_set), fi) for fi in found[d.index]),
                        reverse=True)[:k]
        out[d.index] = [(s, fi) for s, fi in scored if s >= floor]
    return out


def _heaviest_chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Max-weight chain of pairs increasing in both indices (weighted LIS)."""
    pairs = sorted(pairs, key=lambda p: (p[0], -p[1]))
    # best[j] over final index: O(P log P) with a Fenwick tree of (weight, pair)
    fmax = max((p[1] for p in pairs), default=0) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (fmax + 1)

    def query(i: int) -> tuple[float, int]:
        best = (0.0, -1)
        while i > 0:
            if tree[i][0] > best[0]:
                best = tree[i]
            i -= i & -i
        return best

    def update(i: int, val: tuple[float, int]) -> None:
        while i <= fmax:
            if val[0] > tree[i][0]:
                tree[i] = val
            i += i & -i

    prev: list[int] = []
    total: list[float] = []
    for n, (_, fi, w) in enumerate(pairs):
        best = query(fi + 1)  # chains ending at a final index < fi
        total.append(best[0] + w)
        prev.append(best[1])
        update(fi + 2, (total[-1], n))
    if not pairs:
        return []
    n = max(range(len(pairs)), key=lambda i: total[i])
    chain = []
    while n != -1:
        chain.append(pairs[n])
        n = prev[n]
    return chain[::-1]


@dataclass
class Link:
    """One alignment entry before it becomes a SectionPair."""

    status: str
    d: Item | None
    f: Item | None
    similarity: float


def align(draft: Part, final: Part) -> tuple[list[Link], list[Item], list[Item]]:
    """Align the section trees of two parts; returns links plus both flattened sides."""
    ds, fs = flatten(draft), flatten(final)
    cands = _candidates(ds, fs)
    pairs = [(di, fi, sc) for di, lst in cands.items() for sc, fi in lst if sc >= MATCH]
    chain = _heaviest_chain(pairs)
    d2f: dict[int, int] = {}
    f2d: dict[int, int] = {}
    sim: dict[int, float] = {}
    for di, fi, sc in chain:
        d2f[di], f2d[fi], sim[di] = fi, di, sc
    in_order = set(d2f)
    # leftovers: best remaining partner, wherever it is (moved)
    for d in ds:
        if d.index in d2f:
            continue
        for sc, fi in cands.get(d.index, []):
            if fi not in f2d and sc >= MATCH + 0.1:
                d2f[d.index], f2d[fi], sim[d.index] = fi, d.index, sc
                break
    links: list[Link] = []
    merged: dict[int, int] = {}
    split: dict[int, int] = {}
    # merged: an unmatched draft section whose content lives on in a matched final one
    for d in ds:
        if d.index in d2f or d.node.kind == "table":
            continue
        best = _best_container(d, fs, f2d, cands.get(d.index, []))
        if best is not None:
            merged[d.index] = best
    unmatched = [f for f in fs if f.index not in f2d and f.node.kind != "table"]
    back = _candidates(fs, ds, only=unmatched) if unmatched else {}
    for f in unmatched:
        best = _best_container(f, ds, d2f, back.get(f.index, []))
        if best is not None:
            split[f.index] = best
    split_sources = set(split.values())
    # a paragraph split into items: a short item (1.市财政每年安排…5亿元) is too small a share of
    # the paragraph to count alone, but when its siblings split from it and nearly all of it is
    # there, it came from it too
    for f in unmatched:
        if f.index not in split and len(f.own):
            came = {split[g.index] for g in fs if g.parent == f.parent and g.index in split}
            came = {oi for oi in came if ds[oi].own_key and _contain(f.own, ds[oi].own) >= 0.75}
            if len(came) == 1:
                split[f.index] = came.pop()
    merged_targets = set(merged.values())
    for d in ds:
        if d.index in d2f:
            f = fs[d2f[d.index]]
            if f.index in merged_targets:
                status = "merged"
            elif d.index in split_sources:
                status = "split"
            else:
                status = _status(d, f, moved=d.index not in in_order or _parent_moved(d, f, d2f))
            links.append(Link(status, d, f, sim[d.index]))
        elif d.index in merged:
            f = fs[merged[d.index]]
            links.append(Link("merged", d, f, _contain(d.grams, f.grams)))
        else:
            links.append(Link("removed", d, None, 0.0))
    for f in fs:
        if f.index in f2d:
            continue
        if f.index in split:
            d = ds[split[f.index]]
            links.append(Link("split", d, f, _contain(f.grams, d.grams)))
        else:
            links.append(Link("added", None, f, 0.0))
    return _reading_order(links, fs), ds, fs


def _folded(share_of_whole: float, part_kept: float) -> bool:
    """Did a section go into a bigger one?  Either much of the whole came from it and a fair
    part of it survives, or nearly all of it survives inside the whole."""
    return (share_of_whole >= CONTAIN and part_kept >= 0.3) or (part_kept >= 0.75 and share_of_whole >= 0.25)


def _best_container(item: Item, others: list[Item], matched: dict[int, int],
                    cands: list[tuple[float, int]]) -> int | None:
    """The matched section on the other side that ``item`` was folded into (merged) or
    split out of: the candidate whose own text comes most from ``item``."""
    best, best_c = None, 0.0
    for _, oi in cands:
        o = others[oi]
        if oi not in matched or not o.own_key:
            continue
        c = _contain(o.own, item.grams)
        if c > best_c and _folded(c, _contain(item.grams, o.own)):
            best, best_c = oi, c
    return best


def _parent_moved(d: Item, f: Item, d2f: dict[int, int]) -> bool:
    """True when the section now sits under a different (matched) parent."""
    if d.parent is None or f.parent is None:
        return False
    return d.parent in d2f and d2f[d.parent] != f.parent


def _status(d: Item, f: Item, moved: bool) -> str:
    if moved:
        return "moved"
    if d.title_key != f.title_key:
        return "renamed"
    if d.own_key != f.own_key:
        return "modified"
    return "unchanged"


def _reading_order(links: list[Link], fs: list[Item], moved_where_final: bool = False) -> list[Link]:
    """Entries in draft reading order; added sections after the final section before them, and
    so the second part of a split (a law's 节 divided in two: the new 节 stands where the final
    text has it, not above the articles its draft partner keeps).  A section that moved is no
    anchor: what the final adds after it belongs where the final has it, not where the moved
    section came from (a law's new chapter, one of whose articles came from 总则).  With
    ``moved_where_final`` a moved section itself stands where the final has it, as a law's
    修改对照表 shows an article moved into another chapter (with its former number)."""
    placed: list[tuple[tuple[int, int, int], Link]] = []
    f_anchor: dict[int, int] = {}
    for link in links:
        if link.d is not None and link.f is not None and link.status != "moved":
            f_anchor.setdefault(link.f.index, link.d.index)
    anchors = sorted(f_anchor)
    seen: set[int] = set()
    for link in links:
        split_off = link.status == "split" and link.d is not None and link.d.index in seen
        by_final = split_off or (moved_where_final and link.status == "moved")
        if link.d is not None and not by_final:
            seen.add(link.d.index)
            placed.append(((link.d.index, 0, link.f.index if link.f else -1), link))
        else:
            assert link.f is not None
            j = bisect.bisect_left(anchors, link.f.index) - 1
            d_at = f_anchor[anchors[j]] if j >= 0 else -1
            placed.append(((d_at, 1, link.f.index), link))
    placed.sort(key=lambda p: p[0])
    return [link for _, link in placed]
