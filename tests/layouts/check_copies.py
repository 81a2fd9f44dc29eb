"""Compare each copy of a layout pair (tests/layouts/make_copies.py) with its .txt pair.

    python -m tests.layouts.check_copies [pair …]     # prints every difference, exit 1 when any

A copy passes as a layout does (check.py): the same findings and section/article map as the
annotated .txt files.
"""

from __future__ import annotations

import sys
from pathlib import Path

import revdiff
from revdiff.errors import RevdiffError
from tests.layouts.check import differences, signature, text_signature
from tests.layouts.make_copies import COPIES_DIR, KINDS
from tests.layouts.make_layouts import PAIRS


def copy_files(name: str, kind: str, root: Path = COPIES_DIR) -> tuple[Path, Path] | None:
    """The (draft, final) copies of one kind of a pair, or None when they were not made."""
    pair = (root / name / f"draft.{kind}", root / name / f"final.{kind}")
    return pair if pair[0].is_file() and pair[1].is_file() else None


def main(argv: list[str]) -> int:
    bad = total = 0
    for name in argv or list(PAIRS):
        want = text_signature(name)
        for kind in KINDS:
            pair = copy_files(name, kind)
            if pair is None:
                continue
            total += 1
            try:
                rep = revdiff.compare(str(pair[0]), str(pair[1])).to_dict()
            except RevdiffError as e:
                print(f"{name:22} {kind:13} ERROR {e}")
                bad += 1
                continue
            diffs = differences(want, signature(rep))
            print(f"{name:22} {kind:13} {'ok' if not diffs else 'DIFFERS'}  warnings={len(rep['warnings'])}")
            for d in diffs:
                print("    ", d[:600])
            bad += bool(diffs)
    print(f"{total - bad}/{total} copies compare as their .txt")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
