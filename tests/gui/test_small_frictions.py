"""The smaller frictions of the walk-through (issue 23, item 9), each as a person meets it."""

from __future__ import annotations

import subprocess

from gui_helpers import measure_by_number, read_back
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from test_printing import A4_LANDSCAPE, ink_pages, page_boxes, portrait_pdf_printer, uncovered

from core.report.model import Score
from gui import printing


def test_printing_to_a_pdf_file_gives_the_pages_themselves_not_pictures(window, tmp_path):
    printed = tmp_path / "printed.pdf"
    printer = portrait_pdf_printer(printed)
    assert window.print_report(printer) == 4
    exported = printing.pdf_bytes(window.doc.report)
    size = printed.stat().st_size
    assert size < 2 * len(exported) < 1_000_000, size  # it was 14 MB of 600-dpi pictures
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, check=True).stdout.decode()
    assert "Засгийн газрын 2020 оны 206" in text  # vectors: the words are there to find and copy
    assert all(box == (round(A4_LANDSCAPE[0], 2), round(A4_LANDSCAPE[1], 2)) or
               abs(box[0] - A4_LANDSCAPE[0]) < 1 for box in page_boxes(printed))
    # a page range from the print dialog is kept on this path too
    some = tmp_path / "pages-2-3.pdf"
    printer = portrait_pdf_printer(some)
    printer.setPrintRange(QPrinter.PageRange)
    printer.setFromTo(2, 3)
    assert window.print_report(printer) == 2 and len(page_boxes(some)) == 2


def test_a_real_printer_still_gets_the_exported_pages_painted_at_1_to_1(window, tmp_path):
    exported = tmp_path / "exported.pdf"
    exported.write_bytes(printing.pdf_bytes(window.doc.report))
    painted = tmp_path / "painted.pdf"
    printer = portrait_pdf_printer(painted)
    printer.setResolution(300)
    printer.setFromTo(1, 1)
    assert printing.paint_pdf(exported.read_bytes(), printer) == 1  # what a printer's driver receives
    (want,), (got,) = ink_pages(exported, tmp_path, "e")[:1], ink_pages(painted, tmp_path, "p")
    assert uncovered(want, got) < 0.05 and uncovered(got, want) < 0.05


def test_a_read_only_report_does_not_say_saved(qtbot, sample_path, prompter):
    from gui.app import create_main_window

    win = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(win)
    assert win.save_label.text() == "Хадгалсан"  # a writable report: every change is on disk
    assert win.open_file(sample_path, read_only=True)
    assert win.doc.read_only and win.save_label.text() == "Зөвхөн унших"
    win.doc.close()


def test_the_edit_menu_shows_the_key_that_deletes_in_the_tree(window, qtbot, sample_path):
    delete = window.actions_.delete
    assert delete.shortcut() == QKeySequence("Shift+Del")  # the key the menu shows
    measure = measure_by_number(window.doc.report, "1.1")
    window.select_item(measure.id)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key_Delete)  # Del on a measure clears its score, as the guide says
    assert measure_by_number(read_back(sample_path), "1.1").score is None
    QTest.keyClick(window.tree, Qt.Key_Delete, Qt.ShiftModifier)  # the menu's key deletes it
    assert not read_back(sample_path).find_measure("1.1")
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert measure_by_number(read_back(sample_path), "1.1").score is Score.IN_PROGRESS


def test_import_is_spelled_one_way():
    from core.paths import resource

    text = resource("translations", "tailan_mn.ts").read_text(encoding="utf-8").lower()
    assert "импортол" not in text and "импортлох" in text


def test_a_window_whose_frame_is_not_known_yet_keeps_its_title_bar_on_the_screen(qtbot):
    """Before the window manager frames a restored window, its title bar is assumed above the
    client area: a client top at the screen's edge is moved down, never left under the edge."""
    from PySide6.QtWidgets import QMainWindow

    from gui import screen_fit

    window = QMainWindow()
    qtbot.addWidget(window)
    area = screen_fit.available_area(window)
    window.setGeometry(area.x() + 40, area.y(), area.width() + 400, area.height() + 300)  # from a bigger monitor
    screen_fit.keep_on_screen(window)
    inner = window.geometry()
    title = screen_fit.FRAME_ALLOWANCE_H - screen_fit.FRAME_ALLOWANCE_W // 2
    assert inner.top() >= area.top() + title and inner.bottom() <= area.bottom()
    assert inner.width() <= area.width() and inner.left() >= area.left()


def test_a_geometry_saved_on_a_bigger_screen_comes_back_fitted(qtbot, sample_path, prompter):
    from gui import screen_fit
    from gui.app import create_main_window

    first = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(first)
    first.show()
    area = screen_fit.available_area(first)
    first.resize(area.width() + 600, area.height() + 400)
    first.move(area.x() - 80, area.y() - 60)  # the title bar above the screen
    first.close()
    again = create_main_window(sample_path, prompter=prompter)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert screen_fit.frame_inside(again), (again.frameGeometry().getRect(), area.getRect())
    again.doc.close()
