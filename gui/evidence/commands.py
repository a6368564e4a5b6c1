"""Attaching and removing evidence as undo commands: one step per file, one command per act.

Attaching a batch is one undo step; undoing it takes the files off again (their
bytes stay in the file until it is next opened, so redo finds them without the
originals). Removing a file is undone by putting it back where it was.
"""

from __future__ import annotations

from core.report.model import Evidence
from gui.commands import StepsCommand
from gui.i18n import tr


class AttachStep:
    """Attaches one prepared file to a measure; undone by taking it off."""

    def __init__(self, measure_id: str, index: int, prepared, evidence: Evidence):
        self.measure_id, self.index, self.prepared, self.evidence = measure_id, index, prepared, evidence

    def do(self, doc) -> None:
        self.index = doc.apply_attach(self.measure_id, self.index, self.prepared, self.evidence)

    def undo(self, doc) -> None:
        doc.apply_detach(self.evidence.id)


class DetachStep:
    """Takes one file off its measure; undone by attaching it back at its place."""

    def __init__(self, evidence_id: str):
        self.evidence_id = evidence_id
        self.measure_id, self.index, self.evidence = "", 0, None

    def do(self, doc) -> None:
        self.measure_id, self.index, self.evidence = doc.apply_detach(self.evidence_id)

    def undo(self, doc) -> None:
        doc.apply_attach(self.measure_id, self.index, None, self.evidence)


def attach_files(doc, measure_id: str, ready: list) -> StepsCommand | None:
    """One undo step attaching ``ready`` (prepared files, checked against the bounds) at the end of the measure."""
    if not ready:
        return None
    start = len(doc.items[measure_id].evidence)
    steps = [AttachStep(measure_id, start + offset, prepared, prepared.evidence()) for offset, prepared in enumerate(ready)]
    text = tr("Attach {0}").format(ready[0].name) if len(ready) == 1 else tr("Attach {0} files").format(len(ready))
    return StepsCommand(doc, text, steps, select_id=measure_id)


def remove_evidence(doc, measure_id: str, evidence: Evidence) -> StepsCommand:
    """One undo step taking ``evidence`` off its measure."""
    return StepsCommand(doc, tr("Remove {0}").format(evidence.name), [DetachStep(evidence.id)], select_id=measure_id)
