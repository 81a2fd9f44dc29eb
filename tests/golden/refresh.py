"""Regenerate the golden outline JSON of every sample: ``python tests/golden/refresh.py``.

Read the diff (git diff tests/golden) before committing: a golden file is only as good as
the person who checked it.
"""

from __future__ import annotations

import json
from pathlib import Path

import revdiff
from revdiff.outline_format import outline_dict

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "samples"


def golden(name: str) -> str:
    """The golden JSON text of one sample (source given relative to the repo)."""
    doc = revdiff.outline(str(SAMPLES / name))
    data = outline_dict(doc)
    data["source"] = f"samples/{name}"
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        out = HERE / (path.stem + ".outline.json")
        out.write_text(golden(path.name), encoding="utf-8")
        print("wrote", out.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
