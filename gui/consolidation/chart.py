"""The ranking as a horizontal bar chart, painted with QPainter (QtCharts is not in
PySide6-Essentials).

One bar per organization of one year and period (the most recent one received, or
the one chosen), longest first as ranked, on a 0-100 scale with grid lines every 10.
Names stand left of the bars (long Cyrillic names are elided, the full name is in
the tooltip), the total as printed at the end of each bar. The labels are drawn in
the bundled Liberation Sans, so Ө and Ү never become boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.submission.ranking import RankingRow

from .. import fonts
from ..i18n import tr
from .ranking_model import period_label

BAR_HEIGHT = 18
BAR_MAX = 30
BAR_COLOR = QColor("#1f5fa8")
NO_TOTAL_COLOR = QColor("#9e9e9e")
BAR_GAP = 6
MARGIN = 10
NAME_MAX = 260
TITLE_GAP = 8


class RankingChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rankingChart")
        fonts.register_fonts()
        font = QFont(fonts.UI_FAMILY, max(self.font().pointSize(), 9))
        self.setFont(font)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.rows: list[RankingRow] = []
        self.title = ""
        self._bars: list[tuple[QRectF, RankingRow]] = []

    def set_rows(self, rows: list[RankingRow]) -> None:
        """Shows the first (most recent) year and period among ``rows``."""
        group = (rows[0].year, rows[0].period) if rows else None
        self.rows = [r for r in rows if (r.year, r.period) == group]
        if group is None:
            self.title = ""
        else:
            self.title = tr("Ranking by total: {0}, {1}").format(group[0] or "?", period_label(group[1]).lower())
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------- size
    def _title_height(self) -> int:
        return QFontMetrics(self.font()).height() + TITLE_GAP

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        count = max(len(self.rows), 1)
        axis = QFontMetrics(self.font()).height() + 4
        return QSize(300, 2 * MARGIN + self._title_height() + count * (BAR_HEIGHT + BAR_GAP) + axis)

    # ------------------------------------------------------------ paint
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        self._bars = []
        if not self.rows:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignCenter, tr("No reports received yet."))
            return
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, metrics.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, self.title)
        painter.setFont(self.font())

        name_width = min(NAME_MAX, max(metrics.horizontalAdvance(f"{r.rank}. {r.organization}") for r in self.rows) + 8)
        value_width = metrics.horizontalAdvance("100,0") + 10
        left = MARGIN + name_width
        plot_width = max(40, self.width() - left - MARGIN - value_width)
        top = MARGIN + self._title_height()
        axis = metrics.height() + 4
        # bars grow with the room there is (up to BAR_MAX), so a few organizations fill the chart
        step = max(BAR_HEIGHT + BAR_GAP, min(BAR_MAX + BAR_GAP, (self.height() - top - axis - MARGIN) / len(self.rows)))
        bar_height = step - BAR_GAP
        bottom = top + len(self.rows) * step

        grid = QPen(QColor("#d0d0d0"))
        grid.setWidth(1)
        for tick in range(0, 101, 10):
            x = left + plot_width * tick / 100
            painter.setPen(grid)
            painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
            if tick % 20 == 0:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(QRectF(x - 20, bottom + 2, 40, metrics.height()), Qt.AlignHCenter | Qt.AlignTop, str(tick))

        for i, row in enumerate(self.rows):
            y = top + i * step
            name = metrics.elidedText(f"{row.rank}. {row.organization}", Qt.ElideRight, name_width - 8)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(MARGIN, y, name_width - 8, bar_height), Qt.AlignRight | Qt.AlignVCenter, name)
            value = float(row.total) if row.total is not None else None
            length = plot_width * max(0.0, min(value or 0.0, 100.0)) / 100
            bar = QRectF(left, y, max(length, 1.0), bar_height)
            painter.fillRect(bar, BAR_COLOR if value is not None else NO_TOTAL_COLOR)
            self._bars.append((QRectF(MARGIN, y, self.width() - 2 * MARGIN, bar_height), row))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(left + length + 4, y, value_width, bar_height), Qt.AlignLeft | Qt.AlignVCenter,
                             row.total_display or "—")
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        point = event.position()
        for area, row in self._bars:
            if area.contains(point):
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{row.rank}. {row.organization}: {row.total_display or '—'}", self)
                return
        QToolTip.hideText()
