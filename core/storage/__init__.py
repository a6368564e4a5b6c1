"""The Tailan file on disk: opening and checking it, reading it, editing it.

One ``ReportFile`` is one open SQLite file. Its jobs live in three modules, each a
part of the one class:

- ``opening`` — opens and creates files after checking them (header, application id,
  schema version, integrity), never creates or changes a file it refuses, opens files
  on read-only media read-only with a message, upgrades older files after a backup,
  holds the one-writer lock, and gives the **transaction** and the **change log**
  that every edit goes through;
- ``reading`` — the reports of a file, one report as plain data, its change log;
- ``editing`` — whole reports, one field of one item, and the ordered items (goals,
  measures, signatories), all through one table-driven helper.

Every edit is one transaction that changes the data and appends to the change log
(when, which item, which field, old value, new value), so a crash leaves either the
whole edit or none of it, and a reviewer can always see the history. Edits return
what they applied and what is needed to reverse them, which the window's undo
commands use.
"""

from __future__ import annotations

from core.storage.clock import now_iso
from core.storage.editing import EDITABLE_FIELDS, ORDERED, TABLE_OF_KIND, OrderedTable
from core.storage.file import ReportFile
from core.storage.reading import ReportInfo

__all__ = ["EDITABLE_FIELDS", "ORDERED", "OrderedTable", "ReportFile", "ReportInfo", "TABLE_OF_KIND", "now_iso"]
