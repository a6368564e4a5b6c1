"""The in-memory connection a received file is checked in: bounded in time and in memory.

The file checked is our own private copy of the received one (or its bytes in memory).
The checks themselves touch only our own schema (``core.received.schema`` refuses
any other before a row is read), so their cost is linear in the file's size, which is
bounded. These limits are the second wall, should a path through SQLite be missed:

- a deadline, enforced by SQLite's progress handler: any statement still running
  when it passes is interrupted (``SQLITE_INTERRUPT``), and the file is refused;
- ``setlimit`` on the length of a value or row, of an SQL statement (which bounds
  the parsing of the sender's table definitions), on expression depth, compound
  selects, function arguments, attached databases and trigger depth;
- a small page cache and no memory mapping.

SQLite's heap limit (the ``hard_heap_limit`` pragma) is process-wide and can only be
lowered, so it would bind the aimag's own database too; it is not used. Memory is
bounded instead by the file size limit and the value length limit.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from core.storage.received import in_memory_copy, private_file_connection

#: Seconds one received file may take to check; a file still being checked then is refused.
CHECK_SECONDS = 5.0
#: More seconds per megabyte of the file: a file with evidence is read whole (its pages
#: checked, every file hashed), at far more than 10 MB a second even on an old PC.
SECONDS_PER_MB = 0.1
#: SQLite virtual machine steps between two looks at the clock.
PROGRESS_STEPS = 2_000
#: The largest value or row SQLite will hold for a received file (a measure's seven
#: texts at their longest are about 1.4 MB of UTF-8).
MAX_VALUE_BYTES = 4 * 1024 * 1024

LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 200,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 5,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 1_000,  # our own id and fingerprint patterns
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 1_000,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 1,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}


class Deadline:
    """The progress handler: interrupts SQLite once ``seconds`` have passed."""

    def __init__(self, seconds: float):
        self.ends = time.monotonic() + seconds
        self.expired = False

    def __call__(self) -> int:
        if time.monotonic() > self.ends:
            self.expired = True
            return 1  # non-zero: SQLite interrupts the running statement
        return 0


def limited_connection(source: bytes | Path, seconds: float) -> tuple[sqlite3.Connection, Deadline]:
    """A private database under the limits above: ``source`` is the file's bytes (loaded into
    memory, ``core.storage.received.in_memory_copy``) or our own private copy of the file
    (opened read-only and immutable, ``private_file_connection``). Nothing of the file's
    schema is parsed there."""
    deadline = Deadline(seconds)
    if isinstance(source, (bytes, bytearray)):
        return in_memory_copy(source, LIMITS, deadline, PROGRESS_STEPS), deadline
    return private_file_connection(Path(source), LIMITS, deadline, PROGRESS_STEPS), deadline
