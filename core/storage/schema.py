"""The Tailan file format: an SQLite application file, its identity and its version.

``PRAGMA application_id`` marks a file as ours; ``PRAGMA user_version`` is the schema
version. Migrations are registered in order on one ``sqlite_utils.Migrations`` set;
each one runs in its own transaction and ends by setting ``user_version`` to its
number, so the header always tells the truth about the tables below it. A file
whose version is higher than ``SCHEMA_VERSION`` comes from a newer Tailan and is
refused rather than guessed at.

Never edit a migration that has shipped (``core/storage/migrations.py``): add a new one and
commit a fixture file of the new version under ``tests/fixtures/``.

This module holds the constants and two small entry points that import the
migrations (and sqlite-utils) only when called, so that reading and printing a file
never pays for importing sqlite-utils. The migrations never import this module.
"""

from __future__ import annotations

#: ``TAIL`` in ASCII: the value of ``PRAGMA application_id`` in every Tailan file.
APPLICATION_ID = 0x5441494C

#: The schema version this code writes; files with a higher version are refused.
SCHEMA_VERSION = 5

#: The digest (``core.storage.opencheck.schema_digest``) of the exact schema our migrations
#: build for each version, so that opening a file compares its schema without building ours
#: (and importing sqlite-utils). A new migration adds its version's digest here;
#: ``tests/test_opening_checks.py`` holds each against the migrations and says the missing one.
SCHEMA_DIGESTS = {
    1: "c868428ec9ea2902afe1d006e0935c106177d3684aeb44630c8673c5e9230413",
    2: "5a89a2accb92d1e6c29ccb92771fefa96060babd491e1c45828edaf11b7e02fa",
    3: "84cdda8f764f21cb34cb77622827222b5e6edc948f7732b02b2fe270cd450a00",
    4: "93ad9e4a3fa2bc48de2c367e272c6cd3f398bcbd866bae54f7c2326e67b72f0c",
    5: "de8271246021b006701c1973f2a83e9f057996247a7d0e4b7fc6af2e9b6ac2ad",
}


def upgrade(db) -> None:
    """Applies pending migrations in order; each in its own transaction (``core.storage.migrations``)."""
    from core.storage.migrations import upgrade

    upgrade(db)


#: (migration set, name) of each migration up to ``SCHEMA_VERSION``, as files record them,
#: so that checking a file's record needs no migrations loaded (held to them by
#: ``tests/test_opening_checks.py``; a new migration adds its line).
MIGRATION_RECORD = (
    ("tailan", "0001_initial"),
    ("tailan", "0002_finalize_and_consolidate"),
    ("tailan", "0003_signatures_and_register"),
    ("tailan", "0004_evidence"),
    ("tailan", "0005_year"),
)


def migration_record(version: int) -> list[tuple[str, str]]:
    """(migration set, name) of each migration a file of ``version`` has applied, in order."""
    if version <= len(MIGRATION_RECORD) and SCHEMA_VERSION <= len(MIGRATION_RECORD):
        return list(MIGRATION_RECORD[:version])
    from core.storage.migrations import MIGRATION_SET, migration_names

    return [(MIGRATION_SET, name) for name in migration_names()[:version]]
