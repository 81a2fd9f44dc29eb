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


def _texty(ch: str) -> bool:
    """A character ordinary Chinese policy text is made of."""
    o = ord(ch)
    return (
        0x20 <= o < 0x7F
        or ch in "\t\n\r"
        or 0x4E00 <= o <= 0x9FFF  # CJK ideographs
        or 0x3000 <= o <= 0x303F  # CJK punctuation (、。《》【】)
        or 0xFF00 <= o <= 0xFFEF  # full-width forms (，：（）０-９)
        or 0x2010 <= o <= 0x206F  # general punctuation (“”—…)
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
    )


def guess_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` for UTF-16 text saved without a BOM, else None.

    Such text has its zero bytes mostly on one side (the high byte of ASCII characters such
    as the line breaks), and decodes to characters of ordinary text; binary junk has zero
    bytes on both sides or decodes to characters from all over Unicode.
    """
    head = data[:8192]
    if len(data) % 2 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    # a few zeros on the other side come from characters such as 一 (U+4E00)
    if odd > 3 * even:
        enc = "utf-16-le"
    elif even > 3 * odd:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    return enc if sum(map(_texty, sample)) >= 0.95 * len(sample) else None
