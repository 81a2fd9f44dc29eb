"""Time the readers of issue 17: .doc by LibreOffice, .ofd, and OCR of a scanned PDF, per page.

    python benchmarks/formats.py [--runs 3]

Inputs are the committed fixture ``tests/fixtures/sample.docx`` / ``sample.pdf`` (3 A4 pages):
the .doc is LibreOffice's save of the .docx, the .ofd is written by ``tests/fixtures/ofd_writer``
from the same spec, and the scan is ``sample.pdf`` rasterised at 200 dpi (pdftoppm, grey) and
wrapped back into a PDF (img2pdf).  Each figure is the median of ``--runs`` in-process reads
(``revdiff.readers.read``); OCR is also timed page by page, in wall-clock seconds and in CPU
seconds (this process and the Tesseract runs it waits for: the figure that does not grow when
other work shares the machine).  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (Tesseract), user + system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from revdiff.readers import ocr, read
    from tests.fixtures.make_fixtures import SAMPLE
    from tests.fixtures.ofd_writer import write_ofd

    fixtures = ROOT / "tests" / "fixtures"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(tmp), str(fixtures / "sample.docx")],
                       capture_output=True, check=True, timeout=300)  # fmt: skip
        ofd = write_ofd(SAMPLE, tmp / "sample.ofd")
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(fixtures / "sample.pdf"), str(tmp / "p")],
                       check=True)  # fmt: skip
        scan = tmp / "scan.pdf"
        subprocess.run(["img2pdf", *sorted(str(p) for p in tmp.glob("p-*.png")), "-o", str(scan)], check=True)
        rows = [
            (".docx (reference)", "—", _median(lambda: read(str(fixtures / "sample.docx")), args.runs)),
            (".doc via LibreOffice", "—", _median(lambda: read(str(tmp / "sample.doc")), args.runs)),
            (".ofd", 4, _median(lambda: read(str(ofd)), args.runs)),
            (".pdf text layer (reference)", 3, _median(lambda: read(str(fixtures / "sample.pdf")), args.runs)),
            (".pdf scanned, 200 dpi, OCR", 3, _median(lambda: read(str(scan)), args.runs)),
        ]
        data = scan.read_bytes()
        per_page = [_median(lambda n=n: ocr.recognise(data, [n], "scan.pdf"), args.runs) for n in (1, 2, 3)]
        cpu_per_page = []
        for n in (1, 2, 3):
            start = _cpu_seconds()
            ocr.recognise(data, [n], "scan.pdf")
            cpu_per_page.append(_cpu_seconds() - start)
    print("| input | pages | read (median s) |")
    print("|---|---|---|")
    for name, pages, seconds in rows:
        print(f"| {name} | {pages} | {seconds:.2f} |")
    print()
    print("OCR per page (render + Tesseract chi_sim, median s): " + ", ".join(f"{t:.2f}" for t in per_page))
    print("OCR per page, CPU s (one run): " + ", ".join(f"{t:.2f}" for t in cpu_per_page))


if __name__ == "__main__":
    main()
