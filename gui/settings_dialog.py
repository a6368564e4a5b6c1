"""Settings: the window's language (Mongolian by default, English for helpers and reviewers).

The choice is stored at once and takes effect at the next start: every label of
the window is built once, in the language in force, which keeps start-up fast.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from gui import settings as app_settings


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("languageInput")
        self.language.addItem("Монгол", "mn")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(app_settings.language())))
        form.addRow(self.tr("Language"), self.language)
        layout.addLayout(form)
        note = QLabel(self.tr("A new language is used from the next start of Tailan."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        app_settings.set_language(self.language.currentData())
        super().accept()
