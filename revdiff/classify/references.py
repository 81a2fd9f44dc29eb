"""Cross-references inside a law: 本法第十四条, 依照本条例第X条, 第X条第X款第X项, 前款.

When a revision inserts or deletes an article, every later number shifts and the references
to them are rewritten: 本法第十三条 becomes 本法第十四条 because 第十三条 *is* 第十四条 now.  That
is a consequential edit, never a finding: ``consequential(ctx)`` lists them per pair, for a
renderer to show muted.  A reference that now points at another provision (the article it
named is not the one it names now, or another 款 / 项) is a ``reference_changed`` finding:
medium when the article differs, low when only the 款, 项 or a relative reference (前款 →
前两款) changed.  A 款 that moved within its article (a 款 inserted or deleted above it)
takes its references along: 本条第二款 → 本条第三款, 第十五条第二款 → 第十四条第三款, and 前两款 →
前款 when one of the two was deleted, are consequential too.  References to other laws
(《立法法》第八条, 依照刑法第二百条) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from revdiff.classify import Context
from revdiff.classify.articles import Clause, article_clauses, cite, groups, is_article, match
from revdiff.diff import ops_within
from revdiff.model import Finding
from revdiff.money import cn_number
from revdiff.numbering import HAN
from revdiff.textkey import key

NAME = "references"

_CN = r"[零〇一二两三四五六七八九十百千\d]+"
REF = re.compile(
    rf"(?P<scope>本法|本条例|本办法|本规定|本细则|本规则|本决定)?第(?P<art>{_CN})条(?:之(?P<zhi>{_CN}))?"
    rf"(?:第(?P<kuan>{_CN})款)?(?:第[（(]?(?P<xiang>{_CN})[）)]?项)?"
    rf"|(?P<rel>前[两二三四]?款|前条|本条第{_CN}款(?:第[（(]?{_CN}[）)]?项)?|本款第[（(]?{_CN}[）)]?项)"
)
# a reference right after another law's name is to that law: 《立法法》第八条, 刑法第二百条
OTHER_LAW = re.compile(r"(?:》|(?<!本)(?:法|条例|办法|规定|细则|决定))(?:的)?(?:有关规定)?$")
SAME_CLAUSE = 60  # similarity (0–100) of two clauses, references masked, to be one clause


@dataclass
class Reference:
    """A reference to a provision of the same law, as written in a clause."""

    clause: Clause
    written: str
    article: tuple[int, int] | None  # (13, 0) for 第十三条, (13, 1) for 第十三条之一; None: relative
    rest: tuple[str, str]  # the 款 and 项 as written (numbers), "" when absent
    start: int = 0  # where it is in the clause

    @property
    def span(self) -> tuple[int, int] | None:
        """Where the reference is in its article's body (None: the clause is not in the body)."""
        if self.clause.offset < 0:
            return None
        at = self.clause.offset + self.start
        return at, at + len(self.written)


@dataclass
class RefEdit:
    """A reference rewritten in an aligned clause: only renumbered, or now elsewhere."""

    draft: Reference
    final: Reference
    consequential: bool


def article_key(number: str) -> tuple[int, int] | None:
    """(13, 1) for "第十三条之一", (13, 0) for "第十三条"; None for anything else."""
    m = re.match(rf"^第({_CN})条(?:之({_CN}))?$", number.replace(" ", "").replace("\u3000", ""))
    if not m:
        return None
    art = cn_number(m.group(1))
    zhi = cn_number(m.group(2)) if m.group(2) else 0
    return (int(art), int(zhi or 0)) if art is not None else None


# what joins the articles of one list of references: 《××法》第九条、第十条 cites both in that law
_LISTED = re.compile(r"(?:、|和|及|以及|或者|或|至|，)")


def _other_law(text: str, matches: list[re.Match[str]], k: int) -> bool:
    """Is the k-th reference in ``text`` to another law: right after its name, or listed after
    a reference to it (《××法》第九条、第十条)?"""
    m = matches[k]
    if m.group("rel") or m.group("scope"):
        return False
    if OTHER_LAW.search(text[: m.start()]):
        return True
    return k > 0 and _LISTED.fullmatch(text[matches[k - 1].end() : m.start()]) is not None and _other_law(
        text, matches, k - 1)


def find_references(clause: Clause) -> list[Reference]:
    """The clause's references to its own law, in order."""
    out: list[Reference] = []
    matches = list(REF.finditer(clause.text))
    for k, m in enumerate(matches):
        if m.group("rel"):
            out.append(Reference(clause, m.group(0), None, ("", ""), m.start()))
            continue
        if _other_law(clause.text, matches, k):
            continue
        art = article_key(f"第{m.group('art')}条" + (f"之{m.group('zhi')}" if m.group("zhi") else ""))
        if art is not None:
            out.append(Reference(clause, m.group(0), art, (m.group("kuan") or "", m.group("xiang") or ""), m.start()))
    return out


# the law a reference to another law names, right before it: 《中华人民共和国种子法》, 种子法
_LAW_NAME = re.compile(rf"(?:《([^《》]{{2,60}})》|({HAN}{{2,30}}?(?:法|条例)))(?:的)?(?:有关规定)?$")


def other_law_references(clause: Clause) -> list[tuple[str, Reference]]:
    """The clause's references to other laws, each with the law's name: (种子法, 第六条)."""
    out: list[tuple[str, Reference]] = []
    matches = list(REF.finditer(clause.text))
    name: re.Match[str] | None = None
    for k, m in enumerate(matches):
        if not _other_law(clause.text, matches, k):
            continue
        if OTHER_LAW.search(clause.text[: m.start()]):  # else listed after the last name found
            name = _LAW_NAME.search(clause.text[: m.start()])
        art = article_key(f"第{m.group('art')}条" + (f"之{m.group('zhi')}" if m.group("zhi") else ""))
        if name is not None and art is not None:
            ref = Reference(clause, m.group(0), art, (m.group("kuan") or "", m.group("xiang") or ""), m.start())
            out.append((key(name.group(1) or name.group(2)), ref))
    return out


def _masked(text: str) -> str:
    return REF.sub("§", key(text))


def _article_map(ctx: Context) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """Each draft article's number → the numbers of the final articles aligned with it."""
    out: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for p in ctx.pairs:
        if is_article(p.draft_node) and is_article(p.final_node):
            d = article_key(p.draft_node.number)
            f = article_key(p.final_node.number)
            if d is not None and f is not None:
                out.setdefault(d, set()).add(f)
    return out


def _item_maps(ctx: Context) -> dict[tuple[int, int], dict[str, str]]:
    """Each draft article's number → where its 项 are in the final article (genres/law.item_map)."""
    from revdiff.genres.law import item_map

    out: dict[tuple[int, int], dict[str, str]] = {}
    for p in ctx.pairs:
        if is_article(p.draft_node) and is_article(p.final_node):
            d = article_key(p.draft_node.number)
            if d is not None and d not in out:
                out[d] = item_map(p.draft_node.text, p.final_node.text)
    return out


def _bodies(ctx: Context) -> dict[tuple[int, int], tuple[str, str]]:
    """Each draft article's number → its body and its final article's body (their 款 are
    mapped only for the few references that name a 款: ``_kuans``)."""
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for p in ctx.pairs:
        if is_article(p.draft_node) and is_article(p.final_node):
            d = article_key(p.draft_node.number)
            if d is not None and d not in out:
                out[d] = (p.draft_node.text, p.final_node.text)
    return out


def _kuans(bodies: dict[tuple[int, int], tuple[str, str]], article: tuple[int, int] | None) -> dict[int, int]:
    """Where the 款 of a draft article are in its final article (genres/law.kuan_map)."""
    from revdiff.genres.law import kuan_map

    return kuan_map(*bodies[article]) if article in bodies else {}


_COUNT = {"": 1, "两": 2, "二": 2, "三": 3, "四": 4}


def _named_kuan(ref: Reference) -> set[int] | None:
    """The 款 of its own article a relative reference names: 前款 and 前两款 count back from the
    款 it stands in, 本条第二款 names one; None for other references (前条, 本款第（一）项)."""
    from revdiff.genres.law import kuan_at

    written = key(ref.written)
    if ref.clause.offset < 0:
        return None
    if m := re.fullmatch(r"前([两二三四]?)款", written):
        here = kuan_at(ref.clause.article.text, ref.clause.offset)
        return {here - k for k in range(1, _COUNT[m.group(1)] + 1) if here - k >= 1}
    if m := re.fullmatch(rf"本条第({_CN})款", written):
        return {int(cn_number(m.group(1)) or 0)}
    return None


def _kuan_followed(dr: Reference, fr: Reference, kuans: dict[int, int]) -> bool:
    """Does ``fr`` name the 款 ``dr`` named, where they went in the revised article (a 款
    inserted or deleted above them)?  For 前两款 → 前款 after one of the two was deleted: the
    one left."""
    if dr.article is not None:
        if not (dr.rest[0] and fr.rest[0]) or dr.rest[1] != fr.rest[1]:
            return False
        return kuans.get(int(cn_number(dr.rest[0]) or 0)) == int(cn_number(fr.rest[0]) or 0)
    named, now = _named_kuan(dr), _named_kuan(fr)
    return bool(named is not None and now and {kuans[k] for k in named if k in kuans} == now)


def _item_label(ref: Reference) -> str:
    """The 项 a reference names, labelled as genres/law.clauses labels it (第一款第（三）项)."""
    kuan, xiang = ref.rest
    return f"第{kuan or '一'}款第（{xiang}）项"


def _rest_key(ref: Reference) -> tuple[int, int]:
    """The 款 and 项 of a reference as numbers (0 when absent)."""
    kuan, xiang = ref.rest
    return int(cn_number(kuan) or 0), int(cn_number(xiang) or 0)


def edits(ctx: Context) -> list[RefEdit]:
    """Every reference rewritten in a clause that the revision kept (the same clause, its
    references aside), with whether it only followed the renumbering."""
    amap = _article_map(ctx)
    items = _item_maps(ctx)
    bodies = _bodies(ctx)
    out: list[RefEdit] = []
    for g in groups(ctx):
        ds = [c for a in g.draft for c in article_clauses(ctx, a) if REF.search(c.text)]
        fs = [c for a in g.final for c in article_clauses(ctx, a) if REF.search(c.text)]

        def score(d: Clause, f: Clause) -> float | None:
            s = ratio(_masked(d.text), _masked(f.text))
            return s if s >= SAME_CLAUSE else None

        for d, f in match(ds, fs, score):
            if d is None or f is None:
                continue
            # a clause that now cites the same other law at another article, its wording the
            # same: that law was revised and renumbered (依照《××法》第六条 → 第八条 in its 实施条例),
            # the edit follows it
            dlaw, flaw = other_law_references(d), other_law_references(f)
            if [n for n, _ in dlaw] == [n for n, _ in flaw]:
                out += [RefEdit(dr, fr, True) for (_, dr), (_, fr) in zip(dlaw, flaw, strict=True)
                        if key(dr.written) != key(fr.written)]
            drefs, frefs = find_references(d), find_references(f)
            if len(drefs) != len(frefs):
                continue  # references added or dropped: a change of wording the diff shows
            for dr, fr in zip(drefs, frefs, strict=True):
                if key(dr.written) == key(fr.written):
                    # 前款 left as it was while a 款 was inserted or deleted above it: the same
                    # words now name another 款
                    if dr.article is None and _named_kuan(dr) and not _kuan_followed(
                            dr, fr, _kuans(bodies, article_key(d.article.number))):
                        out.append(RefEdit(dr, fr, False))
                    continue
                follows = (dr.article is not None and fr.article is not None
                           and fr.article in amap.get(dr.article, set())
                           and (_rest_key(dr) == _rest_key(fr)
                                # the 项 it names only moved down (or up) its list
                                or (bool(dr.rest[1]) and dr.rest[0] == fr.rest[0]
                                    and items.get(dr.article, {}).get(_item_label(dr)) == _item_label(fr))
                                # the 款 it names only moved down (or up) its article
                                or _kuan_followed(dr, fr, _kuans(bodies, dr.article))))
                if dr.article is None and fr.article is None:  # 前款, 本条第二款: in its own article
                    follows = _kuan_followed(dr, fr, _kuans(bodies, article_key(d.article.number)))
                out.append(RefEdit(dr, fr, follows))
    return out


def consequential(ctx: Context) -> dict[str, list[RefEdit]]:
    """Reference edits that only followed renumbering, per SectionPair id of the draft
    article: a renderer shows them muted; they are never findings."""
    out: dict[str, list[RefEdit]] = {}
    for e in edits(ctx):
        pid = ctx.pair_id(e.draft.clause.article, "draft")
        if e.consequential and pid is not None:
            out.setdefault(pid, []).append(e)
    return out


def mark(ctx: Context, rewritten: list[RefEdit]) -> None:
    """Set ``consequential`` on each pair: the indices of the diff ops that fall inside a
    reference that only followed renumbering, on its side (a renderer shows them muted)."""
    spans: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for e in rewritten:
        pair = ctx.by_draft.get(e.draft.clause.article.id)
        if (not e.consequential or pair is None or pair.final_node is not e.final.clause.article
                or e.draft.span is None or e.final.span is None):
            continue
        d, f = spans.setdefault(pair.id, ([], []))
        d.append(e.draft.span)
        f.append(e.final.span)
    for pair in ctx.pairs:
        if is_article(pair.draft_node) and is_article(pair.final_node):
            d, f = spans.setdefault(pair.id, ([], []))
            moved = _moved_item_numbers(pair.draft_node.text, pair.final_node.text)
            d += moved[0]
            f += moved[1]
        if pair.id not in spans:
            continue
        pair.consequential.extend(ops_within(pair.diff, {-1: spans[pair.id][0], 1: spans[pair.id][1]}))


_ITEM_NUMBER = re.compile(r"[ \t\u3000]*[（(][零〇一二两三四五六七八九十百]+[）)]")


def _moved_item_numbers(draft: str, final: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where, in each body, the number of a 项 stands that was renumbered only because items
    were inserted or deleted above it: （三） → （四）, consequential like a reference that
    followed an article's renumbering."""
    from revdiff.genres.law import clauses as law_clauses
    from revdiff.genres.law import item_map

    def numbers(text: str) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        at = 0
        labels = iter(label for _u, label, _p in law_clauses(text))
        for para in text.split("\n"):
            if para.strip():
                label = next(labels)
                m = _ITEM_NUMBER.match(para)
                if m is not None:
                    out[label] = (at + m.start(), at + m.end())
            at += len(para) + 1
        return out

    d_at, f_at = numbers(draft), numbers(final)
    d: list[tuple[int, int]] = []
    f: list[tuple[int, int]] = []
    for old, new in item_map(draft, final).items():
        if old != new and old in d_at and new in f_at:
            d.append(d_at[old])
            f.append(f_at[new])
    return d, f


def run(ctx: Context) -> list[Finding]:
    """reference_changed for each reference that now points at another provision; marks the
    diff ops of those that only followed renumbering (``mark``)."""
    out: list[Finding] = []
    amap = _article_map(ctx)
    rewritten = edits(ctx)
    mark(ctx, rewritten)
    for e in rewritten:
        if e.consequential:
            continue
        d, f = e.draft, e.final
        other_article = d.article is not None and f.article is not None and f.article not in amap.get(d.article, set())
        out.append(Finding(
            kind="reference_changed", severity="medium" if other_article else "low", subject=f.written,
            draft_text=d.clause.text, final_text=f.clause.text, draft_value=d.written, final_value=f.written,
            **cite(ctx, d, f),
            note=f"{d.clause.article.number}中的引用由“{d.written}”改为“{f.written}”，所指条款已不同。"
            if d.written != f.written else
            f"{d.clause.article.number}中的“{d.written}”未改，但其前后的款已增删，所指条款已不同。",
            note_en=f"In {d.clause.article.number} the reference “{d.written}” now reads “{f.written}”: "
                    "it points at another provision." if d.written != f.written else
                    f"In {d.clause.article.number} “{d.written}” is unchanged, but paragraphs were inserted or "
                    "deleted around it: it now points at another provision.",
        ))
    return out

