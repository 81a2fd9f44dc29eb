"""Facts every presenter derives from a Report the same way.

Money at stake, target counts, where a value sits in a sentence, stable anchors: the HTML,
Markdown and CSV outputs must agree on these, so they are computed once here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from revdiff.money import as_written, format_amount, is_money_unit, money_value, parse_amount, unit_as_written

if TYPE_CHECKING:
    from revdiff.model import DocInfo, Finding, Report, SectionPair, SectionRef

# Metadata a reviewer cites (文号, issuing office, dates), in this order; other fields (主送,
# 抄送 …) are secondary.
PRIMARY_METADATA = ["文号", "发文字号", "发文机关", "成文日期", "发布日期", "印发日期", "索引号", "主题分类"]

@dataclass
class MoneyTotal:
    """The sum of removed lump-sum amounts written in one unit."""

    unit: str
    total: str  # exact decimal, as text ("105", "2.5")
    count: int


@dataclass
class MoneyItem:
    """One removed amount of money with the wording that scopes it (每家, 每年, 最高 …)."""

    amount: str  # as written ("50")
    unit: str  # 万 read as 万元
    scope: list[str]  # words as written: 每件, 每年, 最高 …
    conditional: bool  # "对…的，给予": paid to each qualifying recipient, however many
    subject: str
    finding: str  # the finding's id, for links

    @property
    def lump(self) -> bool:
        """A lump sum (安排专项资金1000万元) can be added to another; a per-unit amount or a cap cannot."""
        return not self.scope and not self.conditional


@dataclass
class MoneyAtStake:
    """What the removed funding pledges were worth, stated as the documents state them."""

    items: list[MoneyItem] = field(default_factory=list)  # every removed amount, in finding order
    totals: list[MoneyTotal] = field(default_factory=list)  # sums over lump sums only, by unit
    no_amount: int = 0  # removed pledges with no (monetary) amount: mechanisms, rates
    reduced: int = 0  # funding_changed findings that lowered an amount
    removed: int = 0  # all funding_removed findings

    @property
    def not_summed(self) -> int:
        """Removed amounts per unit (每件), per period (每年) or up to a cap (最高): a price or a
        ceiling, not a sum, so they are listed but never added into a total."""
        return sum(1 for i in self.items if not i.lump)


# How policy texts scope an amount (genre wording, not one document's): a cap word, a unit the
# amount is paid per (每件 / 每家 / 每个项目 / 单个), a period (每年 / 年度), or a conditional award
# "对…的，给予 X" that is paid to every qualifying recipient.
_CAP = re.compile(r"最高|最多|不超过|不高于|上限|封顶|以内|以下")
_PER = re.compile(r"每(?:一)?(?:件|家|个|项|人|户|所|次|批|台|套|座|名|位|部|篇|种|届)(?:项目|企业|单位)?"
                  r"|单(?:个|家|笔|件)")
_PERIOD = re.compile(r"每(?:年度?|季度|月)|/年")
_CONDITIONAL = re.compile(r"对[^。；;]*?(?:给予|奖励|资助|补助|补贴|奖补)")


def money_scope(f: Finding) -> tuple[list[str], bool]:
    """The words that make ``f``'s amount per unit, per period or a cap (empty: a lump sum), and
    whether it is an award to each qualifying recipient ("对…的，给予").

    Uses the finding's own ``cap`` / ``per`` / ``period`` when a rule set them, else reads the
    sentence: the clause holding the amount for caps and units, the whole sentence for a period
    (每年建设…，给予最高50万元 is 50万元 a year).
    """
    text = f.draft_text or f.final_text or ""
    value = f.draft_value or f.final_value
    spans = value_spans(text, value, f.unit)
    at = spans[0][0] if spans else len(text)
    before = re.split(r"[，,；;。]", text[:at])
    clause = before[-1] if before else ""
    sentence_start = max(text.rfind(ch, 0, at) for ch in "。；;") + 1
    head = text[sentence_start:at]
    scope: list[str] = []
    cap = f.cap or (f.comparator if f.comparator and _CAP.search(f.comparator) else None)
    if not cap and (m := _CAP.search(clause)):
        cap = m.group(0)
    per = f"每{f.per}" if f.per and not f.per.startswith("每") else f.per
    written = _PER.search(head)
    if written and (not per or written.group(0).startswith(per)):
        per = written.group(0)  # the wording as written: 每个项目 rather than the rule's 每个
    period = f"每{f.period}" if f.period and not f.period.startswith("每") else f.period
    if not period and (m := _PERIOD.search(head)):
        period = m.group(0)
    for word in (per, period, cap):
        if word and word not in scope:
            scope.append(word)
    return scope, not per and bool(_CONDITIONAL.search(head))


def money_at_stake(findings: list[Finding]) -> MoneyAtStake:
    """List the removed pledge amounts with their scope; add up only the lump sums, by unit."""
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
        unit = unit_as_written(f.unit)  # a bare 万/亿 (最高100万奖励) is read as 万元/亿元
        scope, conditional = money_scope(f)
        item = MoneyItem(format_amount(amount), unit, scope, conditional, f.subject or "", f.id)
        result.items.append(item)
        if item.lump:
            sums[unit] = sums.get(unit, Decimal(0)) + amount
            counts[unit] = counts.get(unit, 0) + 1
    # Biggest count first, then unit name: a stable order independent of finding order.
    for unit in sorted(sums, key=lambda u: (-counts[u], u)):
        result.totals.append(MoneyTotal(unit, format_amount(sums[unit]), counts[unit]))
    return result


def money_summary(findings: list[Finding]) -> dict[str, Any]:
    """``money_at_stake`` as JSON: every removed amount with its scope, totals over lump sums only."""
    money = money_at_stake(findings)
    return {
        "removed": money.removed,
        "no_amount": money.no_amount,
        "reduced": money.reduced,
        "amounts": [{"finding": i.finding, "amount": i.amount, "unit": i.unit, "scope": i.scope,
                     "per_recipient": i.conditional, "lump_sum": i.lump, "subject": i.subject}
                    for i in money.items],
        "lump_totals": [{"unit": t.unit, "total": t.total, "count": t.count} for t in money.totals],
    }


def _restated(f: Finding) -> tuple[str, str, str, str]:
    return (f.kind, f.direction or "", f.draft_value or "", f.final_value or "")


def _in_table(f: Finding) -> bool:
    return " | " in (f.draft_text or f.final_text or "")


def distinct_targets(findings: list[Finding]) -> list[Finding]:
    """The target findings, each target once: a plan states a goal in its text and again in
    its indicator table (地区生产总值年均增长5.5%左右 and the table's 5.5左右); when both
    changed alike, the table's finding restates the text's and is not counted again."""
    targets = [f for f in findings if f.kind.startswith("target_")]
    in_text = {_restated(f) for f in targets if not _in_table(f)}
    return [f for f in targets if not (_in_table(f) and _restated(f) in in_text)]


def target_counts(findings: list[Finding]) -> dict[str, int]:
    """How many targets were lowered, raised, redefined, removed and added (each target once,
    see ``distinct_targets``)."""
    counts = {"lowered": 0, "raised": 0, "redefined": 0, "removed": 0, "added": 0, "loosened": 0, "tightened": 0,
              "in_words": 0}
    for f in distinct_targets(findings):
        if f.kind == "target_changed" and f.ambition == "weaker" and f.final_value is None:
            counts["in_words"] += 1  # 增长6% → 与经济增长同步: the number gave way to words
        elif f.kind == "target_removed":
            counts["removed"] += 1
        elif f.kind == "target_added":
            counts["added"] += 1
        elif f.kind == "target_changed" and f.ambition:  # a time limit or a ceiling
            counts["loosened" if f.ambition == "weaker" else "tightened"] += 1
        elif f.kind == "target_changed" and f.direction in counts:
            counts[f.direction or ""] += 1
    return counts


# Finding kinds grouped as a reader scans them: money first, then targets … (kinds a genre adds
# later fall into "other", so a new rule never disappears from the list).
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("money", ("funding_removed", "funding_changed", "funding_added")),
    ("targets", ("target_changed", "target_removed", "target_added")),
    ("penalties", ("penalty_changed", "penalty_removed", "penalty_added")),
    ("deadlines", ("deadline_changed",)),
    ("thresholds", ("threshold_changed", "threshold_removed", "threshold_added")),
    ("definitions", ("definition_changed", "definition_removed", "definition_added")),
    ("obligations", ("obligation_weakened", "obligation_strengthened", "agency_changed")),
    ("terms", ("term_removed", "term_added")),
    ("sections", ("section_removed", "section_added")),
]


def finding_group(kind: str) -> str:
    """The group a finding kind is listed under ("money", "targets" … or "other")."""
    return next((g for g, kinds in GROUPS if kind in kinds), "other")


def amount_words(amount: str, unit: str, ui: dict[str, Any]) -> tuple[str, str]:
    """(number, unit) as the reader's language writes them: ("50", "万元"), in English
    ("500,000", "yuan")."""
    value = money_value(amount, unit)
    if ui["currencies"] and value and value[1] in ui["currencies"]:
        return f"{value[0].normalize():,f}", str(ui["currencies"][value[1]])
    return amount, unit


def money_words(item: MoneyItem, ui: dict[str, Any]) -> str:
    """An amount as the document scopes it: "50 万元 · 每年 · 最高" (in English "500,000 yuan ·
    per year · cap", with a scope word the glossary lacks shown as written)."""
    words = [" ".join(amount_words(item.amount, item.unit, ui)),
             *(ui["scope_words"].get(w, w) for w in item.scope)]
    if item.conditional:
        words.append(str(ui["money_per_recipient"]))
    return " · ".join(words)


@dataclass
class Lead:
    """The report's first paragraph: what changed, in words, and the targets that were lowered."""

    sentence: str
    lowered: list[str]  # "知识产权保护社会满意度 ≥90分 → ≥85分"
    loosened: bool = False  # the list holds a loosened time limit or ceiling too: label it so


def _value(f: Finding, side: str) -> str:
    value = f.draft_value if side == "draft" else f.final_value
    return as_written(value, f.unit_of(side), f.comparator) if value else "?"


def section_counts(report: Report) -> dict[str, int]:
    """The summary's sections per status, for a reader: a section a cut copy is missing is
    counted as ``beyond_cut`` only, not as removed (or added) by the revision."""
    counts = dict(report.summary["sections"])
    for s in report.sections:
        if s.beyond_cut and counts.get(s.status):
            counts[s.status] -= 1
    return counts


def lead(report: Report, ui: dict[str, Any]) -> Lead:
    """Say in one sentence what the final changed: money, targets, deadlines, sections."""
    words = ui["lead"]
    money = money_at_stake(report.findings)
    targets = target_counts(report.findings)
    kinds = report.summary["findings"]
    sections = section_counts(report)
    parts: list[str] = []
    articles = report.summary.get("articles")
    if articles:  # a law: the counts a 修改说明 opens with
        changed = articles.get("reworded", 0)
        counts = [(k, n) for k, n in (("articles_reworded", changed), ("articles_added", articles.get("added", 0)),
                                       ("articles_removed", articles.get("removed", 0))) if n]
        parts += [words[k].format(n=n) for k, n in counts]
        chapters = report.summary.get("chapters") or {}
        parts += [words["chapters_" + k].format(n=chapters[k]) for k in ("added", "removed", "renamed") if chapters.get(k)]
    if money.removed:
        part = words["money_removed"].format(n=money.removed)
        if money.totals:
            total = "、".join(f"{t.total} {t.unit}" for t in money.totals)
            part += words["money_total"].format(total=total, k=money.not_summed) if money.not_summed else ""
        elif money.items:
            part += words["money_no_total"].format(k=len(money.items))
        parts.append(part)
    if money.reduced:
        parts.append(words["money_reduced"].format(n=money.reduced))
    # money the final raises or adds is said too: a lead that told only the cuts would read as
    # if the final had only taken money away
    raised = sum(f.kind == "funding_changed" and f.direction == "raised" for f in report.findings)
    for key, n in (("money_raised", raised), ("money_added", kinds.get("funding_added", 0))):
        if n:
            parts.append(words[key].format(n=n))
    for key in ("lowered", "in_words", "loosened", "removed", "raised", "tightened", "redefined", "added"):
        if targets[key]:
            parts.append(words["targets_" + key].format(n=targets[key]))
    penalties = Counter("removed" if f.kind == "penalty_removed" else "added" if f.kind == "penalty_added"
                        else f.direction for f in report.findings if f.kind.startswith("penalty_"))
    for key in ("lowered", "removed", "raised", "added"):
        if penalties[key]:
            parts.append(words["penalties_" + key].format(n=penalties[key]))
    # a plan's eligibility conditions: who is now in or out, said so (放宽了 2 项申报条件)
    conditions = Counter(f.eligibility for f in report.findings if f.eligibility)
    for key in ("tightened", "loosened"):
        if conditions[key]:
            parts.append(words["conditions_" + key].format(n=conditions[key]))
    # who answers for a measure: a lead unit changed or no longer named (agency_changed with values)
    leads = sum(1 for f in report.findings if f.kind == "agency_changed" and f.draft_value)
    if leads:
        parts.append(words["leads_changed"].format(n=leads))
    thresholds = sum(n for k, n in kinds.items() if k.startswith("threshold_")) - sum(conditions.values())
    if thresholds:
        parts.append(words["thresholds"].format(n=thresholds))
    definitions = sum(n for k, n in kinds.items() if k.startswith("definition_"))
    if definitions:
        parts.append(words["definitions"].format(n=definitions))
    for kind in ("deadline_changed", "obligation_weakened", "reference_changed"):
        if kinds.get(kind):
            parts.append(words[kind].format(n=kinds[kind]))
    # kinds a genre adds (fines raised, articles merged …) are counted under their own label
    told = {k for _g, kinds_ in GROUPS for k in kinds_} | {"reference_changed"}
    for kind in sorted(k for k in kinds if k not in told):
        label = str(ui["kinds"].get(kind, kind))
        if ui["html_lang"] == "en":  # inside a sentence: "…; penalty changed: 3"
            label = label[:1].lower() + label[1:]
        parts.append(words["other_kind"].format(label=label, n=kinds[kind]))
    if articles:  # a law's sections are its articles and chapters, counted above
        sections = {}
    if sections.get("removed"):
        # a removed chapter counts its sub-headings too: say how many whole blocks they make
        blocks = kinds.get("section_removed", 0)
        parts.append(words["sections_blocks"].format(m=sections["removed"], n=blocks) if blocks
                     else words["sections_removed"].format(n=sections["removed"]))
    if sections.get("added"):
        parts.append(words["sections_added"].format(n=sections["added"]))
    if not parts:
        return Lead(words["nothing"], [])
    sentence = ui["lead_intro"] + ui["lead_join"].join(parts) + ui["lead_end"]
    # the goals the final weakened: lowered, or (a time limit, a ceiling) loosened
    # a goal stated in words in the final (增长6% → 与经济增长同步) has no final number to show
    lowered = [f"{f.subject or ''} {_value(f, 'draft')} → {_value(f, 'final') if f.final_value else ui['in_words']}".strip()
               for f in distinct_targets(report.findings) if f.kind == "target_changed"
               and (f.ambition == "weaker" or (f.ambition is None and f.direction == "lowered"))]
    return Lead(sentence, list(dict.fromkeys(lowered)), loosened=bool(targets["loosened"] or targets["in_words"]))


_BILINGUAL = re.compile(r" / (?=[A-Za-z“\"(])")
_SIDE_LABEL = re.compile(r"^([^/:：]{1,12}) / ([A-Za-z ]{1,12}): ")  # "征求意见稿 / draft: …"


def warning_in(text: str, lang: str) -> str:
    """A warning written "中文 / English" in the reader's language; one in one language as is."""
    side = _SIDE_LABEL.match(text)
    if side:
        label = side.group(2) if lang == "en" else side.group(1)
        return f"{label}: {warning_in(text[side.end():], lang)}"
    parts = _BILINGUAL.split(text, maxsplit=1)
    if len(parts) != 2:
        return text
    return parts[1] if lang == "en" else parts[0]


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


def section_path(ref: SectionRef | None, ui: dict[str, Any] | None = None) -> str:
    """The heading path of one side, e.g. "一、总体要求 › （二）基本原则".

    A section with no heading stands in the path as its kind (``table``); with ``ui`` (a
    report's words) the kind is said in the report's language: 二、主要指标 › 表格."""
    if ref is None:
        return ""
    if ref.path:
        kinds = ui["node_kinds"] if ui else {}
        return " › ".join(kinds.get(step, step) for step in ref.path)
    return f"{ref.number}{ref.title}"


def line_label(ui: dict[str, Any], line: int | None, page: int | None = None, fmt: str = "",
               end: int | None = None) -> str:  # fmt: skip
    """Where a passage is, as a reader finds it in that format: "第 12 行" (or lines 12–15 with
    ``end``); a .docx counts paragraphs ("第 12 段"); a PDF adds the page ("第 12 行 · 第 3 页")."""
    if not line:
        return ""
    unit = "para" if fmt in ("docx", "doc", "wps", "odt") else "line"  # .doc/.wps/.odt are read as their .docx
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
