"""The aimag's answer in the soum's window: open it, see it, act on its remarks.

File → "Open the aimag's answer…" checks the receipt in core (signature by an aimag
key this PC accepted, the soum's own report and revision) and keeps it in the file;
the first receipt of an aimag shows its key code to compare with the aimag's paper.
Kept, it shows as a line above the forms ("received by the aimag on DATE, revision
N"), as a mark and a tooltip on the measures it remarks on, and as a box of remarks
in the report and measure forms. A proposed score changes nothing by itself: taking
it is the ordinary, undoable score edit.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from core.aimag.receipt import first_key_of_its_aimag, read_receipt
from core.errors import TailanError
from core.sending.notice import is_notice
from core.report.kinds import ItemKind
from core.report.model import Score
from core.storage.filenames import shorter_stem
from gui.acts import act, write_to_chosen
from gui.files import choose_target
from gui.i18n import tr

BANNER_STYLE = "QLabel { background: #e8f0fe; color: #174ea6; padding: 6px; }"


def receipt_line(receipt) -> str:
    """``Received by Өвөрхангай aimag on 2023-12-20, revision 2 (total 82,8); 3 remarks.``"""
    return tr("Received by {0} aimag on {1}, revision {2} (total as the aimag computed it: {3}); remarks: {4}.").format(
        receipt.aimag, receipt.received_at[:10], receipt.revision, receipt.total_display, len(receipt.remarks))


def score_label(value: str) -> str:
    score = Score(value)
    return score.label if score is Score.NOT_DUE else f"{score.value} — {score.label}"


class RemarksBox(QGroupBox):
    """The aimag's remarks on the selected item (the report or a measure), under its form,
    each with its proposed score and a button to take it."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(tr("The aimag's remarks"), parent)
        self.setObjectName("remarksBox")
        self.w = window
        self.item_id = ""
        self.layout_ = QVBoxLayout(self)
        self.hide()

    def show_for(self, item_id: str) -> None:
        self.item_id = item_id
        while self.layout_.count():
            child = self.layout_.takeAt(0).widget()
            if child is not None:  # hidden at once: deleteLater alone leaves it painted until then
                child.hide()
                child.deleteLater()
        doc = self.w.doc
        remarks = doc.remarks_for(item_id) if doc is not None and item_id else []
        for remark in remarks:
            text = QLabel(f"{remark.text}\n— {remark.author}, {remark.at[:10]}".strip())
            text.setWordWrap(True)
            text.setObjectName("remarkText")
            self.layout_.addWidget(text)
            if remark.score is not None:
                button = QPushButton(tr("Take the proposed score: {0}").format(score_label(remark.score)))
                button.setObjectName("takeProposedScore")
                button.setEnabled(not doc.read_only and doc.items[item_id].score != Score(remark.score))
                button.clicked.connect(lambda _=False, value=remark.score: self.take(value))
                self.layout_.addWidget(button)
        self.setVisible(bool(remarks))

    def take(self, value: str) -> bool:
        """The proposed score becomes the measure's score: the same undoable command as the form's."""
        from gui.commands import SetFieldCommand

        doc = self.w.doc
        taken = self.w.actions_.push(SetFieldCommand(doc, ItemKind.MEASURE, self.item_id, "score", Score(value)))
        self.show_for(self.item_id)
        return taken


class ReceiptActions:
    """File → Open the aimag's answer… / Print the aimag's answer…, and the line that shows it."""

    def __init__(self, window):
        self.w = window
        self.open = QAction(tr("Open the aimag's answer…"), window)
        self.open.setObjectName("openReceiptAction")
        self.open.triggered.connect(lambda *_: self.open_receipt())
        self.print_ = QAction(tr("Print the aimag's answer…"), window)
        self.print_.setObjectName("printReceiptAction")
        self.print_.triggered.connect(lambda *_: self.print_receipt())
        menu = window.actions_.file_menu
        before = window.actions_.settings
        menu.insertActions(before, [self.open, self.print_])
        menu.insertSeparator(before)
        self.line = QLabel()
        self.line.setObjectName("receiptBanner")
        self.line.setWordWrap(True)
        self.line.setStyleSheet(BANNER_STYLE)
        self.line.hide()
        right = window.banner.parentWidget().layout()
        right.insertWidget(right.indexOf(window.banner) + 1, self.line)
        self.remarks = RemarksBox(window)
        right.insertWidget(right.indexOf(window.stack) + 1, self.remarks)
        self._doc = None
        self.document_shown()

    def document_shown(self) -> None:
        """Called by the window whenever it shows another document (or none)."""
        doc = self.w.doc
        if doc is not None and doc is not self._doc:
            doc.receiptChanged.connect(self.refresh)
            self.w.tree.selectionModel().currentChanged.connect(lambda *_: self.show_remarks())
        self._doc = doc
        self.refresh()

    def refresh(self) -> None:
        doc = self.w.doc
        kept = doc.receipt if doc is not None else None
        self.open.setEnabled(doc is not None and not doc.file_read_only)
        self.print_.setEnabled(kept is not None)
        self.line.setVisible(kept is not None)
        if kept is not None:
            self.line.setText(receipt_line(kept))
        if self.w.model is not None:
            self.w.model.refresh_rows()  # the remark marks in the tree
        self.show_remarks()

    def show_remarks(self) -> None:
        self.remarks.show_for(self.w.current_item_id() if self.w.doc is not None else "")

    def open_receipt(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return False
        path = self.w.prompter.open_path(tr("Open the aimag's answer"), str(doc.path.parent),
                                         tr("Aimag's answer (*.tailan-receipt);;All files (*)"))
        if not path:
            return False
        if is_notice(path):  # the aimag's notice of a rejection comes through the same channel
            return self.w.year.open_notice(path)
        try:
            receipt = read_receipt(path)
            first_key = first_key_of_its_aimag(doc.rf, receipt, doc.report.id)  # another aimag's: refused, not asked
        except TailanError as exc:
            self.w.prompter.error(tr("The answer was not taken"), exc.message)
            return False
        accept_key = False
        if first_key:
            accept_key = self.w.prompter.confirm(
                tr("The aimag's key"),
                tr("This is the first answer of {0} aimag on this computer. Its key code is {1}. Compare it "
                   "with the code printed on the aimag's ranking paper: accept the key only if they are the "
                   "same.").format(receipt.aimag, receipt.aimag_key_code),
                tr("The codes are the same: accept"), tr("Cancel"))
            if not accept_key:
                return False
        kept = act(self.w, tr("The answer was not taken"), lambda: doc.keep_receipt(path, accept_key=accept_key))
        if kept is None:
            return False
        self.w.statusBar().showMessage(receipt_line(kept), 10000)
        return True

    def print_receipt(self) -> bool:
        from core.pdf.receipt import export_receipt_pdf

        doc = self.w.doc
        if doc is None or doc.receipt is None:
            return False
        suggested = doc.path.with_name(shorter_stem(doc.path.stem, "-хариу", ".pdf"))
        path = self.w.prompter.save_path(tr("Save the aimag's answer as PDF"), str(suggested), tr("PDF (*.pdf)"))
        chosen = choose_target(self.w, path, add_suffix=False) if path else None  # an existing file: asked, kept
        if chosen is None:
            return False
        return write_to_chosen(self.w, tr("The answer was not printed"), chosen,
                               lambda where: export_receipt_pdf(doc.receipt, where)) is not None
