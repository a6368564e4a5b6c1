"""File -> "Save as PDF…", and the printing the window offers without any dialog.

``MainWindow.print_report(printer)`` and ``MainWindow.save_pdf(path)`` call into here.
Both use the bytes of ``core.pdf.export_pdf`` for the report as it is now (cached by its
content in ``gui.printing``), so the file written equals what ``tailan-cli export-pdf``
writes and the paper equals the preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

from gui import files
from gui.acts import act, explain, why_read_only, write_to_chosen
from gui.i18n import tr
from gui.start_page import picker_folder


class PrintActions:
    """The File menu's "Save as PDF…" beside the print preview."""

    def __init__(self, window):
        self.w = window
        self.save_pdf_action = QAction(tr("Save as PDF…"), window)
        self.save_pdf_action.setObjectName("savePdfAction")
        self.save_pdf_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.save_pdf_action.triggered.connect(lambda *_: self.save_pdf_as())
        window.addAction(self.save_pdf_action)
        menu = window.menuBar().actions()[0].menu()  # the File menu
        menu.insertAction(window.actions_.preview, self.save_pdf_action)
        self.update_enabled()

    def update_enabled(self) -> None:
        explain(self.save_pdf_action, self.w.doc is not None, why_read_only(None))

    def print_report(self, printer) -> int:
        """Prints the current report on ``printer`` (A4 landscape, 1:1); the page count, 0 if nothing printed."""
        from gui import printing  # QtPrintSupport and PDFium load when printing, not at start

        if self.w.doc is None:
            return 0
        pages = act(self.w, tr("Not printed"), lambda: printing.print_pdf(printing.pdf_bytes(self.w.doc.report), printer))
        return pages or 0

    def save_pdf(self, path, chosen=None) -> bool:
        """Writes the current report's PDF to ``path`` (whole or not at all); False with a message on failure.

        ``chosen``: what the user agreed to (``gui.files.choose_target``). Without it (no dialog, as
        ``tailan-cli export-pdf``) a file already there is kept as a backup all the same.
        """
        if self.w.doc is None:
            return False
        from gui import printing
        from gui.files import Target
        from gui.preview import write_pdf_file

        chosen = chosen or Target(Path(path), replace=True)

        def write(where: Path) -> bool:
            write_pdf_file(where, printing.pdf_bytes(self.w.doc.report))
            return True

        if write_to_chosen(self.w, tr("The PDF was not written"), chosen, write) is None:
            return False
        self.w.statusBar().showMessage(tr("PDF written: {0}").format(path), 8000)
        return True

    def save_pdf_as(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return False
        suggested = str(picker_folder(doc.path) / (doc.path.stem + ".pdf"))
        path = self.w.prompter.save_path(tr("Save as PDF"), suggested, tr("PDF files (*.pdf)"))
        if not path:
            return False
        if not str(path).lower().endswith(".pdf"):
            path = str(path) + ".pdf"
        chosen = files.choose_target(self.w, path, add_suffix=False)  # an existing file: asked, kept as a backup
        return chosen is not None and self.save_pdf(chosen.path, chosen)
