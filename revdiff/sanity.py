"""Does the pair correspond? Warnings when the two sides are probably not versions of one text.

A comparison of the wrong pair still yields many confident findings, so the report must say
when (1) the two texts share little, (2) a part named by --draft-part / --final-part is not
the one that matches best, or (3) one side lacks a whole kind of content the other has (every
indicator table, every 专栏 box: a web rendition that dropped them).  Findings that come only
from such a gap are marked (``Finding.gap``) so a reader does not report them as cuts.
"""

from __future__ import annotations

from revdiff.model import Document, Finding, Part, SectionPair
from revdiff.select import _candidates, _grams, _sim

# Marks the warnings of this module, so the command line can repeat them on standard error.
MISMATCH = "两份文件可能不对应："
_MISMATCH_EN = "the pair may not correspond: "

# Two versions of one plan share most of their character pairs (draft vs final ~0.7); two plans
# of the same genre from different offices share the genre's phrasing only (~0.35).
LOW_SIMILARITY = 0.5
NEAR_ZERO = 0.2  # below this comparison.py already says the documents share almost nothing
BETTER_PART = 0.1  # another part must match this much better to be worth naming

_KIND_NAMES = {"table": ("表格", "tables"), "box": ("专栏", "boxes (专栏)")}


def _low_similarity(similarity: float) -> list[str]:
    if NEAR_ZERO <= similarity < LOW_SIMILARITY:
        return [MISMATCH + f"两份文件的相似度只有 {similarity:.2f}（同一文件的两个版本通常在 0.6 以上），"
                f"请确认它们是同一文件的征求意见稿和定稿 / {_MISMATCH_EN}the texts are only {similarity:.2f} similar (two "
                "versions of one document are usually above 0.6): check that this is one document's draft and final"]
    return []


def _better_part(doc: Document, chosen: Part, other: Part, side: str) -> list[str]:
    """When ``chosen`` was named by an option, is another part of ``doc`` a clearly better match?"""
    others = [p for p in _candidates(doc) if p is not chosen]
    if not others:
        return []
    target = _grams(other)
    own = _sim(_grams(chosen), target)
    score, best = max(((_sim(_grams(p), target), p) for p in others), key=lambda t: t[0])
    if score < own + BETTER_PART:
        return []
    label = "征求意见稿" if side == "draft" else "定稿"
    return [MISMATCH + f"{label}中比较的部分《{chosen.title}》不是最匹配的部分：《{best.title}》更相似"
            f"（{score:.2f}，所选 {own:.2f}） / {_MISMATCH_EN}the {side} part compared, “{chosen.title}”, is not the best "
            f"match: “{best.title}” is more similar ({score:.2f} against {own:.2f})"]


def _kinds(part: Part) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in part.nodes():
        counts[node.kind] = counts.get(node.kind, 0) + 1
    return counts


def _gaps(dpart: Part, fpart: Part, pairs: list[SectionPair], findings: list[Finding]) -> list[str]:
    """Kinds of content one side has and the other lacks entirely; mark the findings they cause."""
    dk, fk = _kinds(dpart), _kinds(fpart)
    out = []
    for kind, (zh, en) in _KIND_NAMES.items():
        for side, have, lack in (("final", dk, fk), ("draft", fk, dk)):
            if not have.get(kind) or lack.get(kind):
                continue
            n = have[kind]
            lacking = "定稿" if side == "final" else "征求意见稿"
            having = "征求意见稿" if side == "final" else "定稿"
            marked = _mark(pairs, findings, kind, side)
            out.append(MISMATCH + f"{lacking}没有任何{zh}，而{having}有 {n} 个：{lacking}可能是删去了{zh}的转载版本（如网页版）；"
                       f"{marked} 项发现只来自这一缺失，已标出 / {_MISMATCH_EN}the {side} has no {en} at all while the other side has {n}: "
                       f"it may be a rendition that dropped them (a web page); {marked} finding(s) come only from that gap "
                       "and are marked")
    return out


def _mark(pairs: list[SectionPair], findings: list[Finding], kind: str, lacking_side: str) -> int:
    """Set ``gap`` on findings about a section of ``kind`` whose other side is missing."""
    by_id = {p.id: p for p in pairs}
    marked = 0
    for f in findings:
        pair = by_id.get((f.draft_section if lacking_side == "final" else f.final_section) or "")
        if pair is None:
            continue
        present = pair.draft if lacking_side == "final" else pair.final
        if present is not None and present.kind == kind and f.kind.endswith(("_removed", "_added")):
            f.gap = kind
            marked += 1
    return marked


def check_pair(draft: Document, final: Document, dpart: Part, fpart: Part, similarity: float,
               pairs: list[SectionPair], findings: list[Finding], draft_part: str | None,
               final_part: str | None) -> list[str]:
    """Warnings (each starting with ``MISMATCH``) when the pair may not correspond."""
    out = _low_similarity(similarity)
    if draft_part:
        out += _better_part(draft, dpart, fpart, "draft")
    if final_part:
        out += _better_part(final, fpart, dpart, "final")
    return out + _gaps(dpart, fpart, pairs, findings)
