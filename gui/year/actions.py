"""The year in the soum's window: the next report in one step, the aimag's call, the notice of a rejection.

File -> "New half-year report from this plan…" and "New annual report from this half-year
report…" make the next report of the year in a new file (``core.report.next_report``;
the evidence comes along, ``core.sending.next_file``) and open it; "Next year's plan from
this report…" is the File menu's carry-forward (``gui.actions``). File -> "Open the
aimag's call…" checks the call in core; the first call of an aimag shows its key's code to
compare with the aimag's letter (through the prompter); with a report open the call is
kept with it and its aimag's name filled in as an ordinary, undoable edit; with none (the
start page) it is remembered on this PC. Above the forms a line shows the call's
deadline and the days left, and another the aimag's notice of a rejection with what to
do next.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from core.errors import TailanError
from core.report.kinds import ItemKind
from core.report.model import Period
from core.report.next_report import next_report
from core.sending.call import open_on_pc, read_call
from core.trust.aimag_keys import accepted_keys
from gui import files
from gui.acts import act
from gui.commands import SetFieldCommand
from gui.files import FILE_FILTER
from gui.i18n import tr
from gui.qactions import new_action
from gui.receipt_view import accepts_answer_key
from gui.year.words import call_line

CALL_STYLE = "QLabel { background: #e8f0fe; color: #174ea6; padding: 6px; }"
LATE_STYLE = "QLabel { background: #fde7e9; color: #8a1c1c; padding: 6px; font-weight: bold; }"
NOTICE_STYLE = "QLabel { background: #fde7e9; color: #8a1c1c; padding: 6px; }"


def notice_line(notice, report) -> str:
    """The rejection, its reason and what to do next, as the officer reads it."""
    if report.is_final and report.revision == notice.revision:
        step = tr("Reopen the report for changes (File → Reopen for changes), fix what the reason says, finalize, "
                  "print, have it signed and send it to the aimag again.")
    else:
        step = tr("Fix what the reason says, then finalize, print, have it signed and send it to the aimag again.")
    return tr("{0} aimag rejected revision {1} (decided {2}). Reason: {3}\nWhat to do now: {4}").format(
        notice.aimag, notice.revision, notice.decided_at[:10], notice.reason, step)


class CallAimagCommand(SetFieldCommand):
    """The aimag's name the call brings: never merged with the typing before it (undo takes it alone)."""

    def id(self) -> int:
        return -1


class YearActions:
    """The year's File menu entries and the call and notice lines above the forms."""

    def __init__(self, window):
        self.w = window
        self.next_half_year = new_action(self.w, tr("New half-year report from this plan…"),
                                           lambda: self.make_next(Period.HALF_YEAR), "nextHalfYearAction")
        self.next_annual = new_action(self.w, tr("New annual report from this half-year report…"),
                                        lambda: self.make_next(Period.ANNUAL), "nextAnnualAction")
        self.open_call_action = new_action(self.w, tr("Open the aimag's call…"), self.open_call, "openCallAction")
        menu = window.actions_.file_menu
        carry = window.actions_.carry
        menu.insertActions(carry, [self.next_half_year, self.next_annual])
        menu.insertAction(window.receipts.open, self.open_call_action)
        right = window.banner.parentWidget().layout()
        self.call_label = self._line("callBanner", CALL_STYLE)
        self.notice_label = self._line("noticeBanner", NOTICE_STYLE)
        right.insertWidget(right.indexOf(window.banner) + 1, self.call_label)
        right.insertWidget(right.indexOf(window.banner) + 1, self.notice_label)
        self._doc = None
        self.document_shown()

    @staticmethod
    def _line(name: str, style: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.hide()
        return label

    # ------------------------------------------------------------ state
    def document_shown(self) -> None:
        """Called by the window whenever it shows another document (or none)."""
        doc = self.w.doc
        if doc is not None and doc is not self._doc:
            doc.callChanged.connect(self.refresh)
            doc.receiptChanged.connect(self.refresh)
            doc.changed.connect(lambda *_: self.refresh_enabled())
        self._doc = doc
        self.refresh()

    def refresh_enabled(self) -> None:
        doc = self.w.doc
        period = doc.report.period if doc is not None else None
        self.next_half_year.setEnabled(period is Period.PLAN)
        self.next_annual.setEnabled(period is Period.HALF_YEAR)
        self.open_call_action.setEnabled(doc is None or not doc.file_read_only)

    def refresh(self) -> None:
        doc = self.w.doc
        self.refresh_enabled()
        call = doc.call if doc is not None else None
        self.call_label.setVisible(call is not None)
        if call is not None:
            self.call_label.setText(call_line(call))
            self.call_label.setStyleSheet(LATE_STYLE if call.days_left() < 0 else CALL_STYLE)
        notice = doc.notice if doc is not None else None
        self.notice_label.setVisible(notice is not None)
        if notice is not None:
            self.notice_label.setText(notice_line(notice, doc.report))
        if doc is not None:
            self.w.problems.refresh()  # a call changes what differs from it

    # ------------------------------------------------------------- acts
    def make_next(self, period: Period) -> bool:
        """The next report of the year in a new file where the user says, then opened."""
        doc = self.w.doc
        if doc is None or not self.w.flush():
            return False
        report = next_report(doc.report, period)
        titles = {Period.HALF_YEAR: tr("Half-year report: where to keep the file"),
                  Period.ANNUAL: tr("Annual report: where to keep the file"),
                  Period.PLAN: tr("Next year's plan: where to keep the file")}
        path = self.w.prompter.save_path(titles[period], files.suggested_name(report, self.w.actions_._folder()),
                                         FILE_FILTER)
        chosen = files.choose_target(self.w, path) if path else None
        if chosen is None:
            return False
        target = act(self.w, tr("The file was not created"),
                     lambda: files.write_new_file(chosen, report, source=doc.rf))
        return self.w.open_file(target) if target is not None else False

    def open_call(self) -> bool:
        """File → Open the aimag's call…: checked, its key compared once, kept with the report (or on this PC)."""
        doc = self.w.doc
        folder = str(self.w.actions_._folder())  # beside the report, never in the data folder
        path = self.w.prompter.open_path(tr("Open the aimag's call"), folder,
                                         tr("Aimag's call (*.tailan-call);;All files (*)"))
        if not path:
            return False
        try:
            call = read_call(path)
        except TailanError as exc:
            self.w.prompter.error(tr("The call was not taken"), exc.message)
            return False
        accept_key = False
        if not accepted_keys(call.aimag):
            accept_key = self.w.prompter.confirm(
                tr("The aimag's key"),
                tr("This is the first call of {0} aimag on this computer. Its key code is {1}. Compare it with "
                   "the code in the aimag's letter: accept the key only if they are the same.").format(
                    call.aimag, call.key_code),
                tr("The codes are the same: accept"), tr("Cancel"))
            if not accept_key:
                return False
        if doc is None or doc.file_read_only:
            taken = act(self.w, tr("The call was not taken"), lambda: open_on_pc(path, accept_key=accept_key))
            if taken is not None:
                self.w.start_page.refresh_calls()
            return taken is not None
        kept = act(self.w, tr("The call was not taken"), lambda: doc.keep_call(path, accept_key=accept_key))
        if kept is None:
            return False
        if doc.report.aimag != kept.aimag and not doc.read_only:  # an ordinary edit: one undo step of its own
            self.w.actions_.push(CallAimagCommand(doc, ItemKind.REPORT, doc.report.id, "aimag", kept.aimag))
        self.w.statusBar().showMessage(call_line(kept), 10000)
        return True

    def open_notice(self, path: str) -> bool:
        """The aimag's notice of a rejection (opened as its answer): checked, its key compared once, kept."""
        from core.sending.notice import read_notice

        doc = self.w.doc
        try:
            notice = read_notice(path)
        except TailanError as exc:
            self.w.prompter.error(tr("The answer was not taken"), exc.message)
            return False
        accept_key = not accepted_keys(notice.aimag)
        if accept_key and not accepts_answer_key(self.w.prompter, notice.aimag, notice.aimag_key_code):
            return False
        kept = act(self.w, tr("The answer was not taken"), lambda: doc.keep_notice(path, accept_key=accept_key))
        if kept is None:
            return False
        self.w.statusBar().showMessage(tr("{0} aimag rejected revision {1}.").format(kept.aimag, kept.revision), 10000)
        return True
