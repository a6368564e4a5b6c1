"""The "Ranking" tab: core's ranking as a sortable table over its bar chart.

The table sorts by any column (numbers as numbers, through ``SortRole``), keeps the
organization in view while scrolling sideways (``frozen_table``), and a double-click
on a row asks for that soum's received report (``reportRequested`` with the
``RankingRow``). The chart shows whole names however narrow (``chart``).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QScrollArea, QSplitter

from core.aimag.ranking import RankingRow
from gui.consolidation.chart import RankingChart
from gui.consolidation.frozen_table import FrozenColumnTable
from gui.consolidation.ranking_model import ORGANIZATION, PLAN, RANK, TOTAL, RankingModel, RowRole, SortRole
from gui.i18n import tr


#: The columns whose first click sorts the highest first (the total: the best soum on top).
HIGHEST_FIRST = {TOTAL}


class RankingTab(QSplitter):
    reportRequested = Signal(object)
    #: A double-click on a row's "against the plan" cell: its differences, not its file.
    planRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(Qt.Vertical, parent)
        self.rows: list[RankingRow] = []
        self.model = RankingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = FrozenColumnTable(ORGANIZATION + 1)
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RANK, Qt.AscendingOrder)
        self._sorted_by = RANK
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.verticalHeader().hide()
        self.table.setToolTip(tr("Click a column's title to sort; double-click a row to open that report."))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.doubleClicked.connect(self._double_clicked)
        self.chart = RankingChart()
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart)
        self.addWidget(self.table)
        self.addWidget(self.chart_scroll)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)

    def _sort_changed(self, section: int, order) -> None:
        """A first click on the total sorts the highest first, as a reviewer reads a ranking;
        the next click turns it round, as on any column."""
        first_click = section != self._sorted_by
        self._sorted_by = section
        if first_click and section in HIGHEST_FIRST and order == Qt.AscendingOrder:
            self.table.horizontalHeader().setSortIndicator(section, Qt.DescendingOrder)

    def set_rows(self, rows: list[RankingRow]) -> None:
        self.rows = list(rows)
        self.model.set_rows(self.rows)
        self.fit_columns()
        self.chart.set_rows(self.rows)

    def fit_columns(self) -> None:
        """Columns as wide as their contents; the frozen organization column at most a third of the
        table, so the other columns keep room to scroll (the whole name is in its tooltip and the chart)."""
        self.table.resizeColumnsToContents()
        limit = max(180, self.table.viewport().width() // 3)
        if self.table.columnWidth(ORGANIZATION) > limit:
            self.table.setColumnWidth(ORGANIZATION, limit)

    def row_at(self, proxy_index) -> RankingRow | None:
        if not proxy_index.isValid():
            return None
        return self.proxy.data(self.proxy.index(proxy_index.row(), 0), RowRole)

    def _double_clicked(self, proxy_index) -> None:
        row = self.row_at(proxy_index)
        if row is not None and row.plan is not None and proxy_index.column() == PLAN:
            self.planRequested.emit(row)
        elif row is not None:
            self.reportRequested.emit(row)
