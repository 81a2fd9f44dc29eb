"""Compiled regular expressions kept between runs of the command line (issue 16).

A comparison compiles about 200 patterns, most with CJK character classes, and compiling
them (the standard library's charset optimisation runs in Python) costs ~30 ms a process: a
sixth of a small comparison.  What compiling produces, the ``_sre`` code of a pattern,
depends only on the pattern, its flags and the interpreter; so, as the templates' bytecode
is, it is kept in the user's cache directory, and a pattern met again is built from it by
``_sre.compile``, the constructor ``re`` itself ends with.

Safe by construction: the file is tied to the interpreter's exact version; a code is stored
only after the pattern rebuilt from it compared equal (same code, flags and groups) to the
one ``re`` compiled; anything unexpected (a damaged file, another interpreter, an internal
that changed) means compiling as usual.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

LIMIT = 500  # patterns kept in the file (a comparison uses ~200), the most recently used

_Key = tuple[Any, int]  # (pattern text, flags)
_Args = tuple[Any, ...]  # _sre.compile's arguments after the pattern

_stored: dict[_Key, _Args] = {}  # read from the file
_used: dict[_Key, _Args] = {}  # met in this run
_state: dict[str, Any] = {}  # path, the original compile, whether anything new was compiled


def _tag() -> str:
    import _sre

    return f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|bytes"


def install(path: str | None = None) -> None:
    """Compile patterns through the cache file ``path`` (default: ``re/patterns.marshal`` in
    revdiff's user cache folder) for the rest of this process."""
    import _sre
    from array import array
    from re import _compiler  # type: ignore[attr-defined]  # not in the stubs

    from revdiff.cachedir import user_cache

    if _state or not hasattr(_compiler, "_code") or array("I").itemsize != _sre.CODESIZE:
        return
    if path is None:
        folder = user_cache("re")
        if folder is None:
            return
        path = os.path.join(folder, "patterns.marshal")
    try:
        with open(path, "rb") as fh:
            tag, table = marshal.load(fh)
        if tag == _tag() and isinstance(table, dict):
            _stored.update(table)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no file yet, or one this interpreter cannot use: it is rewritten at save()
    _state.update(path=path, original=_compiler.compile, new=False)
    _compiler.compile = _compile


def _compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` through the cache (``re`` keeps its own per-process cache above it)."""
    import _sre
    import re

    original = _state["original"]
    if type(p) not in (str, bytes) or flags & re.DEBUG:
        return original(p, flags)
    key = (p, int(flags))
    args = _stored.get(key)
    if args is not None:
        try:
            pattern = _sre.compile(p, args[0], _words(args[1]), *args[2:])
            _used[key] = args
            return pattern
        except Exception:  # a damaged entry: compiled as usual below, and replaced
            pass
    pattern = original(p, flags)
    args = _arguments(p, int(flags), pattern)
    if args is not None:
        _used[key] = args
        _state["new"] = True
    return pattern


def _arguments(p: Any, flags: int, pattern: Any) -> _Args | None:
    """``_sre.compile``'s arguments for ``pattern`` (the code as bytes), if they rebuild it exactly."""
    import _sre
    from array import array
    from re import _compiler, _parser  # type: ignore[attr-defined]  # not in the stubs

    try:
        code = array("I", _compiler._code(_parser.parse(p, flags), flags)).tobytes()
        groups = [None] * (pattern.groups + 1)
        for name, i in pattern.groupindex.items():
            groups[i] = name
        args = (pattern.flags, code, pattern.groups, dict(pattern.groupindex), tuple(groups))
        return args if _sre.compile(p, args[0], _words(code), *args[2:]) == pattern else None
    except Exception:  # an internal that changed shape: this pattern is simply not kept
        return None


def _words(code: bytes) -> list[int]:
    """The code list back from its bytes (kept as bytes: the file then loads in a millisecond)."""
    from array import array

    return array("I", code).tolist()


def save() -> None:
    """Write the file when this run compiled a pattern it did not hold (atomically)."""
    if not _state.get("new"):
        return
    # this run's patterns first, then the file's in its order (the previous runs', most recent
    # first) up to LIMIT: patterns of documents compared long ago (numbers, names) drop out
    table = dict(_used)
    for key, args in _stored.items():
        if len(table) >= LIMIT:
            break
        table.setdefault(key, args)
    path = _state["path"]
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            marshal.dump((_tag(), table), fh)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only cache, an unmarshallable pattern: no cache
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _state["new"] = False
