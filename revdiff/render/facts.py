"""Facts every presenter derives from a Report the same way.

Money at stake, target counts, where a value sits in a sentence, stable anchors: the HTML,
Markdown and CSV outputs must agree on these, so they are computed once here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from revdiff.money import format_amount, is_money_unit, parse_amount, unit_as_written

if TYPE_CHECKING:
    from revdiff.model import DocInfo, Finding, Report, SectionPair, SectionRef

# Metadata a reviewer cites (文号, issuing office, dates), in this order; other fields (主送,
# 抄送 …) are secondary.
PRIMARY_METADATA = ["文号", "发文字号", "发文机关", "成文日期", "发布日期", "印发日期", "索引号", "主题分类"]

@dataclass
class MoneyTotal:
    """The sum of removed pledge amounts written in one unit."""

    unit: str
    total: str  # exact decimal, as text ("105", "2.5")
    count: int


@dataclass
class MoneyAtStake:
    """What the removed funding pledges were worth, by unit as written."""

    totals: list[MoneyTotal] = field(default_factory=list)
    no_amount: int = 0  # removed pledges with no (monetary) amount: mechanisms, rates
    # removed pledges counted per unit (每件), per year (每年) or up to a cap (最高): a price or a
    # ceiling, not a sum, so they are counted but never added into the total
    not_summed: int = 0
    reduced: int = 0  # funding_changed findings that lowered an amount
    removed: int = 0  # all funding_removed findings


def money_at_stake(findings: list[Finding]) -> MoneyAtStake:
    """Sum the draft amounts of removed funding pledges by unit (万 counted as 万元, 亿 as 亿元).

    Only lump sums are added up: an amount per unit, per year or up to a cap is counted in
    ``not_summed`` instead (ten firms at "最高50万元" each is not 50万元, nor 500万元).
    """
    result = MoneyAtStake()
    sums: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    for f in findings:
        if f.kind == "funding_changed" and f.direction == "lowered":
            result.reduced += 1
        if f.kind != "funding_removed":
            continue
        result.removed += 1
        amount = parse_amount(f.draft_value)
        if amount is None or not is_money_unit(f.unit):
            result.no_amount += 1
            continue
        if f.per or f.period or f.cap:
            result.not_summed += 1
            continue
        unit = unit_as_written(f.unit)  # a bare 万/亿 (最高100万奖励) is added to 万元/亿元
        sums[unit] = sums.get(unit, Decimal(0)) + amount
        counts[unit] = counts.get(unit, 0) + 1
    # Biggest count first, then unit name: a stable order independent of finding order.
    for unit in sorted(sums, key=lambda u: (-counts[u], u)):
        result.totals.append(MoneyTotal(unit, format_amount(sums[unit]), counts[unit]))
    return result


def target_counts(findings: list[Finding]) -> dict[str, int]:
    """How many targets were lowered, raised, redefined, removed and added."""
    counts = {"lowered": 0, "raised": 0, "redefined": 0, "removed": 0, "added": 0}
    for f in findings:
        if f.kind == "target_removed":
            counts["removed"] += 1
        elif f.kind == "target_added":
            counts["added"] += 1
        elif f.kind == "target_changed" and f.direction in counts:
            counts[f.direction or ""] += 1
    return counts


def value_spans(text: str | None, value: str | None, unit: str | None = None) -> list[tuple[int, int]]:
    """Where ``value`` (and its unit right after it, if present) occurs in ``text``.

    The number must stand alone: 50 does not match inside 150 or 50.5.
    """
    if not text or not value or not value.strip():
        return []
    pattern = r"(?<![0-9０-９.．])" + re.escape(value.strip()) + r"(?![0-9０-９]|[.．][0-9０-９])"
    if unit and unit.strip():
        pattern += r"(?P<unit>\s*" + re.escape(unit.strip()) + ")?"
    matches = list(re.finditer(pattern, text))
    # "评定不超过20家…每家给予最高20万元": when the value occurs with its unit, only those
    # occurrences are the value; the bare ones are other numbers that happen to be equal.
    with_unit = [m for m in matches if "unit" in m.groupdict() and m.group("unit")]
    return [(m.start(), m.end()) for m in (with_unit or matches)]


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of the watched terms in ``text`` (longest term wins)."""
    terms = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not text or not terms:
        return []
    pattern = "|".join(re.escape(t) for t in terms)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_id(raw: str | None, fallback: str) -> str:
    """An HTML id fragment made only of ASCII letters, digits, ``_ . -`` (stable, no randomness)."""
    cleaned = _ID_UNSAFE.sub("-", raw or "").strip("-")
    return cleaned or fallback


def _unique_ids(raw_ids: list[str], prefix: str) -> list[str]:
    """Stable, unique anchor ids: each item's own id when usable, else prefix + position."""
    seen: set[str] = set()
    out: list[str] = []
    for i, raw in enumerate(raw_ids, start=1):
        uid = safe_id(raw, f"{prefix}{i}")
        if uid in seen:
            uid = f"{uid}-{i}"
        seen.add(uid)
        out.append(uid)
    return out


def finding_ids(report: Report) -> list[str]:
    """One unique, stable anchor id per finding (its own id when it has a usable one)."""
    return _unique_ids([f.id for f in report.findings], "f")


def pair_ids(report: Report) -> list[str]:
    """One unique, stable anchor id per SectionPair (its own id when usable)."""
    return _unique_ids([p.id for p in report.sections], "s")


def pair_index(report: Report) -> dict[str, SectionPair]:
    """SectionPairs by id."""
    return {p.id: p for p in report.sections}


def section_path(ref: SectionRef | None) -> str:
    """The heading path of one side, e.g. "一、总体要求 › （二）基本原则"."""
    if ref is None:
        return ""
    if ref.path:
        return " › ".join(ref.path)
    return f"{ref.number}{ref.title}"


def line_label(ui: dict[str, Any], line: int | None, page: int | None = None, fmt: str = "",
               end: int | None = None) -> str:  # fmt: skip
    """Where a passage is, as a reader finds it in that format: "第 12 行" (or lines 12–15 with
    ``end``); a .docx counts paragraphs ("第 12 段"); a PDF adds the page ("第 12 行 · 第 3 页")."""
    if not line:
        return ""
    unit = "para" if fmt in ("docx", "doc", "wps") else "line"  # .doc/.wps are read as their .docx
    if end and end != line:
        text = str(ui[unit + "s"].format(a=line, b=end))
    else:
        text = str(ui[unit].format(n=line))
    return text + " · " + str(ui["page"].format(n=page)) if page is not None else text


def is_changed(pair: SectionPair) -> bool:
    """A pair worth stopping at: its status is not unchanged, or its body has a real edit."""
    if pair.status != "unchanged":
        return True
    formatting = set(getattr(pair, "formatting", None) or [])
    return any(op != 0 and i not in formatting for i, (op, _text) in enumerate(pair.diff))


def split_metadata(info: DocInfo) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A document's metadata as (primary fields in PRIMARY_METADATA order, the other fields)."""
    meta = info.metadata or {}
    primary = [(k, meta[k]) for k in PRIMARY_METADATA if meta.get(k)]
    rest = [(k, v) for k, v in meta.items() if k not in PRIMARY_METADATA and v]
    return primary, rest


def other_parts(info: DocInfo) -> list[str]:
    """The titles of the parts of a bundle that were not compared (blank titles dropped)."""
    return [p for p in info.parts if p and p.strip() and p != info.part]
