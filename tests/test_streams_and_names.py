"""Hostile streams, file names and pipes through the real CLI (docs/bad-input.md, second round).

Streams whose size says nothing (a device, a pipe, a FIFO nobody writes to) are read only up to
``--max-size``; any bytes in a file name are shown escaped; a name cannot inject Markdown; a
closed or broken standard output is an ordinary condition, not an internal error.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES
from .test_bad_input import assert_error, run_cli

DRAFT = SAMPLES / "taian-ip-outline-draft.txt"
GBK_NAME = os.fsdecode(b"\xb2\xe2\xca\xd4")  # 测试 in GBK: not UTF-8, arrives as lone surrogates


def test_device_with_no_end_is_refused_at_the_size_limit() -> None:
    # /dev/zero has size 0 and never ends: before the fix memory grew until the process was killed
    proc = run_cli("outline", "/dev/zero", "--max-size", "1")
    assert_error(proc, "larger than the limit of 1 MB")


def test_endless_pipe_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    # `revdiff outline <(yes …)`: a pipe that a writer keeps full
    cmd = (f"{sys.executable} -m revdiff outline <(while :; do echo 第一条 内容内容内容内容; done) --max-size 1")
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=60)
    assert_error(proc, "larger than the limit of 1 MB")


def test_fifo_with_no_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = run_cli("outline", str(fifo))  # run_cli's timeout (120 s) fails the test on a hang
    assert_error(proc, "file is empty")


def test_pipe_within_the_limit_is_read(tmp_path: Path) -> None:
    cmd = f"{sys.executable} -m revdiff outline --format json <(cat {DRAFT})"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["parts"][0]["sections"], "the piped document was parsed"


def _non_utf8_copy(tmp_path: Path) -> str:
    path = os.path.join(os.fsdecode(bytes(tmp_path)), GBK_NAME + ".txt")
    Path(path).write_bytes(DRAFT.read_bytes())
    return path


def test_file_name_that_is_not_utf8_is_compared_and_shown_escaped(tmp_path: Path) -> None:
    name = _non_utf8_copy(tmp_path)
    final = tmp_path / "final.txt"
    final.write_text(DRAFT.read_text(encoding="utf-8").replace("2025年", "2026年"), encoding="utf-8")
    out = tmp_path / "r.json"
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", os.fsencode(name), str(final), "-o", str(out)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["draft"]["source"].endswith("\\xb2\\xe2\\xca\\xd4.txt")
    html = tmp_path / "r.html"
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", os.fsencode(name), str(final), "-o", str(html)],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and html.stat().st_size > 1000


def test_missing_file_with_a_non_utf8_name_is_one_escaped_line(tmp_path: Path) -> None:
    missing = os.fsencode(str(tmp_path)) + b"/\xb2\xe2.txt"
    proc = subprocess.run([sys.executable, "-m", "revdiff", "outline", missing], capture_output=True, timeout=60)
    line = assert_error(proc, "no such file")
    assert "\\xb2\\xe2.txt" in line


def test_batch_over_a_folder_with_a_non_utf8_name(tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    folder.mkdir()
    stem = os.fsencode(str(folder)) + b"/\xb2\xe2\xca\xd4"
    Path(os.fsdecode(stem + b".draft.txt")).write_bytes(DRAFT.read_bytes())
    text = DRAFT.read_text(encoding="utf-8").replace("2025年", "2026年")
    Path(os.fsdecode(stem + b".final.txt")).write_text(text, encoding="utf-8")
    proc = run_cli("batch", str(folder), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "%b2%e2%ca%d4" in index  # the pair's name, its bytes as %xx
    assert (tmp_path / "out" / "%b2%e2%ca%d4.html").is_file()


def test_path_with_a_newline_gives_one_line(tmp_path: Path) -> None:
    proc = run_cli("outline", str(tmp_path / "a\nb.txt"))
    line = assert_error(proc, "no such file")
    assert "a\\nb.txt" in line


@pytest.mark.parametrize("command", ["compare", "ledger"])
def test_file_name_cannot_inject_markdown(tmp_path: Path, command: str) -> None:
    evil = tmp_path / "x\n# <img src=x onerror=alert(1)>`y.txt"
    evil.write_bytes(DRAFT.read_bytes())
    args = ["compare", str(evil), str(evil)] if command == "compare" else ["ledger", str(evil)]
    proc = run_cli(*args, "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout.decode("utf-8")
    assert not any(line.startswith("# <img") for line in md.splitlines()), "a name opened a heading"
    lines = [line for line in md.splitlines() if "onerror" in line]
    assert lines, "the name is shown"
    for line in lines:  # the name is inert: escaped, or inside one code span
        assert "\\<img" in line or re.search(r"`[^`]*<img[^`]*`", line), line


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    cmd = f"{sys.executable} -m revdiff compare {DRAFT} {DRAFT} --format json | true; echo ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=120)
    assert proc.stderr == b"", proc.stderr  # no "internal error", no traceback
    assert proc.stdout.strip() in (b"141", b"0")


def test_closed_stdout_is_one_clear_line() -> None:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "outline", str(DRAFT)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=60, close_fds=True,
                          preexec_fn=lambda: os.close(1))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "standard output is closed" in err and len(err.splitlines()) == 1, err


def test_manifest_field_over_the_csv_limit(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("name,draft,final\na," + "x" * 200_000 + ",b.txt\n", encoding="utf-8")
    proc = run_cli("batch", str(tmp_path / "m.csv"), "-o", str(tmp_path / "out"))
    assert_error(proc, "not valid CSV")


def test_the_default_size_limit_refuses_a_file_and_says_how_to_raise_it(tmp_path: Path) -> None:
    # a sparse file: 60 MB long, no disk used; past the default limit (50 MB) it is refused unread
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(60 * 1024 * 1024)
    proc = run_cli("outline", str(big))
    assert_error(proc, "larger than the limit of 50 MB; raise it with --max-size MB (for example --max-size 100)")
