"""Safari's Web Archive (.webarchive): a web page saved by Safari on a Mac ("网页归档").

The file is a binary property list: ``WebMainResource`` holds the page (``WebResourceData``,
its ``WebResourceTextEncodingName`` and ``WebResourceURL``), ``WebSubresources`` its images
and style sheets, ``WebSubframeArchives`` its frames.  The stdlib ``plistlib`` reads it; the
page is then read by the HTML reader, its address going to ``metadata["url"]``.
"""

from __future__ import annotations

from revdiff.errors import InputError
from revdiff.model import RawDoc


def read(data: bytes, source: str) -> RawDoc:
    """Read the web page of a Safari .webarchive (see the module docstring)."""
    import plistlib

    try:
        archive = plistlib.loads(data)
    except Exception:  # plistlib fails on damaged files in many ways (ValueError, IndexError, …)
        raise InputError(f"{source}: corrupt or truncated .webarchive; save the page again from Safari") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes) or not page.strip():
        raise InputError(f"{source}: no web page in this .webarchive; save the page again from Safari")
    charset = main.get("WebResourceTextEncodingName")  # type: ignore[union-attr]
    from revdiff.readers import html

    raw = html.read(page, source, charset=charset if isinstance(charset, str) else None)
    raw.format = "webarchive"
    url = main.get("WebResourceURL")  # type: ignore[union-attr]
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        raw.metadata.setdefault("url", url)
    return raw
