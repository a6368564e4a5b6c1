"""What the consolidation window reads from and asks of the aimag's file, through core.

Each call opens the file, does one thing through core and closes it, on the thread
that calls it (SQLite connections never cross threads): reading on the GUI thread is
quick, and the long consolidation opens its own connection in its worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.storage import ReportFile
from core.submission import decisions, register
from core.submission.archived import archived_file
from core.submission.decisions import Decision
from core.submission.ranking import RankingRow, missing_organizations, ranking
from core.submission.register import Organization


@dataclass
class AimagState:
    """Everything the window shows of the aimag's file, read in one opening."""

    rows: list[RankingRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    waiting: list[Decision] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    aimag_name: str = ""


def read_state(path: Path) -> AimagState:
    if not Path(path).exists():
        return AimagState()
    with ReportFile.open(path, read_only=True) as rf:
        rows = ranking(rf)
        return AimagState(rows, missing_organizations(rf, rows), register.expected_organizations(rf),
                          decisions.waiting(rf), register.organizations(rf), register.aimag_name(rf))


def decide(path: Path, decision_id: int, accept: bool) -> str:
    with ReportFile.open(path) as rf:
        return decisions.decide(rf, decision_id, accept)


def history(path: Path, organization: str) -> list[dict]:
    with ReportFile.open(path, read_only=True) as rf:
        return decisions.history(rf, organization)


def restore(path: Path, organization: str, revision: int, year: int | None, period: str | None) -> str:
    with ReportFile.open(path) as rf:
        return decisions.restore(rf, organization, revision, year, period)


def set_aimag_name(path: Path, name: str) -> str:
    with ReportFile.open(path, create=True) as rf:
        with rf.transaction():
            register.set_aimag_name(rf, name)
        return register.aimag_name(rf)


def archived_copy(path: Path, fingerprint: str) -> Path:
    with ReportFile.open(path, read_only=True) as rf:
        return archived_file(rf, fingerprint)
