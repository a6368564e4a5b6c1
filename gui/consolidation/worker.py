"""The consolidation of a batch, run off the GUI thread.

``consolidate`` opens the aimag's file itself, so its SQLite connection is made and
used in this thread only. The window learns of each file through ``progressed``
(a queued signal: the slot runs on the GUI thread) and of the end through exactly
one of ``succeeded``, ``cancelled`` or ``failed``. ``cancel()`` only sets a flag
that ``consolidate`` reads before each file; it then rolls the whole batch back.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from core.aimag.consolidate import ConsolidationCancelled, consolidate
from core.errors import TailanError

log = logging.getLogger(__name__)


class ConsolidationWorker(QThread):
    progressed = Signal(int, int, object)  # done, total, FileOutcome
    succeeded = Signal(object)  # ConsolidationResult
    cancelled = Signal(str)  # core's message: the file is as it was
    failed = Signal(str)  # core's Mongolian message; empty for an unexpected error

    def __init__(self, paths: list[Path], aimag_path: Path, parent=None):
        super().__init__(parent)
        self.paths = list(paths)
        self.aimag_path = Path(aimag_path)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = consolidate(self.paths, self.aimag_path, progress=self._progress,
                                 should_cancel=self._cancel.is_set)
        except ConsolidationCancelled as exc:
            self.cancelled.emit(exc.message)
            return
        except TailanError as exc:
            self.failed.emit(exc.message)
            return
        except Exception:  # never a traceback in the window; the log keeps it
            log.exception("consolidation of %d files into %s", len(self.paths), self.aimag_path)
            self.failed.emit("")  # the window says it in the user's language
            return
        self.succeeded.emit(result)

    def _progress(self, done: int, total: int, outcome) -> None:
        self.progressed.emit(done, total, outcome)
