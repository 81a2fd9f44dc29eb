"""Make the copies people keep of the layout pairs, with the real tools that make them.

    python -m tests.layouts.make_copies [pair …]     # writes tests/layouts/copies/<pair>/

From the .docx and web pages of tests/layouts/fixtures (make_layouts.py), each side as:

- ``print.pdf``: the gov.html page printed to PDF by Chromium with the browser's header and
  footer (date and page title at the top of each page, URL and "1/3" at the foot);
- ``lo.html``: LibreOffice's HTML export of the .docx (``soffice --convert-to html``): Word's
  auto-numbered headings become <ol>/<li> without their 一、/（一）;
- ``pandoc.md``: pandoc's Markdown of the .docx (``pandoc -f docx -t markdown``);
- ``doc`` and ``odt``: the .docx saved by LibreOffice as Word 97 and as OpenDocument, and
  ``odt.pdf``, the PDF LibreOffice exports from that .odt;
- ``innertext.txt``: what a reader copies from Chromium's rendering of gov.html
  (``document.body.innerText``).

Committed: the text copies of every pair and boxes/*.odt; the PDFs and the rest of the .doc/.odt
are git-ignored (tests/layouts/copies/.gitignore) and made on demand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.layouts.make_layouts import OUT, PAIRS

COPIES_DIR = Path(__file__).resolve().parent / "copies"
KINDS = ["print.pdf", "lo.html", "pandoc.md", "doc", "odt", "odt.pdf", "innertext.txt"]
# A fixed date and address in the browser's furniture, as a saved page would carry its own.
PRINT_URL = "https://www.example.gov.cn/zwgk/zcwj/{name}/{side}.html"


def _soffice(args: list[str], outdir: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args,
                        "--outdir", str(outdir)], check=True, capture_output=True, timeout=300)


def _serve(body: bytes):  # type: ignore[no-untyped-def]
    return lambda route, _request: route.fulfill(body=body, content_type="text/html")


def _browser_copies(jobs: list[tuple[Path, Path, Path, str]]) -> None:
    """(gov.html, print.pdf, innertext.txt, url) for each side: one Chromium for all."""
    from playwright.sync_api import sync_playwright

    from tests.make_screenshot import launch

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        for html, pdf, text, url in jobs:
            # served at the address a reader saw (Chromium prints it at the foot), not file://
            page.route(url, _serve(html.read_bytes()))
            page.goto(url)
            text.write_text(page.evaluate("document.body.innerText"), encoding="utf-8")
            # Chromium's own header and footer (no templates given), in its default 1 cm margins
            page.pdf(path=str(pdf), format="A4", display_header_footer=True,
                     margin={side: "1cm" for side in ("top", "bottom", "left", "right")})
        browser.close()


def browser_copies(names: list[str], root: Path = COPIES_DIR) -> None:
    """Only the two copies Chromium makes (print.pdf, innertext.txt) of each pair in ``names``."""
    jobs = []
    for name in names:
        (root / name).mkdir(parents=True, exist_ok=True)
        for side in ("draft", "final"):
            jobs.append((OUT / name / f"{side}-gov.html", root / name / f"{side}.print.pdf",
                         root / name / f"{side}.innertext.txt", PRINT_URL.format(name=name, side=side)))
    _browser_copies(jobs)


def build(name: str, root: Path = COPIES_DIR) -> None:
    """Write every copy of pair ``name`` into ``root``/<name>/."""
    src = OUT / name
    out = root / name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for side in ("draft", "final"):
            shutil.copy(src / f"{side}.docx", work / f"{side}.docx")
            md = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", str(work / f"{side}.docx")],
                                check=True, capture_output=True, timeout=120).stdout
            (out / f"{side}.pandoc.md").write_bytes(md)
        docx = [str(work / f"{s}.docx") for s in ("draft", "final")]
        _soffice(["--convert-to", "html", *docx], work)
        _soffice(["--convert-to", "doc", *docx], work)
        _soffice(["--convert-to", "odt", *docx], work)
        odt = [str(work / f"{s}.odt") for s in ("draft", "final")]
        odt_pdf = work / "odtpdf"
        odt_pdf.mkdir()
        _soffice(["--convert-to", "pdf", *odt], odt_pdf)
        for side in ("draft", "final"):
            shutil.copy(work / f"{side}.html", out / f"{side}.lo.html")
            shutil.copy(work / f"{side}.doc", out / f"{side}.doc")
            shutil.copy(work / f"{side}.odt", out / f"{side}.odt")
            shutil.copy(odt_pdf / f"{side}.pdf", out / f"{side}.odt.pdf")
    browser_copies([name], root)


def main(argv: list[str]) -> int:
    for name in argv or list(PAIRS):
        build(name)
        print("wrote", COPIES_DIR / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
