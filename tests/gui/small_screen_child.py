"""Child process of test_small_screen.py: the officer's walk on a 1366x768 laptop (issue 23, item 1).

Run by ``screen_fit.run_at_scale`` at 100 and 125 %. With real clicks and keys: the score
and the achieved level of a measure stay whole in view while the problems panel is open,
folded (and still folded after a restart), gone when there is no problem, and while the
finalized banner, the aimag's answer and its remarks are shown. ``--shots FOLDER`` saves
what it saw there. Prints one line per step and exits 1 at the first failure.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from screen_fit import assert_in_view, assert_inside_screen

SCORES = (("6.1", Qt.Key_1), ("6.2", Qt.Key_1), ("6.3", Qt.Key_7))


def settle(app, ms: int = 60) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while timer.isActive():
        app.processEvents()


class Step:
    def __init__(self, shots: Path | None):
        self.shots = shots

    def __call__(self, window, name: str) -> None:
        if self.shots is not None:
            window.grab().save(str(self.shots / f"{name}.png"))
        print("ok", name, window.frameGeometry().getRect(), window.splitter.sizes())


def form_in_view(window) -> None:
    assert_in_view(window.findChild(QComboBox, "scoreInput"))
    assert_in_view(window.findChild(QWidget, "achievedInput"))
    form = window.stack.currentWidget()
    assert not form.horizontalScrollBar().isVisible(), "the form is wider than its column"


def answered_file(scratch: Path) -> Path:
    """The sample, scored, finalized and sent; the aimag's answer with two remarks kept in it."""
    from core.aimag.consolidate import consolidate
    from core.aimag.decisions import decide, waiting
    from core.aimag.receipt import open_receipt, write_receipt
    from core.aimag.register import set_aimag_name
    from core.aimag.remarks import add_remark
    from core.report.model import Score
    from core.sending.export import export_submission
    from core.sending.lifecycle import finalize
    from core.storage import ReportFile
    from core.tables.sample import create_sample_database

    soum_data = os.environ["TAILAN_DATA_DIR"]
    path = create_sample_database(scratch / "answered.tailan")
    with ReportFile.open(path) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        for number, score in (("6.1", Score.FULL), ("6.2", Score.FULL), ("6.3", Score.IN_PROGRESS)):
            rf.set_field("measure", report.find_measure(number)[0].id, "score", score)
        finalize(rf, report.id)
        sent = export_submission(rf, report.id, scratch)
    os.environ["TAILAN_DATA_DIR"] = str(scratch / "aimag-data")
    aimag = scratch / "aimag.tailan"
    with ReportFile.open(aimag, create=True) as rf:
        with rf.transaction():
            set_aimag_name(rf, "Өвөрхангай")
    consolidate([sent], aimag)
    with ReportFile.open(aimag) as rf:
        for decision in waiting(rf):
            decide(rf, decision.id, True)
        add_remark(rf, "Нарийнтээл сум", "Гарын үсэг зурсан огноог бичнэ үү.", author="Д.Хянагч")
        add_remark(rf, "Нарийнтээл сум", "Хүрсэн түвшинд тоон үзүүлэлт алга; нотолгоо дутуу.", measure="6.3",
                   score="30", author="Д.Хянагч")
        receipt = write_receipt(rf, "Нарийнтээл сум", scratch)
    os.environ["TAILAN_DATA_DIR"] = soum_data
    with ReportFile.open(path) as rf:
        open_receipt(rf, receipt, accept_key=True)
    return path


def main() -> int:
    """The steps below in a scratch folder of their own, removed afterwards however they end."""
    scratch = Path(tempfile.mkdtemp(prefix="tailan-small-"))
    try:
        return steps(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def steps(scratch: Path) -> int:
    shots = Path(sys.argv[sys.argv.index("--shots") + 1]) if "--shots" in sys.argv else None
    step = Step(shots)
    os.environ["TAILAN_DATA_DIR"] = str(scratch / "data")
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(scratch / "settings"))
    from recording_prompter import RecordingPrompter

    from core.tables.sample import create_sample_database
    from gui.app import create_main_window, ensure_application

    app = ensure_application([sys.argv[0]])
    path = create_sample_database(scratch / "sample.tailan")
    window = create_main_window(path, prompter=RecordingPrompter())
    window.show()
    settle(app, 200)
    assert_inside_screen(window)

    # 1. the problems panel open (three problems): the measure with the longest texts, whole
    dock = window.problems_dock
    assert dock.isVisible() and not dock.collapsed
    assert dock.height() <= window.height() // 4, dock.height()
    longest = max(window.doc.report.measures(), key=lambda m: len(m.achieved) + len(m.text))
    window.select_item(longest.id)
    settle(app)
    form_in_view(window)
    step(window, "problems-open")

    # 2. folded by a click on its title line: one line; still folded after a restart
    QTest.mouseClick(window.findChild(QWidget, "problemsCollapseButton"), Qt.LeftButton)
    settle(app)
    title = dock.title.sizeHint().height()
    assert dock.collapsed and not window.problems.list.isVisible() and dock.height() <= title + 2, dock.height()
    form_in_view(window)
    step(window, "problems-folded")
    window.close()
    window = create_main_window(path, prompter=RecordingPrompter())
    window.show()
    settle(app, 200)
    dock = window.problems_dock
    assert dock.collapsed and dock.isVisible() and dock.height() <= title + 2, (dock.collapsed, dock.height())
    QTest.mouseClick(window.findChild(QWidget, "problemsCollapseButton"), Qt.LeftButton)  # open again
    settle(app)
    assert not dock.collapsed and window.problems.list.isVisible()
    print("ok folded after a restart, opened again")

    # 3. every measure scored with the tree's keys: no problem left, no panel, no room taken
    before = window.centralWidget().height()
    for number, key in SCORES:
        window.select_item(window.doc.report.find_measure(number)[0].id)
        window.tree.setFocus()
        QTest.keyClick(window.tree, key)
    settle(app, 400)  # the problems are checked again after a short pause
    assert window.problems.problems == [] and dock.isHidden()
    assert window.centralWidget().height() > before
    window.select_item(longest.id)
    settle(app)
    form_in_view(window)
    step(window, "no-problems")
    window.close()

    # 4. finalized, with the aimag's answer: the banners stand over the tree, the form keeps its place
    answered = answered_file(scratch)
    prompter = RecordingPrompter(confirm=[True])
    window = create_main_window(answered, prompter=prompter)
    window.show()
    window.activateWindow()
    settle(app, 200)
    assert window.banner.isVisible() and window.receipts.line.isVisible()
    measure = window.doc.report.find_measure("6.3")[0]
    window.select_item(measure.id)
    settle(app)
    form_in_view(window)
    box = window.receipts.remarks
    assert box.isVisible() and window.forms["measure"].isAncestorOf(box)
    step(window, "finalized-with-answer")
    # the greyed "take" says why; reopened, it takes the score, and Ctrl+Z from where the focus is undoes it
    take = box.findChild(QWidget, "takeProposedScore")
    assert not take.isEnabled() and box.findChild(QWidget, "takeScoreNote").isVisible()
    window.findChild(type(window.actions_.undo), "reopenAction").trigger()
    settle(app)
    window.select_item(measure.id)
    settle(app)
    take = window.receipts.remarks.findChild(QWidget, "takeProposedScore")
    assert take.isEnabled(), take.toolTip()
    window.forms["measure"].ensureWidgetVisible(take)
    settle(app)
    QTest.mouseClick(take, Qt.LeftButton)
    settle(app)
    assert window.doc.items[measure.id].score.value == "30"
    focused = QApplication.focusWidget()
    assert focused is not None and window.isAncestorOf(focused), focused
    QTest.keyClick(focused, Qt.Key_Z, Qt.ControlModifier)
    settle(app)
    assert window.doc.items[measure.id].score.value == "70", window.doc.items[measure.id].score
    print("ok the proposed score taken and undone with Ctrl+Z from", focused.objectName())
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
