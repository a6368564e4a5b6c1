"""The Tailan file on disk, and all of the program's SQL: no other package runs a statement.

One ``ReportFile`` is one open SQLite file. Its own jobs are parts of the one class:

- ``opening`` — opens and creates files after checking them (``filecheck``: header,
  application id, schema version, integrity), never creates or changes a file it
  refuses, opens files on read-only media read-only with a message, upgrades older
  files after a backup (``schema``, ``migrations``), holds the one-writer lock
  (``filelock``), and gives the **transaction** every write goes through;
- ``reading`` — the reports of a file, one report as plain data;
- ``editing`` — whole reports, one field of one item, and the ordered items (goals,
  measures, signatories), all through one table-driven helper;
- ``change_log`` — the change log, appended to by every write, and its words.

The other tables have a module each, whose functions take the open file: the aimag's
register (``aimag_register``), its received ``submissions``, the reviewer's
``decisions`` and ``remarks``, and the ``receipts`` a soum keeps. ``received`` holds the
statements that check a file from elsewhere in memory. Every public write opens its
own transaction (a savepoint inside the caller's), so a crash leaves either the whole
write or none of it, and logs what it changed (when, which item, which field, old
value, new value). Edits return what they applied and what is needed to reverse them,
which the window's undo commands use.
"""

from __future__ import annotations

from core.storage.clock import now_iso
from core.storage.editing import EDITABLE_FIELDS, ORDERED, TABLE_OF_KIND, OrderedTable
from core.storage.file import ReportFile
from core.storage.reading import ReportInfo

__all__ = ["EDITABLE_FIELDS", "ORDERED", "OrderedTable", "ReportFile", "ReportInfo", "TABLE_OF_KIND", "now_iso"]
