"""OFD (GB/T 33190, the national fixed-layout format of 公文): a zip of XML, read like a PDF.

``OFD.xml`` names the document (``DocBody/DocRoot``); its ``Document.xml`` lists the pages
(``Pages/Page@BaseLoc``), each a ``Content.xml`` whose ``TextObject``s place ``TextCode``
runs at a position (``Boundary`` origin + ``X``/``Y`` baseline, ``DeltaX`` glyph advances).
Glyphs are rebuilt into printed lines and ruled tables (from ``PathObject`` rules), and then
handed to the PDF reader's layout steps (reading order, running headers and page numbers
dropped, line edges), so an .ofd reads as the PDF of the same page would; blocks cite pages.
Text on a page template (``TemplatePage``) is page furniture: it is kept as dropped lines.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from typing import Any

from revdiff.errors import InputError
from revdiff.model import RawDoc
from revdiff.readers.pdf import (
    MAX_PAGES,
    _clean_cell,
    _emit,
    _gutter,
    _Item,
    _line_text,
    _mark_line_edges,
    _mark_page_furniture,
    _Page,
    _reading_order,
)

PT_PER_MM = 72 / 25.4  # OFD measures in millimetres; the PDF layout steps think in points
MAX_PART = 64 * 1024 * 1024  # bytes one XML part may inflate to
_RULE = 0.8  # mm: a path thinner than this is a ruling line, not a shape
_SNAP = 1.0  # mm: rules this close are the same grid line
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


def _corrupt(source: str) -> InputError:
    return InputError(f"{source}: corrupt or truncated .ofd; download or export it again")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: Any, name: str) -> Any:
    return next((c for c in el if _local(c.tag) == name), None)


def _numbers(value: str | None) -> list[float]:
    try:
        return [float(v) for v in (value or "").split()]
    except ValueError:
        return []


def _deltas(value: str | None) -> list[float]:
    """A ``DeltaX``/``DeltaY`` list, with ``g N V`` (V repeated N times) expanded."""
    tokens = (value or "").split()
    out: list[float] = []
    i = 0
    try:
        while i < len(tokens):
            if tokens[i] == "g" and i + 2 < len(tokens):
                out.extend([float(tokens[i + 2])] * min(int(tokens[i + 1]), 100000))
                i += 3
            else:
                out.append(float(tokens[i]))
                i += 1
    except ValueError:
        return out
    return out


class _Package:
    """The zip, checked against zip bombs, and its XML parts parsed without DTDs or entities."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        from revdiff.readers.zipguard import open_package

        self.zf = open_package(data, source, ".ofd", _corrupt(source))
        infos = self.zf.infolist()
        # Names compared without a leading slash or case: producers differ in both.
        self.names = {i.filename.lstrip("/").lower(): i for i in infos}

    def xml(self, path: str) -> Any:
        """The root element of the part at ``path`` (a path inside the zip), or an error."""
        from lxml import etree

        info = self.names.get(path.lstrip("/").lower())
        if info is None:
            raise InputError(f"{self.source}: .ofd is missing its part {path}; download or export it again")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_PART + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError):
            raise _corrupt(self.source) from None
        if len(data) > MAX_PART:
            raise InputError(f"{self.source}: .ofd part {path} is larger than {MAX_PART >> 20} MB; refusing it")
        if _DTD.search(data):  # OFD writers never declare a DTD: one can only expand entities
            raise InputError(
                f"{self.source}: .ofd part {path} declares XML entities (possibly malicious); export it again"
            )
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError:
            raise _corrupt(self.source) from None


def _resolve(base: str, loc: str) -> str:
    """``loc`` (a BaseLoc / DocRoot) relative to the folder of the part ``base``."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), loc))


def _glyphs(page_root: Any) -> tuple[list[dict[str, Any]], list[tuple[float, float, float, float]]]:
    """Every glyph of a page (pdfplumber-like dicts, in points) and its ruling lines (mm)."""
    chars: list[dict[str, Any]] = []
    rules: list[tuple[float, float, float, float]] = []
    for obj in page_root.iter():
        kind = _local(obj.tag)
        if kind == "TextObject":
            chars.extend(_text_object(obj))
        elif kind == "PathObject":
            rules.extend(_path_rules(obj))
    return chars, rules


def _transform(obj: Any) -> tuple[float, float, float, float, float, float]:
    ctm = _numbers(obj.get("CTM"))
    return (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]) if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _text_object(obj: Any) -> list[dict[str, Any]]:
    box = _numbers(obj.get("Boundary"))
    if len(box) < 2:
        return []
    bx, by = box[0], box[1]
    a, b, c, d, e, f = _transform(obj)
    size = (_numbers(obj.get("Size")) or [3.5])[0] * (abs(d) or 1.0)
    out: list[dict[str, Any]] = []
    x = y = 0.0
    for code in obj:
        if _local(code.tag) != "TextCode":
            continue
        text = code.text or ""
        x = (_numbers(code.get("X")) or [x])[0]
        y = (_numbers(code.get("Y")) or [y])[0]
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for i, ch in enumerate(text):
            px, py = a * x + c * y + e + bx, b * x + d * y + f + by
            advance = dx[i] if i < len(dx) else size * (1.0 if ord(ch) > 0x2E7F else 0.5)
            width = size * (1.0 if ord(ch) > 0x2E7F else 0.5)
            out.append({
                "text": ch, "x0": px * PT_PER_MM, "x1": (px + width) * PT_PER_MM,
                "top": (py - 0.86 * size) * PT_PER_MM, "bottom": (py + 0.14 * size) * PT_PER_MM,
                "size": size * PT_PER_MM, "baseline": py,
            })  # fmt: skip
            x += advance * abs(a or 1.0)
            if i < len(dy):
                y += dy[i]
    return out


_PATH_TOKEN = re.compile(r"[A-Za-z]|-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")


def _path_rules(obj: Any) -> list[tuple[float, float, float, float]]:
    """The horizontal and vertical segments of a path, in page millimetres (x0, y0, x1, y1)."""
    box = _numbers(obj.get("Boundary"))
    if len(box) < 4:
        return []
    bx, by, bw, bh = box[:4]
    if bw <= _RULE or bh <= _RULE:  # a hairline box is a rule itself (some writers fill thin boxes)
        return [(bx, by, bx + bw, by + bh)] if max(bw, bh) > _RULE else []
    data = _child(obj, "AbbreviatedData")
    tokens = _PATH_TOKEN.findall(data.text or "") if data is not None else []
    a, b, c, d, e, f = _transform(obj)
    segments: list[tuple[float, float, float, float]] = []
    point: tuple[float, float] | None = None
    start: tuple[float, float] | None = None
    i = 0
    while i < len(tokens):
        op = tokens[i]
        if op in ("M", "L") and i + 2 < len(tokens):
            try:
                lx, ly = float(tokens[i + 1]), float(tokens[i + 2])
            except ValueError:
                return segments
            nxt = (a * lx + c * ly + e + bx, b * lx + d * ly + f + by)
            if op == "L" and point is not None:
                segments.append((*point, *nxt))
            else:
                start = nxt
            point = nxt
            i += 3
        elif op == "C" and point is not None and start is not None:  # close the sub-path
            segments.append((*point, *start))
            point = start
            i += 1
        else:
            i += 1
    return [s for s in segments if abs(s[1] - s[3]) < _RULE / 2 or abs(s[0] - s[2]) < _RULE / 2]


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _grids(rules: list[tuple[float, float, float, float]]) -> list[tuple[list[float], list[float]]]:
    """Ruled tables: groups of touching rules with 2+ rows and 2+ columns, as (xs, ys) in mm."""
    rules = [(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)) for x0, y0, x1, y1 in rules]
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, r in enumerate(rules):
        for j in range(i):
            s = rules[j]
            if r[0] <= s[2] + _SNAP and s[0] <= r[2] + _SNAP and r[1] <= s[3] + _SNAP and s[1] <= r[3] + _SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[float, float, float, float]]] = {}
    for i, r in enumerate(rules):
        groups.setdefault(find(i), []).append(r)
    out = []
    for group in groups.values():
        ys = _snap([r[1] for r in group if r[3] - r[1] < _RULE])
        xs = _snap([r[0] for r in group if r[2] - r[0] < _RULE])
        if len(xs) >= 2 and len(ys) >= 2:
            out.append((xs, ys))
    return out


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Glyphs grouped into printed lines: the same baseline (within a third of the size)."""
    lines: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (c["baseline"], c["x0"])):
        if lines and abs(lines[-1][0]["baseline"] - ch["baseline"]) * PT_PER_MM <= ch["size"] / 3:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return lines


def _read_page(root: Any, number: int, height: float, template_roots: list[Any]) -> _Page:
    chars, rules = _glyphs(root)
    page = _Page(number=number, height=height * PT_PER_MM, chars=len(chars))
    tables = []
    frames: list[tuple[float, float, float, float]] = []  # one-cell grids (专栏 boxes), in points
    for xs, ys in _grids(rules):
        inside = [c for c in chars if xs[0] * PT_PER_MM <= (c["x0"] + c["x1"]) / 2 <= xs[-1] * PT_PER_MM
                  and ys[0] <= c["baseline"] - 0.3 * c["size"] / PT_PER_MM <= ys[-1]]  # fmt: skip
        rows: list[list[str]] = []
        for top, bottom in zip(ys, ys[1:], strict=False):
            row = []
            for left, right in zip(xs, xs[1:], strict=False):
                cell = [c for c in inside if left * PT_PER_MM <= (c["x0"] + c["x1"]) / 2 < right * PT_PER_MM
                        and top <= c["baseline"] - 0.3 * c["size"] / PT_PER_MM < bottom]  # fmt: skip
                row.append(_clean_cell("\n".join(_line_text(line) for line in _lines(cell))))
            rows.append(row)
        # Only real grids are tables: a one-cell frame (a 专栏 box) holds ordinary text.
        if sum(1 for r in rows if sum(1 for c in r if c) >= 2) >= 2:
            ids = {id(c) for c in inside}
            chars = [c for c in chars if id(c) not in ids]
            rows = [r for r in rows if any(r)]
            tables.append(_Item(top=ys[0] * PT_PER_MM, bottom=ys[-1] * PT_PER_MM, x0=xs[0] * PT_PER_MM,
                                x1=xs[-1] * PT_PER_MM, rows=rows, kind="table"))  # fmt: skip
        else:  # its lines start and end at the frame's edges, not the column's
            frames.append((xs[0] * PT_PER_MM, ys[0] * PT_PER_MM, xs[-1] * PT_PER_MM, ys[-1] * PT_PER_MM))
    lines = _lines(chars)
    width = max([c["x1"] for c in chars] + [595.0])
    gutter = _gutter([{"chars": line} for line in lines], width)
    for line in lines:
        if gutter is None or any(gutter[0] < (c["x0"] + c["x1"]) / 2 < gutter[1] for c in line):
            parts = [line]
        else:  # the same baseline in both columns: two lines, one per column
            parts = [[c for c in line if c["x1"] <= gutter[0]], [c for c in line if c["x0"] >= gutter[1]]]
        for part in parts:
            text = _line_text(part)
            if text:
                x0, x1 = min(c["x0"] for c in part), max(c["x1"] for c in part)
                column = (False, 0) if gutter is None else (True, 0 if x1 <= gutter[0] else 1)
                top, bottom = min(c["top"] for c in part), max(c["bottom"] for c in part)
                mid, y = (x0 + x1) / 2, (top + bottom) / 2
                frame = next((i for i, (fx0, ft, fx1, fb) in enumerate(frames) if fx0 <= mid <= fx1 and ft <= y <= fb),
                             None)  # fmt: skip
                page.items.append(_Item(top=top, bottom=bottom, x0=x0, x1=x1, text=text,
                                        size=max(c["size"] for c in part), column=column,
                                        frame=None if frame is None else (number, frame)))  # fmt: skip
    page.items.extend(tables)
    page.items.sort(key=_reading_order(page.items, gutter))
    # A template's text (a running header …) is on every page it backs: furniture, kept aside.
    page.hidden_text = "\n".join(
        text for template in template_roots for line in _lines(_glyphs(template)[0]) if (text := _line_text(line))
    )
    return page


def read(data: bytes, source: str) -> RawDoc:
    """Read an .ofd's first document into line Blocks (with ``page``) and table-row Blocks."""
    pkg = _Package(data, source)
    try:
        root = pkg.xml("OFD.xml")
        body = _child(root, "DocBody")
        doc_root = _child(body, "DocRoot") if body is not None else None
        if doc_root is None or not (doc_root.text or "").strip():
            raise _corrupt(source)
        doc_path = _resolve("OFD.xml", doc_root.text or "")
        info = _child(body, "DocInfo")
        title_el = _child(info, "Title") if info is not None else None
        title = (title_el.text or "").strip() or None if title_el is not None else None
        document = pkg.xml(doc_path)
        common = _child(document, "CommonData")
        default_box = _page_box(common)
        templates = {}
        for tpl in common.iter() if common is not None else []:
            if _local(tpl.tag) == "TemplatePage" and tpl.get("BaseLoc"):
                templates[tpl.get("ID", "")] = _resolve(doc_path, tpl.get("BaseLoc", ""))
        pages_el = _child(document, "Pages")
        page_refs = [p for p in (pages_el if pages_el is not None else []) if _local(p.tag) == "Page"]
    except InputError:
        raise
    except Exception:
        raise _corrupt(source) from None
    if not page_refs:
        raise InputError(f"{source}: .ofd has no pages; download or export it again")
    if len(page_refs) > MAX_PAGES:
        raise InputError(f"{source}: .ofd has {len(page_refs)} pages, more than the limit of {MAX_PAGES}")
    pages: list[_Page] = []
    for number, ref in enumerate(page_refs, 1):
        path = _resolve(doc_path, ref.get("BaseLoc", ""))
        page_root = pkg.xml(path)
        area = _child(page_root, "Area")
        box = _page_box(area) if area is not None else default_box
        used = [pkg.xml(templates[t.get("TemplateID", "")]) for t in page_root
                if _local(t.tag) == "Template" and t.get("TemplateID", "") in templates]  # fmt: skip
        pages.append(_read_page(page_root, number, box, used))
    if sum(p.chars for p in pages) == 0:
        raise InputError(f"{source}: .ofd has no text (its pages are images); run OCR on a PDF of it first")
    _mark_page_furniture(pages)
    _mark_line_edges(pages)
    for p in pages:  # template text is accounted for as dropped lines, after the layout steps
        for text in reversed(p.hidden_text.split("\n") if p.hidden_text else []):
            p.items.insert(0, _Item(top=0.0, bottom=0.0, x0=0.0, x1=0.0, text=text, dropped=True))
    blocks, dropped = _emit(pages)
    return RawDoc(source=source, format="ofd", encoding="utf-8", blocks=blocks, dropped=dropped, title=title)


def _page_box(el: Any) -> float:
    """The page height (mm) from a ``PhysicalBox`` under ``el``; A4 when it says none."""
    found = None
    if el is not None:
        for child in el.iter():
            if _local(child.tag) == "PhysicalBox":
                found = _numbers(child.text)
                break
    return found[3] if found and len(found) == 4 else 297.0
