"""Align two section trees: renumbered, renamed, moved, merged, split, removed, added.

Sections are matched by content, title and position together, never by number alone:
1. candidates come from an inverted index of character bigrams (no all-pairs matching);
2. an order-preserving pass keeps the heaviest chain of candidate pairs (weighted LIS);
3. what is left is paired by best score (moved), then by containment (merged / split);
4. the rest is removed (draft) or added (final).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from revdiff.model import Node, Part
from revdiff.textkey import key

MATCH = 0.42  # combined score to pair two sections
CONTAIN = 0.45  # share of a merged (split) section's text that came from a second partner


@dataclass
class Item:
    """A node of one side, flattened in reading order with what alignment needs."""

    node: Node
    index: int
    path: list[str]
    parent: int | None
    title_key: str
    own_key: str  # own body (or table rows)
    grams: Counter[str] = field(default_factory=Counter)  # bigrams of title + subtree


def node_body(node: Node) -> str:
    """The text a section is diffed on: its body, or its table rows joined with " | "."""
    if node.kind == "table" and node.rows:
        return "\n".join(" | ".join(r) for r in node.rows)
    return node.text


def _bigrams(s: str) -> Counter[str]:
    return Counter(s[i : i + 2] for i in range(len(s) - 1))


def flatten(part: Part) -> list[Item]:
    """Every node of ``part`` in reading order with its heading path."""
    items: list[Item] = []

    def visit(node: Node, path: list[str], parent: int | None) -> int:
        p = [*path, node.heading or node.kind]
        it = Item(node, len(items), p, parent, key(node.title), key(node_body(node)))
        items.append(it)
        sub = Counter(_bigrams(it.title_key + it.own_key))
        for c in node.children:
            ci = visit(c, p, it.index)
            if not it.own_key:
                sub.update(items[ci].grams)
        it.grams = sub
        return it.index

    for n in part.sections:
        visit(n, [], None)
    return items


def _dice(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    inter = sum((a & b).values())
    return 2 * inter / (sum(a.values()) + sum(b.values()))


def _contain(a: Counter[str], b: Counter[str]) -> float:
    """Share of ``a``'s bigrams that are in ``b``."""
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 0.0


def _title_sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) / 100.0


def score(d: Item, f: Item, nd: int, nf: int) -> float:
    """Combined similarity of two sections: body, title, kind and position."""
    if d.node.kind != f.node.kind and {d.node.kind, f.node.kind} != {"heading", "item"}:
        return 0.0
    body = _dice(d.grams, f.grams)
    title = _title_sim(d.title_key, f.title_key)
    pos = 1.0 - abs(d.index / max(nd, 1) - f.index / max(nf, 1))
    if d.title_key and f.title_key:
        s = 0.55 * body + 0.35 * title + 0.10 * pos
    else:
        s = 0.85 * body + 0.15 * pos
    if title == 1.0 and d.title_key and len(d.title_key) >= 4:
        s = max(s, 0.5 + 0.5 * body)  # the same heading text is strong evidence
    if d.node.level != f.node.level:
        s -= 0.05
    return s


def _candidates(ds: list[Item], fs: list[Item], k: int = 8) -> dict[int, list[tuple[float, int]]]:
    """Top-k final candidates per draft item, found through a bigram index."""
    index: dict[str, list[int]] = defaultdict(list)
    df: Counter[str] = Counter()
    for f in fs:
        for g in f.grams:
            index[g].append(f.index)
            df[g] += 1
    limit = max(50, len(fs) // 4)  # bigrams in very many sections say little
    title_index: dict[str, list[int]] = defaultdict(list)
    for f in fs:
        if f.title_key:
            title_index[f.title_key].append(f.index)
    out: dict[int, list[tuple[float, int]]] = {}
    for d in ds:
        hits: Counter[int] = Counter()
        for g in d.grams:
            if df[g] <= limit:
                for fi in index.get(g, ()):
                    hits[fi] += 1
        cand = {fi for fi, _ in hits.most_common(k * 2)}
        cand.update(title_index.get(d.title_key, ()))
        scored = sorted(((score(d, fs[fi], len(ds), len(fs)), fi) for fi in cand), reverse=True)[:k]
        out[d.index] = [(s, fi) for s, fi in scored if s >= MATCH * 0.8]
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
    for f in fs:
        if f.index in f2d or f.node.kind == "table":
            continue
        best = _best_container_rev(f, ds, d2f)
        if best is not None:
            split[f.index] = best
    merged_targets = set(merged.values())
    split_sources = set(split.values())
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


def _best_container(d: Item, fs: list[Item], f2d: dict[int, int], cands: list[tuple[float, int]]) -> int | None:
    best, best_c = None, 0.0
    pool = {fi for _, fi in cands}
    for fi in pool:
        f = fs[fi]
        if fi not in f2d or not f.own_key:
            continue
        fg = _bigrams(f.title_key + f.own_key)
        c = _contain(fg, d.grams)
        if c > best_c and _folded(c, _contain(d.grams, fg)):
            best, best_c = fi, c
    return best


def _best_container_rev(f: Item, ds: list[Item], d2f: dict[int, int]) -> int | None:
    best, best_c = None, 0.0
    fg = f.grams
    for d in ds:
        if d.index not in d2f or not d.own_key:
            continue
        dg = _bigrams(d.title_key + d.own_key)
        c = _contain(dg, fg)
        if c > best_c and _folded(c, _contain(fg, dg)):
            best, best_c = d.index, c
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


def _reading_order(links: list[Link], fs: list[Item]) -> list[Link]:
    """Entries in draft reading order; added sections after the final section before them."""
    placed: list[tuple[tuple[int, int, int], Link]] = []
    f_anchor: dict[int, int] = {}
    for link in links:
        if link.d is not None and link.f is not None:
            f_anchor.setdefault(link.f.index, link.d.index)
    anchors = sorted(f_anchor)
    for link in links:
        if link.d is not None:
            placed.append(((link.d.index, 0, link.f.index if link.f else -1), link))
        else:
            assert link.f is not None
            j = bisect.bisect_left(anchors, link.f.index) - 1
            d_at = f_anchor[anchors[j]] if j >= 0 else -1
            placed.append(((d_at, 1, link.f.index), link))
    placed.sort(key=lambda p: p[0])
    return [link for _, link in placed]
