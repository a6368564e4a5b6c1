"""Edit → Paste a table copied from Word, and the start page's «from the clipboard».

The clipboard is read in core (``core.tables.clipboard``): its ``text/html`` first,
which Word and LibreOffice write with the table's rows, cells and merges, its plain
text otherwise. A table whose columns cannot all be placed (or that has no header)
goes through the column-mapping step (``gui.word_import.ImportFlow``). The paste is
one undo step: into a report with goals the user says whether it replaces the plan
or goes after the selected goal. What was skipped, and any score that was not
taken, is said; nothing is dropped in silence.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from core.tables.clipboard import parse_paste
from core.tables.wordtable import ImportResult
from gui import commands
from gui.i18n import tr
from gui.word_import import ImportFlow, summary_text


def clipboard_contents() -> tuple[str | None, str | None]:
    """(HTML, plain text) of the clipboard, either one ``None`` when it is not there."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None, None
    html = mime.html() if mime.hasHtml() else None
    text = mime.text() if mime.hasText() else None
    return html or None, text or None


def _nothing_to_paste(window, title: str) -> bool:
    window.prompter.info(title, tr("The clipboard holds no table. Copy the table in Word first."))
    return False


def paste_table(actions, text: str | None = None, html: str | None = None) -> bool:
    """Pastes the table on the clipboard (or the ``text``/``html`` given) into the open report."""
    window = actions.w
    doc = window.doc
    if doc is None or doc.read_only:
        return False
    if text is None and html is None:
        html, text = clipboard_contents()
    if not (html and html.strip()) and not (text and text.strip()):
        return _nothing_to_paste(window, tr("Paste"))

    def finish(result: ImportResult) -> bool:
        return _apply(actions, result)

    flow = ImportFlow(window, lambda columns: parse_paste(html, text, columns), finish, tr("The table could not be read"))
    return flow.run()


def _apply(actions, result: ImportResult) -> bool:
    window = actions.w
    doc = window.doc
    if doc is None or doc.read_only:
        return False
    count = len(result.report.measures())
    label = tr("Paste {0} measures").format(count)
    if doc.report.goals and result.report.goals:
        choice = window.prompter.choose(
            tr("Paste"),
            tr("The report already has {0} goals. What should the {1} pasted measures do?").format(
                len(doc.report.goals), count),
            [tr("Replace the whole plan with the pasted table"), tr("Add them after the selected goal")],
        )
        if choice is None:
            return False
        command = commands.replace_plan(doc, result.report.goals, label) if choice == 0 else \
            commands.paste_goals(doc, result.report.goals, actions._after_selected_goal(), label)
    else:
        command = commands.paste_goals(doc, result.report.goals, actions._after_selected_goal(), label)
    if command is None:
        window.prompter.info(tr("Paste"), tr("The clipboard table holds no goal or measure."))
        return False
    done = actions.push(command)
    if done:
        _say_what_was_read(window, result)
    return done


def _say_what_was_read(window, result: ImportResult) -> None:
    """The paste's account: always in the status bar, and in a dialog when a row was skipped or a remark made."""
    window.last_import_summary = summary_text(result)
    window.statusBar().showMessage(window.last_import_summary.split("\n", 1)[0], 8000)
    if result.skipped or result.warnings:
        remarks = "\n".join(result.warnings)
        window.prompter.info(tr("What was read"), window.last_import_summary + ("\n\n" + remarks if remarks else ""))


def import_clipboard(actions) -> bool:
    """The start page's «from the clipboard»: the table copied in Word, as a whole report (a new file)."""
    window = actions.w
    html, text = clipboard_contents()
    if not (html and html.strip()) and not (text and text.strip()):
        return _nothing_to_paste(window, tr("Import"))

    def finish(result: ImportResult) -> bool:
        done = actions.import_report(lambda: result)
        if done and result.skipped:  # the remarks were shown by the import itself
            window.last_import_summary = summary_text(result)
            window.prompter.info(tr("What was read"), window.last_import_summary)
        return done

    flow = ImportFlow(window, lambda columns: parse_paste(html, text, columns), finish,
                      tr("The file could not be imported"))
    return flow.run()
