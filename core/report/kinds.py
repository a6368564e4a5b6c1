"""The kinds of a report's items, as an enum.

A ``StrEnum``: each member *is* its string (``ItemKind.MEASURE == "measure"``), so what is
stored in files (the change log's ``item_kind``), printed and sent as JSON stays exactly
as before, while the code names each kind once. The change log's own words
(``LogOp``, ``RecordKind``) are ``core.storage.change_log``'s.
"""

from __future__ import annotations

from enum import StrEnum


class ItemKind(StrEnum):
    """What an edit or a log entry is about."""

    REPORT = "report"
    GOAL = "goal"
    MEASURE = "measure"
    SIGNATORY = "signatory"
