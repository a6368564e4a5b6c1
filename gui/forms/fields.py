"""Editors that save themselves: text commits on a short pause or when focus leaves.

A ``Binder`` ties each editor of a form to one field of the shown item. Typing
restarts a ~600 ms single-shot timer; when it fires, or when the field loses focus,
or before anything else happens (selection change, undo, print, close), the text is
pushed as a ``SetFieldCommand``. Someone who types without ever pausing still gets
a save every ``MAX_WAIT_MS``: a second timer starts at the first unsaved keystroke
and is not restarted by the next ones. So a crash loses at most the last second of
typing. Consecutive commits of one field merge into one undo step, so Ctrl+Z still
undoes a whole sentence.

The editors give Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y to the window (their own undo is
off): the window first flushes the field, then undoes on the document's stack, so
there is one undo history, not one per widget. If a save fails, the text stays in
the field and is tried again on the next pause.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from gui.document import ChangeOp

COMMIT_DELAY_MS = 600
#: The longest typing may stay unsaved while the user types on without a pause.
MAX_WAIT_MS = 800
_WINDOW_KEYS = (QKeySequence.Undo, QKeySequence.Redo)


def _is_window_shortcut(event) -> bool:
    if any(event.matches(key) for key in _WINDOW_KEYS):
        return True
    return event.key() == Qt.Key_Y and event.modifiers() == Qt.ControlModifier


class WheelGuard(QObject):
    """The mouse wheel never changes a value: over a combo box or spin box it scrolls the form.

    Turning the wheel to scroll a long form used to change the score under the pointer
    and save it. An official number must change only by a deliberate click or key, so the
    wheel is taken away from value controls even when they have the focus (a focused
    Windows combo box would otherwise still change on the wheel); the event goes to the
    scroll area around the form. The guarded controls take focus only by click or Tab.
    """

    def guard(self, widget: QWidget) -> QWidget:
        widget.setFocusPolicy(Qt.StrongFocus)
        widget.installEventFilter(self)
        return widget

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Wheel:
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True  # the control itself never sees it


_wheel_guard: WheelGuard | None = None


def guard_wheel(widget: QWidget) -> QWidget:
    """Applies the one shared ``WheelGuard`` to ``widget`` if it is a value control (combo, spin, date...)."""
    global _wheel_guard
    if isinstance(widget, (QComboBox, QAbstractSpinBox)):
        if _wheel_guard is None:
            _wheel_guard = WheelGuard(QApplication.instance())
        _wheel_guard.guard(widget)
    return widget


class LineField(QLineEdit):
    """A one-line field whose undo keys belong to the window."""

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and _is_window_shortcut(event):
            event.ignore()
            return False
        return super().event(event)


class TextField(QPlainTextEdit):
    """A multi-line field for long texts; Tab moves on, focus-out commits."""

    focusLost = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        # A fixed height per field keeps the whole measure (achieved text and score
        # included) on one screen; long texts scroll inside their field.
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.lines = lines
        self._fit_height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + 12)

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and _is_window_shortcut(event):
            event.ignore()
            return False
        if event.type() == QEvent.FontChange:  # zoom (View menu): the same number of lines, larger
            self._fit_height()
        return super().event(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


class Binder(QObject):
    """Binds editors of one form to fields of one item of the document."""

    def __init__(self, doc, kind: str, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.kind = kind
        self.item_id = ""
        self._editors: dict[str, QWidget] = {}
        self._timers: dict[str, QTimer] = {}
        self._deadlines: dict[str, QTimer] = {}
        self._pending: set[str] = set()
        self._loading = False
        doc.changed.connect(self._document_changed)

    def bind_text(self, editor: LineField | TextField, field: str) -> None:
        self._editors[field] = editor
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(COMMIT_DELAY_MS)
        timer.timeout.connect(lambda f=field: self.commit(f))
        self._timers[field] = timer
        deadline = QTimer(self)
        deadline.setSingleShot(True)
        deadline.setInterval(MAX_WAIT_MS)
        deadline.timeout.connect(lambda f=field: self.commit(f))
        self._deadlines[field] = deadline
        editor.textChanged.connect(lambda *_, f=field: self._typed(f))
        if isinstance(editor, TextField):
            editor.focusLost.connect(lambda f=field: self.commit(f))
        else:
            editor.editingFinished.connect(lambda f=field: self.commit(f))

    def bind_choice(self, combo: QComboBox, field: str, to_value=lambda data: data) -> None:
        """A choice commits at once (no pause): one click, one undo step. The wheel never changes it."""
        self._editors[field] = guard_wheel(combo)
        combo.currentIndexChanged.connect(lambda *_, f=field, c=combo: self._chosen(f, c, to_value))

    # -------------------------------------------------------------- loading
    def load(self, item_id: str) -> None:
        """Shows another item: what was typed in the previous one is committed first."""
        self.flush()
        self.item_id = item_id
        item = self.doc.items.get(item_id)
        for field in self._editors:
            self._show(field, getattr(item, field) if item is not None else None)

    def _show(self, field: str, value) -> None:
        editor = self._editors[field]
        self._loading = True
        try:
            if isinstance(editor, QComboBox):
                index = editor.findData(_combo_key(value))
                editor.setCurrentIndex(index if index >= 0 else editor.count() - 1)
            else:
                text = "" if value is None else str(value)
                if editor.text() != text:
                    editor.setText(text)
        finally:
            self._loading = False

    def _document_changed(self, change) -> None:
        if change.op == ChangeOp.FIELD and change.item_id == self.item_id and change.field in self._editors:
            if change.field not in self._pending:
                self._show(change.field, getattr(self.doc.items[self.item_id], change.field))

    # ------------------------------------------------------------- commits
    def _typed(self, field: str) -> None:
        if self._loading or not self.item_id:
            return
        self._pending.add(field)
        self._timers[field].start()
        if not self._deadlines[field].isActive():
            self._deadlines[field].start()
        self.doc.set_pending()

    def _chosen(self, field: str, combo: QComboBox, to_value) -> None:
        if self._loading or not self.item_id:
            return
        self.flush()
        if not self.doc.set_field(self.kind, self.item_id, field, to_value(combo.currentData())):
            self._show(field, getattr(self.doc.items[self.item_id], field))

    def commit(self, field: str) -> bool:
        self._timers[field].stop()
        self._deadlines[field].stop()
        if field not in self._pending:
            return True
        self._pending.discard(field)
        if self.item_id not in self.doc.items:
            return True
        value = self._editors[field].text()
        if self.doc.set_field(self.kind, self.item_id, field, value):
            return True
        self._pending.add(field)  # keep the text; the status says "not saved"
        return False

    def flush(self) -> bool:
        """Commits every field that still holds typing; False if a save failed."""
        ok = True
        for field in list(self._pending):
            ok = self.commit(field) and ok
        return ok

    def set_read_only(self, read_only: bool) -> None:
        for editor in self._editors.values():
            if isinstance(editor, QComboBox):
                editor.setEnabled(not read_only)
            else:
                editor.setReadOnly(read_only)


def _combo_key(value):
    """The combo's item data for a model value (a Score or Period is stored by its value)."""
    if value is None:
        return None
    raw = getattr(value, "value", value)
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    return raw
