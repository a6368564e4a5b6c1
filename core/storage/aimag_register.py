"""The aimag's register in its file: organizations, the keys accepted for each, its settings.

Tables ``organizations``, ``organization_keys`` and ``aimag_settings`` (schema 3). This
module only stores and finds rows; the rules (one organization per name key, which
name wins, the messages) are ``core.aimag.register``'s. Every write opens its own
transaction (a savepoint inside the caller's) and appends to the change log.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from core.storage.change_log import LogOp, RecordKind
from core.storage.clock import now_iso
from core.storage.file import ReportFile

#: The one setting the aimag's file keeps: the aimag it consolidates.
AIMAG_NAME_SETTING = "aimag"


@dataclass
class Organization:
    """A registered organization: its name as the aimag writes it, whether it must report, its key codes."""

    id: str
    name: str
    expected: bool
    key_codes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ reading
def organizations(rf: ReportFile) -> list[Organization]:
    """Every registered organization, by name, with the codes of its keys in force (oldest first)."""
    orgs = {
        r[0]: Organization(r[0], r[1], bool(r[2]))
        for r in rf.conn.execute("SELECT id, name, expected FROM organizations ORDER BY name")
    }
    for org_id, code in rf.conn.execute(
        "SELECT organization_id, key_code FROM organization_keys WHERE retired_at IS NULL ORDER BY accepted_at"
    ):
        if org_id in orgs:
            orgs[org_id].key_codes.append(code)
    return list(orgs.values())


def organization_with_name_key(rf: ReportFile, key: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization registered under this name key, if any."""
    row = rf.conn.execute("SELECT id, name FROM organizations WHERE name_key = ?", (key,)).fetchone()
    return (row[0], row[1]) if row else None


def organization_name(rf: ReportFile, organization_id: str) -> str | None:
    """The registered name of an organization; ``None`` when no such organization exists."""
    row = rf.conn.execute("SELECT name FROM organizations WHERE id = ?", (organization_id,)).fetchone()
    return row[0] if row else None


def expected_names(rf: ReportFile) -> list[str]:
    """The names of the organizations that must send a report, in name order."""
    return [r[0] for r in rf.conn.execute("SELECT name FROM organizations WHERE expected = 1 ORDER BY name")]


def organization_of_key(rf: ReportFile, public_key: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization this key signs for now (a retired key signs for none)."""
    row = rf.conn.execute(
        "SELECT o.id, o.name FROM organization_keys k JOIN organizations o ON o.id = k.organization_id"
        " WHERE k.public_key = ? AND k.retired_at IS NULL",
        (public_key,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def holder_of_key(rf: ReportFile, public_key: str) -> str | None:
    """The id of the organization this key was ever accepted for, retired or not."""
    row = rf.conn.execute(
        "SELECT organization_id FROM organization_keys WHERE public_key = ?", (public_key,)
    ).fetchone()
    return row[0] if row else None


def retired_holder_of_key(rf: ReportFile, public_key: str) -> tuple[str, str, str] | None:
    """(id, registered name, when it was retired) of the organization this retired key was accepted for."""
    row = rf.conn.execute(
        "SELECT o.id, o.name, k.retired_at FROM organization_keys k JOIN organizations o ON o.id = k.organization_id"
        " WHERE k.public_key = ? AND k.retired_at IS NOT NULL",
        (public_key,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def names_and_keys(rf: ReportFile) -> list[tuple[str, str, str]]:
    """(id, registered name, stored name key) of every organization, oldest first."""
    return [tuple(r) for r in rf.conn.execute("SELECT id, name, name_key FROM organizations ORDER BY added_at, id")]


def key_codes_of(rf: ReportFile, organization_id: str) -> list[str]:
    """The codes of the keys that sign for an organization now (retired keys left out), oldest first."""
    return [
        r[0]
        for r in rf.conn.execute(
            "SELECT key_code FROM organization_keys WHERE organization_id = ? AND retired_at IS NULL"
            " ORDER BY accepted_at",
            (organization_id,),
        )
    ]


def aimag_name(rf: ReportFile) -> str:
    """The aimag this file consolidates; empty when not set yet."""
    row = rf.conn.execute("SELECT value FROM aimag_settings WHERE name = ?", (AIMAG_NAME_SETTING,)).fetchone()
    return row[0] if row else ""


# ------------------------------------------------------------------ writing
def insert_organization(rf: ReportFile, name: str, key: str, expected: bool) -> str:
    """Registers an organization under ``name`` and its name ``key``; returns its new id."""
    org_id = str(uuid.uuid4())
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO organizations (id, name, name_key, expected, added_at) VALUES (?, ?, ?, ?, ?)",
            (org_id, name, key, int(expected), now_iso()),
        )
        rf.log_change(None, RecordKind.ORGANIZATION, org_id, LogOp.INSERT, None, name)
    return org_id


def set_expected(rf: ReportFile, organization_id: str, expected: bool) -> None:
    """Marks an organization expected to report or not; the change log records it being taken off."""
    with rf.transaction():
        rf.conn.execute("UPDATE organizations SET expected = ? WHERE id = ?", (int(expected), organization_id))
        if not expected:
            rf.log_change(None, RecordKind.ORGANIZATION, organization_id, "expected", "1", "0")


def insert_key(rf: ReportFile, organization_id: str, public_key: str, code: str) -> None:
    """Accepts a new key for an organization, logged with the organization and the key's code."""
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO organization_keys (public_key, organization_id, key_code, accepted_at) VALUES (?, ?, ?, ?)",
            (public_key, organization_id, code, now_iso()),
        )
        rf.log_change(None, RecordKind.KEY, public_key, LogOp.ACCEPT, None, f"{organization_id} {code}")


def update_name_key(rf: ReportFile, organization_id: str, key: str) -> None:
    """Stores an organization's name key as the current name rule computes it (not an edit: not logged)."""
    with rf.transaction():
        rf.conn.execute("UPDATE organizations SET name_key = ? WHERE id = ?", (key, organization_id))



def retire_key(rf: ReportFile, code: str) -> bool:
    """Retires the keys in force with this code (logged); ``False`` when there is none."""
    with rf.transaction():
        cursor = rf.conn.execute(
            "UPDATE organization_keys SET retired_at = ? WHERE key_code = ? AND retired_at IS NULL", (now_iso(), code)
        )
        if cursor.rowcount == 0:
            return False
        rf.log_change(None, RecordKind.KEY, code, LogOp.RETIRE, code, None)
    return True


def set_aimag_name(rf: ReportFile, name: str, stored: str) -> None:
    """Keeps ``stored`` as the aimag's name; the change log records ``name`` as it was given."""
    with rf.transaction():
        rf.conn.execute(
            "INSERT INTO aimag_settings (name, value) VALUES (?, ?)"
            " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (AIMAG_NAME_SETTING, stored),
        )
        rf.log_change(None, RecordKind.AIMAG, AIMAG_NAME_SETTING, "name", None, name)
