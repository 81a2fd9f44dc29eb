"""A changed document title: 若干措施 → 实施办法, a scope or a year range added or cut."""

from __future__ import annotations

import re

from revdiff.classify import Context
from revdiff.model import Finding
from revdiff.textkey import key

NAME = "titles"
# The stage a text is at is not part of its name: （征求意见稿）, (草案), （送审稿） …
# (one or several: （草案）（二次审议稿）)
_STAGE = re.compile(r"(?:[（(][^（）()]{0,8}(?:征求意见稿|草案|送审稿|讨论稿|修改稿|代拟稿|审议稿)[^（）()]{0,8}[）)]\s*)+$")


# Any script's letters and digits count (a class of the CJK range would cost ≈ 1 ms to compile).
_NOT_A_WORD = re.compile(r"[\W_]+")
_RANGE = re.compile(r"(?<=\d)[一—–\-~～至](?=\d)")  # 2024—2026年; OCR reads the dash as 一


def _name(title: str) -> str:
    """What a title says: its words and numbers, without its stage mark, brackets or
    punctuation (a scan's OCR turns （ into 〈《, and a dash between years into 一)."""
    words = _NOT_A_WORD.sub("", key(_STAGE.sub("", title.strip())))
    return _RANGE.sub("", words)


def run(ctx: Context) -> list[Finding]:
    """title_changed when the compared parts' own titles differ (stage marks aside)."""
    d, f = ctx.draft, ctx.final
    if d.title_derived or f.title_derived or not d.title or not f.title or _name(d.title) == _name(f.title):
        return []
    return [Finding(
        kind="title_changed", severity="low", subject=f.title, draft_text=d.title, final_text=f.title,
        draft_line=d.line_start, final_line=f.line_start,
        note=f"标题由“{d.title}”改为“{f.title}”。",
        note_en=f"The title changed from “{d.title}” to “{f.title}”.",
    )]
