"""The article map: every old article paired with its new article(s), and chapters with chapters.

Articles of one law share a lot of boilerplate (违反本法规定…的，由…责令改正，处…罚款), so
they are compared on character bigrams weighted by rarity (idf over the articles of both
versions): two penalty articles about different duties share only cheap bigrams and stay
apart, an honest removed + added rather than a wrong pair.  Then, as reviewers' tools do:
1. pins (``--pin 第十二条=第十四条``) fix pairs a reviewer has checked;
2. an order-preserving pass keeps the heaviest chain of similar pairs (a 修正 inserts and
   deletes articles: every later number shifts, the order stays);
3. what is left is paired by best similarity wherever it is (moved);
4. an unpaired article whose text lives on inside a paired one was merged into it (draft
   side) or split out of it (final side); the rest is removed or added.
Chapters (编/分编/章/节) are paired by the articles they hold and by their titles, so a chapter
that became a 节, a renamed chapter, a new chapter and two chapters merged into one each show
as such.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from revdiff.align import Item, Link, _heaviest_chain, _reading_order, flatten, score
from revdiff.errors import RevdiffError
from revdiff.genres.law import matching_text, number_key
from revdiff.model import Part

MATCH = 0.30  # weighted similarity to pair two articles in order
GAP = 0.20  # … in order between two paired neighbours
MOVE = 0.35  # … to pair them out of order (a moved article must be clearly the same)
FOLD = 0.60  # share of an unpaired article's weight found in a paired one: merged / split
NEAR_FOLD = 0.35  # … when the unpaired article stands right next to that one's partner
PROBES = 32  # rarest bigrams of an article used to look up its candidates
RARE = 24  # a bigram in more articles than this (both versions) is not looked up
CANDIDATES = 8  # candidates scored per article
MIN_OWN = 8  # characters an article needs beyond the penalty formulas to be compared on them
HEADING_MATCH = 0.35  # score to pair two chapters (shared articles and title)
OTHER_MATCH = 0.40  # score to pair a preamble or table with one on the other side


@dataclass
class _Side:
    items: list[Item]
    arts: list[Item]  # articles in reading order
    grams: list[frozenset[str]]  # bigrams of each article (title + body)
    own: list[frozenset[str] | None]  # … without penalty formulas (None: too little is left)
    heads: list[Item]  # 编/分编/章/节 headings

    @classmethod
    def of(cls, part: Part) -> _Side:
        items = flatten(part)
        arts = [it for it in items if it.node.unit == "条"]
        texts = [it.title_key + it.own_key for it in arts]
        owns = [matching_text(t) for t in texts]
        heads = [it for it in items if it.node.unit not in (None, "条")]
        return cls(items, arts, [_bigrams(t) for t in texts],
                   [_bigrams(o) if len(o) >= MIN_OWN else None for o in owns], heads)

    def heading_of(self, it: Item) -> int | None:
        """Item index of the nearest 编/章/节 above ``it``."""
        p = it.parent
        while p is not None and self.items[p].node.unit in (None, "条"):
            p = self.items[p].parent
        return p


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(map(operator.add, text, text[1:]))  # each char + the next, paired in C


class _Weights:
    """Bigram weights (idf² over the articles of both sides) and weighted similarities."""

    def __init__(self, d: _Side, f: _Side) -> None:
        df: Counter[str] = Counter()
        for side in (d, f):
            for full, own in zip(side.grams, side.own, strict=True):
                df.update(full | own if own is not None else full)
        n = len(d.grams) + len(f.grams)
        self.df = df
        self.w = {g: math.log((n + 1) / c) ** 2 for g, c in df.items()}
        self.d, self.f = d, f
        self._totals: dict[int, float] = {}  # id of a gram set → its weight (each set is weighed once)

    def total(self, grams: frozenset[str]) -> float:
        t = self._totals.get(id(grams))
        if t is None:
            t = self._totals[id(grams)] = sum(map(self.w.__getitem__, grams))
        return t

    def shared(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(map(self.w.__getitem__, a & b))

    def texts(self, di: int, fi: int) -> tuple[frozenset[str], frozenset[str]]:
        """What two articles are compared on: their own wording without the penalty formulas,
        unless one of them is nothing but formulas (构成犯罪的，依法追究刑事责任)."""
        a, b = self.d.own[di], self.f.own[fi]
        if a is None or b is None:
            return self.d.grams[di], self.f.grams[fi]
        return a, b

    def similarity(self, di: int, fi: int) -> float:
        """Cosine of the two articles' rarity-weighted bigram sets."""
        a, b = self.texts(di, fi)
        norm = math.sqrt(self.total(a) * self.total(b))
        return self.shared(a, b) / norm if norm else 0.0

    def kept(self, di: int, fi: int, side: int) -> float:
        """Share of one article's weight (side 0: the draft's) found in the other."""
        a, b = self.texts(di, fi)
        mine = a if side == 0 else b
        total = self.total(mine)
        return self.shared(a, b) / total if total else 0.0


def _lookup(src: list[frozenset[str]], dst: list[frozenset[str]], weights: _Weights) -> list[set[int]]:
    """For each article of ``src``, the articles of ``dst`` sharing most of its rarest bigrams."""
    rarity = weights.df.__getitem__
    postings: dict[str, list[int]] = {}
    for j, grams in enumerate(dst):
        for g in grams:
            if rarity(g) <= RARE:  # a common bigram never tells articles apart
                postings.setdefault(g, []).append(j)
    out = []
    for grams in src:
        rare = sorted(grams & postings.keys(), key=rarity)[:PROBES]
        hits = Counter(chain.from_iterable(map(postings.__getitem__, rare)))
        out.append({j for j, _ in hits.most_common(CANDIDATES)})
    return out


def _pin_pairs(d: _Side, f: _Side, pins: Sequence[tuple[str, str]]) -> dict[int, int]:
    """Article positions of each pin (draft number, final number); an error names a bad one."""
    def position(side: _Side, number: str, which: str) -> int:
        k = number_key(number.strip())
        for pos, it in enumerate(side.arts):
            if k is not None and number_key(it.node.number) == k:
                return pos
        raise RevdiffError(f"--pin {number}: the {which} has no article {number}; "
                           "pins name articles as written, e.g. --pin 第十二条=第十四条")

    out: dict[int, int] = {}
    for dn, fn in pins:
        di, fi = position(d, dn, "draft"), position(f, fn, "final")
        if di in out or fi in out.values():
            raise RevdiffError(f"--pin {dn}={fn}: that article is pinned twice; give each article one pin")
        out[di] = fi
    return out


def align_articles(draft: Part, final: Part, pins: Sequence[tuple[str, str]] = ()) -> list[Link]:
    """Align two versions of a law: articles, chapters and the rest (preamble, tables)."""
    d, f = _Side.of(draft), _Side.of(final)
    weights = _Weights(d, f)
    forward = _lookup(d.grams, f.grams, weights)
    backward = _lookup(f.grams, d.grams, weights)
    cands: dict[tuple[int, int], float] = {}
    for di, fis in enumerate(forward):
        for fi in fis:
            cands[(di, fi)] = 0.0
    for fi, dis in enumerate(backward):
        for di in dis:
            cands[(di, fi)] = 0.0
    for di, fi in cands:
        cands[(di, fi)] = weights.similarity(di, fi)

    d2f = _pin_pairs(d, f, pins)
    pinned_f = set(d2f.values())
    pinned_d = set(d2f)
    chain = _heaviest_chain([(di, fi, s) for (di, fi), s in cands.items()
                             if s >= MATCH and di not in pinned_d and fi not in pinned_f])
    for di, fi, _ in chain:
        d2f[di] = fi
    _fill_gaps(d2f, cands, len(d.arts), len(f.arts))
    _pair_commencement(d, f, d2f)
    in_order = set(d2f) - pinned_d
    taken = set(d2f.values())
    for (di, fi), s in sorted(cands.items(), key=lambda kv: -kv[1]):
        if s < MOVE:
            break
        if di not in d2f and fi not in taken:
            d2f[di] = fi
            taken.add(fi)
    f2d = {fi: di for di, fi in d2f.items()}
    # merged: an unpaired draft article most of whose weight is inside a paired final one
    merged = _folded(cands, weights, set(d2f), taken, f2d, side=0)
    split = _folded(cands, weights, taken, set(d2f), d2f, side=1)

    head_pairs = _pair_headings(d, f, d2f)
    folded = _folded_headings(d, f, head_pairs, d2f)
    parted = _split_headings(d, f, head_pairs, d2f)
    partner_head = dict(head_pairs)
    for hi, gi in folded.items():  # an article of a merged chapter stays in its place
        partner_head[hi] = gi
    split_off = {(hi, gi) for gi, hi in parted.items()}  # so does one of a chapter split in two
    links: list[Link] = []
    merged_into = set(merged.values())
    split_from = set(split.values())
    for di, it in enumerate(d.arts):
        if di in d2f:
            fi = d2f[di]
            fit = f.arts[fi]
            if fi in merged_into:
                status = "merged"
            elif di in split_from:
                status = "split"
            else:
                moved = (di not in in_order and di not in pinned_d) or (
                    partner_head.get(d.heading_of(it)) != f.heading_of(fit)
                    and (d.heading_of(it), f.heading_of(fit)) not in split_off)
                status = _status(it, fit, moved)
            links.append(Link(status, it, fit, cands.get((di, fi), 1.0)))
        elif di in merged:
            fi = merged[di]
            links.append(Link("merged", it, f.arts[fi], cands[(di, fi)]))
        else:
            links.append(Link("removed", it, None, 0.0))
    for fi, fit in enumerate(f.arts):
        if fi in f2d:
            continue
        if fi in split:
            di = split[fi]
            links.append(Link("split", d.arts[di], fit, cands[(di, fi)]))
        else:
            links.append(Link("added", None, fit, 0.0))
    links.extend(_heading_links(d, f, head_pairs, folded, parted))
    links.extend(_other_links(d, f))
    return _reading_order(links, f.items, moved_where_final=True)


def _pair_commencement(d: _Side, f: _Side, d2f: dict[int, int]) -> None:
    """Pair the article each side says it takes effect in (本法自…起施行), when it is left unpaired
    on both sides.  A law has one; a draft's blank date (自　　年　　月　　日起施行) filled in and a 款
    on pending cases added leave too little shared wording to pair it on, yet it is the same article."""
    from revdiff.classify.effective import START

    taken = set(d2f.values())
    ds = [di for di, it in enumerate(d.arts) if di not in d2f and START.search(it.node.text)]
    fs = [fi for fi, it in enumerate(f.arts) if fi not in taken and START.search(it.node.text)]
    if len(ds) == 1 and len(fs) == 1:
        d2f[ds[0]] = fs[0]


def _fill_gaps(d2f: dict[int, int], cands: dict[tuple[int, int], float], nd: int, nf: int) -> None:
    """Between two paired articles, pair what is left in the same order on a lower bar.

    A reworded article that stayed in its place shares less wording than one that moved
    would need to (GAP < MATCH): its neighbours vouch for it, as in a line diff.
    """
    anchors = sorted((di, fi) for di, fi in d2f.items())
    bounds = [(-1, -1), *anchors, (nd, nf)]
    for (d0, f0), (d1, f1) in zip(bounds, bounds[1:], strict=False):
        if d1 - d0 < 2 or f1 - f0 < 2 or f1 < f0:
            continue
        gap = [(di, fi, s) for (di, fi), s in cands.items() if d0 < di < d1 and f0 < fi < f1 and s >= GAP]
        for di, fi, _ in _heaviest_chain(gap):
            d2f[di] = fi


def _folded(cands: dict[tuple[int, int], float], weights: _Weights, paired_src: set[int], paired_dst: set[int],
            partner: dict[int, int], side: int) -> dict[int, int]:
    """Unpaired articles of one side (0: draft, 1: final) whose weight lives on mostly in a
    paired article of the other: {unpaired position: the paired article's position}.

    ``partner`` maps a paired article of the other side to its partner on this side.  An
    article split in two gives consecutive articles (a merged one came from consecutive
    ones), and the half that got new wording keeps less of the old: next to the partner, a
    lower share is enough.
    """
    best: dict[int, tuple[float, int]] = {}
    for pair in cands:
        s, o = pair[side], pair[1 - side]
        if s in paired_src or o not in paired_dst:
            continue
        kept = weights.kept(pair[0], pair[1], side)
        bar = NEAR_FOLD if abs(partner[o] - s) == 1 else FOLD
        if kept >= bar and kept > best.get(s, (0.0, -1))[0]:
            best[s] = (kept, o)
    return {s: o for s, (_, o) in best.items()}


def _status(d: Item, f: Item, moved: bool) -> str:
    if moved:
        return "moved"
    if d.title_key != f.title_key and (d.node.unit != "条" or (d.title_key and f.title_key)):
        # a chapter's new name, or a 【条旨】 reworded; an adopted text that drops the 条旨 of
        # its draft (as most do) renames nothing
        return "renamed"
    return "modified" if d.own_key != f.own_key else "unchanged"


def _articles_under(side: _Side) -> dict[int, set[int]]:
    """Item index of each heading → positions of the articles below it."""
    pos = {it.index: k for k, it in enumerate(side.arts)}
    out: dict[int, set[int]] = {h.index: set() for h in side.heads}
    for it in side.arts:
        p = it.parent
        while p is not None:
            if p in out:
                out[p].add(pos[it.index])
            p = side.items[p].parent
    return out


def _pair_headings(d: _Side, f: _Side, d2f: dict[int, int]) -> dict[int | None, int | None]:
    """Draft heading item index → final heading item index, by shared articles and title."""
    from rapidfuzz.fuzz import ratio

    d_under, f_under = _articles_under(d), _articles_under(f)
    scored = []
    for h in d.heads:
        mapped = {d2f[a] for a in d_under[h.index] if a in d2f}
        for g in f.heads:
            if {h.node.unit, g.node.unit} - {"章", "节"} and h.node.unit != g.node.unit:
                continue  # a 编 pairs with a 编; 章 and 节 pair with each other (chapters → sections)
            size = max(len(d_under[h.index]), len(f_under[g.index]), 1)
            shared = len(mapped & f_under[g.index]) / size
            title = ratio(h.title_key, g.title_key) / 100.0 if h.title_key and g.title_key else 0.0
            s = 0.6 * shared + 0.4 * title
            if s >= HEADING_MATCH:
                scored.append((s, h.index, g.index))
    out: dict[int | None, int | None] = {None: None}
    used: set[int] = set()
    for _, hi, gi in sorted(scored, reverse=True):
        if hi not in out and gi not in used:
            out[hi] = gi
            used.add(gi)
    return out


def _folded_headings(d: _Side, f: _Side, pairs: dict[int | None, int | None], d2f: dict[int, int]) -> dict[int, int]:
    """Unpaired draft headings whose articles went, at least half of them, into one paired
    final heading: {draft heading: that final heading}.  Two chapters folded into one (a 修订
    that merges 第二章 and 第三章), rather than a chapter deleted with its articles."""
    d_under, f_under = _articles_under(d), _articles_under(f)
    paired = set(pairs.values())
    out: dict[int, int] = {}
    for h in d.heads:
        if pairs.get(h.index) is not None:
            continue
        mapped = [d2f[a] for a in d_under[h.index] if a in d2f]
        best = max(((len(f_under[g].intersection(mapped)), g) for g in f_under if g in paired), default=(0, -1))
        if best[0] and 2 * best[0] >= len(d_under[h.index]):
            out[h.index] = best[1]
    return out


def _split_headings(d: _Side, f: _Side, pairs: dict[int | None, int | None], d2f: dict[int, int]) -> dict[int, int]:
    """Unpaired final headings split off a paired one: {final heading: the draft heading}.  A
    修订 that divides 第三节 into 第三节 and 第四节 gives a new heading right after the partner
    of a draft heading, of the same unit, at least half of whose articles came from it."""
    d_under, f_under = _articles_under(d), _articles_under(f)
    final_of = {gi: hi for hi, gi in pairs.items() if hi is not None and gi is not None}
    out: dict[int, int] = {}
    for prev, g in zip(f.heads, f.heads[1:], strict=False):
        hi = final_of.get(prev.index)
        if g.index in final_of or hi is None or prev.node.unit != g.node.unit:
            continue
        came = {d2f[a] for a in d_under[hi] if a in d2f} & f_under[g.index]
        if came and 2 * len(came) >= len(f_under[g.index]):
            out[g.index] = hi
    return out


def _heading_links(d: _Side, f: _Side, pairs: dict[int | None, int | None], folded: dict[int, int],
                   parted: dict[int, int]) -> list[Link]:
    from rapidfuzz.fuzz import ratio

    in_order = {di for di, _, _ in _heaviest_chain([(hi, gi, 1.0) for hi, gi in pairs.items()
                                                    if hi is not None and gi is not None])}
    paired = set(pairs.values())
    links = []
    for h in d.heads:
        gi = pairs.get(h.index)
        if gi is None and h.index in folded:
            g = f.items[folded[h.index]]
            links.append(Link("merged", h, g, ratio(h.title_key, g.title_key) / 100.0))
            continue
        if gi is None:
            links.append(Link("removed", h, None, 0.0))
            continue
        g = f.items[gi]
        if gi in folded.values():
            status = "merged"
        elif h.index in parted.values():
            status = "split"
        elif h.node.unit != g.node.unit or h.index not in in_order:
            status = "moved"  # a chapter that became a 节 (or the reverse), or now stands elsewhere
        else:
            status = _status(h, g, moved=False)
        links.append(Link(status, h, g, ratio(h.title_key, g.title_key) / 100.0))
    for g in f.heads:
        if g.index in parted:
            h = d.items[parted[g.index]]
            links.append(Link("split", h, g, ratio(h.title_key, g.title_key) / 100.0))
        elif g.index not in paired:
            links.append(Link("added", None, g, 0.0))
    return links


def _other_links(d: _Side, f: _Side) -> list[Link]:
    """The preamble, tables and whatever else is neither article nor heading, in order."""
    ds = [it for it in d.items if it.node.unit is None]
    fs = [it for it in f.items if it.node.unit is None]
    links = []
    used: set[int] = set()
    for it in ds:
        left = [o for o in fs if o.index not in used]
        best = max(((score(it, o, len(d.items), len(f.items)), o.index) for o in left), default=(0.0, -1))
        pre = next((o for o in left if o.node.kind == "preamble"), None) if it.node.kind == "preamble" else None
        if pre is not None:  # the text before the first heading (题注, 目录) has one role on both sides
            best = (score(it, pre, len(d.items), len(f.items)), pre.index)
        if best[0] >= OTHER_MATCH or pre is not None:
            o = f.items[best[1]]
            used.add(o.index)
            links.append(Link(_status(it, o, moved=False), it, o, best[0]))
        else:
            links.append(Link("removed", it, None, 0.0))
    links.extend(Link("added", None, o, 0.0) for o in fs if o.index not in used)
    return links
