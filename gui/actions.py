"""The window's menus and what each entry does.

Every action that changes the report builds a command (``gui.commands``) and
pushes it on the document's stack; file actions go through core (new files,
copies) and then open the result. Undo and redo first commit any typing still
waiting for its pause, so Ctrl+Z in a field undoes that typing, not an older step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from core.errors import TailanError
from core.report.model import Goal, Measure, Period
from core.report.next_report import next_report
from gui import commands, files
from gui import settings as app_settings
from gui.acts import act, explain, why_read_only, write_to_chosen
from gui.document import SaveState, position
from gui.files import FILE_FILTER
from gui.i18n import tr
from gui.keyboard import focus_text_of
from gui.qactions import new_action
from gui.start_page import is_sample, picker_folder


class WindowActions:
    """Builds the menus of ``window`` and carries out their actions."""

    def __init__(self, window):
        self.w = window
        self.editing: list[QAction] = []
        self._build()

    def _action(self, text: str, slot, shortcut=None, editing: bool = False, name: str = "") -> QAction:
        action = new_action(self.w, text, slot, name, shortcut)
        if editing:
            self.editing.append(action)
        return action

    def _build(self) -> None:
        w = self.w
        bar = w.menuBar()
        file_menu = self.file_menu = bar.addMenu(tr("&File"))  # other parts add their entries by this name
        self.new = self._action(tr("New report…"), self.new_report, QKeySequence.New, name="newAction")
        self.carry = self._action(tr("Next year's plan from this report…"), self.new_from_current,
                                  name="carryForwardAction")
        self.open = self._action(tr("Open…"), self.open_dialog, QKeySequence.Open, name="openAction")
        self.recent_menu = QMenu(tr("Recent files"), w)
        self.import_text = self._action(tr("Import from Word or text file…"), self.import_text_file,
                                        name="importAction")
        self.save_copy = self._action(tr("Save a copy as…"), self.save_copy_as, QKeySequence("Ctrl+Shift+S"),
                                      name="saveCopyAction")
        self.save_word = self._action(tr("Save as Word…"), self.save_as_word, name="saveWordAction")
        self.preview = self._action(tr("Print preview and print…"), self.print_preview, QKeySequence.Print,
                                    name="printAction")
        self.settings = self._action(tr("Settings…"), self.open_settings, name="settingsAction")
        self.quit = self._action(tr("Quit"), w.close, QKeySequence("Ctrl+Q"), name="quitAction")
        for item in (self.new, self.carry, self.open, self.recent_menu, None, self.import_text, self.save_copy,
                     self.save_word, None, self.preview, None, self.settings, None, self.quit):
            if item is None:
                file_menu.addSeparator()
            elif isinstance(item, QMenu):
                file_menu.addMenu(item)
            else:
                file_menu.addAction(item)

        edit_menu = self.edit_menu = bar.addMenu(tr("&Edit"))  # others add their entries by this name
        self.undo = self._action(tr("Undo"), self.do_undo, QKeySequence.Undo, name="undoAction")
        self.redo = self._action(tr("Redo"), self.do_redo,
                                 [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], name="redoAction")
        self.paste = self._action(tr("Paste a table copied from Word"), self.paste_table,
                                  QKeySequence("Ctrl+Shift+V"), editing=True, name="pasteTableAction")
        self.find = self._action(tr("Find"), w.filter.focus, QKeySequence.Find, name="findAction")
        self.add_goal = self._action(tr("Add goal"), self.do_add_goal, editing=True, name="addGoalAction")
        self.add_measure = self._action(tr("Add measure"), self.do_add_measure, QKeySequence("Ctrl+Return"),
                                        editing=True, name="addMeasureAction")
        self.delete = self._action(tr("Delete goal or measure"), self.do_delete, editing=True, name="deleteAction")
        self.move_up = self._action(tr("Move up"), lambda: self.do_move(-1), QKeySequence("Alt+Up"),
                                    editing=True, name="moveUpAction")
        self.move_down = self._action(tr("Move down"), lambda: self.do_move(+1), QKeySequence("Alt+Down"),
                                      editing=True, name="moveDownAction")
        self.renumber = self._action(tr("Renumber goals and measures"), self.do_renumber, editing=True,
                                     name="renumberAction")
        for item in (self.undo, self.redo, None, self.find, None, self.add_goal, self.add_measure, self.delete,
                     self.move_up, self.move_down, self.renumber, None, self.paste):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
        for menu in (file_menu, edit_menu):
            menu.setToolTipsVisible(True)  # a grey entry says why (gui.acts.explain)
        # The delete key deletes a tree row only when the tree has focus, never text in a field.
        self.delete.setShortcut(QKeySequence.Delete)
        w.removeAction(self.delete)
        w.tree.addAction(self.delete)
        w.tree.addActions([self.add_goal, self.add_measure, self.move_up, self.move_down])

        view_menu = bar.addMenu(tr("&View"))
        toggle = w.problems_dock.toggleViewAction()
        toggle.setText(tr("Problems panel"))
        view_menu.addAction(toggle)
        toolbar = w.addToolBar(tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for action in (self.undo, self.redo, self.add_goal, self.add_measure, self.delete, self.preview):
            toolbar.addAction(action)
        self.refresh_recent()

    # ------------------------------------------------------------ state
    def update_enabled(self) -> None:
        doc = self.w.doc
        has_doc = doc is not None
        writable = has_doc and not doc.read_only
        why = why_read_only(doc)
        for action in self.editing:
            explain(action, writable, why)
        typing = writable and doc.save_state in (SaveState.PENDING, SaveState.FAILED)
        explain(self.undo, writable and (doc.undo_stack.canUndo() or typing), why or tr("Nothing to undo yet."))
        explain(self.redo, writable and doc.undo_stack.canRedo(), why or tr("Nothing to redo."))
        for action in (self.carry, self.save_copy, self.save_word, self.preview, self.find):
            explain(action, has_doc, why_read_only(None))
        if writable:
            self.undo.setText(tr("Undo") + (": " + doc.undo_stack.undoText() if doc.undo_stack.canUndo() else ""))
            self.redo.setText(tr("Redo") + (": " + doc.undo_stack.redoText() if doc.undo_stack.canRedo() else ""))

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in app_settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda *_, p=path: self.w.open_file(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _folder(self) -> Path:
        """Where dialogs start: the open file's folder, else Documents (never the hidden data folder)."""
        return picker_folder(self.w.doc.path if self.w.doc is not None else None)

    # ------------------------------------------------------------- undo
    def do_undo(self) -> None:
        doc = self.w.doc
        if doc is None:
            return
        self.w.flush()
        if doc.undo_stack.canUndo() and doc.undo():
            command = doc.undo_stack.command(doc.undo_stack.index())
            self.w.select_item(getattr(command, "undo_select_id", ""))

    def do_redo(self) -> None:
        doc = self.w.doc
        if doc is None:
            return
        self.w.flush()
        if doc.undo_stack.canRedo() and doc.redo():
            command = doc.undo_stack.command(doc.undo_stack.index() - 1)
            self.w.select_item(getattr(command, "select_id", ""))

    def push(self, command) -> bool:
        if command is None or self.w.doc is None:
            return False
        self.w.flush()
        if self.w.doc.push(command):
            if command.select_id:
                self.w.select_item(command.select_id)
            return True
        return False

    # -------------------------------------------------------- structure
    def _selected(self):
        doc = self.w.doc
        return doc.items.get(self.w.current_item_id()) if doc is not None else None

    def _after_selected_goal(self) -> int:
        """Where new goals go: after the selected goal (or the goal of the selected measure), else last."""
        doc = self.w.doc
        item = self._selected()
        goal = item if isinstance(item, Goal) else doc.goal_of.get(getattr(item, "id", ""))
        return position(doc.report.goals, goal) + 1 if goal is not None else len(doc.report.goals)

    def do_add_goal(self) -> None:
        command = commands.add_goal(self.w.doc, self._after_selected_goal())
        if self.push(command):
            focus_text_of(self.w, command.select_id)

    def do_add_measure(self) -> None:
        doc = self.w.doc
        item = self._selected()
        if isinstance(item, Measure):
            goal = doc.goal_of[item.id]
            index = position(goal.measures, item) + 1
        elif isinstance(item, Goal):
            goal, index = item, len(item.measures)
        elif doc.report.goals:
            goal = doc.report.goals[-1]
            index = len(goal.measures)
        else:
            self.w.prompter.info(tr("Add measure"), tr("Add a goal first: a measure belongs to a goal."))
            return
        command = commands.add_measure(doc, goal.id, index)
        if self.push(command):
            focus_text_of(self.w, command.select_id)

    def do_delete(self) -> None:
        item = self._selected()
        if not isinstance(item, (Goal, Measure)):
            return
        if isinstance(item, Goal) and item.measures:
            if not self.w.prompter.confirm(
                tr("Delete goal"),
                tr("Delete goal {0} with its {1} measures? (Undo brings it back.)").format(
                    item.number, len(item.measures)),
                tr("Delete"), tr("Cancel"),
            ):
                return
        self.push(commands.delete_item(self.w.doc, item.id))

    def do_move(self, delta: int) -> None:
        doc = self.w.doc
        item = self._selected()
        if not isinstance(item, (Goal, Measure)):
            return
        goals = doc.report.goals
        if isinstance(item, Goal):
            target = position(goals, item) + delta
            if 0 <= target < len(goals):
                self.push(commands.move_goal(doc, item.id, target))
        elif isinstance(item, Measure):
            goal = doc.goal_of[item.id]
            target = position(goal.measures, item) + delta
            gi = position(goals, goal)
            if 0 <= target < len(goal.measures):
                self.push(commands.move_measure(doc, item.id, goal.id, target))
            elif target < 0 and gi > 0:  # past the top: to the end of the previous goal
                self.push(commands.move_measure(doc, item.id, goals[gi - 1].id, len(goals[gi - 1].measures)))
            elif target >= len(goal.measures) and gi + 1 < len(goals):  # past the bottom: start of the next goal
                self.push(commands.move_measure(doc, item.id, goals[gi + 1].id, 0))

    def do_renumber(self) -> None:
        command = commands.renumber(self.w.doc)
        if command is None:
            self.w.statusBar().showMessage(tr("The numbers are already in order."), 5000)
            return
        self.push(command)

    def paste_table(self, text: str | None = None, html: str | None = None) -> bool:
        """Edit → Paste a table: the clipboard's HTML first, its plain text otherwise (``gui.paste``)."""
        from gui.paste import paste_table

        return paste_table(self, text, html)

    # ------------------------------------------------------------ files
    def _create_and_open(self, report, title: str) -> bool:
        path = self.w.prompter.save_path(title, files.suggested_name(report, self._folder()), FILE_FILTER)
        chosen = files.choose_target(self.w, path) if path else None
        if chosen is None:
            return False
        target = act(self.w, tr("The file was not created"), lambda: files.write_new_file(chosen, report))
        return self.w.open_file(target) if target is not None else False

    def new_report(self) -> bool:
        self.w.flush()
        doc = self.w.doc
        like = doc.report if doc is not None and not is_sample(doc) else None  # never the sample's soum
        return self._create_and_open(files.blank_report(like), tr("New report: where to keep the file"))

    def new_from_current(self) -> bool:
        """Next year's plan from this report: the goals and measures carried forward (``core.report.next_report``)."""
        if self.w.doc is None:
            return False
        self.w.flush()
        return self._create_and_open(next_report(self.w.doc.report, Period.PLAN),
                                     tr("Next year's plan: where to keep the file"))

    def open_dialog(self) -> bool:
        path = self.w.prompter.open_path(tr("Open a report file"), str(self._folder()), FILE_FILTER)
        return self.w.open_file(path) if path else False

    def import_text_file(self) -> bool:
        """File → Import: a .docx or a text file, chosen by the file (gui.word_import, which
        asks for the columns when need be and ends in ``import_report``)."""
        from gui.word_import import WordImport

        return WordImport(self).start()

    def save_as_word(self) -> bool:
        from gui.word_export import save_as_word

        return save_as_word(self.w, self._folder())

    def import_clipboard(self) -> bool:
        """The start page's "from the clipboard": the table copied in Word, as a whole report."""
        from gui.paste import import_clipboard

        return import_clipboard(self)

    def import_report(self, read) -> bool:
        """The one import flow, whatever the source: ``read()`` returns core's ``ImportResult``.

        The report is read whole first (a bad source changes nothing). An open,
        writable report without goals (the empty report just made) is filled, as
        one undo step; otherwise the import becomes a new file, where the user says.
        """
        try:
            result = read()
        except TailanError as exc:
            self.w.prompter.error(tr("The file could not be imported"), exc.message)
            return False
        doc = self.w.doc
        if doc is not None and not result.report.aimag:
            result.report.aimag = doc.report.aimag
        if result.warnings:
            self.w.prompter.info(tr("Imported with remarks"), "\n".join(result.warnings))
        if doc is not None and not doc.read_only and not doc.report.goals:
            count = len(result.report.measures())
            return self.push(commands.fill_empty_report(doc, result.report, tr("Import {0} measures").format(count)))
        return self._create_and_open(result.report, tr("Imported report: where to keep the file"))

    def save_copy_as(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return False
        self.w.flush()
        suggested = str(self._folder() / (doc.path.stem + "-хуулбар" + doc.path.suffix))
        path = self.w.prompter.save_path(tr("Save a copy as"), suggested, FILE_FILTER)
        chosen = files.choose_target(self.w, path) if path else None
        if chosen is None:
            return False
        target = write_to_chosen(self.w, tr("The copy was not written"), chosen, doc.write_copy)
        if target is None:
            return False
        self.w.statusBar().showMessage(tr("Copy written: {0}").format(target), 8000)
        return True

    def print_preview(self) -> None:
        from gui.preview import PreviewDialog

        if self.w.doc is None:
            return
        self.w.flush()
        try:
            dialog = PreviewDialog(self.w.doc, self.w.prompter, self.w)
        except TailanError as exc:
            self.w.prompter.error(tr("Print"), exc.message)
            return
        self.w.preview_dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.w)
        self.w.settings_dialog = dialog
        dialog.open()
