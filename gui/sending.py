"""Sending upward from the soum's window: finalize, reopen for changes, send to the aimag.

These are not undoable edits: core logs each one as an explicit act (``(finalize)``,
``(reopen)``) and reopening starts a new revision. So after finalizing or reopening
the window drops the document and opens the file again: a fresh ``Document`` with an
empty undo stack, so no undo can try to edit a finalized report (nor undo a reopen),
and the forms are read-only exactly when the report is finalized.

The entries stand in the File menu; ``MainWindow`` creates ``SendingActions`` and calls
``document_shown()`` whenever it shows another document. The consolidation window of
the aimag is opened from here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from core.errors import TailanError
from core.trust.fingerprint import short_code
from gui import files
from gui import settings as app_settings
from gui.acts import act, explain, why_read_only, write_to_chosen
from gui.document import Document
from gui.files import FILE_FILTER
from gui.i18n import tr
from gui.qactions import new_action
from gui.start_page import in_data_folder, picker_folder

FINAL_BANNER_STYLE = "QLabel { background: #e6f4ea; color: #1e4620; padding: 6px; }"
SEND_FOLDER_KEY = "sending/lastFolder"


def finalized_banner(doc: Document, window=None) -> str:
    """``Finalized: revision N, fingerprint XXXX-XXXX-XXXX-XXXX``, the next steps (print, sign,
    send) by the names of their menu entries, and how to change it."""
    report = doc.report
    text = tr("Finalized: revision {0}, fingerprint {1}.").format(report.revision, short_code(report.fingerprint or ""))
    if doc.file_read_only:
        return text + " " + (doc.file_read_only_reason or tr("This file is open read-only; nothing can be changed."))
    if window is not None:
        file_menu = plain(window.actions_.file_menu.title())
        text += " " + tr("Next: print it ({0} → {1}), have it signed and stamped, then {0} → {2} writes the file "
                         "to take to the aimag with the signed paper.").format(
            file_menu, plain(window.actions_.preview.text()), plain(window.sending.send.text()))
    return text + " " + tr("The report is read-only as it was signed; to change it, use File → Reopen for changes.")


def plain(text: str) -> str:
    """A menu's text as the user reads it (without the ``&`` of its key)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class SendingActions:
    """The File menu's Finalize, Reopen for changes, Send to aimag and Aimag consolidation."""

    def __init__(self, window):
        self.w = window
        self.consolidation_window = None
        self._plain_banner_style = window.banner.styleSheet()
        self.finalize = new_action(self.w, tr("Finalize"), self.do_finalize, "finalizeAction")
        self.reopen = new_action(self.w, tr("Reopen for changes"), self.do_reopen, "reopenAction")
        self.send = new_action(self.w, tr("Send to aimag…"), self.do_send, "sendToAimagAction")
        self.consolidation = new_action(self.w, tr("Aimag consolidation…"), self.open_consolidation, "consolidationAction")
        menu = window.actions_.file_menu
        before = window.actions_.settings
        menu.insertActions(before, [self.finalize, self.reopen, self.send])
        menu.insertSeparator(before)
        menu.insertAction(before, self.consolidation)
        self.consolidation.setVisible(window.open_consolidation is not None)
        menu.insertSeparator(before)
        self.document_shown()

    # ------------------------------------------------------------ state
    def document_shown(self) -> None:
        """Enables the entries for the document shown, and says on the banner when it is finalized."""
        doc = self.w.doc
        final = doc is not None and doc.finalized
        writable_file = doc is not None and not doc.file_read_only
        file_reason = why_read_only(doc) if doc is None or doc.file_read_only else ""
        explain(self.finalize, writable_file and not final,
                file_reason or tr("The report is finalized already; it can be sent to the aimag."))
        explain(self.reopen, writable_file and final,
                file_reason or tr("Only a finalized report is reopened; this one can be changed as it is."))
        explain(self.send, final, why_read_only(None) if doc is None else
                tr("Finalize the report first (File → Finalize): only a finalized report can be sent."))
        banner = self.w.banner
        if final:
            banner.setText(finalized_banner(doc, self.w))
            banner.setStyleSheet(FINAL_BANNER_STYLE)
            banner.setVisible(True)
        else:
            banner.setStyleSheet(self._plain_banner_style)

    def _reload(self, select_id: str) -> bool:
        """Shows the file again from disk: a new document, a new (empty) undo stack."""
        doc = self.w.doc
        path, report_id = doc.path, doc.report.id
        self.w.set_document(None)  # closes the old document first: it holds the file's edit lock
        try:
            fresh = Document.open(path, self.w.prompter, report_id=report_id)
        except TailanError as exc:
            self.w.prompter.error(tr("The file was not opened"), exc.message)
            return False
        self.w.set_document(fresh)
        if select_id in fresh.items:
            self.w.select_item(select_id)
        self.w.tree.setFocus(Qt.OtherFocusReason)  # where the user was: keys score, Ctrl+Z undoes
        return True

    # ------------------------------------------------------------ acts
    def do_finalize(self) -> bool:
        doc = self.w.doc
        if doc is None or doc.finalized or doc.file_read_only:
            return False
        if not self.w.flush():
            return False
        if not self._ready(doc):
            return False
        if not self.w.prompter.confirm(
            tr("Finalize"),
            tr("Finalize the report for signature? It becomes read-only and gets its fingerprint, which is "
               "printed on every page. Print it, have it signed, then send the file to the aimag. To change it "
               "later, reopen it: that starts a new revision."),
            tr("Finalize"),
            tr("Cancel"),
        ):
            return False
        selected = self.w.current_item_id()
        notices: list[str] = []
        report = act(self.w, tr("The report was not finalized"), lambda: self._finalize_asking(doc, notices))
        if report is None:
            return False
        self._reload(selected)
        self.w.statusBar().showMessage(" ".join(
            [tr("Finalized: revision {0}, fingerprint {1}.").format(report.revision, short_code(report.fingerprint))]
            + notices), 20000)
        return True

    def _ready(self, doc: Document) -> bool:
        """Checks first (core's rule): when the report cannot be finalized yet, says why and
        shows the first measure without a score, instead of asking a question whose yes fails."""
        from core.report.scoring import unscored
        from core.sending.lifecycle import not_ready

        reason = not_ready(doc.report)
        if not reason:
            return True
        missing = unscored(doc.report)
        if missing:
            self.w.select_item(missing[0].id)
            self.w.keyboard.jump_to_score()
        self.w.prompter.error(tr("Not ready to finalize"), reason)
        return False

    def _finalize_asking(self, doc: Document, notices: list[str]):
        """Finalizes; when this PC has no key for a report signed before, asks before a new one is made."""
        from core.sending.lifecycle import KeyMissingError

        try:
            return doc.finalize(notices=notices)
        except KeyMissingError as exc:
            if not self.w.prompter.confirm(
                tr("No signing key on this computer"),
                exc.message + "\n\n" + tr("Make a new key? The aimag will see a new key code and accept it only "
                                           "after comparing it with the code on the newly signed paper."),
                tr("Make a new key"), tr("Cancel"),
            ):
                return None
            return doc.finalize(new_key=True, notices=notices)

    def do_reopen(self) -> bool:
        doc = self.w.doc
        if doc is None or not doc.finalized or doc.file_read_only:
            return False
        report = doc.report
        if not self.w.prompter.confirm(
            tr("Reopen for changes"),
            tr("Reopen revision {0} for changes? Revision {1} starts: the fingerprint {2} on the signed paper "
               "will no longer describe the file, so the report must be finalized, printed, signed and sent "
               "again. The reopening is written in the file's log.").format(
                report.revision, report.revision + 1, short_code(report.fingerprint or "")),
            tr("Reopen"),
            tr("Cancel"),
        ):
            return False
        selected = self.w.current_item_id()
        reopened = act(self.w, tr("The report was not reopened"), doc.reopen)
        if reopened is None:
            return False
        self._reload(selected)
        self.w.statusBar().showMessage(tr("Reopened for changes: revision {0}.").format(reopened.revision), 10000)
        return True

    def do_send(self) -> Path | None:
        """Writes the submission file where the user chooses (a USB stick), checked as the aimag will."""
        from core.sending.export import submission_file_name

        doc = self.w.doc
        if doc is None:
            return None
        if not doc.finalized:
            self.w.prompter.info(tr("Send to aimag"), tr("Finalize the report first: only a finalized report can be sent."))
            return None
        store = app_settings.settings()
        folder = Path(str(store.value(SEND_FOLDER_KEY, "") or picker_folder(doc.path)))
        if not folder.is_dir() or in_data_folder(folder):
            folder = picker_folder(doc.path)
        target = self.w.prompter.save_path(
            tr("Send to aimag: where to write the file (for example a USB stick)"),
            str(folder / submission_file_name(doc.report)),
            FILE_FILTER,
        )
        chosen = files.choose_target(self.w, target, add_suffix=False) if target else None
        if chosen is None:
            return None
        written = write_to_chosen(self.w, tr("The file for the aimag was not written"), chosen, doc.export_submission)
        if written is None:
            return None
        store.setValue(SEND_FOLDER_KEY, str(written.parent))
        self.w.prompter.info(
            tr("Send to aimag"),
            tr("The file for the aimag was written and checked:\n{0}\n\nFingerprint {1} (as on the printed pages). "
               "Take it to the aimag with the signed paper.").format(written, short_code(doc.report.fingerprint)),
        )
        return written

    def open_consolidation(self, path: str | Path | None = None):
        """The aimag's window (opened by what the window was made with: ``MainWindow.open_consolidation``)."""
        opener = self.w.open_consolidation
        if opener is None:
            return None
        aimag = self.w.doc.report.aimag if self.w.doc is not None else ""  # names the aimag's folder the first time
        window = opener(path, prompter=self.w.shared_prompter, current=self.consolidation_window, aimag=aimag)
        self.consolidation_window = window
        return window
