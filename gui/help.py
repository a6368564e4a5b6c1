"""Help inside the window: a short guide, About, and zoom of the tree and the forms.

The soum officer has no manual at hand and often no Internet: Help -> Guide (F1) says
in a few lines how to import, score, print, finalize and send, where the file is and
how to back it up. About gives the version, the licence, the data folder and the fonts.
Zoom (Ctrl++ / Ctrl+- / Ctrl+0) enlarges the tree and the forms for tired eyes on small
screens; the size is remembered in the settings.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTextBrowser, QVBoxLayout

from core.paths import app_version, user_data_dir
from gui import screen_fit
from gui import settings as app_settings
from gui.i18n import tr

ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
ZOOM_KEY = "view/zoomPercent"


def zoom_percent() -> int:
    try:
        value = int(app_settings.settings().value(ZOOM_KEY, 100))
    except (TypeError, ValueError):
        return 100
    return value if value in ZOOM_STEPS else 100


def guide_html(file_path: str) -> str:
    """The guide, in the window's language."""
    sections = [
        (tr("Your report is one file"),
         tr("Everything is kept in one file ending in .tailan. Every change is saved at once: there is no "
            "Save button. The status bar says “Saved” when the file holds your change.")
         + "<br>" + tr("This report's file: {0}").format("<b>" + escape(file_path) + "</b>")),
        (tr("Import your Word table"),
         tr("In Word, select the whole table and copy it (Ctrl+C); in Tailan choose Edit → Paste a table "
            "copied from Word (Ctrl+Shift+V). Or save the table from Word as text (File → Save as → Plain "
            "text) and choose File → Import text file. Texts and numbers are kept exactly as written.")),
        (tr("Score each measure"),
         tr("Choose a measure in the tree on the left. Its form shows every column; the score (100, 70, 30, "
            "0 or not yet due) is at the top of the form. Red measures in the tree have no score yet. The "
            "total at the bottom of the window is the one that will be printed.")),
        (tr("Print and PDF"),
         tr("File → Print preview shows exactly the pages that will print (A4 landscape). Print… sends "
            "them to the printer; Save as PDF… writes the same pages to a file for e-mail. While a measure "
            "has no score, the printout is marked as a draft.")),
        (tr("Finalize and send"),
         tr("When every measure is scored, File → Finalize makes the report read-only and gives it a "
            "fingerprint, printed on every page. File → Send to aimag… writes the file to send, e.g. on a "
            "USB stick. To change a finalized report, use File → Reopen for changes.")),
        (tr("Back it up"),
         tr("File → Save a copy as… writes a complete copy of the file, e.g. to a USB stick, at any time. "
            "Keep a copy outside this computer. Undo (Ctrl+Z) takes back any change made since the file "
            "was opened.")),
        (tr("Larger text"),
         tr("Ctrl++ and Ctrl+- make the tree and the forms larger or smaller; Ctrl+0 returns to normal. "
            "In the print preview the same keys zoom the page.")),
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
        self.guide = self._action(tr("Guide"), self.show_guide, "guideAction", QKeySequence.HelpContents)
        self.about = self._action(tr("About Tailan"), self.show_about, "aboutAction")
        menu = window.menuBar().addMenu(tr("&Help"))
        menu.setObjectName("helpMenu")
        menu.addAction(self.guide)
        menu.addAction(self.about)
        self.zoom_in = self._action(tr("Zoom in"), lambda: self.zoom_by(+1), "zoomInAction",
                                    [QKeySequence.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out = self._action(tr("Zoom out"), lambda: self.zoom_by(-1), "zoomOutAction",
                                     [QKeySequence.ZoomOut])
        self.zoom_reset = self._action(tr("Normal size"), lambda: self.set_zoom(100), "zoomResetAction",
                                       [QKeySequence("Ctrl+0")])
        view_menu = self._view_menu()
        if view_menu is not None:
            view_menu.addSeparator()
            for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
                view_menu.addAction(action)
        self.base_point_size = window.font().pointSizeF()
        self.percent = zoom_percent()
        self.apply_zoom()

    def _action(self, text: str, slot, name: str, shortcut=None) -> QAction:
        action = QAction(text, self.w)
        action.setObjectName(name)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda *_: slot())
        self.w.addAction(action)
        return action

    def _view_menu(self):
        for obj in self.w.problems_dock.toggleViewAction().associatedObjects():
            if hasattr(obj, "addSeparator") and obj is not self.w:
                return obj
        return None

    # ------------------------------------------------------------------ help
    def show_guide(self) -> TextDialog:
        path = str(self.w.doc.path) if self.w.doc is not None else tr("(no file open)")
        self.dialog = TextDialog(tr("Guide"), guide_html(path), "guideDialog", self.w)
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

