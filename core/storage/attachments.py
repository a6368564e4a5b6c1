"""The evidence of measures in a Tailan file: each file's bytes once, in chunks, and the links to measures.

A file is stored once by the SHA-256 of its bytes (``attachment_files``), its bytes in
``attachment_chunks`` of ``CHUNK_BYTES`` each, in order, so that storing, hashing,
copying and extracting one never holds more than a chunk in memory, and a received
file's check never meets a value larger than a chunk. ``attachments`` ties a file to a
measure under a name; a file no measure uses any more stays until the file is next
opened for writing (``collect_unused_files``), so that an undone removal finds its
bytes again. The rules (which files, how big, which names) are in ``core.report.evidence``.
"""

from __future__ import annotations

import hashlib
import io
import json
from typing import BinaryIO, Iterator

from core.errors import NotFoundError, TailanError
from core.report.kinds import ItemKind
from core.storage.change_log import LogOp
from core.report.model import Evidence
from core.storage.clock import now_iso

#: The bytes of one stored chunk: large enough for few rows, small enough for any check.
CHUNK_BYTES = 1024 * 1024


class FileChangedError(TailanError):
    """The bytes read while storing are not those that were checked: the file changed on disk meanwhile."""


class AttachmentsMixin:
    """The evidence part of ``ReportFile`` (uses ``conn``, ``transaction``, ``log_change``)."""

    # ----------------------------------------------------------------- reading
    def evidence_of_report(self, report_id: str) -> dict[str, list[Evidence]]:
        """Each measure's attached files in order, by measure id (measures without any are absent)."""
        out: dict[str, list[Evidence]] = {}
        for measure_id, link_id, name, sha256, size, kind in self.conn.execute(
            "SELECT a.measure_id, a.id, a.name, a.sha256, f.size, f.type FROM attachments a"
            " JOIN attachment_files f ON f.sha256 = a.sha256"
            " JOIN measures m ON m.id = a.measure_id JOIN goals g ON g.id = m.goal_id"
            " WHERE g.report_id = ? ORDER BY a.measure_id, a.sort_order",
            (report_id,),
        ):
            out.setdefault(measure_id, []).append(Evidence(name, sha256, size, kind, id=link_id))
        return out

    def earlier_evidence_of_report(self, report_id: str) -> dict[str, list[Evidence]]:
        """Each measure's list of the earlier report's evidence (reference only), by measure id."""
        out: dict[str, list[Evidence]] = {}
        for measure_id, row_id, year, name, sha256, size, kind in self.conn.execute(
            "SELECT e.measure_id, e.id, e.year, e.name, e.sha256, e.size, e.type FROM earlier_attachments e"
            " JOIN measures m ON m.id = e.measure_id JOIN goals g ON g.id = m.goal_id"
            " WHERE g.report_id = ? ORDER BY e.measure_id, e.sort_order",
            (report_id,),
        ):
            out.setdefault(measure_id, []).append(Evidence(name, sha256, size, kind, id=row_id, year=year))
        return out

    def has_stored_file(self, sha256: str) -> bool:
        """Whether the bytes with this hash are already in the file (then attaching them again stores nothing)."""
        return self.conn.execute("SELECT 1 FROM attachment_files WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def stored_file(self, sha256: str) -> tuple[int, str]:
        """(size, type) of a stored file; ``NotFoundError`` when its bytes are not in the file."""
        row = self.conn.execute("SELECT size, type FROM attachment_files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise NotFoundError("Нотлох баримтын файл тайлангийн файлд алга (устгагдсан байж магадгүй).")
        return row[0], row[1]

    def file_chunks(self, sha256: str) -> Iterator[bytes]:
        """The stored bytes of one file, chunk by chunk, in order (one chunk in memory at a time)."""
        count = self.conn.execute("SELECT count(*) FROM attachment_chunks WHERE sha256 = ?", (sha256,)).fetchone()[0]
        for seq in range(count):
            row = self.conn.execute(
                "SELECT data FROM attachment_chunks WHERE sha256 = ? AND seq = ?", (sha256, seq)
            ).fetchone()
            if row is None or not isinstance(row[0], bytes):
                raise TailanError("Нотлох баримтын файлын хэсэг дутуу байна: тайлангийн файл гэмтсэн байж магадгүй.")
            yield row[0]

    def chunk_layout(self, sha256: str) -> list[tuple[int, int, str]]:
        """(seq, length, type of value) of each stored chunk in order: the shape a received file is checked by."""
        return self.conn.execute(
            "SELECT seq, length(data), typeof(data) FROM attachment_chunks WHERE sha256 = ? ORDER BY seq", (sha256,)
        ).fetchall()

    def open_stored_file(self, sha256: str) -> "StoredFileReader":
        """A read-only, seekable stream over a stored file (to look inside a Word file without copying it)."""
        size, _ = self.stored_file(sha256)
        return StoredFileReader(self, sha256, size)

    def stored_files(self, report_id: str | None = None) -> list[tuple[str, int, str]]:
        """(sha256, size, type) of every stored file, or of those one report's measures use."""
        if report_id is None:
            return self.conn.execute("SELECT sha256, size, type FROM attachment_files ORDER BY sha256").fetchall()
        return self.conn.execute(
            "SELECT DISTINCT f.sha256, f.size, f.type FROM attachment_files f JOIN attachments a ON a.sha256 = f.sha256"
            " JOIN measures m ON m.id = a.measure_id JOIN goals g ON g.id = m.goal_id WHERE g.report_id = ?"
            " ORDER BY f.sha256",
            (report_id,),
        ).fetchall()

    def evidence_bytes(self, report_id: str) -> int:
        """The evidence of one report in bytes, each distinct file counted once (as it is stored and sent)."""
        return sum(size for _, size, _ in self.stored_files(report_id))

    def attachment_counts(self) -> list[tuple[str, int]]:
        """(measure id, number of files) of every measure with evidence: what a received file is bounded by."""
        return self.conn.execute("SELECT measure_id, count(*) FROM attachments GROUP BY measure_id").fetchall()

    def attachment_names(self) -> list[str]:
        """Every name under which a file is attached (a received file's names are checked before use)."""
        return [r[0] for r in self.conn.execute("SELECT name FROM attachments")]

    # ----------------------------------------------------------------- writing
    def store_file(self, source: BinaryIO, sha256: str, size: int, kind: str) -> bool:
        """Stores the bytes of ``source`` under their hash unless already stored; True when stored now.

        Streams chunk by chunk and hashes as it goes: bytes that differ from the
        ``sha256`` and ``size`` that were checked raise ``FileChangedError`` and roll back.
        """
        if self.has_stored_file(sha256):
            return False
        with self.transaction():
            self.conn.execute(
                "INSERT INTO attachment_files (sha256, size, type, added_at) VALUES (?, ?, ?, ?)",
                (sha256, size, str(kind), now_iso()),
            )
            digest, total, seq = hashlib.sha256(), 0, 0
            while True:
                chunk = _read_exactly(source, CHUNK_BYTES)
                if not chunk:
                    break
                digest.update(chunk)
                total += len(chunk)
                if total > size:
                    break
                self.conn.execute("INSERT INTO attachment_chunks (sha256, seq, data) VALUES (?, ?, ?)",
                                  (sha256, seq, chunk))
                seq += 1
            if total != size or digest.hexdigest() != sha256:
                raise FileChangedError("Файлыг хавсаргах үед өөрчлөгдсөн байна (өөр програм бичиж байж магадгүй). "
                                       "Дахин оролдоно уу.")
        return True

    def copy_stored_file(self, other: "AttachmentsMixin", sha256: str) -> None:
        """Copies one stored file from ``other`` chunk by chunk (a submission takes its report's files)."""
        size, kind = other.stored_file(sha256)
        with self.transaction():
            if self.has_stored_file(sha256):
                return
            self.conn.execute("INSERT INTO attachment_files (sha256, size, type, added_at) VALUES (?, ?, ?, ?)",
                              (sha256, size, kind, now_iso()))
            for seq, chunk in enumerate(other.file_chunks(sha256)):
                self.conn.execute("INSERT INTO attachment_chunks (sha256, seq, data) VALUES (?, ?, ?)",
                                  (sha256, seq, chunk))

    def insert_attachment(self, measure_id: str, index: int, evidence: Evidence) -> int:
        """Attaches a stored file to a measure at ``index`` under ``evidence.name``; logged; returns the index used."""
        with self.transaction():
            report_id = self.report_of(ItemKind.MEASURE, measure_id)
            self.require_editable(report_id)
            self.stored_file(evidence.sha256)  # refuses a link to bytes that are not here
            ids = self._attachment_ids(measure_id)
            index = max(0, min(index, len(ids)))
            self.conn.execute(
                "INSERT INTO attachments (id, measure_id, sort_order, name, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                (evidence.id, measure_id, len(ids), evidence.name, evidence.sha256, now_iso()),
            )
            ids.insert(index, evidence.id)
            self.conn.executemany("UPDATE attachments SET sort_order = ? WHERE id = ?", list(enumerate(ids)))
            self.log_change(report_id, ItemKind.MEASURE, measure_id, LogOp.ATTACH, None, _describe(evidence))
        return index

    def delete_attachment(self, attachment_id: str) -> tuple[str, int, Evidence]:
        """Takes a file off its measure (its bytes stay until unused files are collected); returns
        (measure id, index, evidence) to put it back."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT a.measure_id, a.name, a.sha256, f.size, f.type FROM attachments a"
                " JOIN attachment_files f ON f.sha256 = a.sha256 WHERE a.id = ?",
                (attachment_id,),
            ).fetchone()
            if row is None:
                raise NotFoundError("Хасах гэсэн нотлох баримт олдсонгүй (хасагдсан байж магадгүй).")
            measure_id, name, sha256, size, kind = row
            report_id = self.report_of(ItemKind.MEASURE, measure_id)
            self.require_editable(report_id)
            ids = self._attachment_ids(measure_id)
            index = ids.index(attachment_id)
            evidence = Evidence(name, sha256, size, kind, id=attachment_id)
            self.conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            ids.remove(attachment_id)
            self.conn.executemany("UPDATE attachments SET sort_order = ? WHERE id = ?", list(enumerate(ids)))
            self.log_change(report_id, ItemKind.MEASURE, measure_id, LogOp.DETACH, _describe(evidence), None)
        return measure_id, index, evidence

    def collect_unused_files(self) -> int:
        """Deletes the bytes of files no measure uses (after a removal or a deleted measure); returns how many."""
        unused = [r[0] for r in self.conn.execute(
            "SELECT sha256 FROM attachment_files WHERE sha256 NOT IN (SELECT sha256 FROM attachments)")]
        if unused:
            with self.transaction():
                self.conn.executemany("DELETE FROM attachment_files WHERE sha256 = ?", [(s,) for s in unused])
        return len(unused)

    def _insert_evidence_rows(self, measure) -> None:
        """A measure's links and earlier-evidence list, inserted with the measure (inside the caller's
        transaction): a deleted measure comes back with its evidence on undo."""
        for index, evidence in enumerate(measure.evidence):
            self.conn.execute(
                "INSERT INTO attachments (id, measure_id, sort_order, name, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                (evidence.id, measure.id, index, evidence.name, evidence.sha256, now_iso()),
            )
        for index, evidence in enumerate(measure.earlier_evidence):
            self.conn.execute(
                "INSERT INTO earlier_attachments (id, measure_id, sort_order, year, name, sha256, size, type)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (evidence.id, measure.id, index, evidence.year, evidence.name, evidence.sha256, evidence.size,
                 evidence.type),
            )

    def _attachment_ids(self, measure_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM attachments WHERE measure_id = ? ORDER BY sort_order", (measure_id,))]


def _read_exactly(source: BinaryIO, count: int) -> bytes:
    """``count`` bytes, fewer only at the end: every stored chunk but the last is whole."""
    parts, left = [], count
    while left:
        piece = source.read(left)
        if not piece:
            break
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


def _describe(evidence: Evidence) -> str:
    return json.dumps({"name": evidence.name, "sha256": evidence.sha256, "size": evidence.size, "type": evidence.type},
                      ensure_ascii=False)


class StoredFileReader(io.RawIOBase):
    """A stored file as a read-only, seekable stream, reading one chunk at a time.

    ``zipfile`` looks inside a Word or Excel file through it (the central directory at
    the end), so a received document is judged without copying it out first.
    """

    def __init__(self, rf: AttachmentsMixin, sha256: str, size: int):
        super().__init__()
        self.rf, self.sha256, self.size = rf, sha256, size
        self.pos = 0
        self._seq, self._chunk = -1, b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.size}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def readinto(self, buffer) -> int:
        if self.pos >= self.size:
            return 0
        seq, offset = divmod(self.pos, CHUNK_BYTES)
        if seq != self._seq:
            row = self.rf.conn.execute(
                "SELECT data FROM attachment_chunks WHERE sha256 = ? AND seq = ?", (self.sha256, seq)
            ).fetchone()
            if row is None or not isinstance(row[0], bytes):
                raise OSError("chunk missing")
            self._seq, self._chunk = seq, row[0]
        piece = self._chunk[offset : offset + len(buffer)]
        if not piece:
            raise OSError("chunk short")
        buffer[: len(piece)] = piece
        self.pos += len(piece)
        return len(piece)
