"""The ordered migrations of the Tailan file (``sqlite_utils.Migrations``, its public API only).

Each migration runs in its own transaction and ends by setting ``user_version`` to
its number, so the header always tells the truth about the tables below it.
Migrations are append-only: one that has shipped is never edited (its fixture file
``tests/fixtures/schema_vN.tailan`` must keep matching what it builds, a test checks);
a change of the file is a new migration, numbered next, with a new fixture.
"""

from __future__ import annotations

import functools
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from core.storage.migration_year import m0005_year

#: The name of our migration set in the ``_sqlite_migrations`` table of every file.
MIGRATION_SET = "tailan"

migrations = Migrations(MIGRATION_SET)


def migration_names() -> list[str]:
    """The names of all migrations in order: what a blank database would have applied to it."""
    blank = sqlite3.connect(":memory:")
    try:
        return [m.name for m in migrations.pending(Database(blank, execute_plugins=False))]
    finally:
        blank.close()


def upgrade(db: Database) -> None:
    """Applies the pending migrations in order, each in its own transaction."""
    migrations.apply(db)


def apply_up_to(conn: sqlite3.Connection, version: int) -> None:
    """Applies the migrations of versions up to ``version`` (a reference file of that version, in memory)."""
    names = migration_names()
    stop = names[version] if version < len(names) else None
    migrations.apply(Database(conn, execute_plugins=False), stop_before=stop)


@functools.cache
def empty_file_image(application_id: int) -> bytes:
    """The bytes of a new, empty file at the latest version: our migrations applied once per
    process, in memory (``ReportFile.create`` copies them into each new file).

    Applying five migrations to every new file cost 8 ms each time (the window's sample, every
    submission built, every test); the file they build is the same every time, as nothing
    of it depends on the moment or the machine but the times of ``applied_at``, which
    ``ReportFile.create`` sets to its own moment.
    """
    memory = sqlite3.connect(":memory:")
    try:
        memory.execute(f"PRAGMA application_id = {int(application_id)}")
        upgrade(Database(memory, execute_plugins=False))
        return memory.serialize()
    finally:
        memory.close()


def _set_version(db: Database, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """Reports with their signatories, goals and measures, and the change log."""
    statements = [
        """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            organization TEXT NOT NULL DEFAULT '',
            aimag TEXT NOT NULL DEFAULT '',
            year INTEGER,
            period TEXT NOT NULL DEFAULT 'annual' CHECK (period IN ('annual', 'half-year')),
            report_date TEXT NOT NULL DEFAULT '',
            appendix_label TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE signatories (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE goals (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE measures (
            id TEXT PRIMARY KEY,
            goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            indicator TEXT NOT NULL DEFAULT '',
            baseline_year TEXT NOT NULL DEFAULT '',
            baseline_level TEXT NOT NULL DEFAULT '',
            target_level TEXT NOT NULL DEFAULT '',
            achieved TEXT NOT NULL DEFAULT '',
            score TEXT CHECK (score IS NULL OR score IN ('100', '70', '30', '0', 'not-due'))
        )
        """,
        """
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            report_id TEXT,
            item_kind TEXT NOT NULL,
            item_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        )
        """,
        "CREATE INDEX signatories_report ON signatories(report_id, sort_order)",
        "CREATE INDEX goals_report ON goals(report_id, sort_order)",
        "CREATE INDEX measures_goal ON measures(goal_id, sort_order)",
        "CREATE INDEX change_log_report ON change_log(report_id, id)",
    ]
    for sql in statements:
        db.execute(sql)
    _set_version(db, 1)


@migrations(name="0002_finalize_and_consolidate")
def m0002_finalize_and_consolidate(db: Database) -> None:
    """Finalized reports with revision and fingerprint; the aimag's received submissions.

    ``submissions`` is the aimag's history of every file merged (the current one
    and those it replaced); ``expected_organizations`` lists who should send.
    """
    statements = [
        "ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE reports ADD COLUMN finalized_at TEXT",
        "ALTER TABLE reports ADD COLUMN fingerprint TEXT",
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            fingerprint TEXT NOT NULL UNIQUE,
            report_id TEXT NOT NULL,
            aimag TEXT NOT NULL,
            organization TEXT NOT NULL,
            year INTEGER,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            finalized_at TEXT,
            total TEXT,
            file_name TEXT NOT NULL,
            archive_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
            content TEXT NOT NULL
        )
        """,
        "CREATE INDEX submissions_key ON submissions(organization, year, period, status)",
        "CREATE INDEX submissions_report ON submissions(report_id, status)",
        """
        CREATE TABLE expected_organizations (
            name TEXT PRIMARY KEY,
            added_at TEXT NOT NULL
        )
        """,
    ]
    for sql in statements:
        db.execute(sql)
    _set_version(db, 2)


@migrations(name="0003_signatures_and_register")
def m0003_signatures_and_register(db: Database) -> None:
    """Signed reports, and the aimag's register of organizations, keys and decisions.

    A report remembers the fingerprint of the revision it replaces and carries the
    public key and signature of its organization (``core.trust.signing``). The aimag keeps a
    register: each organization with its name as the aimag writes it and a name key
    (``core.trust.names``), the keys accepted for it, and the received files waiting for the
    reviewer's decision, and the reviewer's remarks and proposed scores on a received
    report. On the soum's side, the receipts the aimag sent back for its reports
    (``core.aimag.receipt``). The ranking is read from the submissions' signed content, so
    two soums' files made from one template, which share their ids, never clash. The
    old list of expected organizations moves into the register.
    """
    statements = [
        "ALTER TABLE reports ADD COLUMN previous_fingerprint TEXT",
        "ALTER TABLE reports ADD COLUMN public_key TEXT",
        "ALTER TABLE reports ADD COLUMN signature TEXT",
        """
        CREATE TABLE organizations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            expected INTEGER NOT NULL DEFAULT 1 CHECK (expected IN (0, 1)),
            added_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE organization_keys (
            public_key TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            key_code TEXT NOT NULL,
            accepted_at TEXT NOT NULL,
            retired_at TEXT
        )
        """,
        "CREATE INDEX organization_keys_organization ON organization_keys(organization_id)",
        """
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            status TEXT NOT NULL CHECK (status IN ('waiting', 'accepted', 'rejected')),
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            organization TEXT NOT NULL,
            aimag TEXT NOT NULL,
            year INTEGER,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            public_key TEXT NOT NULL,
            signature TEXT NOT NULL,
            organization_id TEXT REFERENCES organizations(id),
            file_name TEXT NOT NULL,
            archive_name TEXT NOT NULL,
            received_at TEXT NOT NULL,
            decided_at TEXT,
            content TEXT NOT NULL
        )
        """,
        "CREATE INDEX decisions_status ON decisions(status, fingerprint)",
        """
        CREATE TABLE aimag_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        "ALTER TABLE submissions ADD COLUMN organization_id TEXT REFERENCES organizations(id)",
        "ALTER TABLE submissions ADD COLUMN public_key TEXT",
        "ALTER TABLE submissions ADD COLUMN signature TEXT",
        "ALTER TABLE submissions ADD COLUMN previous_fingerprint TEXT",
        "CREATE INDEX submissions_organization ON submissions(organization_id, year, period, status)",
        """
        CREATE TABLE remarks (
            id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            measure_number TEXT,
            text TEXT NOT NULL DEFAULT '',
            proposed_score TEXT CHECK (proposed_score IS NULL OR proposed_score IN ('100', '70', '30', '0', 'not-due')),
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX remarks_submission ON remarks(fingerprint, created_at)",
        """
        CREATE TABLE receipts (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            aimag TEXT NOT NULL,
            received_at TEXT NOT NULL,
            aimag_key_code TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            content TEXT NOT NULL
        )
        """,
        "CREATE INDEX receipts_report ON receipts(report_id, revision)",
    ]
    for sql in statements:
        db.execute(sql)
    _move_expected_into_register(db)
    _set_version(db, 3)


def _move_expected_into_register(db: Database) -> None:
    import uuid

    from core.trust.names import name_key

    rows = db.execute("SELECT name, added_at FROM expected_organizations ORDER BY added_at, name").fetchall()
    # organizations that sent before signatures existed: registered, without keys, so
    # their first signed report waits for the reviewer as a new key
    rows += db.execute("SELECT organization, min(received_at) FROM submissions GROUP BY organization").fetchall()
    ids: dict[str, str] = {}
    for name, added_at in rows:
        key = name_key(name)
        if not key or key in ids:
            continue
        ids[key] = str(uuid.uuid4())
        db.execute(
            "INSERT INTO organizations (id, name, name_key, expected, added_at) VALUES (?, ?, ?, 1, ?)",
            (ids[key], " ".join(name.split()), key, added_at),
        )
    for submission_id, organization in db.execute("SELECT id, organization FROM submissions").fetchall():
        db.execute("UPDATE submissions SET organization_id = ? WHERE id = ?", (ids.get(name_key(organization)), submission_id))
    db.execute("DROP TABLE expected_organizations")


@migrations(name="0004_evidence")
def m0004_evidence(db: Database) -> None:
    """Evidence with each measure: the files that prove it, kept inside the report file.

    ``attachment_files`` holds each distinct file once, by the SHA-256 of its bytes,
    with its size and the type recognised from its content; its bytes are in
    ``attachment_chunks`` in order (``core.storage.attachments.CHUNK_BYTES`` each, the last
    shorter), so no single value is large and reading or copying one never needs the
    whole file in memory. ``attachments`` ties a file to a measure under a name, in
    order: one file attached to two measures is stored once. ``earlier_attachments``
    lists, for reference only, the evidence of the report a new one was carried forward
    from (names and hashes, no bytes; it never travels in a submission).
    """
    statements = [
        """
        CREATE TABLE attachment_files (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('jpeg', 'png', 'pdf', 'docx', 'xlsx')),
            added_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE attachment_chunks (
            sha256 TEXT NOT NULL REFERENCES attachment_files(sha256) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, seq)
        )
        """,
        """
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES attachment_files(sha256),
            added_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX attachments_measure ON attachments(measure_id, sort_order)",
        "CREATE INDEX attachments_file ON attachments(sha256)",
        """
        CREATE TABLE earlier_attachments (
            id TEXT PRIMARY KEY,
            measure_id TEXT NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL,
            year INTEGER,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            type TEXT NOT NULL
        )
        """,
        "CREATE INDEX earlier_attachments_measure ON earlier_attachments(measure_id, sort_order)",
    ]
    for sql in statements:
        db.execute(sql)
    _set_version(db, 4)



# Later migrations live in modules of their own (this one would outgrow its room); each is
# registered here, in order, so the whole set stays in one place.
migrations(name="0005_year")(m0005_year)
