"""Who has not sent a report yet, and the list of organizations expected to send one.

The box lists the expected organizations whose report has not arrived ("3 of 12
expected"), or says that no list was made yet; its button opens the list
(``expected_dialog.ExpectedDialog``), which writes each change to the aimag's file at
once and tells the box (``changed``) so the window reads everything back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout

from gui.consolidation.buttons import button
from gui.consolidation.expected_dialog import ExpectedDialog
from gui.i18n import tr


class MissingBox(QGroupBox):
    changed = Signal()

    def __init__(self, aimag_path, prompter, parent=None):
        """``aimag_path()`` gives the aimag's file the list is kept in."""
        super().__init__(tr("Not sent yet"), parent)
        self._aimag_path = aimag_path
        self.prompter = prompter
        self.busy = False
        self.received: list[str] = []
        self.dialog: ExpectedDialog | None = None
        self.missing_list = QListWidget()
        self.missing_list.setObjectName("missingList")
        self.expected_button = button(tr("Edit the list…"), self.edit_expected, "editExpectedButton",
                                      tr("Edit expected organizations…"))
        self.note = QLabel(tr("No expected organizations listed yet."))
        self.note.setObjectName("missingNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.missing_list)
        layout.addWidget(self.expected_button)

    def set_missing(self, missing: list[str], expected: list[str], received=()) -> None:
        """``received``: the organizations ranked now (the list's "add all received" adds them)."""
        self.received = sorted(set(received))
        self.missing_list.clear()
        self.missing_list.addItems(missing)
        if expected:
            self.setTitle(tr("Not sent yet: {0} of {1} expected").format(len(missing), len(expected)))
        else:
            self.setTitle(tr("Not sent yet"))
        self.note.setVisible(not expected)

    def set_busy(self, busy: bool) -> None:
        """While a run writes the file, neither the button nor an open list may write to it."""
        self.busy = busy
        self.expected_button.setEnabled(not busy)
        if self.dialog is not None:
            self.dialog.setEnabled(not busy)

    def edit_expected(self) -> ExpectedDialog | None:
        """Opens the expected list (not modal, so the ranking stays in view)."""
        if self.busy:
            return None
        dialog = ExpectedDialog(Path(self._aimag_path()), self.prompter, self.received, self.window())
        dialog.changed.connect(self.changed)
        self.dialog = dialog
        dialog.open()
        return dialog
