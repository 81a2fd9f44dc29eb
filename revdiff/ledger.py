"""The commitment ledger of one document: every pledge, target, deadline and responsible unit.

``revdiff ledger FILE`` lists what a single document promises, with section path and input
line, using the same extraction as the finding rules (classify/extract.py): past statistics
are not commitments.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from revdiff.classify.agencies import AGENCY
from revdiff.classify.extract import pledges_of, sentences, targets_of
from revdiff.model import Document, Node, Part
from revdiff.money import as_written

# 到2025年 / 2025年底前 set a deadline; 截至 / 截止到 2020年底 date a statistic of the past
DEADLINE = re.compile(r"(?:(?<!截)至|(?<!截止)到|在)\s*(20\d\d)\s*年(?:底|末)?(?:前)?|(20\d\d)\s*年(?:底|末)?前")


@dataclass
class Entry:
    """One commitment, with where it is."""

    kind: str  # pledge | target | deadline | agency
    part: str
    section: str  # heading path, e.g. "四、主要任务 › （二）… › 专栏2 …"
    line: int
    text: str  # the sentence or table row
    subject: str | None = None  # recipient (pledge), measure (target), units (agency)
    value: str | None = None
    unit: str | None = None
    comparator: str | None = None  # cap word: 最高, 不超过, ≥ …
    mechanism: str | None = None  # 给予…资助, 购买服务 … (pledge without an amount)
    base: str | None = None  # base-period value (target)
    year: str | None = None
    attribute: str | None = None  # 预期性 / 约束性 (target)
    source: str | None = None  # text | table (target)
    page: int | None = None  # PDF: the page of ``line`` (last, so CSV columns keep their places)
    per: str | None = None  # pledge: counted per 家/人/件 … (after page: CSV columns keep their places)
    period: str | None = None  # pledge: 年 for 每年
    cap: str | None = None  # pledge: 最高, 不超过 … (the amount is a ceiling)
    low: str | None = None  # pledge: a range's lower bound (10–50万元 → 10)


@dataclass
class Ledger:
    """Every commitment of a document's parts."""

    source: str
    format: str
    parts: list[str]
    entries: list[Entry] = field(default_factory=list)

    def count(self, kind: str) -> int:
        """How many entries of one kind."""
        return sum(1 for e in self.entries if e.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """The ledger as the ``revdiff.ledger/1`` JSON object."""
        return {
            "schema": "revdiff.ledger/1",
            "source": self.source,
            "format": self.format,
            "parts": self.parts,
            "summary": {k: self.count(k) for k in ("pledge", "target", "deadline", "agency")},
            "entries": [asdict(e) for e in self.entries],
        }

    def to_json(self) -> str:
        """JSON text of ``to_dict``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        """One entry per row, UTF-8 with BOM so that Excel reads the Chinese correctly."""
        buf = io.StringIO()
        names = list(Entry.__dataclass_fields__)
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for e in self.entries:
            w.writerow(["" if v is None else _no_formula(str(v)) for v in asdict(e).values()])
        return "\ufeff" + buf.getvalue()

    def to_md(self) -> str:
        """A list a journalist can paste: one bullet per commitment, grouped by kind."""
        from revdiff.render.markdown import code_span

        out = [f"# 承诺清单 / Commitment ledger: {_md(', '.join(self.parts))}", "", code_span(self.source), ""]
        titles = {"pledge": "资金承诺 / Funding pledges", "target": "目标 / Targets",
                  "deadline": "期限 / Deadlines", "agency": "责任单位 / Responsible units"}
        for kind, title in titles.items():
            rows = [e for e in self.entries if e.kind == kind]
            out += [f"## {title} ({len(rows)})", ""]
            for e in rows:
                value = f"{e.low}–{e.value}" if e.low else e.value
                amount = f"**{as_written(value, e.unit, e.comparator)}** " if value else ""
                where = f"line {e.line}" + (f", page {e.page}" if e.page is not None else "")
                out.append(f"- {amount}{_md(e.text)} — {_md(e.section)}, {where}")
            out.append("")
        return "\n".join(out)


def _no_formula(v: str) -> str:
    # a cell starting with = + - @ is a formula to a spreadsheet
    return "'" + v if v[:1] in ("=", "+", "-", "@") else v


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def _paths(part: Part) -> dict[int, str]:
    out: dict[int, str] = {}

    def visit(n: Node, path: list[str]) -> None:
        p = [*path, n.heading or n.kind]
        out[id(n)] = " › ".join(p)
        for c in n.children:
            visit(c, p)

    for n in part.sections:
        visit(n, [])
    return out


def part_ledger(part: Part, pledge_words: Sequence[str] = (), pledge_units: Sequence[str] = ()) -> list[Entry]:
    """The commitments of one part, in reading order within each kind (``pledge_words`` /
    ``pledge_units``: extra funding-pledge words and money units)."""
    paths = _paths(part)
    entries: list[Entry] = []
    for p in pledges_of(part, tuple(pledge_words), tuple(pledge_units)):
        s = p.sentence
        entries.append(Entry("pledge", part.title, paths.get(id(s.node), ""), s.line, s.text, subject=p.subject,
                             value=p.value, unit=p.unit, comparator=p.comparator, mechanism=p.mechanism,
                             per=p.per, period=p.period, cap=p.cap, low=p.low))
    for t in targets_of(part):
        entries.append(Entry("target", part.title, paths.get(id(t.node), ""), t.line, t.text, subject=t.measure,
                             value=t.value, unit=t.unit, comparator=t.comparator, base=t.base, year=t.year,
                             attribute=t.attribute, source=t.source))
    for n in part.nodes():
        for s in sentences(n):
            m = DEADLINE.search(s.text)
            if m:
                entries.append(Entry("deadline", part.title, paths.get(id(n), ""), s.line, s.text,
                                     year=m.group(1) or m.group(2)))
        for m in AGENCY.finditer(n.text):
            entries.append(Entry("agency", part.title, paths.get(id(n), ""), n.line_at(m.start()), m.group(0),
                                 subject=m.group(1) or m.group(2)))
    return entries


def build_ledger(doc: Document, part: str | None = None, pledge_words: Sequence[str] = (),
                 pledge_units: Sequence[str] = ()) -> Ledger:
    """The ledger of ``doc``: the named part, else every part but a 通知's cover letter."""
    if part is not None:
        from revdiff.select import part_by_title

        parts = [part_by_title(doc, part, "--part")]
    else:
        parts = [p for p in doc.parts if p.kind not in ("notice", "preface")] or doc.parts
    ledger = Ledger(source=doc.source, format=doc.format, parts=[p.title for p in parts])
    for p in parts:
        ledger.entries.extend(part_ledger(p, pledge_words, pledge_units))
    for e in ledger.entries:
        e.page = doc.pages.get(e.line)
    return ledger
