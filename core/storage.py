"""Opening, checking and editing a Tailan file.

One ``ReportFile`` is one open SQLite file. Opening checks the file before trusting
it (header, application id, schema version, integrity), never creates or changes a
file it refuses, and opens files on read-only media read-only with a message.

Every edit is one transaction that changes the data and appends to the change log
(when, which item, which field, old value, new value), so a crash leaves either the
whole edit or none of it, and a reviewer can always see the history. Structural
edits return what is needed to reverse them, which is what the window's undo
commands use.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import schema
from .atomic import friendly_write_error, produce_atomically
from .columns import (
    as_text,
    from_stored,
    goal_json,
    measure_json,
    report_summary,
    signatory_json,
    to_stored,
)
from .errors import DamagedFileError, NotFoundError, ReadOnlyError, TailanError
from .filecheck import (
    FileHeader,
    check_contents,
    check_header,
    connect_read_only,
    roll_back_interrupted_edit,
    writable_location,
)
from .filelock import FileLock
from .model import (
    GOAL_FIELDS,
    MEASURE_TEXT_FIELDS,
    REPORT_FIELDS,
    SIGNATORY_FIELDS,
    Goal,
    Measure,
    Period,
    Report,
    Score,
    Signatory,
)

#: Editable fields per kind of item, as stored (``score`` is a measure field too).
EDITABLE_FIELDS = {
    "report": REPORT_FIELDS,
    "goal": GOAL_FIELDS,
    "measure": MEASURE_TEXT_FIELDS + ("score",),
    "signatory": SIGNATORY_FIELDS,
}
TABLE_OF_KIND = {"report": "reports", "goal": "goals", "measure": "measures", "signatory": "signatories"}


def now_iso() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class ReportInfo:
    id: str
    organization: str
    aimag: str
    year: int | None
    period: str
    measure_count: int

    def describe(self) -> str:
        year = self.year if self.year is not None else "?"
        return f"{self.organization} {year} ({Period(self.period).label})"


class ReportFile:
    """One open Tailan file: reports, their edits and the change log."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, read_only_reason: str = ""):
        self.path = path
        self.conn = conn
        self._db = None
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.lock: FileLock | None = None
        self.backup_path: Path | None = None

    @property
    def db(self):
        """The sqlite-utils view of the connection, made on first use (edits, upgrades).

        Reading and printing never need it, so they never pay for importing sqlite-utils.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike) -> "ReportFile":
        """Creates a new, empty Tailan file; refuses to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise TailanError(f"«{path.name}» файл аль хэдийн байна. Өөр нэр сонгоно уу.")
        if not path.parent.is_dir():
            raise TailanError(f"«{path.parent}» хавтас олдсонгүй.")
        lock = FileLock(path)
        if not lock.acquire():
            raise TailanError(f"«{path.name}» файлыг өөр цонх ашиглаж байна. Өөр нэр сонгоно уу.")
        try:
            conn = sqlite3.connect(str(path))
            try:
                cls._configure(conn)
                conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                schema.upgrade(cls(path, conn, read_only=False).db)
            except BaseException:
                conn.close()
                raise
        except (sqlite3.Error, OSError) as exc:
            for leftover in (path, path.with_name(path.name + "-journal")):
                try:
                    leftover.unlink()
                except OSError:
                    pass
            lock.release()
            raise friendly_write_error(exc, path) from None
        except BaseException:
            lock.release()
            raise
        rf = cls(path, conn, read_only=False)
        rf.lock = lock
        return rf

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False, read_only: bool = False) -> "ReportFile":
        """Opens a file after checking it; ``create`` makes a new file when none exists."""
        path = Path(path)
        if not path.exists():
            if create:
                return cls.create(path)
            raise TailanError(f"«{path}» файл олдсонгүй. Замаа шалгана уу.")
        if path.is_dir():
            raise TailanError(f"«{path}» нь хавтас байна, файл биш.")
        if not path.is_file():  # a device or a pipe would block reading, or never end
            raise TailanError(f"«{path}» нь энгийн файл биш (төхөөрөмж эсвэл суваг). Тайлангийн файлаа сонгоно уу.")
        header = check_header(path)
        if not read_only and writable_location(path):
            roll_back_interrupted_edit(path)
        check_contents(path)
        reason = ""
        if not read_only and not writable_location(path):
            read_only = True
            reason = (
                "Файл зөвхөн уншигдах байршилд (жишээ нь түгжээтэй USB) байгаа тул зөвхөн уншихаар нээгдлээ. "
                "Засварлахын тулд компьютер руу хуулж нээнэ үү."
            )
        lock = None
        if not read_only:
            lock = FileLock(path)
            if not lock.acquire():
                read_only, lock = True, None
                reason = (
                    "Энэ файл өөр цонх эсвэл програмд засварлахаар нээлттэй байна, тиймээс зөвхөн уншихаар нээлээ. "
                    "Нөгөө цонхыг хаагаад дахин нээнэ үү."
                )
        if read_only:
            conn = connect_read_only(path)
            if header.user_version < schema.SCHEMA_VERSION:
                conn = _upgraded_memory_copy(conn)
            return cls(path, conn, read_only=True, read_only_reason=reason)
        try:
            return cls._open_for_writing(path, header, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_for_writing(cls, path: Path, header: FileHeader, lock: FileLock) -> "ReportFile":
        try:
            conn = sqlite3.connect(str(path))
        except sqlite3.Error as exc:
            raise friendly_write_error(exc, path) from None
        rf = cls(path, conn, read_only=False)
        rf.lock = lock
        try:
            cls._configure(conn)
            if header.user_version < schema.SCHEMA_VERSION:
                rf._upgrade_with_backup(header.user_version)
        except TailanError:
            conn.close()
            raise
        except Exception as exc:  # a failed migration rolled back: the file keeps its old version
            conn.close()
            if isinstance(exc, (sqlite3.Error, OSError)) and not header.user_version < schema.SCHEMA_VERSION:
                raise friendly_write_error(exc, path) from None
            raise TailanError(
                f"«{path.name}» файлыг шинэ хувилбар руу шилжүүлж чадсангүй ({exc}). "
                "Файл өмнөх хэвээрээ; програмын хөгжүүлэгчдэд мэдэгдэнэ үү."
            ) from exc
        return rf

    @staticmethod
    def _configure(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA trusted_schema = OFF")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise DamagedFileError("Файлын журналын горимыг тохируулж чадсангүй.")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _upgrade_with_backup(self, old_version: int) -> None:
        """Writes a complete backup copy first, then applies the pending migrations."""
        backup = self.path.with_name(f"{self.path.stem}.v{old_version}-backup{self.path.suffix}")
        n = 1
        while backup.exists():
            n += 1
            backup = self.path.with_name(f"{self.path.stem}.v{old_version}-backup{n}{self.path.suffix}")
        self.conn.execute("BEGIN IMMEDIATE")  # no other writer while the bytes are copied
        try:
            produce_atomically(backup, lambda temp: shutil.copyfile(self.path, temp))
        finally:
            self.conn.execute("ROLLBACK")
        schema.upgrade(self.db)
        self.backup_path = backup

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> "ReportFile":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One edit, one transaction: all of it reaches the disk, or none of it.

        Nested inside another, it is a savepoint of the outer one. A failure to write
        (full disk, removed medium, read-only file) becomes one Mongolian ``WriteError``.
        """
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason or "Файл зөвхөн уншихаар нээгдсэн; засварлах боломжгүй.")
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            raise friendly_write_error(exc, self.path) from None
        except OSError as exc:
            raise friendly_write_error(exc, self.path) from None

    _edit = transaction

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the current transaction that is undone alone when it raises.

        Unlike ``transaction`` it leaves errors as they are, so that the caller can tell
        one bad item (skipped, the rest goes on) from a disk that is full (stop).
        """
        with self.db.atomic():
            yield

    def log_change(self, report_id: str | None, kind: str, item_id: str, field: str, old: Any, new: Any) -> None:
        """Appends one entry to the file's change log (inside the caller's transaction)."""
        self.conn.execute(
            "INSERT INTO change_log (at, report_id, item_kind, item_id, field, old_value, new_value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_iso(), report_id, kind, item_id, field, as_text(old), as_text(new)),
        )

    _log = log_change

    def require_editable(self, report_id: str) -> None:
        """A finalized report is read-only until it is explicitly reopened."""
        row = self.conn.execute("SELECT finalized_at FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is not None and row[0] is not None:
            raise ReadOnlyError(
                "Тайланг баталгаажуулсан тул засах боломжгүй. Засах шаардлагатай бол "
                "«Засварлахаар дахин нээх» үйлдлийг хийнэ үү (шинэ хувилбар эхэлнэ)."
            )

    # ----------------------------------------------------------------- reading
    def list_reports(self) -> list[ReportInfo]:
        rows = self.conn.execute(
            "SELECT r.id, r.organization, r.aimag, r.year, r.period,"
            " (SELECT count(*) FROM measures m JOIN goals g ON m.goal_id = g.id WHERE g.report_id = r.id)"
            " FROM reports r ORDER BY r.year, r.period, r.organization, r.created_at"
        ).fetchall()
        return [ReportInfo(*row) for row in rows]

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
        try:
            return self._load_report(report_id)
        except (sqlite3.OperationalError, UnicodeDecodeError) as exc:
            if "decode" not in str(exc).lower():
                raise
            raise DamagedFileError(
                f"«{self.path.name}» файлын нэг текст гэмтсэн байна (UTF-8 биш). Нөөц хуулбараас сэргээнэ үү."
            ) from None

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
        for r in self.conn.execute(
            "SELECT m.goal_id, m.id, m.number, m.text, m.indicator, m.baseline_year, m.baseline_level,"
            " m.target_level, m.achieved, m.score FROM measures m JOIN goals g ON m.goal_id = g.id"
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
                )
            )
        report.goals = list(goals.values())
        return report

    def _editable_report_of(self, kind: str, item_id: str) -> str:
        """The report of an item that is about to change; refuses a finalized one."""
        report_id = self.report_of(kind, item_id)
        self.require_editable(report_id)
        return report_id

    def report_of(self, kind: str, item_id: str) -> str:
        """The report an item belongs to (for the change log and for the window)."""
        query = {
            "report": "SELECT id FROM reports WHERE id = ?",
            "goal": "SELECT report_id FROM goals WHERE id = ?",
            "signatory": "SELECT report_id FROM signatories WHERE id = ?",
            "measure": "SELECT g.report_id FROM measures m JOIN goals g ON m.goal_id = g.id WHERE m.id = ?",
        }[kind]
        row = self.conn.execute(query, (item_id,)).fetchone()
        if row is None:
            raise NotFoundError("Засах гэсэн мөр файлд олдсонгүй (устгагдсан байж магадгүй).")
        return row[0]

    def change_log(self, report_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, at, report_id, item_kind, item_id, field, old_value, new_value FROM change_log"
        params: tuple = ()
        if report_id is not None:
            sql += " WHERE report_id = ?"
            params = (report_id,)
        keys = ("id", "at", "report_id", "item_kind", "item_id", "field", "old_value", "new_value")
        return [dict(zip(keys, row)) for row in self.conn.execute(sql + " ORDER BY id", params)]

    # ----------------------------------------------------------- whole reports
    def add_report(self, report: Report) -> str:
        """Stores a whole report (an import, a new or carried-forward report) in one transaction."""
        with self._edit():
            self.insert_report(report)
            self._log(report.id, "report", report.id, "(insert)", None, report_summary(report))
        return report.id

    def insert_report(self, report: Report) -> None:
        """Inserts a whole report with its rows (inside the caller's transaction; not logged)."""
        self.conn.execute(
            "INSERT INTO reports (id, organization, aimag, year, period, report_date, appendix_label, title,"
            " created_at, revision, finalized_at, fingerprint, previous_fingerprint, public_key, signature)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.id,
                report.organization,
                report.aimag,
                report.year,
                report.period.value,
                report.report_date,
                report.appendix_label,
                report.title,
                now_iso(),
                report.revision,
                report.finalized_at,
                report.fingerprint,
                report.previous_fingerprint,
                report.public_key,
                report.signature,
            ),
        )
        self.conn.executemany(
            "INSERT INTO signatories (id, report_id, sort_order, role, position, name) VALUES (?, ?, ?, ?, ?, ?)",
            [(s.id, report.id, i, s.role, s.position, s.name) for i, s in enumerate(report.signatories)],
        )
        for gi, goal in enumerate(report.goals):
            self._insert_goal_row(report.id, gi, goal)

    def _insert_goal_row(self, report_id: str, index: int, goal: Goal) -> None:
        self.conn.execute(
            "INSERT INTO goals (id, report_id, sort_order, number, text) VALUES (?, ?, ?, ?, ?)",
            (goal.id, report_id, index, goal.number, goal.text),
        )
        self.conn.executemany(
            "INSERT INTO measures (id, goal_id, sort_order, number, text, indicator, baseline_year,"
            " baseline_level, target_level, achieved, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_measure_row(goal.id, mi, m) for mi, m in enumerate(goal.measures)],
        )

    _insert_report = insert_report

    def delete_report(self, report_id: str) -> None:
        with self._edit():
            self.require_editable(report_id)
            report = self.load_report(report_id)
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
            self._log(report_id, "report", report_id, "(delete)", report_summary(report), None)

    # ------------------------------------------------------------ field edits
    def set_field(self, kind: str, item_id: str, field: str, value: Any) -> Any:
        """Sets one field of one item; returns the old value (in model form) for undo."""
        if field not in EDITABLE_FIELDS.get(kind, ()):
            raise TailanError(f"«{field}» талбарыг засах боломжгүй.")
        stored = to_stored(field, value)
        table = TABLE_OF_KIND[kind]
        with self._edit():
            row = self.conn.execute(f"SELECT {field} FROM {table} WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise NotFoundError("Засах гэсэн мөр файлд олдсонгүй (устгагдсан байж магадгүй).")
            old_stored = row[0]
            report_id = self._editable_report_of(kind, item_id)
            if old_stored != stored:
                self.conn.execute(f"UPDATE {table} SET {field} = ? WHERE id = ?", (stored, item_id))
                self._log(report_id, kind, item_id, field, old_stored, stored)
        return from_stored(field, old_stored)

    # -------------------------------------------------------------- structure
    def _sibling_ids(self, table: str, parent_column: str, parent_id: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE {parent_column} = ? ORDER BY sort_order", (parent_id,)
            )
        ]

    def _write_order(self, table: str, ids: list[str]) -> None:
        self.conn.executemany(f"UPDATE {table} SET sort_order = ? WHERE id = ?", list(enumerate_ids(ids)))

    def _place(self, table: str, parent_column: str, parent_id: str, item_id: str, index: int) -> int:
        ids = [i for i in self._sibling_ids(table, parent_column, parent_id) if i != item_id]
        index = max(0, min(index, len(ids)))
        ids.insert(index, item_id)
        self._write_order(table, ids)
        return index

    def insert_goal(self, report_id: str, index: int, goal: Goal) -> int:
        """Inserts a goal with its measures at ``index``; returns the index used."""
        with self._edit():
            self.require_editable(report_id)
            self._insert_goal_row(report_id, 1_000_000, goal)
            index = self._place("goals", "report_id", report_id, goal.id, index)
            self._log(report_id, "goal", goal.id, "(insert)", None, goal_json(goal, index))
        return index

    def delete_goal(self, goal_id: str) -> tuple[str, int, Goal]:
        """Deletes a goal and its measures; returns (report id, index, goal) to restore it."""
        with self._edit():
            report_id = self._editable_report_of("goal", goal_id)
            ids = self._sibling_ids("goals", "report_id", report_id)
            index = ids.index(goal_id)
            goal = next(g for g in self.load_report(report_id).goals if g.id == goal_id)
            for mi, measure in enumerate(goal.measures):
                self._log(report_id, "measure", measure.id, "(delete)", measure_json(measure, goal_id, mi), None)
            self.conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,))
            ids.remove(goal_id)
            self._write_order("goals", ids)
            self._log(report_id, "goal", goal_id, "(delete)", goal_json(goal, index), None)
        return report_id, index, goal

    def move_goal(self, goal_id: str, index: int) -> int:
        """Moves a goal to ``index`` among its report's goals; returns the old index."""
        with self._edit():
            report_id = self._editable_report_of("goal", goal_id)
            old = self._sibling_ids("goals", "report_id", report_id).index(goal_id)
            new = self._place("goals", "report_id", report_id, goal_id, index)
            if new != old:
                self._log(report_id, "goal", goal_id, "(move)", old, new)
        return old

    def insert_measure(self, goal_id: str, index: int, measure: Measure) -> int:
        with self._edit():
            report_id = self._editable_report_of("goal", goal_id)
            self.conn.execute(
                "INSERT INTO measures (id, goal_id, sort_order, number, text, indicator, baseline_year,"
                " baseline_level, target_level, achieved, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _measure_row(goal_id, 1_000_000, measure),
            )
            index = self._place("measures", "goal_id", goal_id, measure.id, index)
            self._log(report_id, "measure", measure.id, "(insert)", None, measure_json(measure, goal_id, index))
        return index

    def delete_measure(self, measure_id: str) -> tuple[str, int, Measure]:
        """Deletes a measure; returns (goal id, index, measure) to restore it."""
        with self._edit():
            report_id = self._editable_report_of("measure", measure_id)
            goal_id = self.conn.execute("SELECT goal_id FROM measures WHERE id = ?", (measure_id,)).fetchone()[0]
            ids = self._sibling_ids("measures", "goal_id", goal_id)
            index = ids.index(measure_id)
            goal = next(g for g in self.load_report(report_id).goals if g.id == goal_id)
            measure = goal.measures[index]
            self.conn.execute("DELETE FROM measures WHERE id = ?", (measure_id,))
            ids.remove(measure_id)
            self._write_order("measures", ids)
            self._log(report_id, "measure", measure_id, "(delete)", measure_json(measure, goal_id, index), None)
        return goal_id, index, measure

    def move_measure(self, measure_id: str, goal_id: str, index: int) -> tuple[str, int]:
        """Moves a measure to ``index`` in ``goal_id`` (same or another goal of the report).

        Returns the old (goal id, index) so the move can be undone.
        """
        with self._edit():
            report_id = self._editable_report_of("measure", measure_id)
            if self.report_of("goal", goal_id) != report_id:
                raise TailanError("Арга хэмжээг өөр тайлан руу зөөх боломжгүй.")
            old_goal = self.conn.execute("SELECT goal_id FROM measures WHERE id = ?", (measure_id,)).fetchone()[0]
            old_ids = self._sibling_ids("measures", "goal_id", old_goal)
            old_index = old_ids.index(measure_id)
            if old_goal != goal_id:
                self.conn.execute("UPDATE measures SET goal_id = ? WHERE id = ?", (goal_id, measure_id))
                old_ids.remove(measure_id)
                self._write_order("measures", old_ids)
            new_index = self._place("measures", "goal_id", goal_id, measure_id, index)
            if (old_goal, old_index) != (goal_id, new_index):
                self._log(
                    report_id,
                    "measure",
                    measure_id,
                    "(move)",
                    json.dumps({"goal_id": old_goal, "index": old_index}),
                    json.dumps({"goal_id": goal_id, "index": new_index}),
                )
        return old_goal, old_index

    def insert_signatory(self, report_id: str, index: int, signatory: Signatory) -> int:
        with self._edit():
            self.require_editable(report_id)
            self.conn.execute(
                "INSERT INTO signatories (id, report_id, sort_order, role, position, name) VALUES (?, ?, ?, ?, ?, ?)",
                (signatory.id, report_id, 1_000_000, signatory.role, signatory.position, signatory.name),
            )
            index = self._place("signatories", "report_id", report_id, signatory.id, index)
            self._log(report_id, "signatory", signatory.id, "(insert)", None, signatory_json(signatory, index))
        return index

    def delete_signatory(self, signatory_id: str) -> tuple[str, int, Signatory]:
        with self._edit():
            report_id = self._editable_report_of("signatory", signatory_id)
            ids = self._sibling_ids("signatories", "report_id", report_id)
            index = ids.index(signatory_id)
            signatory = self.load_report(report_id).signatories[index]
            self.conn.execute("DELETE FROM signatories WHERE id = ?", (signatory_id,))
            ids.remove(signatory_id)
            self._write_order("signatories", ids)
            self._log(report_id, "signatory", signatory_id, "(delete)", signatory_json(signatory, index), None)
        return report_id, index, signatory

    def move_signatory(self, signatory_id: str, index: int) -> int:
        with self._edit():
            report_id = self._editable_report_of("signatory", signatory_id)
            old = self._sibling_ids("signatories", "report_id", report_id).index(signatory_id)
            new = self._place("signatories", "report_id", report_id, signatory_id, index)
            if new != old:
                self._log(report_id, "signatory", signatory_id, "(move)", old, new)
        return old

    # ------------------------------------------------------------------ copies
    def write_copy(self, target: str | os.PathLike) -> Path:
        """Writes a complete, self-contained copy atomically (temporary file, fsync, rename).

        ``VACUUM INTO`` includes every committed change; the temporary file is
        renamed over the target only once it is complete, so a pulled USB stick or
        a full disk never leaves a half file under the real name.
        """
        target = Path(target)
        if target.exists() and target.resolve() == self.path.resolve():
            raise TailanError("Хуулбарыг нээлттэй файлын оронд хадгалах боломжгүй. Өөр нэр сонгоно уу.")

        def vacuum_into(temp: Path) -> None:
            try:
                self.conn.execute("VACUUM INTO ?", (str(temp),))
            except sqlite3.Error as exc:
                raise friendly_write_error(exc, target) from None

        return produce_atomically(target, vacuum_into)


def _upgraded_memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older file opened read-only is upgraded in memory; the file itself is not touched."""
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
    finally:
        conn.close()
    memory.execute("PRAGMA foreign_keys = ON")
    schema.upgrade(ReportFile(Path(":memory:"), memory, read_only=False).db)
    return memory


def enumerate_ids(ids: list[str]) -> Iterator[tuple[int, str]]:
    return ((i, item_id) for i, item_id in enumerate(ids))


def _measure_row(goal_id: str, index: int, m: Measure) -> tuple:
    return (
        m.id,
        goal_id,
        index,
        m.number,
        m.text,
        m.indicator,
        m.baseline_year,
        m.baseline_level,
        m.target_level,
        m.achieved,
        m.score.value if m.score is not None else None,
    )


