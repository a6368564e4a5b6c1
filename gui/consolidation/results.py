"""What happened to each file of a consolidation run, one line per file, as the run goes.

Each line gives the status (marked and coloured: rejected ones in red) with core's
Mongolian reason under the file's name; its tooltip names the organization, the year
and the whole path, and the item keeps the ``FileOutcome`` (``OutcomeRole``).

The list follows the aimag's file (``follow``): a file that waited says what the
reviewer decided once it is decided, and a window opened again (no run yet) lists what
the file has received, read back from it (``core.aimag.received_files``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from core.aimag.consolidate import ADDED, PENDING, REJECTED, SKIPPED, UPDATED, FileOutcome
from gui.i18n import tr

STATUS_COLORS = {REJECTED: "#b3261e", SKIPPED: "#7a5c00", UPDATED: "#1565c0", ADDED: "#1e4620", PENDING: "#8a4b00"}
STATUS_MARKS = {REJECTED: "✗", SKIPPED: "=", UPDATED: "↑", ADDED: "✓", PENDING: "?"}
# The ``Qt.UserRole`` data of a result list item: the ``FileOutcome``.
OutcomeRole = Qt.UserRole + 1


def status_text(status: str) -> str:
    return {
        ADDED: tr("Added"),
        UPDATED: tr("Updated"),
        SKIPPED: tr("Already received"),
        REJECTED: tr("Rejected"),
        PENDING: tr("Waiting for your decision"),
    }.get(status, status)


def outcome_item(outcome: FileOutcome) -> QListWidgetItem:
    name = Path(outcome.file).name
    mark = STATUS_MARKS.get(outcome.status, "")
    item = QListWidgetItem(f"{mark} {status_text(outcome.status)}: {name}\n    {outcome.reason}")
    item.setData(OutcomeRole, outcome)
    who = f"{outcome.organization}, {outcome.year}\n" if outcome.organization else ""
    item.setToolTip(f"{who}{outcome.file}")
    color = STATUS_COLORS.get(outcome.status)
    if color:
        item.setForeground(QBrush(QColor(color)))
    return item


class ResultList(QListWidget):
    """The files checked in the last run, in the order they were checked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("resultList")
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        #: Whether the list shows what the aimag's file holds (no run since the window opened).
        self.from_file = False

    def add_outcome(self, outcome: FileOutcome) -> None:
        self.addItem(outcome_item(outcome))
        self.scrollToBottom()

    def outcomes(self) -> list[FileOutcome]:
        return [self.item(i).data(OutcomeRole) for i in range(self.count())]

    def clear(self) -> None:
        super().clear()
        self.from_file = False

    def follow(self, received: list[FileOutcome], fill: bool = False) -> None:
        """Brings the list in step with the aimag's file: the reviewer's decisions on the files
        that waited; with ``fill`` (no run since the window opened the file), the files the
        aimag's file has received, newest first."""
        if fill or self.from_file:
            super().clear()
            for outcome in received:
                self.addItem(outcome_item(outcome))
            self.from_file = bool(received)
            return
        taken = {o.fingerprint: o for o in received if o.status in (ADDED, UPDATED) and o.fingerprint}
        settled = {o.id: o for o in received if o.id is not None}
        for row in range(self.count()):
            outcome = self.item(row).data(OutcomeRole)
            if outcome.status != PENDING:
                continue
            now = decided(outcome, taken, settled)
            if now is not None:
                selected = self.item(row).isSelected()
                self.takeItem(row)
                self.insertItem(row, outcome_item(now))
                self.item(row).setSelected(selected)


def decided(outcome: FileOutcome, taken: dict, settled: dict) -> FileOutcome | None:
    """What became of a file that waited, now that the reviewer decided; None while it waits."""
    stored = settled.get(outcome.id)
    if stored is not None and stored.status == REJECTED:
        return replace(outcome, status=REJECTED, reason=tr("Rejected by you.") + " " + outcome.reason)
    merged = taken.get(outcome.fingerprint)
    if merged is not None and (stored is None or stored.status != PENDING):
        return replace(outcome, status=merged.status, reason=tr("Accepted by you.") + " " + outcome.reason)
    return None
