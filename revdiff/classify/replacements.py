"""The same words replaced in many articles: one finding, as a 修正决定 lists it.

A 修正 often renames an authority or a term throughout the law (将第三条、第八条……中的“工商行政
管理部门”修改为“市场监督管理部门”).  Read article by article, that is dozens of modified
articles that all say the same thing; a reviewer wants it once, with the articles it touches, and
the other changes in those articles still reported by their own rules.  ``wording_replaced``:
one finding per replacement written in at least ``MIN_ARTICLES`` articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from revdiff.classify import Context
from revdiff.model import Finding, SectionPair

NAME = "replacements"
MIN_ARTICLES = 3  # a replacement in fewer articles reads fine article by article
MAX_GROW = 8  # characters a replacement grows by into its shared context on each side
# a replacement is grown into its context only over words, never over punctuation, a number or
# the particles and verbs that join a name to the sentence (…部门应当…, 由…部门, …部门的)
_JOINS = frozenset("的和或及与应由向对在将经")
_DIGIT = re.compile(r"[零〇一二两三四五六七八九十百千万\d]")


@dataclass
class _Edit:
    pair: SectionPair
    old: str
    new: str
    before: str  # the unchanged text right before the edit (what both sides share)
    after: str


def _edits(pair: SectionPair) -> list[_Edit]:
    """The replacements (a deletion next to an insertion) in ``pair``'s diff, with their context."""
    ops = pair.diff
    skip = set(pair.formatting) | set(pair.consequential)
    out: list[_Edit] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == 0 or i in skip:
            i += 1
            continue
        j = i
        old = new = ""
        while j < len(ops) and ops[j][0] != 0 and j not in skip:
            old += ops[j][1] if ops[j][0] < 0 else ""
            new += ops[j][1] if ops[j][0] > 0 else ""
            j += 1
        before = ops[i - 1][1] if i > 0 and ops[i - 1][0] == 0 else ""
        after = ops[j][1] if j < len(ops) and ops[j][0] == 0 else ""
        if old and new and not (_DIGIT.fullmatch(old[-1]) or _DIGIT.fullmatch(new[-1])):
            out.append(_Edit(pair, old, new, before, after))
        i = j
    return out


def _shared(texts: list[str], from_end: bool) -> str:
    """The longest run of word characters all ``texts`` share at their start (or end)."""
    grown = ""
    for n in range(1, MAX_GROW + 1):
        cut = {t[-n:] if from_end else t[:n] for t in texts if len(t) >= n}
        if len(cut) != 1 or len([t for t in texts if len(t) >= n]) != len(texts):
            break
        piece = cut.pop()
        ch = piece[0] if from_end else piece[-1]
        if not "\u4e00" <= ch <= "\u9fff" or ch in _JOINS:
            break
        grown = piece
    return grown


def _number(pair: SectionPair, side: str) -> str:
    ref = pair.draft if side == "draft" else pair.final
    return ref.number if ref else ""


def run(ctx: Context) -> list[Finding]:
    """One ``wording_replaced`` finding per replacement written in ``MIN_ARTICLES`` articles or more."""
    groups: dict[tuple[str, str], list[_Edit]] = defaultdict(list)
    for pair in ctx.pairs:
        if pair.draft_node is None or pair.final_node is None or pair.draft_node.unit != "条":
            continue
        for e in _edits(pair):
            groups[(e.old, e.new)].append(e)
    out: list[Finding] = []
    for (old, new), edits in groups.items():
        pairs = list(dict.fromkeys(e.pair.id for e in edits))
        if len(pairs) < MIN_ARTICLES:
            continue
        # 工商行政 → 市场监督 is read as what every occurrence shares around it: 工商行政管理部门
        left = _shared([e.before for e in edits], from_end=True)
        right = _shared([e.after for e in edits], from_end=False)
        old_w, new_w = left + old + right, left + new + right
        first = edits[0].pair
        by_id = {e.pair.id: e.pair for e in edits}
        # cited as a 修正决定 cites them: by the numbers before the revision, with the numbers
        # after it in parentheses when the revision renumbered them (as the other law notes do)
        before = [_number(by_id[p], "draft") for p in pairs]
        after = [_number(by_id[p], "final") for p in pairs]
        listed = "、".join(before)
        if after != before:
            listed += f"（修改后{'、'.join(after)}）"
        out.append(Finding(
            kind="wording_replaced", severity="low", subject=f"{old_w}→{new_w}",
            draft_text=old_w, final_text=new_w, draft_value=old_w, final_value=new_w,
            draft_section=first.id, final_section=first.id,
            draft_line=first.draft_node.line_start if first.draft_node else None,
            final_line=first.final_node.line_start if first.final_node else None,
            sections=pairs,
            note=f"将{listed}中的“{old_w}”修改为“{new_w}”（{len(pairs)}条{len(edits)}处）。",
            note_en=f"“{old_w}” is replaced by “{new_w}” in {len(pairs)} articles ({len(edits)} places): {listed}.",
        ))
    return out
