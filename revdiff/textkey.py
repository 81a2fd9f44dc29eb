"""Match keys: the form texts are compared in, with a map back to the displayed text.

Full-/half-width forms, dash variants, whitespace (PDF spaces around numbers, line
wraps), ``4·26``/``4.26`` and traditional/simplified variants are not changes, so they are
folded away in the key; ``index[i]`` is the offset in the original text of key char ``i``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DASHES = "—–－‐‑‒―─━"
_SPACE = set(" \t\n\r\u3000\xa0\u2002\u2003\u2009\u200b\ufeff")


@lru_cache(maxsize=1)
def _t2s() -> dict[str, str]:
    """Traditional → simplified for single characters, from OpenCC's own character table.

    opencc-python-reimplemented converts a character by looking it up in TSCharacters.txt
    (phrases are longer than one character); reading that table directly gives the same
    answers (checked by a test) for a third of the cost of building the converter.
    """
    import os

    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            trad, _, simp = line.rstrip("\n").partition("\t")
            if len(trad) == 1 and simp:
                table[trad] = simp.split(" ")[0]  # the first candidate, as OpenCC takes
    return table


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """The key form of one character ('' when it is not content)."""
    if ch in _SPACE:
        return ""
    if ch in _DASHES:
        return "-"
    if ch in "·•・":
        return "."
    n = unicodedata.normalize("NFKC", ch)
    if n in ("“", "”", "„", "‟", "″"):
        return '"'
    if n in ("‘", "’"):
        return "'"
    if len(n) == 1 and "\u4e00" <= n <= "\u9fff":
        s = _t2s().get(n, n)
        if len(s) == 1:
            return s
    if n.strip() == "":
        return ""
    return n


class _FoldTable(dict[int, str]):
    """``str.translate`` table that fills itself: a character met for the first time is
    folded once (``__missing__``) and remembered, so each text costs one C-level pass."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def match_key(text: str) -> tuple[str, list[int]]:
    """Return (key, index) where ``key[i]`` came from ``text[index[i]]``."""
    folded = [_TABLE[ord(ch)] for ch in text]
    if all(len(f) == 1 for f in folded):
        return "".join(folded), list(range(len(text)))
    index = [i for i, f in enumerate(folded) for _ in f]
    return "".join(folded), index


def key(text: str) -> str:
    """Just the match key of ``text``."""
    return text.translate(_TABLE)
