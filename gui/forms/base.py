"""What the three forms share: a scrolling form layout bound to one item of the document."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from gui.forms.fields import Binder, guard_wheel


class ItemForm(QScrollArea):
    """A form for one kind of item; ``show_item`` loads it, ``flush`` commits typing."""

    kind = ""

    def __init__(self, doc, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.body = QWidget()
        self.outer = QVBoxLayout(self.body)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.outer.addWidget(self.heading)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.outer.addLayout(self.form)
        self.setWidget(self.body)
        self.binder = Binder(doc, self.kind, self)

    def add_row(self, label: str, editor: QWidget, field: str | None = None) -> QWidget:
        guard_wheel(editor)  # a wheel over a value control scrolls the form, never changes the value
        caption = QLabel(label)
        caption.setWordWrap(True)
        caption.setBuddy(editor)
        self.form.addRow(caption, editor)
        if field is not None:
            editor.setObjectName(editor.objectName() or f"{field}Input")
        return editor

    def place_remarks(self, box: QWidget) -> None:
        """Where the aimag's remarks stand in this form: under its heading."""
        self.outer.insertWidget(self.outer.indexOf(self.heading) + 1, box)

    def show_item(self, item_id: str) -> None:
        self.binder.load(item_id)
        self.refresh_extra()

    def refresh_extra(self) -> None:
        """Read-only parts (a goal's mean...) that depend on more than one field."""

    def flush(self) -> bool:
        return self.binder.flush()

    def set_read_only(self, read_only: bool) -> None:
        self.binder.set_read_only(read_only)
