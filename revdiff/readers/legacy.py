"""Word 97–2003 (.doc), WPS (.wps) and OpenDocument (.odt) files: converted to .docx by
LibreOffice, then read as .docx.

Drafts for comment are often published as .doc or .wps attachments, and a draft saved in
LibreOffice or 永中 Office is an .odt.  Their binary format is
best left to LibreOffice, which keeps headings, auto-numbering and tables; the .docx it writes
is then read by the .docx reader, so lines cited are the paragraphs of that .docx.
LibreOffice runs headless in a private profile and folder (no user settings, no lock on a
profile the user has open), with a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from revdiff.errors import InputError
from revdiff.model import RawDoc

TIMEOUT = 180  # seconds: a long .doc converts in seconds; a first run builds the profile too
_PROGRAMS = ("soffice", "libreoffice")


def _soffice(source: str) -> str:
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise InputError(
        f"{source}: reading .doc/.wps needs LibreOffice; install it (Debian: apt-get install libreoffice-writer-nogui)"
    )


def to_docx(data: bytes, source: str, suffix: str) -> bytes:
    """The bytes of ``data`` (a .doc, .wps or .odt) converted to .docx by LibreOffice."""
    program = _soffice(source)
    with tempfile.TemporaryDirectory(prefix="revdiff-lo-") as tmp:
        work = Path(tmp)
        infile = work / f"input{suffix}"  # a fixed name: the user's file name never reaches a command line
        infile.write_bytes(data)
        outdir = work / "out"
        command = [
            program, f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(infile),
        ]  # fmt: skip
        # HOME in the private folder too: LibreOffice must not touch the user's settings.
        env = {**os.environ, "HOME": str(work), "SAL_USE_VCLPLUGIN": "svp"}
        try:
            subprocess.run(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)  # fmt: skip
        except subprocess.TimeoutExpired:
            raise InputError(
                f"{source}: LibreOffice took more than {TIMEOUT} s to convert it; save it as .docx by hand"
            ) from None
        result = outdir / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            # LibreOffice loads neither a damaged file nor, headless, one that asks for a password.
            raise InputError(
                f"{source}: LibreOffice cannot open this {suffix} (corrupt, or password-protected?); "
                "open it in Word, WPS or LibreOffice, remove any password and save it as .docx"
            )
        return result.read_bytes()


_FIB_MAGIC = b"\xec\xa5"  # wIdent: the first bytes of the WordDocument stream (its FIB)


def _fib(data: bytes) -> int | None:
    """Where the WordDocument stream (its FIB) starts, or None when the file holds none.

    The stream is over 4 KB, so it starts on a 512-byte sector of the compound file: the
    first sector that opens with the FIB's magic is its start.
    """
    for offset in range(512, len(data) - 12, 512):
        if data[offset : offset + 2] == _FIB_MAGIC:
            return offset
    return None


def read(data: bytes, source: str) -> RawDoc:
    """Read a .doc / .wps by way of LibreOffice and the .docx reader (``format`` "doc" or "wps")."""
    from revdiff.readers import docx

    kind = "wps" if source.lower().endswith((".wps", ".wpt")) else "doc"
    fib = _fib(data)
    if fib is None:  # a directory naming the stream, but no stream: LibreOffice need not try
        raise InputError(
            f"{source}: corrupt or truncated .doc/.wps (no Word document inside); "
            "download it again, or open it in Word or WPS and save it as .docx"
        )
    if data[fib + 0x0B] & 0x01:  # fEncrypted, bit 8 of the FIB's flags
        raise InputError(
            f"{source}: the .{kind} is password-protected; open it in Word or WPS, remove the password "
            "and save it again"
        )
    raw = docx.read(to_docx(data, source, "." + kind), source)
    raw.format = kind
    return raw


def read_odt(data: bytes, source: str) -> RawDoc:
    """Read an OpenDocument text (.odt) by way of LibreOffice and the .docx reader (format "odt")."""
    from revdiff.readers import docx

    raw = docx.read(to_docx(data, source, ".odt"), source)
    raw.format = "odt"
    return raw
