"""Comparisons into one SQLite database (schema ``revdiff.db/1``), ready for Datasette and pandas.

A newsroom compares many pairs and then asks across them: which cities cut subsidies, by how
much, which targets were lowered, where did 版权 disappear?  ``pair_rows`` turns one Report
into plain rows (in the worker that compared the pair: JSON-serialisable, so they travel back
to the batch's main process); ``store_pair`` writes them in one transaction, replacing what
the database held for that pair, so a batch killed half-way leaves the database as it was
before the pair, and a re-run ends with the same database as an uninterrupted run.

Tables: ``pairs`` (one per comparison), ``findings`` (every field of the JSON finding, amounts
also in one base unit per currency), ``sections`` (the alignment), ``commitments`` (the ledger
of each compared part), ``terms`` (watched-term counts), and two FTS5 full-text indexes with
the ``trigram`` tokenizer (substring search that works for Chinese without a word segmenter).
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revdiff import money

if TYPE_CHECKING:
    from revdiff.model import Report

SCHEMA = "revdiff.db/1"

# Every field of a finding in the JSON contract, in its order; a test checks the JSON has no
# field without a column here.  Then the derived columns.
FINDING_FIELDS = [
    "id", "kind", "severity", "draft_text", "final_text", "draft_value", "final_value", "unit", "comparator",
    "direction", "draft_section", "final_section", "draft_line", "final_line", "subject", "note", "note_en",
    "draft_page", "final_page", "draft_min", "final_min", "per", "period", "cap", "term", "draft_count",
    "final_count", "contexts", "final_unit", "gap", "ambition", "eligibility", "ocr", "sections",
]
_LISTS = ("contexts", "ocr", "sections")  # list fields, kept as JSON text
FINDING_DERIVED = ["draft_amount", "final_amount", "currency", "per_unit", "per_year"]
_INTEGER = {"draft_line", "final_line", "draft_page", "final_page", "draft_count", "final_count", "per_unit", "per_year"}
_REAL = {"draft_amount", "final_amount"}

PAIR_FIELDS = [
    "name", "draft_source", "final_source", "draft_title", "final_title", "draft_part", "final_part",
    "draft_doc_no", "final_doc_no", "draft_date", "final_date", "draft_sha256", "final_sha256", "draft_size",
    "final_size", "genre", "revdiff_version", "findings", "high", "medium", "low", "warnings",
]
SECTION_FIELDS = [
    "id", "status", "renumbered", "similarity", "draft_number", "draft_title", "draft_path", "draft_line_start",
    "draft_line_end", "final_number", "final_title", "final_path", "final_line_start", "final_line_end",
    "draft_text", "final_text",
]
COMMITMENT_FIELDS = [
    "side", "kind", "part", "section", "line", "text", "subject", "value", "unit", "comparator", "mechanism",
    "base", "year", "attribute", "source", "page",
]
TERM_FIELDS = ["term", "draft_count", "final_count"]


def _columns(fields: list[str], integer: set[str] | frozenset[str] = frozenset(),
             real: set[str] | frozenset[str] = frozenset()) -> str:
    return ", ".join(f"{f} {'INTEGER' if f in integer else 'REAL' if f in real else 'TEXT'}" for f in fields)


_DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS pairs (name TEXT PRIMARY KEY, {_columns(PAIR_FIELDS[1:], {"draft_size", "final_size", "findings", "high", "medium", "low"})},
    batch_key TEXT);
CREATE TABLE IF NOT EXISTS findings (
    pair TEXT NOT NULL REFERENCES pairs(name) ON DELETE CASCADE,
    {_columns(FINDING_FIELDS + FINDING_DERIVED, _INTEGER, _REAL)},
    PRIMARY KEY (pair, id));
CREATE TABLE IF NOT EXISTS sections (
    pair TEXT NOT NULL REFERENCES pairs(name) ON DELETE CASCADE,
    {_columns(SECTION_FIELDS, {"renumbered", "draft_line_start", "draft_line_end", "final_line_start", "final_line_end"}, {"similarity"})},
    PRIMARY KEY (pair, id));
CREATE TABLE IF NOT EXISTS commitments (
    pair TEXT NOT NULL REFERENCES pairs(name) ON DELETE CASCADE,
    {_columns(COMMITMENT_FIELDS, {"line", "page"})});
CREATE TABLE IF NOT EXISTS terms (
    pair TEXT NOT NULL REFERENCES pairs(name) ON DELETE CASCADE,
    {_columns(TERM_FIELDS, {"draft_count", "final_count"})},
    PRIMARY KEY (pair, term));
CREATE INDEX IF NOT EXISTS findings_kind ON findings(kind);
CREATE INDEX IF NOT EXISTS findings_severity ON findings(severity);
CREATE INDEX IF NOT EXISTS findings_pair ON findings(pair);
CREATE INDEX IF NOT EXISTS sections_pair ON sections(pair);
CREATE INDEX IF NOT EXISTS commitments_pair ON commitments(pair, side, kind);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_fts USING fts5(pair UNINDEXED, id UNINDEXED, draft_text, final_text, note, tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS sections_fts USING fts5(pair UNINDEXED, id UNINDEXED, draft_text, final_text, tokenize='trigram');
"""

_PER_UNIT = re.compile(r"每(?:件|家|人|个|项|户|次|所|名|台|套|篇|部|款|座|个项目)")
_PER_YEAR = re.compile(r"每年|年度|年均|每一年")


class DatabaseError(Exception):
    """A database that cannot be opened or belongs to another schema."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a ``revdiff.db/1`` database; foreign keys on."""
    try:
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA foreign_keys = ON")
        found = None
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            found = row[0] if row else None
        elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise DatabaseError(f"{path} is an SQLite database of something else; give a new file")
        if found not in (None, SCHEMA):
            raise DatabaseError(f"{path} has schema {found}, not {SCHEMA}; give a new file")
        with conn:
            conn.executescript(_DDL)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            # a database written before a field joined the contract (final_unit) gains its column
            have = {row[1] for row in conn.execute("PRAGMA table_info(findings)")}
            for name in FINDING_FIELDS:
                if name not in have:
                    conn.execute(f"ALTER TABLE findings ADD COLUMN {name} TEXT")
        return conn
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a usable SQLite database ({exc}); give a new file") from None


def _amount(value: str | None, unit: str | None) -> tuple[float | None, str | None]:
    got = money.money_value(value, unit)
    return (float(got[0]), got[1]) if got else (None, None)


def _finding_row(f: dict[str, Any]) -> dict[str, Any]:
    row = {k: f.get(k) for k in FINDING_FIELDS}
    for name in _LISTS:
        row[name] = json.dumps(f[name], ensure_ascii=False) if f.get(name) else None
    draft_amount, cur_d = _amount(f.get("draft_value"), f.get("unit"))
    final_amount, cur_f = _amount(f.get("final_value"), f.get("final_unit") or f.get("unit"))
    row["draft_amount"], row["final_amount"], row["currency"] = draft_amount, final_amount, cur_d or cur_f
    # what one amount is counted per: the rule's own fields when it set them, else the wording
    said = " ".join(filter(None, [f.get("comparator"), f.get("draft_text"), f.get("final_text")]))
    row["per_unit"] = int(bool(f.get("per")) or bool(_PER_UNIT.search(said)))
    row["per_year"] = int(f.get("period") in ("年", "每年") or bool(_PER_YEAR.search(said)))
    return row


def _section_text(ops: list[list[Any]], side: int) -> str:
    return "".join(text for op, text in ops if op in (0, side))


def pair_rows(report: Report, name: str) -> dict[str, Any]:
    """Every row one comparison adds to the database (plain JSON-serialisable values)."""
    from revdiff import __version__
    from revdiff.ledger import part_ledger

    data = report.to_dict()
    d, f = data["draft"], data["final"]
    severity = data["summary"]["severity"]
    pair: dict[str, Any] = {"name": name}
    for side, info in (("draft", d), ("final", f)):
        sha, size = info.get("sha256"), info.get("size")  # the report's provenance (absent for stdin)
        meta = info.get("metadata") or {}
        pair.update({f"{side}_source": info["source"], f"{side}_title": info["title"], f"{side}_part": info["part"],
                     f"{side}_doc_no": meta.get("文号"), f"{side}_date": meta.get("成文日期") or meta.get("发布日期"),
                     f"{side}_sha256": sha, f"{side}_size": size})
    pair.update({"genre": data.get("genre"), "revdiff_version": __version__, "findings": len(data["findings"]),
                 "high": severity.get("high", 0), "medium": severity.get("medium", 0), "low": severity.get("low", 0),
                 "warnings": json.dumps(data["warnings"], ensure_ascii=False)})
    sections = []
    for s in data["sections"]:
        row: dict[str, Any] = {"id": s["id"], "status": s["status"], "renumbered": int(s["renumbered"]),
                               "similarity": s["similarity"]}
        for side in ("draft", "final"):
            ref = s[side] or {}
            row.update({f"{side}_number": ref.get("number"), f"{side}_title": ref.get("title"),
                        f"{side}_path": " › ".join(ref["path"]) if ref.get("path") else None,
                        f"{side}_line_start": ref.get("line_start"), f"{side}_line_end": ref.get("line_end")})
        row["draft_text"] = _section_text(s["diff"], -1) if s["draft"] else None
        row["final_text"] = _section_text(s["diff"], 1) if s["final"] else None
        sections.append(row)
    commitments = []
    ctx = report.context
    if ctx is not None:
        for side, part in (("draft", ctx.draft), ("final", ctx.final)):
            for e in part_ledger(part, ctx.pledge_words, ctx.pledge_units):
                entry = e.__dict__
                commitments.append({"side": side, **{k: entry.get(k) for k in COMMITMENT_FIELDS if k != "side"}})
    terms = [{"term": x["term"], "draft_count": x["draft_count"], "final_count": x["final_count"]}
             for x in data["findings"] if x.get("term") is not None]
    return {"pair": pair, "findings": [_finding_row(x) for x in data["findings"]], "sections": sections,
            "commitments": commitments, "terms": terms}


def _insert(conn: sqlite3.Connection, table: str, fields: list[str], rows: list[dict[str, Any]], pair: str) -> None:
    if not rows:
        return
    cols = ", ".join(["pair", *fields])
    marks = ", ".join("?" * (len(fields) + 1))
    conn.executemany(f"INSERT OR REPLACE INTO {table} ({cols}) VALUES ({marks})",
                     [(pair, *(r.get(k) for k in fields)) for r in rows])


def store_pair(conn: sqlite3.Connection, rows: dict[str, Any], key: str | None = None) -> None:
    """Replace everything the database holds for this pair, in one transaction."""
    name = rows["pair"]["name"]
    with conn:  # one transaction: all of the pair, or (killed half-way) none of it
        forget_pair(conn, name, commit=False)
        pair = rows["pair"]
        conn.execute(f"INSERT INTO pairs (name, {', '.join(PAIR_FIELDS[1:])}, batch_key) "
                     f"VALUES ({', '.join('?' * len(PAIR_FIELDS))}, ?)",
                     (*(pair.get(k) for k in PAIR_FIELDS), key))
        _insert(conn, "findings", FINDING_FIELDS + FINDING_DERIVED, rows["findings"], name)
        _insert(conn, "sections", SECTION_FIELDS, rows["sections"], name)
        _insert(conn, "commitments", COMMITMENT_FIELDS, rows["commitments"], name)
        _insert(conn, "terms", TERM_FIELDS, rows["terms"], name)
        conn.executemany("INSERT INTO findings_fts VALUES (?, ?, ?, ?, ?)",
                         [(name, r["id"], r["draft_text"], r["final_text"], r["note"]) for r in rows["findings"]])
        conn.executemany("INSERT INTO sections_fts VALUES (?, ?, ?, ?)",
                         [(name, r["id"], r["draft_text"], r["final_text"]) for r in rows["sections"]])


def forget_pair(conn: sqlite3.Connection, name: str, commit: bool = True) -> None:
    """Remove a pair and everything that hangs off it (a pair that failed this time)."""

    def run() -> None:
        for table in ("findings", "sections", "commitments", "terms", "findings_fts", "sections_fts"):
            conn.execute(f"DELETE FROM {table} WHERE pair = ?", (name,))
        conn.execute("DELETE FROM pairs WHERE name = ?", (name,))

    if commit:
        with conn:
            run()
    else:
        run()


def stored_key(conn: sqlite3.Connection, name: str) -> str | None:
    """The batch key the pair was stored with (None when it is not in the database)."""
    row = conn.execute("SELECT batch_key FROM pairs WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


CANNED_QUERIES: dict[str, dict[str, str]] = {
    "largest_cuts": {
        "title": "Largest cuts of funding pledges / 资金承诺削减最多",
        "description": "Removed or reduced pledges by the amount cut, in one base unit per currency. "
                       "per_unit / per_year = 1: the amount is per item / per year (a cap, not a total).",
        "sql": "SELECT pair, kind, subject, draft_value || coalesce(unit, '') AS draft, "
               "final_value || coalesce(final_unit, unit, '') AS final, draft_amount - coalesce(final_amount, 0) AS cut, "
               "currency, per_unit, per_year, draft_text, final_text FROM findings "
               "WHERE kind IN ('funding_removed', 'funding_changed') AND draft_amount IS NOT NULL "
               "AND (final_amount IS NULL OR final_amount < draft_amount) ORDER BY cut DESC, pair, id",
    },
    "lowered_targets": {
        "title": "Targets lowered or removed / 目标调低或删除",
        "description": "Quantified goals that were lowered or dropped between draft and final.",
        "sql": "SELECT pair, kind, subject, draft_value, final_value, unit, draft_text, final_text FROM findings "
               "WHERE kind = 'target_removed' OR (kind = 'target_changed' AND direction = 'lowered') "
               "ORDER BY pair, draft_line",
    },
    "pairs_by_severity": {
        "title": "Pairs by severity / 按严重程度排列",
        "description": "Every comparison, most high-severity findings first.",
        "sql": "SELECT name, draft_title, final_title, high, medium, low, findings FROM pairs "
               "ORDER BY high DESC, medium DESC, low DESC, findings DESC, name",
    },
    "terms_written_out": {
        "title": "Watched terms that lost mentions / 关注词减少",
        "description": "Where a watched term such as 版权 appears less often in the final.",
        "sql": "SELECT pair, term, draft_count, final_count FROM terms WHERE final_count < draft_count "
               "ORDER BY draft_count - final_count DESC, pair",
    },
    "search_findings": {
        "title": "Search the findings / 搜索发现",
        "description": "Full-text search (trigram: at least three characters) over the findings' sentences and notes.",
        "sql": "SELECT f.pair, f.id, f.kind, f.severity, f.draft_text, f.final_text, f.note FROM findings_fts "
               "JOIN findings f ON f.pair = findings_fts.pair AND f.id = findings_fts.id "
               "WHERE findings_fts MATCH :q ORDER BY f.pair, f.id",
    },
}


def datasette_metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata for the database: titles, descriptions, units and canned queries."""
    name = Path(db_path).stem
    return {
        "title": "revdiff: drafts against finals / 征求意见稿与定稿对照",
        "description": "Findings of revdiff comparisons (schema revdiff.db/1; see docs/contract.md).",
        "databases": {name: {
            "tables": {
                "pairs": {"description": "One row per comparison: both sources, titles, 文号, dates, SHA-256."},
                "findings": {"description": "One row per finding (every field of the JSON finding); "
                                            "draft_amount / final_amount: the amount in one base unit per currency."},
                "sections": {"description": "The section alignment of each comparison."},
                "commitments": {"description": "The ledger of each compared part: pledges, targets, deadlines."},
                "terms": {"description": "Watched-term counts per side."},
            },
            "queries": CANNED_QUERIES,
        }},
    }


def write_metadata(db_path: str | Path) -> Path:
    """Write (or update) ``metadata.json`` beside the database, for ``datasette DB -m metadata.json``."""
    from revdiff.output import write_atomic

    target = Path(db_path).parent / "metadata.json"
    meta = datasette_metadata(db_path)
    try:
        old = json.loads(target.read_text(encoding="utf-8"))
        if isinstance(old, dict) and isinstance(old.get("databases"), dict):
            meta["databases"] = {**old["databases"], **meta["databases"]}  # other databases of the folder
    except (OSError, ValueError):
        pass
    write_atomic(target, json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    return target
