"""Plain text (.txt) and standard input: one Block per input line."""

from __future__ import annotations

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers import Reader
from revdiff.readers.encoding import decode


def sniff(data: bytes) -> bool:
    """Text is the fallback format: it never claims content by sniffing."""
    return False


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad / len(sample) > 0.02


def read(data: bytes, source: str) -> RawDoc:
    """Decode ``data`` and make one Block per line (1-based line numbers)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: looks like a binary file, not text; give a .txt, .html, .docx or .pdf")
    text, encoding = decode(data, source)
    if _looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text; give a .txt, .html, .docx or .pdf")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = [Block(text=line, line=i) for i, line in enumerate(lines, 1)]
    return RawDoc(source=source, format="txt", encoding=encoding, blocks=blocks)


READER = Reader("text", ("txt", "text", ""), sniff, read)
