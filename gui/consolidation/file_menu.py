"""The aimag's window's File menu: another consolidation file, a copy of this one, its folder.

The consolidation file is the only copy of every soum's accepted report and of the key
register: "Save a copy as…" writes it whole (``VACUUM INTO``, atomically) where the
reviewer says, e.g. a USB stick, suggested in the aimag's folder in Documents; an
existing file there is replaced only after a question, and kept beside it first. A run
keeps its own backup too (``core.aimag.backups``); "Show the backups" opens their folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

from core.aimag.backups import backups_folder
from core.errors import TailanError
from core.storage.replacing import backup_path_for, making_room, same_file
from gui.consolidation import aimag_file
from gui.consolidation.places import work_folder
from gui.files import FILE_FILTER
from gui.i18n import tr
from gui.qactions import new_action


class AimagFileMenu(QObject):
    """File → Other consolidation file…, Save a copy as…, Show in folder, Show the backups, Close."""

    written = Signal(str)

    def __init__(self, window, aimag_path, prompter, choose_other):
        super().__init__(window)
        self.w = window
        self._aimag_path = aimag_path
        self.prompter = prompter
        menu = window.menuBar().addMenu(tr("&File"))
        menu.setObjectName("aimagFileMenu")
        menu.setToolTipsVisible(True)
        self.menu = menu
        self.other = self._action(tr("Other consolidation file…"), choose_other, "otherAimagFileAction",
                                  QKeySequence.Open)
        self.save_copy = self._action(tr("Save a copy as…"), self.save_copy_as, "saveAimagCopyAction",
                                      QKeySequence("Ctrl+Shift+S"))
        self.save_copy.setToolTip(tr("A whole copy of the consolidation file (every report received and the "
                                     "register), e.g. on a USB stick"))
        self.show_folder = self._action(tr("Show in folder"), self.open_folder, "showAimagFolderAction")
        self.show_backups = self._action(tr("Show the backups"), self.open_backups, "showAimagBackupsAction")
        menu.addSeparator()
        self._action(tr("Close"), window.close, "closeAimagWindowAction", QKeySequence.Close)

    def _action(self, text: str, slot, name: str, keys=None) -> QAction:
        return new_action(self.w, text, slot, name, keys, add_to=self.menu)

    def set_busy(self, busy: bool) -> None:
        for action in (self.other, self.save_copy):
            action.setEnabled(not busy)
        self.save_copy.setEnabled(not busy and Path(self._aimag_path()).is_file())
        self.show_backups.setEnabled(backups_folder(self._aimag_path()).is_dir())

    def save_copy_as(self) -> Path | None:
        source = Path(self._aimag_path())
        if not source.is_file():
            return None
        suggested = work_folder(source) / f"{source.stem}-хуулбар{source.suffix}"
        chosen = self.prompter.save_path(tr("Save a copy of the consolidation file"), str(suggested), FILE_FILTER)
        if not chosen:
            return None
        target = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".tailan")
        if target.exists() and same_file(target, source):
            self.prompter.error(tr("Choose another name"), tr("This is the consolidation file itself; choose "
                                                              "another name for its copy."))
            return None
        backup = None
        if target.exists():
            backup = backup_path_for(target)
            if not self.prompter.confirm(
                    tr("The file already exists"),
                    tr("«{0}» already exists. Replace it with the new file? The old file is kept beside it as "
                       "«{1}».").format(target.name, backup.name), tr("Replace"), tr("Cancel")):
                return None
        try:
            with making_room(target, replace=backup is not None, backup=backup):
                aimag_file.save_copy(source, target)
        except TailanError as exc:
            self.prompter.error(tr("The copy was not written"), exc.message)
            return None
        self.written.emit(tr("Copy written: {0}").format(target))
        return target

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self._aimag_path()).parent)))

    def open_backups(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups_folder(self._aimag_path()))))
