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
