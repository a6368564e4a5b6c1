"""Where the received file of a stored submission is kept: its archive copy.

Every submission merged or queued at the aimag was first copied, byte for byte, into
the archive folder beside the aimag's file under its SHA-256 (``consolidate``). That
copy is a complete Tailan file, signed by its soum, so it is what the reviewer opens
to read a soum's report: read-only, never the aimag's own file.
"""

from __future__ import annotations

from pathlib import Path

from core.aimag.consolidate import archive_dir
from core.errors import NotFoundError
from core.storage import ReportFile
from core.storage.submissions import archive_entry


def archived_file(rf: ReportFile, fingerprint: str) -> Path:
    """The archive copy of the submission with ``fingerprint``; raises ``NotFoundError`` with a
    Mongolian message when the submission or its copy is gone."""
    entry = archive_entry(rf, fingerprint)
    if entry is None or not entry[0]:
        raise NotFoundError("Энэ тайлангийн хүлээн авсан файл нэгтгэлд бүртгэгдээгүй байна.")
    archive_name, organization = entry
    name = Path(str(archive_name)).name  # a bare name inside the archive folder, never a path from elsewhere
    path = archive_dir(rf.path) / name
    if not path.is_file():
        raise NotFoundError(
            f"{organization}-ийн хүлээн авсан файл архивт алга ({path}). Архивын хавтсыг нэгтгэлийн файлын хажууд "
            "хадгална уу."
        )
    return path
