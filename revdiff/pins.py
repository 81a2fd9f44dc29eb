"""Article pins: pairs of article numbers a reviewer fixed by hand (``--pin``, ``--pins``).

A pin is ``第十二条=第十四条`` (draft article = final article); a pins file is a CSV of
``draft,final`` rows (a header row naming them is allowed).  The law aligner keeps pinned
pairs and aligns the rest around them (revdiff/genres/law_align.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from revdiff.errors import InputError, RevdiffError

Pin = tuple[str, str]


def parse_pin(text: str) -> Pin:
    """``第十二条=第十四条`` → ("第十二条", "第十四条"); a one-line error for anything else."""
    draft, sep, final = text.replace("＝", "=").partition("=")
    if not sep or not draft.strip() or not final.strip():
        raise RevdiffError(f"--pin {text!r}: write DRAFT=FINAL article numbers, e.g. --pin 第十二条=第十四条")
    return draft.strip(), final.strip()


def read_pins(path: str) -> list[Pin]:
    """The pins of a CSV file with ``draft,final`` rows (UTF-8, a BOM and a header allowed)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"--pins {path}: no such file; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--pins {path}: cannot be read as UTF-8 CSV ({exc}); save it as UTF-8") from None
    pins: list[Pin] = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or (n == 1 and [c.lower() for c in cells[:2]] == ["draft", "final"]):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InputError(f"--pins {path}: row {n} needs two cells, draft,final (e.g. 第十二条,第十四条)")
        pins.append((cells[0], cells[1]))
    return pins
