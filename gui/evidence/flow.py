"""Attaching files in the window, and getting them out again: the one way for the menu, the button and a drop.

Files are read and recognised first (core: by content, within the bounds); large
photos are offered shrinking once for the whole batch (the originals are never
changed); what fits is attached as one undo step; each refused file is named with
its reason. Files leave the report only by a copy written where the user chose, or
(on the soum's own PC, never in the reviewer's view of a received report) by a copy
in a temporary folder opened with the program the PC uses for its type.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from core.errors import TailanError
from core.report.evidence import limits
from core.report.evidence.attaching import check_room, prepare, prepare_all
from core.report.evidence.content import EvidenceRefused
from core.report.evidence.photos import worth_shrinking
from core.report.kinds import EvidenceType
from gui.evidence.commands import attach_files, remove_evidence
from gui.i18n import tr


def file_filter() -> str:
    """The file dialog's filter: the five kinds of evidence, or any file (recognised by content anyway)."""
    return tr("Photos, scans and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx);;All files (*)")


class _Busy:
    """A wait cursor while files are read and hashed (a batch of large photos takes a moment)."""

    def __enter__(self):
        QApplication.setOverrideCursor(Qt.WaitCursor)

    def __exit__(self, *exc):
        QApplication.restoreOverrideCursor()


def choose_and_attach(doc, measure_id: str, folder: str = "") -> str | None:
    """"Attach evidence…": the file dialog, then ``attach_paths``."""
    paths = doc.prompter.open_paths(tr("Attach evidence to measure {0}").format(doc.items[measure_id].number),
                                    folder, file_filter())
    return attach_paths(doc, measure_id, paths) if paths else None


def attach_paths(doc, measure_id: str, paths: list) -> str | None:
    """Attaches what can be attached of ``paths`` to a measure (one undo step), says what was refused;
    returns a line for the status bar, or ``None`` when nothing was attached."""
    prompter = doc.prompter
    measure = doc.items.get(measure_id)
    if doc.read_only or measure is None:
        prompter.error(tr("Attach evidence"), doc.read_only_reason or tr("Select a measure first."))
        return None
    with _Busy():
        batch = prepare_all(paths)
    large = [p for p in batch.ready if p.type is EvidenceType.JPEG and worth_shrinking(p.size, p.width, p.height)]
    if large and prompter.confirm(
        tr("Large photos"),
        tr("{0} of the photos are large ({1} together). Shrink them to {2} pixels before attaching? The report "
           "stays small enough for a USB stick and e-mail; the original files are not changed.").format(
            len(large), limits.size_text(sum(p.size for p in large)), limits.SHRINK_TO_SIDE),
        tr("Shrink"), tr("Keep as they are"),
    ):
        with _Busy():
            batch.ready = [_shrunk(p, batch) if p in large else p for p in batch.ready]
            batch.ready = [p for p in batch.ready if p is not None]
    batch = check_room(doc.rf, doc.report, measure, batch)
    command = attach_files(doc, measure_id, batch.ready)
    if command is not None and not doc.push_edit(command):
        return None
    _tell(doc, batch)
    if not batch.ready:
        return None
    total = doc.evidence_bytes()
    if total > limits.WARN_SHARE * limits.MAX_REPORT_BYTES:
        prompter.info(tr("Evidence nearly at its limit"), tr(
            "The report's evidence is now {0} of at most {1}. Shrink photos or attach fewer files, so the "
            "report still fits.").format(limits.size_text(total), limits.size_text(limits.MAX_REPORT_BYTES)))
    return tr("Attached {0} files to measure {1}; the report's evidence: {2}.").format(
        len(batch.ready), measure.number, limits.size_text(total))


def _shrunk(prepared, batch):
    try:
        return prepare(prepared.source, shrink=True)
    except EvidenceRefused:
        return prepared  # the photo could not be shrunk: it is attached as it is


def _tell(doc, batch) -> None:
    lines = [r.describe() for r in batch.refused]
    lines += [tr("«{0}»: already attached to this measure").format(name) for name in batch.already]
    if not lines:
        return
    text = tr("These files were not attached:") + "\n" + "\n".join(lines[:20])
    if len(lines) > 20:
        text += "\n" + tr("… and {0} more").format(len(lines) - 20)
    if batch.refused:
        text += "\n\n" + tr("Evidence is a photo or scan (JPEG, PNG), a PDF, a Word (.docx) or an Excel (.xlsx) file, "
                            "at most {0} each.").format(limits.size_text(limits.MAX_FILE_BYTES))
    doc.prompter.info(tr("Attach evidence"), text)


def remove(doc, measure_id: str, evidence) -> bool:
    """Takes a file off its measure (one undo step; the original file elsewhere is not touched)."""
    return doc.push_edit(remove_evidence(doc, measure_id, evidence))


def save_copies(doc, evidence: list, folder_hint: str = "") -> list[Path]:
    """Writes files into a folder the user chooses; returns what was written (or found there already)."""
    if not evidence:
        return []
    folder = doc.prompter.choose_folder(tr("Where to save the evidence"), folder_hint)
    if not folder:
        return []
    try:
        written = doc.write_evidence(evidence, folder)
    except TailanError as exc:
        doc.prompter.error(tr("The evidence was not saved"), exc.message)
        return []
    return [path for path, _ in written]


def open_outside(doc, evidence) -> Path | None:
    """A document opened with the PC's own program, from a copy in a temporary folder; never in the
    reviewer's view of a received report (there it is saved to a folder the reviewer chooses)."""
    if doc.received:
        doc.prompter.info(tr("Open"), tr("Files of a received report are never opened from Tailan. Save a copy to "
                                         "a folder and open it from there."))
        return None
    try:
        (path, _), = doc.write_evidence([evidence], tempfile.mkdtemp(prefix="tailan-evidence-"))
    except TailanError as exc:
        doc.prompter.error(tr("The file was not opened"), exc.message)
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
