"""The plan tree: the report, its goals and their measures, as a Qt item model.

Indexes carry a small integer (``createIndex(row, column, node_id)``) looked up in a
dict of nodes, never a Python object pointer: an index left stale by a delete or
an undo then becomes a failed lookup instead of a crash (pymmcore-widgets' rule).
The model holds no copy of the data: it reads the document's report, and follows
the document's ``aboutToChange``/``changed`` signals to bracket structural changes
with ``begin*Rows``/``end*Rows`` and to repaint only the rows a field edit touched.

Drag and drop moves a measure within or between goals, or reorders goals, by
pushing a move command; numbers are left as the user wrote them.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.report import scoring
from core.report.kinds import ItemKind
from core.report.model import Goal, Measure, Report, Score
from gui import commands
from gui.document import Change, ChangeOp, Document, position

MIME_TYPE = "application/x-tailan-item"
COLUMNS = 3  # number, text, score (a goal shows its mean, the report its total)
UNSCORED_MARK = "●"
REMARK_MARK = "✎"  # the aimag remarked on this measure (gui.receipt_view)


def short(text: str, limit: int = 90) -> str:
    """The first line of a long text, cut to fit one tree row."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def evidence_icon():
    """The mark of a measure with evidence: the style's file icon (no font needed for it)."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.SP_FileIcon)


def score_in_tree(score: Score | None) -> str:
    if score is None:
        return ""
    return "—" if score is Score.NOT_DUE else score.value


class PlanTreeModel(QAbstractItemModel):
    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self._ids: dict[str, int] = {}
        self._nodes: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._warn_brush = QBrush(QColor("#b3261e"))
        self._averages: dict[str, object] | None = None
        doc.aboutToChange.connect(self._about_to_change)
        doc.changed.connect(self._changed)

    # ------------------------------------------------------------- node ids
    def _node_id(self, item_id: str) -> int:
        node = self._ids.get(item_id)
        if node is None:
            node = len(self._ids) + 1
            self._ids[item_id] = node
            self._nodes[node] = item_id
        return node

    def item(self, index: QModelIndex):
        """The Report, Goal or Measure at ``index`` (None for the root or a stale index)."""
        if not index.isValid():
            return None
        item_id = self._nodes.get(index.internalId())
        return self.doc.items.get(item_id) if item_id else None

    def index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        item = self.doc.items.get(item_id)
        if isinstance(item, Report):
            return self.createIndex(0, column, self._node_id(item_id))
        if isinstance(item, Goal):
            return self.createIndex(position(self.doc.report.goals, item), column, self._node_id(item_id))
        if isinstance(item, Measure):
            goal = self.doc.goal_of[item_id]
            return self.createIndex(position(goal.measures, item), column, self._node_id(item_id))
        return QModelIndex()

    # ------------------------------------------------------ model interface
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if row < 0 or column < 0 or column >= COLUMNS or row >= self.rowCount(parent):
            return QModelIndex()
        owner = self.item(parent)
        if owner is None:
            if parent.isValid():
                return QModelIndex()
            child_id = self.doc.report.id
        elif isinstance(owner, Report):
            child_id = owner.goals[row].id
        else:
            child_id = owner.measures[row].id
        return self.createIndex(row, column, self._node_id(child_id))

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003 - Qt's name
        item = self.item(index)
        if item is None or isinstance(item, Report):
            return QModelIndex()
        if isinstance(item, Goal):
            return self.index_of(self.doc.report.id)
        return self.index_of(self.doc.goal_of[item.id].id)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.item(parent)
        if owner is None:
            return 0 if parent.isValid() else 1
        if isinstance(owner, Report):
            return len(owner.goals)
        if isinstance(owner, Goal):
            return len(owner.measures)
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return COLUMNS

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            last = self.tr("Due") if self.doc.report.period.is_plan else self.tr("Score")
            return (self.tr("No."), self.tr("Goal / measure"), last)[section]
        return None

    def flags(self, index: QModelIndex):
        item = self.item(index)
        if item is None:
            return Qt.ItemIsDropEnabled if not self.doc.read_only else Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if not self.doc.read_only:
            if isinstance(item, (Goal, Measure)):
                flags |= Qt.ItemIsDragEnabled
            flags |= Qt.ItemIsDropEnabled
        return flags

    def _goal_mean(self, goal: Goal):
        if self._averages is None:
            self._averages = {}
        if goal.id not in self._averages:
            self._averages[goal.id] = scoring.goal_average(goal)
        return self._averages[goal.id]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.DisplayRole:
            return self._display(item, column)
        if role == Qt.DecorationRole and column == 1 and isinstance(item, Measure) and item.evidence:
            return evidence_icon()  # this measure carries evidence
        if role == Qt.ToolTipRole and isinstance(item, Measure) and item.evidence and not self.doc.remarks_for(item.id):
            return self.tr("Evidence: {0} files").format(len(item.evidence)) + "\n" + item.text
        if role == Qt.ToolTipRole:
            remarks = self.doc.remarks_for(item.id)
            if remarks:
                return self.tr("The aimag's remarks:") + "\n" + "\n".join(
                    r.text + (f" [{r.score}]" if r.score else "") for r in remarks)
            if isinstance(item, Measure) and item.score is None and not self.doc.report.period.is_plan:
                return self.tr("This measure has no score yet.")
            if isinstance(item, (Goal, Measure)):
                return item.text
            return None
        if isinstance(item, Measure) and item.score is None and not self.doc.report.period.is_plan:
            if role == Qt.ForegroundRole:
                return self._warn_brush
            if role == Qt.FontRole:
                return self._bold
        if isinstance(item, Report) and role == Qt.FontRole:
            return self._bold
        if role == Qt.TextAlignmentRole and column == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _display(self, item, column: int):
        if isinstance(item, Report):
            if column == 0:
                return ""
            if column == 1:
                year = item.year if item.year is not None else ""
                return short(f"{item.organization} {year}".strip()) or self.tr("(untitled report)")
            return scoring.display(scoring.report_total(item))
        if isinstance(item, Goal):
            if column == 0:
                return item.number
            if column == 1:
                return short(item.text) or self.tr("(no text)")
            return scoring.display(self._goal_mean(item))
        if column == 0:
            return item.number
        if column == 1:
            text = short(item.text) or self.tr("(no text)")
            return f"{REMARK_MARK} {text}" if self.doc.remarks_for(item.id) else text
        if self.doc.report.period.is_plan:  # a plan is not scored: its due time stands there
            return short(item.due, 16)
        return score_in_tree(item.score) if item.score is not None else UNSCORED_MARK + " " + self.tr("no score")

    def refresh_rows(self) -> None:
        """Every row repainted (the aimag's answer arrived: marks and tooltips change)."""
        report_index = self.index_of(self.doc.report.id)
        self.dataChanged.emit(report_index, self.index_of(self.doc.report.id, COLUMNS - 1))
        for goal in self.doc.report.goals:
            if goal.measures:
                self.dataChanged.emit(self.index_of(goal.measures[0].id), self.index_of(goal.measures[-1].id, COLUMNS - 1))

    # ------------------------------------------------- following the document
    def _about_to_change(self, change: Change) -> None:
        self._averages = None
        if change.kind not in (ItemKind.GOAL, ItemKind.MEASURE):
            return
        if change.op == ChangeOp.INSERT:
            self.beginInsertRows(self.index_of(change.parent_id), change.index, change.index)
        elif change.op == ChangeOp.REMOVE:
            self.beginRemoveRows(self.index_of(change.parent_id), change.index, change.index)
        elif change.op == ChangeOp.MOVE:
            dest = change.to_index
            if change.parent_id == change.to_parent_id and dest > change.index:
                dest += 1
            self.beginMoveRows(self.index_of(change.parent_id), change.index, change.index,
                               self.index_of(change.to_parent_id), dest)

    def _changed(self, change: Change) -> None:
        if change.kind in (ItemKind.GOAL, ItemKind.MEASURE):
            if change.op == ChangeOp.INSERT:
                self.endInsertRows()
            elif change.op == ChangeOp.REMOVE:
                self.endRemoveRows()
            elif change.op == ChangeOp.MOVE:
                self.endMoveRows()
            if change.op == ChangeOp.FIELD:
                self._row_changed(change.item_id)
                if change.kind == ItemKind.MEASURE and change.field == "score":
                    self._row_changed(self.doc.goal_of[change.item_id].id)
                    self._row_changed(self.doc.report.id)
            else:
                self._row_changed(self.doc.report.id)
                for goal_id in {change.parent_id, change.to_parent_id} - {"", self.doc.report.id}:
                    if goal_id in self.doc.items:
                        self._row_changed(goal_id)
        elif change.kind == ItemKind.REPORT and change.field == "period":
            self.refresh_rows()  # a plan shows due times where a report shows scores
            self.headerDataChanged.emit(Qt.Horizontal, 2, 2)
        elif change.kind == ItemKind.REPORT and change.field in ("organization", "year"):
            self._row_changed(self.doc.report.id)

    def _row_changed(self, item_id: str) -> None:
        if item_id in self.doc.items:
            self.dataChanged.emit(self.index_of(item_id, 0), self.index_of(item_id, COLUMNS - 1))

    # ------------------------------------------------------------ drag, drop
    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        ids = []
        for index in indexes:
            item = self.item(index)
            if isinstance(item, (Goal, Measure)) and item.id not in ids:
                ids.append(item.id)
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(ids[:1]).encode()))
        return mime

    def _dragged(self, data: QMimeData):
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE)).decode())
        except ValueError:
            return None
        return self.doc.items.get(ids[0]) if ids else None

    def drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        """Where a drop would put the dragged item: (command) or None when it cannot go there."""
        if self.doc.read_only:
            return None
        dragged = self._dragged(data)
        target = self.item(parent)
        if isinstance(dragged, Measure):
            if isinstance(target, Measure):  # dropped onto a measure: just before it
                goal = self.doc.goal_of[target.id]
                row, target = position(goal.measures, target), goal
            if not isinstance(target, Goal):
                return None
            row = len(target.measures) if row < 0 else row
            source = self.doc.goal_of[dragged.id]
            old = position(source.measures, dragged)
            if source is target and row > old:
                row -= 1
            if source is target and row == old:
                return None
            return commands.move_measure(self.doc, dragged.id, target.id, row)
        if isinstance(dragged, Goal):
            if isinstance(target, Goal):  # dropped onto a goal: take its place
                row, target = position(self.doc.report.goals, target), self.doc.report
            if not isinstance(target, Report):
                return None
            row = len(target.goals) if row < 0 else row
            old = position(target.goals, dragged)
            if row > old:
                row -= 1
            if row == old:
                return None
            return commands.move_goal(self.doc, dragged.id, row)
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.MoveAction and self.drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.MoveAction:
            return False
        command = self.drop_target(data, row, parent)
        if command is None:
            return False
        self.doc.push_edit(command)
        # False: the move is done; the view must not also remove the source rows.
        return False
