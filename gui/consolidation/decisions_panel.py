"""The submissions waiting for the reviewer, and the reviewer's Accept and Reject.

Each waiting submission is listed with why it waits, the key code that signed it and
the codes registered for its organization side by side, so the reviewer compares
them with the code printed on the soum's signed paper before accepting. Accepting
asks once more, naming the code to compare; the result is core's own sentence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.aimag.decisions import Decision, DecisionChanged
from core.errors import TailanError
from gui.consolidation import aimag_file
from gui.consolidation.ranking_model import period_label
from gui.i18n import tr

NUMBER, KIND, ORGANIZATION, REGISTERED, RECEIVED_KEY, REGISTERED_KEYS, WHAT, FILE = range(8)
DecisionRole = Qt.UserRole + 1


def code_font(base: QFont) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.Monospace)
    font.setPointSize(max(base.pointSize(), 9) + 1)
    font.setBold(True)
    return font


class DecisionsPanel(QWidget):
    """Lists ``waiting`` decisions of the aimag file ``path()``; ``decided`` after each decision."""

    decided = Signal(str)

    def __init__(self, path, prompter, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionsPanel")
        self._path = path
        self.prompter = prompter
        self.decisions: list[Decision] = []
        layout = QVBoxLayout(self)
        intro = QLabel(tr("These files were not merged: each waits for your decision. Compare the received key "
                          "code with the code printed on the organization's signed paper before accepting."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # What the last decision did, over the list: below, its changing length would move the buttons
        self.message = QLabel()
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.setStyleSheet("QLabel#decisionMessage { color: #1e4620; }")
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("decisionsTable")
        self.table.setHorizontalHeaderLabels([
            tr("No."), tr("Why it waits"), tr("Organization in the file"), tr("Registered as"),
            tr("Received key code"), tr("Registered key codes"), tr("Year, period, revision"), tr("File"),
        ])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        layout.addWidget(self.table, 1)

        details = QFrame()
        details.setFrameShape(QFrame.StyledPanel)
        grid = QGridLayout(details)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("decisionReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        grid.addWidget(self.reason_label, 0, 0, 1, 2)
        for column, text in enumerate((tr("Key code that signed this file:"),
                                       tr("Key codes registered for the organization:"))):
            caption = QLabel(text)
            caption.setWordWrap(True)
            grid.addWidget(caption, 1, column)
        self.received_key_label = QLabel()
        self.received_key_label.setObjectName("receivedKeyLabel")
        self.registered_keys_label = QLabel()
        self.registered_keys_label.setObjectName("registeredKeysLabel")
        for label in (self.received_key_label, self.registered_keys_label):
            label.setFont(code_font(self.font()))
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setWordWrap(True)
        grid.addWidget(self.received_key_label, 2, 0, Qt.AlignTop)
        grid.addWidget(self.registered_keys_label, 2, 1, Qt.AlignTop)
        grid.setRowStretch(3, 1)
        # The details keep one height whatever the decision shown (a long reason scrolls): the
        # buttons under them stay where they are, so a second click where the first one was
        # hits the button again, decision after decision.
        details_area = QScrollArea()
        details_area.setObjectName("decisionDetails")
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QFrame.NoFrame)
        details_area.setWidget(details)
        details_area.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        layout.addWidget(details_area)

        buttons = QHBoxLayout()
        self.accept_button = QPushButton(tr("Accept…"))
        self.accept_button.setObjectName("acceptDecisionButton")
        self.accept_button.clicked.connect(lambda *_: self.decide_selected(True))
        self.reject_button = QPushButton(tr("Reject…"))
        self.reject_button.setObjectName("rejectDecisionButton")
        self.reject_button.clicked.connect(lambda *_: self.decide_selected(False))
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.busy = False
        self.set_decisions([])

    @property
    def path(self) -> Path:
        return self._path()

    # ------------------------------------------------------------------ show
    def set_decisions(self, waiting: list[Decision]) -> None:
        selected = self.selected()
        self.decisions = list(waiting)
        self.table.setRowCount(len(self.decisions))
        for row, d in enumerate(self.decisions):
            what = tr("{0}, {1}, revision {2}").format(d.year or "?", period_label(d.period).lower(), d.revision)
            cells = [str(d.id), d.kind_label, d.organization, d.registered_name or "—", d.key_code,
                     ", ".join(d.registered_key_codes) or "—", what, d.file_name]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DecisionRole, d)
                if column in (RECEIVED_KEY, REGISTERED_KEYS):
                    item.setFont(code_font(self.font()))
                if column == KIND:
                    item.setToolTip(d.reason)
                self.table.setItem(row, column, item)
        again = next((i for i, d in enumerate(self.decisions) if selected and d.id == selected.id), 0)
        if self.decisions:
            self.table.selectRow(again)
        self._show_selected()

    def selected(self) -> Decision | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(DecisionRole) if item is not None else None

    def _show_selected(self) -> None:
        d = self.selected()
        if d is None:
            self.reason_label.setText(tr("No file waits for your decision.") if not self.decisions else "")
            self.received_key_label.clear()
            self.registered_keys_label.clear()
        else:
            self.reason_label.setText(f"<b>{d.kind_label}</b>: {d.reason}")
            self.received_key_label.setText(d.key_code)
            self.registered_keys_label.setText("\n".join(d.registered_key_codes) or tr("none registered"))
        self._update_enabled()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        enabled = self.selected() is not None and not self.busy
        self.accept_button.setEnabled(enabled)
        self.reject_button.setEnabled(enabled)

    # ---------------------------------------------------------------- decide
    def aimag_named(self) -> bool:
        """The aimag's name is set by the reviewer before the first file is accepted, never taken from
        a file: asked once (through the prompter); ``False`` when it stays unset."""
        try:
            if aimag_file.aimag_name(self.path):
                return True
        except TailanError as exc:
            self.prompter.error(tr("The decision was not saved"), exc.message)
            return False
        name = self.prompter.ask_text(
            tr("The aimag's name"),
            tr("Which aimag does this consolidation hold? Write its name as its soums write it (for example "
               "Өвөрхангай). It is asked once: files of another aimag then wait for your decision."))
        if not name or not name.strip():
            self.prompter.error(tr("The decision was not saved"),
                                tr("The aimag's name is needed before a file is accepted; it is never taken from a "
                                   "received file. Set it here or in the Register tab."))
            return False
        try:
            aimag_file.set_aimag_name(self.path, name)
        except TailanError as exc:
            self.prompter.error(tr("The decision was not saved"), exc.message)
            return False
        return True


    def decide_selected(self, accept: bool) -> str | None:
        d = self.selected()
        if d is None or self.busy:
            return None
        who = (d.registered_name if d.organization_id else "") or d.organization  # a look-alike: a new one
        if accept and not self.aimag_named():
            return None
        if accept:
            question = tr("Accept the file of {0} ({1}, revision {2})?\n\nCompare the code {3} with the code printed "
                          "on the signed paper of {0}. Accept only if they are the same.").format(
                who, d.year or "?", d.revision, d.key_code)
            if not self.prompter.confirm(tr("Accept the file"), question, tr("Accept"), tr("Cancel")):
                return None
        else:
            question = tr("Reject the file of {0} ({1}, revision {2})? It is not merged; it stays in the archive "
                          "and the history.").format(who, d.year or "?", d.revision)
            if not self.prompter.confirm(tr("Reject the file"), question, tr("Reject"), tr("Cancel")):
                return None
        try:
            text = aimag_file.decide(self.path, d.id, accept, d.situation if accept else None)
        except TailanError as exc:
            self.message.setText(exc.message)
            self.prompter.error(tr("The decision was not saved"), exc.message)
            if isinstance(exc, DecisionChanged):
                self.decided.emit(exc.message)  # the list shows the new judgement
            return None
        self.message.setText(text)
        self.decided.emit(text)
        return text
