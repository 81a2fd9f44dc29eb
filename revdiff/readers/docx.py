"""Word .docx: one Block per paragraph and per table row, with Word's auto-numbers.

Drafts circulate as .docx typed in Word or WPS.  Their heading numbers (一、 （一） 1.)
are often automatic list numbers that exist only in numbering.xml, so a reader that
takes ``paragraph.text`` loses them and the section structure with them: this reader
renders the numbers the way Word shows them.  ``Block.line`` is the position of the
paragraph or table row in the body (1-based; each paragraph, empty ones included,
and each table row counts 1).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from revdiff.errors import InputError
from revdiff.model import Block, RawDoc
from revdiff.readers.grid import table_rows
from revdiff.readers.sniff import OLE_MAGIC

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_P, W_TBL, W_TR, W_TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
W_T, W_TAB, W_BR, W_CR = _w("t"), _w("tab"), _w("br"), _w("cr")
W_VAL = _w("val")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _refuse_ole(data: bytes, source: str) -> None:
    if _utf16("EncryptedPackage") in data:
        raise InputError(
            f"{source}: the .docx is password-protected; open it in Word, remove the password "
            "(File > Info > Protect Document) and save it again"
        )
    # A .doc/.wps with its directory (a WordDocument stream) goes to the legacy reader; one
    # that lost it is damaged, though its name still says what it is.
    if source.lower().endswith((".doc", ".wps", ".dot", ".wpt")):
        raise InputError(
            f"{source}: corrupt or truncated .doc/.wps (no Word document inside); "
            "download it again, or open it in Word or WPS and save it as .docx"
        )
    raise InputError(
        f"{source}: legacy Office (OLE) file, not a Word document; save it as .docx, .pdf or .txt first"
    )


def _corrupt(source: str) -> InputError:
    return InputError(f"{source}: corrupt or truncated .docx; re-save it from Word")


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when the part holds a DTD or entity declaration anywhere.

    Not only at its head: a long comment can push a DTD past any fixed-size look.  Text in
    Word's XML cannot hold a literal ``<!`` (it is written ``&lt;!``), so the whole part is
    searched, in chunks (it was checked against zip bombs before).
    """
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 16):
            if _DTD.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _check_package(data: bytes, source: str) -> None:
    """Refuse broken zips, zip bombs and XML with DTDs before python-docx parses anything."""
    from revdiff.readers.zipguard import open_package

    zf = open_package(data, source, ".docx", _corrupt(source))
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if len(names) != len(infos):  # zipfile would read the last copy, Word the first: refuse
        twice = sorted({i.filename for i in infos if sum(j.filename == i.filename for j in infos) > 1})
        raise InputError(
            f"{source}: .docx holds two copies of {', '.join(twice)} (damaged or tampered with); re-save it from Word"
        )
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise InputError(
            f"{source}: a zip file but not a Word document (.xlsx, .pptx, .odt?); save it as .docx"
        )
    # Word never writes a DTD; one in a package part can only be there to expand entities
    # ("billion laughs") or reach external files, so refuse it outright.
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            declares = _declares_dtd(zf, info)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError):
            raise _corrupt(source) from None
        if declares:
            raise InputError(
                f"{source}: .docx part {info.filename} declares XML entities (not written by Word; "
                "possibly malicious); re-save it from Word"
            )


# --------------------------------------------------------------------------- numbering

_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百〇五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    pending_zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        if not (power == 10 and d == 1 and not parts):  # 十一, not 一十一
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    vals += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: 27 → AA, 53 → AAA.
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render counter ``n`` in Word numFmt ``fmt`` (decimal, chineseCounting, …)."""
    # taiwaneseCountingThousand: what LibreOffice writes for a .doc's 一、二、三 numbering
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return _chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return _chinese_counting(n, _LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":  # 甲乙丙丁 (heavenly stems), as Word renders it
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    is_lgl: bool = False
    suffix: str = "tab"
    pstyle: str | None = None


def _int(el: Any, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(W_VAL))
    except (TypeError, ValueError):
        return default


def _parse_level(lvl: Any, base: _Level | None = None) -> _Level:
    level = _Level(**vars(base)) if base else _Level()
    if (el := lvl.find(_w("start"))) is not None:
        level.start = _int(el, 1) or 0
    if (el := lvl.find(_w("numFmt"))) is not None:
        level.fmt = el.get(W_VAL) or "decimal"
    if (el := lvl.find(_w("lvlRestart"))) is not None:
        level.restart = _int(el)
    if (el := lvl.find(_w("isLgl"))) is not None:
        level.is_lgl = el.get(W_VAL) not in ("0", "false")
    if (el := lvl.find(_w("suff"))) is not None:
        level.suffix = el.get(W_VAL) or "tab"
    if (el := lvl.find(_w("lvlText"))) is not None:
        level.text = el.get(W_VAL) or ""
    if (el := lvl.find(_w("pStyle"))) is not None:
        level.pstyle = el.get(W_VAL)
    return level


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """Word list numbering: definitions from numbering.xml and the running counters.

    Counters are kept per abstract list, so paragraphs of different ``w:num`` instances
    that share one definition continue one sequence (as Word does), and a ``w:num`` with
    a ``startOverride`` restarts it at its first paragraph ("Restart at 1" in Word).
    """

    def __init__(self, numbering_el: Any | None, numbering_styles: dict[str, str] | None = None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[str] = set()
        self.numbering_styles = numbering_styles or {}
        if numbering_el is None:
            return
        for an in numbering_el.findall(_w("abstractNum")):
            aid = an.get(_w("abstractNumId"))
            self.abstract[aid] = {}
            for lvl in an.findall(_w("lvl")):
                ilvl = int(lvl.get(_w("ilvl"), "0"))
                self.abstract[aid][ilvl] = _parse_level(lvl)
            link = an.find(_w("numStyleLink"))
            if link is not None:
                self.style_links[aid] = link.get(W_VAL)
        for num in numbering_el.findall(_w("num")):
            nid = num.get(_w("numId"))
            ref = num.find(_w("abstractNumId"))
            if ref is None:
                continue
            entry = _Num(ref.get(W_VAL))
            for ov in num.findall(_w("lvlOverride")):
                ilvl = int(ov.get(_w("ilvl"), "0"))
                so = ov.find(_w("startOverride"))
                if so is not None:
                    entry.start_overrides[ilvl] = _int(so, 1) or 0
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    base = self.abstract.get(entry.abstract, {}).get(ilvl)
                    entry.level_overrides[ilvl] = _parse_level(lvl, base)
            self.nums[nid] = entry

    def _levels(self, num: _Num, depth: int = 0) -> tuple[str, dict[int, _Level]]:
        aid = num.abstract
        # A list defined by a numbering style points at the style, whose numId names the
        # abstract list holding the real levels.
        link = self.style_links.get(aid)
        if link and depth < 3:
            target = self.nums.get(self.numbering_styles.get(link, ""))
            if target is not None and target.abstract != aid:
                return self._levels(target, depth + 1)
        levels = dict(self.abstract.get(aid, {}))
        levels.update(num.level_overrides)
        return aid, levels

    def level_for_style(self, num_id: str, style_id: str) -> int:
        """The list level whose ``w:pStyle`` is ``style_id`` (0 when none says so)."""
        num = self.nums.get(num_id)
        if num is None:
            return 0
        _, levels = self._levels(num)
        for ilvl, lvl in levels.items():
            if lvl.pstyle == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (list, level) and return the label Word displays."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid, levels = self._levels(num)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.seen:
            self.seen.add(num_id)
            for ov_lvl, start in num.start_overrides.items():
                counters[ov_lvl] = start - 1
                for deeper in [k for k in counters if k > ov_lvl]:
                    del counters[deeper]
        cur = counters.get(ilvl)
        counters[ilvl] = lvl.start if cur is None else cur + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > deeper:
                restart = deeper
            if restart != 0 and ilvl < restart:
                del counters[deeper]
        if lvl.fmt == "bullet":
            return None  # bullets are decoration (often private-use symbol glyphs)

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            other = levels.get(k, _Level())
            value = counters.get(k)
            if value is None:
                value = other.start
            return format_number(value, "decimal" if lvl.is_lgl and other.fmt != "none" else other.fmt)

        label = re.sub(r"%([1-9])", sub, lvl.text)
        if not label:
            return None
        return label + {"space": " ", "nothing": ""}.get(lvl.suffix, " ")


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level from pPr, 9 = body text
    num_id: str | None
    ilvl: int | None
    type: str


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$", re.IGNORECASE)


class Styles:
    """Paragraph style facts needed here: heading level, TOC, inherited numbering."""

    def __init__(self, styles_el: Any | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        if styles_el is None:
            return
        for st in styles_el.findall(_w("style")):
            sid = st.get(_w("styleId"))
            name_el = st.find(_w("name"))
            based = st.find(_w("basedOn"))
            ppr = st.find(_w("pPr"))
            outline = num_id = ilvl = None
            if ppr is not None:
                outline = _int(ppr.find(_w("outlineLvl")))
                numpr = ppr.find(_w("numPr"))
                if numpr is not None:
                    nid = numpr.find(_w("numId"))
                    num_id = nid.get(W_VAL) if nid is not None else None
                    ilvl = _int(numpr.find(_w("ilvl")))
            stype = st.get(_w("type"), "paragraph")
            self.styles[sid] = _Style(
                name=(name_el.get(W_VAL) if name_el is not None else sid) or "",
                based_on=based.get(W_VAL) if based is not None else None,
                outline=outline,
                num_id=num_id,
                ilvl=ilvl,
                type=stype,
            )
            if stype == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_para = sid

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and the styles it is based on, nearest first."""
        out: list[_Style] = []
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen and len(out) < 20:
            seen.add(sid)
            out.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return out

    def heading_level(self, sid: str | None) -> int | None:
        """1-9 for heading styles (by name or outline level), else None."""
        for st in self.chain(sid):
            m = _HEADING_NAME.match(st.name.strip())
            if m:
                return int(m.group(1))
            if st.outline is not None:
                return st.outline + 1 if 0 <= st.outline <= 8 else None
        return None

    def is_toc(self, sid: str | None) -> bool:
        return any(_TOC_NAME.match(st.name.strip()) for st in self.chain(sid))

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        for st in self.chain(sid):
            if st.num_id is not None:
                return st.num_id, st.ilvl
        return None, None

    def numbering_style_nums(self) -> dict[str, str]:
        return {sid: st.num_id for sid, st in self.styles.items() if st.type == "numbering" and st.num_id}


# --------------------------------------------------------------------------- text

_SKIP = {
    _w("del"),
    _w("moveFrom"),
    _w("pPr"),
    _w("rPr"),
    _w("instrText"),
    _w("delText"),
    _w("delInstrText"),
    _w("txbxContent"),
    _w("footnoteReference"),
    _w("endnoteReference"),
    _w("commentReference"),
    _w("footnoteRef"),
    _w("endnoteRef"),
    _w("rt"),  # ruby (phonetic guide) text above the base characters
    f"{{{MC_NS}}}Fallback",  # the VML copy of a drawing whose mc:Choice we already read
}


# Elements whose content belongs after the paragraph that holds them: text boxes, and
# the references to footnotes and endnotes (the notes' text lives in their own parts).
_ATTACHED = (_w("txbxContent"), _w("footnoteReference"), _w("endnoteReference"))


def _run_text(el: Any, out: list[str], attached: list[Any]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            if tag in _ATTACHED:
                attached.append(child)
            continue
        if tag == W_T:
            out.append(child.text or "")
        elif tag == W_TAB or tag == _w("ptab"):
            out.append("\t")
        elif tag == W_BR or tag == W_CR:
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        else:
            _run_text(child, out, attached)


class _Converter:
    def __init__(self, document: Any, source: str) -> None:
        self.source = source
        styles_el = _part_element(lambda: document.part.styles.element)
        numbering_el = _part_element(lambda: document.part.numbering_part.element)
        self.styles = Styles(styles_el)
        self.numbering = Numbering(numbering_el, self.styles.numbering_style_nums())
        self.line = 0
        self.table_index = 0
        self.blocks: list[Block] = []
        self.dropped: list[Block] = []
        self.body = document.element.body
        self.parts = _related_parts(document)
        self.notes = {kind: _notes(self.parts.get(kind, [])) for kind in _NOTE_LABEL}
        self.notes_read: set[tuple[str, str]] = set()
        self.pending: list[Any] = []  # what table cells attach, emitted after the table

    def run(self) -> None:
        for el in _body_items(self.body):
            self.element(el)
        # A note whose reference was deleted (a tracked deletion) or never placed is not
        # part of the text, but is kept for accounting.
        for kind, notes in self.notes.items():
            for nid, note in notes.items():
                if (kind, nid) not in self.notes_read:
                    self.dropped.extend(_part_blocks(note))
        # Page furniture (running heads, page numbers) and reviewers' comments are not
        # compared, but nothing of them is lost.
        for kind in ("header", "footer", "comments"):
            for root in self.parts.get(kind, []):
                self.dropped.extend(_part_blocks(root))
        # Text deleted under tracked changes is not in the accepted text the reader compares;
        # it is kept, each deletion once (not the VML fallback copy of a text box).
        for deletion in self.body.iter(_w("del"), _w("moveFrom")):
            if _in_fallback(deletion):
                continue
            text = "".join(t.text or "" for t in deletion.iter(_w("delText"))).strip()
            if text:
                self.dropped.append(Block(text=text, line=0))

    def comment_count(self) -> int:
        """How many comments (批注) the document holds."""
        return sum(len(root.findall(_w("comment"))) for root in self.parts.get("comments", []))

    def attached(self, items: list[Any], line: int, toc: bool = False) -> None:
        """Text boxes and notes, after the paragraph (or table) that anchors or cites them.

        A footnote or endnote is read where it is cited, labelled 脚注/尾注: a reviewer
        compares it with the sentence it explains, and a change made only in a note is
        reported in the section where its mark stands.
        """
        for item in items:
            if item.tag == _w("txbxContent"):
                for el in _body_items(item):
                    self.element(el, toc)
                continue
            kind = "footnote" if item.tag == _w("footnoteReference") else "endnote"
            nid = item.get(_w("id")) or ""
            note = self.notes[kind].get(nid)
            if note is None or (kind, nid) in self.notes_read:
                continue
            self.notes_read.add((kind, nid))
            start, body_line = len(self.blocks), self.line
            for el in _body_items(note):
                self.line = line - 1  # a note's blocks cite the line of its mark
                self.element(el, toc)
            self.line = body_line
            first = next((b for b in self.blocks[start:] if not b.cells), None)
            if first is not None:
                first.text = _NOTE_LABEL[kind] + first.text

    def element(self, el: Any, toc: bool = False) -> None:
        if el.tag == W_P:
            self.paragraph(el, toc)
        elif el.tag == W_TBL:
            self.table(el)
        elif el.tag == _w("sdt"):
            # A block content control; Word's table of contents lives in one.
            gallery = el.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
            is_toc = toc or (gallery is not None and "Contents" in (gallery.get(W_VAL) or ""))
            for child in _body_items(el.find(_w("sdtContent"))):
                self.element(child, is_toc)

    def paragraph_text(self, p: Any) -> tuple[str, int | None, bool, list[Any]]:
        """(displayed text with its list number, heading level, is a TOC entry, text boxes and
        note references)."""
        ppr = p.find(_w("pPr"))
        sid = None
        direct_outline = None
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            sid = ps.get(W_VAL) if ps is not None else None
            direct_outline = _int(ppr.find(_w("outlineLvl")))
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                nid = numpr.find(_w("numId"))
                num_id = nid.get(W_VAL) if nid is not None else None
                ilvl = _int(numpr.find(_w("ilvl")))
        sid = sid or self.styles.default_para
        style_num, style_ilvl = self.styles.numbering(sid)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
        if ilvl is None and num_id is not None and sid is not None:
            ilvl = self.numbering.level_for_style(num_id, sid)
        if direct_outline is not None:
            level = direct_outline + 1 if 0 <= direct_outline <= 8 else None
        else:
            level = self.styles.heading_level(sid)
        pieces: list[str] = []
        attached: list[Any] = []
        _run_text(p, pieces, attached)
        text = "".join(pieces)
        label = None
        if num_id and num_id != "0":
            label = self.numbering.next_label(num_id, ilvl or 0)
        if label:
            text = label + text.lstrip()
        return text, level, self.styles.is_toc(sid), attached

    def paragraph(self, p: Any, toc: bool = False) -> None:
        self.line += 1
        text, level, is_toc, attached = self.paragraph_text(p)
        target = self.dropped if (toc or is_toc) else self.blocks
        for piece in text.split("\n"):
            piece = piece.strip(" \t\u3000\xa0")
            if piece:
                target.append(
                    Block(text=piece, line=self.line, style_level=None if target is self.dropped else level)
                )
        # Text boxes and notes: their paragraphs follow the paragraph that anchors them.
        self.attached(attached, self.line, toc)

    def table(self, tbl: Any) -> None:
        rows = [tr for tr in _children(tbl, W_TR)]
        cells_per_row = [list(_children(tr, W_TC)) for tr in rows]
        is_data = sum(1 for cells in cells_per_row if len(cells) >= 2) >= 2
        if not is_data:
            # A one-column frame (a 专栏 box, a layout table): its paragraphs are text.
            for cells in cells_per_row:
                for tc in cells:
                    for el in _body_items(tc):
                        self.element(el)
            return
        self.table_index += 1
        grid = [[(self.cell_text(tc), *_merge_of(tc)) for tc in cells] for cells in cells_per_row]
        for k, values in table_rows(grid):
            if any(values):
                self.blocks.append(
                    Block(text="\t".join(values), line=self.line + k + 1, cells=values, table=self.table_index)
                )
        self.line += len(grid)
        pending, self.pending = self.pending, []
        self.attached(pending, self.line)

    def cell_text(self, tc: Any) -> str:
        from revdiff.readers.html import join_pieces

        pieces: list[str] = []
        for el in _body_items(tc):
            if el.tag == W_P:
                text, _, _, attached = self.paragraph_text(el)
                pieces.extend(text.split("\n"))
                self.pending.extend(attached)
            elif el.tag == W_TBL:  # a table nested in a cell: flatten it into the cell
                for tr in _children(el, W_TR):
                    pieces.extend(self.cell_text(c) for c in _children(tr, W_TC))
        return join_pieces(pieces)


# --------------------------------------------------------------------------- other parts

_NOTE_LABEL = {"footnote": "脚注：", "endnote": "尾注："}
# relationship type (its last segment) → the kind of part it names
_PART_KINDS = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comments", "header": "header",
               "footer": "footer"}


def _related_parts(document: Any) -> dict[str, list[Any]]:
    """The XML roots of the notes, comments, header and footer parts, by kind."""
    from docx.oxml import parse_xml

    out: dict[str, list[Any]] = {}
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in _PART_KINDS or rel.is_external:
            continue
        part = rel.target_part
        root = getattr(part, "element", None)
        if root is None:
            root = parse_xml(part.blob)
        out.setdefault(_PART_KINDS[kind], []).append(root)
    return out


def _notes(roots: list[Any]) -> dict[str, Any]:
    """Footnotes or endnotes by id (Word's separator lines among them hold no text)."""
    return {
        note.get(_w("id")) or "": note for root in roots for note in root if note.tag in (_w("footnote"), _w("endnote"))
    }


def _in_fallback(el: Any) -> bool:
    """True inside the VML fallback copy of a drawing (its mc:Choice is the one read)."""
    return any(a.tag == f"{{{MC_NS}}}Fallback" for a in el.iterancestors())


def _part_blocks(root: Any) -> list[Block]:
    """Every paragraph of a part that is not compared (line 0: not in the body), each once:
    text boxes' paragraphs in their own right, the VML fallback copy of a drawing not."""
    blocks: list[Block] = []
    for p in root.iter(W_P):
        if _in_fallback(p):
            continue
        pieces: list[str] = []
        _run_text(p, pieces, [])
        text = "".join(pieces).strip()
        if text:
            blocks.append(Block(text=text, line=0))
    return blocks


def _merge_of(tc: Any) -> tuple[int, str | None]:
    """(columns the cell spans, its vertical merge: "restart", "continue" or None)."""
    tcpr = tc.find(_w("tcPr"))
    if tcpr is None:
        return 1, None
    span = max(1, min(_int(tcpr.find(_w("gridSpan")), 1) or 1, 64))
    vmerge = tcpr.find(_w("vMerge"))
    if vmerge is None:
        return span, None
    return span, "restart" if vmerge.get(W_VAL) == "restart" else "continue"


def _part_element(get: Any) -> Any | None:
    try:
        return get()
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        return None  # the package has no such part (no numbering.xml is common)


def _children(el: Any, tag: str) -> list[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    out: list[Any] = []
    if el is None:
        return out
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (_w("sdt"), _w("customXml")):
            inner = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
            out.extend(_children(inner, tag))
    return out


def _body_items(container: Any) -> Iterator[Any]:
    """Paragraphs, tables and block content controls of a body or cell, in order.

    A generator: lxml makes a Python object for each element it hands out, and a list of
    all of them at once (874 000 empty paragraphs) costs more memory than the XML itself.
    """
    if container is None:
        return
    for child in container:
        if child.tag in (W_P, W_TBL, _w("sdt")):
            yield child
        elif child.tag == _w("customXml"):
            yield from _body_items(child)


def read(data: bytes, source: str) -> RawDoc:
    """Read a .docx into Blocks (paragraphs, table rows) with numbering and heading levels."""
    if data.startswith(OLE_MAGIC):
        _refuse_ole(data, source)
    _check_package(data, source)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{source}: python-docx is not installed; pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise _corrupt(source) from None
    except ValueError as exc:  # e.g. a .dotx / .docm content type
        kind = str(exc)
        if "macroEnabled" in kind:
            what = "a macro-enabled Word file (.docm/.dotm)"
        elif "template" in kind:
            what = "a Word template (.dotx)"
        else:
            what = "not a Word document"
        raise InputError(f"{source}: {what}; save it as a Word document (.docx)") from None
    except Exception as exc:  # zip, zlib and XML errors from a damaged package
        if "depth" in str(exc).lower():  # lxml refuses XML nested over 256 levels
            raise InputError(
                f"{source}: .docx XML is nested too deeply (not written by Word; possibly malicious); "
                "re-save it from Word"
            ) from None
        raise _corrupt(source) from None
    try:
        conv = _Converter(document, source)
        conv.run()
        try:
            title = (document.core_properties.title or "").strip() or None
        except Exception:  # a damaged docProps/core.xml should not cost the document
            title = None
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"{source}: cannot read this .docx ({type(exc).__name__}); re-save it from Word"
        ) from None
    return RawDoc(
        source=source,
        format="docx",
        encoding="utf-8",
        blocks=conv.blocks,
        dropped=conv.dropped,
        title=title,
        warnings=[
            *_tracked_changes_warning(conv.body),
            *_comments_warning(conv.comment_count()),
            *_alt_chunk_warning(conv.body),
        ],
    )


def _comments_warning(count: int) -> list[str]:
    """A warning naming how many comments (批注) were left out of the comparison."""
    if not count:
        return []
    return [
        f"文档中有批注 {count} 条，未纳入比较 / the .docx holds {count} comment(s); "
        "they are not compared (kept for accounting)"
    ]


def _tracked_changes_warning(body: Any) -> list[str]:
    """A warning when the document still holds tracked changes (修订).

    Word shows them by default (“All Markup”: deletions struck through beside the
    insertions), so what a reviewer sees is neither version; the text read is the one
    with every change accepted (insertions kept, deletions left out), and they are told.
    """
    inserted = sum(1 for _ in body.iter(_w("ins"), _w("moveTo")))
    deleted = sum(1 for _ in body.iter(_w("del"), _w("moveFrom")))
    if not inserted and not deleted:
        return []
    return [
        f"文档中留有未接受的修订（插入 {inserted} 处、删除 {deleted} 处），按全部接受修订后的文字比较 / "
        f"the .docx still holds tracked changes ({inserted} insertions, {deleted} deletions); "
        "compared as if all were accepted"
    ]


def _alt_chunk_warning(body: Any) -> list[str]:
    """A warning when the body imports other files whole (``w:altChunk``: HTML, RTF or another
    .docx pasted in by a program); Word merges them only when it opens the file, so their text
    is not in this one and cannot be read or compared."""
    count = sum(1 for _ in body.iter(_w("altChunk")))
    if not count:
        return []
    return [
        f"文档中有 {count} 处嵌入的外部内容（altChunk），其文字未能读取，请在 Word 中打开后另存再比较 / "
        f"the .docx imports {count} outside file(s) (altChunk) whose text cannot be read; "
        "open it in Word and save it again to compare them"
    ]
