"""Errors revdiff reports to the user as one line and exit status 2."""


class RevdiffError(Exception):
    """An input or usage problem: the message says what was wrong and what to do."""


class InputError(RevdiffError):
    """A file that cannot be read as a document (missing, empty, corrupt, scanned …)."""
