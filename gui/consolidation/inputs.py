"""What the aimag's window consolidates, and into which file: the user's choice of input.

Received files come by drag and drop (``local_paths`` reads the drop), "Choose
folder…" or "Choose a file…"; "Other consolidation file…" switches the aimag's file.
The part only asks (through the prompter) and hands the answer on: ``consolidate``
gets the paths chosen, ``switch_file`` the other aimag file; what they return is
returned (the run's worker, or whether the file was switched).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.consolidation.buttons import button
from gui.consolidation.places import work_folder
from gui.files import FILE_FILTER
from gui.i18n import tr


def local_paths(mime) -> list[str]:
    """The local files and folders of a drag's data (nothing for text or web addresses)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class InputChoice(QObject):
    def __init__(self, aimag_path, prompter, consolidate, switch_file, parent: QObject | None = None):
        """``aimag_path()`` gives the aimag's file: the dialogs open in its folder."""
        super().__init__(parent)
        self._aimag_path = aimag_path
        self.prompter = prompter
        self._consolidate = consolidate
        self._switch_file = switch_file
        self.busy = False
        self.folder_button = button(tr("Choose folder…"), self.choose_folder, "chooseFolderButton")
        self.files_button = button(tr("Choose a file…"), self.choose_files, "chooseFilesButton")
        self.other_button = button(tr("Other consolidation file…"), self.choose_aimag_file, "otherAimagFileButton")
        self.buttons = [self.folder_button, self.files_button, self.other_button]

    def _folder(self) -> str:
        """Beside the aimag's file, never in the data folder (``places.work_folder``)."""
        return str(work_folder(self._aimag_path()))

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for made in self.buttons:
            made.setEnabled(not busy)

    def choose_folder(self):
        folder = self.prompter.choose_folder(tr("Folder with the files received"), self._folder())
        return self._consolidate([folder]) if folder else None

    def choose_files(self):
        path = self.prompter.open_path(tr("A file received"), self._folder(), FILE_FILTER)
        return self._consolidate([path]) if path else None

    def choose_aimag_file(self) -> bool:
        if self.busy:  # the run writes the file the window shows
            return False
        path = self.prompter.open_path(tr("Open another consolidation file"), self._folder(), FILE_FILTER)
        if not path:
            return False
        self._switch_file(path)
        return True
