"""Accuracy of the commitment findings on an annotated corpus: precision and recall per kind.

    python benchmarks/accuracy.py [--out benchmarks/ACCURACY.md]

The corpus is every folder with an ``expected.json`` under ``benchmarks/corpus/`` (pairs in
other offices' styles, annotated by reading the two texts) and ``tests/pairs/``.  An
``expected.json`` names the two files (``draft``/``final``, default ``draft.txt``/``final.txt``)
and lists:

- ``findings``: what a reviewer must be told; an item matches a finding when every key
  matches (plain keys by equality, ``*_contains`` by substring after NFKC, ``kind_prefix``
  by the start of ``kind``), as in tests/test_pairs.py;
- ``forbidden``: false alarms (a past statistic read as a pledge …);
- ``sections``: section pairs the alignment must make (``draft_title`` / ``final_title`` /
  ``draft_heading_contains`` … read the pair's draft / final objects);
- ``complete``: true when ``findings`` lists every commitment finding of the pair, so that
  any other finding of a scored kind is a false alarm; otherwise only ``forbidden`` items
  count against precision.

Scored: the commitment kinds (funding pledges and targets), and since the seventh held-out
round what a plan's reader is also told of who must act and by when — conditions and
thresholds (``threshold_*``: an eligibility 营业收入不低于2000万元 → 1000万元), responsible
units (``agency_changed``) and deadlines (``deadline_changed``: 到2026年 → 到2027年, a
validity date).  Wording and watched terms are not annotated.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "benchmarks" / "corpus", ROOT / "tests" / "pairs"]
if str(ROOT) not in sys.path:  # run as a script from a checkout that was not installed
    sys.path.insert(0, str(ROOT))
KINDS = ["funding_removed", "funding_changed", "funding_added", "target_removed", "target_changed", "target_added",
         "threshold_removed", "threshold_changed", "threshold_added", "agency_changed", "deadline_changed"]


def norm(text: Any) -> str:
    return unicodedata.normalize("NFKC", str(text)) if text is not None else ""


def field_of(obj: dict[str, Any], key: str) -> Any:
    """A finding's or section pair's value for an expectation key (see the module doc)."""
    if "status" in obj:
        side, _, attr = key.partition("_")
        if side in ("draft", "final") and attr:
            node = obj.get(side)
            if not isinstance(node, dict):
                return None
            if attr == "heading":  # number and title together: 第六条, 一、发展基础
                return f"{node.get('number') or ''}{node.get('title') or ''}"
            return node.get(attr)
    return obj.get(key)


def matches(obj: dict[str, Any], want: dict[str, Any]) -> bool:
    """True when ``obj`` (a finding or section pair) has every key of ``want``."""
    for key, value in want.items():
        if key == "kind_prefix":
            if not str(obj.get("kind", "")).startswith(value):
                return False
        elif key.endswith("_contains"):
            got = field_of(obj, key[: -len("_contains")])
            if got is None or norm(value) not in norm(got):
                return False
        elif field_of(obj, key) != value:
            return False
    return True


@dataclass
class PairResult:
    """What one annotated pair scored."""

    name: str
    held_out: bool = False  # annotated pair kept out of rule writing until the rules were done
    misses: list[dict[str, Any]] = field(default_factory=list)  # expected, not reported
    false_alarms: list[dict[str, Any]] = field(default_factory=list)  # reported, not expected
    traps: list[dict[str, Any]] = field(default_factory=list)  # forbidden items that were reported
    hits: dict[str, int] = field(default_factory=dict)  # kind -> expected findings reported
    expected: dict[str, int] = field(default_factory=dict)  # kind -> expected findings
    sections: int = 0
    sections_ok: int = 0
    section_misses: list[dict[str, Any]] = field(default_factory=list)


def _kind(want: dict[str, Any]) -> str:
    return want.get("kind") or want.get("kind_prefix") or "?"


def score_pair(name: str, exp: dict[str, Any], report: dict[str, Any]) -> PairResult:
    """Score one report against its annotation."""
    res = PairResult(name, held_out=bool(exp.get("held_out")))
    scored = [f for f in report["findings"] if f["kind"] in KINDS]
    used: set[int] = set()
    for want in exp.get("findings", []):
        kind = _kind(want)
        if not any(k.startswith(kind) for k in KINDS):
            continue  # wording, terms, agencies: not scored here
        res.expected[kind] = res.expected.get(kind, 0) + 1
        hit = next((i for i, f in enumerate(scored) if i not in used and matches(f, want)), None)
        if hit is None:
            res.misses.append(want)
        else:
            used.add(hit)
            res.hits[kind] = res.hits.get(kind, 0) + 1
    forbidden = exp.get("forbidden", [])
    res.traps = [w for w in forbidden if any(matches(f, w) for f in report["findings"])]
    for i, f in enumerate(scored):
        if i in used:
            continue
        if exp.get("complete") or any(matches(f, w) for w in forbidden):
            res.false_alarms.append(f)
    for want in exp.get("sections", []):
        res.sections += 1
        if any(matches(s, want) for s in report["sections"]):
            res.sections_ok += 1
        else:
            res.section_misses.append(want)
    return res


def corpus() -> list[Path]:
    """Every annotated pair folder, corpus first."""
    return [d for c in CORPORA if c.is_dir() for d in sorted(c.iterdir()) if (d / "expected.json").is_file()]


def run_pair(folder: Path) -> PairResult:
    """Compare one pair in-process and score it."""
    import revdiff

    exp = json.loads((folder / "expected.json").read_text("utf-8"))
    args = exp.get("args", [])
    watch = [args[i + 1] for i, a in enumerate(args) if a == "--watch"]
    rep = revdiff.compare(str(folder / exp.get("draft", "draft.txt")), str(folder / exp.get("final", "final.txt")),
                          watch=watch)
    return score_pair(f"{folder.parent.name}/{folder.name}", exp, json.loads(rep.to_json()))


@dataclass
class Totals:
    """Precision and recall per kind, over the whole corpus."""

    results: list[PairResult]

    def count(self, attr: str, kind: str) -> int:
        if attr == "false_alarms":
            return sum(1 for r in self.results for f in r.false_alarms if f["kind"] == kind)
        return sum(getattr(r, attr).get(kind, 0) for r in self.results)

    def precision(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else KINDS
        tp = sum(self.count("hits", k) for k in kinds)
        fp = sum(self.count("false_alarms", k) for k in kinds)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else KINDS
        tp = sum(self.count("hits", k) for k in kinds)
        n = sum(self.count("expected", k) for k in kinds)
        return tp / n if n else 1.0

    def alignment(self) -> float:
        n = sum(r.sections for r in self.results)
        return sum(r.sections_ok for r in self.results) / n if n else 1.0


def _brief(f: dict[str, Any]) -> str:
    keys = ("kind", "direction", "draft_value", "final_value", "unit", "per", "period", "cap")
    head = " ".join(f"{k}={f[k]}" for k in keys if f.get(k) is not None)
    text = f.get("draft_text") or f.get("final_text")
    return head + (f" — {text}" if text else "")


def markdown(t: Totals) -> str:
    """ACCURACY.md: the figures per kind, then every miss and false alarm by pair."""
    out = [
        "# Accuracy of the commitment findings",
        "",
        "Written by `python benchmarks/accuracy.py` (see its docstring for the corpus format).",
        f"Corpus: {len(t.results)} annotated pairs "
        f"({sum(1 for r in t.results if r.name.startswith('corpus/'))} in `benchmarks/corpus/`, "
        f"the rest in `tests/pairs/`).",
        "",
        "| kind | expected | found | false alarms | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for k in KINDS:
        out.append(f"| {k} | {t.count('expected', k)} | {t.count('hits', k)} | {t.count('false_alarms', k)} "
                   f"| {t.precision(k):.2f} | {t.recall(k):.2f} |")
    tp = sum(t.count("hits", k) for k in KINDS)
    n = sum(t.count("expected", k) for k in KINDS)
    fp = sum(t.count("false_alarms", k) for k in KINDS)
    out += [f"| **all** | {n} | {tp} | {fp} | {t.precision():.2f} | {t.recall():.2f} |", ""]
    secs = sum(r.sections for r in t.results)
    ok = sum(r.sections_ok for r in t.results)
    out += [f"Section alignment: {ok} of {secs} annotated section pairs made ({t.alignment():.2f}).", ""]
    held = Totals([r for r in t.results if r.held_out])
    if held.results:
        out += [f"Pairs written last, after the rules ({', '.join(r.name for r in held.results)}): "
                f"precision {held.precision():.2f}, recall {held.recall():.2f} now; their first run, before "
                f"any rule was changed for them, is recorded in benchmarks/README.md.", ""]
    out += ["## Misses and false alarms", ""]
    bad = [r for r in t.results if r.misses or r.false_alarms or r.traps or r.section_misses]
    if not bad:
        out += ["None.", ""]
    for r in bad:
        out += [f"### {r.name}", ""]
        out += [f"- missed: `{json.dumps(w, ensure_ascii=False)}`" for w in r.misses]
        out += [f"- false alarm: {_brief(f)}" for f in r.false_alarms]
        out += [f"- trap fallen into: `{json.dumps(w, ensure_ascii=False)}`" for w in r.traps]
        out += [f"- section not aligned: `{json.dumps(w, ensure_ascii=False)}`" for w in r.section_misses]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the corpus, write the Markdown table, print the totals."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "ACCURACY.md"))
    args = ap.parse_args(argv)
    totals = Totals([run_pair(d) for d in corpus()])
    Path(args.out).write_text(markdown(totals) + "\n", "utf-8")
    print(f"precision {totals.precision():.2f} recall {totals.recall():.2f} "
          f"alignment {totals.alignment():.2f} over {len(totals.results)} pairs → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
