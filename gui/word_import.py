"""File → Import from Word or text, the column-mapping step, and what was read.

The import reads the file in core (``core.tables.importing``: .docx or text), the
paste reads the clipboard (``gui.paste``); both go through ``ImportFlow``: when the
table's columns cannot all be placed (or the table has no header), it shows the column-mapping dialog:
the first rows of the table and, over each column, a choice of what it holds. The
choice is remembered in the settings under the table's header words, so the same
office's next file imports without asking. After an import the window says what
was read: goals, measures, scores found, and each skipped source row with its
number and why. The dialog is opened, not executed, so the window (and a test)
goes on while it is shown.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import TailanError
from core.tables.importing import import_path
from core.tables.wordtable import ROLES, ColumnMappingNeeded, ImportResult
from gui import settings as app_settings
from gui.i18n import tr

SETTINGS_GROUP = "columnMappings"
PREVIEW_ROWS = 6


def role_labels() -> dict[str, str]:
    """The column choices as the window shows them, in the order of ``core.tables.wordtable.ROLES``."""
    return {
        "number": tr("Number"),
        "goal": tr("Goal"),
        "measure": tr("Measure"),
        "indicator": tr("Performance indicator"),
        "baseline_year": tr("Baseline year"),
        "baseline_level": tr("Baseline level"),
        "target_level": tr("Target level"),
        "achieved": tr("Achieved level"),
        "score": tr("Score"),
        "due": tr("Due (when it is to be done)"),
        "responsible": tr("Responsible (person or unit)"),
        "skip": tr("Ignore"),
    }


def remembered_mapping(key: str, width: int) -> list[str] | None:
    store = app_settings.settings()
    value = store.value(f"{SETTINGS_GROUP}/{_settings_key(key)}", "")
    names = str(value).split(",") if value else []
    return names if len(names) == width and all(n in ROLES for n in names) else None


def remember_mapping(key: str, columns: list[str]) -> None:
    app_settings.settings().setValue(f"{SETTINGS_GROUP}/{_settings_key(key)}", ",".join(columns))


def _settings_key(key: str) -> str:
    """Header words as a settings key: QSettings treats «/» and «\\» as groups."""
    import hashlib

    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def mapping_problem(columns: list[str]) -> str:
    """Why a chosen mapping cannot be used (empty when it can)."""
    if "measure" not in columns:
        return tr("Choose which column holds the measures.")
    real = [c for c in columns if c != "skip"]
    if len(real) != len(set(real)):
        return tr("Each kind of column can be chosen only once (except Ignore).")
    return ""


class ColumnMappingDialog(QDialog):
    """The first rows of the table, and over each column a choice of what it holds."""

    def __init__(self, need: ColumnMappingNeeded, parent=None, preset: list[str | None] | None = None):
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setWindowTitle(tr("Which column holds what?"))
        rows = need.first_rows[:PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=len(need.guessed))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Tailan could not recognize every column of this table. "
                          "Choose above each column what it holds; the choice is remembered for tables with the same header."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows) + 1, width, self)
        self.table.setObjectName("columnMappingTable")
        self.table.verticalHeader().setVisible(False)
        labels = role_labels()
        self.combos: list[QComboBox] = []
        suggested = getattr(need, "suggested", [None] * len(need.guessed))
        guess = preset or [g or s for g, s in zip(need.guessed, suggested)]
        for column in range(width):
            combo = QComboBox(self.table)
            combo.setObjectName(f"columnRole{column}")
            for role in ROLES:
                combo.addItem(labels[role], role)
            chosen = column < len(guess) and guess[column]
            role = guess[column] if chosen else "skip"
            combo.setCurrentIndex(ROLES.index(role))
            if not (column < len(need.guessed) and need.guessed[column]):  # columns not placed by their header stand out
                combo.setProperty("unrecognized", True)
                combo.setStyleSheet("QComboBox { background: #fff3b0; font-weight: bold; }")
                combo.setToolTip(tr("Tailan did not recognize this column: choose what it holds."))
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for r, cells in enumerate(rows, start=1):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split())[:120])
                item.setToolTip(text[:1000])
                self.table.setItem(r, column, item)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.resizeColumnsToContents()
        for column in range(width):  # a long cell must not push the other columns off a 1366-pixel screen
            self.table.setColumnWidth(column, max(130, min(self.table.columnWidth(column), 200)))
        layout.addWidget(self.table)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("columnMappingProblem")
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Import"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(min(1300, 205 * width + 40), 420)
        self._check()

    def columns(self) -> list[str]:
        return [combo.currentData() for combo in self.combos]

    def _check(self) -> None:
        problem = mapping_problem(self.columns())
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)


def summary_text(result: ImportResult) -> str:
    """What was read, in the window's language; the reasons come from core in Mongolian."""
    lines = [tr("Goals: {0}, measures: {1}, scores found: {2}.").format(
        result.goal_count, result.measure_count, result.score_count)]
    if result.skipped:
        lines.append(tr("Skipped rows: {0}").format(len(result.skipped)))
        for row in result.skipped:
            lines.append(tr("Row {0}: {1}").format(row.row, row.reason) + (f" («{row.text}»)" if row.text else ""))
    else:
        lines.append(tr("No row was skipped."))
    return "\n".join(lines)  # the remarks were shown by the import itself


class ImportFlow:
    """One reading of a table into the window, whatever its source: read in core, ask for the columns when
    they cannot all be placed (the choice remembered under the header words), then ``finish`` the result.

    ``read(columns)`` returns core's ``ImportResult``; the dialog is opened, not executed,
    so the window (and a test) goes on while it is shown.
    """

    def __init__(self, window, read: Callable[[list[str] | None], ImportResult],
                 finish: Callable[[ImportResult], bool], error_title: str):
        self.w = window
        self.read = read
        self.finish = finish
        self.error_title = error_title

    def run(self, columns: list[str] | None = None) -> bool:
        try:
            result = self.read(columns)
        except ColumnMappingNeeded as need:
            remembered = remembered_mapping(need.key, len(need.guessed)) if columns is None else None
            if remembered is not None:
                try:
                    return self.finish(self.read(remembered))
                except TailanError as exc:  # the choice remembered does not fit this table: ask again, from it
                    self.ask(need, preset=remembered).problem.setText(exc.message)
                    return False
            self.ask(need)
            return False
        except TailanError as exc:
            self.w.prompter.error(self.error_title, exc.message)
            return False
        return self.finish(result)

    def ask(self, need: ColumnMappingNeeded, preset: list[str] | None = None) -> ColumnMappingDialog:
        dialog = ColumnMappingDialog(need, self.w, preset=preset)
        self.w.column_mapping_dialog = dialog  # kept alive while open; tests find it here

        def chosen() -> None:
            columns = dialog.columns()
            remember_mapping(need.key, columns)
            self.run(columns)

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog


class WordImport:
    """File → Import: choose the file, read it (asking for the columns if need be), create the new file."""

    def __init__(self, actions):
        self.actions = actions
        self.w = actions.w
        self.result: ImportResult | None = None

    def start(self) -> bool:
        path = self.w.prompter.open_path(
            tr("Import a report from Word or from a text file"), str(self.actions._folder()),
            tr("Word or text files (*.docx *.txt);;Word documents (*.docx);;Text files (*.txt);;All files (*)"),
        )
        return self.read(path) if path else False

    def read(self, path: str, columns: list[str] | None = None) -> bool:
        flow = ImportFlow(self.w, lambda chosen: import_path(path, columns=chosen), self.finish,
                          tr("The file could not be imported"))
        return flow.run(columns)

    def finish(self, result: ImportResult) -> bool:
        """The window's one import flow (a new file, or the empty report filled), then what was read."""
        self.result = result
        done = self.actions.import_report(lambda: result)
        if done:
            self.w.last_import_summary = summary_text(result)
            self.w.prompter.info(tr("What was read"), self.w.last_import_summary)
        return done
