"""Decoding bytes of Chinese text: BOM, then UTF-8, then GB18030, then charset-normalizer."""

from __future__ import annotations

import codecs

from revdiff.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name) for ``data``.

    ``declared`` is an encoding named by the document itself (HTML ``<meta charset>``);
    it is honoured when it decodes cleanly.  Government sites still serve GB2312/GBK,
    which GB18030 (their superset) decodes.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError:  # a BOM-like start on something else: guess below
                break
    candidates = []
    if declared:
        d = declared.strip().lower()
        if d in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            d = "gb18030"  # the superset decodes everything the subsets can
        candidates.append(d)
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    # A few damaged bytes (a bad download, a file cut inside a character) must not cost the
    # whole document: accept a decoding that needs only a handful of U+FFFD replacements.
    for enc in candidates:
        try:
            text = data.decode(enc, errors="replace")
        except LookupError:
            continue
        if text.count("\ufffd") <= max(4, len(text) // 2000):
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            f"{source}: not text in any known encoding; give a .txt (UTF-8 or GB18030), .html, .docx or .pdf"
        )
    return str(best), best.encoding
