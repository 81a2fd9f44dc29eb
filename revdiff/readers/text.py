"""Plain text (.txt) and standard input: one Block per input line."""

from __future__ import annotations

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers.encoding import decode, guess_utf16

# control characters other than whitespace, and the replacement character
_NOT_TEXT = [chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"] + ["\ufffd"]


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(map(sample.count, _NOT_TEXT))  # str.count per character: C speed (translate is 10× slower)
    return bad / len(sample) > 0.02


def split_lines(text: str) -> list[str]:
    """The lines of ``text``: CR LF, CR, U+2028 and U+2029 (line and paragraph separators) end
    a line as a line feed does.  (``str.replace`` is ~30× faster than ``translate`` here.)"""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split("\n")


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding) of a text file; InputError when it is binary, not text."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf16 = guess_utf16(data)  # Windows "Unicode" text saved without its BOM
        if utf16 is None:
            raise InputError(f"{source}: looks like a binary file, not text; give a .txt, .html, .docx or .pdf")
        text, encoding = data.decode(utf16), utf16
    else:
        text, encoding = decode(data, source)
    if _looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text; give a .txt, .html, .docx or .pdf")
    return text, encoding


def read(data: bytes, source: str) -> RawDoc:
    """Decode ``data`` and make one Block per line (1-based line numbers).

    A form feed is a page break (pdftotext writes one after each page of a PDF): the lines
    then carry their page, so a page's running header and footer can be told (clean.py)."""
    text, encoding = decode_text(data, source)
    lines = split_lines(text)
    if "\f" not in text:
        blocks = [Block(text=line, line=i) for i, line in enumerate(lines, 1)]
    else:
        blocks, page = [], 1
        for i, line in enumerate(lines, 1):
            opening = len(line) - len(line.lstrip("\f"))  # pdftotext: the next page's first line
            page += opening
            blocks.append(Block(text=line.replace("\f", ""), line=i, page=page))
            page += line.count("\f") - opening
    return RawDoc(source=source, format="txt", encoding=encoding, blocks=blocks)
