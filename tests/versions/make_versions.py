"""Generate the three-version test documents ``tests/versions/v1.txt``, ``v2.txt``, ``v3.txt``.

Run from the repository root::

    python tests/versions/make_versions.py

The seed is ``samples/yantai-ip-strategy-draft.txt`` (the 征求意见稿 of the Yantai IP
strategy).  V1 is the seed as it is; V2 and V3 are made from the version before them by
explicit string edits, each of which must hit its text exactly once, the way a drafting
office revises a text between the 征求意见稿, the 送审稿 and the issued version:

* V1 → V2: the pledge "对成功注册地理标志保护产品或者地理标志商标的持有人，每件资助10万元"
  is cut; the indicator-table target 知识产权保护社会满意度 is lowered ≥90 → ≥88; one
  editorial change (大力培育 → 着力培育) that is no commitment.
* V2 → V3: the cut pledge comes back with a lower amount (每件资助5万元); the satisfaction
  target is lowered again, ≥88 → ≥85.

``tests/test_versions.py`` runs ``revdiff compare v1.txt v2.txt v3.txt`` on them.  The
generated files are committed; re-running this script reproduces their bytes.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "samples" / "yantai-ip-strategy-draft.txt"

PLEDGE = "，对成功注册地理标志保护产品或者地理标志商标的持有人，每件资助{amount}万元。"
SATISFACTION = "知识产权保护社会满意度\n\t分\n\t——\n\t≥{value}\n"

# (old, new) edits, applied in order to the previous version.
EDITS: dict[str, list[tuple[str, str]]] = {
    "v2": [
        ("鼓励地理标志推广使用" + PLEDGE.format(amount=10), "鼓励地理标志推广使用。"),
        (SATISFACTION.format(value=90), SATISFACTION.format(value=88)),
        ("大力培育具有国际影响力", "着力培育具有国际影响力"),
    ],
    "v3": [
        ("鼓励地理标志推广使用。", "鼓励地理标志推广使用" + PLEDGE.format(amount=5)),
        (SATISFACTION.format(value=88), SATISFACTION.format(value=85)),
    ],
}


def sub(text: str, old: str, new: str) -> str:
    """Replace ``old`` by ``new``; ``old`` must occur exactly once."""
    n = text.count(old)
    if n != 1:
        raise SystemExit(f"edit {old[:30]!r}… matches {n} times, not once")
    return text.replace(old, new)


def build() -> dict[str, str]:
    """The three versions' texts, by file stem."""
    text = SEED.read_bytes().decode("utf-8")
    out = {"v1": text}
    for name, edits in EDITS.items():
        for old, new in edits:
            text = sub(text, old, new)
        out[name] = text
    return out


def main() -> int:
    """Write v1.txt, v2.txt and v3.txt next to this script."""
    for name, text in build().items():
        path = HERE / f"{name}.txt"
        path.write_bytes(text.encode("utf-8"))
        print(f"wrote {path.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
