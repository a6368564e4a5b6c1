"""What an aimag's file has received, file by file, as the window lists it after a restart.

A run's list of files checked lives in memory; closed and opened again, the window
would show nothing, and a file that waited would still say "waiting" after the reviewer
decided. This reads the same list back from the file itself: every submission taken
(added, or a later revision that updated one), every file still waiting for the reviewer,
and every file the reviewer rejected, each with its organization and why, newest first.
Files refused by the checks are not kept in the aimag's file (only the run that met them
can name them).
"""

from __future__ import annotations

from core.aimag.consolidate import FileOutcome, Outcome
from core.aimag.decisions import all_decisions
from core.storage import ReportFile
from core.storage.clock import local_clock
from core.storage.decisions import DecisionStatus
from core.storage.submissions import SubmissionStatus, received_rows

#: At most this many files are read back (a file of many years holds thousands).
LIMIT = 500


def received_files(rf: ReportFile, limit: int = LIMIT) -> list[FileOutcome]:
    """The files this aimag's file holds word of, newest first: taken, waiting, or rejected by the reviewer."""
    found: list[tuple[str, FileOutcome]] = []
    for name, organization, year, period, revision, fingerprint, received_at, status in received_rows(rf, limit):
        when = local_clock(received_at, with_time=False)
        reason = (f"{when}-нд хүлээн авсан; одоо тооцогдож буй хувилбар" if status == SubmissionStatus.CURRENT
                  else f"{when}-нд хүлээн авсан; дараагийн хувилбараар солигдсон")
        outcome = Outcome.ADDED if revision == 1 else Outcome.UPDATED
        found.append((received_at, FileOutcome(name, outcome, reason, organization, year, period, revision,
                                               fingerprint)))
    for d in all_decisions(rf):
        if d.status == DecisionStatus.WAITING:
            found.append((d.received_at, FileOutcome(d.file_name, Outcome.PENDING, d.reason, d.organization, d.year,
                                                     d.period, d.revision, d.fingerprint, d.key_code, d.kind, d.id)))
        elif d.status == DecisionStatus.REJECTED:
            reason = f"хянагч татгалзсан ({local_clock(d.decided_at or '', with_time=False)}): {d.reason}"
            found.append((d.received_at, FileOutcome(d.file_name, Outcome.REJECTED, reason, d.organization, d.year,
                                                     d.period, d.revision, d.fingerprint, d.key_code, d.kind, d.id)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [outcome for _, outcome in found[:limit]]
