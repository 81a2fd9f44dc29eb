"""The 修改对照表 view in a real headless Chromium (the machinery of test_browser.py).

Screenshots go to tests/artifacts/ (git-ignored): table.png (the view on screen) and
table-print.png (its first printed page).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from law_report_factory import FINE_FINAL, make_law_report  # noqa: E402

from . import test_browser  # noqa: E402
from .test_browser import ARTIFACTS, _assert_clean, _write  # noqa: E402

# The Chromium of test_browser.py, shared: one browser per module, pages closed after each test.
browser = test_browser.browser
visit = test_browser.visit


@pytest.fixture(scope="module")
def law_page(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("law"), "law.html", make_law_report().to_html())


def test_table_view_loads_offline_and_is_photographed(visit, law_page):
    v = visit(law_page, height=1000)
    page = v.page
    page.click('nav a[href="#compare-table"]')
    assert v.in_viewport("#compare-table")
    # struck and underlined as the convention wants, whatever the colours
    assert page.eval_on_selector("#tbl-s12 .c-before del",
                                 "el => getComputedStyle(el).textDecorationLine") == "line-through"
    ins = page.eval_on_selector("#tbl-s12 .c-after ins",
                                "el => [getComputedStyle(el).textDecorationLine, getComputedStyle(el).fontWeight]")
    assert ins[0] == "underline" and int(ins[1]) >= 700
    assert page.inner_text("#tbl-s12 .c-after ins") == FINE_FINAL
    # the two text columns are side by side and equally wide
    before = page.eval_on_selector("#tbl-s12 .c-before", "el => el.getBoundingClientRect().toJSON()")
    after = page.eval_on_selector("#tbl-s12 .c-after", "el => el.getBoundingClientRect().toJSON()")
    assert after["left"] >= before["right"] - 1 and abs(after["width"] - before["width"]) < 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#compare-table").screenshot(path=str(ARTIFACTS / "table.png"))
    assert (ARTIFACTS / "table.png").stat().st_size > 10_000
    _assert_clean(v)


def test_folded_articles_open_on_click(visit, law_page):
    v = visit(law_page)
    page = v.page
    folded = page.locator("#compare-table tr.crow-unchanged").nth(1)
    assert not folded.locator(".folded").is_visible()
    folded.locator("summary").click()
    assert folded.locator(".folded").is_visible()
    assert "市公安机关是养犬管理的主管部门" in folded.locator(".folded").inner_text()
    _assert_clean(v)


def test_row_links_to_the_document_view(visit, law_page):
    v = visit(law_page)
    page = v.page
    page.click("#tbl-s12 a.to-doc")
    assert page.evaluate("location.hash") == "#sec-s12"
    assert v.in_viewport("#sec-s12")
    assert page.eval_on_selector("#sec-s12 > details", "d => d.open")
    _assert_clean(v)


def test_print_puts_the_table_on_landscape_pages(visit, law_page, tmp_path):
    import pdfplumber

    v = visit(law_page)
    page = v.page
    page.emulate_media(media="print")
    assert page.is_visible("#compare-table")
    assert page.is_visible("#tbl-s12")
    assert not page.is_visible("#tbl-s12 a.to-doc")
    assert page.is_visible("#sec-s12")  # the whole report prints (issue 15), the document view too
    pdf_path = tmp_path / "law.pdf"
    pdf_path.write_bytes(page.pdf(format="A4"))
    with pdfplumber.open(pdf_path) as pdf:
        wide = [p for p in pdf.pages if p.width > p.height]
        assert wide, "the 对照表 should print on landscape pages"
        assert all(p.width < p.height for p in pdf.pages[:1])  # the summary stays portrait
        text = "".join(wide[0].extract_text().split())
        assert "修改前修改后说明" in text and "第三章法律责任" in text
        wide[0].to_image(resolution=80).save(str(ARTIFACTS / "table-print.png"))
