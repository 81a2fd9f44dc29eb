"""Score revdiff on the held-out law pairs in tests/laws/heldout (see the README there).

    python -m tests.law_heldout            # print what each pair got right, missed, reported falsely

Each folder holds ``old.txt``, ``new.txt`` and ``expected.json`` written by reading the two
texts: ``article_map`` (``[old, new]`` per article, ``null`` on a missing side), ``chapters``
(``[old number, old title, new number, new title, status]``), ``findings`` a legal reviewer must see and
``forbidden`` findings that must not be reported.  A finding expectation matches as in
benchmarks/accuracy.py (plain keys equal, ``*_contains`` by substring, ``kind_prefix``), plus
``draft_article`` / ``final_article``: the number of the article the finding cites on that side.
Optional: ``sections`` (``[unit, old number, old title, new number, new title, status]`` of
编/分编/节 pairs) and ``clauses`` (article → its ``clauses`` as ``[draft, final, change]``).
``note`` keys are for the reader.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import revdiff

HELDOUT = Path(__file__).resolve().parent / "laws" / "heldout"
PAIRS = sorted(p.name for p in HELDOUT.iterdir() if (p / "expected.json").is_file())


def _norm(text: Any) -> str:
    return unicodedata.normalize("NFKC", str(text)) if text is not None else ""


def matches(finding: dict[str, Any], want: dict[str, Any]) -> bool:
    """True when ``finding`` (a report finding with ``draft_article``/``final_article`` added)
    has every key of ``want``."""
    for key, value in want.items():
        if key == "note":
            continue
        if key == "kind_prefix":
            if not str(finding.get("kind", "")).startswith(value):
                return False
        elif key.endswith("_contains"):
            got = finding.get(key[: -len("_contains")])
            if got is None or _norm(value) not in _norm(got):
                return False
        elif finding.get(key) != value:
            return False
    return True


@dataclass
class Score:
    """What revdiff got on one held-out pair."""

    name: str
    map_wrong: list[tuple[Any, Any]] = field(default_factory=list)  # expected pairs not in the map
    map_extra: list[tuple[Any, Any]] = field(default_factory=list)  # map pairs not expected
    chapters_wrong: list[list[Any]] = field(default_factory=list)
    sections_wrong: list[list[Any]] = field(default_factory=list)  # 编/分编/节 pairs not in the report
    clauses_wrong: dict[str, Any] = field(default_factory=dict)  # article -> clauses reported
    missed: list[dict[str, Any]] = field(default_factory=list)
    traps: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (trap, finding)
    findings: list[dict[str, Any]] = field(default_factory=list)  # every law-relevant finding


def expected(name: str) -> dict[str, Any]:
    """The annotation of one pair."""
    return json.loads((HELDOUT / name / "expected.json").read_text(encoding="utf-8"))


def report(name: str) -> dict[str, Any]:
    """revdiff's JSON report of one pair."""
    exp = expected(name)
    rep = revdiff.compare(str(HELDOUT / name / exp["old"]), str(HELDOUT / name / exp["new"]))
    return rep.to_dict()


def findings_with_articles(rep: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's findings, each with the article numbers of the sections it cites."""
    numbers: dict[str, tuple[Any, Any]] = {}
    for s in rep["sections"]:
        numbers[s["id"]] = tuple((s[side] or {}).get("number") for side in ("draft", "final"))
    out = []
    for f in rep["findings"]:
        f = dict(f)
        f["draft_article"] = numbers.get(f.get("draft_section") or "", (None, None))[0]
        f["final_article"] = numbers.get(f.get("final_section") or "", (None, None))[1]
        out.append(f)
    return out


def score(name: str, rep: dict[str, Any] | None = None) -> Score:
    """Compare revdiff's report of one pair with its annotation."""
    exp = expected(name)
    rep = rep if rep is not None else report(name)
    res = Score(name)
    got = {(r["draft"], r["final"]) for r in rep.get("article_map", [])}
    want = {(a, b) for a, b in exp["article_map"]}
    res.map_wrong = sorted(want - got, key=str)
    res.map_extra = sorted(got - want, key=str)
    chapters = {
        (_side(s, "draft"), _side(s, "final"), s["status"])
        for s in rep["sections"]
        if (s["draft"] or s["final"] or {}).get("unit") == "章"
    }
    for old_no, old_title, new_no, new_title, status in exp.get("chapters", []):
        if ((old_no, old_title), (new_no, new_title) if new_no else None, status) not in chapters:
            res.chapters_wrong.append([old_no, old_title, new_no, new_title, status])
    units = {
        ((s["draft"] or s["final"] or {}).get("unit"), _side(s, "draft"), _side(s, "final"), s["status"])
        for s in rep["sections"]
    }
    for unit, old_no, old_title, new_no, new_title, status in exp.get("sections", []):
        old = (old_no, old_title) if old_no else None
        if (unit, old, (new_no, new_title) if new_no else None, status) not in units:
            res.sections_wrong.append([unit, old_no, old_title, new_no, new_title, status])
    by_article = {(s["draft"] or {}).get("number"): s.get("clauses") for s in rep["sections"] if s["draft"]}
    for article, want_clauses in exp.get("clauses", {}).items():
        got_clauses = [[c["draft"], c["final"], c["change"]] for c in by_article.get(article) or []]
        if got_clauses != want_clauses:
            res.clauses_wrong[article] = got_clauses
    found = findings_with_articles(rep)
    res.findings = found
    used: set[int] = set()
    for w in exp["findings"]:
        hit = next((i for i, f in enumerate(found) if i not in used and matches(f, w)), None)
        if hit is None:
            res.missed.append(w)
        else:
            used.add(hit)
    for trap in exp["forbidden"]:
        res.traps += [(trap, f) for f in found if matches(f, trap)]
    return res


def _side(section: dict[str, Any], side: str) -> tuple[str, str] | None:
    ref = section[side]
    return (ref["number"], ref["title"]) if ref else None


def _brief(f: dict[str, Any]) -> str:
    keys = ("kind", "draft_article", "final_article", "direction", "draft_min", "draft_value",
            "final_min", "final_value", "unit", "subject")
    return " ".join(f"{k}={f[k]}" for k in keys if f.get(k) not in (None, ""))


def main() -> None:
    """Print the score of every held-out pair."""
    for name in PAIRS:
        res = score(name)
        print(f"## {name}")
        print(f"map: {len(res.map_wrong)} expected pairs missing {res.map_wrong}; extra {res.map_extra}")
        print(f"chapters wrong: {res.chapters_wrong}")
        print(f"编/分编/节 wrong: {res.sections_wrong}; clauses wrong: {res.clauses_wrong}")
        print(f"missed {len(res.missed)} of {len(expected(name)['findings'])}:")
        for w in res.missed:
            print("   ", {k: v for k, v in w.items() if k != 'note'})
        print(f"traps hit: {len(res.traps)}")
        for trap, f in res.traps:
            print("   ", {k: v for k, v in trap.items() if k != 'note'}, "<-", _brief(f))
        print("all findings:")
        for f in res.findings:
            print("   ", _brief(f), "|", (f.get("draft_text") or "")[:30], "→", (f.get("final_text") or "")[:30])


if __name__ == "__main__":
    sys.exit(main())
