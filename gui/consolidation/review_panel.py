"""The reviewer's remarks on a received report, and the receipts sent back to the soums.

Pick an organization of the ranking: its current report's measures are listed; a
remark goes to the report as a whole or to one measure, with a proposed score where
the reviewer disagrees with the soum's own. Remarks are kept in the aimag's file with
who and when (core), never in the soum's submission. "Write receipts" writes one
signed receipt per organization into a folder, to go back by USB stick or e-mail;
the soum opens it with File → Open the aimag's answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError
from core.report.model import Score
from core.storage.filenames import file_name
from core.storage.replacing import making_room
from gui.consolidation import aimag_file
from gui.files import confirm_target
from gui.i18n import tr

#: The proposed-score choices: none, then the official scale.
SCORE_CHOICES = (None, "100", "70", "30", "0", "not-due")


def score_choice_text(value: str | None) -> str:
    if value is None:
        return tr("— no proposed score —")
    score = Score(value)
    return score.label if score is Score.NOT_DUE else f"{score.value} — {score.label}"


class ReviewPanel(QWidget):
    """Remarks on one organization's current report, and receipts for a batch."""

    changed = Signal(str)

    def __init__(self, path, prompter, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._path = path
        self.prompter = prompter
        self.busy = False
        self.fingerprint = ""
        self.report = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Organization:")))
        self.organization = QComboBox()
        self.organization.setObjectName("reviewOrganization")
        self.organization.currentTextChanged.connect(lambda *_: self.show_organization())
        row.addWidget(self.organization, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.remarks = QListWidget()
        self.remarks.setObjectName("remarksList")
        self.remarks.setWordWrap(True)
        layout.addWidget(self.remarks, 1)
        form = QFormLayout()
        self.measure = QComboBox()
        self.measure.setObjectName("remarkMeasure")
        form.addRow(tr("About:"), self.measure)
        self.evidence = QComboBox()  # a remark may point at missing or unreadable evidence of the measure
        self.evidence.setObjectName("remarkEvidence")
        self.measure.currentIndexChanged.connect(lambda *_: self._fill_evidence())
        form.addRow(tr("Evidence:"), self.evidence)
        self.text = QPlainTextEdit()
        self.text.setObjectName("remarkText")
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(tr("Remark:"), self.text)
        self.score = QComboBox()
        self.score.setObjectName("remarkScore")
        for value in SCORE_CHOICES:
            self.score.addItem(score_choice_text(value), value)
        form.addRow(tr("Proposed score:"), self.score)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add the remark"))
        self.add_button.setObjectName("addRemarkButton")
        self.add_button.clicked.connect(lambda *_: self.add_remark())
        self.print_button = QPushButton(tr("Print the remarks…"))
        self.print_button.setObjectName("printRemarksButton")
        self.print_button.clicked.connect(lambda *_: self.print_remarks())
        self.receipt_button = QPushButton(tr("Write its receipt…"))
        self.receipt_button.setObjectName("writeReceiptButton")
        self.receipt_button.clicked.connect(lambda *_: self.write_receipts([self.organization.currentText()]))
        self.all_receipts_button = QPushButton(tr("Write receipts for all…"))
        self.all_receipts_button.setObjectName("writeAllReceiptsButton")
        self.all_receipts_button.clicked.connect(lambda *_: self.write_receipts(self.names()))
        for button in (self.add_button, self.print_button, self.receipt_button, self.all_receipts_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_enabled()

    def path(self) -> Path:
        return Path(self._path())

    def names(self) -> list[str]:
        return [self.organization.itemText(i) for i in range(self.organization.count())]

    def set_rows(self, rows) -> None:
        """The organizations whose reports are current (the ranking's rows)."""
        current = self.organization.currentText()
        names = list(dict.fromkeys(r.organization for r in rows))
        self.organization.blockSignals(True)
        self.organization.clear()
        self.organization.addItems(names)
        if current in names:
            self.organization.setCurrentText(current)
        self.organization.blockSignals(False)
        self.show_organization()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        chosen = bool(self.fingerprint) and not self.busy
        for widget in (self.add_button, self.print_button, self.receipt_button, self.text, self.measure, self.score,
                       self.evidence):
            widget.setEnabled(chosen)
        self.all_receipts_button.setEnabled(self.organization.count() > 0 and not self.busy)

    def show_organization(self) -> None:
        name = self.organization.currentText()
        self.remarks.clear()
        self.measure.clear()
        self.fingerprint = ""
        self.report = None
        self.summary.clear()
        if name:
            try:
                report, self.fingerprint, received_at, _ = aimag_file.current_submission(self.path(), name)
                remarks = aimag_file.remarks_of(self.path(), self.fingerprint)
            except TailanError as exc:
                self.prompter.error(tr("The report could not be read"), exc.message)
                remarks, report = [], None
            self.report = report
            if report is not None:
                self.summary.setText(tr("{0}: revision {1}, received {2}; remarks: {3}.").format(
                    name, report.revision, received_at[:10], len(remarks)))
                self.measure.addItem(tr("The report as a whole"), None)
                for m in report.measures():
                    self.measure.addItem(f"{m.number} {' '.join(m.text.split())[:70]}", m.number)
                for r in remarks:
                    where = r.measure or tr("report")
                    score = f" [{score_choice_text(r.score)}]" if r.score else ""
                    self.remarks.addItem(f"{where}: {r.text}{score} — {r.author}, {r.at[:16].replace('T', ' ')}")
        self._fill_evidence()
        self._update_enabled()

    def _fill_evidence(self) -> None:
        """The chosen measure's files, to say one is unreadable, or that evidence is missing."""
        self.evidence.clear()
        self.evidence.addItem(tr("— nothing about evidence —"), None)
        number = self.measure.currentData()
        if self.report is None or number is None:
            return
        self.evidence.addItem(tr("Evidence is missing"), "missing")
        for measure in self.report.find_measure(number)[:1]:
            for e in measure.evidence:
                self.evidence.addItem(tr("Unreadable: {0}").format(e.name), f"unreadable:{e.name}")

    def add_remark(self) -> bool:
        from core.aimag.evidence import evidence_remark

        name = self.organization.currentText()
        about = self.evidence.currentData() or ""
        try:
            text = self.text.toPlainText()
            if about and self.report is not None:
                unreadable = about.partition(":")[2] if about.startswith("unreadable:") else None
                text = evidence_remark(self.report, self.measure.currentData(), about == "missing", unreadable, text)
            aimag_file.add_remark(self.path(), name, text, self.measure.currentData(), self.score.currentData())
        except TailanError as exc:
            self.prompter.error(tr("The remark was not added"), exc.message)
            return False
        self.text.clear()
        self.score.setCurrentIndex(0)
        self.show_organization()
        self.changed.emit(tr("Remark added for {0}.").format(name))
        return True

    def print_remarks(self) -> Path | None:
        from core.pdf.receipt import export_remarks_pdf

        name = self.organization.currentText()
        suggested = self.path().with_name(file_name([name, "тайлбар"], ".pdf", separator="-"))
        target = self.prompter.save_path(tr("Print the remarks as PDF"), str(suggested), tr("PDF (*.pdf)"))
        chosen = confirm_target(self.prompter, Path(target), self.path()) if target else None
        if chosen is None:  # an existing file: asked first, and kept as a backup
            return None
        target = chosen.path
        try:
            report, fingerprint, received_at, registered = aimag_file.current_submission(self.path(), name)
            remarks = aimag_file.remarks_of(self.path(), fingerprint)
            with making_room(target, replace=chosen.replace, backup=chosen.backup):
                export_remarks_pdf(registered, report, fingerprint, received_at, remarks, target)
        except TailanError as exc:
            self.prompter.error(tr("The remarks were not printed"), exc.message)
            return None
        self.changed.emit(tr("Written: {0}").format(target))
        return Path(target)

    def write_receipts(self, names: list[str]) -> list[Path]:
        names = [n for n in names if n]
        if not names:
            return []
        folder = self.prompter.choose_folder(tr("Where to write the receipts (for example a USB stick)"),
                                             str(self.path().parent))
        if not folder:
            return []
        try:
            there = [p for p in aimag_file.receipt_paths(self.path(), names, Path(folder)) if p.exists()]
            if there and not self.prompter.confirm(
                tr("The receipts are already there"),
                tr("{0} of these receipts are already in the folder (for example «{1}»). Write them again? Each "
                   "earlier receipt is kept beside it as a backup.").format(len(there), there[0].name),
                tr("Write again"), tr("Cancel"),
            ):
                return []
            written = aimag_file.write_receipts(self.path(), names, Path(folder))
        except TailanError as exc:
            self.prompter.error(tr("The receipts were not written"), exc.message)
            return []
        self.changed.emit(tr("{0} receipts written to {1}.").format(len(written), folder))
        return written
