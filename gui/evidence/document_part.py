"""The document's evidence: attaching and removing (core first, then memory), and reading files back.

A part of ``gui.document.Document``. Like every edit, an evidence edit reaches the file
first (``core.report.evidence.attaching``, ``core.storage.attachments``), then the
report in memory, and is announced as a change of the measure's ``evidence`` field,
so the tree and the form repaint. ``received`` marks the reviewer's window on a soum's
report: there nothing is ever handed to another program (``gui.evidence.panel``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.errors import TailanError
from core.report.kinds import ItemKind
from core.report.model import Evidence

EVIDENCE_FIELD = "evidence"


class EvidenceDocumentPart:
    """The evidence methods of ``Document`` (uses ``rf``, ``items``, ``report`` and ``announce_field``)."""

    #: The reviewer's view of a received report: files are shown or saved, never opened elsewhere.
    received = False

    def apply_attach(self, measure_id: str, index: int, prepared, evidence: Evidence) -> int:
        """Stores (unless stored) and links a file to a measure; returns the index used.

        ``prepared`` may be ``None`` when the bytes are in the file already (a removal undone).
        """
        from core.report.evidence.attaching import attach_prepared

        if prepared is None and not self.rf.has_stored_file(evidence.sha256):
            raise TailanError(f"«{evidence.name}» файлын агуулга тайлангийн файлд алга болсон; эх файлаас нь "
                              "дахин хавсаргана уу.")
        index = attach_prepared(self.rf, measure_id, index, prepared, evidence)
        measure = self.items[measure_id]
        self.announce_field(ItemKind.MEASURE, measure_id, EVIDENCE_FIELD, lambda: measure.evidence.insert(index, evidence))
        return index

    def apply_detach(self, evidence_id: str) -> tuple[str, int, Evidence]:
        """Takes a file off its measure (its bytes stay for undo); returns (measure id, index, evidence)."""
        measure_id, index, evidence = self.rf.delete_attachment(evidence_id)
        measure = self.items[measure_id]
        self.announce_field(ItemKind.MEASURE, measure_id, EVIDENCE_FIELD, lambda: measure.evidence.pop(index))
        return measure_id, index, evidence

    def evidence_bytes(self) -> int:
        """The report's evidence in bytes, each distinct file once (what the bounds count)."""
        return self.rf.evidence_bytes(self.report.id)

    def evidence_data(self, evidence: Evidence) -> bytes:
        """A file's bytes (at most a file's bound), checked against its hash before anything shows them."""
        data = b"".join(self.rf.file_chunks(evidence.sha256))
        if len(data) != evidence.size or hashlib.sha256(data).hexdigest() != evidence.sha256:
            raise TailanError(f"«{evidence.name}» файлын агуулга хурууны хээтэйгээ таарахгүй байна (гэмтсэн эсвэл "
                              "өөрчилсөн файл).")
        return data

    def write_evidence(self, evidence: list[Evidence], folder: str | Path) -> list[tuple[Path, bool]]:
        """Writes files into ``folder`` under safe names, each checked against its hash (``write_out``)."""
        from core.report.evidence.attaching import write_out

        return write_out(self.rf, evidence, folder)
