"""What one step of an edit changed, as the document tells its views, and whether it is saved.

``Document`` announces each change twice (``aboutToChange``, ``changed``) with a ``Change``;
the tree, the forms and the status bar read its ``op`` and refresh only what they must.
``SaveState`` is what the status bar says of the last edit. They are importable from
``gui.document`` too, where they are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.report.kinds import ItemKind


class ChangeOp(StrEnum):
    """What one step did to the report, as the views are told (``Change.op``)."""

    FIELD = "field"
    INSERT = "insert"
    REMOVE = "remove"
    MOVE = "move"


class SaveState(StrEnum):
    """Whether the last edit is on disk, as the status bar says (``saveStateChanged``)."""

    SAVED = "saved"
    SAVING = "saving"
    PENDING = "pending"  # typing not yet committed
    FAILED = "failed"


@dataclass(frozen=True)
class Change:
    """What one step changed, for the views."""

    op: ChangeOp
    kind: str = ItemKind.REPORT
    item_id: str = ""
    field: str = ""
    parent_id: str = ""
    index: int = -1
    to_parent_id: str = ""
    to_index: int = -1
