"""Output paths are not trusted blindly (issue 15 item 6): an extension that contradicts the
format is refused, a terminal gets no markup page and no byte-order mark."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

DOC = str(SAMPLES / "taian-ip-outline-draft.txt")
OTHER = str(SAMPLES / "weihai-ip-demo-city-plan-2018.txt")


def run(*args: str, tty: bool = False) -> tuple[int, bytes, str]:
    """Run the CLI; with ``tty`` its standard output is a terminal (a pseudo-terminal)."""
    if not tty:
        proc = subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True, check=False)
        return proc.returncode, proc.stdout, proc.stderr.decode("utf-8")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "revdiff", *args], stdout=follower,
                              stderr=subprocess.PIPE, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return proc.returncode, b"".join(chunks), proc.stderr.decode("utf-8")


@pytest.mark.parametrize(("out", "fmt"), [("report.pdf", None), ("report.json", "html"), ("report.html", "md"),
                                          ("report.doc", "docx")])
def test_an_extension_that_contradicts_the_format_is_refused(tmp_path: Path, out: str, fmt: str | None) -> None:
    target = tmp_path / out
    code, _out, err = run("compare", DOC, OTHER, "-o", str(target), *(["--format", fmt] if fmt else []))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("revdiff: error: ") and out in err
    assert not target.exists()


def test_matching_and_bare_names_are_written(tmp_path: Path) -> None:
    assert run("compare", DOC, OTHER, "-o", str(tmp_path / "r.md"))[0] == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    assert run("compare", DOC, OTHER, "-o", str(tmp_path / "report"), "--format", "json")[0] == 0


def test_ledger_takes_its_format_from_the_extension_and_refuses_a_wrong_one(tmp_path: Path) -> None:
    assert run("ledger", DOC, "-o", str(tmp_path / "l.json"))[0] == 0
    assert (tmp_path / "l.json").read_text(encoding="utf-8").lstrip().startswith("{")
    code, _out, err = run("ledger", DOC, "-o", str(tmp_path / "l.csv"), "--format", "md")
    assert code == 2 and "l.csv" in err


def test_html_to_a_terminal_says_how_to_write_the_page() -> None:
    code, out, err = run("compare", DOC, OTHER, tty=True)
    assert code == 2 and b"<html" not in out
    assert len(err.strip().splitlines()) == 1 and "-o report.html" in err


def test_the_byte_order_mark_only_in_files(tmp_path: Path) -> None:
    code, out, _err = run("ledger", DOC, tty=True)
    assert code == 0 and out and not out.startswith(b"\xef\xbb\xbf")
    code, out, _err = run("ledger", DOC)  # a pipe or a redirect may go to a file Excel opens
    assert code == 0 and out.startswith(b"\xef\xbb\xbf")
    assert run("ledger", DOC, "-o", str(tmp_path / "l.csv"))[0] == 0
    assert (tmp_path / "l.csv").read_bytes().startswith(b"\xef\xbb\xbf")
