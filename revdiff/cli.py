"""The ``revdiff`` command line: a thin click layer over ``revdiff.compare`` / ``outline``.

Exit status: 0 success; 1 with ``--exit-code`` when findings were reported; 2 for a usage
or input error, printed as one line on standard error (never a traceback).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from revdiff import __version__
from revdiff.config import Settings

FORMATS = ("html", "json", "md", "csv", "docx")
BOM = "\ufeff"
GENRES = ("plan", "law")  # revdiff/genres: the registered genres (checked by a test)


def _fail(message: str) -> None:
    from revdiff.output import shown

    click.echo(f"revdiff: error: {shown(message)}", err=True)
    sys.exit(2)


def _refuse_terminal(out: str | None, fmt: str) -> None:
    """Before any work: no Word file and no page of HTML markup onto a terminal."""
    if out not in (None, "-") or sys.stdout is None or not sys.stdout.isatty():
        return
    if fmt == "docx":  # a Word file would garble the terminal
        _fail("--format docx writes a Word file: give -o FILE.docx, or redirect standard output to a file")
    if fmt == "html":  # a page of markup is unreadable in a terminal: say how to get the page
        _fail("the HTML report is a web page: give -o report.html and open it in a browser "
              "(or --format md to read the report here)")


def _write(out: str | None, text: str | bytes) -> None:
    """Write to standard output or atomically to ``out`` (already checked against the inputs)."""
    from revdiff.output import write_atomic

    data = text.encode("utf-8") if isinstance(text, str) else text
    if out in (None, "-"):
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            _fail("standard output is closed; write the output to a file with -o OUT")
        if sys.stdout.isatty():
            data = data.removeprefix(BOM.encode("utf-8"))  # the BOM is for spreadsheets opening a file
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_atomic(out, data)
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}; check the output path")


def _warn_mismatch(warnings: list[str]) -> None:
    """One line on standard error when the pair may not correspond (the report says more)."""
    from revdiff.output import shown
    from revdiff.sanity import MISMATCH

    mismatch = [w for w in warnings if w.startswith(MISMATCH)]
    if mismatch:
        more = f" (+{len(mismatch) - 1} more in the report)" if len(mismatch) > 1 else ""
        click.echo(f"revdiff: warning: {shown(mismatch[0])}{more}", err=True)


def _refuse_inputs(out: str | None, inputs: tuple[str, ...] | list[str]) -> None:
    """Stop before any work when ``-o OUT`` is one of the inputs (it would be destroyed)."""
    from revdiff.output import refuse_input_as_output

    refuse_input_as_output(out, inputs)


# What each output extension holds; an extension revdiff cannot write (.pdf, .doc …) is refused.
_SUFFIX_FORMATS = {"htm": "html", "html": "html", "json": "json", "md": "md", "markdown": "md", "csv": "csv",
                   "docx": "docx"}
_FOREIGN_SUFFIXES = {"pdf", "doc", "wps", "ofd", "txt", "xls", "xlsx", "odt", "rtf", "png", "jpg", "zip", "mht", "mhtml",
                     "warc"}


def _check_suffix(out: str | None, fmt: str, formats: tuple[str, ...] | list[str]) -> None:
    """Refuse ``-o OUT`` whose extension says another format than the one to be written."""
    if not out or out == "-":
        return
    suffix = Path(out).suffix.lower().lstrip(".")
    meant = _SUFFIX_FORMATS.get(suffix)
    if (meant and meant != fmt) or suffix in _FOREIGN_SUFFIXES:
        writable = ", ".join(f".{s}" for s, f in _SUFFIX_FORMATS.items() if f in formats)
        _fail(f"-o {out}: a .{suffix} file cannot hold the {fmt} output; name it with one of {writable} "
              f"(or choose --format to match)")
def _store(db: str, report: Any, name: str) -> None:
    """Add ``report`` to the SQLite database ``db`` as pair ``name`` (replacing one of that name)."""
    import sqlite3

    from revdiff.render import database

    try:
        conn = database.connect(db)
        database.store_pair(conn, database.pair_rows(report, name))
        conn.close()
        database.write_metadata(db)
    except database.DatabaseError as exc:
        _fail(f"--db: {exc}")
    except (OSError, sqlite3.Error) as exc:
        _fail(f"--db: cannot write {db}: {getattr(exc, 'strerror', None) or exc}")


def _format_for(out: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if out and out != "-":
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix in _SUFFIX_FORMATS:
            return _SUFFIX_FORMATS[suffix]
    return _settings().format or "html"


def _settings() -> Settings:
    """The settings file's values (revdiff.toml or --config) for the running command."""
    from revdiff.errors import RevdiffError

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    if isinstance(obj, RevdiffError):  # a broken settings file, reported when a command needs it
        raise obj
    return obj if isinstance(obj, Settings) else Settings()


class _Group(click.Group):
    """Maps library errors to one stderr line and exit 2."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        # a bad top-level option (revdiff --bogus) fails here, before any command runs
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            _fail(f"{exc.format_message().rstrip('.')}; see revdiff --help")
            raise  # unreachable: _fail exits

    def invoke(self, ctx: click.Context) -> Any:
        from revdiff.errors import RevdiffError

        try:
            return super().invoke(ctx)
        except RevdiffError as exc:
            _fail(str(exc))
        except BrokenPipeError:
            # the reader went away (`revdiff … | head`): stop quietly, as other command-line
            # tools do, with the status of a SIGPIPE death; stdout goes to /dev/null so that
            # the interpreter's final flush cannot complain again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(141)
        except MemoryError:
            _fail("out of memory; the input is too large, try --max-size or split it")
        except RecursionError:
            _fail("document structure nested too deeply to read")
        except click.UsageError as exc:  # click would print three lines (usage, hint, error)
            where = exc.ctx.command_path if exc.ctx else "revdiff"
            _fail(f"{exc.format_message().rstrip('.')}; see {where} --help")
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug of ours: still one line, the traceback on request
            if os.environ.get("REVDIFF_DEBUG"):
                raise
            _fail(f"internal error ({type(exc).__name__}: {exc}); rerun with REVDIFF_DEBUG=1 and report it")


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="revdiff")
@click.option("--config", "config_file", metavar="FILE",
              help="Settings file (default: revdiff.toml in the current directory, if there is one).")
@click.pass_context
def main(ctx: click.Context, config_file: str | None) -> None:
    """Compare two versions of a Chinese government document: a policy's draft (征求意见稿)
    and its final text, or a law or regulation before and after a revision.

    \b
    Example:
        revdiff compare draft.docx final.pdf -o report.html
        revdiff compare law-2009.md law-2024.md -o 对照表.docx
        revdiff outline final.pdf
    """
    if ctx.invoked_subcommand is None:  # a bare `revdiff` shows the help, as -h does
        click.echo(ctx.get_help())
        return
    from revdiff.config import load_settings
    from revdiff.errors import RevdiffError

    try:
        settings = load_settings(config_file)
    except RevdiffError as exc:
        ctx.obj = exc  # kept until a command needs the settings: `COMMAND --help` still works
        return
    # The file's [compare] lang/watch become the commands' defaults: options still override.
    ctx.obj = settings
    ctx.default_map = settings.default_map()


@main.command()
@click.argument("versions", nargs=-1, metavar="DRAFT [VERSION ...] FINAL")
@click.option("-o", "--output", "out", metavar="OUT", help="Output file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from OUT's extension, else html).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the report's interface.")
@click.option("--draft-part", metavar="TITLE", help="Part of a bundled draft to compare (title or a substring of it).")
@click.option("--final-part", metavar="TITLE", help="Part of a bundled final to compare (title or a substring of it).")
@click.option("--watch", metavar="TERM,...", help="Watched terms, comma-separated, added to the genre's defaults (plans: 版权, where either text has it).")
@click.option("--word-diff", is_flag=True, help="Word-level inline diffs (jieba segmentation) instead of characters.")
@click.option("--max-size", type=click.IntRange(min=1), default=50, show_default=True, metavar="MB", help="Refuse inputs larger than this.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Which PDF pages Tesseract reads: auto (pages without a text layer), always, never.")
@click.option("--warc-url", "warc_url", multiple=True, metavar="URL",
              help="Which captured page of a WARC to read (its address; repeatable: each WARC reads the first it holds).")
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when any finding was reported (like git diff).")
@click.option("--map", "article_map", is_flag=True,
              help="With --format csv: the article map (old → new number, status, lines) instead of the findings.")
@click.option("--db", metavar="FILE", help="Also add the comparison to this SQLite database (revdiff.db/1).")
@click.option("--db-name", metavar="NAME", help="The pair's name in --db (default: DRAFT's and FINAL's file names).")
@click.option("--genre", type=click.Choice(GENRES), help="Read both documents as this genre (default: detected).")
@click.option("--pin", "pins", multiple=True, metavar="DRAFT=FINAL",
              help="Pair two articles by hand, e.g. --pin 第十二条=第十四条 (laws; repeatable).")
@click.option("--pins", "pins_file", metavar="FILE.csv", help="Article pins from a CSV file of draft,final rows.")
def compare(versions: tuple[str, ...], out: str | None, fmt: str | None, lang: str, draft_part: str | None,
            final_part: str | None, watch: str | None, word_diff: bool, max_size: int, ocr: str,
            warc_url: tuple[str, ...], exit_code: bool,
            article_map: bool, db: str | None, db_name: str | None, genre: str | None, pins: tuple[str, ...],
            pins_file: str | None) -> None:
    """Compare DRAFT with FINAL and report what changed, with citations.

    DRAFT and FINAL are .txt, .md, .html, .mht/.mhtml, .warc/.warc.gz, .wacz, .webarchive, .docx,
    .doc, .wps, .ofd or .pdf files (scanned PDFs are read with OCR; web archives as the page they hold),
    or - for standard input.
    With more than two files (oldest first: DRAFT, intermediate versions, FINAL) the report
    follows each funding pledge and target across the versions and shows each adjacent pair.

    \b
    Example:
        revdiff compare draft.txt notice.txt -o report.html
        revdiff compare draft.docx final.pdf --format json --watch 版权,商标
        revdiff compare draft.docx review.docx final.pdf -o versions.html
        revdiff compare law-2009.txt law-2024.txt -o 对照表.docx
        revdiff compare law-2009.txt law-2024.txt --format csv --map -o map.csv
        revdiff compare law-2009.txt law-2024.txt --pin 第十二条=第十四条
        revdiff compare crawl.warc.gz final.mhtml --warc-url http://www.gov.cn/zhengce/a.htm
    """
    from revdiff import compare as run_compare
    from revdiff.pins import parse_pin, read_pins
    from revdiff.render import render_bytes
    from revdiff.render.csv import render_map_csv

    if len(versions) < 2:
        _fail(f"missing argument {'FINAL' if versions else 'DRAFT'}: compare needs DRAFT and FINAL "
              "(or more versions, oldest first); see revdiff compare --help")
    if versions.count("-") > 1:
        _fail("only one of DRAFT and FINAL can be standard input (-)")
    _refuse_inputs(out, versions)
    draft, final = versions[0], versions[-1]
    terms = [t.strip() for t in (watch or "").replace("，", ",").split(",") if t.strip()]
    pairs = [parse_pin(p) for p in pins] + (read_pins(pins_file) if pins_file else [])
    fmt = _format_for(out, fmt)
    _check_suffix(out, fmt, FORMATS)
    _refuse_terminal(out, fmt)
    if article_map and (fmt != "csv" or len(versions) > 2):
        _fail("--map writes the article map of two files as CSV: use it with --format csv (or -o FILE.csv)")
    if db and len(versions) > 2:
        _fail("--db adds the comparison of two files: compare two versions at a time")
    if db:
        _refuse_inputs(db, versions)
    if fmt == "docx" and len(versions) > 2:
        _fail("--format docx writes the 修改对照表 of two files: compare two versions at a time")
    if len(versions) > 2:
        if pairs:
            _fail("--pin / --pins pair the articles of two files; give exactly DRAFT and FINAL")
        from revdiff.render.versions import render_versions
        from revdiff.versions import compare_versions

        several = compare_versions(list(versions), draft_part=draft_part, final_part=final_part, watch=terms,
                                   words=word_diff, max_bytes=max_size * 1024 * 1024, genre=genre, ocr=ocr,
                                   warc_url=warc_url,
                                   **_settings().compare_options())
        _warn_mismatch([w for pair in several.pairs for w in pair.warnings])
        _write(out, render_versions(several, fmt, lang=lang))
        if exit_code and several.findings:
            sys.exit(1)
        return
    report = run_compare(draft, final, draft_part=draft_part, final_part=final_part, watch=terms,
                         words=word_diff, max_bytes=max_size * 1024 * 1024, genre=genre, pins=pairs, ocr=ocr,
                         warc_url=warc_url,
                         **_settings().compare_options())
    _warn_mismatch(report.warnings)
    _write(out, render_map_csv(report) if article_map else render_bytes(report, fmt, lang=lang))
    if db:
        _store(db, report, db_name or f"{Path(draft).stem} → {Path(final).stem}")
    if exit_code and report.findings:
        sys.exit(1)


@main.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--max-size", type=click.IntRange(min=1), default=50, show_default=True, metavar="MB", help="Refuse inputs larger than this.")
@click.option("--genre", type=click.Choice(GENRES), help="Read FILE as this genre (default: detected).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Which PDF pages Tesseract reads: auto (pages without a text layer), always, never.")
@click.option("--warc-url", "warc_url", multiple=True, metavar="URL",
              help="Which captured page of a WARC to read (its address; repeatable: each WARC reads the first it holds).")
def outline(file: str, fmt: str, max_size: int, genre: str | None, ocr: str, warc_url: tuple[str, ...]) -> None:
    """Show the structure revdiff reads in FILE: parts, headings, boxes, tables, lines.

    \b
    Example:
        revdiff outline notice.txt
        revdiff outline final.pdf --format json
        revdiff outline law.txt --genre law
    """
    from revdiff import outline as run_outline
    from revdiff.outline_format import outline_dict, outline_text

    doc = run_outline(file, max_bytes=max_size * 1024 * 1024, genre=genre, ocr=ocr, warc_url=warc_url,
                      **_settings().outline_options())
    if fmt == "json":
        _write(None, json.dumps(outline_dict(doc), ensure_ascii=False, indent=2) + "\n")
    else:
        _write(None, outline_text(doc))


@main.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "md"]),
              help="Output format (default: from OUT's extension, else csv).")
@click.option("-o", "--output", "out", metavar="OUT", help="Output file (default: standard output).")
@click.option("--part", metavar="TITLE", help="Only this part of a bundle (title or a substring of it).")
@click.option("--max-size", type=click.IntRange(min=1), default=50, show_default=True, metavar="MB", help="Refuse inputs larger than this.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Which PDF pages Tesseract reads: auto (pages without a text layer), always, never.")
@click.option("--warc-url", "warc_url", multiple=True, metavar="URL",
              help="Which captured page of a WARC to read (its address; repeatable: each WARC reads the first it holds).")
def ledger(file: str, fmt: str | None, out: str | None, part: str | None, max_size: int, ocr: str,
           warc_url: tuple[str, ...]) -> None:
    """List every commitment in FILE: funding pledges, targets, deadlines, responsible units.

    \b
    Example:
        revdiff ledger draft.docx -o ledger.csv
        revdiff ledger notice.pdf --part 知识产权 --format md
    """
    from revdiff import ledger as run_ledger

    _refuse_inputs(out, [file])
    suffix_format = _SUFFIX_FORMATS.get(Path(out).suffix.lower().lstrip(".")) if out and out != "-" else None
    fmt = fmt or (suffix_format if suffix_format in ("csv", "json", "md") else "csv")
    _check_suffix(out, fmt, ("csv", "json", "md"))
    result = run_ledger(file, part=part, max_bytes=max_size * 1024 * 1024, ocr=ocr, warc_url=warc_url,
                        **_settings().ledger_options())
    text = {"csv": result.to_csv, "json": result.to_json, "md": result.to_md}[fmt]()
    _write(out, text)


@main.command()
@click.argument("manifest")
@click.option("-o", "--output", "outdir", metavar="OUTDIR", required=True,
              help="Folder for NAME.html, NAME.json per pair and index.html.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Pairs compared in parallel (default: number of cores).")
@click.option("--force", is_flag=True, help="Redo every pair, also those unchanged since the last run.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the reports' interface.")
@click.option("--allow-outside", is_flag=True,
              help="Let the manifest name absolute paths and files outside its folder.")
@click.option("--db", metavar="FILE", help="Also keep every pair in this SQLite database (revdiff.db/1, for Datasette).")
def batch(manifest: str, outdir: str, jobs: int | None, force: bool, lang: str, allow_outside: bool,
          db: str | None) -> None:
    """Compare many draft/final pairs into OUTDIR, with an index ranking them by severity.

    MANIFEST is a CSV file with the header name,draft,final[,options] (paths relative to
    it; options such as --watch 商标 --final-part 知识产权) or a folder of NAME.draft.* and
    NAME.final.* files.  Exit status 0 when every pair ran, 1 when any failed.

    \b
    Example:
        revdiff batch pairs.csv -o reports/ -j 4
    """
    from revdiff.batch import run_batch

    settings = _settings()
    try:
        outcomes = run_batch(manifest, outdir, jobs=jobs, force=force, lang=lang, allow_outside=allow_outside, db=db,
                             options=settings.compare_options(), watch=list(settings.watch or []))
    except KeyboardInterrupt:
        click.echo("revdiff: interrupted; finished pairs are kept, run the same command again to do the rest",
                   err=True)
        sys.exit(130)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


def entry() -> None:
    """The ``revdiff`` command: run it, then leave without the interpreter's clean-up.

    Every output is written and closed (atomically, for files) before a command returns, so
    tearing down thousands of objects module by module at exit only costs time (about a
    tenth of a small comparison).  Standard streams are flushed first; a reader that went
    away meanwhile is the quiet exit of a broken pipe.
    """
    import gc

    # A comparison allocates many small objects and frees few: the collector's default first
    # threshold (700) scans the young generation thousands of times for nothing (−6 % CPU at
    # 3 M characters, same output).
    gc.set_threshold(50_000, 50, 100)
    try:
        main()
        code = 0
    except SystemExit as exc:  # click ends every run with one
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            sys.stderr.write(exc.code + "\n")
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            code = 141 if code == 0 else code
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
