"""Outputs never destroy an input and are never left half-written (docs/bad-input.md, "Outputs").

Each command is run through the real CLI in a subprocess on copies made in ``tmp_path``; the
input's bytes are compared before and after.  Atomic writes are checked by making the write
fail half-way (a full disk) inside the real CLI, run through ``runpy``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES
from .test_bad_input import assert_error, run_cli

DRAFT = SAMPLES / "taian-ip-outline-draft.txt"


def _copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    d = _copy(DRAFT, tmp_path / "draft.txt")
    text = DRAFT.read_text(encoding="utf-8").replace("征求意见稿", "")
    f = tmp_path / "final.txt"
    f.write_text(text.replace("2025年", "2026年"), encoding="utf-8")
    return d, f


@pytest.mark.parametrize("which", ["draft", "final"])
def test_compare_refuses_an_input_as_output(pair: tuple[Path, Path], which: str) -> None:
    d, f = pair
    victim = d if which == "draft" else f
    before = _digest(victim)
    proc = run_cli("compare", str(d), str(f), "-o", str(victim))
    assert_error(proc, "would destroy the input")
    assert _digest(victim) == before


def test_compare_refuses_a_link_to_an_input(pair: tuple[Path, Path], tmp_path: Path) -> None:
    d, f = pair
    (tmp_path / "sym.html").symlink_to(d)
    os.link(f, tmp_path / "hard.html")
    before = (_digest(d), _digest(f))
    for out in ("sym.html", "hard.html"):
        proc = run_cli("compare", str(d), str(f), "-o", str(tmp_path / out))
        assert_error(proc, "would destroy the input")
    # the same file reached by another spelling of its path
    (tmp_path / "sub").mkdir()
    proc = run_cli("compare", "draft.txt", "final.txt", "-o", "./sub/../final.txt", cwd=tmp_path)
    assert_error(proc, "would destroy the input")
    assert (_digest(d), _digest(f)) == before


def test_compare_of_versions_refuses_a_middle_version_as_output(pair: tuple[Path, Path], tmp_path: Path) -> None:
    d, f = pair
    mid = _copy(f, tmp_path / "mid.txt")
    before = _digest(mid)
    assert_error(run_cli("compare", str(d), str(mid), str(f), "-o", str(mid)), "would destroy the input")
    assert _digest(mid) == before


def test_ledger_refuses_its_input_as_output(pair: tuple[Path, Path]) -> None:
    d, _ = pair
    before = _digest(d)
    assert_error(run_cli("ledger", str(d), "-o", str(d)), "would destroy the input")
    assert _digest(d) == before


def test_batch_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    # an input named like a report (web.html) in the output folder: batch must not touch it
    web = _copy(DRAFT, tmp_path / "web.html")
    final = tmp_path / "final.txt"
    final.write_text(DRAFT.read_text(encoding="utf-8").replace("2025年", "2026年"), encoding="utf-8")
    (tmp_path / "m.csv").write_text("name,draft,final\nweb,final.txt,web.html\n", encoding="utf-8")
    before = _digest(web)
    proc = run_cli("batch", "m.csv", "-o", ".", cwd=tmp_path)
    assert_error(proc, "would destroy the input")
    assert _digest(web) == before
    assert not (tmp_path / "index.html").exists(), "nothing may be written before the check"


def test_different_output_is_written(pair: tuple[Path, Path], tmp_path: Path) -> None:
    d, f = pair
    proc = run_cli("compare", str(d), str(f), "-o", str(tmp_path / "report.json"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "report.json").read_text(encoding="utf-8").startswith("{")


_FULL_DISK = r"""
import errno, os, runpy, sys
def fsync(fd):
    raise OSError(errno.ENOSPC, "No space left on device")
os.fsync = fsync
sys.argv = ["revdiff", *sys.argv[1:]]
runpy.run_module("revdiff", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("command", ["compare", "ledger"])
def test_a_failed_write_keeps_the_previous_report(pair: tuple[Path, Path], tmp_path: Path, command: str) -> None:
    d, f = pair
    out = tmp_path / ("report.html" if command == "compare" else "ledger.csv")
    out.write_text("the previous good report", encoding="utf-8")
    args = [str(d), str(f)] if command == "compare" else [str(d)]
    proc = subprocess.run([sys.executable, "-c", _FULL_DISK, command, *args, "-o", str(out)],
                          capture_output=True, timeout=120)
    assert_error(proc, "No space left")
    assert out.read_text(encoding="utf-8") == "the previous good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["draft.txt", "final.txt", out.name]), \
        "the temporary file must be removed"


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    from revdiff.output import write_atomic

    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_write_atomic_writes_into_a_fifo_instead_of_replacing_it(tmp_path: Path) -> None:
    # -o /dev/null or /dev/stdout: a rename over a device would replace the device itself
    # (as root, /dev/null became a regular file); a FIFO stands in for them here
    import threading

    from revdiff.output import write_atomic

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "报告")
    reader.join(10)
    assert got == ["报告".encode()]
    assert fifo.is_fifo(), "the FIFO must still be a FIFO"


def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    from revdiff.output import write_atomic

    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "real.html"]


def test_cli_output_to_a_fifo_writes_through_it(pair: tuple[Path, Path], tmp_path: Path) -> None:
    # the command-line path of `-o /dev/null` / `-o /dev/stdout`, without risking the machine's
    # real /dev/null: a FIFO is a non-regular file just like them
    import threading

    d, f = pair
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    proc = run_cli("compare", str(d), str(f), "--format", "json", "-o", str(fifo))
    reader.join(30)
    assert proc.returncode == 0, proc.stderr
    assert got and got[0].startswith(b"{") and fifo.is_fifo()


def test_many_outputs_are_checked_against_every_input_the_way_one_is(tmp_path: Path) -> None:
    from revdiff.output import OutputError, refuse_input_as_output, refuse_inputs_as_outputs

    src = _copy(DRAFT, tmp_path / "draft.txt")
    other = _copy(DRAFT, tmp_path / "other.txt")  # same bytes, another file: no clash
    (tmp_path / "hard.html").hardlink_to(src)
    (tmp_path / "soft.html").symlink_to(src)
    (tmp_path / "sub").mkdir()
    inputs = [str(other), str(tmp_path / "sub" / ".." / "missing.txt"), str(src)]
    clashes = {
        tmp_path / "draft.txt": True,  # the input itself
        tmp_path / "hard.html": True,  # a hard link to it
        tmp_path / "soft.html": True,  # a symlink to it
        tmp_path / "missing.txt": True,  # neither exists, both paths resolve the same
        tmp_path / "report.html": False,
    }
    for out, clash in clashes.items():
        with pytest.raises(OutputError) if clash else _no_error():
            refuse_input_as_output(out, inputs)
        with pytest.raises(OutputError) if clash else _no_error():
            refuse_inputs_as_outputs([tmp_path / "report.json", out], inputs)
    with pytest.raises(OutputError, match="draft.txt"):
        refuse_inputs_as_outputs([tmp_path / "hard.html"], inputs)


def _no_error():  # noqa: ANN202
    import contextlib

    return contextlib.nullcontext()


def test_reports_reach_the_disk_before_the_state_records_them(
    pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report is fsynced on its own, except a batch worker's: the batch makes its reports
    durable together (os.sync) before the state file says their pairs are done."""
    from revdiff import batch
    from revdiff.output import write_atomic

    calls: list[str] = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    write_atomic(tmp_path / "one.html", "x")
    assert calls == ["fsync"]
    calls.clear()
    result = batch.run_pair(str(pair[0]), str(pair[1]), {}, "zh", outdir=str(tmp_path), name="p")
    assert result["ok"] and (tmp_path / "p.html").stat().st_size > 0 and calls == []
    batch.save_state(tmp_path, {"p": {"status": "done"}})
    assert calls[0] == "sync"  # the reports first, then the state's own write
