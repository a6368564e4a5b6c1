"""The window's evidence: Edit → "Attach evidence…", and files dropped on a measure in the plan tree.

A drop of files from the PC's file manager onto a measure's row attaches them to
that measure; the tree's own drag (moving goals and measures) carries no files and
is left to the tree. Both go through ``gui.evidence.flow``, like the form's button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction

from core.report.model import Measure
from gui.evidence import flow
from gui.evidence.panel import local_files
from gui.i18n import tr


class EvidenceActions(QObject):
    """The menu entry and the tree's file drops of one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.attach = QAction(tr("Attach evidence…"), window)
        self.attach.setObjectName("attachEvidenceAction")
        self.attach.triggered.connect(lambda *_: self.attach_to_selected())
        window.actions_.editing.append(self.attach)
        window.actions_.edit_menu.insertAction(window.actions_.paste, self.attach)
        window.tree.addAction(self.attach)
        window.tree.viewport().installEventFilter(self)

    def _measure_at(self, event) -> Measure | None:
        model = self.w.model
        if model is None:
            return None
        item = model.item(self.w.tree.indexAt(event.position().toPoint()))
        return item if isinstance(item, Measure) else None

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            return False
        paths = local_files(event.mimeData())
        if not paths:
            return False  # the tree's own move of goals and measures
        doc = self.w.doc
        measure = self._measure_at(event) if kind != QEvent.DragEnter else None
        if doc is None or doc.read_only or (kind != QEvent.DragEnter and measure is None):
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Drop:
            QTimer.singleShot(0, lambda: self.attach_paths(measure.id, paths))
        return True

    def attach_paths(self, measure_id: str, paths: list[str]) -> str | None:
        """Attaches dropped files to a measure, shown selected; the status bar says what was done."""
        self.w.select_item(measure_id)
        message = flow.attach_paths(self.w.doc, measure_id, paths)
        if message:
            self.w.statusBar().showMessage(message, 10000)
        return message

    def attach_to_selected(self) -> str | None:
        doc = self.w.doc
        if doc is None:
            return None
        item = doc.items.get(self.w.current_item_id())
        if not isinstance(item, Measure):
            self.w.prompter.info(tr("Attach evidence"), tr("Select a measure first: evidence belongs to a measure."))
            return None
        self.w.flush()
        message = flow.choose_and_attach(doc, item.id, str(self.w.actions_._folder()))
        if message:
            self.w.statusBar().showMessage(message, 10000)
        return message
