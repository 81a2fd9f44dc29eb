"""`revdiff batch`: many pairs into one folder, an index ranked by severity, resumable runs.

Every test drives the real command line in a subprocess.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, SAMPLES

PAIRS = ROOT / "tests" / "pairs"
SEVERITIES = ("high", "medium", "low")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "revdiff", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def write_manifest(path: Path, rows: list[tuple[str, Path | str, Path | str, str]]) -> Path:
    """A CSV manifest with paths relative to its folder (as users write them).

    The inputs are copied into ``inputs/`` beside it: a manifest may only name files inside
    its own folder (without --allow-outside).
    """
    (path.parent / "inputs").mkdir(parents=True, exist_ok=True)

    def rel(p: Path | str) -> str:
        if not isinstance(p, Path):
            return p
        copy = path.parent / "inputs" / f"{p.parent.name}-{p.name}"
        if not copy.exists() or copy.read_bytes() != p.read_bytes():
            copy.write_bytes(p.read_bytes())
        return os.path.relpath(copy, path.parent)

    lines = ["name,draft,final,options"]
    for name, draft, final, options in rows:
        lines.append(f'{name},{rel(draft)},{rel(final)},"{options}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def seed_rows() -> list[tuple[str, Path | str, Path | str, str]]:
    return [
        (
            "yantai-draft",
            SAMPLES / "yantai-ip-strategy-draft.txt",
            SAMPLES / "yantai-notice-official.txt",
            "",
        ),
        (
            "yantai-web",
            SAMPLES / "yantai-notice-web.txt",
            SAMPLES / "yantai-notice-official.txt",
            "--draft-part 知识产权 --final-part 知识产权",
        ),
    ]


def rank(report: dict) -> tuple:
    sev = report["summary"]["severity"]
    top = next((i for i, s in enumerate(SEVERITIES) if sev[s]), len(SEVERITIES))
    return (top, *(-sev[s] for s in SEVERITIES), -len(report["findings"]))


def test_batch_writes_every_report_and_a_ranked_index(tmp_path: Path) -> None:
    rows = seed_rows() + [
        (
            "泰安-html",
            PAIRS / "taian-html-txt" / "draft.html",
            PAIRS / "taian-html-txt" / "final.txt",
            "--watch 商标",
        ),
        (
            "weihai-docx",
            PAIRS / "weihai-txt-docx" / "draft.txt",
            PAIRS / "weihai-txt-docx" / "final.docx",
            "",
        ),
        ("broken", "no-such-draft.txt", SAMPLES / "yantai-notice-official.txt", ""),
        (
            "bad-options",
            SAMPLES / "yantai-notice-web.txt",
            SAMPLES / "yantai-notice-official.txt",
            "--bogus 1",
        ),
    ]
    (tmp_path / "m").mkdir()
    manifest = write_manifest(tmp_path / "m" / "pairs.csv", rows)
    proc = run("batch", str(manifest), "-o", "out", "-j", "2", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # one pair failed: exit 1, the rest still ran
    # progress counts the pairs compared in this run, from [1/N] (issue 15: it started at [3/6])
    progress = [ln for ln in proc.stderr.splitlines() if ln.startswith("[")]
    assert progress and [ln.split("]")[0] for ln in progress] == [f"[{k}/{len(progress)}" for k in
                                                                 range(1, len(progress) + 1)]
    out = tmp_path / "out"
    ok = [r[0] for r in rows[:4]]
    reports = {}
    for name in ok:
        assert (out / f"{name}.html").is_file(), proc.stderr
        reports[name] = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert reports[name]["schema"] == "revdiff.report/1"
    assert reports["泰安-html"]["watch"] == ["版权", "商标"]  # the row's options reached the pair
    assert not (out / "broken.html").exists()
    assert "broken: FAILED" in proc.stderr and "--bogus" in proc.stderr

    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "zh-CN"
    ranked = [tr["data-name"] for tr in soup.select("tr.pair-row")]
    assert sorted(ranked) == sorted(ok)
    assert ranked == sorted(ok, key=lambda n: (rank(reports[n]), n))
    first = soup.select_one("tr.pair-row")
    assert first is not None and first["data-top"] == "high"
    assert first.select_one("a.report-link")["href"].endswith(".html")  # type: ignore[index]
    # the most severe pair of the seeds loses money: the index shows what was at stake
    row = soup.select_one('tr.pair-row[data-name="yantai-draft"]')
    assert row is not None and row.select_one(".money-items li[data-unit='万元']") is not None
    # per-unit amounts and caps are listed with their wording, never added up (issue 15)
    assert "每件" in row.select_one(".money-items").get_text()  # type: ignore[union-attr]
    assert row.select_one(".money-line") is None  # the seeds' pledges hold no lump sum
    money_card = soup.select_one(".card-money")
    assert money_card is not None and "1650" not in money_card.get_text() and "万元" not in money_card.get_text()
    assert row.select_one("li[data-kind='funding_removed'] .n").get_text() == str(  # type: ignore[union-attr]
        reports["yantai-draft"]["summary"]["findings"]["funding_removed"]
    )
    failed = {li["data-name"]: li.get_text(" ", strip=True) for li in soup.select("li.failed-pair")}
    assert set(failed) == {"broken", "bad-options"}
    assert "no-such-draft.txt" in failed["broken"]
    assert "找不到文件" in failed["broken"]  # the Chinese index says what failed in Chinese
    assert "--bogus" in failed["bad-options"]

    # English index on request
    proc = run("batch", str(manifest), "-o", "out-en", "--lang", "en", cwd=tmp_path)
    soup = BeautifulSoup((tmp_path / "out-en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "en"
    assert "Batch comparison" in soup.get_text()


def test_killed_batch_resumes_without_redoing_done_pairs(tmp_path: Path) -> None:
    rows = [
        ("taian-html", PAIRS / "taian-html-txt" / "draft.html", PAIRS / "taian-html-txt" / "final.txt", ""),
        ("weihai-pdf", PAIRS / "weihai-docx-pdf" / "draft.docx", PAIRS / "weihai-docx-pdf" / "final.pdf", ""),
        ("taian-pdf", PAIRS / "taian-txt-pdf" / "draft.txt", PAIRS / "taian-txt-pdf" / "final.pdf", ""),
        *seed_rows(),
    ]
    names = [r[0] for r in rows]
    manifest = write_manifest(tmp_path / "pairs.csv", rows)
    out = tmp_path / "out"
    state_file = out / ".revdiff-batch.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "revdiff", "batch", str(manifest), "-o", str(out), "-j", "1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    done: dict = {}
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                done = json.loads(state_file.read_text(encoding="utf-8"))["pairs"]
            except (OSError, ValueError, KeyError):
                done = {}
            if done:
                break
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker, half-way
        proc.wait()
    done = json.loads(state_file.read_text(encoding="utf-8"))["pairs"]
    assert done and len(done) < len(names), "the batch was not stopped half-way"
    assert not (out / "index.html").exists()
    mtimes = {n: (out / f"{n}.html").stat().st_mtime_ns for n in done}

    proc2 = run("batch", str(manifest), "-o", str(out), "-j", "2", cwd=tmp_path)
    assert proc2.returncode == 0, proc2.stderr
    for n in names:
        assert (out / f"{n}.html").is_file() and (out / f"{n}.json").is_file()
        if n in done:
            assert f"{n}: skipped" in proc2.stderr
            assert (out / f"{n}.html").stat().st_mtime_ns == mtimes[n]
        else:
            assert f"{n}: done" in proc2.stderr
    assert set(json.loads(state_file.read_text(encoding="utf-8"))["pairs"]) == set(names)
    assert f"{len(done)} skipped" in proc2.stderr

    # an edited option redoes that pair only; --force redoes them all
    rows[0] = (*rows[0][:3], "--watch 商标")
    write_manifest(manifest, rows)
    proc3 = run("batch", str(manifest), "-o", str(out), cwd=tmp_path)
    assert proc3.returncode == 0
    assert "taian-html: done" in proc3.stderr and f"{len(names) - 1} skipped" in proc3.stderr
    proc4 = run("batch", str(manifest), "-o", str(out), "--force", cwd=tmp_path)
    assert f"{len(names)} done, 0 skipped" in proc4.stderr


def test_manifest_cannot_reach_outside_its_folder_without_the_option(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("一、机密\n市财政给予每家企业50万元资助。\n", encoding="utf-8")
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "d.txt").write_text("一、公开\n市财政给予每家企业30万元资助。\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    (folder / "pairs.csv").write_text(
        f"name,draft,final\nup,d.txt,../secret.txt\nabs,d.txt,{secret}\nlink,d.txt,link.txt\n", encoding="utf-8")
    proc = run("batch", str(folder / "pairs.csv"), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("outside the manifest's folder") == 3
    assert not (tmp_path / "out" / "up.json").exists()
    proc = run("batch", str(folder / "pairs.csv"), "-o", str(tmp_path / "out"), "--allow-outside", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "out" / "up.json").read_text(encoding="utf-8"))["findings"]


def test_folder_manifest_and_manifest_errors(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "taian.draft.html").write_bytes((PAIRS / "taian-html-txt" / "draft.html").read_bytes())
    (folder / "taian.final.txt").write_bytes((PAIRS / "taian-html-txt" / "final.txt").read_bytes())
    (folder / "lonely.draft.txt").write_text("一、总则\n正文。\n", encoding="utf-8")
    proc = run("batch", str(folder), "-o", "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert (tmp_path / "out" / "taian.html").is_file()
    soup = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [li["data-name"] for li in soup.select("li.failed-pair")] == ["lonely"]

    bad = tmp_path / "bad.csv"
    bad.write_text("title,draft,final\nx,a.txt,b.txt\n", encoding="utf-8")
    proc = run("batch", str(bad), "-o", "out2", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "name,draft,final" in proc.stderr
    proc = run("batch", "missing.csv", "-o", "out3", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("revdiff: error: manifest missing.csv not found")


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids |= {int(k) for k in (task / "children").read_text().split()}
        except OSError:
            pass
    return kids


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_workers_die_with_a_killed_batch(tmp_path: Path) -> None:
    text = (ROOT / "samples" / "yantai-ip-strategy-draft.txt").read_text(encoding="utf-8") * 30
    folder = tmp_path / "pairs"
    folder.mkdir()
    for i in range(4):  # slow pairs, so the workers are busy when the batch is killed
        (folder / f"p{i}.draft.txt").write_text(text, encoding="utf-8")
        (folder / f"p{i}.final.txt").write_text(text.replace("2025", "2026"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "revdiff", "batch", str(folder), "-o", str(tmp_path / "out"),
                             "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the batch started its workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while time.monotonic() < deadline and alive:
        alive = {w for w in alive if Path(f"/proc/{w}").exists() and "Z" not in _state(w)}
        time.sleep(0.1)
    assert not alive, f"workers {alive} outlived the killed batch"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


_READ_ONLY = r"""
import errno, runpy, sys, tempfile
def mkstemp(*args, **kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")
tempfile.mkstemp = mkstemp  # as a read-only folder answers (root ignores chmod, so it is simulated)
sys.argv = ["revdiff", *sys.argv[1:]]
runpy.run_module("revdiff", run_name="__main__", alter_sys=True)
"""


def test_read_only_output_folder_is_one_clear_line(tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    folder.mkdir()
    text = (SAMPLES / "taian-ip-outline-draft.txt").read_text(encoding="utf-8")
    (folder / "a.draft.txt").write_text(text, encoding="utf-8")
    (folder / "a.final.txt").write_text(text.replace("2025", "2026"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _READ_ONLY, "batch", str(folder), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [f"revdiff: error: cannot write to output folder {tmp_path / 'out'}: "
                                        "Permission denied; choose a folder you can write to"]
