"""Candidate pairs of similar names, found in rapidfuzz's C loop.

Targets and pledges are paired globally, best first, on the similarity of their wording.
Scoring every draft item against every final item one Python call at a time made that step
quadratic in Python time on long documents (1.3 s of 2.7 s at 0.5 M characters a side).
Here each draft string is scored against all final strings at once; the rules then compute
their exact scores, as before, only for the pairs returned.
"""

from __future__ import annotations

from collections.abc import Sequence


def alike_pairs(drafts: Sequence[str], finals: Sequence[str], cutoff: float) -> set[tuple[int, int]]:
    """Every (draft index, final index) whose ``rapidfuzz.fuzz.ratio`` is at least ``cutoff``."""
    if not finals:
        return set()
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    out: set[tuple[int, int]] = set()
    for di, text in enumerate(drafts):
        hits = extract(text, finals, scorer=ratio, score_cutoff=cutoff, limit=None)
        out.update((di, fi) for _, _, fi in hits)
    return out
