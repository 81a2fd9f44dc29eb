"""Batch results in SQLite (``--db``, schema ``revdiff.db/1``) and its Datasette canned queries.

The database is built through the real CLI over the test pairs; what it holds is checked
against the JSON reports of the same run (the contract), never against itself.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest

from revdiff import money
from revdiff.model import Finding
from revdiff.render import database

from .conftest import ROOT, SAMPLES

PAIRS = ROOT / "tests" / "pairs"


def _folder(tmp_path: Path) -> Path:
    """A folder of NAME.draft.* / NAME.final.* files: the test pairs and the headline pair."""
    folder = tmp_path / "pairs"
    folder.mkdir()
    for pair in sorted(PAIRS.iterdir()):
        if not pair.is_dir():
            continue
        for side in ("draft", "final"):
            src = next(pair.glob(f"{side}.*"))
            (folder / f"{pair.name}.{side}{src.suffix}").write_bytes(src.read_bytes())
    (folder / "yantai.draft.txt").write_bytes((SAMPLES / "yantai-ip-strategy-draft.txt").read_bytes())
    (folder / "yantai.final.txt").write_bytes((SAMPLES / "yantai-notice-official.txt").read_bytes())
    return folder


def _batch(folder: Path, out: Path, db: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", "batch", str(folder), "-o", str(out), "--db", str(db),
                           *extra], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("db")
    folder = _folder(tmp)
    proc = _batch(folder, tmp / "out", tmp / "results.sqlite", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    return folder, tmp / "out", tmp / "results.sqlite"


def _reports(out: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json") if not p.name.startswith(".")}


def test_every_pair_and_finding_is_in_the_database(built: tuple[Path, Path, Path]) -> None:
    _, out, db = built
    reports = _reports(out)
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM pairs")) == sorted(reports)
    for name, rep in reports.items():
        rows = conn.execute("SELECT id, kind, severity, draft_text, final_text, draft_line FROM findings "
                            "WHERE pair = ? ORDER BY CAST(substr(id, 2) AS INTEGER)", (name,)).fetchall()
        want = [(f["id"], f["kind"], f["severity"], f["draft_text"], f["final_text"], f["draft_line"])
                for f in rep["findings"]]
        assert rows == want, name
        n_sections = conn.execute("SELECT count(*) FROM sections WHERE pair = ?", (name,)).fetchone()[0]
        assert n_sections == len(rep["sections"])
        pair = conn.execute("SELECT draft_title, final_part, high, genre FROM pairs WHERE name = ?", (name,)).fetchone()
        assert pair == (rep["draft"]["title"], rep["final"]["part"], rep["summary"]["severity"]["high"], rep["genre"])


def test_every_json_field_of_a_finding_has_a_column(built: tuple[Path, Path, Path]) -> None:
    _, out, db = built
    columns = {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(findings)")}
    fields = {k for rep in _reports(out).values() for f in rep["findings"] for k in f}
    assert fields, "the reports have findings"
    assert fields - columns == set()
    assert set(database.FINDING_FIELDS) <= columns
    # every field a finding can have, not only those these reports happen to use
    assert {f.name for f in dataclasses.fields(Finding)} <= set(database.FINDING_FIELDS)


def test_amounts_are_in_one_base_unit_with_per_unit_flags(built: tuple[Path, Path, Path]) -> None:
    _, out, db = built
    conn = sqlite3.connect(db)
    rep = _reports(out)["yantai"]
    for f in rep["findings"]:
        if f["kind"] != "funding_removed" or not f["draft_value"]:
            continue
        row = conn.execute("SELECT draft_amount, currency, per_unit FROM findings WHERE pair = 'yantai' AND id = ?",
                           (f["id"],)).fetchone()
        base = money.money_value(f["draft_value"], f["unit"])
        assert base is not None and Decimal(str(row[0])) == base[0] and row[1] == base[1]
        per = any(w in (f["draft_text"] or "") for w in ("每件", "每家", "每个", "每项", "每人"))
        assert bool(row[2]) == per, f["draft_text"]


def test_commitments_are_the_ledgers_of_both_sides(built: tuple[Path, Path, Path]) -> None:
    folder, _, db = built
    conn = sqlite3.connect(db)
    got = conn.execute("SELECT count(*) FROM commitments WHERE pair = 'yantai' AND side = 'draft' AND kind = 'pledge'"
                       ).fetchone()[0]
    proc = subprocess.run([sys.executable, "-m", "revdiff", "ledger", str(folder / "yantai.draft.txt"),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    want = sum(1 for e in json.loads(proc.stdout)["entries"] if e["kind"] == "pledge")
    assert got == want and got > 0


def _query(conn: sqlite3.Connection, name: str, **params: str) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    return conn.execute(database.CANNED_QUERIES[name]["sql"], params).fetchall()


def test_canned_queries_say_what_the_reports_say(built: tuple[Path, Path, Path]) -> None:
    _, out, db = built
    reports = _reports(out)
    conn = sqlite3.connect(db)
    cuts = _query(conn, "largest_cuts")
    want = set()
    for name, rep in reports.items():
        for f in rep["findings"]:
            d = money.money_value(f["draft_value"], f["unit"])
            fv = money.money_value(f["final_value"], f["unit"])
            if f["kind"] in ("funding_removed", "funding_changed") and d and (fv is None or fv[0] < d[0]):
                want.add((name, f["draft_text"]))
    assert {(r["pair"], r["draft_text"]) for r in cuts} == want and want
    assert [r["cut"] for r in cuts] == sorted((r["cut"] for r in cuts), reverse=True)
    lowered = {(r["pair"], r["subject"]) for r in _query(conn, "lowered_targets")}
    assert lowered == {(n, f["subject"]) for n, rep in reports.items() for f in rep["findings"]
                       if f["kind"] == "target_removed" or (f["kind"] == "target_changed" and f["direction"] == "lowered")}
    order = [r["name"] for r in _query(conn, "pairs_by_severity")]
    assert order[0] == max(reports, key=lambda n: (reports[n]["summary"]["severity"]["high"], n == order[0]))
    written_out = {(r["pair"], r["term"]) for r in _query(conn, "terms_written_out")}
    assert ("yantai", "版权") in written_out
    hits = _query(conn, "search_findings", q="知识产权")
    assert hits and all("知识产权" in ((h["draft_text"] or "") + (h["final_text"] or "") + h["note"]) for h in hits)


def _dump(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' "
                                 "ORDER BY name"):
        out.append((table, sorted(map(repr, conn.execute(f"SELECT * FROM {table}")))))
    return out


def test_killed_batch_and_rerun_give_the_same_database(tmp_path: Path, built: tuple[Path, Path, Path]) -> None:
    folder, _, full_db = built
    db = tmp_path / "results.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "revdiff", "batch", str(folder), "-o", str(tmp_path / "out"),
                             "--db", str(db), "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and stored < 1 and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = sqlite3.connect(db).execute("SELECT count(*) FROM pairs").fetchone()[0]
        except sqlite3.Error:
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    halfway = sqlite3.connect(db).execute("SELECT count(*) FROM pairs").fetchone()[0]
    assert 1 <= halfway < 5, "killed half-way"
    rerun = _batch(folder, tmp_path / "out", db)
    assert rerun.returncode == 0, rerun.stderr
    assert "skipped" in rerun.stderr  # the pairs done before the kill are not redone
    assert _dump(db) == _dump(full_db)


def test_compare_adds_one_pair_and_replaces_it_on_a_rerun(tmp_path: Path) -> None:
    db = tmp_path / "one.sqlite"
    args = [sys.executable, "-m", "revdiff", "compare", str(SAMPLES / "yantai-ip-strategy-draft.txt"),
            str(SAMPLES / "yantai-notice-official.txt"), "--format", "json", "-o", str(tmp_path / "r.json"),
            "--db", str(db), "--db-name", "烟台"]
    for _ in range(2):
        assert subprocess.run(args, capture_output=True, timeout=120).returncode == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM pairs").fetchall() == [("烟台",)]
    n = len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"])
    assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == n
    assert (tmp_path / "metadata.json").is_file()


def test_a_database_of_something_else_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(SAMPLES / "taian-ip-outline-draft.txt"),
                           str(SAMPLES / "taian-ip-outline-draft.txt"), "--format", "json", "-o", os.devnull,
                           "--db", str(other)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "SQLite database of something else" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_datasette_runs_the_canned_queries(built: tuple[Path, Path, Path]) -> None:
    pytest.importorskip("datasette")
    _, _, db = built
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "-m", str(db.parent / "metadata.json"),
                               "-h", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/results"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + ".json", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        conn = sqlite3.connect(db)
        for name in database.CANNED_QUERIES:
            query = "?q=" + urllib.request.quote("知识产权") + "&_shape=array" if name == "search_findings" else "?_shape=array"
            with urllib.request.urlopen(f"{base}/{name}.json{query}", timeout=30) as resp:
                rows = json.loads(resp.read())
            params = {"q": "知识产权"} if name == "search_findings" else {}
            assert len(rows) == len(_query(conn, name, **params)), name
    finally:
        server.terminate()
        server.wait(10)
