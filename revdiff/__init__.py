"""revdiff: compare two versions of a Chinese government document (a policy's draft and final
text, or a law or regulation before and after a revision) and report what changed.

The library does the work; ``revdiff.cli`` is a thin layer over it::

    import revdiff
    report = revdiff.compare("draft.docx", "final.pdf")
    print(report.to_json())
    doc = revdiff.outline("final.pdf")
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from revdiff.ledger import Ledger
    from revdiff.model import Document, Report
    from revdiff.versions import VersionsReport


def outline(path: str, max_bytes: int | None = None, drop_patterns: list[str] | None = None,
            genre: str | None = None, ocr: str = "auto", warc_url: tuple[str, ...] = ()) -> Document:
    """Read, clean and parse ``path`` (``-`` for stdin) into a Document tree.

    ``drop_patterns``: extra boilerplate, regexes a whole line must match to be dropped;
    ``genre``: ``plan`` or ``law`` to force how it is read (default: detected);
    ``ocr``: which PDF pages Tesseract reads (``auto``: pages without text, ``always``, ``never``);
    ``warc_url``: addresses of the captured page to read from a WARC (the first it holds).
    """
    from revdiff.pipeline import load_document

    return load_document(path, max_bytes=max_bytes, drop_patterns=drop_patterns, genre=genre, ocr=ocr,
                         warc_url=warc_url)


def compare(draft: str, final: str, **options: Any) -> Report:
    """Compare two documents (paths or ``-``) and return a Report.

    Options: ``draft_part``/``final_part`` (title or substring of the part to compare),
    ``watch`` (watched terms, added to the genre's defaults), ``max_bytes`` (input size limit),
    ``words`` (word-level inline diffs), and the revdiff.toml settings: ``pledge_words`` / ``pledge_units`` (extra
    funding-pledge words and money units), ``severity`` (finding kind → high/medium/low),
    ``drop_patterns`` (regexes of boilerplate lines to drop); ``genre`` (``plan`` or ``law``,
    default detected) and, for laws, ``pins`` (article pairs fixed by hand, e.g.
    ``[("第十二条", "第十四条")]``); ``ocr`` (which PDF pages Tesseract reads: ``auto``, the
    pages without text, the default; ``always``; ``never``); ``warc_url`` (addresses of the
    captured page to read from a WARC holding several: the first one each WARC holds).
    """
    from revdiff.pipeline import compare_paths

    return compare_paths(draft, final, **options)


def compare_versions(paths: list[str], **options: Any) -> VersionsReport:
    """Compare several versions of one document (paths oldest first, at least two).

    Each adjacent pair is compared as by ``compare``; the result also follows every funding
    pledge and target across the versions (``VersionsReport.tracks``).  Options as for
    ``compare``; ``draft_part`` applies to the first version, ``final_part`` to the last.
    """
    from revdiff.versions import compare_versions as run

    return run(list(paths), **options)


def ledger(path: str, part: str | None = None, max_bytes: int | None = None, *,
           pledge_words: list[str] | tuple[str, ...] = (), pledge_units: list[str] | tuple[str, ...] = (),
           drop_patterns: list[str] | None = None, ocr: str = "auto", warc_url: tuple[str, ...] = ()) -> Ledger:
    """Every commitment of one document (pledges, targets, deadlines, responsible units).

    ``pledge_words`` / ``pledge_units``: extra funding-pledge words and money units;
    ``drop_patterns``: extra boilerplate lines (regexes), ``ocr`` and ``warc_url``, as for ``compare``.
    """
    from revdiff.ledger import build_ledger
    from revdiff.pipeline import load_document

    doc = load_document(path, max_bytes=max_bytes, drop_patterns=drop_patterns, ocr=ocr, warc_url=warc_url)
    return build_ledger(doc, part, pledge_words=pledge_words, pledge_units=pledge_units)


__all__ = ["__version__", "compare", "compare_versions", "ledger", "outline"]


class _Package(types.ModuleType):
    """The package, whose function ``ledger`` shares its name with the submodule revdiff.ledger.

    Python sets a package's attribute to a submodule when it is first imported (by this
    function, the CLI or the database writer), which would turn ``revdiff.ledger`` into the
    module and break every later ``revdiff.ledger(...)`` call; the function keeps the name
    (the module's names are imported with ``from revdiff.ledger import …``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "ledger" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
