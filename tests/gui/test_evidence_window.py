"""Evidence in the window (issue 22): attach by button or by dropping files, see, save, remove, undo.

Real widgets, real files (the camera-like photo with EXIF orientation, the scanned
PDF, LibreOffice's Word and Excel files), a recording prompter for the dialogs.
"""

from __future__ import annotations


from evidence_files import EXCEL, PHOTO, SCAN, WORD, png_declaring, sha256
from helpers import digest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton

from core.report.evidence import limits
from core.storage import ReportFile
from gui.evidence.panel import EvidenceRole
from gui.evidence.pictures import read_picture


def select_measure(window, number):
    measure = window.doc.report.find_measure(number)[0]
    window.select_item(measure.id)
    return measure


def panel_of(window):
    return window.forms["measure"].evidence


def listed(window) -> list[str]:
    items = window.findChild(QListWidget, "evidenceList")
    return [items.item(i).data(EvidenceRole).name for i in range(items.count())]


def stored(path, number):
    with ReportFile.open(path, read_only=True) as rf:
        return [(e.name, e.sha256) for e in rf.load_report(rf.resolve_report_id(None)).find_measure(number)[0].evidence]


def test_attach_by_the_button_lists_each_file_and_undo_takes_the_batch_off(window, prompter, sample_path, qtbot):
    select_measure(window, "1.1")
    prompter.answers["open_paths"] = [[str(PHOTO), str(SCAN), str(WORD), str(EXCEL)]]
    qtbot.mouseClick(window.findChild(QPushButton, "attachEvidenceButton"), Qt.LeftButton)
    assert listed(window) == [PHOTO.name, SCAN.name, WORD.name, EXCEL.name]
    items = window.findChild(QListWidget, "evidenceList")
    assert "JPEG" in items.item(0).text() and limits.size_text(PHOTO.stat().st_size) in items.item(0).text()
    assert stored(sample_path, "1.1") == [(p.name, sha256(p)) for p in (PHOTO, SCAN, WORD, EXCEL)]
    total = sum(p.stat().st_size for p in (PHOTO, SCAN, WORD, EXCEL))
    assert limits.size_text(total) in window.findChild(QLabel, "evidenceTotal").text()
    qtbot.waitUntil(lambda: bool(panel_of(window)._thumbnails), timeout=3000)
    picture = panel_of(window)._thumbnails[sha256(PHOTO)]
    assert picture.height() > picture.width()  # 1600 x 1200 taken upright: shown upright
    window.actions_.do_undo()
    assert listed(window) == [] and stored(sample_path, "1.1") == []
    window.actions_.do_redo()  # the bytes are still in the file: no original needed
    assert stored(sample_path, "1.1") == [(p.name, sha256(p)) for p in (PHOTO, SCAN, WORD, EXCEL)]


def test_remove_is_undoable(window, prompter, sample_path, qtbot):
    select_measure(window, "1.1")
    prompter.answers["open_paths"] = [[str(PHOTO), str(SCAN)]]
    panel_of(window).attach()
    items = window.findChild(QListWidget, "evidenceList")
    items.setCurrentRow(0)
    qtbot.mouseClick(window.findChild(QPushButton, "removeEvidenceButton"), Qt.LeftButton)
    assert stored(sample_path, "1.1") == [(SCAN.name, sha256(SCAN))]
    window.actions_.do_undo()
    assert [n for n, _ in stored(sample_path, "1.1")] == [PHOTO.name, SCAN.name]


def _drop(widget, point: QPoint, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    for kind in (QDropEvent.Type.DragEnter, QDropEvent.Type.DragMove):
        from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

        cls = QDragEnterEvent if kind == QDropEvent.Type.DragEnter else QDragMoveEvent
        event = cls(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(widget, event)
    drop = QDropEvent(QPointF(point), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, drop)


def test_files_dropped_on_a_measure_in_the_tree_are_attached_to_it(window, sample_path, qtbot):
    select_measure(window, "1.1")
    target = window.doc.report.find_measure("2.1")[0]
    rect = window.tree.visualRect(window.model.index_of(target.id, 1))
    _drop(window.tree.viewport(), rect.center(), [PHOTO, EXCEL])
    qtbot.waitUntil(lambda: len(stored(sample_path, "2.1")) == 2, timeout=3000)
    assert window.current_item_id() == target.id and listed(window) == [PHOTO.name, EXCEL.name]


def test_files_dropped_on_the_form_and_refused_ones_named(window, prompter, sample_path, tmp_path, qtbot):
    select_measure(window, "1.2")
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a PDF")
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_declaring(60_000, 60_000))
    panel = panel_of(window)
    _drop(panel, QPoint(5, 5), [fake, WORD, huge])
    qtbot.waitUntil(lambda: len(stored(sample_path, "1.2")) == 1, timeout=3000)
    (info,) = [c for c in prompter.calls if c[0] == "info"]
    assert "notes.pdf" in info[2] and "huge.png" in info[2] and "60000 x 60000" in info[2]


def test_a_large_photo_is_shrunk_when_the_officer_says_so(window, prompter, sample_path, tmp_path):
    from PIL import Image

    big = tmp_path / "big.jpg"
    with Image.open(PHOTO) as photo:
        exif = photo.getexif()
        photo.resize((3200, 2400)).save(big, "JPEG", quality=95, exif=exif.tobytes())
    before = digest(big)
    select_measure(window, "1.1")
    prompter.answers["confirm"] = [True]
    prompter.answers["open_paths"] = [[str(big)]]
    panel_of(window).attach()
    assert [c[0] for c in prompter.calls].count("confirm") == 1
    (name, digest_hex), = stored(sample_path, "1.1")
    assert name == "big.jpg" and digest_hex != sha256(big) and digest(big) == before
    with ReportFile.open(sample_path, read_only=True) as rf:
        data = b"".join(rf.file_chunks(digest_hex))
    import io

    with Image.open(io.BytesIO(data)) as shrunk:
        assert shrunk.size == (1500, 2000)  # upright, 2000 on its long side
        assert shrunk.getexif().get(0x0112) == 1


def test_the_total_warns_before_the_limit(window, prompter, monkeypatch):
    monkeypatch.setattr(limits, "MAX_REPORT_BYTES", 200_000)
    select_measure(window, "1.1")
    prompter.answers["open_paths"] = [[str(SCAN), str(PHOTO)]]
    panel_of(window).attach()
    total = window.findChild(QLabel, "evidenceTotal")
    assert "Nearly" in total.text() or "ойрт" in total.text() or "хязгаар" in total.text()
    assert "#9a5b00" in total.styleSheet()
    assert any(c[0] == "info" and limits.size_text(200_000) in c[2] for c in prompter.calls)


def test_save_a_copy_writes_identical_files(window, prompter, tmp_path):
    select_measure(window, "1.1")
    prompter.answers["open_paths"] = [[str(WORD), str(EXCEL)]]
    panel_of(window).attach()
    window.findChild(QListWidget, "evidenceList").selectAll()
    out = tmp_path / "copies"
    out.mkdir()
    prompter.answers["choose_folder"] = [str(out)]
    written = panel_of(window).save_selected()
    assert sorted(p.name for p in written) == [EXCEL.name, WORD.name]
    assert (out / WORD.name).read_bytes() == WORD.read_bytes()


def test_pictures_are_decoded_within_a_limit():
    assert read_picture(png_declaring(60_000, 60_000)) is None
    image = read_picture(PHOTO.read_bytes())
    assert (image.width(), image.height()) == (1200, 1600)  # stored 1600 x 1200, EXIF: turn it upright
    floor, wall = image.pixelColor(600, 1550), image.pixelColor(600, 60)
    assert floor.red() > floor.blue() and wall.blue() > wall.red()  # turned the right way: the floor below
    small = read_picture(PHOTO.read_bytes(), 100)
    assert max(small.width(), small.height()) <= 100


def test_the_reviewer_sees_pictures_inside_tailan_and_only_saves_other_files(qtbot, tmp_path, monkeypatch):
    from generate import consolidate_trusted
    from soums import Soum, aimag_pc
    from test_consolidation import FolderPrompter

    from core.report.evidence.attaching import attach_paths
    from gui.consolidation.window import ConsolidationWindow

    soum = Soum(tmp_path, monkeypatch, "narii").start("Нарийнтээл сум")
    with ReportFile.open(soum.file) as rf:
        report = rf.load_report(rf.resolve_report_id(None))
        attach_paths(rf, report, report.find_measure("1.1")[0], [PHOTO, SCAN])
    sent = soum.finalize().send()
    db = aimag_pc(tmp_path, monkeypatch)
    consolidate_trusted([sent], db)
    prompter = FolderPrompter()
    cwin = ConsolidationWindow(db, prompter=prompter)
    qtbot.addWidget(cwin)
    cwin.refresh()
    report_window = cwin.open_report(cwin.rows[0])  # deletes itself on close
    assert report_window.doc.received and report_window.doc.read_only
    select_measure(report_window, "1.1")
    items = report_window.findChild(QListWidget, "evidenceList")
    open_button = report_window.findChild(QPushButton, "openEvidenceButton")
    assert not report_window.findChild(QPushButton, "attachEvidenceButton").isEnabled()
    items.setCurrentRow(1)  # the PDF: never opened by another program from here
    assert not open_button.isEnabled()
    assert panel_of(report_window).open_selected() is None  # even when asked: saved, not opened
    assert any(c[0] == "info" for c in prompter.calls)
    items.setCurrentRow(0)  # the photo: shown inside Tailan, upright
    assert open_button.isEnabled()
    dialog = panel_of(report_window).open_selected()
    assert dialog.isVisible() and dialog.shown.height() > dialog.shown.width()
    dialog.close()
    # a remark pointing at a file the reviewer could not read
    panel = cwin.review_panel
    measure = panel.measure
    measure.setCurrentIndex(measure.findData("1.1."))
    evidence = panel.evidence
    evidence.setCurrentIndex(evidence.findData("unreadable:scan.pdf"))
    assert panel.add_remark()
    from core.aimag.remarks import current_submission, remarks_for

    with ReportFile.open(db, read_only=True) as rf:
        (remark,) = remarks_for(rf, current_submission(rf, "Нарийнтээл сум")[1])
    assert remark.measure == "1.1." and "scan.pdf" in remark.text and sha256(SCAN)[:8] in remark.text
    report_window.close()


def test_open_outside_is_refused_for_a_received_report(window, prompter):
    from gui.evidence import flow

    select_measure(window, "1.1")
    prompter.answers["open_paths"] = [[str(SCAN)]]
    panel_of(window).attach()
    window.doc.received = True
    evidence = window.doc.report.find_measure("1.1")[0].evidence[0]
    assert flow.open_outside(window.doc, evidence) is None
    assert any("never opened" in c[2] or "нээхгүй" in c[2] or "нээдэггүй" in c[2] for c in prompter.calls if c[0] == "info")
