"""``python -m core.cli``: the command line, as the installed ``tailan-cli`` runs it."""

from core.cli import run

run()
