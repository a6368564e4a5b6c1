"""Where the received file of a stored submission is kept: its archive copy.

Every submission merged or queued at the aimag was first copied, byte for byte, into
the archive folder beside the aimag's file under its SHA-256 (``consolidate``). That
copy is a complete Tailan file, signed by its soum, so it is what the reviewer opens
to read a soum's report: read-only, never the aimag's own file. A copy is trusted by
its hash, never by its name and size: one whose bytes changed is refused.

Files the reviewer rejected stay on record, but their content and archive copies can
be dropped (``purge_rejected``): a stranger's files must not fill the aimag's disk.
"""

from __future__ import annotations

from pathlib import Path

from core.aimag.archive_writes import archive_copy_intact
from core.aimag.consolidate import archive_dir
from core.errors import NotFoundError, TailanError
from core.storage import ReportFile
from core.storage.decisions import archive_names_in_use, purge_rejected as empty_rejected
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
    if not archive_copy_intact(path):
        from core.received.verify import check_submission

        verdict = check_submission(path)  # what changed, as the checks name it
        why = "" if verdict.ok else f": {verdict.reason}"
        raise TailanError(
            f"{organization}-ийн архивт хадгалсан файл «{path.name}» өөрчлөгдсөн байна (агуулга нь нэртэйгээ "
            f"таарахгүй{why}); түүнийг ашиглахгүй. Илгээгчээс файлыг дахин авна уу."
        )
    return path


def purge_rejected(rf: ReportFile) -> tuple[int, int]:
    """Drops the content of every rejected file and its archive copy (unless something else still
    needs that copy); the decisions stay on record with their fingerprints, so a file sent again is
    still refused. Returns (files purged, archive copies removed); the aimag's file is compacted."""
    names = empty_rejected(rf)
    keep = archive_names_in_use(rf)
    removed = 0
    for name in sorted(set(names) - keep):
        copy = archive_dir(rf.path) / Path(str(name)).name
        try:
            copy.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise TailanError(f"Архивын «{copy.name}» файлыг устгаж чадсангүй (системийн алдааны дугаар {exc.errno}).") \
                from None
    if names:
        rf.compact()
    return len(names), removed
