"""What every ``tailan-cli`` command module shares: the exit codes and the sub-command table.

The command modules live beside what they drive (``core/pdf/cli.py``, ``core/aimag/register_cli.py``...)
and import this module, never ``core.cli`` itself, which imports them: the command line
has no import cycle.
"""

from __future__ import annotations

import argparse
from typing import Any, Protocol

#: The command did what was asked.
EXIT_OK = 0
#: ``consolidate``: done, but some files were rejected or wait for the reviewer.
EXIT_NEEDS_REVIEW = 1
#: Bad input or bad usage: one Mongolian line on stderr, nothing changed.
EXIT_BAD_INPUT = 2
#: A bug of ours: said briefly, the data kept safe.
EXIT_INTERNAL = 3


class SubCommands(Protocol):
    """The table ``add_parsers(sub)`` adds its commands to (what ``add_subparsers`` returns)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """Adds the command ``name``; returns its parser, to add its arguments to."""
        ...


def days_text(days: int) -> str:
    """``5 хоног үлдсэн``, ``өнөөдөр эцсийн өдөр``, ``3 хоног хоцорсон``: a deadline as people count it."""
    if days > 0:
        return f"{days} хоног үлдсэн"
    return "өнөөдөр эцсийн өдөр" if days == 0 else f"{-days} хоног хоцорсон"
