"""A table whose first columns stay in view while the others scroll sideways.

Qt has no frozen column of its own; this is Qt's "Frozen Column" example: a second
``QTableView`` on the same model and selection, laid over the left edge of the main
view, showing only the frozen columns, its vertical scrolling tied to the main
view's. Sorting from either header sorts the one shared model, and both headers show
the same sort indicator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumnTable(QTableView):
    """``frozen`` columns (the first ones) stay visible; the overlay view is ``frozen_view``."""

    def __init__(self, frozen: int, parent=None):
        super().__init__(parent)
        self.frozen = frozen
        self.frozen_view = QTableView(self)
        self.frozen_view.setObjectName("frozenColumns")
        self.frozen_view.setFocusPolicy(Qt.NoFocus)
        self.frozen_view.verticalHeader().hide()
        self.frozen_view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.frozen_view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.frozen_view.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.frozen_view.setStyleSheet("QTableView { border: none; border-right: 1px solid palette(mid); }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.frozen_view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen_view)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(
            lambda index, _old, size: self.frozen_view.setRowHeight(index, size))
        self.frozen_view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen_view.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(self._sorted_from_main)
        self.frozen_view.horizontalHeader().sortIndicatorChanged.connect(self._sorted_from_frozen)
        self.frozen_view.doubleClicked.connect(self.doubleClicked)

    def setModel(self, model) -> None:
        super().setModel(model)
        self.frozen_view.setModel(model)
        self.frozen_view.setSelectionModel(self.selectionModel())
        model.modelReset.connect(self._sync_columns)
        model.layoutChanged.connect(self._sync_columns)
        self._sync_columns()

    def setSortingEnabled(self, enabled: bool) -> None:
        super().setSortingEnabled(enabled)
        self.frozen_view.setSortingEnabled(enabled)

    def setSelectionBehavior(self, behavior) -> None:
        super().setSelectionBehavior(behavior)
        self.frozen_view.setSelectionBehavior(behavior)

    def setAlternatingRowColors(self, enable: bool) -> None:
        super().setAlternatingRowColors(enable)
        self.frozen_view.setAlternatingRowColors(enable)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.frozen_view.setWordWrap(on)

    # ------------------------------------------------------------ keeping in step
    def _sync_columns(self, *args) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.frozen_view.setColumnHidden(column, column >= self.frozen)
            if column < self.frozen:
                self.frozen_view.setColumnWidth(column, self.columnWidth(column))
        for row in range(model.rowCount()):
            self.frozen_view.setRowHeight(row, self.rowHeight(row))
        self._place()

    def _section_resized(self, index: int, _old: int, size: int) -> None:
        if index < self.frozen:
            self.frozen_view.setColumnWidth(index, size)
            self._place()

    def _sorted_from_main(self, column: int, order) -> None:
        header = self.frozen_view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()

    def _sorted_from_frozen(self, column: int, order) -> None:
        self.sortByColumn(column, order)  # moves the main header's indicator too

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen) if not self.isColumnHidden(c))

    def _place(self) -> None:
        frame = self.frameWidth()
        left = frame + (self.verticalHeader().width() if self.verticalHeader().isVisible() else 0)
        self.frozen_view.setGeometry(left, frame, self.frozen_width(),
                                     self.viewport().height() + self.horizontalHeader().height())

    # ------------------------------------------------------------- Qt's hooks
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    def moveCursor(self, action, modifiers):
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.MoveLeft and current.column() >= self.frozen
                and self.visualRect(current).topLeft().x() < self.frozen_width()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - self.frozen_width())
        return current

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible) -> None:
        """A frozen cell is always in view sideways: only scroll up or down to it."""
        sideways = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        if index.column() < self.frozen:
            self.horizontalScrollBar().setValue(sideways)
