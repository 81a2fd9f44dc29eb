"""Start-up stays light: libraries are imported by the commands and formats that use them.

Checked in a fresh interpreter through the real CLI entry point (no timings: which modules got
imported is what decides start-up cost, and that does not vary with the machine's load).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, SAMPLES

HEAVY = ("pdfplumber", "pdfminer", "docx", "lxml", "bs4", "jieba", "charset_normalizer", "playwright", "tomllib",
         "markdown_it", "warcio")

PROBE = """
import json, sys
from revdiff.cli import main
sys.argv = ["revdiff", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def loaded_after(args: list[str], cwd: Path) -> set[str]:
    """Top-level modules imported by ``revdiff ARGS`` in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_help_imports_no_reader_renderer_or_matcher(tmp_path: Path) -> None:
    loaded = loaded_after(["--help"], tmp_path)
    assert "click" in loaded  # the probe really ran the CLI
    assert not loaded & {*HEAVY, "jinja2", "rapidfuzz", "opencc", "fast_diff_match_patch"}


def test_text_comparison_imports_no_other_format_library(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    loaded = loaded_after(["compare", str(SAMPLES / "yantai-ip-strategy-draft.txt"),
                           str(SAMPLES / "yantai-notice-official.txt"), "-o", str(out)], tmp_path)  # fmt: skip
    assert out.stat().st_size > 10_000  # the report was written
    assert "jinja2" in loaded
    assert not loaded & set(HEAVY)


@pytest.mark.parametrize("fixture, needed", [("sample.pdf", "pdfplumber"), ("sample.docx", "docx")])
def test_a_format_library_is_imported_when_that_format_is_read(tmp_path: Path, fixture: str, needed: str) -> None:
    loaded = loaded_after(["outline", str(FIXTURES / fixture)], tmp_path)
    assert needed in loaded
    assert "jieba" not in loaded and "playwright" not in loaded


def test_settings_file_brings_in_tomllib_only_when_present(tmp_path: Path) -> None:
    (tmp_path / "revdiff.toml").write_text('[compare]\nlang = "en"\n', encoding="utf-8")
    loaded = loaded_after(["outline", str(SAMPLES / "yantai-ip-strategy-draft.txt")], tmp_path)
    assert "tomllib" in loaded


LAW_RULE_MODULES = {f"revdiff.classify.{m}" for m in ("penalties", "timelimits", "thresholds", "references")}


def _revdiff_modules_after(args: list[str], cwd: Path) -> set[str]:
    probe = PROBE.replace('{m.split(".")[0] for m in sys.modules}', "set(sys.modules)")
    proc = subprocess.run([sys.executable, "-c", probe, json.dumps(args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {m for m in json.loads(proc.stdout.splitlines()[-1]) if m.startswith("revdiff")}


def test_the_rules_of_laws_are_imported_only_when_laws_are_compared(tmp_path: Path) -> None:
    # their regexes are many: a plan's comparison does not compile them
    plan = _revdiff_modules_after(["compare", str(SAMPLES / "yantai-ip-strategy-draft.txt"),
                                   str(SAMPLES / "yantai-notice-official.txt"), "-o", str(tmp_path / "p.json")],
                                  tmp_path)  # fmt: skip
    assert "revdiff.classify.funding" in plan and "revdiff.classify.titles" in plan  # the plan's rules ran
    assert not plan & LAW_RULE_MODULES
    laws = Path(__file__).parent / "laws"
    law = _revdiff_modules_after(["compare", str(laws / "statistics-law-2009.md"),
                                  str(laws / "statistics-law-2024.md"), "-o", str(tmp_path / "l.json")], tmp_path)
    assert LAW_RULE_MODULES <= law
