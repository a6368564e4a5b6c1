"""What every ``tailan-cli`` command module shares: the exit codes, the sub-command table, how the program ends.

The command modules live beside what they drive (``core/pdf/cli.py``, ``core/aimag/register_cli.py``...)
and import this module, never ``core.cli`` itself, which imports them: the command line
has no import cycle.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any, NoReturn, Protocol, TextIO

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


#: What would change what a terminal shows rather than show itself: the control
#: characters (C0, DEL, C1), the format characters (bidi marks, embeddings, overrides and
#: isolates, zero-width characters, tags...) and the line and paragraph separators.
_UNPRINTABLE = (
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


@cache
def _unprintable() -> re.Pattern:
    """``_UNPRINTABLE`` compiled on first need (most output has nothing to escape: ``printable``)."""
    return re.compile(_UNPRINTABLE)


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}" if ord(match.group()) <= 0xFFFF else f"\\U{ord(match.group()):08x}"


def printable(text: str) -> str:
    """``text`` as a terminal shows it faithfully: every unprintable character but the line break
    and the tab written as ``\\uXXXX`` (also valid inside a JSON string), so no name or file name
    can move the cursor, recolour the screen, reverse a line or hide a part of it."""
    if text.isprintable() or text == "\n":  # nothing to escape (all of ``_UNPRINTABLE`` is unprintable to Python)
        return text
    return _unprintable().sub(lambda m: m.group() if m.group() in "\n\t" else _escape(m), text)


def one_line(text: object) -> str:
    """A value from a file (a name, a file name, a reason) on one line of output: line breaks and
    tabs escaped too, so it can never fake a line of its own."""
    return _unprintable().sub(_escape, str(text))


class EscapingStream:
    """``sys.stdout``/``sys.stderr`` for the command line: everything written goes through ``printable``."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class keeping_backup:
    """``with keeping_backup(OUT):`` around a command's writing of ``OUT``: a file already there is
    first copied to a backup beside it and said on stderr, as ``export-submission`` does (the
    command line's ``-o`` is the user's word; nothing is replaced without its copy)."""

    def __init__(self, target: str | Path):
        from core.storage.replacing import making_room

        self.target = Path(target)
        self.room = making_room(self.target, replace=True)

    def __enter__(self) -> Path | None:
        self.backup = self.room.__enter__()
        return self.backup

    def __exit__(self, *exc: Any) -> None:
        self.room.__exit__(*exc)
        if self.backup is not None and exc[0] is None:
            said_kept(self.target, self.backup)


def said_kept(target: Path, backup: Path) -> None:
    """One line on stderr naming the backup an earlier file was kept as."""
    import sys

    print(f"Өмнөх «{Path(target).name}» файлыг «{Path(backup).name}» нэрээр хадгалав.", file=sys.stderr)


def leave(code: int) -> NoReturn:
    """Ends the process with ``code`` once the command is done, without Python's teardown.

    Python's own exit frees every module and object one by one: for a printout that is
    about 17 ms, a tenth of the whole run, spent after the PDF is on disk. By then the
    command has closed and flushed every file it wrote; only the standard streams and
    logging remain, and they are flushed here. Where anything might still run or be
    owed at exit (a thread, a child process), Python's ordinary exit is used instead.
    """
    threading = sys.modules.get("threading")
    multiprocessing = sys.modules.get("multiprocessing")
    busy = (threading is not None and threading.active_count() > 1) or (
        multiprocessing is not None and multiprocessing.active_children())
    if busy:
        sys.exit(code)
    try:
        if "logging" in sys.modules:
            sys.modules["logging"].shutdown()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # e.g. a closed pipe: Python's exit says so as usual
        sys.exit(code)
    os._exit(code)


def open_report(path: str, report_id: str | None, read_only: bool):
    """The opened file and its report (``--report`` or the only one), the file closed again
    when the report cannot be named; the caller closes it (``with rf:``)."""
    from core.storage import ReportFile

    rf = ReportFile.open(path, read_only=read_only)
    try:
        return rf, rf.load_report(rf.resolve_report_id(report_id))
    except BaseException:
        rf.close()
        raise
