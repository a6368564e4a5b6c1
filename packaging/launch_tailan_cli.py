"""Entry script of the bundle's console executable ``tailan-cli`` (same as the ``tailan-cli`` script)."""

from core.cli import run

run()
