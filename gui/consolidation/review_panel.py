"""The reviewer's remarks on a received report, and the receipts sent back to the soums.

Pick an organization of the ranking: its current report's measures are listed; a
remark goes to the report as a whole or to one measure, with a proposed score where
the reviewer disagrees with the soum's own. Remarks are kept in the aimag's file with
who and when (core), never in the soum's submission. Who: the reviewer's name, asked
once through the prompter (``ask_text``) before the first remark or receipt and kept on
this PC (``core.aimag.reviewer``); "Change the name…" asks again. "Write receipts" writes one
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

from core.aimag import reviewer
from core.errors import TailanError
from core.report.model import Score
from core.storage.clock import local_clock
from core.storage.filenames import file_name
from core.storage.replacing import making_room
from gui.consolidation import aimag_file
from gui.consolidation.places import work_folder
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
        # on the same line: the name printed on every remark and receipt, asked once
        self.reviewer_label = QLabel()
        self.reviewer_label.setObjectName("reviewerName")
        self.reviewer_label.setWordWrap(True)
        row.addWidget(self.reviewer_label, 1)
        self.reviewer_button = QPushButton(tr("Change the name…"))
        self.reviewer_button.setObjectName("changeReviewerButton")
        self.reviewer_button.clicked.connect(lambda *_: self.ask_reviewer())
        row.addWidget(self.reviewer_button)
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
        self._show_reviewer()
        self._update_enabled()

    # ------------------------------------------------------------ the reviewer
    def _show_reviewer(self) -> None:
        name = reviewer.saved_name()
        self.reviewer_label.setText(tr("Reviewer: {0}").format(name) if name else tr("Reviewer: not given yet"))
        self.reviewer_label.setToolTip(tr("The reviewer's name is printed on every remark and receipt; it is asked "
                                          "once, before the first remark or receipt."))

    def ask_reviewer(self) -> str | None:
        """Asks the reviewer's name (through the prompter) and keeps it on this PC; None when cancelled."""
        ask = getattr(self.prompter, "ask_text", None)
        if ask is None:  # a prompter that cannot ask a name: the one kept, else the login (as the command line)
            return reviewer.who()
        answer = ask(tr("The reviewer's name"),
                     tr("Your name, as it is printed on your remarks and on the receipts (for example Д.Бат):"),
                     reviewer.saved_name())
        if answer is None or not reviewer.clean(answer):
            return None
        try:
            name = reviewer.remember(answer)
        except TailanError as exc:
            self.prompter.error(tr("The name was not kept"), exc.message)
            return None
        self._show_reviewer()
        return name

    def reviewer_name(self) -> str:
        """The reviewer's name: the one kept on this PC, asked the first time. Declined, the
        remark is still written, under the login name as before, and the name is asked again
        next time."""
        return reviewer.saved_name() or self.ask_reviewer() or reviewer.login_name()

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
                    name, report.revision, local_clock(received_at, with_time=False), len(remarks)))
                self.measure.addItem(tr("The report as a whole"), None)
                for m in report.measures():
                    self.measure.addItem(f"{m.number} {' '.join(m.text.split())[:70]}", m.number)
                for r in remarks:
                    where = r.measure or tr("report")
                    score = f" [{score_choice_text(r.score)}]" if r.score else ""
                    self.remarks.addItem(f"{where}: {r.text}{score} — {r.author}, {local_clock(r.at)}")
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
        author = self.reviewer_name()
        try:
            text = self.text.toPlainText()
            if about and self.report is not None:
                unreadable = about.partition(":")[2] if about.startswith("unreadable:") else None
                text = evidence_remark(self.report, self.measure.currentData(), about == "missing", unreadable, text)
            aimag_file.add_remark(self.path(), name, text, self.measure.currentData(), self.score.currentData(),
                                  author)
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
        # beside the aimag's file, never in the data folder
        suggested = work_folder(self.path()) / file_name([name, "тайлбар"], ".pdf", separator="-")
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
        author = self.reviewer_name()
        folder = self.prompter.choose_folder(tr("Where to write the receipts (for example a USB stick)"),
                                             str(work_folder(self.path())))
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
            written = aimag_file.write_receipts(self.path(), names, Path(folder), author)
        except TailanError as exc:
            self.prompter.error(tr("The receipts were not written"), exc.message)
            return []
        self.changed.emit(tr("{0} receipts written to {1}.").format(len(written), folder))
        return written
