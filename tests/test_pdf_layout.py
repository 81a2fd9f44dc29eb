"""PDF layout: two-column gazettes, paragraphs told by indentation, numbers wrapped in cells.

The documents are the invented test plan (tests/fixtures/make_fixtures.py) printed by
reportlab one way and the other; what is read must not depend on how it was printed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

import revdiff
from revdiff.readers.pdf import _clean_cell, _gutter

from .fixtures.build import plain_lines, write_pdf
from .fixtures.make_fixtures import SAMPLE


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("layout")
    (out / "source.txt").write_text("\n".join(plain_lines(SAMPLE)) + "\n", encoding="utf-8")
    return {
        "source": out / "source.txt",
        "one": write_pdf(SAMPLE, out / "one.pdf"),
        "two": write_pdf(SAMPLE, out / "two.pdf", columns=2),
        "justified": write_pdf(SAMPLE, out / "justified.pdf", justify=True),
        "justified-two": write_pdf(SAMPLE, out / "justified-two.pdf", columns=2, justify=True),
    }


def _gutters(path: Path) -> list[tuple[float, float] | None]:
    with pdfplumber.open(path) as pdf:
        return [
            _gutter([ln for ln in page.extract_text_lines(return_chars=True) if ln["chars"]], float(page.width))
            for page in pdf.pages
        ]


def _headings(path: Path) -> list[tuple[str, str]]:
    doc = revdiff.outline(str(path))
    return [(n.number, n.title) for p in doc.parts for n in p.nodes()]


def test_gutter_found_on_two_column_pages_only(printed: dict[str, Path]) -> None:
    assert all(g is None for g in _gutters(printed["one"]))
    two = _gutters(printed["two"])
    assert two[0] is not None and sum(g is not None for g in two) >= 2
    for g in two:
        if g is not None:  # the band between the frames of write_pdf (x 289–312 pt on A4)
            assert 280 < g[0] < g[1] < 320


def test_two_columns_read_in_the_same_order_as_one(printed: dict[str, Path]) -> None:
    one, two = _headings(printed["one"]), _headings(printed["two"])
    assert len(one) > 20
    assert two == one


def test_two_column_print_compares_as_unchanged(printed: dict[str, Path]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "revdiff", "compare", str(printed["one"]), str(printed["two"]), "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["findings"] == []
    assert {s["status"] for s in report["sections"]} == {"unchanged"}


def test_heading_that_fills_a_narrow_line_is_not_joined_to_the_next_paragraph(printed: dict[str, Path]) -> None:
    # in the 15-character columns, "（三）建设新型数字基础设施" reaches the column edge; the
    # paragraph after it starts indented, so it is a new paragraph, not the heading's rest
    titles = [t for _, t in _headings(printed["two"])]
    assert "建设新型数字基础设施" in titles


@pytest.mark.parametrize("layout", ["one", "two", "justified", "justified-two"])
def test_paragraphs_are_rebuilt_as_the_source_has_them(printed: dict[str, Path], layout: str) -> None:
    # every printed line is a block; joining them must give back the source's paragraphs:
    # per section, the same text and the same paragraph breaks, whatever the layout
    def paragraphs(path: Path) -> list[tuple[str, list[str]]]:
        doc = revdiff.outline(str(path))
        return [(n.title, [p.replace(" ", "") for p in n.text.split("\n")]) for part in doc.parts for n in part.nodes()]

    source, pdf = paragraphs(printed["source"]), paragraphs(printed[layout])
    assert sum(len(p) for _, p in source) > 20
    assert pdf == source


@pytest.mark.parametrize(
    "cell, text",
    [
        ("146\n0", "1460"),  # a number wrapped by a narrow cell
        ("≥8\n5", "≥85"),
        ("10.\n34", "10.34"),
        ("52\n%", "52%"),
        ("知识产\n权保护", "知识产权保护"),  # Chinese joins directly
        ("Produced\nBy", "Produced By"),  # words keep their space
        ("2025年\n目标值", "2025年目标值"),
    ],
)
def test_cell_lines_joined(cell: str, text: str) -> None:
    assert _clean_cell(cell) == text
