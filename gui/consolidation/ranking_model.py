"""The ranking as a table model: one row per organization, in core's ranking order.

The rows are ``core.aimag.ranking.RankingRow`` values; the model only shows them
(it is read-only, and the whole list is replaced after each consolidation with a
model reset). ``SortRole`` gives each column's value to sort by, so a proxy sorts
totals, ranks and revisions as numbers (10 after 9) and names as the user reads them. Numbers are right-aligned; the fingerprint shows its short code, the
full one in the tooltip; a row with measures left without a score is marked.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.aimag.ranking import RankingRow
from core.report.model import Period
from core.trust.fingerprint import short_code
from gui.i18n import tr

RANK, ORGANIZATION, YEAR, PERIOD, TOTAL, GOALS, UNSCORED, REVISION, RECEIVED, FINGERPRINT, PLAN = range(11)
NUMERIC = {RANK, YEAR, TOTAL, UNSCORED, REVISION}
# The row itself, for views and tests.
RowRole = Qt.UserRole + 1
# What a column sorts by: numbers as numbers (a total as its exact value), not as text.
SortRole = Qt.UserRole + 2


def headers() -> list[str]:
    return [
        tr("Rank"), tr("Organization"), tr("Year"), tr("Period"), tr("Total"), tr("Goal means"),
        tr("Without score"), tr("Revision"), tr("Received"), tr("Fingerprint"), tr("Against the plan"),
    ]


def period_label(value: str) -> str:
    try:
        return Period(value).label
    except ValueError:
        return value


def received_display(value: str) -> str:
    """ISO time (UTC, as stored) shown in local time to the minute: ``2026-11-26 18:15``."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def counts_text(counts: dict | None) -> str:
    """A report against its plan in a cell: ``+1 −2 ~3`` (added, dropped, changed); empty without a plan."""
    if counts is None:
        return ""
    return f"+{counts['added']} −{counts['dropped']} ~{counts['changed']}"


def goal_means_display(row: RankingRow) -> str:
    return "; ".join(f"{number.rstrip('.')}: {mean}" for number, mean in row.goal_means)


class RankingModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RankingRow] = []
        self._headers = headers()

    def set_rows(self, rows: list[RankingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    # ---------------------------------------------------------- the model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.DisplayRole:
                return self._headers[section]
            if role == Qt.ToolTipRole and section == UNSCORED:
                return tr("Measures without a score")
        if orientation == Qt.Vertical and role == Qt.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self._display(row, column)
        if role == Qt.ToolTipRole:
            if column == FINGERPRINT:
                return row.fingerprint
            if column == GOALS:
                return "\n".join(f"{n} {m}" for n, m in row.goal_means)
            if column == RECEIVED:
                return row.received_at
            if column == ORGANIZATION:
                return row.organization
            if column == PLAN and row.plan is not None:
                return tr("Against the plan: {0} measures added, {1} dropped, {2} with changed text or target").format(
                    row.plan["added"], row.plan["dropped"], row.plan["changed"])
            return None
        if role == Qt.TextAlignmentRole:
            return int((Qt.AlignRight if column in NUMERIC else Qt.AlignLeft) | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and column == UNSCORED and row.unscored:
            return QBrush(QColor("#b3261e"))
        if role == RowRole:
            return row
        if role == SortRole:
            return self._sort_value(row, column)
        return None

    @staticmethod
    def _sort_value(row: RankingRow, column: int):
        if column == RANK:
            return row.rank
        if column == YEAR:
            return row.year or 0
        if column == TOTAL:
            return -1.0 if row.total is None else float(row.total)
        if column == UNSCORED:
            return row.unscored
        if column == REVISION:
            return row.revision
        if column == RECEIVED:
            return row.received_at or ""
        if column == FINGERPRINT:
            return row.fingerprint
        if column == ORGANIZATION:
            return row.organization.casefold()
        return RankingModel._display(row, column)

    @staticmethod
    def _display(row: RankingRow, column: int) -> str:
        if column == RANK:
            return str(row.rank)
        if column == ORGANIZATION:
            return row.organization
        if column == YEAR:
            return str(row.year or "")
        if column == PERIOD:
            return period_label(row.period)
        if column == TOTAL:
            return row.total_display or "—"
        if column == GOALS:
            return goal_means_display(row)
        if column == UNSCORED:
            return str(row.unscored)
        if column == REVISION:
            return str(row.revision)
        if column == RECEIVED:
            return received_display(row.received_at)
        if column == FINGERPRINT:
            return short_code(row.fingerprint) if row.fingerprint else ""
        if column == PLAN:
            return counts_text(row.plan)
        return ""
