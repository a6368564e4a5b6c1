"""The names of things that change, as enums: kinds of items and operations of the change log.

They are ``StrEnum``s: each member *is* its string (``ItemKind.MEASURE == "measure"``), so
what is stored in files, printed in logs and sent as JSON stays exactly as before,
while the code names them once, here, instead of repeating bare strings.
"""

from __future__ import annotations

from enum import StrEnum


class ItemKind(StrEnum):
    """What an edit or a log entry is about."""

    REPORT = "report"
    GOAL = "goal"
    MEASURE = "measure"
    SIGNATORY = "signatory"


class LogOp(StrEnum):
    """The change log's ``field`` for acts that are not a field edit."""

    INSERT = "(insert)"
    DELETE = "(delete)"
    MOVE = "(move)"
    FINALIZE = "(finalize)"
    REOPEN = "(reopen)"
    RECEIVED = "(received)"
    RECEIPT = "(receipt)"
    ACCEPT = "(accept)"
    RETIRE = "(retire)"
    WAITING = "(waiting)"
    DECIDE = "(decide)"
