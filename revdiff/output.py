"""Writing outputs safely: never over an input, never half a file.

Every command writes through ``write_atomic`` (a temporary file in the target's folder,
renamed over the target, so a full disk or a kill leaves the old file or the new one, never a
cut-off or empty one) after ``refuse_input_as_output`` has checked that the target is not one
of the inputs (the same path, a symlink or a hard link to it).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from revdiff.errors import RevdiffError


class OutputError(RevdiffError):
    """An output path that would destroy an input or cannot be written."""


def refuse_input_as_output(out: str | os.PathLike[str] | None, inputs: Iterable[str | None], what: str = "output") -> None:
    """Raise OutputError when ``out`` is (or links to) one of ``inputs``.

    ``-`` (standard input or output) and None are never files, so they never clash.
    """
    if out is not None and str(out) != "-":
        refuse_inputs_as_outputs([out], inputs, what)


def refuse_inputs_as_outputs(outs: Iterable[str | os.PathLike[str]], inputs: Iterable[str | None],
                             what: str = "output") -> None:
    """``refuse_input_as_output`` for many outputs at once (a batch).

    Each input is looked up once and each output once, so n pairs cost O(n) look-ups instead
    of one ``samefile`` for every output and input (O(n²): minutes for a thousand pairs).
    An output that exists clashes with an input that is the same file; any output clashes
    with an input whose path resolves the same.
    """
    files: dict[tuple[int, int], str] = {}
    paths: dict[str, str] = {}
    for src in inputs:
        if src is None or src == "-":
            continue
        try:
            st = os.stat(src)
            files.setdefault((st.st_dev, st.st_ino), src)
        except OSError:
            pass
        paths.setdefault(os.path.realpath(src), src)
    for out in outs:
        try:
            st = os.stat(out)
            clash = files.get((st.st_dev, st.st_ino))
        except OSError:
            clash = None
        clash = clash or paths.get(os.path.realpath(out))
        if clash is not None:
            raise OutputError(f"{what} {os.fsdecode(out)!s} is the input {clash}: writing it would destroy the input; "
                              "choose another output path")


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]}
_CONTROL.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def shown(text: str) -> str:
    """``text`` (a path or a message naming one) safe to print on one line and to encode.

    A file name that is not UTF-8 (a GBK name from a Windows share) arrives with its bytes as
    lone surrogates; they are shown as ``\\xb2``.  Line breaks and other control characters
    in a name are shown escaped, so an error stays one line and a report cannot be broken
    out of by a name.
    """
    if text.isprintable():
        return text
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_CONTROL)


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, durable: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` so readers see the old or the new file, never half.

    ``durable``: the data reach the disk before the rename (fsync), so a crash of the machine
    cannot leave an empty file under the name; a caller that writes many files and makes them
    durable together later (a batch, before its state records them) passes False.

    The temporary file sits in the target's folder (a rename across file systems is not
    atomic); it is removed again when anything fails, the error is re-raised.  A symlink is
    followed: the file it points to is replaced and the link stays.  A target that is not a
    regular file (``-o /dev/null``, ``/dev/stdout``, a FIFO, a terminal) is written in place:
    renaming over it would replace the device itself.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        st = os.stat(target)  # follows symlinks: /dev/stdout is the pipe or terminal behind it
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(target, "wb") as fh:
            fh.write(payload)
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        try:
            mode = os.stat(target).st_mode & 0o777  # keep the mode of the file being replaced
        except OSError:
            mode = 0o666 & ~_umask()  # mkstemp makes 0600; new outputs get the usual mode
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
