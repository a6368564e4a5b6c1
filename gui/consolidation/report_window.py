"""A soum's received report, opened from the ranking in a main window of its own, read-only.

The window shows the archived copy of the report as it was received (the aimag's
file keeps one per submission); it is opened read-only, so neither the copy nor the
ranking can change through it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from core.aimag.ranking import RankingRow
from core.errors import TailanError
from gui.consolidation import aimag_file
from gui.document import Document
from gui.i18n import tr
from gui.main_window import MainWindow


def open_received_report(aimag_path: Path, row: RankingRow, prompter, window_prompter=None,
                         open_consolidation=None) -> MainWindow | None:
    """Shows ``row``'s received report; None (and the reason, told through ``prompter``) when it cannot.

    ``window_prompter``: what the report's window is given (None: it makes its own
    dialogs); ``open_consolidation``: what its File → Aimag consolidation… opens.
    """
    try:
        path = aimag_file.archived_copy(aimag_path, row.fingerprint)
        doc = Document.open(path, prompter, read_only=True)  # the archive copy is never changed
        doc.received = True  # its evidence: pictures shown inside Tailan, other files only saved
    except TailanError as exc:
        prompter.error(tr("The report could not be opened"), exc.message)
        return None
    window = MainWindow(prompter=window_prompter, open_consolidation=open_consolidation)
    window.set_document(doc)
    window.setWindowTitle(tr("{0} — received report (read only)").format(row.organization))
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.show()
    return window
