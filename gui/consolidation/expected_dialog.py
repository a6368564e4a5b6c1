"""The list of organizations expected to send a report, kept in the aimag's file.

Each addition and removal goes straight to the file through core's ``set_expected``
(which logs it), so the list is never "unsaved". Several names can be added at once,
one a line (pasted from a list of the aimag's soums), and the organizations already
received can be added with one button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from core.aimag.register import expected_organizations, set_expected
from core.errors import TailanError
from core.storage import ReportFile
from gui.i18n import tr


def read_expected(path: Path) -> list[str]:
    if not Path(path).exists():
        return []
    with ReportFile.open(path, read_only=True) as rf:
        return expected_organizations(rf)


def change_expected(path: Path, add=(), remove=()) -> list[str]:
    with ReportFile.open(path, create=True) as rf:
        return set_expected(rf, list(add), list(remove))


class ExpectedDialog(QDialog):
    """Edits the expected organizations of the aimag file at ``path``; emits ``changed``."""

    changed = Signal()

    def __init__(self, path: Path, prompter, received: list[str] = (), parent=None):
        super().__init__(parent)
        self.setObjectName("expectedDialog")
        self.setWindowTitle(tr("Organizations expected to send a report"))
        self.path = Path(path)
        self.prompter = prompter
        self.received = list(received)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Expected organizations (a missing one is listed until its report arrives):")))
        self.list = QListWidget()
        self.list.setObjectName("expectedList")
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        layout.addWidget(self.list)
        self.remove_button = QPushButton(tr("Remove selected"))
        self.remove_button.setObjectName("removeExpectedButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_received_button = QPushButton(tr("Add all organizations received"))
        self.add_received_button.setObjectName("addReceivedButton")
        self.add_received_button.clicked.connect(self.add_received)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.add_received_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Add names, one a line:")))
        self.names = QPlainTextEdit()
        self.names.setObjectName("expectedNamesInput")
        self.names.setMaximumHeight(90)
        layout.addWidget(self.names)
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setObjectName("addExpectedButton")
        self.add_button.clicked.connect(self.add_typed)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(480, 520)
        self.reload()

    def names_shown(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self, names: list[str] | None = None) -> None:
        if names is None:
            try:
                names = read_expected(self.path)
            except TailanError as exc:
                self.prompter.error(tr("Expected organizations"), exc.message)
                names = []
        self.list.clear()
        self.list.addItems(names)
        self.remove_button.setEnabled(bool(names))

    def _change(self, add=(), remove=()) -> bool:
        try:
            names = change_expected(self.path, add, remove)
        except TailanError as exc:
            self.prompter.error(tr("Expected organizations"), exc.message)
            return False
        self.reload(names)
        self.changed.emit()
        return True

    def add_names(self, names: list[str]) -> bool:
        names = [n.strip() for n in names if n.strip()]
        return bool(names) and self._change(add=names)

    def add_typed(self) -> bool:
        if self.add_names(self.names.toPlainText().splitlines()):
            self.names.clear()
            return True
        return False

    def add_received(self) -> bool:
        return self.add_names(self.received)

    def remove_selected(self) -> bool:
        names = [item.text() for item in self.list.selectedItems()]
        return bool(names) and self._change(remove=names)
