"""The ranking written out: CSV (opens in Excel), an Excel workbook, and a PDF to print.

Each export asks where (suggesting ``<aimag file>-эрэмбэ.<ext>`` beside the aimag's
file; an existing file is asked about and kept as a backup, issue 19), writes through core (``core.aimag.ranking``, ``ranking_xlsx``, ``ranking_pdf``)
and says where it wrote (``written``); before any report was received it only says
that there is nothing to export. The Excel button shows only when its writer is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.aimag.ranking import RankingRow
from core.errors import TailanError
from core.storage.filenames import shorter_stem
from core.storage.replacing import making_room
from gui.consolidation import aimag_file
from gui.consolidation.buttons import button
from gui.consolidation.places import work_folder
from gui.files import confirm_target
from gui.i18n import tr

try:  # written on another branch; the button shows only when the module is there
    from core.aimag.ranking_xlsx import write_ranking_xlsx
except ImportError:  # pragma: no cover - depends on the merge
    write_ranking_xlsx = None

CSV_FILTER = "CSV (*.csv)"
PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


class RankingExports(QObject):
    written = Signal(str)

    def __init__(self, aimag_path, prompter, parent: QObject | None = None):
        """``aimag_path()`` gives the aimag's file: its name and folder suggest the exports'."""
        super().__init__(parent)
        self._aimag_path = aimag_path
        self.prompter = prompter
        self.rows: list[RankingRow] = []
        self.missing: list[str] = []
        self.csv_button = button(tr("CSV…"), self.export_csv, "exportCsvButton",
                                 tr("Export the ranking as CSV (opens in Excel)"))
        self.xlsx_button = button(tr("Excel (.xlsx)…"), self.export_xlsx, "exportXlsxButton",
                                  tr("Export the ranking as an Excel workbook"))
        self.xlsx_button.setVisible(write_ranking_xlsx is not None)
        self.pdf_button = button(tr("PDF…"), self.export_pdf, "exportPdfButton", tr("Export the ranking as PDF"))
        self.buttons = [self.csv_button, self.xlsx_button, self.pdf_button]
        self.set_ranking([], [], busy=False)

    def set_ranking(self, rows: list[RankingRow], missing: list[str], busy: bool) -> None:
        """What the exports write; the buttons are enabled when there is a ranking and no run."""
        self.rows, self.missing = list(rows), list(missing)
        for made in self.buttons:
            made.setEnabled(bool(self.rows) and not busy)

    def _export(self, title: str, extension: str, filters: str, write) -> Path | None:
        if not self.rows:
            self.prompter.info(title, tr("Nothing to export yet: no report has been received."))
            return None
        aimag = Path(self._aimag_path())
        # beside the aimag's file, never in the data folder
        suggested = work_folder(aimag) / shorter_stem(aimag.stem, "-эрэмбэ", extension)
        target = self.prompter.save_path(title, str(suggested), filters)
        chosen = confirm_target(self.prompter, Path(target), aimag) if target else None
        if chosen is None:  # an existing file: asked first, and kept as a backup
            return None
        target = chosen.path
        try:
            with making_room(target, replace=chosen.replace, backup=chosen.backup):
                write(target)
        except TailanError as exc:
            self.prompter.error(title, exc.message)
            return None
        self.written.emit(tr("Written: {0}").format(target))
        return Path(target)

    def export_csv(self) -> Path | None:
        from core.aimag.ranking import write_ranking_csv

        return self._export(tr("Export the ranking as CSV"), ".csv", CSV_FILTER,
                            lambda path: write_ranking_csv(self.rows, path))

    def export_xlsx(self) -> Path | None:
        if write_ranking_xlsx is None:
            return None
        return self._export(tr("Export the ranking as an Excel workbook"), ".xlsx", XLSX_FILTER,
                            lambda path: write_ranking_xlsx(self.rows, self.missing, path))

    def export_pdf(self) -> Path | None:
        from core.aimag.ranking_pdf import export_ranking_pdf

        return self._export(tr("Export the ranking as PDF"), ".pdf", PDF_FILTER,
                            lambda path: export_ranking_pdf(self.rows, self.missing, path,
                                                            aimag_file.aimag_key_code(Path(self._aimag_path()))))
