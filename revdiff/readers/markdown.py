"""Markdown (.md): law collections, notes apps, web and WeChat articles saved by archivers.

Parsed with markdown-it-py (CommonMark plus pipe tables).  One Block per source line of
text, as for plain text, so findings cite the Markdown file's own lines and the cleaner
rejoins wrapped paragraphs as it does for text.  What is formatting and not text goes to
``RawDoc.dropped`` with its line: YAML front matter (its fields become metadata), heading
``#`` marks, emphasis marks, images, link targets and link-only lines, HTML comments,
horizontal rules, list bullets and table rules.  ``#`` headings without a number of the
document's own get ``Block.style_level``; a heading that carries one (一、, 第一章, 第一条)
is left to the numbering, as in every other format.
"""

from __future__ import annotations

import html
import re
from typing import Any

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.numbering import HAN
from revdiff.readers.text import decode_text, split_lines
from revdiff.structure import numbered

# A front-matter field: "title: …", "source: '…'"; nested YAML is not used by archivers.
_FIELD = re.compile(rf"^([A-Za-z_][\w-]*|{HAN}{{1,8}})\s*[:：]\s*(.*)$")
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# CommonMark does not close **…** or *…* next to CJK punctuation (**（一）指导思想。**坚持…):
# those runs stay in the text; emphasis marks touching CJK text are formatting all the same.
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_UNMATCHED = re.compile(f"(?<=[{_CJK}])(?:\\*{{1,3}}|_{{2,3}}|~~)|(?:\\*{{1,3}}|_{{2,3}}|~~)(?=[{_CJK}])")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Fields of a YAML front matter block at the top and the number of lines it spans.

    ``({}, 0)`` when the file does not open with a ``---`` fence closed by ``---``/``...``
    within 60 lines of ``key: value`` pairs.
    """
    if not lines or lines[0].strip() != "---":
        return {}, 0
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:61], 1):
        if line.strip() in ("---", "..."):
            return fields, i + 1
        m = _FIELD.match(line.strip())
        if m:
            fields[m.group(1).lower()] = m.group(2).strip().strip("\"'")
        elif line.strip() and not line.startswith((" ", "\t", "-")):
            return {}, 0  # not YAML: a rule above the text, not front matter
    return {}, 0


def _leftover(source: str, kept: str) -> str:
    """The characters of ``source`` that ``kept`` (a subsequence of it, as far as it goes)
    does not use: the markup of one line.  Whitespace of ``kept`` (the tab between table
    cells, a space between Latin pieces) need not be in the source."""
    out: list[str] = []
    j = 0
    for ch in source:
        while j < len(kept) and kept[j] != ch and kept[j].isspace():
            j += 1  # whitespace the reader put in (a tab between cells): not in the source
        if j < len(kept) and ch == kept[j]:
            j += 1
        else:
            out.append(ch)
    return "".join(out)


class _Lines:
    """Kept text per 0-based source line, plus table rows and heading levels."""

    def __init__(self) -> None:
        self.text: dict[int, str] = {}
        self.level: dict[int, int] = {}
        self.cells: dict[int, tuple[list[str], int]] = {}
        self.rule: set[int] = set()  # table rule lines: no block, so a table's rows stay together

    def add(self, line: int, piece: str) -> None:
        prev = self.text.get(line, "")
        if prev and piece and not (_WIDE.match(prev[-1]) or _WIDE.match(piece[0])) and not prev.endswith(" "):
            piece = " " + piece  # Latin words of two inline pieces stay apart
        self.text[line] = prev + piece


def _inline(tok: Any, first_line: int, out: _Lines) -> None:
    """Text of an inline token, line by line: link text kept, images and marks dropped."""
    line = first_line
    pieces: dict[int, list[tuple[str, bool]]] = {}  # line -> (text, inside a link)
    in_link = 0
    for child in tok.children or []:
        t = child.type
        if t in ("softbreak", "hardbreak"):
            line += 1
        elif t == "text":
            pieces.setdefault(line, []).append((_UNMATCHED.sub("", child.content), in_link > 0))
        elif t in ("text_special", "code_inline"):  # an escaped \* or `code` is literal text
            pieces.setdefault(line, []).append((child.content, in_link > 0))
        elif t == "link_open":
            in_link += 1
        elif t == "link_close":
            in_link -= 1
        elif t == "html_inline" and _BR.match(child.content):
            pieces.setdefault(line, []).append(("\n", False))  # a line break inside a source line
        # image, strong/em marks, other inline HTML tags: formatting (left over as markup)
    for ln, items in pieces.items():
        text = "".join(s for s, _ in items)
        # a line that is only link text (a related-article list, 阅读原文) is navigation
        if text.strip() and all(link for s, link in items if s.strip()):
            continue
        out.add(ln, text)


def _table(tokens: list[Any], i: int, index: int, out: _Lines) -> int:
    """Rows of a pipe table starting at token ``i``; returns the index after it."""
    row: list[str] = []
    row_line = 0
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row, row_line = [], tok.map[0] if tok.map else row_line
        elif tok.type == "inline":
            row.append("".join(c.content for c in tok.children or [] if c.type in ("text", "code_inline")).strip())
        elif tok.type == "tr_close":
            out.cells[row_line] = (row, index)
            out.text[row_line] = "\t".join(row)
        elif tok.type == "thead_close":
            out.rule.add(row_line + 1)  # the |---|---| line under the header row
        i += 1
    return i


def _links_only(tokens: list[Any], i: int) -> bool:
    """True when the list item opened at ``tokens[i]`` holds nothing but links (a related-links list)."""
    inline = next((t for t in tokens[i + 1 : i + 4] if t.type == "inline"), None)
    if inline is None or not inline.children:
        return True
    inside = 0
    for child in inline.children:
        inside += child.type == "link_open"
        inside -= child.type == "link_close"
        if child.type == "text" and child.content.strip() and not inside:
            return False
    return True


def _walk(tokens: list[Any], out: _Lines) -> None:
    table = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "table_open":
            table += 1
            i = _table(tokens, i, table, out)
        elif tok.type == "inline" and tok.map:
            _inline(tok, tok.map[0], out)
            if i > 0 and tokens[i - 1].type == "heading_open":
                out.level[tok.map[0]] = int(tokens[i - 1].tag[1])
        elif tok.type in ("code_block", "fence") and tok.map:
            start = tok.map[0] + (1 if tok.type == "fence" else 0)
            for k, line in enumerate(tok.content.split("\n")[:-1]):
                out.add(start + k, line)
        elif tok.type == "html_block" and tok.map:
            # a comment (<!-- INFO END -->) is formatting; other HTML keeps its text
            content = html.unescape(_TAG.sub("", _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), tok.content)))
            for k, line in enumerate(content.split("\n")):
                if line.strip():
                    out.add(tok.map[0] + k, line.strip())
        elif tok.type == "list_item_open" and tok.map:
            # an ordered list's number is the document's; a bullet (- * +) marks an item of the
            # text, as -- and • do in a plain text (but a list of links is furniture, dropped)
            if tok.info:
                out.add(tok.map[0], tok.info + tok.markup)
            elif not _links_only(tokens, i):
                out.add(tok.map[0], tok.markup + " ")
        i += 1


def _style_levels(out: _Lines) -> dict[int, int]:
    """Levels of the headings with no number of their own, ranked from 1.

    The first heading of the file, when it comes before any text, is the title, not a level.
    """
    unnumbered = {ln: lv for ln, lv in out.level.items() if not numbered(out.text.get(ln, "").strip())}
    first = min(out.text) if out.text else None
    if first in unnumbered:
        del unnumbered[first]
    ranks = {lv: r for r, lv in enumerate(sorted(set(unnumbered.values())), 1)}
    return {ln: ranks[lv] for ln, lv in unnumbered.items()}


def read(data: bytes, source: str) -> RawDoc:
    """Read a Markdown file: front matter as metadata, text blocks per line, markup dropped."""
    from markdown_it import MarkdownIt

    text, encoding = decode_text(data, source)
    lines = split_lines(text)
    fields, fm_end = front_matter(lines)
    # blank the front matter so that markdown-it's line map stays that of the file
    body = "\n".join([""] * fm_end + lines[fm_end:])
    # text_join would fold escaped characters into plain text: keep them apart (see _inline)
    md = MarkdownIt("commonmark", {"html": True}).enable("table").disable("text_join")
    tokens = md.parse(body)
    # Past its nesting limit markdown-it stops parsing the rest of a block: refuse rather
    # than read a document with text missing (as the HTML reader does past libxml2's limits).
    if any(tok.level >= md.options["maxNesting"] - 1 for tok in tokens):
        raise InputError(f"{source}: Markdown nested too deeply to read whole (part of it would be lost); "
                         "save it as .txt")
    out = _Lines()
    _walk(tokens, out)
    levels = _style_levels(out)
    blocks: list[Block] = []
    dropped: list[Block] = []
    for i, src in enumerate(lines):
        if i < fm_end:
            if src.strip():
                dropped.append(Block(text=src, line=i + 1))
            continue
        kept = out.text.get(i, "")
        markup = _leftover(src, kept)
        if markup.strip():
            dropped.append(Block(text=markup.strip(), line=i + 1))
        cells = out.cells.get(i)
        if i in out.rule:
            continue
        if cells is not None:
            blocks.append(Block(text=kept, line=i + 1, cells=cells[0], table=cells[1]))
        elif kept.strip():
            # <br> splits a source line into lines of text (WeChat exports put a paragraph's
            # numbered items on one line): one block each, all citing this line
            segments = [seg for seg in kept.split("\n") if seg.strip()]
            for k, seg in enumerate(segments):
                blocks.append(Block(text=seg.rstrip(), line=i + 1, style_level=levels.get(i) if k == 0 else None))
        else:
            blocks.append(Block(text="", line=i + 1))
    metadata = {k: v for k, v in fields.items() if v}
    return RawDoc(source=source, format="md", encoding=encoding, blocks=blocks, metadata=metadata,
                  dropped=dropped, title=metadata.get("title") or None)
