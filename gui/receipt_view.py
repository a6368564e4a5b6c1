"""The aimag's answer in the soum's window: open it, see it, act on its remarks.

File → "Open the aimag's answer…" checks the receipt in core (signature by an aimag
key this PC accepted, the soum's own report and revision) and keeps it in the file;
the first receipt of an aimag shows its key code to compare with the aimag's paper.
Kept, it shows as a line over the tree ("received by the aimag on DATE, revision
N", and where its remarks are: a click on "measure 1.2." goes there), as a mark and a
tooltip on the measures it remarks on, and as a box of remarks in the report's form
and under a measure's achieved level. A greyed "take" button says why (reopen first). A proposed score changes nothing by itself: taking
it is the ordinary, undoable score edit.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from core.aimag.receipt import first_key_of_its_aimag, read_receipt
from core.errors import TailanError
from core.sending.notice import is_notice
from core.report.kinds import ItemKind
from core.report.model import Score
from core.storage.clock import local_clock
from core.storage.filenames import shorter_stem
from gui.acts import act, explain, why_read_only, write_to_chosen
from gui.files import choose_target
from gui.i18n import tr
from gui.start_page import picker_folder

BANNER_STYLE = "QLabel { background: #e8f0fe; color: #174ea6; padding: 6px; }"


def accepts_answer_key(prompter, aimag: str, key_code: str) -> bool:
    """The first answer (a receipt, a rejection notice) of an aimag on this computer: its key is
    accepted only when the officer says the code matches the one on the aimag's ranking paper."""
    return prompter.confirm(
        tr("The aimag's key"),
        tr("This is the first answer of {0} aimag on this computer. Its key code is {1}. Compare it "
           "with the code printed on the aimag's ranking paper: accept the key only if they are the "
           "same.").format(aimag, key_code),
        tr("The codes are the same: accept"), tr("Cancel"))


def receipt_line(receipt) -> str:
    """``Received by Өвөрхангай aimag on 2023-12-20, revision 2 (total 82,8); 3 remarks.``"""
    return tr("Received by {0} aimag on {1}, revision {2} (total as the aimag computed it: {3}); remarks: {4}.").format(
        receipt.aimag, local_clock(receipt.received_at, with_time=False), receipt.revision, receipt.total_display,
        len(receipt.remarks))


def remark_places(doc) -> list[tuple[str, str]]:
    """Where the kept answer's remarks are: (the item's id or "", its name), the report first,
    then each measure by its number once, in the report's order."""
    receipt = doc.receipt if doc is not None else None
    if receipt is None:
        return []
    places = [(doc.report.id, tr("the report"))] if doc.remarks_for(doc.report.id) else []
    for measure in doc.report.measures():
        if doc.remarks_for(measure.id):
            places.append((measure.id, tr("measure {0}").format(measure.number.strip() or "?")))
    named = {r.measure.strip().rstrip(".") for r in receipt.remarks if r.measure}
    found = {m.number.strip().rstrip(".") for m in doc.report.measures()}
    places += [("", tr("measure {0} (no longer in the report)").format(number)) for number in sorted(named - found)]
    return places


def receipt_html(doc) -> str:
    """The answer's line with where its remarks are, each a link that selects the item."""
    receipt = doc.receipt
    text = escape(receipt_line(receipt))
    places = remark_places(doc)
    if places:
        links = ", ".join(f'<a href="{item_id}">{escape(name)}</a>' if item_id else escape(name)
                          for item_id, name in places)
        text += "<br>" + escape(tr("The remarks are on:")) + " " + links + " " + escape(tr("(click to go there)"))
    return text


def score_label(value: str) -> str:
    score = Score(value)
    return score.label if score is Score.NOT_DUE else f"{score.value} — {score.label}"


def why_not_writable(doc) -> str:
    """Why taking a score is greyed now, in words that say what to do."""
    if doc is not None and doc.finalized and not doc.file_read_only:
        return tr("The report is finalized: reopen it first (File → Reopen for changes), then take the score.")
    return why_read_only(doc) if doc is not None else ""


class RemarksBox(QGroupBox):
    """The aimag's remarks on the selected item (the report or a measure), in its form
    (a measure's under what was achieved), each with its proposed score and a button to
    take it. One box, placed in the form shown (``ItemForm.place_remarks``)."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(tr("The aimag's remarks"), parent)
        self.setObjectName("remarksBox")
        self.setStyleSheet("QGroupBox#remarksBox { background: #e8f0fe; }")
        self.w = window
        self.item_id = ""
        self.layout_ = QVBoxLayout(self)
        self.hide()

    def show_for(self, item_id: str) -> None:
        self.item_id = item_id
        while self.layout_.count():
            child = self.layout_.takeAt(0).widget()
            if child is not None:  # gone at once: deleteLater alone leaves it painted (and found) until then
                child.hide()
                child.setParent(None)
                child.deleteLater()
        doc = self.w.doc
        remarks = doc.remarks_for(item_id) if doc is not None and item_id else []
        for remark in remarks:
            text = QLabel(f"{remark.text}\n— {remark.author}, {local_clock(remark.at)}".strip())
            text.setWordWrap(True)
            text.setObjectName("remarkText")
            self.layout_.addWidget(text)
            if remark.score is not None:
                self._take_button(doc, item_id, remark.score)
        if remarks:
            self._place(doc.kind_of(item_id))
        self.setVisible(bool(remarks))

    def _take_button(self, doc, item_id: str, value: str) -> None:
        taken = doc.items[item_id].score == Score(value)
        proposed = QLabel(tr("Proposed score: {0}").format(score_label(value)))
        proposed.setObjectName("proposedScore")
        proposed.setWordWrap(True)
        self.layout_.addWidget(proposed)
        # a short text: the button fits the narrow form of a small screen, the score is said above
        button = QPushButton(tr("The proposed score is taken") if taken else tr("Take the proposed score"))
        button.setObjectName("takeProposedScore")
        reason = why_not_writable(doc)
        button.setEnabled(not reason and not taken)
        button.setToolTip(reason or (tr("The measure already has this score.") if taken else
                                     tr("The score becomes the measure's; Ctrl+Z takes it back.")))
        button.clicked.connect(lambda _=False, v=value: self.take(v))
        self.layout_.addWidget(button)
        if reason:  # a greyed button says why, in view: nobody hovers over a grey button
            note = QLabel(reason)
            note.setObjectName("takeScoreNote")
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a1c1c;")
            self.layout_.addWidget(note)

    def _place(self, kind: str) -> None:
        form = self.w.forms.get(kind)
        if form is not None and not form.isAncestorOf(self):
            form.place_remarks(self)

    def park(self) -> None:
        """Out of the forms before they are replaced (they are deleted with their children)."""
        self.hide()
        self.setParent(self.w)
        self.hide()

    def take(self, value: str) -> bool:
        """The proposed score becomes the measure's score: the same undoable command as the form's."""
        from gui.commands import SetFieldCommand

        doc = self.w.doc
        taken = self.w.actions_.push(SetFieldCommand(doc, ItemKind.MEASURE, self.item_id, "score", Score(value)))
        self.show_for(self.item_id)  # the button pressed is gone: the focus goes to the score it set
        form = self.w.forms.get(ItemKind.MEASURE)
        if form is not None and form.isVisible():
            form.score.setFocus(Qt.OtherFocusReason)
        if taken:
            self.w.statusBar().showMessage(tr("Score taken: {0}. Ctrl+Z takes it back.").format(score_label(value)),
                                           8000)
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
        self.line.setTextFormat(Qt.RichText)
        self.line.setStyleSheet(BANNER_STYLE)
        self.line.linkActivated.connect(self.go_to)
        self.line.hide()
        column = window.banner.parentWidget().layout()  # over the tree, under the other banner
        column.insertWidget(column.indexOf(window.banner) + 1, self.line)
        self.remarks = RemarksBox(window)
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
        explain(self.open, doc is not None and not doc.file_read_only, why_read_only(doc) if doc is None else
                (doc.file_read_only_reason or tr("This file is open read-only; nothing can be changed.")))
        explain(self.print_, kept is not None, why_read_only(None) if doc is None else
                tr("No answer of the aimag is kept in this file yet: open it first (File → Open the aimag's "
                   "answer…)."))
        self.line.setVisible(kept is not None)
        if kept is not None:
            self.line.setText(receipt_html(doc))
        if self.w.model is not None:
            self.w.model.refresh_rows()  # the remark marks in the tree
        self.show_remarks()

    def go_to(self, item_id: str) -> None:
        """A remark's place clicked in the line: the item is selected and its remarks shown."""
        if self.w.doc is not None and item_id in self.w.doc.items:
            self.w.select_item(item_id)

    def show_remarks(self) -> None:
        self.remarks.show_for(self.w.current_item_id() if self.w.doc is not None else "")

    def open_receipt(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return False
        path = self.w.prompter.open_path(tr("Open the aimag's answer"), str(picker_folder(doc.path)),
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
        accept_key = first_key
        if first_key and not accepts_answer_key(self.w.prompter, receipt.aimag, receipt.aimag_key_code):
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
        suggested = picker_folder(doc.path) / shorter_stem(doc.path.stem, "-хариу", ".pdf")  # never the data folder
        path = self.w.prompter.save_path(tr("Save the aimag's answer as PDF"), str(suggested), tr("PDF (*.pdf)"))
        chosen = choose_target(self.w, path, add_suffix=False) if path else None  # an existing file: asked, kept
        if chosen is None:
            return False
        return write_to_chosen(self.w, tr("The answer was not printed"), chosen,
                               lambda where: export_receipt_pdf(doc.receipt, where)) is not None
