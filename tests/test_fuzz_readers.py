"""A bounded fuzz run over the readers and the parser (hypothesis, well under a minute).

Seed files (samples/*.txt and tests/fixtures/sample.*) are mutated - bytes flipped, cut
short, random bytes inserted, ranges deleted, lines shuffled - written to a temp file and
read with ``revdiff.outline``.  It must return a Document or raise ``RevdiffError`` (which
the CLI prints as one line, exit 2); any other exception, or a hang, is a bug.  Crashes
found here become named regression tests at the end of this file.

``REVDIFF_FUZZ_SCALE=10 pytest tests/test_fuzz_readers.py`` runs ten times as many examples.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import revdiff
from revdiff.errors import RevdiffError
from revdiff.model import Document

from .conftest import FIXTURES, SAMPLES

SCALE = max(1, int(os.environ.get("REVDIFF_FUZZ_SCALE", "1")))
PER_EXAMPLE_SECONDS = 20

TEXT_SEEDS = {p.name: p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))}
HTML_SEEDS = {p.name: p.read_bytes() for p in sorted(FIXTURES.glob("sample*.html"))}
MD_SEEDS = {p.name: p.read_bytes() for p in sorted((Path(__file__).parent / "copies").glob("*.md"))}
DOCX_SEEDS = {"sample.docx": (FIXTURES / "sample.docx").read_bytes()}
PDF_SEEDS = {"sample.pdf": (FIXTURES / "sample.pdf").read_bytes()}
ARCHIVE_SEEDS = {p.name: p.read_bytes() for p in sorted((Path(__file__).parent / "archives").iterdir())
                 if p.name.endswith((".mhtml", ".mht", ".warc.gz", ".wacz", ".html", ".webarchive"))}


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


class Hang(Exception):
    """An input that kept a reader busy for longer than PER_EXAMPLE_SECONDS."""


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def outline_bytes(data: bytes, suffix: str) -> Document | None:
    """``revdiff.outline`` on ``data`` saved as a temp file; None when it was refused cleanly."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            with time_limit(PER_EXAMPLE_SECONDS):
                doc = revdiff.outline(str(path))
        except RevdiffError as exc:
            message = str(exc)
            assert message.strip() and "\n" not in message, f"an error must be one line: {message!r}"
            return None
    assert isinstance(doc, Document)
    return doc


# --------------------------------------------------------------------------- mutations


def _mutate(data: bytes, ops: list[tuple[str, float, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, a, b, extra in ops:
        n = len(buf)
        i = min(int(a * n), max(n - 1, 0))
        if op == "flip" and n:
            buf[i] ^= 1 << (int(b * 8) % 8)
        elif op == "set" and n:
            buf[i] = extra[0] if extra else 0
        elif op == "truncate":
            del buf[max(i, 1) :]
        elif op == "insert":
            buf[i:i] = extra
        elif op == "delete":
            del buf[i : i + 1 + int(b * 256)]
        elif op == "duplicate":
            j = min(n, i + 1 + int(b * 512))
            buf[j:j] = buf[i:j]
        elif op == "shuffle_lines":
            lines = bytes(buf).split(b"\n")
            random.Random(int(b * 1_000_000)).shuffle(lines)
            buf = bytearray(b"\n".join(lines))
    return bytes(buf)


unit = st.floats(min_value=0, max_value=1, allow_nan=False, exclude_max=True)
mutation = st.tuples(
    st.sampled_from(
        ["flip", "flip", "set", "truncate", "insert", "insert", "delete", "duplicate", "shuffle_lines"]
    ),
    unit,
    unit,
    st.binary(min_size=1, max_size=64),
)
mutations = st.lists(mutation, min_size=1, max_size=6)


def _suffix_for(name: str) -> st.SearchStrategy[str]:
    own = Path(name).suffix
    return st.sampled_from([own, own, ".txt"])  # sometimes misnamed: sniffing must cope


@fuzz_settings(150)
@given(data=st.data(), ops=mutations)
def test_fuzz_text_and_parser(data: st.DataObject, ops: list) -> None:
    name = data.draw(st.sampled_from(sorted(TEXT_SEEDS)), label="seed")
    outline_bytes(_mutate(TEXT_SEEDS[name], ops), ".txt")


@fuzz_settings(100)
@given(data=st.data(), ops=mutations)
def test_fuzz_html(data: st.DataObject, ops: list) -> None:
    name = data.draw(st.sampled_from(sorted(HTML_SEEDS)), label="seed")
    outline_bytes(_mutate(HTML_SEEDS[name], ops), data.draw(_suffix_for(name), label="suffix"))


@fuzz_settings(100)
@given(data=st.data(), ops=mutations)
def test_fuzz_markdown(data: st.DataObject, ops: list) -> None:
    name = data.draw(st.sampled_from(sorted(MD_SEEDS)), label="seed")
    outline_bytes(_mutate(MD_SEEDS[name], ops), data.draw(_suffix_for(name), label="suffix"))


@fuzz_settings(120)
@given(data=st.data(), ops=mutations)
def test_fuzz_docx(data: st.DataObject, ops: list) -> None:
    outline_bytes(_mutate(DOCX_SEEDS["sample.docx"], ops), data.draw(_suffix_for("x.docx"), label="suffix"))


@fuzz_settings(100)
@given(data=st.data(), ops=mutations)
def test_fuzz_pdf(data: st.DataObject, ops: list) -> None:
    outline_bytes(_mutate(PDF_SEEDS["sample.pdf"], ops), data.draw(_suffix_for("x.pdf"), label="suffix"))


@fuzz_settings(100)
@given(data=st.data(), ops=mutations)
def test_fuzz_web_archives(data: st.DataObject, ops: list) -> None:
    """MHTML, WARC, Safari web archives and archived pages (tests/archives), also as an uncompressed WARC."""
    name = data.draw(st.sampled_from(sorted(ARCHIVE_SEEDS)), label="seed")
    seed = ARCHIVE_SEEDS[name]
    if name.endswith(".gz") and data.draw(st.booleans(), label="uncompressed"):
        import gzip

        seed = gzip.decompress(seed)
    outline_bytes(_mutate(seed, ops), data.draw(_suffix_for(name), label="suffix"))


def _docx_with(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX_SEEDS["sample.docx"])) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, parts.get(info.filename, zin.read(info.filename)))
    return buf.getvalue()


with zipfile.ZipFile(io.BytesIO(DOCX_SEEDS["sample.docx"])) as _z:
    DOCX_PARTS = {
        name: _z.read(name)
        for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml", "docProps/core.xml")
        if name in _z.namelist()
    }


@fuzz_settings(120)
@given(data=st.data(), ops=mutations)
def test_fuzz_docx_parts(data: st.DataObject, ops: list) -> None:
    """Mutations inside the package's XML parts (a mutated zip is mostly refused by its CRCs)."""
    name = data.draw(st.sampled_from(sorted(DOCX_PARTS)), label="part")
    outline_bytes(_docx_with({name: _mutate(DOCX_PARTS[name], ops)}), ".docx")


# Generated documents of the genre: heading markers, boxes, tables and stray punctuation in
# random order, so the parser sees numbering it cannot make sense of.
_PIECES = [
    "一、",
    "二十三、",
    "（一）",
    "(二)",
    "（十）",
    "1.",
    "12．",
    "（1）",
    "①",
    "第一章",
    "第三节",
    "第十条",
    "专栏1",
    "专栏",
    "附件",
    "附件2",
    "附表",
    "征求意见稿",
    "\t",
    "\t\t",
    "|",
    "。",
    "；",
    "：",
    "、",
    "——",
    "…",
    "一是",
    "二是",
    "到2025年",
    "50万元",
    "≥90%",
    "\u3000",
    " ",
    "[bookmark: _Toc1]",
    "抄送：",
    "印发",
    "- 3 -",
    "第 2 页",
    "知识产权",
    "加强",
    "保护",
    "x",
    "\ufeff",
    "\r",
    "\x0c",
]
genre_line = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), min_size=0, max_size=8).map("".join)
genre_doc = st.lists(genre_line, min_size=1, max_size=60).map("\n".join)


@fuzz_settings(200)
@given(text=genre_doc, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_fuzz_parser_generated(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    outline_bytes(data, ".txt")


# --------------------------------------------------------------------------- regressions
# Inputs the fuzz run found crashing; each is now refused with a one-line error or read.


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_regression_pdf_header_and_eof_around_nothing(suffix: str) -> None:
    outline_bytes(b"%PDF-1.4\n%%EOF\n", suffix)


def test_regression_docx_missing_first_byte() -> None:
    """Zip offsets all one byte off: zipfile raised ValueError (negative seek), not BadZipFile."""
    assert outline_bytes(DOCX_SEEDS["sample.docx"][1:], ".docx") is None


def test_regression_docx_zip_version_too_new() -> None:
    """A flipped byte in the central directory asks for zip version 8.4: zipfile raised
    NotImplementedError, shown as an internal error, instead of a corrupt-file refusal."""
    data = bytearray(DOCX_SEEDS["sample.docx"])
    at = data.index(b"PK\x01\x02")  # the first central directory entry
    data[at + 6 : at + 8] = (84).to_bytes(2, "little")  # "version needed to extract"
    assert outline_bytes(bytes(data), ".docx") is None


@pytest.mark.parametrize("cut", [1, 2])
def test_regression_text_cut_inside_a_character(cut: int) -> None:
    """A UTF-8 file cut inside its last character was refused as 'not text in any known encoding'."""
    data = TEXT_SEEDS["yantai-ip-strategy-draft.txt"].rstrip() + "。".encode()
    doc = outline_bytes(data[:-cut], ".txt")
    assert doc is not None and doc.parts


def test_regression_text_with_one_damaged_byte() -> None:
    """One invalid byte in 35 KB of UTF-8 made the whole document unreadable."""
    data = bytearray(TEXT_SEEDS["yantai-ip-strategy-draft.txt"])
    data[20001] = 0xFF
    doc = outline_bytes(bytes(data), ".txt")
    assert doc is not None and doc.encoding == "utf-8"


@pytest.mark.parametrize("bom", [b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf"])
def test_regression_bom_before_binary(bom: bytes) -> None:
    """A UTF-16/UTF-8 BOM before non-text (here a docx) raised UnicodeDecodeError."""
    assert outline_bytes(bom + DOCX_SEEDS["sample.docx"], ".txt") is None
