"""Attaching files to a measure, taking them off, and writing them out, through ``core.storage``.

Attaching is in two steps, so that nothing is written until everything is known:
``prepare`` reads each chosen file (bounded before it is read: how many, how big),
recognises its type from its content and hashes it, all without keeping it in
memory; ``check_room`` holds the prepared files against the measure's and the
report's bounds. Only then ``attach_prepared`` stores the bytes (once per content,
hashed again as they are copied, so a file changed in between is refused) and links
them. The command line refuses the whole batch when one file is refused; the window
attaches the rest and names each refused file with its reason.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable

from core.errors import NotFoundError, TailanError
from core.report.evidence import limits
from core.report.evidence.content import EvidenceRefused, jpeg_size, recognise, recognise_bytes
from core.report.evidence.names import safe_name, unique_name
from core.report.kinds import EvidenceType
from core.report.model import Evidence, Measure, Report
from core.storage.atomic import produce_atomically

READ_BYTES = 1024 * 1024


@dataclass
class Prepared:
    """One chosen file, checked and hashed, ready to be stored (``data`` holds a shrunk photo's bytes)."""

    source: Path
    name: str
    sha256: str
    size: int
    type: EvidenceType
    data: bytes | None = None
    width: int = 0
    height: int = 0

    def open(self) -> BinaryIO:
        """The bytes to store: the shrunk copy, or the chosen file itself (read again, hashed again)."""
        return io.BytesIO(self.data) if self.data is not None else open(self.source, "rb")

    def evidence(self, name: str | None = None) -> Evidence:
        """The evidence this file becomes on a measure, under ``name`` (default: its own)."""
        return Evidence(name or self.name, self.sha256, self.size, self.type.value)


@dataclass
class Refused:
    """A chosen file that is not attached, and why (Mongolian)."""

    name: str
    reason: str

    def describe(self) -> str:
        """``«name»: reason``, one line of a message."""
        return f"«{self.name}»: {self.reason}"


@dataclass
class Batch:
    """The outcome of preparing a batch: what may be attached, and what is refused with its reason."""

    ready: list[Prepared] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    #: Files that are already on the measure (same content): nothing to do, said all the same.
    already: list[str] = field(default_factory=list)


def prepare(path: str | os.PathLike, shrink: bool = False) -> Prepared:
    """One file checked and hashed (``EvidenceRefused`` with the reason); ``shrink`` makes a large JPEG smaller."""
    path = Path(path)
    shown = path.name or str(path)
    try:
        if not path.exists():
            raise EvidenceRefused("файл олдсонгүй")
        if not path.is_file():
            raise EvidenceRefused("файл биш (хавтас эсвэл төхөөрөмж); файлуудаа тус тусад нь сонгоно уу")
        size = path.stat().st_size
        with open(path, "rb") as handle:
            kind = recognise(handle, size)
            width, height = jpeg_size(handle) if kind is EvidenceType.JPEG else (0, 0)
            handle.seek(0)
            digest = _hash(handle)
    except OSError as exc:
        raise EvidenceRefused(f"файлыг уншиж чадсангүй (системийн алдааны дугаар {exc.errno})") from None
    prepared = Prepared(path, safe_name(shown, kind), digest, size, kind, width=width, height=height)
    if shrink and kind is EvidenceType.JPEG:
        from core.report.evidence.photos import shrink_photo, worth_shrinking

        if worth_shrinking(size, width, height):
            data = shrink_photo(path)
            if len(data) < size:
                recognise_bytes(data)
                prepared.data, prepared.size = data, len(data)
                prepared.sha256 = hashlib.sha256(data).hexdigest()
    return prepared


def _hash(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(READ_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def prepare_all(paths: Iterable[str | os.PathLike], shrink: bool = False) -> Batch:
    """Every chosen file prepared or refused; far too many files are refused before any is read."""
    paths = list(paths)
    batch = Batch()
    if len(paths) > limits.MAX_FILES_PER_MEASURE:
        reason = (f"нэг дор {len(paths)} файл сонгосон; нэг арга хэмжээнд {limits.MAX_FILES_PER_MEASURE} хүртэл "
                  "файл хавсаргана")
        batch.refused = [Refused(Path(p).name, reason) for p in paths[:3]]
        if len(paths) > 3:
            batch.refused.append(Refused(f"… бусад {len(paths) - 3}", reason))
        return batch
    for path in paths:
        try:
            batch.ready.append(prepare(path, shrink))
        except EvidenceRefused as exc:
            batch.refused.append(Refused(Path(path).name or str(path), exc.message))
    return batch


def check_room(rf, report: Report, measure: Measure, batch: Batch) -> Batch:
    """The prepared files held against the measure's and the report's bounds, in order; each
    gets a name no other file of the measure has. Returns what fits, the rest refused."""
    out = Batch(refused=list(batch.refused), already=list(batch.already))
    on_measure = {e.sha256 for e in measure.evidence}
    names = {e.name for e in measure.evidence}
    count_measure = len(measure.evidence)
    count_report = sum(len(m.evidence) for m in report.measures())
    stored = {sha for sha, _, _ in rf.stored_files(report.id)}
    total = rf.evidence_bytes(report.id)
    for prepared in batch.ready:
        if prepared.sha256 in on_measure:
            out.already.append(prepared.name)
            continue
        reason = ""
        adds = 0 if prepared.sha256 in stored else prepared.size
        if count_measure + 1 > limits.MAX_FILES_PER_MEASURE:
            reason = f"нэг арга хэмжээнд {limits.MAX_FILES_PER_MEASURE} хүртэл файл хавсаргана"
        elif count_report + 1 > limits.MAX_FILES_PER_REPORT:
            reason = f"нэг тайланд {limits.MAX_FILES_PER_REPORT} хүртэл файл хавсаргана"
        elif total + adds > limits.MAX_REPORT_BYTES:
            reason = (f"тайлангийн нотлох баримт {limits.size_text(limits.MAX_REPORT_BYTES)}-аас хэтэрнэ "
                      f"(одоо {limits.size_text(total)}); зургаа багасгах эсвэл цөөн файл хавсаргана уу")
        if reason:
            out.refused.append(Refused(prepared.name, reason))
            continue
        prepared.name = unique_name(prepared.name, names)
        names.add(prepared.name)
        on_measure.add(prepared.sha256)
        stored.add(prepared.sha256)
        count_measure += 1
        count_report += 1
        total += adds
        out.ready.append(prepared)
    return out


def attach_prepared(rf, measure_id: str, index: int, prepared: Prepared, evidence: Evidence) -> int:
    """Stores the bytes (unless the file holds them already) and links them to the measure at
    ``index``, in one transaction; returns the index used. The window's undo command calls it."""
    with rf.transaction():
        if not rf.has_stored_file(evidence.sha256):
            with prepared.open() as source:
                rf.store_file(source, evidence.sha256, evidence.size, evidence.type)
        return rf.insert_attachment(measure_id, index, evidence)


def attach_paths(rf, report: Report, measure: Measure, paths: list, shrink: bool = False) -> Batch:
    """The command line's attach: every file or none. Raises ``TailanError`` naming each refused file."""
    rf.require_editable(report.id)
    batch = check_room(rf, report, measure, prepare_all(paths, shrink))
    if batch.refused:
        lines = "; ".join(r.describe() for r in batch.refused)
        raise TailanError(f"Хавсаргасангүй (файлд юу ч бичээгүй): {lines}")
    with rf.transaction():
        for prepared in batch.ready:
            evidence = prepared.evidence()
            attach_prepared(rf, measure.id, len(measure.evidence), prepared, evidence)
            measure.evidence.append(evidence)
    return batch


def one_measure(report: Report, number: str) -> Measure:
    """The report's measure numbered ``number`` (``6.1`` finds ``6.1.``); refuses none or several."""
    found = report.find_measure(number)
    if len(found) != 1:
        raise NotFoundError(f"«{number}» дугаартай арга хэмжээ тайланд {'олдсонгүй' if not found else 'олон байна'}.")
    return found[0]


def find_by_name(measure: Measure, name: str) -> Evidence:
    """The measure's file called ``name`` (as listed, or as it would be made safe)."""
    for evidence in measure.evidence:
        if evidence.name == name:
            return evidence
    lowered = name.lower()
    matches = [e for e in measure.evidence if e.name.lower() == lowered or e.name.lower() == safe_name(name).lower()]
    if len(matches) == 1:
        return matches[0]
    listed = ", ".join(f"«{e.name}»" for e in measure.evidence) or "хавсралт алга"
    raise TailanError(f"«{name}» нэртэй нотлох баримт {measure.number} арга хэмжээнд олдсонгүй ({listed}).")


# ----------------------------------------------------------------- writing out
def write_out(rf, evidence: list[Evidence], folder: str | os.PathLike) -> list[tuple[Path, bool]]:
    """Writes each file into ``folder`` under its safe name; returns (path, written now) for each.

    Each file is written whole or not at all (``core.storage.atomic``) and its bytes are
    hashed as they are copied: a file whose bytes are not those the report names (a
    damaged or altered file) is not written, and the message says so. A file of the
    same name is never replaced: identical bytes are left as they are, other bytes get
    a new name beside them.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TailanError(f"«{folder}» хавтас үүсгэж чадсангүй (системийн алдааны дугаар {exc.errno}).") from None
    if not folder.is_dir():
        raise TailanError(f"«{folder}» нь хавтас биш байна.")
    out: list[tuple[Path, bool]] = []
    used: set[str] = set()
    for item in evidence:
        target = _free_target(folder, safe_name(item.name, item.type), item, used)
        used.add(target.name)
        if target.exists():
            out.append((target, False))
            continue
        produce_atomically(target, lambda temp, item=item: _copy_checked(rf, item, temp))
        out.append((target, True))
    return out


def _free_target(folder: Path, name: str, item: Evidence, used: set[str]) -> Path:
    """``name``, ``name (2)``... in ``folder``: the first that is free or already holds these very bytes."""
    taken: set[str] = set(used)
    while True:
        candidate = unique_name(name, taken)
        target = folder / candidate
        if not target.exists() or _same_bytes(target, item):
            return target
        taken.add(candidate)


def _copy_checked(rf, item: Evidence, temp: Path) -> None:
    digest, size = hashlib.sha256(), 0
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        for chunk in rf.file_chunks(item.sha256):
            digest.update(chunk)
            size += len(chunk)
            handle.write(chunk)
    if size != item.size or digest.hexdigest() != item.sha256:
        raise TailanError(f"«{item.name}» файлын агуулга тайланд бичигдсэн хурууны хээтэй таарахгүй байна "
                          "(файл гэмтсэн эсвэл өөрчлөгдсөн); бичсэнгүй.")


def _same_bytes(path: Path, item: Evidence) -> bool:
    try:
        if path.stat().st_size != item.size or not path.is_file():
            return False
        with open(path, "rb") as handle:
            return _hash(handle) == item.sha256
    except OSError:
        return False
