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


def upgrade(db) -> None:
    """Applies pending migrations in order; each in its own transaction (``core.storage.migrations``)."""
    from core.storage.migrations import upgrade

    upgrade(db)


def migration_record(version: int) -> list[tuple[str, str]]:
    """(migration set, name) of each migration a file of ``version`` has applied, in order."""
    from core.storage.migrations import MIGRATION_SET, migration_names

    return [(MIGRATION_SET, name) for name in migration_names()[:version]]
