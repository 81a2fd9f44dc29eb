"""Time a 255-article law pair as a fresh process: ``python benchmarks/law_pair.py``.

The pair is built from the two real revisions in tests/laws: the draft strings together the
animal husbandry law of 2015 three times and the statistics law of 2009, the final the 2022
text three times and the statistics law of 2024, each copy with other words for its subject
(so copies differ) and every chapter and article renumbered in one sequence; both are cut at
255 articles.  Prints the median wall time of ``revdiff compare`` (JSON) over fresh processes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT / "tests" / "laws"
ARTICLES = 255
# each copy of a law speaks of another subject, so that copies are not identical articles
VARIANTS = [{}, {"畜禽": "家畜", "畜牧": "养殖", "统计": "普查"}, {"畜禽": "家禽", "农业农村": "农牧", "统计": "调查"}]
DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """n (1 ≤ n < 1000) in Chinese numerals as law numbers write them: 一百零五, 二百五十五."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


def law_text(sources: list[tuple[str, dict[str, str]]], limit: int = ARTICLES) -> str:
    """One long law from the chapters and articles of ``sources`` (file name, word swaps)."""
    out, chapter, article = ["某某法（基准测试）", ""], 0, 0
    for name, swaps in sources:
        for line in (LAWS / name).read_text(encoding="utf-8").splitlines():
            for a, b in swaps.items():
                line = line.replace(a, b)
            if m := re.match(r"^## 第.+?章\s*(.*)$", line):
                chapter += 1
                out += [f"第{cn(chapter)}章 {m.group(1)}", ""]
            elif m := re.match(r"^第.+?条\s*(.*)$", line):
                if article == limit:
                    return "\n".join(out) + "\n"
                article += 1
                out += [f"第{cn(article)}条 {m.group(1)}", ""]
            elif article and line.strip() and not line.startswith(("#", "<!--")):
                out += [line, ""]
    return "\n".join(out) + "\n"


def build(folder: Path) -> tuple[Path, Path]:
    """Write the draft and final of the pair into ``folder``."""
    draft = [("animal-husbandry-law-2015.md", v) for v in VARIANTS] + [("statistics-law-2009.md", {})]
    final = [("animal-husbandry-law-2022.md", v) for v in VARIANTS] + [("statistics-law-2024.md", {})]
    d, f = folder / "law-draft.txt", folder / "law-final.txt"
    d.write_text(law_text(draft), encoding="utf-8")
    f.write_text(law_text(final), encoding="utf-8")
    return d, f


def _child_cpu() -> float:
    """User + system CPU seconds of the finished child processes (steadier than wall time on a
    busy machine)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes to time (median printed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d, f = build(Path(tmp))
        cmd = [sys.executable, "-m", "revdiff", "compare", str(d), str(f), "--format", "json", "-o", str(Path(tmp) / "r.json")]
        subprocess.run(cmd, check=True, cwd=ROOT)  # warm-up: page cache and .pyc
        times, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), _child_cpu()
            subprocess.run(cmd, check=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
            cpu.append(_child_cpu() - c0)
        import json

        report = json.loads((Path(tmp) / "r.json").read_text(encoding="utf-8"))
        arts = report["summary"]["articles"]
        print(f"law pair: {sum(1 for r in report['article_map'] if r['draft'])} → "
              f"{sum(1 for r in report['article_map'] if r['final'])} articles, genre {report['genre']}, "
              f"articles {arts}")
        print(f"compare → JSON, fresh process: median {statistics.median(times):.3f} s wall "
              f"(min {min(times):.3f} s, max {max(times):.3f} s), median CPU {statistics.median(cpu):.3f} s, "
              f"{args.runs} runs; load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
