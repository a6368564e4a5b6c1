"""The report header form: who reports, for which year and period, and who signs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.report.kinds import ItemKind
from core.report.model import SIGNATORY_FIELDS, Period, default_title
from gui import commands
from gui.document import ChangeOp, position
from gui.forms.base import ItemForm
from gui.forms.fields import LineField, TextField


class SignatoryModel(QAbstractTableModel):
    """The signature block as a table; an edit in a cell pushes a command (never writes itself)."""

    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        doc.aboutToChange.connect(self._about)
        doc.changed.connect(self._changed)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.doc.report.signatories)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SIGNATORY_FIELDS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Role"), self.tr("Position"), self.tr("Name"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.EditRole):
            return None
        signatory = self.doc.report.signatories[index.row()]
        return getattr(signatory, SIGNATORY_FIELDS[index.column()])

    def flags(self, index):
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.doc.read_only:
            flags |= Qt.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
            return False
        signatory = self.doc.report.signatories[index.row()]
        return self.doc.set_field(ItemKind.SIGNATORY, signatory.id, SIGNATORY_FIELDS[index.column()], str(value))

    def _about(self, change) -> None:
        if change.kind == ItemKind.SIGNATORY and change.op != ChangeOp.FIELD:
            self.beginResetModel()

    def _changed(self, change) -> None:
        if change.kind != ItemKind.SIGNATORY:
            return
        if change.op != ChangeOp.FIELD:
            self.endResetModel()
        elif change.item_id in self.doc.items:
            row = position(self.doc.report.signatories, self.doc.items[change.item_id])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(SIGNATORY_FIELDS) - 1))


class ReportForm(ItemForm):
    kind = ItemKind.REPORT

    def __init__(self, doc, parent=None):
        super().__init__(doc, parent)
        self.heading.setText(self.tr("Report"))
        self.organization = self.add_row(self.tr("Organization"), LineField(), "organization")
        self.aimag = self.add_row(self.tr("Aimag"), LineField(), "aimag")
        self.year = self.add_row(self.tr("Year"), LineField(), "year")
        self.year.setMaxLength(4)
        self.period = QComboBox()
        self.period.addItem(self.tr("Annual"), Period.ANNUAL.value)
        self.period.addItem(self.tr("Half-year"), Period.HALF_YEAR.value)
        self.period.addItem(self.tr("Plan"), Period.PLAN.value)
        self.add_row(self.tr("Period"), self.period, "period")
        self.report_date = self.add_row(self.tr("Report date"), LineField(), "report_date")
        self.report_date.setPlaceholderText(self.tr("YYYY.MM.DD"))
        self.title = self.add_row(self.tr("Title"), TextField(lines=5), "title")
        self.appendix_label = self.add_row(self.tr("Appendix label"), LineField(), "appendix_label")
        for field in ("organization", "aimag", "year", "report_date", "title", "appendix_label"):
            self.binder.bind_text(getattr(self, field), field)
        self.binder.bind_choice(self.period, "period", lambda data: Period(data))
        self._build_signatories()
        self.outer.addStretch(1)
        doc.changed.connect(self._changed)

    def _build_signatories(self) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        caption = QLabel(self.tr("Signatures"))
        caption.setObjectName("signatoriesHeading")
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        layout.addWidget(caption)
        self.signatories = QTableView()
        self.signatories.setObjectName("signatoriesTable")
        self.signatory_model = SignatoryModel(self.doc, self)
        self.signatories.setModel(self.signatory_model)
        self.signatories.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.signatories.setSelectionMode(QAbstractItemView.SingleSelection)
        self.signatories.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.signatories.verticalHeader().setVisible(False)
        self.signatories.setMinimumHeight(120)
        layout.addWidget(self.signatories)
        buttons = QHBoxLayout()
        self.add_signatory = QPushButton(self.tr("Add signature"))
        self.remove_signatory = QPushButton(self.tr("Remove"))
        self.signatory_up = QPushButton(self.tr("Up"))
        self.signatory_down = QPushButton(self.tr("Down"))
        for button in (self.add_signatory, self.remove_signatory, self.signatory_up, self.signatory_down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.outer.addWidget(box)
        self.add_signatory.clicked.connect(self._add)
        self.remove_signatory.clicked.connect(self._remove)
        self.signatory_up.clicked.connect(lambda: self._move(-1))
        self.signatory_down.clicked.connect(lambda: self._move(+1))

    def _selected_row(self) -> int:
        rows = self.signatories.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.signatory_model.rowCount():
            self.signatories.selectRow(row)

    def _add(self) -> None:
        row = self._selected_row()
        index = row + 1 if row >= 0 else len(self.doc.report.signatories)
        if self.doc.push_edit(commands.add_signatory(self.doc, index)):
            self._select_row(index)
            self.signatories.edit(self.signatory_model.index(index, 0))

    def _remove(self) -> None:
        row = self._selected_row()
        if row >= 0:
            signatory = self.doc.report.signatories[row]
            self.doc.push_edit(commands.delete_item(self.doc, signatory.id))
            self._select_row(min(row, self.signatory_model.rowCount() - 1))

    def _move(self, delta: int) -> None:
        row = self._selected_row()
        target = row + delta
        if row >= 0 and 0 <= target < len(self.doc.report.signatories):
            signatory = self.doc.report.signatories[row]
            if self.doc.push_edit(commands.move_signatory(self.doc, signatory.id, target)):
                self._select_row(target)

    def _changed(self, change) -> None:
        if change.kind == ItemKind.REPORT and change.field in ("organization", "year", "period"):
            self.refresh_extra()

    def refresh_extra(self) -> None:
        report = self.doc.report
        self.title.setPlaceholderText(default_title(report.organization, report.year, report.period))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for button in (self.add_signatory, self.remove_signatory, self.signatory_up, self.signatory_down):
            button.setEnabled(not read_only)
