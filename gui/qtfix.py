"""A guard against a fatal PySide6 6.12.0 bug on Python 3.11: None loses a reference per call.

Measured here: with PySide6-Essentials 6.12.0 on CPython 3.11, every Python call of
a Qt method that returns ``void`` (``widget.update()``, ``label.setText()``,
``QApplication.processEvents()``...) drops one reference to ``None`` that it never
took. ``None``'s count starts near 10,000, so after a few thousand clicks the
process aborts with "Fatal Python error: none_dealloc" — under a real display the
window died within a second of event processing. 6.11.3 does not leak; on Python
3.12+ ``None`` is immortal and the bug is harmless.

``pyproject.toml`` pins ``PySide6-Essentials!=6.12.0``, so a normal install never gets
it; this guard stays for an environment that has 6.12.0 anyway (a hand-made venv, a
bundle built elsewhere): ``keep_none_alive()`` gives ``None`` an effectively endless
count on the affected combination only, which is what Python 3.12 does for every
process.
"""

from __future__ import annotations

import ctypes
import sys

#: A count no session can use up (Python 3.12 makes None immortal in the same spirit).
BALLAST = 1 << 40

_applied = False


def affected() -> bool:
    import PySide6

    return sys.version_info < (3, 12) and tuple(PySide6.__version_info__[:2]) == (6, 12)


def keep_none_alive() -> bool:
    """Applies the guard once where the bug exists; True when it is in effect."""
    global _applied
    if _applied:
        return True
    if not affected():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += BALLAST
    _applied = True
    return True
