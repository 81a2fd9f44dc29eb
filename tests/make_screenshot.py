"""Regenerate docs/screenshot-report.png from the headline pair, in headless Chromium.

Usage (from the repository root)::

    python tests/make_screenshot.py            # writes docs/screenshot-report.png
    python tests/make_screenshot.py OUT.png --lang en --height 1500

It compares samples/yantai-ip-strategy-draft.txt with samples/yantai-notice-official.txt,
renders the HTML report and photographs the top of the page (header, summary, first key
changes).  The browser helpers here are shared with tests/test_browser.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "samples" / "yantai-ip-strategy-draft.txt"
FINAL = ROOT / "samples" / "yantai-notice-official.txt"
CHROMIUM = "/usr/bin/chromium"
# Debian's chromium in a container: no sandbox (no user namespaces), no GPU, and nothing that
# phones home, so the only network request a test can see is one the page itself made.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright: Any) -> Any:
    """Launch the system Chromium (never a downloaded one: ``playwright install`` is not used)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def compare_headline(relative: bool = True) -> Any:
    """The Report of the headline pair, through the real pipeline.

    Calls ``revdiff.pipeline.compare_paths``, which is what ``revdiff.compare`` does.  With
    ``relative`` the paths are given relative to the repository root (as a user would type
    them), which is what the report then shows.
    """
    sys.path.insert(0, str(ROOT))
    from revdiff.pipeline import compare_paths

    if not relative:
        return compare_paths(str(DRAFT), str(FINAL))
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare_paths(str(DRAFT.relative_to(ROOT)), str(FINAL.relative_to(ROOT)))
    finally:
        os.chdir(cwd)


def headline_html(lang: str = "zh") -> str:
    """The HTML report of the headline pair."""
    return compare_headline().to_html(lang=lang)


def screenshot_top(html_path: Path, out: Path, width: int = 1280, height: int = 1500, at: str = "") -> None:
    """Open ``html_path`` from file:// and save the top ``width``×``height`` pixels to ``out``
    (with ``at``, a CSS selector, the screen that starts at that element)."""
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(html_path.resolve().as_uri())
            if at:
                page.locator(at).first.scroll_into_view_if_needed()
                page.evaluate("s => document.querySelector(s).scrollIntoView({block: 'start'})", at)
            page.screenshot(path=str(out))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: render the headline pair and photograph it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshot-report.png"))
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--at", default="", help="CSS selector of the element the screen starts at")
    args = parser.parse_args(argv)
    html = headline_html(args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        screenshot_top(page, Path(args.out), args.width, args.height, args.at)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
