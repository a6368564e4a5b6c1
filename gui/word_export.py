"""File → Save as Word: the open report as an editable .docx in the printout's layout (core.tables.docx)."""

from __future__ import annotations

from pathlib import Path

from core.storage.filenames import file_name, fits
from gui import files
from gui.acts import write_to_chosen
from gui.i18n import tr

WORD_SUFFIX = ".docx"


def save_as_word(window, folder: Path) -> bool:
    doc = window.doc
    if doc is None:
        return False
    window.flush()
    base = f"{doc.report.organization or 'tailan'} {doc.report.year or ''}".strip().replace("/", "-")
    if not fits(base + WORD_SUFFIX):  # a long organization's name: shortened, unique
        base = file_name([doc.report.organization or "tailan", str(doc.report.year or "")], "", " ")
    path = window.prompter.save_path(tr("Save as Word"), str(folder / f"{base}{WORD_SUFFIX}"),
                                     tr("Word documents (*.docx)"))
    if not path:
        return False
    target = Path(path)
    if target.suffix.lower() != WORD_SUFFIX:
        target = target.with_name(target.name + WORD_SUFFIX)
    if target.resolve() == doc.path.resolve():
        window.prompter.error(tr("The Word file was not written"), tr("Choose another name: this is the report file itself."))
        return False
    chosen = files.choose_target(window, target, add_suffix=False)  # an existing file: asked, kept as a backup
    if chosen is None:
        return False
    from core.tables.docx.writer import export_docx

    def write(where: Path) -> Path:
        export_docx(doc.report, where)
        return where

    if write_to_chosen(window, tr("The Word file was not written"), chosen, write) is None:
        return False
    window.statusBar().showMessage(tr("Word file written: {0}").format(target), 8000)
    return True
