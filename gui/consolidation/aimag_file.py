"""What the consolidation window reads from and asks of the aimag's file, through core.

Each call opens the file, does one thing through core and closes it, on the thread
that calls it (SQLite connections never cross threads): reading on the GUI thread is
quick, and the long consolidation opens its own connection in its worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.aimag import decisions, register
from core.aimag.archived import archived_file
from core.aimag.decisions import Decision
from core.aimag.ranking import RankingRow, ranking
from core.aimag.received_files import received_files
from core.aimag.register import Organization
from core.storage import ReportFile


@dataclass
class AimagState:
    """Everything the window shows of the aimag's file, read in one opening."""

    rows: list[RankingRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    waiting: list[Decision] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    aimag_name: str = ""
    #: Who has not sent the latest call's report, with the days left (``core.aimag.deadlines``).
    not_sent: list = field(default_factory=list)
    call: object = None
    #: What the file holds word of, newest first (``core.aimag.received_files``): the window's list after a restart.
    received: list = field(default_factory=list)


def read_state(path: Path) -> AimagState:
    if not Path(path).exists():
        return AimagState()
    from core.aimag.deadlines import latest_call, not_sent

    with ReportFile.open(path, read_only=True) as rf:
        rows = ranking(rf)
        pending = not_sent(rf, rows)
        return AimagState(rows, [p.organization for p in pending], register.expected_organizations(rf),
                          decisions.waiting(rf), register.organizations(rf), register.aimag_name(rf),
                          pending, latest_call(rf), received_files(rf))


def decide(path: Path, decision_id: int, accept: bool, seen: tuple | None = None) -> str:
    """``seen``: the judgement the reviewer was shown; an accept whose situation changed is refused."""
    with ReportFile.open(path) as rf:
        return decisions.decide(rf, decision_id, accept, seen)


def aimag_name(path: Path) -> str:
    """The aimag's name the reviewer set (empty while not set, or while there is no file)."""
    if not Path(path).exists():
        return ""
    with ReportFile.open(path, read_only=True) as rf:
        return register.aimag_name(rf)


def history(path: Path, organization: str) -> list[dict]:
    with ReportFile.open(path, read_only=True) as rf:
        return decisions.history(rf, organization)


def restore(path: Path, organization: str, revision: int, year: int | None, period: str | None) -> str:
    with ReportFile.open(path) as rf:
        return decisions.restore(rf, organization, revision, year, period)


def set_aimag_name(path: Path, name: str) -> str:
    with ReportFile.open(path, create=True) as rf:
        register.set_aimag_name(rf, name)
        return register.aimag_name(rf)


def archived_copy(path: Path, fingerprint: str) -> Path:
    with ReportFile.open(path, read_only=True) as rf:
        return archived_file(rf, fingerprint)


# ----------------------------------------------------- review and receipts (issue 14)
def current_submission(path: Path, organization: str):
    """(report, fingerprint, received_at, registered name) of an organization's current report."""
    from core.aimag.remarks import current_submission as current

    with ReportFile.open(path, read_only=True) as rf:
        return current(rf, organization)


def remarks_of(path: Path, fingerprint: str) -> list:
    from core.aimag.remarks import remarks_for

    with ReportFile.open(path, read_only=True) as rf:
        return remarks_for(rf, fingerprint)


def add_remark(path: Path, organization: str, text: str, measure: str | None, score: str | None,
               author: str | None = None):
    from core.aimag.remarks import add_remark as add

    with ReportFile.open(path) as rf:
        return add(rf, organization, text, measure, score, author)


def write_receipts(path: Path, organizations: list[str], folder: Path, author: str | None = None) -> list[Path]:
    """One signed receipt per organization into ``folder`` (the aimag's key is made on first use)."""
    from core.aimag.receipt import write_receipts as write

    with ReportFile.open(path, read_only=True) as rf:
        return write(rf, organizations, folder, author=author)


def receipt_paths(path: Path, organizations: list[str], folder: Path) -> list[Path]:
    """Where ``write_receipts`` writes each organization's receipt (to ask before any is replaced)."""
    from core.aimag.receipt import receipt_paths as paths

    with ReportFile.open(path, read_only=True) as rf:
        return paths(rf, organizations, folder)


def aimag_key_code(path: Path) -> str:
    """The code of the aimag's receipt key (printed on the ranking), or empty while the aimag has no name."""
    from core.aimag.receipt import aimag_key_code as code

    with ReportFile.open(path, read_only=True) as rf:
        name = register.aimag_name(rf)
    return code(name) if name else ""


def save_copy(path: Path, target: Path) -> Path:
    """A whole copy of the aimag's file (File → Save a copy), written atomically (``VACUUM INTO``
    needs the file opened as for writing; nothing in it changes)."""
    with ReportFile.open(path) as rf:
        return rf.write_copy(target)


# ----------------------------------------------------- the year (issue 21)
def plan_comparison(path: Path, fingerprint: str):
    """The current report with ``fingerprint`` against its organization's plan (``None`` without one)."""
    from core.aimag.plan_compare import comparison_for

    with ReportFile.open(path, read_only=True) as rf:
        return comparison_for(rf, fingerprint)
