"""One consolidation run: the worker thread, its progress, its Cancel, and what it says at the end.

``start(paths)`` checks and merges the files (or the files of folders) into the aimag's
file in a worker thread (``worker.ConsolidationWorker``, which opens the file itself),
so the window stays responsive: "file i of n" moves and each file's outcome is listed
at once (``results.ResultList``). Cancel sets the flag core reads before each file;
the whole batch is then rolled back and the aimag's file is as it was.

The part owns its widgets (progress bar, Cancel, summary line, result list) and the
window places them; ``stateChanged`` tells the window to enable or disable what would
touch the file, ``finished`` (the ``ConsolidationResult``, or None when the run was
cancelled or failed) that the outcome is shown, ``message`` a line for the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar

from core.aimag.consolidate import ADDED, PENDING, REJECTED, SKIPPED, UPDATED, ConsolidationResult, expand_inputs
from gui.consolidation.buttons import button
from gui.consolidation.results import ResultList
from gui.consolidation.worker import ConsolidationWorker
from gui.i18n import tr


class ConsolidationRun(QObject):
    stateChanged = Signal()
    finished = Signal(object)
    message = Signal(str)

    def __init__(self, aimag_path, prompter, parent: QObject | None = None):
        """``aimag_path()`` gives the aimag's file at the start of each run."""
        super().__init__(parent)
        self._aimag_path = aimag_path
        self.prompter = prompter
        self.worker: ConsolidationWorker | None = None
        self.busy = False
        self.last_result: ConsolidationResult | None = None
        self.last_message = ""
        #: The last run was cancelled or failed (its words stay in the summary).
        self.stopped = False
        self.progress = QProgressBar()
        self.progress.setObjectName("consolidationProgress")
        self.progress.setFormat(tr("file %v of %m"))
        self.cancel_button = button(tr("Cancel"), self.cancel, "cancelConsolidationButton")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("consolidationSummary")
        self.summary_label.setWordWrap(True)
        self.result_list = ResultList()
        self.clear()
        self.cancel_button.setEnabled(False)

    def clear(self) -> None:
        """Nothing shown of an earlier run (another aimag file was opened)."""
        self.stopped = False
        self.last_result = None
        self.result_list.clear()
        self.summary_label.clear()
        self._reset_progress()

    def _reset_progress(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # no "0 of 1" before anything ran

    def update_enabled(self) -> None:
        self.cancel_button.setEnabled(self.busy and self.worker is not None and not self.worker.cancel_requested)

    def results(self):
        return self.result_list.outcomes()

    def follow(self, received) -> None:
        """The list and its counts in step with the aimag's file (after a decision, or a restart)."""
        if self.busy or self.stopped:  # a cancel or a failure: its words and its empty list stay
            return
        self.result_list.follow(received, fill=self.last_result is None)
        outcomes = self.result_list.outcomes()
        if self.result_list.from_file:
            count = lambda status: sum(1 for o in outcomes if o.status == status)  # noqa: E731
            self.summary_label.setText(tr("In this consolidation file: {0} reports received, {1} waiting for your "
                                          "decision, {2} rejected by you (newest first).").format(
                count(ADDED) + count(UPDATED), count(PENDING), count(REJECTED)))
        elif outcomes and self.last_result is not None and self.last_result.outcomes:
            late = self.summary_label.text().endswith(tr("(Cancel came after the last file: the batch was kept.)"))
            self.summary_label.setText(self._summary(outcomes, late))
        self.last_message = self.summary_label.text()

    # ------------------------------------------------------------------ running
    def start(self, paths: list[str | Path]) -> ConsolidationWorker | None:
        """Starts checking and merging ``paths`` (files or folders); None when nothing was started."""
        paths = [Path(p) for p in paths if str(p)]
        if self.busy or not paths:
            return None
        files = expand_inputs(paths)
        self.result_list.clear()
        self.stopped = False
        self.progress.setRange(0, max(len(files), 1))
        self.progress.setValue(0)
        self.progress.setTextVisible(bool(files))
        self.summary_label.setText(tr("Checking {0} files…").format(len(files)))
        worker = ConsolidationWorker(files, Path(self._aimag_path()), self)
        worker.progressed.connect(self._progress)
        worker.succeeded.connect(lambda result: self._finished(result, ""))
        worker.cancelled.connect(self._cancelled)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.busy = True
        self._state_changed()
        worker.start()
        return worker

    def cancel(self) -> None:
        if self.worker is None or self.worker.cancel_requested:
            return
        self.worker.cancel()
        self.summary_label.setText(tr("Cancelling: the files checked so far are being taken back…"))
        self._state_changed()

    def stop(self) -> None:
        """Cancels a run and waits for core to roll it back (it stops before the next file)."""
        worker = self.worker
        if worker is None:
            return
        worker.cancel()
        worker.wait()
        self.worker = None
        self.busy = False
        worker.deleteLater()

    def _state_changed(self) -> None:
        self.update_enabled()
        self.stateChanged.emit()

    def _progress(self, done: int, total: int, outcome) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.result_list.add_outcome(outcome)

    # The worker's end signals arrive queued, on the GUI thread; after a close that
    # already cancelled and waited, ``self.worker`` is None and they are ignored.
    def _cancelled(self, _message: str) -> None:
        self._finished(None, tr("Cancelled: nothing of this batch was kept; the consolidation file is as it was "
                                "before."))

    def _failed(self, message: str) -> None:
        self._finished(None, message or tr("The consolidation stopped on an unexpected error; the consolidation "
                                           "file is as it was before."))

    def _finished(self, result: ConsolidationResult | None, message: str) -> None:
        worker = self.worker
        if worker is None:
            return
        worker.wait()
        self.worker = None
        self.busy = False
        self.stopped = result is None
        if result is None:
            self.result_list.clear()
            self.progress.setValue(0)
            self.progress.setTextVisible(False)
            self.summary_label.setText(message)
            if worker.cancel_requested:
                self.message.emit(message)
            else:
                self.prompter.error(tr("Consolidation stopped"), message)
        else:
            self.last_result = result
            self.summary_label.setText(self._summary(result, worker.cancel_requested))
            if result.backup is not None:  # core kept the file as it was before the run
                self.summary_label.setToolTip(tr("Before this run the consolidation file was copied to {0}").format(
                    result.backup))
                self.message.emit(tr("Before this run the consolidation file was copied to {0}").format(
                    result.backup))
            if not result.outcomes:
                self.progress.setRange(0, 1)
                self.progress.setValue(0)
        self.last_message = self.summary_label.text()
        self._state_changed()
        worker.deleteLater()
        self.finished.emit(result)

    @staticmethod
    def _summary(result: ConsolidationResult | list, cancel_came_late: bool) -> str:
        """The run's counts: of its result, or of its list as the reviewer's decisions changed it."""
        outcomes = result.outcomes if isinstance(result, ConsolidationResult) else result
        if not outcomes:
            return tr("No files found to consolidate.")
        count = lambda status: sum(1 for o in outcomes if o.status == status)  # noqa: E731
        text = tr("Added {0}, updated {1}, already received {2}, waiting for your decision {3}, "
                  "rejected {4}.").format(count(ADDED), count(UPDATED), count(SKIPPED), count(PENDING),
                                          count(REJECTED))
        if cancel_came_late:
            text += " " + tr("(Cancel came after the last file: the batch was kept.)")
        return text
