"""The self-test's checks of what the user sends out: print, Word, Excel, signature, the aimag's window.

Each check uses one dependency the bundle must carry and which would otherwise fail
only when a user first needs it, weeks after installing: Qt's print support and
PDFium (printing), python-docx with lxml and its template (the .docx export and
import), openpyxl (the ranking as .xlsx; without it the window hides the button),
cryptography's Ed25519 (finalizing signs the report) and the consolidation window
with its chart. The bundle leaves out what Tailan does not use (packaging/tailan.spec),
so these checks are what proves that nothing it does use was left out.

Each function returns the line to print, or raises AssertionError saying what is wrong.
"""

from __future__ import annotations

import io
from pathlib import Path


def check_print(pdf: bytes, tmp: Path) -> str:
    """The painting a real printer gets (``gui.printing.paint_pdf``), onto a QPrinter that writes a PDF file."""
    from PySide6.QtPrintSupport import QPrinter

    from gui.printing import page_count, paint_pdf, prepare_printer

    target = tmp / "printed.pdf"
    printer = QPrinter(QPrinter.ScreenResolution)  # pages rendered at the least print resolution, 300 dpi
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setFromTo(1, 1)  # the print dialog's page range: page 1 is enough, and quicker
    prepare_printer(printer)
    pages = paint_pdf(pdf, printer)  # the painting a real printer gets, not the PDF file's shortcut
    if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
        raise AssertionError("QPrinter wrote no PDF file")
    if pages != 1 or page_count(target.read_bytes()) != 1:
        raise AssertionError(f"{pages} pages printed, not page 1 alone")
    return f"page 1 of {page_count(pdf)} printed through QPrinter to a PDF file (A4 landscape, rendered by PDFium)"


def check_word(report, tmp: Path) -> str:
    """Exports the report as .docx (python-docx's template, lxml) and reads it back as an import does."""
    from core.report.scoring import summarize
    from core.tables.docx.reader import import_docx
    from core.tables.docx.writer import export_docx

    target = tmp / "x.docx"
    export_docx(report, target)
    result = import_docx(target)
    measures = len(report.measures())
    if result.measure_count != measures:
        raise AssertionError(f"the .docx read back has {result.measure_count} measures, not {measures}")
    total, read_total = summarize(report).total_display, summarize(result.report).total_display
    if read_total != total:
        raise AssertionError(f"the .docx read back totals {read_total}, not {total}")
    return f"Word: .docx written ({target.stat().st_size // 1024} KB) and read back: {measures} measures, total {total}"


def check_excel(report) -> str:
    """The ranking as .xlsx (openpyxl), with the sample as its one row, opened again."""
    from openpyxl import load_workbook

    from core.aimag.ranking import RankingRow
    from core.aimag.ranking_xlsx import ranking_xlsx_bytes
    from core.report.scoring import display, summarize

    summary = summarize(report)
    row = RankingRow(
        rank=1, organization=report.organization or "Тайлан", aimag=report.aimag, year=report.year,
        period=report.period.value, total=summary.total, total_display=summary.total_display,
        goal_means=[(g.number, display(summary.goal_averages[g.id], "—")) for g in report.goals],
        unscored=len(summary.unscored), revision=report.revision, received_at="", fingerprint="",
        report_id=report.id, goal_averages=[(g.number, summary.goal_averages[g.id]) for g in report.goals])
    data = ranking_xlsx_bytes([row], ["Ирүүлээгүй сум"])
    workbook = load_workbook(io.BytesIO(data))
    values = [cell for line in workbook.worksheets[0].iter_rows(values_only=True) for cell in line]
    if row.organization not in values:
        raise AssertionError(f"the .xlsx lacks the organization {row.organization!r}")
    return f"Excel: ranking .xlsx written ({len(data) // 1024} KB, {len(workbook.worksheets)} sheets) and read back"


def check_signature() -> str:
    """Signs and verifies as finalizing and consolidating do (cryptography's Ed25519)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from core.trust.keys import public_key_hex
    from core.trust.signing import SignatureError, check_signature, sign

    key = Ed25519PrivateKey.generate()
    public = public_key_hex(key)
    content = "Биелэлтийн нийт дүн: 80,9".encode()
    check_signature(public, sign(key, content), content)
    try:
        check_signature(public, sign(key, content), content + b" ")
    except SignatureError:
        return "Ed25519 signature made and checked; a changed content is refused"
    raise AssertionError("a signature of other content was accepted")


def check_evidence() -> str:
    """A phone photo as evidence: recognised by content, shrunk upright (Pillow), shown upright (Qt's JPEG reader)."""
    import io

    from PIL import Image

    from core.report.evidence.content import recognise_bytes
    from gui.evidence.pictures import read_picture

    photo = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways, "turn 90° clockwise to show"
    Image.new("RGB", (320, 240), (30, 120, 200)).save(photo, "JPEG", exif=exif.tobytes())
    data = photo.getvalue()
    kind = recognise_bytes(data)
    image = read_picture(data)
    if image is None or (image.width(), image.height()) != (240, 320):
        raise AssertionError(f"the photo was not shown upright ({None if image is None else image.size()})")
    return f"a {kind} photo recognised by its content and shown upright ({image.width()} x {image.height()})"


def check_consolidation_window(app, tmp: Path) -> str:
    """The aimag's window on a new consolidation file: ranking table, chart, panels."""
    from gui.consolidation.window import ConsolidationWindow

    window = ConsolidationWindow(tmp / "aimag.tailan")
    try:
        window.show()
        app.processEvents()
        if not window.isVisible() or window.model.rowCount() != 0:
            raise AssertionError("the consolidation window did not show its empty ranking")
        xlsx = window.xlsx_button.isVisibleTo(window)
        if not xlsx:
            raise AssertionError("the window hides its .xlsx export (openpyxl missing)")
        title = window.windowTitle()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"consolidation window shown offscreen: «{title}»"
