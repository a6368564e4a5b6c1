"""Safe file names for evidence: shown in lists, written to folders, never a path.

A name comes from the file the officer chose (its last part only) and is made safe
once, when attached: no folder parts (``../``, ``C:\\``), no characters Windows
refuses or that hide what a name says (control and format characters, such as a
right-to-left override that turns ``gpj.exe`` into ``exe.jpg``), no name Windows
keeps for a device (``CON``, ``COM1``), not too long, and ending as its content
is (a JPEG is ``.jpg`` whatever it was called). A received file whose names are not
already safe was not written by Tailan and is refused (``core.received.evidence``);
every file written out is named through ``safe_name`` again all the same.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from core.report.evidence.limits import MAX_NAME_CHARS

#: A file name's bytes, with room for `` (12)`` when a name is taken (issue 19: 200 at most).
MAX_NAME_BYTES = 190
from core.report.kinds import EvidenceType

DEFAULT_STEM = "нотлох-баримт"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
#: The endings a file of each type may already have; anything else gets the type's own.
SUFFIXES = {
    EvidenceType.JPEG: (".jpg", ".jpeg", ".jpe", ".jfif"),
    EvidenceType.PNG: (".png",),
    EvidenceType.PDF: (".pdf",),
    EvidenceType.DOCX: (".docx",),
    EvidenceType.XLSX: (".xlsx",),
}


def safe_name(name: str, kind: EvidenceType | str | None = None) -> str:
    """The name made safe to show and to write anywhere, ending as a file of ``kind`` does."""
    name = re.split(r"[/\\]", str(name))[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    name = _FORBIDDEN.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    if kind is not None:
        kind = EvidenceType(kind)
        if not name.lower().endswith(SUFFIXES[kind]):
            name = (name or DEFAULT_STEM) + kind.suffix
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem.strip(" .")
    if not stem or _RESERVED.match(stem.split(".")[0].strip()):
        stem = f"_{stem}" if stem else DEFAULT_STEM
    suffix = suffix[:16]
    room = MAX_NAME_CHARS - (len(suffix) + 1 if suffix else 0)
    stem = stem[:room].rstrip(" .") or DEFAULT_STEM
    while len(stem.encode("utf-8")) + len(suffix) + 1 > MAX_NAME_BYTES and len(stem) > 1:  # Cyrillic: 2 bytes each
        stem = stem[:-1].rstrip(" .") or DEFAULT_STEM
    return f"{stem}.{suffix}" if suffix else stem


def is_safe(name: str, kind: EvidenceType | str) -> bool:
    """Whether ``name`` is already what ``safe_name`` makes of it (Tailan stores no other)."""
    return isinstance(name, str) and safe_name(name, kind) == name


def unique_name(name: str, taken) -> str:
    """``name``, or ``name (2)``, ``name (3)``... with its ending kept, whichever is not in ``taken``
    (compared without case, as Windows compares names)."""
    lowered = {t.lower() for t in taken}
    if name.lower() not in lowered:
        return name
    path = Path(name)
    stem, suffix = (path.stem, path.suffix) if path.suffix else (name, "")
    n = 2
    while f"{stem} ({n}){suffix}".lower() in lowered:
        n += 1
    return f"{stem} ({n}){suffix}"
