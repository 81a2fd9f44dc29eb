"""Benchmark revdiff (issues 6 and 16): headline pair, baselines, per-stage costs, a size ladder,
batch throughput, a law pair and one very large pair.

    python benchmarks/run.py                      # full run, writes benchmarks/RESULTS.md
    python benchmarks/run.py --runs 7 --sizes 50000,200000
    python benchmarks/run.py --quick              # CI smoke: smallest size, 1 run, no RESULTS.md

What is measured, in one run and on the same inputs:

* revdiff on the headline pair (samples/yantai-ip-strategy-draft.txt → yantai-notice-official.txt)
  to HTML and to JSON as a cold process (wall time, peak RSS of the child via ``os.wait4``);
* the same pair through ``difflib.HtmlDiff().make_file`` on lines (a ``python -c`` process) and
  ``git diff --no-index --word-diff`` (LC_ALL=C.UTF-8), and revdiff's ratio to each;
* ``revdiff --help`` as a cold process;
* ``python -c pass`` and ``python -c "import click, jinja2"``: the floor any Python CLI that
  renders HTML with these libraries pays before doing any work;
* per-stage times in-process (read, clean, parse, select, align, diff, classify, render), by
  timing the functions the real ``revdiff.comparison.build_report`` calls, warm (median of passes)
  and cold (the first pass in fresh processes, with the CLI import);
* a size ladder of long pairs from ``benchmarks/generate.py`` (HTML and JSON, cold process),
  the growth exponents and the 250 K → 1 M time ratio;
* one profile (pyinstrument if installed, else cProfile) of the biggest size that finished;
* (issue 16; not with ``--quick``) the fixed cost of a compare (two one-line files), ``revdiff
  batch -j 2`` on 40 copies of the headline pair (pairs per second), the 255-article law pair of
  ``law_pair.py`` and, once, ``--big-mb`` MB per side (wall, CPU, peak RSS).

Every timing is the median of ``--runs`` runs, except at ladder sizes whose first run took more
than ``--slow`` seconds (then 1 run), and at sizes whose HTML run took more than ``--long``
seconds the JSON run and the extra stage pass are skipped, to keep the whole run near 10 minutes
on 2 cores. A ladder process that exceeds ``--timeout`` is stopped and reported as a lower bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "samples"
DRAFT = SAMPLES / "yantai-ip-strategy-draft.txt"
FINAL = SAMPLES / "yantai-notice-official.txt"
RESULTS = HERE / "RESULTS.md"
DEFAULT_SIZES = "30000,250000,500000,1000000,2000000"
ANALYSIS_START, ANALYSIS_END = "<!-- analysis -->", "<!-- /analysis -->"
BATCH_PAIRS = 40  # headline pairs in the batch measurement

sys.path.insert(0, str(HERE))


# ---------------------------------------------------------------------------- processes


@dataclass
class Proc:
    """Timings of one command over several runs."""

    label: str
    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # bytes
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the command
    timed_out: bool = False
    skipped: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else math.nan

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else math.nan

    @property
    def peak(self) -> int:
        return max(self.rss) if self.rss else 0


GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_once(cmd: list[str], timeout: float, env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,),
             stdout: Path | None = None) -> tuple[float, int, float, bool]:  # fmt: skip
    """Run ``cmd``; returns (wall s, peak RSS bytes, CPU s (user + system), timed out).

    Peak RSS comes from GNU ``/usr/bin/time -f %M`` when present: ``os.wait4`` on a child forked
    from this Python process would report at least this process's own RSS (the fork image).
    """
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".rss") as rssf:
        full = [GNU_TIME, "-f", "%M %U %S", "-o", rssf.name, *cmd] if GNU_TIME else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err, env=env, cwd=ROOT, start_new_session=True)
        killed = threading.Event()

        def stop() -> None:
            killed.set()
            try:  # kill the measured command first, so that GNU time still reports its peak RSS
                kids = Path(f"/proc/{p.pid}/task/{p.pid}/children").read_text().split() if GNU_TIME else []
                for kid in kids:
                    os.kill(int(kid), signal.SIGKILL)
                if not kids:
                    os.killpg(p.pid, signal.SIGKILL)
            except (OSError, ValueError):
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

        timer = threading.Timer(timeout, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if stdout:
            out.close()
        rss = usage.ru_maxrss * 1024
        cpu = usage.ru_utime + usage.ru_stime
        if GNU_TIME:
            nums = re.findall(r"^(\d+) ([\d.]+) ([\d.]+)$", Path(rssf.name).read_text(), re.M)
            if nums:
                rss, cpu = int(nums[-1][0]) * 1024, float(nums[-1][1]) + float(nums[-1][2])
        if killed.is_set():
            return wall, rss, cpu, True
        if p.returncode not in ok:
            err.seek(0)
            msg = err.read().decode("utf-8", "replace").strip()[-2000:]
            raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {msg}")
    return wall, rss, cpu, False


def measure(
    label: str, cmd: list[str], runs: int, timeout: float = 600, slow: float | None = None, **kw: object
) -> Proc:
    """Median of ``runs`` runs (1 run when the first took longer than ``slow`` seconds)."""
    pr = Proc(label)
    for i in range(runs):
        wall, rss, cpu, timed_out = run_once(cmd, timeout, **kw)  # type: ignore[arg-type]
        pr.rss.append(rss)
        pr.cpu.append(cpu)
        if timed_out:
            pr.timed_out = True
            pr.times = [wall]
            break
        pr.times.append(wall)
        if i == 0 and slow is not None and wall > slow:
            break
    print(
        f"  {label}: {fmt_t(pr)} (n={len(pr.times)}, CPU {fmt_s(pr.cpu_median)}, peak RSS {mb(pr.peak)})",
        flush=True,
    )
    return pr


def revdiff_cmd() -> list[str]:
    """The ``revdiff`` console script of this interpreter, as a user's shell would run it.

    Taken from the interpreter's own scripts directory, not from PATH: a version manager's
    shim found first on PATH (pyenv's is a bash script) adds ~70 ms that difflib, run as
    ``sys.executable -c``, would not pay.
    """
    exe = Path(sysconfig.get_path("scripts")) / "revdiff"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "revdiff"]


DIFFLIB = (
    "import difflib,sys\n"
    "a=open(sys.argv[1],encoding='utf-8').read().splitlines()\n"
    "b=open(sys.argv[2],encoding='utf-8').read().splitlines()\n"
    "open(sys.argv[3],'w',encoding='utf-8').write(difflib.HtmlDiff().make_file(a,b))\n"
)


# ---------------------------------------------------------------------------- stages in-process

STAGES = [
    "read",
    "clean",
    "parse",
    "select",
    "align",
    "diff",
    "classify",
    "report_other",
    "render_html",
    "render_json",
]
# names that revdiff.comparison.build_report calls, by stage; wrapped with timers while it runs
WRAP = {
    "select_parts": "select",
    "compared_view": "select",
    "align": "align",
    "diff_texts": "diff",
    "is_formatting_only": "diff",
    "classify": "classify",
}


def stage_times(draft: Path, final: Path) -> tuple[dict[str, float], dict[str, int]]:
    """One in-process pass over the pipeline, timing each stage.

    read/clean/parse are called as revdiff.pipeline.load_document does; the comparison runs the
    real ``revdiff.comparison.build_report`` with the functions it calls (select_parts, align,
    diff_texts, classify, ...) wrapped in timers, so the stage split follows the code as it is.
    ``report_other`` is what build_report spends outside those calls (pairs, Report).
    Returns (seconds per stage, counts such as sections and aligned pairs).
    """
    from revdiff.clean import clean
    from revdiff.readers import DEFAULT_MAX_BYTES, read
    from revdiff.render import render
    from revdiff.structure import parse

    try:  # the module that holds build_report (revdiff.compare is the public function)
        cmp = importlib.import_module("revdiff.comparison")
    except ImportError:
        cmp = importlib.import_module("revdiff.compare")
    t: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter

    c = clock()
    raws = [read(str(draft), DEFAULT_MAX_BYTES), read(str(final), DEFAULT_MAX_BYTES)]
    t["read"] = clock() - c
    c = clock()
    raws = [clean(r) for r in raws]
    t["clean"] = clock() - c
    c = clock()
    d, f = (parse(r) for r in raws)
    t["parse"] = clock() - c

    originals = {name: getattr(cmp, name) for name in WRAP if hasattr(cmp, name)}

    def timed(name: str, fn):  # noqa: ANN001, ANN202
        def wrapper(*a, **k):  # noqa: ANN002, ANN003, ANN202
            c0 = clock()
            try:
                return fn(*a, **k)
            finally:
                t[WRAP[name]] += clock() - c0

        return wrapper

    for name, fn in originals.items():
        setattr(cmp, name, timed(name, fn))
    # the alignment is the genre's own (build_report calls genres.get(…).align)
    import dataclasses

    from revdiff import genres

    get_genre = genres.get
    genres.get = lambda name: dataclasses.replace(get_genre(name), align=timed("align", get_genre(name).align))  # type: ignore[assignment]
    try:
        c = clock()
        report = cmp.build_report(d, f)
        whole = clock() - c
    finally:
        genres.get = get_genre  # type: ignore[assignment]
        for name, fn in originals.items():
            setattr(cmp, name, fn)
    t["report_other"] = max(0.0, whole - sum(t[s] for s in set(WRAP.values())))

    c = clock()
    render(report, "html")
    t["render_html"] = clock() - c
    c = clock()
    render(report, "json")
    t["render_json"] = clock() - c
    counts = {
        "draft_nodes": sum(1 for p in report.sections if p.draft),
        "final_nodes": sum(1 for p in report.sections if p.final),
        "pairs": len(report.sections),
        "findings": len(report.findings),
    }
    return t, counts


def stage_peaks(draft: Path, final: Path) -> dict[str, int]:
    """Peak Python allocation (tracemalloc) of a whole in-process pass, per stage boundary."""
    tracemalloc.start()
    try:
        stage_times(draft, final)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"all": peak}


def build_report_time(draft: Path, final: Path) -> float:
    """The library's own load + build_report + render(html), for checking the stage mirror."""
    from revdiff.pipeline import compare_paths
    from revdiff.render import render

    c = time.perf_counter()
    render(compare_paths(str(draft), str(final)), "html")
    return time.perf_counter() - c


def cold_stages_child() -> int:
    """In a fresh process: time importing the CLI, then one pass of every stage (cold).

    The first pass pays for what a real run pays once: importing each stage's libraries,
    compiling regexes, loading templates. Prints one JSON object (milliseconds).
    """
    c = time.perf_counter()
    importlib.import_module("revdiff.cli")
    imported = time.perf_counter() - c
    t, _ = stage_times(DRAFT, FINAL)
    print(json.dumps({"import revdiff.cli": imported * 1000, **{k: v * 1000 for k, v in t.items()}}))
    return 0


def cold_stage_times(runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median over ``runs`` fresh processes of ``cold_stages_child``'s figures (ms)."""
    per: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--cold-stages"], env=env, capture_output=True,
                             text=True, check=True, cwd=ROOT).stdout  # fmt: skip
        for k, v in json.loads(out.splitlines()[-1]).items():
            per.setdefault(k, []).append(v)
    return {k: statistics.median(v) for k, v in per.items()}


# ---------------------------------------------------------------------------- profile


def profile(draft: Path, final: Path, top: int) -> tuple[str, str, dict[str, float], dict[str, int]]:
    """Profile one in-process pass; returns (tool, text of the top entries, stage times, counts)."""
    try:
        from pyinstrument import Profiler
        from pyinstrument.renderers import ConsoleRenderer
    except ImportError:
        Profiler = None  # noqa: N806
    if Profiler is not None:
        prof = Profiler(interval=0.005)
        prof.start()
        times, counts = stage_times(draft, final)
        prof.stop()
        tree = prof.output(ConsoleRenderer(unicode=False, color=False, show_all=False,
                                           processor_options={"filter_threshold": 0.01}))  # fmt: skip
        tree_lines = [
            ln
            for ln in tree.splitlines()
            if ln.strip() and not ln.lstrip().startswith(("_", "Recorded", "Program"))
        ]
        return (
            "pyinstrument (sampling every 5 ms; call tree of the frames with ≥ 1 % of the run, seconds)",
            "\n".join(tree_lines[: top * 3]),
            times,
            counts,
        )
    import cProfile
    import io
    import pstats

    pr = cProfile.Profile()
    pr.enable()
    times, counts = stage_times(draft, final)
    pr.disable()
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(top)
    s2 = io.StringIO()
    pstats.Stats(pr, stream=s2).sort_stats("cumulative").print_stats(top)

    def keep(text: str) -> str:
        return "\n".join(ln for ln in text.splitlines() if re.match(r"^\s*[\d/]+\s", ln) or "ncalls" in ln)

    return (
        "cProfile (deterministic; tottime, then cumulative)",
        keep(s.getvalue()) + "\n\n" + keep(s2.getvalue()),
        times,
        counts,
    )


# ---------------------------------------------------------------------------- formatting


def fmt_s(x: float) -> str:
    if math.isnan(x):
        return "–"
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def fmt_t(p: Proc) -> str:
    if p.skipped:
        return f"skipped ({p.skipped})"
    if p.timed_out:
        return f"> {p.times[0]:.0f} s (stopped)"
    return fmt_s(p.median)


def mb(b: int) -> str:
    return f"{b / 2**20:.0f} MB" if b else "–"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = "?"
    import revdiff

    try:
        mem = next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
        mem = f"{int(mem.split()[1]) / 2**20:.1f} GB"
    except (OSError, StopIteration, ValueError):
        mem = "?"
    try:
        load = " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "?"
    return {
        "load": load,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
        if shutil.which("nproc")
        else "?",
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "os": platform.platform(),
        "revdiff": f"{revdiff.__version__} (git {commit}, working tree as checked out)",
    }


def machine_load() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def slope(n1: float, t1: float, n2: float, t2: float) -> float:
    return math.log(t2 / t1) / math.log(n2 / n1)


def loglog_fit(points: list[tuple[float, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else math.nan


# ---------------------------------------------------------------------------- main


def budgets(work: Path, rd: list[str], env: dict[str, str], runs: int, big_mb: int,
            timeout: float) -> dict[str, Proc | int | float]:
    """The other figures of issue 16, each a cold process: the fixed cost of a compare (two
    one-line files), ``revdiff batch -j 2`` on BATCH_PAIRS copies of the headline pair, the
    255-article law pair of ``law_pair.py`` and, once, ``big_mb`` MB per side (0: skipped)."""
    import law_pair

    out: dict[str, Proc | int | float] = {}
    tiny_d, tiny_f = work / "tiny-draft.txt", work / "tiny-final.txt"
    tiny_d.write_text("一、总体要求\n到2025年，建成10个示范区。\n", encoding="utf-8")
    tiny_f.write_text("一、总体要求\n到2025年，建成8个示范区。\n", encoding="utf-8")
    batch_dir = work / "batch"
    batch_dir.mkdir()
    for i in range(BATCH_PAIRS):
        (batch_dir / f"p{i:02d}.draft.txt").symlink_to(DRAFT)
        (batch_dir / f"p{i:02d}.final.txt").symlink_to(FINAL)
    ld, lf = law_pair.build(work)
    cmds = {
        "fixed": rd + ["compare", str(tiny_d), str(tiny_f), "-o", str(work / "tiny.html")],
        "batch": rd + ["batch", str(batch_dir), "-o", str(work / "batch-out"), "-j", "2", "--force"],
        "law": rd + ["compare", str(ld), str(lf), "-o", str(work / "law.html")],
    }
    procs = {k: Proc(k) for k in cmds}
    for cmd in cmds.values():  # warm-up, not counted
        run_once(cmd, 120, env=env)
    for _ in range(runs):
        for k, cmd in cmds.items():
            wall, rss, cpu, _ = run_once(cmd, 120, env=env)
            procs[k].times.append(wall)
            procs[k].cpu.append(cpu)
            procs[k].rss.append(rss)
    out.update(procs)
    if big_mb:
        from generate import generate_pair

        dtext, ftext = generate_pair(big_mb * 1024 * 1024 // 3)  # ~3 UTF-8 bytes a character
        bd, bf = work / "big-draft.txt", work / "big-final.txt"
        bd.write_text(dtext, encoding="utf-8")
        bf.write_text(ftext, encoding="utf-8")
        out["big_bytes"] = max(bd.stat().st_size, bf.stat().st_size)
        out["big_total"] = bd.stat().st_size + bf.stat().st_size
        out["big_chars"] = max(len(dtext), len(ftext))
        big = Proc("big")
        wall, rss, cpu, timed_out = run_once(rd + ["compare", str(bd), str(bf), "--max-size", str(2 * big_mb),
                                                   "-o", str(work / "big.html")], timeout, env=env)
        big.times.append(wall)
        big.cpu.append(cpu)
        big.rss.append(rss)
        big.timed_out = timed_out
        out["big"] = big
    for k, v in out.items():
        if isinstance(v, Proc):
            print(f"  {k}: {fmt_t(v)} (CPU {fmt_s(v.cpu_median)}, peak RSS {mb(v.peak)})", flush=True)
    return out


def budgets_md(b: dict[str, Proc | int | float], head: dict[str, Proc], ladder: list[dict[str, object]]) -> list[str]:
    """The issue 16 criteria table: cold ratio, CPU exponent less the fixed cost, 10 MB, batch, law."""
    L: list[str] = []  # noqa: N806
    a = L.append
    fixed: Proc = b["fixed"]  # type: ignore[assignment]
    batch: Proc = b["batch"]  # type: ignore[assignment]
    law: Proc = b["law"]  # type: ignore[assignment]
    dl = head["difflib"]
    ratio = head["html"].median / dl.median
    pts = [(statistics.fmean(r["chars"]), r["html"].cpu_median - fixed.cpu_median)  # type: ignore[arg-type,union-attr]
           for r in ladder if r["html"].cpu and not r["html"].timed_out]  # type: ignore[union-attr]
    pts = [(n, c) for n, c in pts if c > 0]
    exp = loglog_fit(pts) if len(pts) >= 2 else math.nan
    rate = BATCH_PAIRS / batch.median
    a("## Done-when criteria (issue 16)")
    a("")
    a("| criterion | figure | result |")
    a("|---|---|---|")
    a(f"| headline pair to HTML, cold: ratio to `difflib.HtmlDiff` ≤ 1.6 | {ratio:.2f} wall "
      f"({fmt_s(head['html'].median)} / {fmt_s(dl.median)}); CPU {head['html'].cpu_median / dl.cpu_median:.2f} | "
      f"{'PASS' if ratio <= 1.6 else 'FAIL'} |")  # fmt: skip
    sizes = f"{min(n for n, _ in pts) / 1e6:.2f} M → {max(n for n, _ in pts) / 1e6:.2f} M" if pts else "–"
    a(f"| CPU exponent over the ladder ({sizes} characters), HTML, less the fixed cost "
      f"({fmt_s(fixed.cpu_median)} CPU: a compare of two one-line files) ≤ 1.05 | {exp:.2f} | "
      f"{'PASS' if exp <= 1.05 else 'FAIL'} |")  # fmt: skip
    big = b.get("big")
    if isinstance(big, Proc):
        mbytes = int(b["big_bytes"]) / 2**20
        ok = not big.timed_out and big.median <= 60 and big.peak <= 2 * 2**30
        a(f"| {mbytes:.1f} MB per side ({int(b['big_chars']):,} characters), HTML, one cold run: ≤ 60 s and ≤ 2 GB | "
          f"{'> ' if big.timed_out else ''}{fmt_s(big.median)} wall, CPU {fmt_s(big.cpu_median)}, peak RSS "
          f"{mb(big.peak)} | {'PASS' if ok else 'FAIL'} |")  # fmt: skip
        per = big.peak / int(b["big_total"])
        a(f"| … its peak memory: at most about 40× the input text (both sides' UTF-8 bytes, "
          f"{int(b['big_total']) / 2**20:.1f} MB) | {per:.0f}× ({mb(big.peak)}) | "
          f"{'PASS' if per <= 40 and not big.timed_out else 'FAIL'} |")  # fmt: skip
    a(f"| `revdiff batch -j 2`, {BATCH_PAIRS} copies of the headline pair (HTML + JSON each, index), cold "
      f"process: ≥ 20 pairs/s | {rate:.1f} pairs/s ({fmt_t(batch)}; CPU {fmt_s(batch.cpu_median)}) | "
      f"{'PASS' if rate >= 20 else 'FAIL'} |")  # fmt: skip
    a(f"| 255-article law pair (`benchmarks/law_pair.py`'s texts) to HTML, cold: ≤ 0.5 s | {fmt_t(law)} "
      f"(CPU {fmt_s(law.cpu_median)}, peak RSS {mb(law.peak)}) | {'PASS' if law.median <= 0.5 else 'FAIL'} |")  # fmt: skip
    a("")
    return L


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark revdiff (issue 6).")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median); default 5")
    ap.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"ladder sizes, characters per side (default {DEFAULT_SIZES})"
    )
    ap.add_argument(
        "--quick", action="store_true", help="smallest ladder size, 1 run, no profile; RESULTS.md untouched"
    )
    ap.add_argument(
        "--out", help="where to write the results (default benchmarks/RESULTS.md; with --quick a temp file)"
    )
    ap.add_argument(
        "--timeout",
        type=float,
        default=240,
        help="stop a ladder process after this many seconds (default 240)",
    )
    ap.add_argument(
        "--slow", type=float, default=5, help="ladder runs slower than this are not repeated (default 5 s)"
    )
    ap.add_argument(
        "--long",
        type=float,
        default=60,
        help="at sizes whose HTML run took longer than this, skip the JSON run and the extra stage pass "
        "(JSON differs from HTML only in rendering, which the stage split shows); default 60 s",
    )
    ap.add_argument(
        "--profile-size", type=int, help="ladder size to profile (default: the biggest that finished)"
    )
    ap.add_argument("--no-profile", action="store_true", help="skip the profile of the biggest size")
    ap.add_argument("--big-mb", type=int, default=10,
                    help="also compare this many MB per side once, as a cold process (0: skip); default 10")
    ap.add_argument("--top", type=int, default=25, help="profile entries to keep (default 25)")
    ap.add_argument(
        "--cold-stages",
        action="store_true",
        help="only time importing the CLI and one cold pass of each stage in this process, print JSON "
        "(the full run starts it as a child; run it alternately from two checkouts to A/B a change)",
    )
    args = ap.parse_args(argv)
    if args.cold_stages:
        return cold_stages_child()

    sizes = sorted(int(x) for x in args.sizes.split(",") if x.strip())
    runs = args.runs
    if args.quick:
        sizes, runs = sizes[:1], 1
    if args.out:
        out = Path(args.out)
    elif args.quick:
        out = Path(tempfile.gettempdir()) / "revdiff-benchmark-quick.md"
    else:
        out = RESULTS
    started = time.perf_counter()
    info = machine()
    print(
        f"revdiff benchmark: {info['cpu']}, {info['nproc']} cores, Python {info['python']}, {runs} run(s)",
        flush=True,
    )
    work = Path(tempfile.mkdtemp(prefix="revdiff-bench-"))
    rd = revdiff_cmd()
    utf8 = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"}
    # An installed revdiff has compiled bytecode, as the standard library that difflib comes
    # from has: let the warm-up run write it rather than recompile every module every run
    # (some sandboxes set PYTHONDONTWRITEBYTECODE).
    utf8.pop("PYTHONDONTWRITEBYTECODE", None)
    utf8["PYTHONPYCACHEPREFIX"] = str(work / "pycache")  # written even where the package folder is read-only
    # Likewise the compiled templates that revdiff keeps in the user's
    # cache folder: here the warm-up run writes them, in the benchmark's own folder.
    utf8["XDG_CACHE_HOME"] = str(work / "cache")

    # (a), (c), (d) headline pair as processes; interleaved so that drift hits all alike
    print("headline pair (cold processes):", flush=True)
    head = {
        "html": Proc("revdiff compare → HTML"),
        "json": Proc("revdiff compare → JSON"),
        "difflib": Proc("difflib.HtmlDiff().make_file (python -c)"),
        "git": Proc("git diff --no-index --word-diff"),
        "help": Proc("revdiff --help"),
        "python": Proc("python -c pass (interpreter start-up)"),
        "floor": Proc("python -c 'import click, jinja2' (start-up + the two libraries any HTML report needs)"),
    }
    cmds = {
        "html": (rd + ["compare", str(DRAFT), str(FINAL), "-o", str(work / "x.html")], {}),
        "json": (
            rd + ["compare", str(DRAFT), str(FINAL), "--format", "json", "-o", str(work / "x.json")],
            {},
        ),
        "difflib": ([sys.executable, "-c", DIFFLIB, str(DRAFT), str(FINAL), str(work / "difflib.html")], {}),
        "git": (
            ["git", "diff", "--no-index", "--word-diff", str(DRAFT), str(FINAL)],
            {"ok": (0, 1), "stdout": work / "git.diff"},
        ),  # fmt: skip
        "help": (rd + ["--help"], {}),
        "python": ([sys.executable, "-c", "pass"], {}),
        "floor": ([sys.executable, "-c", "import click, jinja2"], {}),
    }
    for cmd, kw in cmds.values():  # warm the page cache and .pyc files; not counted
        run_once(cmd, 120, env=utf8, **kw)  # type: ignore[arg-type]
    for _ in range(runs):
        for k, (cmd, kw) in cmds.items():
            wall, rss, cpu, _ = run_once(cmd, 120, env=utf8, **kw)  # type: ignore[arg-type]
            head[k].times.append(wall)
            head[k].cpu.append(cpu)
            head[k].rss.append(rss)
    for p in head.values():
        print(
            f"  {p.label}: {fmt_t(p)} (n={len(p.times)}, CPU {fmt_s(p.cpu_median)}, peak RSS {mb(p.peak)})",
            flush=True,
        )
    ratio_difflib = head["html"].median / head["difflib"].median
    ratio_git = head["html"].median / head["git"].median
    print(
        f"  ratio revdiff HTML / difflib.HtmlDiff: {ratio_difflib:.2f}; / git word-diff: {ratio_git:.2f}",
        flush=True,
    )

    budget: dict[str, Proc | int | float] = {}
    if not args.quick:
        print("fixed cost, batch, law pair" + (f", {args.big_mb} MB per side" if args.big_mb else "") + ":", flush=True)
        budget = budgets(work, rd, utf8, runs, args.big_mb, args.timeout)

    # (b) stages in-process on the headline pair
    print("headline pair, stages in-process:", flush=True)
    stage_times(DRAFT, FINAL)  # warm-up: imports, template compilation
    per: dict[str, list[float]] = {s: [] for s in STAGES}
    counts: dict[str, int] = {}
    for _ in range(runs):
        t, counts = stage_times(DRAFT, FINAL)
        for s in STAGES:
            per[s].append(t.get(s, math.nan))
    head_stages = {s: statistics.median(v) for s, v in per.items()}
    lib_total = statistics.median(build_report_time(DRAFT, FINAL) for _ in range(runs))
    head_peak = stage_peaks(DRAFT, FINAL)["all"]
    for s in STAGES:
        print(f"  {s}: {head_stages[s] * 1000:.1f} ms", flush=True)
    cold = cold_stage_times(runs, utf8)
    print("  cold (first pass in a fresh process): " + ", ".join(f"{k} {v:.1f} ms" for k, v in cold.items()),
          flush=True)  # fmt: skip

    # (e) the ladder
    print(f"size ladder {sizes} (generated in {work}):", flush=True)
    from generate import generate_pair

    ladder: list[dict[str, object]] = []
    stopped = False
    profiled_at: int | None = None
    for size in sizes:
        dtext, ftext = generate_pair(size)
        dp, fp = work / f"draft-{size}.txt", work / f"final-{size}.txt"
        dp.write_text(dtext, encoding="utf-8")
        fp.write_text(ftext, encoding="utf-8")
        row: dict[str, object] = {"size": size, "chars": (len(dtext), len(ftext))}
        print(f" {size}: draft {len(dtext)} chars, final {len(ftext)} chars", flush=True)
        if stopped:
            row["html"] = Proc("HTML", skipped="a smaller size was stopped")
            row["json"] = Proc("JSON", skipped="a smaller size was stopped")
            ladder.append(row)
            continue
        html = measure("HTML", rd + ["compare", str(dp), str(fp), "-o", str(work / f"r{size}.html")], runs,
                       args.timeout, args.slow, env=utf8)  # fmt: skip
        row["html"] = html
        if html.timed_out:
            row["json"] = Proc("JSON", skipped="HTML run was stopped")
            stopped = True
        elif html.median > args.long:
            row["json"] = Proc("JSON", skipped=f"HTML took > {args.long:.0f} s")
            print(f"  JSON: {fmt_t(row['json'])}", flush=True)  # type: ignore[arg-type]
        else:
            row["json"] = measure("JSON", rd + ["compare", str(dp), str(fp), "--format", "json", "-o",
                                                str(work / f"r{size}.json")], runs, args.timeout, args.slow, env=utf8)  # fmt: skip
        ladder.append(row)

    done = [r for r in ladder if not r["html"].timed_out and not r["html"].skipped]  # type: ignore[union-attr]
    # stage costs in-process at every finished size but the last; the last one is profiled
    prof_text = prof_tool = ""
    if done and not args.quick and not args.no_profile:
        last = next((r for r in done if r["size"] == args.profile_size), done[-1])
        for r in done:
            if r is last or r["html"].median > args.long:  # type: ignore[union-attr]
                continue
            size = int(r["size"])  # type: ignore[arg-type]
            st, cn = stage_times(work / f"draft-{size}.txt", work / f"final-{size}.txt")
            r["stages"], r["counts"] = st, cn
            print(f" stages at {size}: " + ", ".join(f"{k} {v:.2f}s" for k, v in st.items()), flush=True)
        profiled_at = int(last["size"])  # type: ignore[arg-type]
        print(f" profiling at {profiled_at} ...", flush=True)
        prof_tool, prof_text, st, cn = profile(
            work / f"draft-{profiled_at}.txt", work / f"final-{profiled_at}.txt", args.top
        )
        last["stages"], last["counts"], last["profiled"] = st, cn, True
        print(
            f" stages at {profiled_at} (profiled): " + ", ".join(f"{k} {v:.2f}s" for k, v in st.items()),
            flush=True,
        )
    elif done:
        for r in done:
            size = int(r["size"])  # type: ignore[arg-type]
            st, cn = stage_times(work / f"draft-{size}.txt", work / f"final-{size}.txt")
            r["stages"], r["counts"] = st, cn
            print(f" stages at {size}: " + ", ".join(f"{k} {v:.2f}s" for k, v in st.items()), flush=True)

    elapsed = time.perf_counter() - started
    text = report_md(info, runs, args, head, ratio_difflib, ratio_git, head_stages, cold, counts, lib_total,
                     head_peak, ladder, prof_tool, prof_text, profiled_at, elapsed, out,
                     budgets_md(budget, head, ladder) if budget else [])  # fmt: skip
    out.write_text(text, encoding="utf-8")
    print(
        f"headline HTML {fmt_s(head['html'].median)}, --help {fmt_s(head['help'].median)}; results written to {out}"
    )
    print(f"total benchmark time {elapsed:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def report_md(info: dict[str, str], runs: int, args: argparse.Namespace, head: dict[str, Proc], ratio_difflib: float,
              ratio_git: float, head_stages: dict[str, float], cold: dict[str, float], counts: dict[str, int],
              lib_total: float,
              head_peak: int, ladder: list[dict[str, object]], prof_tool: str, prof_text: str,
              profiled_at: int | None, elapsed: float, out: Path, budget_lines: list[str]) -> str:  # fmt: skip
    L: list[str] = []  # noqa: N806
    a = L.append
    a("# revdiff benchmark results")
    a("")
    a("Written by `python benchmarks/run.py` (issues 6 and 16); regenerate with the same command. "
      "The *Analysis* section is kept across reruns; everything else is measured.")  # fmt: skip
    a("")
    a("## Machine")
    a("")
    for k in ("date", "cpu", "nproc", "memory", "python", "os", "revdiff"):
        a(f"- **{k}**: {info[k]}")
    a(f"- **load average** (1/5/15 min) at start: {info['load']}; at end: {machine_load()} — other work on "
      "the machine during the run makes single figures noisy; medians are what to compare")  # fmt: skip
    a(f"- **runs**: median of {runs} per figure (headline); ladder sizes whose first run took > {args.slow:.0f} s "
      f"were run once; ladder processes stopped after {args.timeout:.0f} s; at sizes whose HTML run took "
      f"> {args.long:.0f} s the JSON run and the extra in-process stage pass were skipped (time budget)")  # fmt: skip
    a(f"- **benchmark wall time**: {elapsed:.0f} s")
    a("")

    # criteria
    by = {int(r["size"]): r for r in ladder}  # type: ignore[arg-type]
    big = max(by) if by else None
    bigrow = by.get(big) if big else None

    def t_at(size: int) -> tuple[float, bool]:
        r = by.get(size)
        if not r:
            return math.nan, False
        p: Proc = r["html"]  # type: ignore[assignment]
        if p.skipped or not p.times:
            return math.nan, False
        return p.median, p.timed_out

    pts = [
        (statistics.fmean(r["chars"]), r["html"].median)
        for r in ladder  # type: ignore[union-attr,arg-type]
        if not r["html"].timed_out and not r["html"].skipped and r["html"].times
    ]  # type: ignore[union-attr]
    fit = loglog_fit(pts) if len(pts) >= 2 else math.nan
    cpts = [
        (statistics.fmean(r["chars"]), r["html"].cpu_median)
        for r in ladder  # type: ignore[union-attr,arg-type]
        if not r["html"].timed_out and not r["html"].skipped and r["html"].cpu
    ]  # type: ignore[union-attr]
    cfit = loglog_fit(cpts) if len(cpts) >= 2 else math.nan

    L.extend(budget_lines)
    a("## Done-when criteria (issue 6)")
    a("")
    a("| criterion | figure | result |")
    a("|---|---|---|")
    h = head["html"].median
    a(
        f"| headline pair, full HTML report, cold process ≤ 1 s | {fmt_s(h)} wall (min {fmt_s(min(head['html'].times))}; "
        f"CPU {fmt_s(head['html'].cpu_median)}) | {'PASS' if h <= 1.0 else 'FAIL'} |"
    )
    cpu_ratio = (
        head["html"].cpu_median / head["difflib"].cpu_median if head["difflib"].cpu_median else math.nan
    )
    a(f"| … and no slower than `difflib.HtmlDiff` in the same run (ratio ≤ 1.0) | {ratio_difflib:.2f} wall "
      f"({fmt_s(h)} / {fmt_s(head['difflib'].median)}); CPU {cpu_ratio:.2f} | {'PASS' if ratio_difflib <= 1.0 else 'FAIL'} |")  # fmt: skip
    floor, dl = head["floor"], head["difflib"]
    if ratio_difflib > 1.0:
        a(f"| … why not: Python start-up + importing click and jinja2 (the design card's CLI and template "
          f"libraries, needed by any HTML report) | median {fmt_s(floor.median)} = **{floor.median / dl.median:.0%}** "
          f"of difflib's median; fastest runs {fmt_s(min(floor.times))} = **{min(floor.times) / min(dl.times):.0%}** "
          f"of difflib's fastest; CPU {floor.cpu_median / dl.cpu_median:.0%} — before revdiff reads a byte | "
          f"see Analysis |")  # fmt: skip
    hp = head["help"].median
    a(f"| `revdiff --help` ≤ 0.3 s | {fmt_s(hp)} | {'PASS' if hp <= 0.3 else 'FAIL'} |")
    if 1_000_000 in by:
        t1m, to = t_at(1_000_000)
        p1m: Proc = by[1_000_000]["html"]  # type: ignore[assignment]
        fig = fmt_t(p1m)
        ok_t = not to and not math.isnan(t1m) and t1m <= 15
        a(f"| 1 M characters per side (HTML, cold process) ≤ 15 s | {fig} | {'PASS' if ok_t else 'FAIL'} |")
        peak = max(by[1_000_000]["html"].peak, by[1_000_000]["json"].peak)  # type: ignore[union-attr]
        pfig = mb(peak) + (" when stopped" if to else "")
        ok_m = peak and peak <= 2**30 and not to
        a(
            f"| 1 M characters per side: peak memory ≤ 1 GB | {pfig} | {'PASS' if ok_m else ('FAIL' if peak > 2**30 else 'UNKNOWN (run stopped)')} |"
        )
        t250, _ = t_at(250_000)
        if not math.isnan(t250) and not math.isnan(t1m):
            r = t1m / t250
            bound = "> " if to else ""
            c250, c1m = by[250_000]["html"].cpu_median, p1m.cpu_median  # type: ignore[union-attr]
            cr = f"; CPU {c1m / c250:.1f}×" if c250 and not to and not math.isnan(c1m) else ""
            verdict = "PASS" if r <= 5.5 and not to else "FAIL"
            a(
                f"| 250 K → 1 M time grows ≤ ~5× | {bound}{r:.1f}× wall ({fmt_s(t250)} → {fig}){cr} | {verdict} |"
            )
        else:
            a("| 250 K → 1 M time grows ≤ ~5× | not measured (add 250000 and 1000000 to --sizes) | – |")
    else:
        a(
            "| 1 M characters per side ≤ 15 s, ≤ 1 GB; 250 K → 1 M ≤ ~5× | not run (1000000 not in --sizes) | – |"
        )
    a("| no timed tests; smoke run of the smallest size in the test suite | `tests/test_benchmark_smoke.py` runs "
      "`benchmarks/run.py --quick` and asserts only exit 0 and a printed figure | PASS |")  # fmt: skip
    a("")

    a("## Headline pair")
    a("")
    a(f"`{DRAFT.relative_to(ROOT)}` ({len(DRAFT.read_text(encoding='utf-8'))} chars) → "
      f"`{FINAL.relative_to(ROOT)}` ({len(FINAL.read_text(encoding='utf-8'))} chars). Cold processes, "
      f"interleaved, after one uncounted warm-up run each (page cache, .pyc).")  # fmt: skip
    a("")
    a("| command | median wall | min | max | median CPU (user+sys) | peak RSS | revdiff HTML ÷ this (wall) |")
    a("|---|---|---|---|---|---|---|")
    for k, p in head.items():
        rr = h / p.median if k in ("difflib", "git") else None
        a(f"| {p.label} | {fmt_s(p.median)} | {fmt_s(min(p.times))} | {fmt_s(max(p.times))} | {fmt_s(p.cpu_median)} | {mb(p.peak)} | "
          f"{f'{rr:.2f}' if rr else ''} |")  # fmt: skip
    a("")
    a(f"revdiff HTML is **{ratio_difflib:.2f}×** the time of `difflib.HtmlDiff` and **{ratio_git:.2f}×** "
      "the time of `git diff --no-index --word-diff` (LC_ALL=C.UTF-8) on the same pair in the same run.")  # fmt: skip
    a("")
    a("### Stages, in-process (headline pair)")
    a("")
    a(f"Median of {runs} in-process passes after a warm-up pass (so imports are not counted here; the cold "
      f"process figures above include them). `select` … `classify` are the functions `revdiff.comparison.build_report` calls, timed inside the real "
      f"`build_report`; `report_other` is the rest of it.")  # fmt: skip
    a("")
    a("The *cold* column is the first pass in a fresh process (median of the same number of processes): "
      "what one `revdiff compare` pays per stage, with the libraries each stage imports, regexes compiled "
      "on first use and templates loaded. `import revdiff.cli` is click plus revdiff's own modules.")  # fmt: skip
    a("")
    a("| stage | warm (median) | cold (first pass) |")
    a("|---|---|---|")
    a(f"| import revdiff.cli | – | {cold.get('import revdiff.cli', math.nan):.1f} ms |")
    for s in STAGES:
        a(f"| {s} | {head_stages[s] * 1000:.1f} ms | {cold.get(s, math.nan):.1f} ms |")
    tot = sum(head_stages.values())
    a(f"| **sum** | **{tot * 1000:.1f} ms** | **{sum(cold.values()):.1f} ms** |")
    a(f"| library `compare_paths` + `render(html)` (check) | {lib_total * 1000:.1f} ms |")
    a("")
    a(f"Sections: {counts.get('pairs')} rows in the report ({counts.get('draft_nodes')} with a draft side, "
      f"{counts.get('final_nodes')} with a final side), {counts.get('findings')} findings. Peak Python allocation of one "
      f"pass (tracemalloc): {mb(head_peak)}.")  # fmt: skip
    a("")

    a("## Size ladder")
    a("")
    a("Pairs generated by `benchmarks/generate.py` from the distinct sections of `samples/*.txt` (varied "
      "domain, city, figures, sentence order, spliced sentences; the final cuts, drops pledges, changes figures, "
      "rewords, reorders and renumbers). Cold processes; peak RSS of the child.")  # fmt: skip
    a("")
    a("| size | draft / final chars | HTML wall | HTML CPU | JSON wall | JSON CPU | runs (HTML/JSON) "
      "| peak RSS (HTML) | slope vs previous (wall / CPU) |")  # fmt: skip
    a("|---|---|---|---|---|---|---|---|---|")
    prev: tuple[float, float, float] | None = None
    for r in ladder:
        hp_, jp = r["html"], r["json"]  # type: ignore[assignment]
        n = statistics.fmean(r["chars"])  # type: ignore[arg-type]
        sl = ""
        if prev and hp_.times and not hp_.skipped:  # type: ignore[union-attr]
            v = slope(prev[0], prev[1], n, hp_.median)  # type: ignore[union-attr]
            vc = slope(prev[0], prev[2], n, hp_.cpu_median) if not hp_.timed_out else math.nan  # type: ignore[union-attr]
            sl = f"{'> ' if hp_.timed_out else ''}{v:.2f} / {vc:.2f}"  # type: ignore[union-attr]
        if hp_.times and not hp_.timed_out and not hp_.skipped:  # type: ignore[union-attr]
            prev = (n, hp_.median, hp_.cpu_median)  # type: ignore[union-attr]
        dch, fch = r["chars"]  # type: ignore[misc]
        cpu_h = fmt_s(hp_.cpu_median) if hp_.times and not hp_.timed_out else "–"  # type: ignore[union-attr]
        cpu_j = fmt_s(jp.cpu_median) if jp.times and not jp.timed_out else "–"  # type: ignore[union-attr]
        a(f"| {int(r['size']):,} | {dch:,} / {fch:,} | {fmt_t(hp_)} | {cpu_h} | {fmt_t(jp)} | {cpu_j} | "  # type: ignore[arg-type]
          f"{len(hp_.times)}/{len(jp.times)} | {mb(hp_.peak)} | {sl} |")  # type: ignore[union-attr]  # fmt: skip
    a("")
    if not math.isnan(fit):
        a(f"Growth exponent (least-squares slope of log time on log size over the finished sizes, HTML): "
          f"**{fit:.2f}** on wall time, **{cfit:.2f}** on CPU time (1.0 = linear, 2.0 = quadratic). CPU time "
          "is less disturbed by other load on the machine than wall time.")  # fmt: skip
        if bigrow and bigrow["html"].timed_out and pts:  # type: ignore[union-attr]
            n0, t0 = pts[-1]
            n1 = statistics.fmean(bigrow["chars"])  # type: ignore[arg-type]
            est = t0 * (n1 / n0) ** fit
            a(f"Extrapolating that slope from the last finished size, {int(big):,} characters would take about "
              f"**{est:.0f} s** (an estimate, not a measurement).")  # fmt: skip
    a("")
    staged = [r for r in ladder if "stages" in r]
    if staged:
        a("### Stages, in-process, across the ladder (one pass each)")
        a("")
        a("| size | " + " | ".join(STAGES) + " | pairs |")
        a("|---|" + "---|" * (len(STAGES) + 1))
        for r in staged:
            st: dict[str, float] = r["stages"]  # type: ignore[assignment]
            mark = " (profiled)" if r.get("profiled") else ""
            a(f"| {int(r['size']):,}{mark} | " + " | ".join(f"{st[s]:.2f}" for s in STAGES)  # type: ignore[arg-type]
              + f" | {r['counts'].get('pairs')} |")  # type: ignore[union-attr]  # fmt: skip
        a("")
        if len(staged) >= 2:
            r0, r1 = staged[0], staged[-1]
            n0, n1 = statistics.fmean(r0["chars"]), statistics.fmean(r1["chars"])  # type: ignore[arg-type]
            parts = []
            for s in STAGES:
                a0, a1 = r0["stages"][s], r1["stages"][s]  # type: ignore[index]
                if a0 > 0.001 and a1 > 0:
                    parts.append(f"{s} {slope(n0, a0, n1, a1):.2f}")
            a(
                f"Per-stage growth exponent from {int(r0['size']):,} to {int(r1['size']):,}: "
                + ", ".join(parts)
                + "."
            )  # type: ignore[arg-type]
            a("")

    a("## Profile")
    a("")
    if prof_text:
        a(f"One in-process pass at **{profiled_at:,}** characters per side with {prof_tool}"
          f"{'' if profiled_at == big else f' (not the biggest size, {int(big):,}: it was stopped or not chosen)'}. "
          "The stage split of this pass is the *(profiled)* row above.")  # fmt: skip
        a("")
        a("```")
        a(prof_text.rstrip())
        a("```")
    else:
        a("Not run (--quick, --no-profile, or no ladder size finished).")
    a("")
    a("## Analysis")
    a("")
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    m = re.search(re.escape(ANALYSIS_START) + r"(.*?)" + re.escape(ANALYSIS_END), old, re.S)
    a(ANALYSIS_START)
    a(m.group(1).strip("\n") if m else "(hand-written notes go here; kept across reruns)")
    a(ANALYSIS_END)
    a("")
    return "\n".join(L)


if __name__ == "__main__":
    sys.exit(main())
