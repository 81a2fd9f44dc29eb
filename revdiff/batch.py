"""``revdiff batch``: compare many draft/final pairs, in parallel, into one folder.

A manifest is either a CSV file with the header ``name,draft,final[,options]`` (paths
relative to the manifest's folder; ``options`` holds extra compare options such as
``--watch 商标 --final-part 知识产权``) or a folder of ``NAME.draft.*`` / ``NAME.final.*``
files.  Each pair gives ``OUTDIR/NAME.html`` and ``OUTDIR/NAME.json``; ``OUTDIR/index.html``
ranks the pairs by their most severe finding and lists those that failed.

Pairs run in worker processes (``concurrent.futures.ProcessPoolExecutor``), forked once
from a main process that has loaded the comparison code; each worker writes its pair's two
reports (atomically), the main process the database rows, the index and the state file
``OUTDIR/.revdiff-batch.json`` (atomically; after every pair while few are done, then after
each tenth more or five seconds, and at the end).  A pair whose inputs (SHA-256 of both
files), options and revdiff version are unchanged since it last succeeded is skipped, so a
batch killed half-way finishes the rest when run again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shlex
import sqlite3
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from revdiff.errors import RevdiffError
from revdiff.output import refuse_input_as_output, refuse_inputs_as_outputs, shown, write_atomic

STATE_FILE = ".revdiff-batch.json"
STATE_SCHEMA = "revdiff.batch-state/1"
STATE_EVERY = 5.0  # seconds after which the state file is written again while pairs finish
COLUMNS = ("name", "draft", "final", "options")
SEVERITIES = ("high", "medium", "low")
_SIDE_FILE = re.compile(r"^(?P<name>.+)\.(?P<side>draft|final)\.[^.]+$")


class ManifestError(RevdiffError):
    """A manifest that cannot be read at all (no pair can run)."""


@dataclass
class Pair:
    """One draft/final pair of a manifest."""

    name: str
    draft: str | None
    final: str | None
    options: str = ""  # as written in the manifest
    where: str = ""  # "manifest.csv line 3" or the folder
    error: str | None = None  # a problem found before running (bad options, missing file …)
    kwargs: dict[str, Any] = field(default_factory=dict)  # revdiff.compare options


@dataclass
class Outcome:
    """What happened to one pair in this run."""

    pair: Pair
    status: str  # done | skipped | failed
    summary: dict[str, Any] | None = None
    error: str | None = None


# --------------------------------------------------------------------------- manifest


def _options_command() -> Any:
    import click

    return click.Command(
        "options",
        add_help_option=False,
        params=[
            click.Option(["--draft-part"]),
            click.Option(["--final-part"]),
            click.Option(["--watch"]),
            click.Option(["--word-diff"], is_flag=True),
            click.Option(["--max-size"], type=click.IntRange(min=1), default=None),
            click.Option(["--genre"], type=click.Choice(["plan", "law"])),
            click.Option(["--ocr"], type=click.Choice(["auto", "always", "never"]), default=None),
            click.Option(["--warc-url"], multiple=True),
        ],
    )


PAIR_OPTIONS = ("--draft-part", "--final-part", "--watch", "--word-diff", "--max-size", "--genre", "--ocr",
                "--warc-url")


def parse_options(text: str) -> dict[str, Any]:
    """The compare options of one manifest row (``--watch 商标 --final-part 知识产权``).

    Raises ValueError with a one-line message for unknown options or bad values.
    """
    import click

    try:
        args = shlex.split(text or "")
    except ValueError as exc:
        raise ValueError(f"cannot read options {text!r}: {exc}") from None
    if not args:
        return {}
    try:
        ctx = _options_command().make_context("options", args)
    except click.UsageError as exc:
        msg = exc.format_message().rstrip(".")
        raise ValueError(f"bad options {text!r}: {msg} (allowed: {', '.join(PAIR_OPTIONS)})") from None
    p = ctx.params
    out: dict[str, Any] = {}
    if p["draft_part"]:
        out["draft_part"] = p["draft_part"]
    if p["final_part"]:
        out["final_part"] = p["final_part"]
    if p["watch"] is not None:
        out["watch"] = [t.strip() for t in p["watch"].replace("，", ",").split(",") if t.strip()]
    if p["word_diff"]:
        out["words"] = True
    if p["max_size"]:
        out["max_bytes"] = p["max_size"] * 1024 * 1024
    if p["genre"]:
        out["genre"] = p["genre"]
    if p["ocr"]:
        out["ocr"] = p["ocr"]
    if p["warc_url"]:
        out["warc_url"] = list(p["warc_url"])
    return out


def _name_problem(name: str) -> str | None:
    if not name:
        return "empty name"
    if name.startswith(".") or any(c in name for c in '/\\:*?"<>|\0') or name.strip() != name:
        return f'name {name!r} cannot be a file name (no / \\ : * ? " < > |, no leading dot or spaces)'
    if name.lower() == "index":
        return "name 'index' is taken by index.html; choose another"
    return None


def _read_csv_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc.strerror or exc}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ManifestError(f"manifest {path} is neither UTF-8 nor GB18030 text")


def _outside(value: str, base: Path) -> bool:
    """True when the manifest's path ``value`` is absolute or leads out of its folder ``base``."""
    if os.path.isabs(value):
        return True
    real, root = os.path.realpath(base / value), os.path.realpath(base)
    return os.path.commonpath([real, root]) != root


def _csv_pairs(path: Path, allow_outside: bool = False) -> list[Pair]:
    base = path.parent
    try:
        rows = list(csv.reader(io.StringIO(_read_csv_text(path), newline="")))
    except csv.Error as exc:  # e.g. a field over the CSV module's size limit (an unclosed quote)
        raise ManifestError(f"manifest {path} is not valid CSV ({exc}); check its quotes and fields") from None
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ManifestError(f"manifest {path} is empty; it needs the header name,draft,final[,options]")
    header = [c.strip().lower() for c in rows[0]]
    unknown = [c for c in header if c not in COLUMNS]
    missing = [c for c in COLUMNS[:3] if c not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise ManifestError(
            f"manifest {path}: header is {','.join(rows[0])!r}; it must be name,draft,final[,options]"
        )
    col = {c: i for i, c in enumerate(header)}
    pairs: list[Pair] = []
    seen: dict[str, str] = {}
    for number, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        where = f"{path.name} line {number}"

        def cell(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        name = cell("name")
        pair = Pair(
            name=name or f"line-{number}", draft=None, final=None, options=cell("options"), where=where
        )
        pairs.append(pair)
        problem = _name_problem(name)
        if problem is None and name in seen:
            problem = f"duplicate name {name!r} (also on {seen[name]})"
        if problem is None and len(row) > len(header):
            problem = f"{len(row)} fields but the header has {len(header)}; quote fields that hold commas"
        if problem:
            pair.error = f"{where}: {problem}"
            continue
        seen[name] = where
        for side in ("draft", "final"):
            value = cell(side)
            if not value:
                pair.error = f"{where}: no {side} file given"
                break
            # a manifest someone else wrote must not pull any file of the machine (/etc/passwd)
            # into a report that is then shared
            if not allow_outside and _outside(value, base):
                pair.error = (f"{where}: {side} file {value} is outside the manifest's folder; "
                              "pass --allow-outside to read it")
                break
            setattr(pair, side, os.path.normpath(base / value))
        if pair.error:
            continue
        try:
            pair.kwargs = parse_options(pair.options)
        except ValueError as exc:
            pair.error = f"{where}: {exc}"
    return pairs


def _folder_pairs(folder: Path) -> list[Pair]:
    found: dict[str, dict[str, list[Path]]] = {}
    for entry in sorted(folder.iterdir()):
        m = _SIDE_FILE.match(entry.name)
        if not m or entry.name.startswith(".") or not entry.is_file():
            continue
        found.setdefault(m.group("name"), {"draft": [], "final": []})[m.group("side")].append(entry)
    if not found:
        raise ManifestError(f"folder {folder} holds no NAME.draft.* / NAME.final.* files")
    pairs: list[Pair] = []
    for name, sides in sorted(found.items()):
        # a file name that is not UTF-8 (a GBK name from a Windows share): its bytes become
        # %xx in the report's name, which every file system and browser can hold
        pair = Pair(name=shown(name).replace("\\x", "%"), draft=None, final=None, where=shown(str(folder)))
        pairs.append(pair)
        problem = _name_problem(name)
        for side in ("draft", "final"):
            files = sides[side]
            if problem:
                break
            if not files:
                problem = f"no {name}.{side}.* file next to {sides['final' if side == 'draft' else 'draft'][0].name}"
            elif len(files) > 1:
                problem = f"several {side} files for {name}: {', '.join(f.name for f in files)}; keep one"
            else:
                setattr(pair, side, str(files[0]))
        if problem:
            pair.error = problem
    return pairs


def read_manifest(manifest: str, allow_outside: bool = False) -> list[Pair]:
    """The pairs of a CSV manifest or of a folder of NAME.draft.* / NAME.final.* files."""
    path = Path(manifest)
    if path.is_dir():
        return _folder_pairs(path)
    if not path.exists():
        raise ManifestError(f"manifest {manifest} not found; give a CSV file or a folder")
    return _csv_pairs(path, allow_outside)


# --------------------------------------------------------------------------- one pair


def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def pair_key(pair: Pair, options: dict[str, Any], lang: str) -> str:
    """What a pair's outputs depend on: both files' bytes, the options, the language and
    revdiff's version.  OSError when a file cannot be read."""
    from revdiff import __version__

    assert pair.draft is not None and pair.final is not None
    material = {
        "version": __version__,
        "draft": _file_hash(pair.draft),
        "final": _file_hash(pair.final),
        "options": options,
        "lang": lang,
    }
    return hashlib.sha256(
        json.dumps(material, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ).hexdigest()


def summarize(report: Any) -> dict[str, Any]:
    """The facts the index shows for one report (JSON-serialisable, kept in the state file)."""
    from revdiff.render.facts import money_summary

    summary = report.summary
    severity = summary["severity"]
    return {
        "title": report.final.part or report.final.title or report.draft.part or report.draft.title,
        "draft_part": report.draft.part,
        "final_part": report.final.part,
        "findings": len(report.findings),
        "severity": {s: severity.get(s, 0) for s in SEVERITIES},
        "top": next((s for s in SEVERITIES if severity.get(s)), None),
        "kinds": dict(summary["findings"]),
        "money": money_summary(report.findings),
        "warnings": list(report.warnings),
    }


def run_pair(draft: str, final: str, options: dict[str, Any], lang: str, db_name: str | None = None,
             outdir: str | None = None, name: str = "") -> dict[str, Any]:
    """Compare one pair (in a worker process): the HTML and JSON texts and the summary, or
    the one-line error.  Never raises for a bad input.  ``db_name``: also the database rows
    of the pair under that name (``--db``).  ``outdir``: the worker itself writes the
    reports there as ``name.html`` and ``name.json`` (atomically) and returns no texts, so
    two workers write in parallel and no report is copied through a pipe."""
    from revdiff.pipeline import compare_paths
    from revdiff.render import render

    try:
        report = compare_paths(draft, final, **dict(options))
        html, json_text = render(report, "html", lang=lang), render(report, "json")
        result: dict[str, Any] = {"ok": True, "summary": summarize(report)}
        if outdir is None:
            result.update(html=html, json=json_text)
        else:
            try:
                # made durable together, before the state records the pair (save_state)
                write_atomic(Path(outdir) / f"{name}.html", html, durable=False)
                write_atomic(Path(outdir) / f"{name}.json", json_text, durable=False)
            except OSError as exc:
                return {"ok": False, "error": f"cannot write to {outdir}: {exc.strerror or exc}"}
        if db_name is not None:
            from revdiff.render.database import pair_rows

            result["db"] = pair_rows(report, db_name)
        return result
    except RevdiffError as exc:
        return {"ok": False, "error": str(exc)}
    except MemoryError:
        return {"ok": False, "error": "out of memory; the input is too large, try --max-size or split it"}
    except RecursionError:
        return {"ok": False, "error": "document structure nested too deeply to read"}
    except Exception as exc:  # a bug of ours: reported for this pair, the batch goes on
        return {"ok": False, "error": f"internal error ({type(exc).__name__}: {exc}); please report it"}


# what every pair runs through: the pipeline, every genre and rule, the HTML renderer
_WORKER_MODULES = ("revdiff.pipeline", "revdiff.comparison", "revdiff.structure", "revdiff.genres.plan",
                   "revdiff.genres.law", "revdiff.render.html", "revdiff.render.database")


def _warm_up() -> None:
    """Import the comparison and rendering code once, in the main process, before the
    workers fork from it: each worker then starts with it loaded instead of importing it
    again (a tenth of a second each), and ``gc.freeze`` keeps the collector from scanning
    (and copying) those shared objects in every worker."""
    import gc
    import importlib

    for module in _WORKER_MODULES:
        importlib.import_module(module)
    gc.freeze()


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, and die with it.

    The main process records progress and stops the workers on Ctrl-C.  If it is killed
    instead (SIGTERM, SIGKILL, out of memory), Linux sends each worker SIGKILL too
    (PR_SET_PDEATHSIG), so no worker goes on comparing for a batch that no longer exists.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # no prctl (an unusual libc): workers then end after their current pair


# --------------------------------------------------------------------------- state


def load_state(outdir: Path) -> dict[str, Any]:
    """The pairs recorded by earlier runs (name → {key, status, summary …}); {} when none."""
    try:
        data = json.loads((outdir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("schema") != STATE_SCHEMA
        or not isinstance(data.get("pairs"), dict)
    ):
        return {}
    return data["pairs"]


def save_state(outdir: Path, pairs: dict[str, Any]) -> None:
    from revdiff import __version__

    data = {"schema": STATE_SCHEMA, "version": __version__, "pairs": pairs}
    # The workers write reports without one fsync each (~4 ms of a ~40 ms pair on ext4); they
    # reach the disk here, all at once, before the state says their pairs are done.
    if hasattr(os, "sync"):
        os.sync()
    # ASCII escapes: a path that is not UTF-8 (lone surrogates) survives the round trip
    write_atomic(outdir / STATE_FILE, json.dumps(data, ensure_ascii=True, indent=1, sort_keys=True) + "\n")


# --------------------------------------------------------------------------- index


_INDEX_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "index_title": "批量对照报告",
        "index_heading": "批量对照：{n} 组文件",
        "col_rank": "排名",
        "col_pair": "文件",
        "col_top": "最高严重程度",
        "col_counts": "发现",
        "col_money": "涉及资金（被删除）",
        "col_reports": "报告",
        "top_none": "无发现",
        "pairs_ok": "已比较",
        "pairs_failed": "失败",
        "pairs_high": "有高严重程度发现",
        "failed": "未能比较的文件（{n} 组）",
        "failed_hint": "修正输入后重新运行 revdiff batch，只会重做这些文件和有改动的文件。",
        "ranking_hint": "按最严重的发现排序（高 > 中 > 低 > 无），其次按高、中、低发现的数量。",
        "no_pairs": "没有成功比较的文件。",
        "money_overview": "{p} 组文件删除了资金承诺，共 {n} 项，其中 {k} 项写明金额。",
        "money_not_added": "各组的金额分列在下表中，不跨组相加：几组文件可能共用同一份征求意见稿，且多数金额是按件、按年或“最高”的标准。",
        "report_html": "报告",
        "report_json": "JSON",
    },
    "en": {
        "index_title": "Batch comparison",
        "index_heading": "Batch comparison: {n} pairs",
        "col_rank": "Rank",
        "col_pair": "Pair",
        "col_top": "Most severe",
        "col_counts": "Findings",
        "col_money": "Money at stake (removed)",
        "col_reports": "Reports",
        "top_none": "no findings",
        "pairs_ok": "compared",
        "pairs_failed": "failed",
        "pairs_high": "with high-severity findings",
        "failed": "Pairs that could not be compared ({n})",
        "failed_hint": "Fix the inputs and run revdiff batch again: only these and changed pairs are redone.",
        "ranking_hint": "Ranked by the most severe finding (high > medium > low > none), then by the "
        "number of high, medium and low findings.",
        "no_pairs": "No pair was compared.",
        "money_overview": "Pairs that remove funding pledges: {p}; pledges removed: {n}; with an amount: {k}.",
        "money_not_added": "Each pair's amounts are listed below and not added across pairs: pairs may share a draft, "
        "and most amounts are per item, per year or caps.",
        "report_html": "report",
        "report_json": "JSON",
    },
}


def rank_key(name: str, summary: dict[str, Any]) -> tuple[Any, ...]:
    """Most severe finding first (high > medium > low > none), then more high, medium, low
    findings, then more findings of any kind, then the name."""
    sev = summary.get("severity", {})
    top = summary.get("top")
    return (
        SEVERITIES.index(top) if top in SEVERITIES else len(SEVERITIES),
        *(-int(sev.get(s, 0)) for s in SEVERITIES),
        -int(summary.get("findings", 0)),
        name,
    )


def _money_overview(summaries: list[dict[str, Any]]) -> dict[str, int]:
    """How many pairs remove funding pledges and how many amounts they list. No sum across
    pairs: two pairs may share a draft, and most amounts are per unit or caps anyway."""
    moneyed = [s.get("money", {}) for s in summaries]
    return {
        "pairs": sum(1 for m in moneyed if m.get("removed")),
        "removed": sum(int(m.get("removed", 0)) for m in moneyed),
        "amounts": sum(len(m.get("amounts", [])) for m in moneyed),
    }


# What a pair's failure was, in Chinese for the Chinese index; the message itself (English, from
# the reader or the option parser) follows it.
_ERRORS_ZH = [
    ("no such file", "找不到文件"),
    ("is a directory", "给的是文件夹而不是文件"),
    ("permission denied", "没有读取权限"),
    ("file is empty", "文件是空的"),
    ("bad options", "选项有误"),
    ("cannot read options", "选项有误"),
    ("larger than", "文件太大"),
    ("matches no part", "指定的部分不存在"),
    ("worker process failed", "比较进程意外中止"),
    ("cannot write", "无法写入输出文件夹"),
]


def error_in(error: str, lang: str) -> str:
    """A pair's failure message, with what it means in Chinese first for the Chinese index."""
    if lang == "en":
        return error
    lowered = error.lower()
    meaning = next((zh for en, zh in _ERRORS_ZH if en in lowered), "比较失败")
    return f"{meaning}（{error}）"


def render_index(outcomes: list[Outcome], lang: str = "zh") -> str:
    """The index page: pairs ranked by severity, with counts, money and links; failures."""
    from revdiff import __version__
    from revdiff.render.html import render_page
    from revdiff.render.i18n import KIND_ORDER, kind_label, strings

    ui = {**strings(lang), **_INDEX_STRINGS["en" if lang == "en" else "zh"]}
    lang = "en" if ui["html_lang"] == "en" else "zh"
    ok = sorted(
        (o for o in outcomes if o.status != "failed" and o.summary is not None),
        key=lambda o: rank_key(o.pair.name, o.summary or {}),
    )
    rows = []
    for rank, o in enumerate(ok, 1):
        s = o.summary or {}
        kinds = s.get("kinds", {})
        ordered = [k for k in KIND_ORDER if k in kinds] + sorted(k for k in kinds if k not in KIND_ORDER)
        rows.append(
            {
                "rank": rank,
                "name": o.pair.name,
                "href": quote(o.pair.name) + ".html",
                "json_href": quote(o.pair.name) + ".json",
                "title": s.get("title") or "",
                "draft": shown(o.pair.draft or ""),
                "final": shown(o.pair.final or ""),
                "top": s.get("top") or "none",
                "severity": s.get("severity", {}),
                "findings": s.get("findings", 0),
                "kinds": [(k, kind_label(k, lang), kinds[k]) for k in ordered],
                "money": s.get("money", {}),
                "warnings": s.get("warnings", []),
            }
        )
    failed = sorted((o for o in outcomes if o.status == "failed"), key=lambda o: o.pair.name)
    context = dict(
        ui=ui,
        lang=lang,
        version=__version__,
        rows=rows,
        failed=[
            {
                "name": o.pair.name,
                "error": error_in(o.error or "", lang),
                "draft": shown(o.pair.draft or ""),
                "final": shown(o.pair.final or ""),
            }
            for o in failed
        ],
        total=len(outcomes),
        high=sum(1 for r in rows if r["top"] == "high"),
        money_overview=_money_overview([o.summary or {} for o in ok]),
    )
    return render_page("batch_index.html", "report.js", context)


# --------------------------------------------------------------------------- the batch


def _describe(summary: dict[str, Any]) -> str:
    sev = summary.get("severity", {})
    return ", ".join(f"{sev.get(s, 0)} {s}" for s in SEVERITIES)


def _refuse_overwriting_inputs(manifest: str, pairs: list[Pair], out: Path) -> None:
    """Stop before any work when an output would land on the manifest or on a pair's input."""
    inputs = [manifest] + [p for pair in pairs for p in (pair.draft, pair.final) if p]
    targets = [out / "index.html", out / STATE_FILE]
    targets += [out / f"{pair.name}.{ext}" for pair in pairs for ext in ("html", "json")]
    refuse_inputs_as_outputs(targets, inputs)


def run_batch(
    manifest: str,
    outdir: str,
    *,
    jobs: int | None = None,
    force: bool = False,
    lang: str = "zh",
    options: dict[str, Any] | None = None,
    watch: list[str] | None = None,
    echo: Callable[[str], None] | None = None,
    progress: bool | None = None,
    allow_outside: bool = False,
    db: str | None = None,
) -> list[Outcome]:
    """Run every pair of ``manifest`` into ``outdir``; return what happened to each.

    ``allow_outside``: let a CSV manifest name absolute paths and paths outside its folder.
    ``db``: also keep every pair in this SQLite database (``revdiff.db/1``), one transaction
    per pair; a pair is skipped only when the database holds it with the same inputs too.

    ``options``: compare options for every pair (a row's own options win); ``watch``: the
    watched terms of pairs whose row has no ``--watch``.  ``progress``: a progress bar on
    standard error (default: when it is a terminal), else one line per finished pair.
    """
    import click

    say = echo or (lambda line: click.echo(line, err=True))
    pairs = read_manifest(manifest, allow_outside)
    out = Path(outdir)
    _refuse_overwriting_inputs(manifest, pairs, out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ManifestError(f"cannot create output folder {outdir}: {exc.strerror or exc}") from None
    try:  # a read-only folder fails here, in one line, before any pair is compared
        write_atomic(out / STATE_FILE, (out / STATE_FILE).read_bytes() if (out / STATE_FILE).is_file() else b"{}")
    except OSError as exc:
        raise ManifestError(f"cannot write to output folder {outdir}: {exc.strerror or exc}; "
                            "choose a folder you can write to") from None
    from revdiff.render import database

    conn = None
    if db is not None:
        refuse_input_as_output(db, [manifest] + [p for pair in pairs for p in (pair.draft, pair.final) if p], "database")
        try:
            conn = database.connect(db)
            database.write_metadata(db)
        except (database.DatabaseError, OSError) as exc:
            raise ManifestError(f"--db: {exc}") from None
    state = {} if force else load_state(out)
    new_state: dict[str, Any] = {}
    outcomes: dict[int, Outcome] = {}  # by position in the manifest
    todo: list[tuple[int, Pair, dict[str, Any], str]] = []
    for i, pair in enumerate(pairs):
        if pair.error:
            outcomes[i] = Outcome(pair, "failed", error=pair.error)
            continue
        kwargs = {**(options or {}), **pair.kwargs}
        if "watch" not in kwargs and watch:
            kwargs["watch"] = list(watch)
        try:
            key = pair_key(pair, kwargs, lang)
        except OSError as exc:
            which = pair.draft if not os.path.isfile(pair.draft or "") else pair.final
            outcomes[i] = Outcome(
                pair,
                "failed",
                error=f"cannot read {which}: {exc.strerror or exc}; check the path in {pair.where}",
            )
            continue
        old = state.get(pair.name)
        if (
            isinstance(old, dict)
            and old.get("key") == key
            and old.get("status") == "done"
            and isinstance(old.get("summary"), dict)
            and (out / f"{pair.name}.html").is_file()
            and (out / f"{pair.name}.json").is_file()
            and (conn is None or database.stored_key(conn, pair.name) == key)
        ):
            outcomes[i] = Outcome(pair, "skipped", summary=old["summary"])
            new_state[pair.name] = old
            continue
        todo.append((i, pair, kwargs, key))
    # progress counts the pairs this run compares: skipped and early failures are said above
    total = len(todo)
    finished = 0
    show_bar = sys.stderr.isatty() if progress is None else progress
    started = time.monotonic()

    for o in (outcomes[i] for i in sorted(outcomes)):
        if o.status == "skipped":
            if not show_bar:
                say(f"{o.pair.name}: skipped (unchanged since the last run)")
        else:
            say(f"{o.pair.name}: FAILED: {o.error}")
    n_skipped = sum(o.status == "skipped" for o in outcomes.values())
    if show_bar and n_skipped:
        say(f"{n_skipped} pairs skipped (unchanged since the last run; --force redoes them)")

    def record(pair: Pair, key: str, result: dict[str, Any]) -> Outcome:
        if result.get("ok"):
            try:  # the worker wrote the two reports
                if conn is not None:  # before the state: a kill in between only redoes the pair
                    database.store_pair(conn, result["db"], key)
            except (OSError, sqlite3.Error) as exc:
                result = {"ok": False, "error": f"cannot write to {outdir}: {getattr(exc, 'strerror', None) or exc}"}
        elif conn is not None:
            database.forget_pair(conn, pair.name)
        if result.get("ok"):
            new_state[pair.name] = {
                "key": key,
                "status": "done",
                "summary": result["summary"],
                "draft": pair.draft,
                "final": pair.final,
            }
            outcome = Outcome(pair, "done", summary=result["summary"])
        else:
            new_state.pop(pair.name, None)
            outcome = Outcome(pair, "failed", error=result.get("error", "failed"))
        # A killed batch resumes from the last state written.  The whole state after every
        # pair grew as pairs × pairs; written when a tenth more pairs are recorded (so its
        # writing stays proportional to the batch) or STATE_EVERY seconds have passed (so a
        # kill redoes little), and at the end.
        saved[1] += 1
        if saved[1] >= max(1, len(new_state) // 10) or time.monotonic() - saved[0] >= STATE_EVERY:
            save_state(out, new_state)
            saved[:] = [time.monotonic(), 0]
        return outcome

    def line(o: Outcome, n: int) -> str:
        if o.status == "done":
            return f"[{n}/{total}] {o.pair.name}: done ({_describe(o.summary or {})}) -> {out / (o.pair.name + '.html')}"
        return f"[{n}/{total}] {o.pair.name}: FAILED: {o.error}"

    save_state(out, new_state)
    saved = [time.monotonic(), 0]  # when the state was last written, pairs recorded since
    if todo:
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        bar_cm: Any = (
            click.progressbar(
                length=len(todo),
                label="revdiff batch",
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda name: name,
            )
            if show_bar
            else None
        )
        bar = bar_cm.__enter__() if bar_cm is not None else None
        failures: list[str] = []
        try:
            _warm_up()
            with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
                futures: dict[Future[dict[str, Any]], tuple[int, Pair, str]] = {
                    pool.submit(run_pair, p.draft or "", p.final or "", kw, lang,
                                None if conn is None else p.name, str(out), p.name): (i, p, key)
                    for i, p, kw, key in todo
                }
                try:
                    for fut in as_completed(futures):
                        i, pair, key = futures[fut]
                        try:
                            result = fut.result()
                        except Exception as exc:  # a worker died (killed, out of memory)
                            result = {
                                "ok": False,
                                "error": f"worker process failed ({type(exc).__name__}: {exc})",
                            }
                        outcome = record(pair, key, result)
                        outcomes[i] = outcome
                        finished += 1
                        if bar is not None:
                            bar.update(1, pair.name)
                            if outcome.status == "failed":
                                failures.append(line(outcome, finished))
                        else:
                            say(line(outcome, finished))
                except KeyboardInterrupt:
                    # Ctrl-C: the finished pairs are recorded; drop the queue and stop the
                    # workers now (they ignore SIGINT), rather than after their current pair.
                    pool.shutdown(wait=False, cancel_futures=True)
                    import multiprocessing

                    for child in multiprocessing.active_children():
                        child.terminate()
                    raise
        finally:
            save_state(out, new_state)  # every pair recorded so far, also on Ctrl-C
            if bar_cm is not None:
                bar_cm.__exit__(None, None, None)
        for f in failures:
            say(f)
    ran = [outcomes[i] for i in range(len(pairs))]
    write_atomic(out / "index.html", render_index(ran, lang))
    if conn is not None:
        conn.close()
    done = sum(o.status == "done" for o in ran)
    skipped = sum(o.status == "skipped" for o in ran)
    failed = sum(o.status == "failed" for o in ran)
    say(
        f"revdiff batch: {len(pairs)} pairs: {done} done, {skipped} skipped, {failed} failed "
        f"in {time.monotonic() - started:.1f} s; index: {out / 'index.html'}"
    )
    return ran
