"""Compare each rendered layout of a pair with its .txt pair: findings and section/article map.

    python -m tests.layouts.check [pair …]     # prints every difference, exit 1 when any

A layout passes when its report has the same findings (kind and note) and the same map
(section status with both headings, and for laws the article map) as the report of the
annotated .txt files it was rendered from (tests/layouts/make_layouts.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import revdiff
from tests.layouts.make_layouts import OUT, PAIRS, ROOT

LAYOUTS = ["docx", "pdf", "tracked.docx", "gov.html", "pstyle.html", "tables.html"]


def files(name: str, layout: str) -> tuple[Path, Path] | None:
    """The (draft, final) files of one layout of a pair, or None when it has no such layout."""
    out = OUT / name
    if layout == "tracked.docx":
        pair = (out / "draft-tracked.docx", out / "final.docx")
    elif "." in layout:
        pair = (out / f"draft-{layout}", out / f"final-{layout}")
    else:
        pair = (out / f"draft.{layout}", out / f"final.{layout}")
    return pair if pair[0].is_file() and pair[1].is_file() else None


def signature(rep: dict[str, Any]) -> dict[str, list[Any]]:
    """What must not change with the layout: findings (kind, note) and the section/article map."""
    def heading(node: dict[str, Any] | None) -> str:
        return "" if node is None else f"{node.get('number') or ''}{node.get('title') or ''}"

    return {
        "findings": sorted((f["kind"], f.get("note") or "") for f in rep["findings"]),
        "sections": [(s["status"], heading(s["draft"]), heading(s["final"])) for s in rep["sections"]],
        "article_map": [(a["draft"], a["final"], a["status"]) for a in rep.get("article_map", [])],
    }


def text_signature(name: str) -> dict[str, list[Any]]:
    folder, old, new = PAIRS[name][:3]
    return signature(revdiff.compare(str(ROOT / folder / old), str(ROOT / folder / new)).to_dict())


def differences(want: dict[str, list[Any]], got: dict[str, list[Any]]) -> list[str]:
    """Human-readable differences between two signatures (empty when they agree)."""
    out = []
    for key in want:
        if want[key] != got[key]:
            missing = [x for x in want[key] if x not in got[key]]
            extra = [x for x in got[key] if x not in want[key]]
            out.append(f"{key}: missing {missing} extra {extra}" if missing or extra else f"{key}: order differs")
    return out


def main(argv: list[str]) -> int:
    bad = 0
    for name in argv or list(PAIRS):
        want = text_signature(name)
        for layout in LAYOUTS:
            pair = files(name, layout)
            if pair is None:
                continue
            rep = revdiff.compare(str(pair[0]), str(pair[1])).to_dict()
            diffs = differences(want, signature(rep))
            print(f"{name:22} {layout:13} {'ok' if not diffs else 'DIFFERS'}  warnings={len(rep['warnings'])}")
            for d in diffs:
                print("    ", d)
            bad += bool(diffs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
