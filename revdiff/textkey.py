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
def _t2s() -> object:
    from opencc import OpenCC  # opencc-python-reimplemented: pure Python, loaded once

    return OpenCC("t2s")


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
        s = _t2s().convert(n)  # type: ignore[attr-defined]
        if len(s) == 1:
            return s
    if n.strip() == "":
        return ""
    return n


def match_key(text: str) -> tuple[str, list[int]]:
    """Return (key, index) where ``key[i]`` came from ``text[index[i]]``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        for c in f:
            out.append(c)
            index.append(i)
    return "".join(out), index


def key(text: str) -> str:
    """Just the match key of ``text``."""
    return "".join(_fold_char(ch) for ch in text)
