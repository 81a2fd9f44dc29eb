"""Optical character recognition of PDF pages without a text layer (scans), with Tesseract.

A page is rendered (pypdfium2, through pdfplumber) and recognised by ``tesseract`` (Debian
``tesseract-ocr`` + ``tesseract-ocr-chi-sim``), whose TSV output gives every recognised word
with its box.  Words become the printed lines of the PDF reader (spaces only where the gap
is a real one, as for a text layer), and ruling lines found in the image become tables, so
that a scan reads as the PDF it was printed from; the PDF reader's layout steps then drop
running headers and page numbers as for any PDF.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from typing import Any

from revdiff.errors import InputError
from revdiff.numbering import HAN

DPI = 300  # Tesseract reads body text best at about 300 dpi …
# … but a scan is read at the resolution it was scanned at, within these bounds: resampling
# a 200 dpi scan to 300 dpi blurs strokes (亿 is then read as "{Z", % as "9k").
MIN_DPI, MAX_DPI = 150, 400
TIMEOUT = 300  # seconds per page
LANGUAGE = "chi_sim"
DOUBT = 60  # Tesseract's confidence (0–100) under which a word holding digits is doubtful
_RULE_DARK = 0.5  # a pixel row / column this dark on average (over the table) is a ruling line


def available() -> bool:
    """True when the ``tesseract`` program is installed."""
    return shutil.which("tesseract") is not None


def tesseract(source: str) -> str:
    """The ``tesseract`` program, or an error naming the packages to install."""
    found = shutil.which("tesseract")
    if not found:
        raise InputError(
            f"{source}: reading a scanned PDF needs Tesseract OCR; install it "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim) or give --ocr never"
        )
    return found


def _image(page: Any) -> tuple[Any, float, float, float]:
    """The page as a grey image to recognise, its resolution, and where its pixel (0, 0) is (points).

    A scan is one image covering the page: it is taken as it was scanned, pixel for pixel
    (re-rendering it even at one pixel more blurs strokes: 亿 is then read as "{Z", % as "9k").
    Any other page is rendered at ``DPI``.
    """
    import pypdfium2 as pdfium

    width, height = page.get_size()
    images = list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) == 1:
        left, bottom, right, top = images[0].get_bounds()
        pixels = images[0].get_px_size()[0]
        shown = (right - left) * (top - bottom)
        if shown > 0.5 * width * height and pixels:
            dpi = pixels / ((right - left) / 72)
            if MIN_DPI <= dpi <= MAX_DPI:
                bitmap = images[0].get_bitmap(render=False).to_pil().convert("L")
                return bitmap, dpi, left, height - top
    return page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L"), DPI, 0.0, 0.0


MAX_SKEW = 2.0  # degrees: a page fed into a scanner askew


def skew(gray: Any) -> float:
    """How many degrees ``gray`` must turn (counter-clockwise) for its lines of text to lie level.

    The projection-profile method: turned right, the ink of each line of text falls into a
    few pixel rows and the white between lines into others, so the rows' darkness varies
    most.  Tried on a quarter-size copy every quarter degree within ``MAX_SKEW``, then on a
    half-size copy every twentieth of a degree around the best of those.
    """
    from PIL import Image

    def best(factor: int, centre: float, step: float, reach: float) -> float:
        small = gray.reduce(factor).point(lambda v: 255 if v < 160 else 0)

        def spread(angle: float) -> float:
            turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
            rows = list(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes())
            mean = sum(rows) / len(rows)
            return sum((r - mean) ** 2 for r in rows)

        steps = round(reach / step)
        return max((centre + i * step for i in range(-steps, steps + 1)), key=lambda a: (spread(a), -abs(a)))

    return round(best(2, best(4, 0.0, 0.25, MAX_SKEW), 0.05, 0.25), 2)


def _deskew(gray: Any) -> Any:
    """``gray`` turned level when it was scanned askew by more than a sixth of a degree.

    Tesseract reads a slightly skewed line well, but the ruling lines of a table are found
    as pixel rows dark across the table (see ``_tables``), which a rule a few pixels
    higher at one end than the other is not: a page 0.3° askew lost its whole table.
    """
    from PIL import Image

    angle = skew(gray)
    if abs(angle) < 0.15:
        return gray
    return gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _words(image: Any, dpi: float, source: str, layout: int = 4) -> list[dict[str, Any]]:
    """Tesseract's words for ``image``: text, box (pixels) and (block, paragraph, line) ids.

    ``layout``: Tesseract's page segmentation mode: 4 (a column of lines of any size) for a
    page — a 公文 page is one column, and mode 3's search for a layout drops short lines
    as non-text (a heading "一、主要目标" or "（征求意见稿）" vanished at 300 dpi) —, 6 (one
    block) for a sheet of table cells or of lines read again.
    """
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    # One thread per Tesseract: several pages or pairs may run side by side already.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([tesseract(source), "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(round(dpi)), "--psm", str(layout),
                               "tsv"],
                              input=buf.getvalue(), capture_output=True, env=env, timeout=TIMEOUT,
                              check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        raise InputError(f"{source}: OCR of a page took more than {TIMEOUT} s; refusing it") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if any("chi_sim" in line for line in detail):
            raise InputError(
                f"{source}: Tesseract has no Simplified Chinese model; install it "
                "(Debian: apt-get install tesseract-ocr-chi-sim)"
            )
        raise InputError(f"{source}: Tesseract failed ({detail[-1] if detail else done.returncode}); check the scan")
    out: list[dict[str, Any]] = []
    lines: dict[tuple[int, int, int], tuple[int, int, int, int]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] not in ("4", "5"):
            continue
        left, top, width, height = (int(v) for v in cols[6:10])
        line = (int(cols[2]), int(cols[3]), int(cols[4]))
        if cols[0] == "4":  # the line's own box: a word's box is less reliable (it may span lines)
            lines[line] = (left, top, left + width, top + height)
        elif cols[11].strip():
            out.append({"text": cols[11].strip(), "line": line, "conf": float(cols[10]),
                        "x0": left, "x1": left + width, "top": top, "bottom": top + height})  # fmt: skip
    for w in out:
        w["box"] = lines.get(w["line"], (w["x0"], w["top"], w["x1"], w["bottom"]))
    heights: dict[tuple[int, int, int], float] = {}
    for w in out:  # the line's height is its type size (a comma's box is not)
        heights[w["line"]] = max(heights.get(w["line"], 0.0), w["bottom"] - w["top"])
    for w in out:
        w["size"] = heights[w["line"]]
    return out


def _tables(gray: Any) -> tuple[list[tuple[list[int], list[int]]], list[tuple[int, int, int, int]]]:
    """The ruled tables of a page image, each as its rules (xs, ys), and its frames, in pixels.

    A pixel row is a horizontal rule when it is dark across most of the ink's width (text
    rows are not: there is white between characters).  Between two such rules, a column
    dark over the whole band is a vertical rule; consecutive bands with three or more
    vertical rules are the rows of one table; a band with two is a frame (a 专栏 box),
    whose lines start and end at its sides.  Pillow averages rows and columns by
    resizing, which is fast without numpy.
    """
    from PIL import Image

    ink = gray.point(lambda v: 255 if v < 128 else 0)
    box = ink.getbbox()
    if box is None:
        return [], []
    x0, _, x1, _ = box
    rows = list(ink.crop((x0, 0, x1, ink.height)).resize((1, ink.height), Image.Resampling.BOX).tobytes())
    ys = _runs([i for i, v in enumerate(rows) if v >= 255 * _RULE_DARK])
    tables: list[tuple[list[int], list[int]]] = []
    frames: list[tuple[int, int, int, int]] = []
    current: tuple[list[int], list[int]] | None = None
    for top, bottom in zip(ys, ys[1:], strict=False):
        band = ink.crop((0, top + 3, ink.width, max(bottom - 2, top + 4)))
        cols = list(band.resize((ink.width, 1), Image.Resampling.BOX).tobytes())
        xs = _runs([i for i, v in enumerate(cols) if v >= 255 * 0.9])
        if len(xs) < 3:
            if len(xs) == 2:
                frames.append((xs[0], top, xs[1], bottom))
            current = None
            continue
        if current is None or current[1][-1] != top:
            current = ([], [top])
            tables.append(current)
        current[0].extend(xs)
        current[1].append(bottom)
    out = []
    for xs, band_ys in tables:
        snapped: list[int] = []
        for x in sorted(xs):  # the same rule, found in every row, a pixel or two apart
            if not snapped or x - snapped[-1] > 4:
                snapped.append(x)
        out.append((snapped, band_ys))
    return out, frames


def _runs(indices: list[int]) -> list[int]:
    """The middles of runs of adjacent indices (a rule is a few pixels thick)."""
    out: list[int] = []
    start = prev = -10
    for i in [*indices, -10]:
        if i != prev + 1:
            if prev >= 0:
                out.append((start + prev) // 2)
            start = i
        prev = i
    return out


def _cells(image: Any, tables: list[tuple[list[int], list[int]]], dpi: float, source: str,
           doubts: dict[tuple[int, int], list[str]]) -> list[list[list[str]]]:
    """The text of every cell of ``tables``, recognised apart from the page's text.

    Read as part of the page, a cell whose text wraps to two lines and its one-line
    neighbours run together; so the cells are cut out (inside their rules), stacked one
    under the other on a white sheet, and the words found on each stretch of the sheet
    are that cell's.  Cells are set smaller than body text: the sheet is read once as it
    was scanned and once at twice the size, where decimal points and dropped digits
    survive (see ``_fuse``).  ``doubts`` receives, by (table, row), the cells whose figures
    Tesseract was unsure of at scan size and the enlarged reading does not give alike.
    """
    from PIL import Image

    crops = []
    for t, (xs, ys) in enumerate(tables):
        for r, (top, bottom) in enumerate(zip(ys, ys[1:], strict=False)):
            for c, (left, right) in enumerate(zip(xs, xs[1:], strict=False)):
                if right - left > 8 and bottom - top > 8:
                    crops.append(((t, r, c), image.crop((left + 4, top + 4, right - 3, bottom - 3))))
    gap = round(dpi / 5)  # a blank fifth of an inch between two cells
    sheet = Image.new("L", (max(im.width for _, im in crops) + 2 * gap, sum(im.height + gap for _, im in crops) + gap),
                      255)  # fmt: skip
    spans = []
    y = gap
    for key, im in crops:
        sheet.paste(im, (gap, y))
        spans.append((key, y, y + im.height))
        y += im.height + gap
    unsure: set[tuple[int, int, int]] = set()  # cells with a figure Tesseract was unsure of at scan size
    readings = []
    for scale in (1, 2):
        page = sheet if scale == 1 else sheet.resize((sheet.width * 2, sheet.height * 2), Image.Resampling.LANCZOS)
        found: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
        for w in _words(page, scale * dpi, source, layout=6):
            middle = (w["top"] + w["bottom"]) / (2 * scale)
            cell = next((k for k, a, b in spans if a - gap / 2 <= middle < b + gap / 2), None)
            if cell is not None:
                found.setdefault(cell, []).append(w)
        readings.append({key: _cell_text(words) for key, words in found.items()})
        if scale == 1:
            unsure = {key for key, words in found.items() if any(_doubtful(w) for w in words)}
    out = []
    for t, (xs, ys) in enumerate(tables):
        rows = []
        for r in range(len(ys) - 1):
            row = []
            for c in range(len(xs) - 1):
                plain, enlarged = readings[0].get((t, r, c), ""), readings[1].get((t, r, c), "")
                row.append(_fuse(plain, enlarged))
                # unsure at scan size, and the enlarged reading gives other figures: doubtful
                if (t, r, c) in unsure and _FIGURE.findall(plain) != _FIGURE.findall(enlarged):
                    doubts.setdefault((t, r), []).append(row[-1])
            rows.append(row)
        out.append(rows)
    return out


_NUMBER_PIECE = re.compile(r"[0-9.%]+")


def _fuse(plain: str, enlarged: str) -> str:
    """A cell's reading as scanned, with the digits and decimal points only the enlarged reading saw.

    Enlarging helps small figures (8.6 read as 86, 12 as 1) but hurts Chinese characters, so
    the reading at scan size is kept, and from the enlarged one only what it inserts among
    the figures: runs of digits, points or % that the scan-size reading left out.  A cell
    the scan-size reading found empty takes the enlarged reading whole.
    """
    from rapidfuzz.distance import Levenshtein

    if not plain:
        return enlarged
    if not re.search(r"\d", plain):
        return plain
    out = ""
    for op in Levenshtein.opcodes(plain, enlarged):
        piece = enlarged[op.dest_start : op.dest_end]
        if op.tag == "insert" and _NUMBER_PIECE.fullmatch(piece):
            out += piece
        elif op.tag != "insert":
            out += plain[op.src_start : op.src_end]
    return out


def _cell_text(words: list[dict[str, Any]]) -> str:
    from revdiff.readers.pdf import _clean_cell

    lines: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    text = _clean_cell("\n".join(_line_text(ws) for ws in lines.values()))
    return _fix_confusions(text.strip(_RULE_MARKS + " "))


def _page(number: int, height: float, image: Any, dpi: float, origin: tuple[float, float], source: str) -> Any:
    """The PDF reader's page (lines and table items, in points) from a page image."""
    from PIL import ImageDraw

    from revdiff.readers.pdf import _Item, _Page, _reading_order

    pt = 72 / dpi
    tables, frames = _tables(image)
    text_image = image
    if tables:  # the page's text is read without the tables, whose cells are read apart
        text_image = image.copy()
        draw = ImageDraw.Draw(text_image)
        for xs, ys in tables:
            draw.rectangle((xs[0] - 3, ys[0] - 3, xs[-1] + 3, ys[-1] + 3), fill=255)
    words = _words(text_image, dpi, source)
    words += _missed_lines(text_image, words, dpi, source)
    page = _Page(number=number, height=height, chars=sum(len(w["text"]) for w in words))
    cell_doubts: dict[tuple[int, int], list[str]] = {}
    for t, ((xs, ys), rows) in enumerate(zip(tables, _cells(image, tables, dpi, source, cell_doubts) if tables else [],
                                             strict=True)):  # fmt: skip
        kept = [r for r, row in enumerate(rows) if any(row)]
        rows = _fix_unit_column([rows[r] for r in kept])
        page.chars += sum(len(c) for r in rows for c in r)
        if rows:
            page.items.append(_Item(top=origin[1] + ys[0] * pt, bottom=origin[1] + ys[-1] * pt,
                                    x0=origin[0] + xs[0] * pt, x1=origin[0] + xs[-1] * pt, rows=rows,
                                    kind="table", row_doubts=tuple(tuple(cell_doubts.get((t, r), ())) for r in kept)))  # fmt: skip
    lines: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    doubtful = [k for k, ws in lines.items() if any(_doubtful(w) for w in ws)]
    if doubtful:
        lines.update(zip(doubtful, _reread(text_image, [lines[k] for k in doubtful], dpi, source), strict=True))
    for ws in lines.values():
        text = _fix_confusions(_line_text(ws))
        if text:
            x0, x1 = min(w["x0"] for w in ws), max(w["x1"] for w in ws)
            top, bottom = min(w["top"] for w in ws), max(w["bottom"] for w in ws)
            frame = next((i for i, (fx0, ft, fx1, fb) in enumerate(frames)
                          if fx0 <= (x0 + x1) / 2 <= fx1 and ft <= (top + bottom) / 2 <= fb), None)  # fmt: skip
            page.items.append(_Item(top=origin[1] + top * pt, bottom=origin[1] + bottom * pt,
                                    x0=origin[0] + x0 * pt, x1=origin[0] + x1 * pt, text=text,
                                    size=max(w["size"] for w in ws) * pt,
                                    frame=None if frame is None else (number, frame),
                                    doubts=tuple(w["text"] for w in ws if _doubtful(w))))  # fmt: skip
    page.items.sort(key=_reading_order(page.items, None))
    return page


def _missed_lines(image: Any, words: list[dict[str, Any]], dpi: float, source: str) -> list[dict[str, Any]]:
    """The words of the printed lines that the page's reading left out, each read as one line.

    Tesseract's layout analysis sometimes takes a short line for something other than text
    and drops it without a word (a heading "二、重点任务" under a table).  A band of pixel rows
    with ink that no recognised line covers, as tall as a line of text (a title's may be
    twice the body's), is read on its own
    (see ``_read_lines``), so that nothing printed is lost.
    """
    from PIL import Image

    if not words:
        return []
    heights = sorted(w["box"][3] - w["box"][1] for w in words)
    line_height = heights[len(heights) // 2]
    ink = image.point(lambda v: 255 if v < 128 else 0)
    rows = list(ink.resize((1, ink.height), Image.Resampling.BOX).tobytes())
    covered = bytearray(len(rows))
    for w in words:
        _, top, _, bottom = w["box"]
        covered[max(0, top) : max(0, bottom)] = b"\x01" * (max(0, bottom) - max(0, top))
    bands, start = [], None
    for y, v in enumerate([*rows, 0]):
        if v > 0 and start is None:
            start = y
        elif v == 0 and start is not None:
            bands.append((start, y))
            start = None
    missed = []
    for number, (top, bottom) in enumerate(bands):
        if not 0.5 * line_height <= bottom - top <= 2.5 * line_height or sum(covered[top:bottom]) > 0.3 * (bottom - top):
            continue  # not a line of text (a speck, a picture, a seal), or one that was read
        left, _, right, _ = ink.crop((0, top, ink.width, bottom)).getbbox() or (0, 0, 0, 0)
        if right - left < 0.5 * line_height:  # a speck, not a word
            continue
        missed.append([{"box": (left, top, right, bottom), "line": (10_000, 0, number)}])
    return [w for line in (_read_lines(image, missed, dpi, 1, source) if missed else []) for w in line]


def _doubtful(word: dict[str, Any]) -> bool:
    """A word that holds digits, that Tesseract was unsure of and that no second reading
    confirmed (a figure possibly misread)."""
    return word["conf"] < DOUBT and not word.get("confirmed") and any(ch.isdigit() for ch in word["text"])


_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")


def _figures(words: list[dict[str, Any]]) -> list[str]:
    """The figures a reading of one line gives, after the known confusions are undone."""
    return _FIGURE.findall(_fix_confusions(_line_text(words)))


def _read_lines(image: Any, lines: list[list[dict[str, Any]]], dpi: float, scale: int,
                source: str) -> list[list[dict[str, Any]]]:
    """Each line of ``lines`` (words with their line's box) read again on its own, enlarged
    ``scale`` times, its words placed back on the page; [] for a line nothing was read on.

    The lines are cut out and stacked on one white sheet, a fifth of an inch apart, which
    Tesseract reads as one block of lines (``--psm 6``): one run for all the lines of a
    page, not one (and one loading of the model) a line.
    """
    from PIL import Image

    gap = round(scale * dpi / 5)
    crops = []
    for words in lines:
        x0, top, x1, bottom = words[0]["box"]
        pad = max(4, (bottom - top) // 5)
        box = (max(0, x0 - pad), max(0, top - pad), min(image.width, x1 + pad), min(image.height, bottom + pad))
        crop = image.crop(box)
        if scale > 1:
            crop = crop.resize((crop.width * scale, crop.height * scale), Image.Resampling.BICUBIC)
        crops.append((box, crop))
    sheet = Image.new("L", (max(c.width for _, c in crops) + 2 * gap, sum(c.height + gap for _, c in crops) + gap), 255)
    spans, y = [], gap
    for box, crop in crops:
        sheet.paste(crop, (gap, y))
        spans.append((box, y, y + crop.height))
        y += crop.height + gap
    out: list[list[dict[str, Any]]] = [[] for _ in lines]
    try:
        found = _words(sheet, scale * dpi, source, layout=6)
    except InputError:  # nothing Tesseract could read as lines (specks of noise): no second reading
        return out
    for w in found:
        middle = (w["top"] + w["bottom"]) / 2
        i = next((i for i, (_, a, b) in enumerate(spans) if a - gap / 2 <= middle < b + gap / 2), None)
        if i is None:
            continue
        box, a, _ = spans[i]
        for edge, origin, offset in (("x0", box[0], gap), ("x1", box[0], gap), ("top", box[1], a), ("bottom", box[1], a)):
            w[edge] = (w[edge] - offset) / scale + origin
        w["size"] /= scale
        w["line"], w["box"] = lines[i][0]["line"], lines[i][0]["box"]
        out[i].append(w)
    return out


def _reread(image: Any, lines: list[list[dict[str, Any]]], dpi: float, source: str) -> list[list[dict[str, Any]]]:
    """The words of lines on which a figure is doubtful, each checked by reading it again.

    Read as part of a page, a narrow glyph beside a digit (the % of a condensed "8%") is
    often taken for another digit ("99", confidence 45); the same line cut out and read
    apart from the page is often read right ("8%", 83), and so, or not, is the line read
    at twice the size.  Of the three readings, the first whose figures another one gives
    too wins, its figures confirmed when one of the agreeing readings is sure of them (two
    unsure readings may share a confusion: 1500元 read "15007" twice); when no two agree,
    the one whose least sure figure is surest wins, its figures still doubtful.
    A reading that is not of the same line (under 80 % alike: a neighbour's text) is left out.
    """
    from rapidfuzz.fuzz import ratio

    def least(ws: list[dict[str, Any]]) -> float:
        return min((w["conf"] for w in ws if any(ch.isdigit() for ch in w["text"])), default=100.0)

    again = [_read_lines(image, lines, dpi, scale, source) for scale in (1, 2)]
    out = []
    for i, words in enumerate(lines):
        text = _fix_confusions(_line_text(words))
        readings = [words] + [r[i] for r in again if r[i] and ratio(text, _fix_confusions(_line_text(r[i]))) >= 80]
        figures = [_figures(r) for r in readings]
        chosen = max(readings, key=least)
        for j, reading in enumerate(readings):
            agreeing = [r for k, r in enumerate(readings) if figures[k] == figures[j]]
            if len(agreeing) > 1:
                if any(least(r) >= DOUBT for r in agreeing):
                    for w in reading:
                        w["confirmed"] = True
                chosen = reading
                break
        out.append(chosen)
    return out


_RULE_MARKS = "|丨｜[]"  # a table rule next to a cell's text is read as a bar or bracket
# Confusions of Tesseract's Chinese model in amounts, undone only right after a digit:
# 亿 read as its two halves (亻 as 人 / { / f, 乙 as Z / 2), and % as "9(" or "9%".
_YI = re.compile(r"(?<=\d)\s?(?:[人亻][{fｆ(]?[Z乙2]|[{fｆ(]{1,2}[Z乙]|人(?=元))")
_PERCENT = re.compile(r"(?<=\d)9[(（%]")
# "%。" read as "%o。", "%0。", "%p。": the %'s ring read twice as a letter or digit (no figure
# or word starts right after a percentage and ends at once, before punctuation).
_PERCENT_TAIL = re.compile(r"(?<=\d%)[A-Za-z0-9°](?=[。，；、）)]|$)")
# ≥ read as 二 before a number (二 never stands right before Arabic digits in Chinese text),
# or as 之 opening a table cell or line ("≥85" read "之85").
_AT_LEAST = re.compile(r"二(?=\d)|^之(?=\d)")
# A percent sign alone read as a figure: "9%" or "96" in a 单位 (unit) column, which holds no figures.
_PERCENT_UNIT = re.compile(r"^9[%6(（]?$")


def _fix_unit_column(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with a % that recognition read as a figure ("9%", "96") in the 单位 column given back."""
    if not rows:
        return rows
    units = [c for c, head in enumerate(rows[0]) if head.strip() == "单位"]
    for row in rows[1:]:
        for c in units:
            if c < len(row) and _PERCENT_UNIT.match(row[c]):
                row[c] = "%"
    return rows


def _fix_confusions(text: str) -> str:
    """``text`` with the recognition confusions in amounts (``_YI``, ``_PERCENT``, ``_PERCENT_TAIL``,
    ``_AT_LEAST``) undone."""
    return _AT_LEAST.sub("≥", _PERCENT_TAIL.sub("", _PERCENT.sub("%", _YI.sub("亿", text))))


def _line_text(words: list[dict[str, Any]]) -> str:
    """The text of one recognised line, spaced as it is printed.

    Tesseract's word boxes are tight around the ink, so the gap between a number and the
    Chinese character after it (which a typesetter prints with no space) looks as wide as
    a space between two Latin words.  Next to a Chinese character only a gap of a full em
    is a space, as in the PDF reader's rule for two Chinese characters.  A list number at
    the start of a line that stands a third of an em or more before its Chinese text
    ("1 产业…") lost its full stop in recognition (the printed "1." has the dot in that
    gap): it is given back, so the item is numbered as printed.
    """
    from revdiff.readers.pdf import _is_wide

    out = ""
    prev: dict[str, Any] | None = None
    for w in sorted(words, key=lambda w: w["x0"]):
        text = w["text"]
        if prev is not None:
            gap = w["x0"] - prev["x1"]
            wide = _is_wide(text[0]) or _is_wide(prev["text"][-1])
            if wide and out.isdigit() and len(out) <= 2 and gap >= 0.3 * w["size"] and _is_wide(text[0]):
                out += "."
            elif gap > (1.0 if wide else 0.25) * w["size"]:
                out += " "
        out += text
        prev = w
    return out.strip()


def mark_running_lines(pages: list[Any]) -> None:
    """Drop running headers and footers that recognition spelt differently from page to page.

    The PDF reader finds a running header by its text being the same on half the pages;
    read by OCR, one character of it may differ on each page (云溪县 → 云深县).  Here, a
    line near the top (or foot) of a page is furniture when a line at the same height on
    another page reads at least 80 % alike, and the same holds on half the pages.
    """
    from rapidfuzz.fuzz import ratio

    from revdiff.readers.pdf import _EDGE_LINES, _MARGIN_ZONE, _Y_TOLERANCE

    if len(pages) < 2:
        return
    edges = []
    for number, page in enumerate(pages):
        lines = [it for it in page.items if it.kind == "line"]
        edges += [(number, it, it.top) for it in lines[:_EDGE_LINES] if it.top < _MARGIN_ZONE * page.height]
        edges += [(number, it, -it.bottom) for it in lines[-_EDGE_LINES:] if it.bottom > (1 - _MARGIN_ZONE) * page.height]
    need = max(2, (len(pages) + 1) // 2)
    for number, item, y in edges:
        alike = {n for n, other, y2 in edges if abs(y2 - y) <= 2 * _Y_TOLERANCE and ratio(item.text, other.text) >= 80}
        if len(alike | {number}) >= need:
            item.dropped = True


# A list number that lost its full stop ("1发展…"): one or two digits, then a Chinese
# character that is no unit or measure word (a figure at a line's start is "15家", "2亿元").
_BARE_NUMBER = re.compile(r"^(\d{1,2})(?=" + HAN + r")(?![年月日时个万亿千百元家项人次倍])")
# A chapter number whose 一 was read as a dash, or set apart from its 、 ("—、", "二 、").
_DASH_ONE = re.compile(r"^[—―－-]\s*(?=、)")
_SPACED_MARK = re.compile(r"^([一二三四五六七八九十]{1,3})\s+(?=、)")
# A section number in brackets whose bracket was read as a look-alike ("〈一)", "[2)").
_BRACKETED = re.compile(r"^[(（〈《<\[［{【]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）〉》>\]］}】]")


def restore_item_marks(pages: list[Any]) -> None:
    """Give back the item and chapter marks that recognition broke, on recognised pages.

    "—、" and "一 、" are the chapter number 一、 (a dash or a space never stands before 、);
    a number between brackets or their look-alikes at a line's start ("〈一)") is the section
    number （一）.
    A line that begins a paragraph (indented, or after a line that stopped short, or the
    first in its 专栏 frame) with a bare number before Chinese text is a list item whose
    full stop was lost ("1发展智能终端产业" for "1.发展智能终端产业"): a paragraph does
    not begin with a bare number glued to a word.  A continued line may ("15家…"), so
    lines inside a paragraph are left alone.  Run after the PDF reader has set each
    line's ``indented`` and ``reaches_margin``.
    """
    prev: Any = None
    for page in pages:
        for it in page.items:
            if it.kind != "line" or it.dropped:
                continue
            it.text = _BRACKETED.sub(r"（\1）", _SPACED_MARK.sub(r"\1", _DASH_ONE.sub("一", it.text)))
            starts = it.indented or prev is None or prev.reaches_margin is False or prev.frame != it.frame
            if starts:
                it.text = _BARE_NUMBER.sub(r"\1.", it.text)
            prev = it


def progress(source: str, done: int, total: int, page: int, width: int = 20) -> str:
    """The progress bar shown on a terminal while page ``page`` is read, ``done`` of ``total`` read."""
    filled = round(width * done / total) if total else width
    return f"revdiff: OCR {source} [{'#' * filled}{'-' * (width - filled)}] {done}/{total} pages, reading page {page}"


def recognise(data: bytes, numbers: list[int], source: str) -> dict[int, Any]:
    """OCR the pages ``numbers`` (1-based) of the PDF ``data`` into the PDF reader's pages.

    A progress bar, redrawn for every page, is shown on a terminal (standard error).
    """
    import pypdfium2 as pdfium

    tesseract(source)
    out = {}
    shown = sys.stderr.isatty()
    pdf = pdfium.PdfDocument(data)
    try:
        for i, number in enumerate(numbers, 1):
            if shown:
                print("\r" + progress(source, i - 1, len(numbers), number), end="", file=sys.stderr, flush=True)
            page = pdf[number - 1]
            image, dpi, x, y = _image(page)
            image = _deskew(image)
            height = page.get_size()[1]
            page.close()
            out[number] = _page(number, height, image, dpi, (x, y), source)
    finally:
        pdf.close()
        if shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    return out
