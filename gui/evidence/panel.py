"""The measure form's evidence: the files with name, type, size and a small picture, and what to do with them.

"Attach evidence…" or files dropped on the list add files (``gui.evidence.flow``);
"Open" shows a picture inside Tailan and opens a document with the PC's program
(never in the reviewer's view of a received report); "Save a copy…" writes files
where the user chooses; "Remove" takes a file off the measure (undoable, like every
edit). Below the list: the report's evidence against its limit, in colour as it
nears it, and last year's evidence listed for reference when the report was carried
forward. Small pictures are made after the list is shown, one at a time, so
choosing a measure never waits for them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.errors import TailanError
from core.report.evidence import limits
from core.report.kinds import EvidenceType
from gui.evidence import flow
from gui.evidence.document_part import EVIDENCE_FIELD
from gui.evidence.pictures import THUMBNAIL_SIDE, PictureDialog, thumbnail
from gui.start_page import picker_folder
from gui.i18n import tr

EvidenceRole = Qt.UserRole + 1
WARN_STYLE = "color: #9a5b00; font-weight: bold;"
FULL_STYLE = "color: #b3261e; font-weight: bold;"


def local_files(mime) -> list[str]:
    """The local files a drag carries (a drag from the plan tree carries none)."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class EvidencePanel(QWidget):
    """The evidence of the measure the form shows."""

    def __init__(self, doc, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.doc = doc
        self.measure_id = ""
        self.read_only = False
        self._thumbnails: dict[str, object] = {}
        self._pending: list[QListWidgetItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("evidenceList")
        self.list.setIconSize(QSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # files dropped on the list reach the panel
        self.list.itemSelectionChanged.connect(self._update_enabled)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        layout.addWidget(self.list)
        # two buttons a row: the four side by side would widen the form past a small screen's column
        row = QGridLayout()
        self.attach_button = self._button(tr("Attach evidence…"), "attachEvidenceButton", self.attach)
        self.open_button = self._button(tr("Open"), "openEvidenceButton", self.open_selected)
        self.save_button = self._button(tr("Save a copy…"), "saveEvidenceButton", self.save_selected)
        self.remove_button = self._button(tr("Remove"), "removeEvidenceButton", self.remove_selected)
        for index, button in enumerate((self.attach_button, self.open_button, self.save_button, self.remove_button)):
            row.addWidget(button, index // 2, index % 2)
        row.setColumnStretch(2, 1)
        layout.addLayout(row)
        self.total = QLabel()
        self.total.setObjectName("evidenceTotal")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.earlier = QLabel()
        self.earlier.setObjectName("earlierEvidence")
        self.earlier.setWordWrap(True)
        self.earlier.setStyleSheet("color: #555;")
        layout.addWidget(self.earlier)
        self.setAcceptDrops(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next_thumbnail)
        doc.changed.connect(self._document_changed)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda *_: slot())
        return button

    # -------------------------------------------------------------- showing
    def show_measure(self, measure_id: str) -> None:
        self.measure_id = measure_id
        self.refresh()

    def measure(self):
        return self.doc.items.get(self.measure_id)

    def refresh(self) -> None:
        measure = self.measure()
        self.list.clear()
        self._pending = []
        files = measure.evidence if measure is not None else []
        for evidence in files:
            kind = EvidenceType(evidence.type)
            item = QListWidgetItem(f"{evidence.name}\n{kind.label} · {limits.size_text(evidence.size)}")
            item.setData(EvidenceRole, evidence)
            item.setToolTip(f"{evidence.name}\n{kind.label}, {limits.size_text(evidence.size)}\n"
                            f"SHA-256: {evidence.sha256}")
            cached = self._thumbnails.get(evidence.sha256)
            item.setIcon(cached if cached else self.style().standardIcon(QStyle.SP_FileIcon))
            if kind.is_picture and evidence.sha256 not in self._thumbnails:
                self._pending.append(item)
            self.list.addItem(item)
        self.list.setFixedHeight(self._list_height(len(files)))
        self._show_total()
        self._show_earlier(measure)
        self._update_enabled()
        if self._pending:
            self._timer.start(0)

    def _list_height(self, count: int) -> int:
        row = max(THUMBNAIL_SIDE, self.fontMetrics().lineSpacing() * 2) + 8
        return row * max(1, min(count, 4)) + 2 * self.list.frameWidth() + 4

    def _show_total(self) -> None:
        total = self.doc.evidence_bytes()
        limit = limits.MAX_REPORT_BYTES
        text = tr("Evidence of the whole report: {0} of at most {1}.").format(limits.size_text(total), limits.size_text(limit))
        style = ""
        if total >= limit:
            text += " " + tr("The limit is reached: no more files can be attached.")
            style = FULL_STYLE
        elif total > limits.WARN_SHARE * limit:
            text += " " + tr("Nearly at the limit: shrink photos or attach fewer files.")
            style = WARN_STYLE
        self.total.setText(text)
        self.total.setStyleSheet(style)

    def _show_earlier(self, measure) -> None:
        earlier = measure.earlier_evidence if measure is not None else []
        if not earlier:
            self.earlier.hide()
            return
        year = earlier[0].year if earlier[0].year is not None else "?"
        names = ", ".join(f"{e.name} ({limits.size_text(e.size)})" for e in earlier)
        self.earlier.setText(tr("Evidence of {0} (for reference; not carried over, not sent): {1}").format(year, names))
        self.earlier.show()

    def _next_thumbnail(self) -> None:
        while self._pending:
            item = self._pending.pop(0)
            evidence = item.data(EvidenceRole)
            try:
                pixmap = thumbnail(self.doc.evidence_data(evidence))
            except TailanError:
                pixmap = None
            if pixmap is not None:
                self._thumbnails[evidence.sha256] = pixmap
                item.setIcon(pixmap)
            break
        if self._pending:
            self._timer.start(0)

    def _document_changed(self, change) -> None:
        if change.op == "field" and change.field == EVIDENCE_FIELD and change.item_id == self.measure_id:
            self.refresh()
        elif change.op == "field" and change.field == EVIDENCE_FIELD:
            self._show_total()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_enabled()

    def _update_enabled(self) -> None:
        chosen = self.selected()
        self.attach_button.setEnabled(not self.read_only and self.measure() is not None)
        self.remove_button.setEnabled(not self.read_only and bool(chosen))
        self.save_button.setEnabled(bool(chosen))
        can_open = len(chosen) == 1 and (EvidenceType(chosen[0].type).is_picture or not self.doc.received)
        self.open_button.setEnabled(can_open)
        if self.doc.received:
            self.open_button.setToolTip(tr("Pictures are shown inside Tailan; save other files to a folder and open "
                                           "them from there."))

    # ---------------------------------------------------------------- acts
    def selected(self) -> list:
        return [item.data(EvidenceRole) for item in self.list.selectedItems()]

    def attach(self) -> str | None:
        return flow.choose_and_attach(self.doc, self.measure_id, str(picker_folder(self.doc.path)))

    def attach_dropped(self, paths: list[str]) -> str | None:
        return flow.attach_paths(self.doc, self.measure_id, paths)

    def open_selected(self):
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        evidence = chosen[0]
        if not EvidenceType(evidence.type).is_picture:
            return flow.open_outside(self.doc, evidence)
        try:
            data = self.doc.evidence_data(evidence)
        except TailanError as exc:
            self.doc.prompter.error(tr("The picture cannot be shown"), exc.message)
            return None
        dialog = PictureDialog(evidence, data, self.window())
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.picture_dialog = dialog
        dialog.open()
        return dialog

    def save_selected(self) -> list:
        return flow.save_copies(self.doc, self.selected(), str(picker_folder(self.doc.path)))

    def remove_selected(self) -> bool:
        chosen = self.selected()
        if self.read_only or not chosen:
            return False
        done = True
        for evidence in chosen:
            done = flow.remove(self.doc, self.measure_id, evidence) and done
        return done

    # ----------------------------------------------------------- dropping
    def dragEnterEvent(self, event) -> None:
        if not self.read_only and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = local_files(event.mimeData())
        if self.read_only or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.attach_dropped(paths))  # the drag source is not kept waiting
