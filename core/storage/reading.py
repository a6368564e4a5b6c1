"""Reading a Tailan file: its reports, one report as plain data, its change log."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from core.errors import DamagedFileError, NotFoundError
from core.report.kinds import ItemKind
from core.report.model import Goal, Measure, Period, Report, Score, Signatory


class ReportInfo(NamedTuple):
    """One report of a file as a list shows it, read without loading the report's rows
    (a named tuple: made at each start in a tenth of a frozen dataclass's time)."""

    id: str
    organization: str
    aimag: str
    year: int | None
    period: str
    measure_count: int

    def describe(self) -> str:
        """The report in a few words (organization, year, period), to tell the reports of one file apart."""
        year = self.year if self.year is not None else "?"
        return f"{self.organization} {year} ({Period(self.period).label})"


class ReadingMixin:
    """The reading part of ``ReportFile`` (it uses the connection ``self.conn``)."""

    def list_reports(self) -> list[ReportInfo]:
        """The file's reports in a stable order (year, period, organization), each with its measure count."""
        rows = self.conn.execute(
            "SELECT r.id, r.organization, r.aimag, r.year, r.period,"
            " (SELECT count(*) FROM measures m JOIN goals g ON m.goal_id = g.id WHERE g.report_id = r.id)"
            " FROM reports r ORDER BY r.year, r.period, r.organization, r.created_at"
        ).fetchall()
        return [ReportInfo(*row) for row in rows]

    def report_ids(self) -> list[str]:
        """The ids of the file's reports, in the order of ``list_reports`` (without counting their measures)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM reports ORDER BY year, period, organization, created_at")]

    def resolve_report_id(self, report_id: str | None) -> str:
        """The report meant: the given id (or a unique prefix), or the only report of the file."""
        reports = self.list_reports()
        if report_id is None:
            if len(reports) == 1:
                return reports[0].id
            if not reports:
                raise NotFoundError("Файлд тайлан алга. Эхлээд тайлан импортлоно уу.")
            listing = "; ".join(f"{r.id} — {r.describe()}" for r in reports)
            raise NotFoundError(f"Файлд {len(reports)} тайлан байна; --report ID-г заана уу: {listing}")
        matches = [r.id for r in reports if r.id == report_id] or [
            r.id for r in reports if r.id.startswith(report_id)
        ]
        if len(matches) != 1:
            raise NotFoundError(f"«{report_id}» дугаартай тайлан олдсонгүй.")
        return matches[0]

    def load_report(self, report_id: str) -> Report:
        """The report as plain data; a value no Tailan writes (an unknown period or score, a
        text that is not UTF-8) is a ``DamagedFileError`` with a message, never a crash."""
        try:
            report = self._load_report(report_id)
        except (sqlite3.OperationalError, UnicodeDecodeError) as exc:
            if "decode" not in str(exc).lower():
                raise
            raise DamagedFileError(
                f"«{self.path.name}» файлын нэг текст гэмтсэн байна (UTF-8 биш). Нөөц хуулбараас сэргээнэ үү."
            ) from None
        except ValueError:  # Period("...") or Score("...") of a value this program never writes
            raise DamagedFileError(
                f"«{self.path.name}» файлд Тайлан програмын бичдэггүй утга байна (хугацаа эсвэл үнэлгээ). "
                "Нөөц хуулбараас сэргээнэ үү."
            ) from None
        if any(not isinstance(v, str) for v in _texts_of(report)):
            raise DamagedFileError(
                f"«{self.path.name}» файлд текстийн оронд өөр төрлийн утга байна. Нөөц хуулбараас сэргээнэ үү."
            )
        return report

    def _load_report(self, report_id: str) -> Report:
        row = self.conn.execute(
            "SELECT id, organization, aimag, year, period, report_date, appendix_label, title,"
            " revision, finalized_at, fingerprint, previous_fingerprint, public_key, signature"
            " FROM reports WHERE id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"«{report_id}» дугаартай тайлан олдсонгүй.")
        report = Report(
            id=row[0],
            organization=row[1],
            aimag=row[2],
            year=row[3],
            period=Period(row[4]),
            report_date=row[5],
            appendix_label=row[6],
            title=row[7],
            revision=row[8],
            finalized_at=row[9],
            fingerprint=row[10],
            previous_fingerprint=row[11],
            public_key=row[12],
            signature=row[13],
        )
        report.signatories = [
            Signatory(id=r[0], role=r[1], position=r[2], name=r[3])
            for r in self.conn.execute(
                "SELECT id, role, position, name FROM signatories WHERE report_id = ? ORDER BY sort_order",
                (report_id,),
            )
        ]
        goals: dict[str, Goal] = {}
        for r in self.conn.execute(
            "SELECT id, number, text FROM goals WHERE report_id = ? ORDER BY sort_order", (report_id,)
        ):
            goals[r[0]] = Goal(id=r[0], number=r[1], text=r[2])
        # the plan's columns (schema 5); a received file of an older schema is read as it is
        version = self.schema_version  # read once: each read is a statement
        plan_columns = ", m.responsible, m.due, m.origin" if version >= 5 else ", '', '', NULL"
        for r in self.conn.execute(
            "SELECT m.goal_id, m.id, m.number, m.text, m.indicator, m.baseline_year, m.baseline_level,"
            f" m.target_level, m.achieved, m.score{plan_columns} FROM measures m JOIN goals g ON m.goal_id = g.id"
            " WHERE g.report_id = ? ORDER BY g.sort_order, m.sort_order",
            (report_id,),
        ):
            goals[r[0]].measures.append(
                Measure(
                    id=r[1],
                    number=r[2],
                    text=r[3],
                    indicator=r[4],
                    baseline_year=r[5],
                    baseline_level=r[6],
                    target_level=r[7],
                    achieved=r[8],
                    score=Score(r[9]) if r[9] is not None else None,
                    responsible=r[10],
                    due=r[11],
                    origin=r[12],
                )
            )
        report.goals = list(goals.values())
        if version >= 4:  # an older file opened read-only is upgraded in memory; a received one is not
            # most reports have no evidence: one look at both tables spares the two joins that read it
            has_evidence, has_earlier = self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM attachments), EXISTS (SELECT 1 FROM earlier_attachments)").fetchone()
            evidence = self.evidence_of_report(report_id) if has_evidence else {}
            earlier = self.earlier_evidence_of_report(report_id) if has_earlier else {}
            for measure in report.measures():
                measure.evidence = evidence.get(measure.id, [])
                measure.earlier_evidence = earlier.get(measure.id, [])
        return report

    def report_of(self, kind: str, item_id: str) -> str:
        """The report an item belongs to (for the change log and for the window)."""
        query = {
            ItemKind.REPORT: "SELECT id FROM reports WHERE id = ?",
            ItemKind.GOAL: "SELECT report_id FROM goals WHERE id = ?",
            ItemKind.SIGNATORY: "SELECT report_id FROM signatories WHERE id = ?",
            ItemKind.MEASURE: "SELECT g.report_id FROM measures m JOIN goals g ON m.goal_id = g.id WHERE m.id = ?",
        }[kind]
        row = self.conn.execute(query, (item_id,)).fetchone()
        if row is None:
            raise NotFoundError("Засах гэсэн мөр файлд олдсонгүй (устгагдсан байж магадгүй).")
        return row[0]


def _texts_of(report: Report):
    """Every text field of a report, to check that each is text as the model says."""
    yield from (report.organization, report.aimag, report.report_date, report.appendix_label, report.title)
    for s in report.signatories:
        yield from (s.role, s.position, s.name)
    for g in report.goals:
        yield from (g.number, g.text)
        for m in g.measures:
            yield from (m.number, m.text, m.indicator, m.baseline_year, m.baseline_level, m.target_level, m.achieved,
                        m.responsible, m.due)
            if m.origin is not None:
                yield m.origin
            yield from (e.name for e in m.evidence + m.earlier_evidence)
