"""Migration 0005, the officer's whole year (issue 21); registered by ``core.storage.migrations``.

Append-only like every migration: once shipped it is never edited (its fixture is
``tests/fixtures/schema_v5.tailan``).
"""

from __future__ import annotations

from sqlite_utils import Database

#: Migration 0001's CHECK on ``reports.period``, and what 0005 widens it to.
_PERIODS_BEFORE_PLAN = "CHECK (period IN ('annual', 'half-year'))"
_PERIODS_WITH_PLAN = "CHECK (period IN ('annual', 'half-year', 'plan'))"


def m0005_year(db: Database) -> None:
    """The officer's whole year (issue 21): the plan, the link between reports, calls and notices.

    A report's period may be ``plan`` (the year's plan, approved in January); a measure
    gains the plan's ``responsible`` and ``due`` and its ``origin``, the id of the
    measure it was made from (the plan's in a half-year report), by which the aimag
    holds a report against the plan. ``aimag_calls`` keeps the calls for reports the
    aimag signed and sent down (year, period, deadline, the whole signed call);
    ``kept_calls`` keeps, in a soum's file, the call it opened for a report.
    ``decisions.answer`` is the reviewer's reason for a rejection, which goes back down
    as a signed notice.

    Widening the period's CHECK changes no stored value, so it is done as SQLite
    documents for a looser constraint (``ALTER TABLE``, "other kinds of table schema
    changes"): the CREATE statement's text edited with ``writable_schema`` inside this
    migration's transaction, the schema version moved on, the integrity checked. The
    table is not rebuilt: dropping it would cascade to every goal and measure.
    """
    _allow_plan_period(db)
    statements = [
        "ALTER TABLE measures ADD COLUMN responsible TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE measures ADD COLUMN due TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE measures ADD COLUMN origin TEXT",
        "ALTER TABLE decisions ADD COLUMN answer TEXT NOT NULL DEFAULT ''",
        """
        CREATE TABLE aimag_calls (
            id TEXT PRIMARY KEY,
            aimag TEXT NOT NULL,
            year INTEGER NOT NULL,
            period TEXT NOT NULL,
            deadline TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            content TEXT NOT NULL
        )
        """,
        "CREATE INDEX aimag_calls_round ON aimag_calls(year, period, issued_at)",
        """
        CREATE TABLE kept_calls (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            aimag TEXT NOT NULL,
            year INTEGER NOT NULL,
            period TEXT NOT NULL,
            deadline TEXT NOT NULL,
            aimag_key_code TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            content TEXT NOT NULL
        )
        """,
        "CREATE INDEX kept_calls_report ON kept_calls(report_id, issued_at)",
    ]
    for sql in statements:
        db.execute(sql)
    db.execute("PRAGMA user_version = 5")


def _allow_plan_period(db: Database) -> None:
    """``reports.period`` may be ``plan``: the CHECK of migration 0001 widened in place."""
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        changed = db.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'reports'"
            " AND instr(sql, ?) > 0",
            (_PERIODS_BEFORE_PLAN, _PERIODS_WITH_PLAN, _PERIODS_BEFORE_PLAN),
        ).rowcount
        if changed != 1:
            raise RuntimeError("reports.period: the CHECK of migration 0001 was not found")
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    problems = db.execute("PRAGMA integrity_check(reports)").fetchall()
    if problems != [("ok",)]:
        raise RuntimeError(f"integrity check after widening reports.period: {problems[:3]}")
