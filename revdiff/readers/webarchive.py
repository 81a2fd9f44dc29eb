"""Pages served by a web archive, or saved from a browser: what the archive added, set aside.

A page copied from the Wayback Machine (web.archive.org) carries the archive's toolbar between
``<!-- BEGIN WAYBACK TOOLBAR INSERT -->`` and ``<!-- END … -->``, injected scripts, links
rewritten to ``/web/<14-digit time>/<original URL>`` and footer comments (``FILE ARCHIVED ON
…``, ``playback timings``).  An archive.today snapshot (archive.ph, .is, .li …) opens with a
``<div id="HEADER">`` toolbar (webpage capture, Saved from, share, download .zip …) and carries
the page with its styles inlined and its class names gone.  A browser's "save page" puts a
``<!-- saved from url=(NNNN)… -->`` comment (the mark of the web) at the top.

``inspect`` reads these marks from the page's source before it is parsed: the archive's own
text goes to ``dropped`` with its lines, the original URL and capture time to ``metadata``.
Everything is recognised by the archives' fixed markup, never by the archived site's strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from revdiff.model import Block

WAYBACK = "Wayback Machine"
ARCHIVE_TODAY = "archive.today"

_WAYBACK_TOOLBAR = re.compile(
    r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S | re.I
)
_WAYBACK_FOOTER = re.compile(r"<!--(\s*(?:FILE ARCHIVED ON|playback timings)\b.*?)-->", re.S | re.I)
_ARCHIVED_ON = re.compile(r"FILE ARCHIVED ON\s+(\d{1,2}:\d\d:\d\d)\s+([A-Za-z]{3})\s+(\d{1,2}),\s+(\d{4})")
# The capture's address and time as the toolbars of each period state them: the replay script's
# __wm.wombat("URL","TIME", …) (since about 2017); a wbCurrentUrl variable and the toolbar
# form's url and date fields (before); an archive address /web/TIME/URL (where a browser saved
# the page from, or the toolbar's "The Wayback Machine - https://web.archive.org/web/…" line).
_WOMBAT = re.compile(r"""__wm\.wombat\(\s*["']([^"']+)["']\s*,\s*["'](\d{14})["']""")
_CURRENT_URL = re.compile(r"""wbCurrentUrl\s*=\s*["'](https?://[^"']+)["']|<input[^>]+id=["']wmtbURL["'][^>]+value=["'](https?://[^"']+)["']""")
_TOOLBAR_DATE = re.compile(r"""<input[^>]+name=["']date["'][^>]+value=["'](\d{14})["']""")
_WAYBACK_URL = re.compile(r"(?:https?://web\.archive\.org)?/web/(\d{14})(?:[a-z]{2}_)?/(https?://[^\s\"'<>]+)")
_PRINT_LINE = re.compile(r"The Wayback Machine - https?://web\.archive\.org/web/(\d{14})(?:[a-z]{2}_)?/(https?://[^\s\"'<>]+)")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)

_ARCHIVE_TODAY_HOST = r"archive\.(?:today|ph|is|li|vn|fo|md)"
_ARCHIVE_TODAY_SIGN = re.compile(
    rf"""<meta[^>]+og:site_name[^>]+content=["']{_ARCHIVE_TODAY_HOST}["']|https?://{_ARCHIVE_TODAY_HOST}/""", re.I
)
_HEADER_DIV = re.compile(r"""<div[^>]*\bid=["']HEADER["']""", re.I)
_AT_TIME = re.compile(
    r"""<meta[^>]+(?:article:modified_time|itemprop=["']dateModified)[^>]+content=["']([0-9T:Z+-]{16,25})["']""", re.I
)
_AT_CANONICAL = re.compile(rf"""<link[^>]+rel=["']canonical["'][^>]+href=["'](https?://{_ARCHIVE_TODAY_HOST}/\w+)""", re.I)
# the toolbar's "Saved from" box holds the page's original address
_AT_SAVED_FROM = re.compile(r"""<input[^>]+name=["']q["'][^>]+value=["'](https?://[^"']+)["']""", re.I)

_SKIP_TAGS = {"script", "style", "noscript", "template"}


@dataclass
class Capture:
    """What ``inspect`` learned of a page's source: the archive, its metadata and its text."""

    text: str  # the source with the archive's toolbar blanked out (line breaks kept)
    archive: str | None = None  # WAYBACK, ARCHIVE_TODAY or None
    metadata: dict[str, str] = field(default_factory=dict)
    dropped: list[Block] = field(default_factory=list)

    @property
    def classless(self) -> bool:
        """The archive removed the page's id/class names (archive.today inlines all styles)."""
        return self.archive == ARCHIVE_TODAY

    def strip(self, root: Any) -> None:
        """Remove the archive's elements still in the parsed page, their text to ``dropped``."""
        if self.archive != ARCHIVE_TODAY:
            return
        for el in root.xpath('//div[@id="HEADER"]'):
            self.dropped += element_blocks(el)
            el.drop_tree()


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by its line breaks only (so later lines keep their numbers)."""
    return text[:start] + "\n" * text.count("\n", start, end) + text[end:]


def _iso(stamp: str) -> str | None:
    """A 14-digit archive time stamp (20190315083412) as ISO 8601 UTC; None if it is no time."""
    try:
        return datetime.strptime(stamp, "%Y%m%d%H%M%S").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def inspect(text: str) -> Capture:
    """Recognise an archived or browser-saved page by its markup; see the module docstring."""
    capture = Capture(text)
    m = _SAVED_FROM.search(text[:4096])
    saved = m.group(1) if m else ""
    if _WAYBACK_TOOLBAR.search(text) or _WAYBACK_FOOTER.search(text) or _WOMBAT.search(text):
        _wayback(capture, saved)
    elif _HEADER_DIV.search(text) and _ARCHIVE_TODAY_SIGN.search(text):
        _archive_today(capture)
    elif saved.lower().startswith(("http://", "https://")):  # not IE's about:internet for a local file
        capture.metadata["url"] = saved
    return capture


def _wayback(capture: Capture, saved: str) -> None:
    """``saved``: the address a browser saved the page from (a /web/… address of the archive)."""
    text = capture.text
    capture.archive = WAYBACK
    meta = capture.metadata
    toolbar = _WAYBACK_TOOLBAR.search(text)
    bar = toolbar.group(0) if toolbar else ""
    # Never a link of the page or the toolbar's: those lead to other captures and other pages.
    found = [(m.group(1), m.group(2)) for m in [_WOMBAT.search(text)] if m]
    found += [(m.group(1) or m.group(2), "") for m in [_CURRENT_URL.search(bar)] if m]
    found += [("", m.group(1)) for m in [_TOOLBAR_DATE.search(bar)] if m]
    found += [(m.group(2), m.group(1)) for m in [_WAYBACK_URL.match(saved), _PRINT_LINE.search(bar)] if m]
    url = next((u for u, _ in found if u), "")
    stamp = next((s for _, s in found if s), "")
    if url:
        meta["url"] = url
    for m in _WAYBACK_FOOTER.finditer(text):
        body, line = m.group(1), _line_at(text, m.start(1))
        capture.dropped += [Block(text=t.strip(), line=line + i) for i, t in enumerate(body.split("\n")) if t.strip()]
        archived = _ARCHIVED_ON.search(body)
        if archived and not stamp:
            hms, month, day, year = archived.groups()
            try:
                when = datetime.strptime(f"{year} {month} {day} {hms}", "%Y %b %d %H:%M:%S")
            except ValueError:  # a damaged comment
                continue
            stamp = when.strftime("%Y%m%d%H%M%S")
    iso = _iso(stamp) if stamp else None
    if iso:
        meta["archived"] = iso
        if "url" in meta:
            meta["archive_url"] = f"https://web.archive.org/web/{stamp}/{meta['url']}"
    if toolbar:
        capture.dropped = _fragment_blocks(toolbar.group(0), _line_at(text, toolbar.start())) + capture.dropped
        capture.text = _blank(text, toolbar.start(), toolbar.end())


def _archive_today(capture: Capture) -> None:
    text = capture.text
    capture.archive = ARCHIVE_TODAY
    meta = capture.metadata
    original = _AT_SAVED_FROM.search(text)
    if original:
        meta["url"] = original.group(1)
    when = _AT_TIME.search(text)
    if when:
        meta["archived"] = when.group(1)
    canonical = _AT_CANONICAL.search(text)
    if canonical:
        meta["archive_url"] = canonical.group(1)


def _fragment_blocks(fragment: str, line: int) -> list[Block]:
    """The visible text of an HTML fragment that starts on ``line``, one Block per text run."""
    import lxml.html

    root = lxml.html.fragment_fromstring("\n" * (line - 1) + fragment, create_parent="div")
    return element_blocks(root)


def element_blocks(el: Any) -> list[Block]:
    """The visible text of element ``el`` (scripts and styles aside), one Block per text run."""
    from revdiff.readers.html import collapse_ws

    out: list[Block] = []

    def add(text: str | None, line: int) -> None:
        if text and collapse_ws(text):
            lead = text[: len(text) - len(text.lstrip())]
            out.append(Block(text=collapse_ws(text), line=line + lead.count("\n")))

    def rec(node: Any, line: int) -> None:
        line = node.sourceline or line
        if node.tag in _SKIP_TAGS:
            return
        add(node.text, line)
        for child in node:
            if isinstance(child.tag, str):
                rec(child, line)
                end = max((d.sourceline or line for d in child.iter()), default=line)
                add(child.tail, end)
            else:  # a comment or processing instruction: only its tail is text
                add(child.tail, child.sourceline or line)

    rec(el, 1)
    return out
