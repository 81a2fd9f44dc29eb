"""Watched terms (default 版权): counts on each side and every removed context."""

from __future__ import annotations

from revdiff.classify import Context
from revdiff.classify.extract import sentences
from revdiff.model import Finding, Node, Part
from revdiff.textkey import key

NAME = "terms"


def _texts(part: Part) -> list[tuple[str, Node | None, int]]:
    """(sentence or title or row, node, line) for everything of a part."""
    out: list[tuple[str, Node | None, int]] = [(part.title, None, part.line_start)]
    out.extend((s, None, part.line_start) for s in part.text.split("\n") if s)
    for n in part.nodes():
        out.append((n.title, n, n.line_start))
        if n.rows:
            out.extend((" | ".join(r), n, n.row_lines[i] if i < len(n.row_lines) else n.line_start) for i, r in enumerate(n.rows))
        out.extend((s.text, n, s.line) for s in sentences(n))
    return out


def occurs(term: str, part: Part) -> bool:
    """True when ``term`` occurs anywhere in ``part``: titles, text, table rows, sentences."""
    return any(term in t for t, _, _ in _texts(part))


def run(ctx: Context) -> list[Finding]:
    """One finding per watched term whose count differs between the sides."""
    out: list[Finding] = []
    dtexts, ftexts = _texts(ctx.draft), _texts(ctx.final)
    for term in ctx.watch:
        dc = sum(t.count(term) for t, _, _ in dtexts)
        fc = sum(t.count(term) for t, _, _ in ftexts)
        if dc == fc:
            continue
        final_keys = {key(t) for t, _, _ in ftexts if term in t}
        draft_keys = {key(t) for t, _, _ in dtexts if term in t}
        removed = [(t, n, ln) for t, n, ln in dtexts if term in t and key(t) not in final_keys]
        first = removed[0] if removed else None
        kind = "term_removed" if fc < dc else "term_added"
        added = [(t, n, ln) for t, n, ln in ftexts if term in t and key(t) not in draft_keys]
        out.append(Finding(
            kind=kind, severity="medium" if kind == "term_removed" else "low", term=term,
            draft_count=dc, final_count=fc, subject=term,
            draft_text=first[0] if first else None,
            final_text=added[0][0] if added and kind == "term_added" else None,
            draft_section=ctx.pair_id(first[1], "draft") if first else None,
            final_section=ctx.pair_id(added[0][1], "final") if added and kind == "term_added" else None,
            draft_line=first[2] if first else None,
            final_line=added[0][2] if added and kind == "term_added" else None,
            contexts=[t for t, _, _ in removed],
            note=f"“{term}”在征求意见稿中出现{dc}次，在定稿中出现{fc}次。",
            note_en=f"“{term}” occurs {dc} times in the draft and {fc} times in the final.",
        ))
    return out
