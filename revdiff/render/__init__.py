"""Presenters: one function per output format, all over the same Report.

``RENDERERS`` is an ordered registry (name → function taking ``(report, lang)``), in the
spirit of diffoscope's presenters; ``render`` picks one by name.  The heavy imports
(Jinja2) happen inside the HTML renderer so that ``--format json`` stays cheap.

Every renderer is deterministic: the same Report gives byte-identical output (no
timestamps, no random ids, no dict-order surprises).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revdiff.model import Report

Renderer = Callable[["Report", str], str]


def template_dir() -> Path:
    """The directory holding the Jinja2 templates.

    In an installed wheel setup.cfg maps ``templates/`` to the package ``revdiff.templates``
    (next to this package); in a source checkout it is the top-level ``templates/``.
    """
    import revdiff

    pkg = Path(revdiff.__file__).resolve().parent
    candidates = [pkg / "templates", pkg.parent / "templates"]
    for candidate in candidates:
        if (candidate / "report.html").is_file():
            return candidate
    raise FileNotFoundError(
        "revdiff templates not found (looked in " + ", ".join(str(c) for c in candidates) + ")"
    )


def render_json(report: Report, lang: str = "zh") -> str:
    """The ``revdiff.report/1`` JSON text; ``lang`` is ignored (the data has both notes)."""
    return dumps_json(report.to_dict())


def dumps_json(data: Any) -> str:
    """``data`` as indented JSON text, byte for byte what ``json.dumps(indent=2)`` writes.

    orjson writes it 20–30× faster (the standard library falls back to its pure-Python
    encoder whenever it indents: a tenth of a law comparison); anything orjson refuses (a
    lone surrogate, an integer over 64 bits) goes through the standard library.
    """
    import orjson

    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # 1.5e-7 or 0.00001 where Python writes 1.5e-07, 1e-05: rare, so fall back (the substring
    # tests, in C, spare the regex's scan of the whole text when no such number can be there)
    if ("e-" in text or "e+" in text or "0.0000" in text) and _EXPONENT.search(text):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text + "\n"


# A number written with an exponent, or below 1e-4 (where Python switches to one); indented
# JSON puts every number at the end of its line, where no string ends (a string would end
# with its quote), so a digest such as "2ea1…1e054…" in the text does not count.
_EXPONENT = re.compile(r" -?(?:\d[\d.]*e[-+]?\d+|0\.0000\d*),?$", re.MULTILINE)


def render_html(report: Report, lang: str = "zh") -> str:
    """One self-contained HTML page (see ``revdiff.render.html``)."""
    from revdiff.render.html import render_html as _render

    return _render(report, lang)


def render_markdown(report: Report, lang: str = "zh") -> str:
    """A Markdown summary and key-changes list (see ``revdiff.render.markdown``)."""
    from revdiff.render.markdown import render_markdown as _render

    return _render(report, lang)


def render_csv(report: Report, lang: str = "zh") -> str:
    """One finding per row, UTF-8 with BOM (see ``revdiff.render.csv``)."""
    from revdiff.render.csv import render_csv as _render

    return _render(report, lang)


def render_docx(report: Report, lang: str = "zh") -> bytes:
    """The 修改对照表 as a Word document (see ``revdiff.render.docx``)."""
    from revdiff.render.docx import render_docx as _render

    return _render(report, lang)


RENDERERS: OrderedDict[str, Renderer] = OrderedDict(
    [
        ("html", render_html),
        ("json", render_json),
        ("md", render_markdown),
        ("csv", render_csv),
    ]
)


# Formats that are files rather than text: ``render_bytes`` gives them as they are.
BINARY_RENDERERS: OrderedDict[str, Callable[[Report, str], bytes]] = OrderedDict([("docx", render_docx)])


def render_bytes(report: Report, fmt: str, lang: str = "zh") -> bytes:
    """Render ``report`` as the bytes of a file: docx as it is, the text formats in UTF-8."""
    if fmt in BINARY_RENDERERS:
        from revdiff.render.i18n import strings

        strings(lang)
        return BINARY_RENDERERS[fmt](report, lang)
    return render(report, fmt, lang).encode("utf-8")


def render(report: Report, fmt: str, lang: str = "zh") -> str:
    """Render ``report`` as ``fmt`` (html, json, md or csv) with UI language ``lang`` (zh or en).

    Raises ValueError for an unknown format or language.
    """
    from revdiff.render.i18n import strings

    strings(lang)  # validate early: an unknown language is a usage error, not a KeyError later
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        if fmt in BINARY_RENDERERS:
            raise ValueError(f"{fmt} is a binary format: use render_bytes") from None
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(RENDERERS)}") from None
    return renderer(report, lang)


__all__ = [
    "BINARY_RENDERERS",
    "RENDERERS",
    "render",
    "render_bytes",
    "render_csv",
    "render_docx",
    "render_html",
    "render_json",
    "render_markdown",
    "template_dir",
]
