"""Zip packages (.docx, .ofd) opened and checked against zip bombs before anything is inflated.

Checked on the sizes the zip declares: how many members, how much they inflate to in all, and
how much any large member inflates compared with its compressed size.
"""

from __future__ import annotations

import io
import zipfile

from revdiff.errors import InputError

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100
RATIO_CHECK_SIZE = 50 * 1024 * 1024
MAX_MEMBERS = 10000


def open_package(data: bytes, source: str, label: str, corrupt: InputError) -> zipfile.ZipFile:
    """The zip of a ``label`` file (".docx", ".ofd"), or ``corrupt`` raised when it cannot be
    read, or a one-line refusal when its declared sizes look like a zip bomb."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a damaged header claiming a zip version zipfile cannot read
        raise corrupt from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{source}: {label} has {len(infos)} zip members (more than {MAX_MEMBERS}); refusing it")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(
            f"{source}: {label} declares {total >> 20} MB of uncompressed content, more than the limit of "
            f"{MAX_TOTAL_UNCOMPRESSED >> 20} MB (a zip bomb?); refusing it"
        )
    for info in infos:
        if info.file_size > RATIO_CHECK_SIZE and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{source}: {label} member {info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                " times (a zip bomb?); refusing it"
            )
    return zf
