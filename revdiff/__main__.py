"""``python -m revdiff`` runs the command line."""

from revdiff.cli import entry

entry()
