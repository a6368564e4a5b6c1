"""Print and PDF from the window (issue 11 item 1, issue 15's preview).

Real QPrinter writing a PDF file, real PDFs read with pypdf and rendered with pdftoppm,
the real command line for comparison; the window driven through its own methods and
buttons.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import run_cli
from PIL import Image, ImageChops, ImageFilter
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QPointF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from gui import printing

A4_LANDSCAPE = (841.89, 595.28)


def portrait_pdf_printer(path) -> QPrinter:
    """A real printer writing a PDF, set to portrait A4 with margins first, as a print dialog's defaults."""
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    assert printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                             QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    assert printer.pageLayout().orientation() == QPageLayout.Portrait
    return printer


def page_boxes(path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(path)).pages]


def ink_pages(pdf_path, folder, prefix: str, dpi: int = 72) -> list[Image.Image]:
    """Each page rendered by pdftoppm in gray, as a mask of its ink (text and rules)."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf_path), str(folder / prefix)], check=True)
    files = sorted(folder.glob(prefix + "-*.pgm"))
    # A4 is 595.28 pt high in Qt, 595.2756 in reportlab: the last row of pixels may differ; it is margin.
    return [Image.open(f).convert("L").point(lambda v: 255 if v < 200 else 0).crop((0, 0, 840, 594)) for f in files]


def uncovered(a: Image.Image, b: Image.Image) -> float:
    """Share of ``a``'s ink with no ink of ``b`` within 2 pixels."""
    missing = ImageChops.subtract(a, b.filter(ImageFilter.MaxFilter(5)))
    return missing.histogram()[255] / max(1, a.histogram()[255])


def normalized(pdf: bytes) -> bytes:
    """The PDF without what reportlab stamps from the clock: creation/modification date and /ID."""
    pdf = re.sub(rb"D:\d{14}[^)]*", b"D:DATE", pdf)
    return re.sub(rb"/ID\s*\n?\[<[0-9a-f]+><[0-9a-f]+>\]", b"/ID []", pdf)


def test_print_report_turns_a_portrait_printer_to_a4_landscape_and_prints_the_exported_pages(window, tmp_path):
    exported = tmp_path / "exported.pdf"
    assert run_cli("export-pdf", window.doc.path, "-o", exported).returncode == 0
    printed = tmp_path / "printed.pdf"
    printer = portrait_pdf_printer(printed)
    # A device resolution other than the rendering's: pages rendered at 300 dpi, drawn at half
    # size in the device's pixels (the scaling a 1200-dpi printer needs too, at a quarter of the pixels).
    printer.setResolution(150)

    pages = window.print_report(printer)

    assert window.prompter.calls == []  # no dialog, no question
    exported_boxes = page_boxes(exported)
    assert pages == len(exported_boxes) == len(page_boxes(printed)) == 4
    for width, height in page_boxes(printed):
        assert width == pytest.approx(A4_LANDSCAPE[0], abs=1) and height == pytest.approx(A4_LANDSCAPE[1], abs=1)
    assert printer.pageLayout().orientation() == QPageLayout.Landscape
    assert printing.print_dpi(printer) >= 300 and printer.resolution() == 150
    # The same content in the same place: the ink of each printed page lies on the exported page's
    # ink and the other way round; a shifted, shrunk or different page does not.
    want = ink_pages(exported, tmp_path, "exported")
    got = ink_pages(printed, tmp_path, "printed")
    for number, (a, b) in enumerate(zip(want, got)):
        assert uncovered(a, b) < 0.05 and uncovered(b, a) < 0.05, number
        other = want[(number + 1) % len(want)]
        assert uncovered(other, b) > 0.2  # the comparison can tell pages apart
    half = got[0].resize((got[0].width // 2, got[0].height // 2))
    shrunk = Image.new("L", got[0].size)
    shrunk.paste(half, (0, 0))
    assert uncovered(want[0], shrunk) > 0.3  # ...and a page shrunk into a corner, as before this fix


def test_a_page_range_from_the_print_dialog_is_kept(window, tmp_path):
    printed = tmp_path / "pages-2-3.pdf"
    printer = portrait_pdf_printer(printed)
    printer.setResolution(300)
    printer.setPrintRange(QPrinter.PageRange)
    printer.setFromTo(2, 3)
    assert window.print_report(printer) == 2
    assert len(page_boxes(printed)) == 2


def test_save_pdf_writes_what_the_command_line_exports(window, tmp_path):
    from core.storage import ReportFile

    saved = tmp_path / "тайлан.pdf"
    assert window.save_pdf(saved)
    exported = tmp_path / "cli.pdf"
    assert run_cli("export-pdf", window.doc.path, "-o", exported).returncode == 0
    assert normalized(saved.read_bytes()) == normalized(exported.read_bytes())
    assert page_boxes(saved) == page_boxes(exported)
    # after an edit the saved PDF follows the file, never an old layout
    measure = window.doc.report.find_measure("6.1")[0]
    assert window.doc.set_field("measure", measure.id, "achieved", "Шинэ тайлбар Өө Үү")
    assert window.save_pdf(saved)
    assert run_cli("export-pdf", window.doc.path, "-o", exported).returncode == 0
    assert normalized(saved.read_bytes()) == normalized(exported.read_bytes())
    text = "".join(page.extract_text() for page in PdfReader(str(saved)).pages)
    assert "Шинэ тайлбар Өө Үү" in text
    with ReportFile.open(window.doc.path, read_only=True) as rf:  # and the report file is untouched by it
        assert rf.load_report(rf.resolve_report_id(None)).find_measure("6.1")[0].achieved == "Шинэ тайлбар Өө Үү"


def test_save_as_pdf_in_the_file_menu_and_in_the_preview(window, tmp_path, prompter, qtbot):
    target = tmp_path / "menu"
    prompter.answers["save_path"] = [str(target)]
    window.printing.save_pdf_action.trigger()
    assert (tmp_path / "menu.pdf").read_bytes().startswith(b"%PDF")
    assert window.printing.save_pdf_action in window.menuBar().actions()[0].menu().actions()

    window.actions_.print_preview()
    dialog = window.preview_dialog
    assert dialog.wait_until_ready()
    prompter.answers["save_path"] = [str(tmp_path / "preview.pdf")]
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert normalized((tmp_path / "preview.pdf").read_bytes()) == normalized((tmp_path / "menu.pdf").read_bytes())
    dialog.reject()


def test_save_pdf_to_an_unwritable_place_says_so_and_leaves_nothing(window, tmp_path):
    target = tmp_path / "no-such-folder" / "x.pdf"
    assert not window.save_pdf(target)
    assert window.prompter.kinds() == ["error"]
    assert not target.parent.exists()


def test_preview_zooms_and_moves_between_pages(window, qtbot):
    from gui.preview import PreviewDialog

    dialog = PreviewDialog(window.doc, window.prompter, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.wait_until_ready()
    assert dialog.page_box.maximum() == 4 and dialog.page_box.value() == 1
    width = dialog.page_labels[0].width()
    qtbot.mouseClick(dialog.zoom_in_button, Qt.LeftButton)
    assert dialog.page_labels[0].width() > width
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.keyClick(dialog.scroll, Qt.Key_Minus, Qt.ControlModifier)
    qtbot.keyClick(dialog.scroll, Qt.Key_Minus, Qt.ControlModifier)
    assert dialog.page_labels[0].width() < width
    smaller = dialog.page_labels[0].width()
    viewport = dialog.scroll.viewport()
    center = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(center, viewport.mapToGlobal(center), QPointF(0, 0).toPoint(), QPointF(0, 120).toPoint(),
                        Qt.NoButton, Qt.ControlModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert dialog.page_labels[0].width() > smaller  # Ctrl+wheel zooms
    qtbot.keyClick(dialog.scroll, Qt.Key_0, Qt.ControlModifier)  # back to the window's width
    assert dialog.page_labels[0].width() == width

    qtbot.mouseClick(dialog.next_button, Qt.LeftButton)
    assert dialog.current_page() == 1 and dialog.page_box.value() == 2
    qtbot.keyClick(dialog.scroll, Qt.Key_PageDown)
    assert dialog.current_page() == 2
    qtbot.keyClick(dialog.scroll, Qt.Key_PageUp)
    assert dialog.current_page() == 1
    dialog.page_box.setValue(4)
    assert dialog.current_page() == 3 and not dialog.page_labels[3].pixmap().isNull()
    assert not dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.previous_button, Qt.LeftButton)
    assert dialog.current_page() == 2
    dialog.reject()


def test_an_unchanged_report_is_not_laid_out_again_and_a_change_is(window, qtbot):
    from gui.preview import PreviewDialog

    printing.clear_cache()
    closed_early = PreviewDialog(window.doc, window.prompter, window)
    assert not closed_early.is_ready()  # laid out in a worker thread, not while the window waits
    closed_early.reject()  # closed before the pages came: the layout goes on and is reused
    first = PreviewDialog(window.doc, window.prompter, window)
    assert first.is_ready() or first.job._worker is closed_early.job._worker
    assert first.wait_until_ready()
    first.reject()
    again = PreviewDialog(window.doc, window.prompter, window)
    assert again.is_ready() and again.pdf is first.pdf  # from the cache, at once
    again.reject()
    measure = window.doc.report.find_measure("1.1")[0]
    assert window.doc.set_field("measure", measure.id, "target_level", measure.target_level + " нэмэлт")
    changed = PreviewDialog(window.doc, window.prompter, window)
    assert not changed.is_ready()
    assert changed.wait_until_ready() and changed.pdf != first.pdf
    changed.reject()
    window.actions_.do_undo()
    back = PreviewDialog(window.doc, window.prompter, window)
    assert back.is_ready() and back.pdf is first.pdf  # undo gives the same content: the same key
    back.reject()


@pytest.mark.slow  # a long layout: the slow run
def test_the_first_page_shows_before_the_rest_of_a_long_report_is_laid_out(qtbot, tmp_path, prompter):
    """Issue 15: a long report's preview shows page 1 (numbered 1/…) while the rest is laid out."""
    from generate import generated_report

    from core.storage import ReportFile
    from gui.app import create_main_window
    from gui.preview import PreviewDialog

    path = tmp_path / "long.tailan"
    with ReportFile.create(path) as rf:
        rf.add_report(generated_report(400, per_goal=40))
    window = create_main_window(path, prompter=prompter)
    qtbot.addWidget(window)
    printing.clear_cache()
    preview = PreviewDialog(window.doc, window.prompter, window)
    with qtbot.waitSignal(preview.job.firstPage, timeout=30000):
        pass
    qtbot.waitUntil(lambda: preview.shown_pdf is not None, timeout=5000)
    first_shown = preview.shown_pdf
    if preview.pdf is None:  # the whole layout takes several times longer than its first page
        assert not preview.status.pixmap().isNull() and preview.page_total.text() == "/ …"
        assert not preview.print_button.isEnabled()  # printing waits for every page
    assert len(printing.page_sizes(first_shown)) == 1
    assert preview.wait_until_ready()
    assert len(preview.page_labels) == len(printing.page_sizes(preview.pdf)) > 20
    assert preview.print_button.isEnabled() and preview.page_total.text() != "/ …"
    preview.reject()
    window.doc.close()
