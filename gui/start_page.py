"""The first start: three clear ways in, instead of an unexplained sample.

Shown whenever no report is open (the first start, or after a file could not be
opened): import my Word table (from a file or the clipboard), start an empty
report, or look at the sample. The sample opens read-only under a banner that says
it is a sample and how to begin one's own report, so nobody fills in Нарийнтээл
сум's report by mistake.

New files go to the user's Documents folder (never the hidden application-data
folder with its ``locks``), and the window shows where the open file is: its full
path in the status bar (and as its tooltip), and File → Show in folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.paths import user_data_dir
from gui.i18n import tr

SAMPLE_BANNER_STYLE = "QLabel { background: #fff4ce; color: #5c4200; padding: 8px; font-weight: bold; }"


def documents_folder() -> Path:
    """The user's Documents folder (where a new report is suggested), or home if there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    try:
        folder.mkdir(parents=True, exist_ok=True)  # Windows always has one; a bare Linux account may not
    except OSError:
        return Path.home()
    return folder


def in_data_folder(path: Path) -> bool:
    """Whether ``path`` lies in the application-data folder (the sample, keys, locks)."""
    try:
        Path(path).resolve().relative_to(user_data_dir().resolve())
    except ValueError:
        return False
    return True


def picker_folder(path=None) -> Path:
    """Where a file dialog starts: beside ``path`` (the open file), unless that lies in the
    hidden data folder (the sample, keys, locks): then the user's Documents folder. The data
    folder is never offered in a file dialog."""
    if path is not None:
        folder = Path(path).parent
        if not in_data_folder(folder) and folder.is_dir():
            return folder
    return documents_folder()


def is_sample_path(path) -> bool:
    """The sample in the data folder (a copy elsewhere is the user's own file)."""
    from core.tables.sample import SAMPLE_FILE_NAME

    return Path(path).name == SAMPLE_FILE_NAME and in_data_folder(Path(path))


def is_sample(doc) -> bool:
    return doc is not None and is_sample_path(doc.path)


def open_sample(window) -> bool:
    """Opens the sample report read-only, with a banner saying it is a sample."""
    from core.errors import TailanError
    from core.tables.sample import ensure_sample_database

    try:
        path = ensure_sample_database()
    except TailanError as exc:
        window.prompter.error(tr("The sample was not opened"), exc.message)
        return False
    except OSError as exc:
        window.prompter.error(tr("The sample was not opened"), str(exc.strerror or exc))
        return False
    if not window.open_file(path, read_only=True):
        return False
    show_sample_banner(window)
    return True


def show_sample_banner(window) -> None:
    window.banner.setText(tr(
        "This is a SAMPLE report (Нарийнтээл сум, 2023), open read-only so that it stays as it is. "
        "To begin your own report: File → Import from Word or text file…, or File → New report…"))
    window.banner.setStyleSheet(SAMPLE_BANNER_STYLE)
    window.banner.setVisible(True)


class StartPage(QWidget):
    """What the window shows with no report open: three ways in, one button each."""

    def __init__(self, window):
        super().__init__()
        self.setObjectName("startPage")
        self.w = window
        outer = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(760)
        outer.addStretch(1)
        outer.addWidget(column, 6)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        heading = QLabel(tr("Anti-corruption plan implementation report"))
        heading.setObjectName("startHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        intro = QLabel(tr("How do you want to begin? Everything you type is saved at once; "
                          "new reports are kept in your Documents folder."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.calls_label = QLabel()  # the aimags' calls opened on this PC, with their deadlines
        self.calls_label.setObjectName("startCalls")
        self.calls_label.setWordWrap(True)
        self.calls_label.setStyleSheet("QLabel { background: #e8f0fe; color: #174ea6; padding: 6px; }")
        layout.addWidget(self.calls_label)
        self.refresh_calls()
        self.buttons = {}
        for name, text, detail, slot in (
            ("importFileButton", tr("Import my Word table from a file…"),
             tr("Choose your Word file (.docx), or the table saved from Word as plain text (.txt)."),
             lambda: window.actions_.import_text_file()),
            ("importClipboardButton", tr("Import my Word table from the clipboard"),
             tr("In Word: select the whole table and copy it (Ctrl+C), then click here."),
             lambda: window.actions_.import_clipboard()),
            ("newReportButton", tr("Start an empty report…"),
             tr("Type the goals and measures yourself."),
             lambda: window.actions_.new_report()),
            ("openCallButton", tr("Open the aimag's call…"),
             tr("The call file the aimag sent (.tailan-call): its deadline is shown here and in your report."),
             lambda: window.year.open_call()),
            ("sampleButton", tr("Look at the sample report"),
             tr("A real report of 2023, read-only: to see how a finished report looks."),
             lambda: open_sample(window)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(button.sizeHint().height() + 12)
            button.clicked.connect(lambda *_, s=slot: s())
            layout.addWidget(button)
            note = QLabel(detail)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555; margin-bottom: 8px;")
            layout.addWidget(note)
            self.buttons[name] = button
        layout.addStretch(2)

    def refresh_calls(self) -> None:
        """The calls this PC remembers (``core.sending.call``), each with its deadline and the days left."""
        from core.sending.call import remembered_calls
        from gui.year.words import call_line

        lines = [call_line(call) for call in remembered_calls()]
        self.calls_label.setText("\n".join(lines))
        self.calls_label.setVisible(bool(lines))


def show_start(window, shown: bool) -> None:
    """With no report open only the start page stands: the empty tree and problems panel go away."""
    window.splitter.widget(0).setVisible(not shown)
    if shown:
        window.start_page.refresh_calls()
    window.problems_dock.set_allowed(not shown)


class FileLocation:
    """The open file's full path in the status bar, and File → Show in folder."""

    def __init__(self, window):
        self.w = window
        self.label = QLabel()
        self.label.setObjectName("pathLabel")
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        window.statusBar().addPermanentWidget(self.label)
        self.show_folder = QAction(tr("Show in folder"), window)
        self.show_folder.setObjectName("showInFolderAction")
        self.show_folder.triggered.connect(lambda *_: self.open_folder())
        window.addAction(self.show_folder)
        from gui.keyboard import menu_of

        menu_of(window, window.actions_.import_text).insertAction(window.actions_.import_text, self.show_folder)
        self.refresh()

    def refresh(self) -> None:
        doc = self.w.doc
        path = str(doc.path) if doc is not None else ""
        width = max(200, self.w.width() // 3)
        self.label.setText(self.label.fontMetrics().elidedText(path, Qt.ElideMiddle, width))
        self.label.setToolTip(path)
        self.w.setWindowFilePath(path)
        self.w.setToolTip("")
        self.show_folder.setEnabled(doc is not None)
        if doc is not None:
            self.show_folder.setToolTip(path)

    def open_folder(self) -> bool:
        doc = self.w.doc
        if doc is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(doc.path.parent)))
