"""``ReportFile``: one open Tailan file, made of its jobs (opening, reading, editing, the change log)."""

from __future__ import annotations

from core.storage.attachments import AttachmentsMixin
from core.storage.change_log import ChangeLogMixin
from core.storage.editing import EditingMixin
from core.storage.opening import OpenFile
from core.storage.reading import ReadingMixin


class ReportFile(OpenFile, ReadingMixin, EditingMixin, ChangeLogMixin, AttachmentsMixin):
    """One open Tailan file: reports, their edits, their evidence and the change log.

    Open with ``ReportFile.open(path)`` or ``ReportFile.create(path)``; every edit runs
    in ``transaction()`` and appends to the change log (``log_change``). The aimag's
    tables and the soum's receipts have their own modules in ``core.storage``, whose
    functions take the open file.
    """
