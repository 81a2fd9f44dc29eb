"""Pick the comparable part on each side when a document bundles several (a 通知)."""

from __future__ import annotations

import operator

from revdiff.errors import RevdiffError
from revdiff.model import Document, Part
from revdiff.textkey import key


def _grams(part: Part) -> frozenset[str]:
    text = key(part.title + part.text + "".join(n.title + n.text for n in part.nodes()))
    return frozenset(map(operator.add, text, text[1:]))  # each char + the next, paired in C


def _sim(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _candidates(doc: Document) -> list[Part]:
    """Parts that can be compared: documents and attachments with content, else all.

    A 通知 and a reprint's news preface are about the document, not part of it."""
    parts = [p for p in doc.parts if p.kind not in ("notice", "preface") and (p.sections or p.text.strip())]
    return parts or doc.parts


def part_by_title(doc: Document, title: str, option: str) -> Part:
    """The part named by an option such as ``--draft-part``; a clear error when none is."""
    try:
        return doc.part(title)
    except KeyError:
        names = "; ".join(p.title or "(untitled)" for p in doc.parts)
        raise RevdiffError(f"{option} {title!r} matches no part; parts are: {names}") from None


def select_parts(draft: Document, final: Document, draft_part: str | None = None,
                 final_part: str | None = None) -> tuple[Part, Part, float]:
    """The best-matching pair of parts (or the ones named), with their similarity."""
    dcands = [part_by_title(draft, draft_part, "--draft-part")] if draft_part else _candidates(draft)
    fcands = [part_by_title(final, final_part, "--final-part")] if final_part else _candidates(final)
    if len(dcands) == 1 and len(fcands) == 1:
        return dcands[0], fcands[0], _sim(_grams(dcands[0]), _grams(fcands[0]))
    dg = {id(p): _grams(p) for p in dcands}
    fg = {id(p): _grams(p) for p in fcands}
    scored = [(_sim(dg[id(d)], fg[id(f)]), -i, -j, d, f) for i, d in enumerate(dcands) for j, f in enumerate(fcands)]
    best = max(scored, key=lambda t: t[:3])
    # The documents themselves before their attachments: an unchanged annex (a form, a 指引)
    # matches better than the revised document it is attached to, but is not what was revised.
    main = [t for t in scored if t[3].kind == "document" and t[4].kind == "document"]
    if main:
        best_main = max(main, key=lambda t: t[:3])
        if best_main[0] >= 0.5 * best[0]:
            best = best_main
    return best[3], best[4], best[0]
