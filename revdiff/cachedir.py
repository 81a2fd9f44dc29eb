"""Where revdiff keeps what it can rebuild: compiled templates."""

from __future__ import annotations

import os


def user_cache(name: str) -> str | None:
    """A writable folder ``revdiff/NAME`` in the user's cache directory (``$XDG_CACHE_HOME``,
    else ``~/.cache``), else in the temporary directory; None when neither can be written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return _writable(os.path.join(base, "revdiff", name)) or _writable(os.path.join(_temp(), "revdiff", name))


def _temp() -> str:
    import tempfile  # only when the user's cache directory cannot be written

    return tempfile.gettempdir()


def _writable(path: str) -> str | None:
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None
