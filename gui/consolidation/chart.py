"""The ranking as a horizontal bar chart, painted with QPainter (QtCharts is not in
PySide6-Essentials).

One bar per organization of one year and period (the most recent one received, or
the one chosen), longest first as ranked, on a 0-100 scale with grid lines every 10.
Each organization's whole name stands on its own line above its bar, wrapped between
words when the chart is narrow (never elided: the reviewer must see which soum it
is), with the total as printed at the end of the bar. The chart grows taller for
long names (``heightForWidth``) and sits in a scroll area. The labels are drawn in
the bundled Liberation Sans, so Ө and Ү never become boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.aimag.ranking import RankingRow
from gui import fonts
from gui.consolidation.ranking_model import period_label
from gui.i18n import tr

BAR_HEIGHT = 16
BAR_COLOR = QColor("#1f5fa8")
NO_TOTAL_COLOR = QColor("#9e9e9e")
NAME_GAP = 2
ROW_GAP = 8
MARGIN = 10
TITLE_GAP = 8
WRAP = Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap


class RankingChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("rankingChart")
        fonts.register_fonts()
        font = QFont(fonts.UI_FAMILY, max(self.font().pointSize(), 9))
        self.setFont(font)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.rows: list[RankingRow] = []
        self.title = ""
        self._bars: list[tuple[QRectF, RankingRow]] = []
        self.label_rects: list[tuple[QRectF, str]] = []

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

    def label(self, row: RankingRow) -> str:
        return f"{row.rank}. {row.organization}"

    # ------------------------------------------------------------- size
    def _title_height(self) -> int:
        return QFontMetrics(self.font()).height() + TITLE_GAP

    def _text_width(self, width: int) -> int:
        return max(60, width - 2 * MARGIN)

    def _name_height(self, row: RankingRow, width: int) -> int:
        metrics = QFontMetrics(self.font())
        return metrics.boundingRect(0, 0, self._text_width(width), 10_000, WRAP, self.label(row)).height()

    def heightForWidth(self, width: int) -> int:
        axis = QFontMetrics(self.font()).height() + 4
        rows = sum(self._name_height(r, width) + NAME_GAP + BAR_HEIGHT + ROW_GAP for r in self.rows) or BAR_HEIGHT
        return 2 * MARGIN + self._title_height() + rows + axis

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(600))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 2 * MARGIN + self._title_height() + BAR_HEIGHT)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # names wrap differently: the height follows

    # ------------------------------------------------------------ paint
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        self._bars = []
        self.label_rects: list[tuple[QRectF, str]] = []
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

        value_width = metrics.horizontalAdvance("100,0") + 10
        left = MARGIN
        plot_width = max(40, self.width() - left - MARGIN - value_width)
        top = MARGIN + self._title_height()
        grid = QPen(QColor("#d0d0d0"))
        grid.setWidth(1)
        y = top
        places = []
        for row in self.rows:
            name_height = self._name_height(row, self.width())
            places.append((row, y, name_height))
            y += name_height + NAME_GAP + BAR_HEIGHT + ROW_GAP
        bottom = y - ROW_GAP
        for tick in range(0, 101, 10):
            x = left + plot_width * tick / 100
            painter.setPen(grid)
            painter.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
            if tick % 20 == 0:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(QRectF(x - 20, bottom + 2, 40, metrics.height()), Qt.AlignHCenter | Qt.AlignTop, str(tick))

        for row, y, name_height in places:
            text = self.label(row)
            name_rect = QRectF(MARGIN, y, self._text_width(self.width()), name_height)
            painter.setPen(self.palette().text().color())
            painter.drawText(name_rect, WRAP, text)
            self.label_rects.append((name_rect, text))
            bar_top = y + name_height + NAME_GAP
            value = float(row.total) if row.total is not None else None
            length = plot_width * max(0.0, min(value or 0.0, 100.0)) / 100
            painter.fillRect(QRectF(left, bar_top, max(length, 1.0), BAR_HEIGHT),
                             BAR_COLOR if value is not None else NO_TOTAL_COLOR)
            self._bars.append((QRectF(MARGIN, y, self.width() - 2 * MARGIN, bar_top + BAR_HEIGHT - y), row))
            painter.drawText(QRectF(left + length + 4, bar_top, value_width, BAR_HEIGHT),
                             Qt.AlignLeft | Qt.AlignVCenter, row.total_display or "—")
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        point = event.position()
        for area, row in self._bars:
            if area.contains(point):
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{row.rank}. {row.organization}: {row.total_display or '—'}", self)
                return
        QToolTip.hideText()
