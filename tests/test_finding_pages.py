"""Findings on a PDF side cite the page as well as the line, in every output."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

PAIR = Path(__file__).resolve().parent / "pairs" / "weihai-docx-pdf"  # a .docx draft, a .pdf final


def revdiff(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(PAIR / "draft.docx"),
                           str(PAIR / "final.pdf"), *args], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    return json.loads(revdiff("--format", "json"))["findings"]


def test_pdf_side_has_pages_and_docx_side_has_none(findings: list[dict]) -> None:
    assert findings
    assert all("draft_page" not in f for f in findings)  # the .docx has no pages to cite
    cited = [f for f in findings if f["final_line"]]
    assert cited and all(isinstance(f.get("final_page"), int) for f in cited)


def test_the_cited_page_holds_the_sentence(findings: list[dict]) -> None:
    with pdfplumber.open(PAIR / "final.pdf") as pdf:
        pages = [re.sub(r"\s", "", p.extract_text() or "") for p in pdf.pages]
    checked = 0
    for f in findings:
        if f["final_text"] and f.get("final_page"):
            # a table row is cited as "cell | cell"; a sentence may run on to the next page
            head = re.sub(r"[\s|]", "", f["final_text"])[:10]
            assert head in pages[f["final_page"] - 1], (f["id"], f["final_page"], head)
            checked += 1
    assert checked >= 5


def test_markdown_and_csv_cite_the_page(findings: list[dict]) -> None:
    md = revdiff("--format", "md")
    first = next(f for f in findings if f.get("final_page"))
    assert f"第 {first['final_line']} 行 · 第 {first['final_page']} 页" in md
    # a .docx is cited by paragraph, which is what its "line" numbers count
    assert f"第 {first['draft_line']} 段" in md and f"第 {first['draft_line']} 行" not in md
    html = revdiff("--format", "html")
    assert f"第 {first['draft_line']} 段" in html and f"第 {first['final_line']} 行 · 第 {first['final_page']} 页" in html
    rows = list(csv.DictReader(io.StringIO(revdiff("--format", "csv").lstrip("\ufeff"))))
    assert [r["final_page"] for r in rows] == [str(f.get("final_page") or "") for f in findings]


def test_ledger_of_a_pdf_cites_pages() -> None:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "ledger", str(PAIR / "final.pdf"), "--format", "json"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)["entries"]
    assert entries and all(isinstance(e["page"], int) for e in entries)
    with pdfplumber.open(PAIR / "final.pdf") as pdf:
        pages = [re.sub(r"\s", "", p.extract_text() or "") for p in pdf.pages]
    for e in entries:  # the cited line may be where the value stands, after a page break
        text = re.sub(r"[\s|]", "", e["text"])
        assert any(text[i : i + 8] in pages[e["page"] - 1] for i in range(max(1, len(text) - 7))), e


def test_versions_cite_pages_of_pdf_versions() -> None:
    proc = subprocess.run([sys.executable, "-m", "revdiff", "compare", str(PAIR / "draft.docx"), str(PAIR / "final.pdf"),
                           str(PAIR / "final.pdf"), "--format", "json"], capture_output=True, text=True, timeout=180)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    tracks = json.loads(proc.stdout)["tracks"]
    states = [s for t in tracks for s in t["states"] if s["present"]]
    assert any(s["version"] == 1 for s in states) and all("page" not in s for s in states if s["version"] == 1)
    pdf_states = [s for s in states if s["version"] > 1]
    assert pdf_states and all(isinstance(s.get("page"), int) for s in pdf_states)
