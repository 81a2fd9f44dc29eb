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
from revdiff.readers.pandoc_tables import find_tables
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


# Inline math as PDF-to-Markdown converters (MinerU, marker) write figures: 达到 $90 \%$ 以上,
# $\geq 10\%$, $6 0 0$ 亿元.  A span is math only when it holds LaTeX (a backslash, ^, _, a brace)
# or nothing but a figure: "US$100 and $200" holds neither.
_MATH = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]{1,200}?)(?<!\\)\$(?!\$)")
_LATEX = re.compile(r"[\\^_{}]|^\d(?:[\d.,\s]*\d)?%?$")
# what the text of a math span is written as in a Chinese document
_MATH_FOLD = str.maketrans({"⩾": "≥", "⩽": "≤", "∼": "～", "−": "-"})
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_NOTE_MARK = re.compile(r"\s*(?:\{\s*\})?\s*\^\s*(?:\{\s*[\d*†]{1,3}\s*\}|\d)\s*")
_CIRCLED = re.compile(r"\\textcircled\s*\{\s*(\d{1,2})\s*\}")


def _math_text(latex: str) -> str:
    r"""The text a math span prints: $\geq 10\%$ → ≥10%, $\mathrm{m}^{2}$ → m², $6 0 0$ → 600
    (spaces are no part of math), $\textcircled{1}$ → ①."""
    import logging

    from pylatexenc.latex2text import LatexNodes2Text

    logging.getLogger("pylatexenc").setLevel(logging.CRITICAL)  # a malformed macro is no user's concern
    latex = _CIRCLED.sub(lambda m: chr(0x2460 + int(m.group(1)) - 1) if 1 <= int(m.group(1)) <= 20 else m.group(1), latex)
    latex = re.sub(r"\^\s*\{\s*(\d+)\s*\}|\^\s*(\d)", lambda m: (m.group(1) or m.group(2)).translate(_SUP), latex)
    latex = re.sub(r"_\s*\{([^{}]*)\}|_\s*(\w)", lambda m: m.group(1) or m.group(2), latex)  # PM_{2.5} → PM2.5
    text = LatexNodes2Text(math_mode="text").latex_to_text(latex)
    if "%s" in text:  # what pylatexenc leaves of a macro it could not fill in (\frac{ with no end)
        raise ValueError(latex)
    return re.sub(r"\s+", "", text).translate(_MATH_FOLD)


def math_to_text(line: str) -> tuple[str, str]:
    """(``line`` with its inline math spans as text, the characters of the spans not in that text).

    A space a converter put between the math and Chinese text goes too (达到 $600$ 亿元 → 达到600亿元).
    """
    removed: list[str] = []

    def one(m: re.Match[str]) -> str:
        latex = m.group(1)
        if not _LATEX.search(latex):
            return m.group(0)
        # a superscript alone ($^{1}$, ${}^{2}$) is a note's mark after the words it explains: no text
        try:
            text = "" if _NOTE_MARK.fullmatch(latex) else _math_text(latex)
        except Exception:  # pylatexenc gave up on it (\begin{array} without its end): keep it as written
            return m.group(0)
        left = m.group(0)
        for ch in text:  # what of the source the text uses (digits, %); the rest is markup
            left = left.replace(ch, "", 1)
        removed.append(left)
        return "\x00" + text + "\x00"

    out = _MATH.sub(one, line)
    out = re.sub(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]*\x00|\x00[ \t]*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])",
                 "", out)
    return out.replace("\x00", ""), "".join(removed)


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
        self.cells: dict[int, list[tuple[list[str], int]]] = {}  # a source line's table rows (HTML: several)
        self.rule: set[int] = set()  # table rule lines: no block, so a table's rows stay together
        # a line's text in source order where ``text`` is not (an HTML table's spread cells)
        self.source_order: dict[int, str] = {}
        self.item_depth: dict[int, int] = {}  # a list item's line → how many ordered lists hold it (0: bullets)

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
            out.cells[row_line] = [(row, index)]
            out.text[row_line] = "\t".join(row)
        elif tok.type == "thead_close":
            out.rule.add(row_line + 1)  # the |---|---| line under the header row
        i += 1
    return i


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def _html_tables(content: str, first_line: int, table: int, out: _Lines) -> tuple[int, str]:
    """The ``<table>``s of an HTML block (PDF converters such as MinerU write every table so,
    with rowspan/colspan, often on one line), read as the HTML reader reads a page's.

    Returns the last table number used and the block without the tables read (a table lxml
    cannot parse stays in it, to be kept as text).
    """
    import lxml.html

    from revdiff.readers.html import table_lines

    def read_one(m: re.Match[str]) -> str:
        nonlocal table
        try:
            el = lxml.html.fragment_fromstring(m.group(0))
        except (ValueError, lxml.etree.ParserError):
            return m.group(0)
        table += 1
        start = first_line + content.count("\n", 0, m.start())
        for k, piece in enumerate(m.group(0).split("\n")):  # the cells' own text, for what is markup
            text = html.unescape(_TAG.sub("\t", piece))
            if text.strip():
                out.source_order[start + k] = out.source_order.get(start + k, "") + text
        for source_line, cells in table_lines(el):
            line = start + source_line - 1
            out.cells.setdefault(line, []).append((cells, table))
            out.text[line] = "\n".join("\t".join(r) for r, _ in out.cells[line])
        return "\n" * m.group(0).count("\n")

    return table, _HTML_TABLE.sub(read_one, content)


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
    ordered = 0  # ordered lists open around the token
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        ordered += (tok.type == "ordered_list_open") - (tok.type == "ordered_list_close")
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
            raw = tok.content
            if "<table" in raw.lower():
                table, raw = _html_tables(raw, tok.map[0], table, out)
            # a comment (<!-- INFO END -->) is formatting; other HTML keeps its text
            content = html.unescape(_TAG.sub("", _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), raw)))
            for k, line in enumerate(content.split("\n")):
                if line.strip():
                    out.add(tok.map[0] + k, line.strip())
        elif tok.type == "list_item_open" and tok.map:
            # an ordered list's number is the document's; a bullet (- * +) marks an item of the
            # text, as -- and • do in a plain text (but a list of links is furniture, dropped)
            out.item_depth[tok.map[0]] = ordered if tok.info else 0
            if tok.info:
                out.add(tok.map[0], tok.info + tok.markup)
            elif not _links_only(tokens, i):
                out.add(tok.map[0], tok.markup + " ")
        i += 1


def _list_levels(out: _Lines) -> dict[int, int]:
    """Levels of ordered-list items when the lists hold the headings: nested ordered lists,
    and no numbered line outside a list (pandoc's Markdown of Word's auto-numbered 一、/（一）,
    written as ``1.`` lists nested in ``1.``); else none."""
    if max(out.item_depth.values(), default=0) < 2:
        return {}
    if any(numbered(text.strip()) for ln, text in out.text.items() if ln not in out.item_depth):
        return {}
    return {ln: depth for ln, depth in out.item_depth.items() if depth}


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
    math: dict[int, str] = {}  # line → the markup of its math spans (what their text does not use)
    if "$" in text:
        for i in range(fm_end, len(lines)):
            if "$" in lines[i]:
                lines[i], markup = math_to_text(lines[i])
                if markup.strip():
                    math[i] = markup
    # pandoc's simple and multiline tables, which markdown-it would read as text and headings
    pandoc = find_tables(lines[fm_end:]) if "---" in text else []
    in_tables = {fm_end + i for t in pandoc for i in t.lines}
    # blank the front matter (and those tables) so that markdown-it's line map stays that of the file
    body = "\n".join("" if i < fm_end or i in in_tables else line for i, line in enumerate(lines))
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
    first = 1 + max((index for rows in out.cells.values() for _, index in rows), default=0)
    for number, t in enumerate(pandoc, first):
        for i, row in t.rows:
            out.cells[fm_end + i] = [(row, number)]
        for i, written in t.lines.items():
            out.source_order[fm_end + i] = written
            if i in t.text:  # a frame's (专栏 box's) line of text
                out.text[fm_end + i] = t.text[i]
        out.rule |= {fm_end + i for i in t.rules}  # no block: the rows stay one table
    levels = _style_levels(out) | _list_levels(out)
    blocks: list[Block] = []
    dropped: list[Block] = []
    for i, src in enumerate(lines):
        if i < fm_end:
            if src.strip():
                dropped.append(Block(text=src, line=i + 1))
            continue
        kept = out.text.get(i, "")
        markup = math.get(i, "") + _leftover(src, out.source_order.get(i, kept))
        if markup.strip():
            dropped.append(Block(text=markup.strip(), line=i + 1))
        cells = out.cells.get(i)
        if i in out.rule:
            continue
        if cells is not None:
            blocks.extend(Block(text="\t".join(row), line=i + 1, cells=row, table=index) for row, index in cells)
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
