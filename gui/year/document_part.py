"""The document's answers from the aimag and its call: read from the file, kept through core.

A part of ``gui.document.Document``. The aimag's latest answer kept with the report is a
receipt (``receipt``) or a notice of a rejection (``notice``), shown while it still
speaks to the report's revision; the call (``call``) is the one the report answers.
Keeping either is an act of core (``core.sending.call``, ``core.sending.notice``), not an
undoable edit; the aimag's name a call brings is filled in by the window as an ordinary
edit (``gui.year.actions``).
"""

from __future__ import annotations

from pathlib import Path

from core.aimag.receipt import in_force, kept_receipt
from core.sending import notice as notices
from core.sending.call import kept_call, open_call


class YearDocumentPart:
    """The answers and the call of ``Document`` (uses ``rf``, ``report`` and its signals)."""

    receipt = None
    notice = None
    call = None

    def load_answers(self) -> None:
        """The receipt or notice in force, and the call, as the file keeps them."""
        receipt = kept_receipt(self.rf, self.report.id)
        self.receipt = receipt if in_force(self.report, receipt) else None
        notice = notices.kept_notice(self.rf, self.report.id)
        self.notice = notice if notices.in_force(self.report, notice) else None
        self.call = kept_call(self.rf, self.report.id)

    def keep_call(self, path: str | Path, accept_key: bool = False):
        """Checks the aimag's call against this report and keeps it (core); the aimag's name is the window's edit."""
        call = open_call(self.rf, path, accept_key=accept_key, report_id=self.report.id, fill_aimag=False)
        self.call = call
        self.callChanged.emit()
        return call

    def keep_notice(self, path: str | Path, accept_key: bool = False):
        """Checks the aimag's notice of a rejection against this report and keeps it (core)."""
        notice = notices.open_notice(self.rf, path, accept_key=accept_key, report_id=self.report.id)
        self.notice, self.receipt = notice, None
        self.receiptChanged.emit()
        return notice
