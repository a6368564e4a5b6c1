"""How the window asks the user things: the ``Prompter`` protocol, and its real dialogs.

git-cola's "Interaction" idea: code that needs a decision or must report an error
calls a prompter instead of ``QMessageBox``/``QFileDialog`` directly, so tests
answer with a recording prompter (``tests/recording_prompter.py``) instead of blocking on
a modal dialog, and the acceptance test can drive the window without patching Qt.

``Prompter`` is what every window, panel and document may ask; ``DialogPrompter``
answers with real dialogs parented to one window, and the tests' recorder answers
from queues. Nothing in the window asks which one it holds: a window given a
prompter passes that one on to the windows it opens (so a test answers all of
them), and a window given none makes its own dialogs, as each window it opens does
(``shared_prompter`` on the windows).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from gui.i18n import tr


@runtime_checkable
class Prompter(Protocol):
    """Every question the window asks the user, and every message it tells."""

    def error(self, title: str, message: str) -> None:
        """Tells that something failed (core's Mongolian message); needs no answer."""

    def info(self, title: str, message: str) -> None:
        """Tells something done or worth knowing; needs no answer."""

    def confirm(self, title: str, message: str, yes: str, no: str) -> bool:
        """True when the user chose ``yes``."""

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item chosen, or None when cancelled."""

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line the user types (the aimag's name, the reviewer's), each asked once; None when cancelled."""

    def open_path(self, title: str, folder: str, filters: str) -> str | None:
        """An existing file to read, or None when cancelled."""

    def open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        """Existing files to read (a measure's evidence), none when cancelled."""

    def save_path(self, title: str, suggested: str, filters: str) -> str | None:
        """Where to write (the window itself asks before replacing a file), or None when cancelled."""

    def choose_folder(self, title: str, folder: str) -> str | None:
        """A folder, or None when cancelled."""


class DialogPrompter:
    """The real dialogs, parented to the window that made this prompter."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        self._tell(QMessageBox.Critical, title, message)

    def info(self, title: str, message: str) -> None:
        self._tell(QMessageBox.Information, title, message)

    def _tell(self, icon, title: str, message: str) -> QMessageBox:
        """A message needs no answer, so it does not block: the window (and a test) go on."""
        box = QMessageBox(icon, title, message, QMessageBox.Ok, self.parent)
        box.setObjectName("messageBox")
        box.button(QMessageBox.Ok).setText(tr("OK"))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box

    def confirm(self, title: str, message: str, yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Question, title, message, QMessageBox.NoButton, self.parent)
        yes_button = box.addButton(yes, QMessageBox.AcceptRole)
        box.addButton(no, QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is yes_button

    def choose(self, title: str, label: str, items: list[str]) -> int | None:
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(tr("OK"))
        dialog.setCancelButtonText(tr("Cancel"))
        if dialog.exec() != QInputDialog.Accepted:
            return None
        text = dialog.textValue()
        return items.index(text) if text in items else None

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text the user types (the aimag's name); ``None`` when cancelled."""
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.TextInput)
        dialog.setTextValue(text)
        dialog.setOkButtonText(tr("OK"))
        dialog.setCancelButtonText(tr("Cancel"))
        if dialog.exec() != QInputDialog.Accepted:
            return None
        return dialog.textValue()

    def open_path(self, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return path or None

    def open_paths(self, title: str, folder: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, filters)
        return list(paths)

    def save_path(self, title: str, suggested: str, filters: str) -> str | None:
        # the window asks itself (gui.files.choose_target), naming the backup it keeps
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters,
                                              options=QFileDialog.DontConfirmOverwrite)
        return path or None

    def choose_folder(self, title: str, folder: str) -> str | None:
        path = QFileDialog.getExistingDirectory(self.parent, title, folder)
        return path or None
