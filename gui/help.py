"""Help inside the window: a short guide, About, and zoom of the tree and the forms.

The soum officer has no manual at hand and often no Internet: Help -> Guide (F1) says
in a few lines how to import (.docx, text, paste), score, undo, print, finalize and
send, read the aimag's answer, where the file is and how to back it up. It names the
menu entries by the window's own texts (``menu_path``), so it cannot name one that is
not there (``tests/gui/test_guide.py`` reads every "menu → entry" it says). About gives
the version, the licence, the data folder and the fonts.
Zoom (Ctrl++ / Ctrl+- / Ctrl+0) enlarges the tree and the forms for tired eyes on small
screens; the size is remembered in the settings.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTextBrowser, QVBoxLayout

from core.paths import app_version, user_data_dir
from gui import screen_fit
from gui import settings as app_settings
from gui.i18n import tr
from gui.qactions import new_action

ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
ZOOM_KEY = "view/zoomPercent"


def zoom_percent() -> int:
    try:
        value = int(app_settings.settings().value(ZOOM_KEY, 100))
    except (TypeError, ValueError):
        return 100
    return value if value in ZOOM_STEPS else 100


def menu_path(window, action) -> str:
    """``File → Finalize``: the menu of ``window``'s menu bar that holds ``action`` and the entry,
    as the window shows them (never typed by hand, so the guide cannot name an entry that is
    not there)."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if menu is not None and action in menu.actions():
            return f"<b>{escape(_plain(menu.title()))} → {escape(_plain(action.text()))}</b>"
    return f"<b>{escape(_plain(action.text()))}</b>"


def _plain(text: str) -> str:
    """A menu text as the user reads it: no ``&`` of its key, no ``Undo: …`` detail."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def guide_html(window) -> str:
    """The guide, in the window's language, naming the window's own menu entries."""
    a, s, r, p = window.actions_, window.sending, window.receipts, window.printing
    path = str(window.doc.path) if window.doc is not None else tr("(no file open)")

    def m(action) -> str:
        return menu_path(window, action)

    sections = [
        (tr("Your report is one file"),
         tr("Everything is kept in one file ending in .tailan. Every change is saved at once: there is no "
            "Save button. The status bar says “Saved” when the file holds your change. New reports are kept in "
            "your Documents folder.")
         + "<br>" + tr("This report's file: {0}").format("<b>" + escape(path) + "</b>")),
        (tr("Import your Word table"),
         tr("{0} reads your Word file (.docx) or the table saved from Word as plain text (.txt); when a "
            "column is not clear, it asks which column is which. Or, in Word, select the whole table and copy it "
            "(Ctrl+C), then choose {1} (Ctrl+Shift+V). Texts and numbers are kept exactly as written; every row "
            "is either taken or named with why it was skipped.").format(m(a.import_text),
                                                                        m(a.paste))),
        (tr("Score each measure"),
         tr("Choose a measure in the tree on the left. Its form shows the score (100, 70, 30, 0 or not yet due), "
            "the measure and what was achieved at the top, then the other columns. In the tree the keys 1, 7, "
            "3, 0 and Н (N) give the score, Del clears it; {0} (Ctrl+E) goes to the score box. Red measures "
            "have no score yet. The total at the bottom of the window is the one that will be printed. The "
            "problems panel at the bottom lists what is missing; a click on its title line folds it "
            "({1}).").format(m(window.keyboard.jump), m(window.problems_dock.toggleViewAction()))),
        (tr("Undo"),
         tr("Ctrl+Z ({0}) takes back the last change, wherever the cursor is; Ctrl+Y brings it back. Every "
            "change made since the file was opened can be taken back. Finalizing and reopening are not "
            "changes of the report: they are written in the file's log.").format(
             f"<b>{escape(_plain(a.edit_menu.title()))} → {escape(tr('Undo'))}</b>")),
        (tr("Print and PDF"),
         tr("{0} shows exactly the pages that will print (A4 landscape) and prints them; {1} writes the same "
            "pages to a file for e-mail. While a measure has no score, the printout is marked as a "
            "draft.").format(m(a.preview), m(p.save_pdf_action))),
        (tr("Finalize and send"),
         tr("When every measure is scored, {0} makes the report read-only and gives it a fingerprint, printed "
            "on every page (a measure without a score is shown instead). Then print it, have it signed and "
            "stamped, and {1} writes the file to take to the aimag, e.g. on a USB stick. To change a finalized "
            "report, use {2}: that starts a new revision.").format(m(s.finalize), m(s.send),
                                                                   m(s.reopen))),
        (tr("The aimag's answer"),
         tr("The aimag sends back a signed answer (a .tailan-receipt file): {0} checks it and keeps it in your "
            "file. A line over the tree then says when the aimag received your report and where its remarks "
            "are: click a measure's number to go there. Under the measure's achieved level the remark is shown "
            "with the score the aimag proposes; taking it is an ordinary change (Ctrl+Z takes it back), so a "
            "finalized report must be reopened first. {1} prints the answer as proof that you reported on "
            "time.").format(m(r.open), m(r.print_))),
        (tr("Back it up"),
         tr("{0} writes a complete copy of the file, e.g. to a USB stick, at any time. Keep a copy outside "
            "this computer.").format(m(a.save_copy))),
        (tr("Larger text"),
         tr("Ctrl++ and Ctrl+- make the tree and the forms larger or smaller; Ctrl+0 returns to normal "
            "({0}). In the print preview the same keys zoom the page.").format(m(window.help.zoom_in))),
        (tr("At the aimag"),
         tr("{0} opens the aimag's window: drop the files received from the soums on it, decide on those that "
            "wait for you, read the ranking, write remarks and the answers that go back down. Its file and its "
            "exports are kept in Documents/Tailan, with a backup before every consolidation.").format(
             m(s.consolidation))),
    ]
    body = "".join(f"<h3>{escape(title)}</h3><p>{text}</p>" for title, text in sections)
    heading = tr("How to use Tailan")
    return f"<h2>{escape(heading)}</h2>{body}"


def about_html() -> str:
    rows = [
        (tr("Version"), escape(app_version())),
        (tr("Licence"), escape(tr("MIT licence: free to use, copy and change."))),
        (tr("Data folder"), escape(str(user_data_dir()))),
        (tr("Settings file"), escape(app_settings.settings().fileName())),
        (tr("Fonts"), escape(tr("Liberation Serif and Liberation Sans, under the SIL Open Font License 1.1."))),
    ]
    table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    intro = escape(tr("Tailan: the annual report on the anti-corruption plan, filled in, scored, printed "
                      "and sent upward, without Internet."))
    name = tr("Tailan")
    return f"<h2>{escape(name)}</h2><p>{intro}</p><table>{table}</table>"


class TextDialog(QDialog):
    """A read-only page of text with a Close button, sized to fit the screen."""

    def __init__(self, title: str, html: str, name: str, parent=None, width: int = 640, height: int = 560):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName(name + "Text")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(html)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen_fit.fit_window(self, width, height, parent)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        screen_fit.keep_on_screen(self)


class HelpActions:
    """The Help menu, and zoom in the View menu."""

    def __init__(self, window):
        self.w = window
        self.dialog = None
        self.guide = new_action(self.w, tr("Guide"), self.show_guide, "guideAction", QKeySequence.HelpContents)
        self.about = new_action(self.w, tr("About Tailan"), self.show_about, "aboutAction")
        menu = window.menuBar().addMenu(tr("&Help"))
        menu.setObjectName("helpMenu")
        menu.addAction(self.guide)
        menu.addAction(self.about)
        self.zoom_in = new_action(self.w, tr("Zoom in"), lambda: self.zoom_by(+1), "zoomInAction",
                                    [QKeySequence.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out = new_action(self.w, tr("Zoom out"), lambda: self.zoom_by(-1), "zoomOutAction",
                                     [QKeySequence.ZoomOut])
        self.zoom_reset = new_action(self.w, tr("Normal size"), lambda: self.set_zoom(100), "zoomResetAction",
                                       [QKeySequence("Ctrl+0")])
        view_menu = self._view_menu()
        if view_menu is not None:
            view_menu.addSeparator()
            for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
                view_menu.addAction(action)
        self.base_point_size = window.font().pointSizeF()
        self.percent = zoom_percent()
        self.apply_zoom()

    def _view_menu(self):
        for obj in self.w.problems_dock.toggleViewAction().associatedObjects():
            if hasattr(obj, "addSeparator") and obj is not self.w:
                return obj
        return None

    # ------------------------------------------------------------------ help
    def show_guide(self) -> TextDialog:
        self.dialog = TextDialog(tr("Guide"), guide_html(self.w), "guideDialog", self.w)
        self.dialog.open()
        return self.dialog

    def show_about(self) -> TextDialog:
        self.dialog = TextDialog(tr("About Tailan"), about_html(), "aboutDialog", self.w, 560, 360)
        self.dialog.open()
        return self.dialog

    # ------------------------------------------------------------------ zoom
    def zoom_by(self, steps: int) -> None:
        index = ZOOM_STEPS.index(self.percent) if self.percent in ZOOM_STEPS else ZOOM_STEPS.index(100)
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index + steps))])

    def set_zoom(self, percent: int) -> None:
        self.percent = percent if percent in ZOOM_STEPS else 100
        app_settings.settings().setValue(ZOOM_KEY, self.percent)
        self.apply_zoom()

    def apply_zoom(self) -> None:
        """The tree and the forms (the stack holds them) in the chosen size; the rest of the window as is."""
        font = self.w.font()
        font.setPointSizeF(self.base_point_size * self.percent / 100)
        for widget in (self.w.tree, self.w.stack, self.w.find_input):
            widget.setFont(font)
        self.zoom_out.setEnabled(self.percent > ZOOM_STEPS[0])
        self.zoom_in.setEnabled(self.percent < ZOOM_STEPS[-1])
        self._fit_tree_columns()

    def _fit_tree_columns(self) -> None:
        if self.w.model is None:
            return
        header = self.w.tree.header()
        metrics = self.w.tree.fontMetrics()
        if header.sectionResizeMode(0) == QHeaderView.Interactive:
            self.w.tree.setColumnWidth(0, metrics.horizontalAdvance("00.00.00") + 40)
        self.w.tree.setColumnWidth(2, metrics.horizontalAdvance("● 000000000") + 16)

    def document_shown(self) -> None:
        self._fit_tree_columns()

