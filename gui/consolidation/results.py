"""What happened to each file of a consolidation run, one line per file, as the run goes.

Each line gives the status (marked and coloured: rejected ones in red) with core's
Mongolian reason under the file's name; its tooltip names the organization, the year
and the whole path, and the item keeps the ``FileOutcome`` (``OutcomeRole``).
"""

from __future__ import annotations

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

    def add_outcome(self, outcome: FileOutcome) -> None:
        self.addItem(outcome_item(outcome))
        self.scrollToBottom()

    def outcomes(self) -> list[FileOutcome]:
        return [self.item(i).data(OutcomeRole) for i in range(self.count())]
