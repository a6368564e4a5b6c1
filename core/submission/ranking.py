"""The aimag's ranking of its organizations, and who has not sent anything yet.

Organizations are ranked within each year and period by their total (the official
mean, compared exactly, not by its cut-off display), ties by name. The CSV is UTF-8
with a BOM so that Excel shows the Cyrillic correctly when the file is opened by
double-click.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .. import scoring
from ..model import Period
from ..atomic import write_bytes_atomically
from ..fingerprint import report_from_content
from ..names import name_key
from ..storage import ReportFile
from .register import expected_organizations


@dataclass
class RankingRow:
    rank: int
    organization: str
    aimag: str
    year: int | None
    period: str
    total: Fraction | None
    total_display: str
    goal_means: list[tuple[str, str]]
    unscored: int
    revision: int
    received_at: str
    fingerprint: str
    report_id: str

    def to_json(self) -> dict:
        return {
            "rank": self.rank,
            "organization": self.organization,
            "aimag": self.aimag,
            "year": self.year,
            "period": self.period,
            "total": None if self.total is None else float(self.total),
            "total_display": self.total_display,
            "goal_means": [{"number": n, "average": a} for n, a in self.goal_means],
            "unscored": self.unscored,
            "revision": self.revision,
            "received_at": self.received_at,
            "fingerprint": self.fingerprint,
        }


def ranking(rf: ReportFile) -> list[RankingRow]:
    """Current submissions, ranked within each (year, period); equal totals share a rank.

    Each is named as the aimag's register writes the organization, whatever spelling
    the file itself used.
    """
    rows = rf.conn.execute(
        "SELECT s.content, s.received_at, s.fingerprint, o.name FROM submissions s"
        " LEFT JOIN organizations o ON o.id = s.organization_id WHERE s.status = 'current'"
    ).fetchall()
    entries = []
    for content, received_at, fingerprint, registered_name in rows:
        report = report_from_content(json.loads(content))
        if registered_name:
            report.organization = registered_name
        summary = scoring.summarize(report)
        entries.append((report, summary, received_at, fingerprint))
    entries.sort(key=lambda e: (-(e[0].year or 0), e[0].period.value, -(e[1].total if e[1].total is not None else -1), e[0].organization))
    out: list[RankingRow] = []
    group = None
    position = rank = 0
    previous_total: object = object()
    for report, summary, received_at, fingerprint in entries:
        key = (report.year, report.period)
        if key != group:
            group, position, previous_total = key, 0, object()
        position += 1
        if summary.total != previous_total:  # equal totals share a rank: 1, 1, 3
            rank, previous_total = position, summary.total
        out.append(
            RankingRow(
                rank=rank,
                organization=report.organization,
                aimag=report.aimag,
                year=report.year,
                period=report.period.value,
                total=summary.total,
                total_display=summary.total_display,
                goal_means=[(g.number, scoring.display(summary.goal_averages[g.id], "—")) for g in report.goals],
                unscored=len(summary.unscored),
                revision=report.revision,
                received_at=received_at,
                fingerprint=fingerprint,
                report_id=report.id,
            )
        )
    return out


def missing_organizations(rf: ReportFile, rows: list[RankingRow] | None = None) -> list[str]:
    """Organizations of the register expected to report that have no current report.

    Compared by name key (``core.names``): a look-alike spelling neither hides a soum
    that never sent nor counts as a second one.
    """
    rows = ranking(rf) if rows is None else rows
    received = {name_key(r.organization) for r in rows}
    return [name for name in expected_organizations(rf) if name_key(name) not in received]


CSV_HEADER = [
    "Байр",
    "Байгууллага",
    "Аймаг",
    "Он",
    "Хугацаа",
    "Биелэлтийн нийт дүн",
    "Зорилтын дундаж",
    "Үнэлгээгүй",
    "Хувилбар",
    "Хүлээн авсан",
    "Хурууны хээ",
]


def ranking_csv(rows: list[RankingRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow(
            [
                r.rank,
                r.organization,
                r.aimag,
                r.year or "",
                Period(r.period).label,
                r.total_display,
                "; ".join(f"{n} {a}" for n, a in r.goal_means),
                r.unscored,
                r.revision,
                r.received_at[:19].replace("T", " "),
                r.fingerprint,
            ]
        )
    return buffer.getvalue()


def write_ranking_csv(rows: list[RankingRow], target: str | os.PathLike) -> Path:
    return write_bytes_atomically(target, b"\xef\xbb\xbf" + ranking_csv(rows).encode("utf-8"))
