"""Plain text (.txt) and standard input: one Block per input line."""

from __future__ import annotations

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers.encoding import decode, guess_utf16

# control characters other than whitespace, and the replacement character: deleted by translate
_NOT_TEXT = dict.fromkeys([c for c in range(32) if chr(c) not in "\t\n\r\f\v"] + [0xFFFD])


LINE_ENDS = {ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"}


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = len(sample) - len(sample.translate(_NOT_TEXT))  # translate counts in C
    return bad / len(sample) > 0.02


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
    """Decode ``data`` and make one Block per line (1-based line numbers)."""
    text, encoding = decode_text(data, source)
    # U+2028 / U+2029 (line and paragraph separators) end a line as a line feed does
    lines = text.replace("\r\n", "\n").translate(LINE_ENDS).split("\n")
    blocks = [Block(text=line, line=i) for i, line in enumerate(lines, 1)]
    return RawDoc(source=source, format="txt", encoding=encoding, blocks=blocks)
