"""Checks given to a consolidation's worker processes in tests (a worker imports them by name).

``core.aimag.checking`` takes the function that checks one file; these wrap the real one
(``core.received.verify.check_submission``) to show where a check ran, to leave a check no
time, or to end the worker process on one file as a crash or an out-of-memory kill would.
"""

from __future__ import annotations

import os

from core.received.verify import check_submission

#: A file whose name holds this ends the worker process that checks it.
CRASH_MARK = "crash-here"


def where(path, keep_copy_in=None):
    """The real check, its reason ending with the process it ran in (``pid 1234``)."""
    verdict = check_submission(path, keep_copy_in=keep_copy_in)
    verdict.reason += f" pid {os.getpid()}"
    return verdict


def rushed(path, keep_copy_in=None):
    """The real check with no time left: its deadline must stop it in a worker too."""
    return check_submission(path, keep_copy_in=keep_copy_in, time_limit=0.0)


def crashing(path, keep_copy_in=None):
    """Ends the process on a file marked ``CRASH_MARK`` (not in the run's own process: the test's)."""
    if CRASH_MARK in path.name and os.environ.get("TAILAN_TEST_PARENT") != str(os.getpid()):
        os._exit(70)
    return check_submission(path, keep_copy_in=keep_copy_in)
