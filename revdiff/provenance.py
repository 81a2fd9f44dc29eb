"""Where a compared file came from, as a citation needs it: its SHA-256 and size in bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_digest(source: str) -> tuple[str, int] | None:
    """(SHA-256 hex digest, size in bytes) of the file ``source``; None for standard input or
    a file that can no longer be read (the comparison itself already succeeded)."""
    if not source or source == "-":
        return None
    path = Path(source)
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return digest.hexdigest(), size
