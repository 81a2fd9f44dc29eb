"""Definitions of a law: a defined term's meaning changed, a term defined anew or no longer.

A law defines its terms in the 附则, as a list (本法下列用语的含义：（一）公共数据，是指…；) or
one by one (本条例所称城市绿地，包括…; 前款所称重大事项，是指…).  What a term means sets the
reach of every article that uses it: a definition widened or narrowed changes the whole law
while the articles that use the term read the same.  Reported as ``definition_changed`` (both
wordings; whether the term got wider or narrower is the reviewer's reading), ``definition_added``
and ``definition_removed``, with the term as ``subject``.  Definitions are paired by their term,
article group by article group; a definition that only moved down its list ((四) → (五)) or to
another article is no change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revdiff.classify import Context
from revdiff.classify.articles import Clause, Item, cite, pair_items
from revdiff.classify.penalties import where
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "definitions"

# an item's number before the term: （一） 1. 一、
_ITEM = r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)?\s*"
_TERM = r"[“\"「]?(?P<term>[^，,：:。；;“”\"「」\s]{1,24}?)[”\"」]?"
# 本法所称X，是指… / 前款所称X，包括… / …；所称Y，是指… (the second of one sentence): the lead
# makes any defining verb a definition
_SCOPED = re.compile(_ITEM + r"(?:(?:本(?:法|条例|规定|办法|细则|决定|规则|准则|解释|章|条)|前款|前两款|前三款|第[一二三四五六七八九十]+款)"
                     r"(?:所称|中)|所称)的?" + _TERM + r"\s*[，,]?\s*(?:是指|系指|指|包括)(?P<body>.+)$")
# （一）X，是指…: a term and 是指 at the head of a clause (an item of a definitions list)
_LISTED = re.compile(_ITEM + _TERM + r"\s*[，,]\s*(?:是指|系指)(?P<body>.+)$")


@dataclass
class Definition(Item):
    """One term a clause defines and what it says the term means."""

    clause: Clause
    term: str
    body: str  # the definition's wording as compared (``_meaning``)


def find_definitions(clause: Clause) -> list[Definition]:
    """The definition a clause gives, if it gives one (a clause defines one term)."""
    if "指" not in clause.text and "包括" not in clause.text:
        return []  # most clauses define nothing: no pattern to try
    m = _SCOPED.match(clause.text) or _LISTED.match(clause.text)
    if m is None:
        return []
    return [Definition(clause, m.group("term"), _meaning(m.group("body")))]


_CITED = re.compile(r"第[零〇一二两三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?")


def _meaning(body: str) -> str:
    """A definition's wording as compared: normalised (textkey.key), end punctuation dropped,
    the articles it cites masked (they follow renumbering; the references rule reads them) and
    its 、 list in any order (卵子、胚胎、精液等 = 卵子、精液、胚胎等: the same things listed).  Where
    a list starts is not marked (所列的藏獒、比特犬), so a definition with a list is compared by
    its characters: the same words in another order are the same definition."""
    text = _CITED.sub("第#条", key(body.rstrip("。；;，, ")))
    if "、" not in text:
        return text
    return "".join(sorted("、".join(part.removesuffix("等") for part in text.split("、"))))


def _score(d: Definition, f: Definition) -> float | None:
    return 1.0 if d.term == f.term else None


def _finding(ctx: Context, d: Definition | None, f: Definition | None) -> Finding | None:
    if d is not None and f is not None:
        if d.body == f.body:
            return None
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(kind="definition_changed", severity="medium", subject=d.term,
                       draft_text=d.clause.text, final_text=f.clause.text, **cite(ctx, d, f),
                       note=f"{at}对“{d.term}”的定义作了修改，适用该用语的条文的范围随之改变。",
                       note_en=f"{at_en}: the definition of “{d.term}” was rewritten; every article "
                               "using the term now reaches what the new definition says.")
    if d is not None:
        at, at_en = where(ctx, d.clause.article, "draft"), where(ctx, d.clause.article, "draft", True)
        return Finding(kind="definition_removed", severity="medium", subject=d.term,
                       draft_text=d.clause.text, **cite(ctx, d, None),
                       note=f"定稿删除了{at}对“{d.term}”的定义。",
                       note_en=f"The final drops the definition of “{d.term}” in {at_en}.")
    assert f is not None
    at, at_en = where(ctx, f.clause.article, "final"), where(ctx, f.clause.article, "final", True)
    return Finding(kind="definition_added", severity="low", subject=f.term,
                   final_text=f.clause.text, **cite(ctx, None, f),
                   note=f"定稿{at}新增对“{f.term}”的定义。",
                   note_en=f"The final defines “{f.term}” in {at_en}.")


def run(ctx: Context) -> list[Finding]:
    """definition_changed / _removed / _added for every article group of a law."""
    out = [_finding(ctx, d, f) for d, f in pair_items(ctx, find_definitions, _score)]
    return [f for f in out if f is not None]
