"""The aimag's register in the window: its name, its organizations with their key codes,
and one organization's history with "return to this revision".

The same as ``tailan-cli register``, ``history`` and ``restore``: every change goes
through core (``aimag_file``), and the window reads everything back after it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.aimag.register import Organization
from core.errors import TailanError
from core.storage.submissions import SubmissionStatus
from core.trust.fingerprint import short_code
from gui.consolidation import aimag_file
from gui.consolidation.ranking_model import period_label, received_display
from gui.i18n import tr

HistoryRole = Qt.UserRole + 1


def status_label(status: str) -> str:
    return {SubmissionStatus.CURRENT: tr("current"), SubmissionStatus.SUPERSEDED: tr("replaced")}.get(status, status)


class RegisterPanel(QWidget):
    """Shows the register of ``path()``; ``changed`` after the user changed something in it."""

    changed = Signal()
    editExpectedRequested = Signal()

    def __init__(self, path, prompter, parent=None):
        super().__init__(parent)
        self.setObjectName("registerPanel")
        self._path = path
        self.prompter = prompter
        self.busy = False
        self.organizations: list[Organization] = []
        layout = QVBoxLayout(self)

        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(tr("This aimag:")))
        self.aimag_input = QLineEdit()
        self.aimag_input.setObjectName("aimagNameInput")
        self.aimag_input.setPlaceholderText(tr("the aimag's name, as the soums write it"))
        name_row.addWidget(self.aimag_input, 1)
        self.aimag_button = QPushButton(tr("Set the name"))
        self.aimag_button.setObjectName("setAimagNameButton")
        self.aimag_button.clicked.connect(lambda *_: self.set_aimag_name())
        name_row.addWidget(self.aimag_button)
        self.expected_button = QPushButton(tr("Expected organizations…"))
        self.expected_button.setObjectName("registerExpectedButton")
        self.expected_button.clicked.connect(lambda *_: self.editExpectedRequested.emit())
        name_row.addWidget(self.expected_button)
        layout.addLayout(name_row)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("registerTable")
        self.table.setHorizontalHeaderLabels([tr("Organization"), tr("Expected"), tr("Accepted key codes")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_history)

        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(tr("Choose an organization to see every revision it sent."))
        self.history_title.setObjectName("historyTitle")
        history_layout.addWidget(self.history_title)
        self.history = QTableWidget(0, 7)
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels([
            tr("Year"), tr("Period"), tr("Revision"), tr("State"), tr("Received"), tr("Fingerprint"), tr("File"),
        ])
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SingleSelection)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.itemSelectionChanged.connect(self._update_enabled)
        history_layout.addWidget(self.history, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(tr("Return to this revision…"))
        self.restore_button.setObjectName("restoreRevisionButton")
        self.restore_button.clicked.connect(lambda *_: self.restore_selected())
        row.addWidget(self.restore_button)
        self.message = QLabel()
        self.message.setObjectName("registerMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        history_layout.addLayout(row)

        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(history_box)
        layout.addWidget(split, 1)
        self._update_enabled()

    @property
    def path(self) -> Path:
        return self._path()

    def set_register(self, organizations: list[Organization], aimag_name: str) -> None:
        chosen = self.chosen_organization()
        self.organizations = list(organizations)
        if not self.aimag_input.hasFocus():
            self.aimag_input.setText(aimag_name)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.organizations))
        for row, org in enumerate(self.organizations):
            cells = [org.name, tr("yes") if org.expected else tr("no"), ", ".join(org.key_codes) or tr("no key yet")]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        again = next((i for i, o in enumerate(self.organizations) if o.name == chosen), None)
        if again is not None:
            self.table.selectRow(again)
        else:
            self.table.clearSelection()
        self.show_history()

    def chosen_organization(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.organizations[rows[0].row()].name if rows and rows[0].row() < len(self.organizations) else None

    def show_history(self) -> None:
        name = self.chosen_organization()
        entries: list[dict] = []
        if name is not None:
            try:
                entries = aimag_file.history(self.path, name)
            except TailanError as exc:
                self.message.setText(exc.message)
            self.history_title.setText(tr("Every revision {0} sent, newest first:").format(name))
        else:
            self.history_title.setText(tr("Choose an organization to see every revision it sent."))
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [str(entry["year"] or ""), period_label(entry["period"]), str(entry["revision"]),
                     status_label(entry["status"]), received_display(entry["received_at"]),
                     short_code(entry["fingerprint"]), entry["file"]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(HistoryRole, entry)
                self.history.setItem(row, column, item)
        self._update_enabled()

    def chosen_revision(self) -> dict | None:
        rows = self.history.selectionModel().selectedRows()
        return self.history.item(rows[0].row(), 0).data(HistoryRole) if rows else None

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        entry = self.chosen_revision()
        self.restore_button.setEnabled(not self.busy and entry is not None and entry["status"] != SubmissionStatus.CURRENT)
        self.aimag_button.setEnabled(not self.busy)
        self.expected_button.setEnabled(not self.busy)

    # --------------------------------------------------------------- changes
    def set_aimag_name(self) -> str | None:
        name = " ".join(self.aimag_input.text().split())
        if self.busy:
            return None
        if not name:
            self.prompter.error(tr("The aimag's name"), tr("Type the aimag's name first, as the soums write it."))
            return None
        try:
            saved = aimag_file.set_aimag_name(self.path, name)
        except TailanError as exc:
            self.prompter.error(tr("The aimag's name"), exc.message)
            return None
        self.message.setText(tr("The aimag's name is now «{0}»: files of another aimag wait for your decision.")
                             .format(saved))
        self.changed.emit()
        return saved

    def restore_selected(self) -> str | None:
        name, entry = self.chosen_organization(), self.chosen_revision()
        if self.busy or name is None or entry is None:
            return None
        question = tr("Make revision {0} ({1}, {2}) the current report of {3} again? The revision now current stays "
                      "in the history.").format(entry["revision"], entry["year"] or "?",
                                                period_label(entry["period"]).lower(), name)
        if not self.prompter.confirm(tr("Return to this revision"), question, tr("Return"), tr("Cancel")):
            return None
        try:
            text = aimag_file.restore(self.path, name, entry["revision"], entry["year"], entry["period"])
        except TailanError as exc:
            self.prompter.error(tr("Return to this revision"), exc.message)
            return None
        self.message.setText(text)
        self.changed.emit()
        return text
