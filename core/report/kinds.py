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
    ATTACH = "(attach)"
    DETACH = "(detach)"


class EvidenceType(StrEnum):
    """The kinds of evidence a measure may carry, recognised by their content (``core.report.evidence``).

    The value is what the file stores, ``attachments --json`` prints and the signature covers.
    """

    JPEG = "jpeg"
    PNG = "png"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"

    @property
    def suffix(self) -> str:
        """The file name ending a file of this type is written with (``.jpg`` for a JPEG)."""
        return ".jpg" if self is EvidenceType.JPEG else f".{self.value}"

    @property
    def label(self) -> str:
        """What the type is called in Mongolian messages and lists."""
        return {"jpeg": "JPEG зураг", "png": "PNG зураг", "pdf": "PDF баримт", "docx": "Word баримт",
                "xlsx": "Excel хүснэгт"}[self.value]

    @property
    def is_picture(self) -> bool:
        """A photo or a scan as a picture: shown inside Tailan, never handed to another program."""
        return self in (EvidenceType.JPEG, EvidenceType.PNG)
