"""The aimag's register: its organizations, the keys accepted for each, and its own name.

An organization is known by the name the aimag writes for it; two spellings with the
same name key (``core.trust.names``) are one organization, so a stray space or a Latin
letter never makes a second one. A key is accepted for one organization by the
reviewer, once, after comparing its code with the signed paper (``core.trust.signing``).
A retired key (a PC that died) stays on record but no longer signs for anyone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from core.errors import NotFoundError, TailanError
from core.report.kinds import LogOp
from core.storage import ReportFile, now_iso
from core.trust.names import name_key
from core.trust.signing import key_code


@dataclass
class Organization:
    """A registered organization: its name as the aimag writes it, whether it must report, its key codes."""

    id: str
    name: str
    expected: bool
    key_codes: list[str] = field(default_factory=list)


def organizations(rf: ReportFile) -> list[Organization]:
    """Every registered organization with the codes of its accepted (not retired) keys."""
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


def find_by_name(rf: ReportFile, name: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization whose name has the same key, if any."""
    row = rf.conn.execute("SELECT id, name FROM organizations WHERE name_key = ?", (name_key(name),)).fetchone()
    return (row[0], row[1]) if row else None


def require_by_name(rf: ReportFile, name: str) -> tuple[str, str]:
    """An organization that must be registered (for remarks, receipts): else a Mongolian ``NotFoundError``."""
    found = find_by_name(rf, name)
    if found is None:
        raise NotFoundError(f"«{name}» байгууллага аймгийн бүртгэлд алга.")
    return found


def organization_of_key(rf: ReportFile, public_key: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization this key is accepted for, if any."""
    row = rf.conn.execute(
        "SELECT o.id, o.name FROM organization_keys k JOIN organizations o ON o.id = k.organization_id"
        " WHERE k.public_key = ? AND k.retired_at IS NULL",
        (public_key,),
    ).fetchone()
    return (row[0], row[1]) if row else None


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


def add_organization(rf: ReportFile, name: str, expected: bool = True) -> str:
    """Registers an organization (inside the caller's transaction); returns its id.

    The name is kept exactly as given (a soum's files then keep matching it); refuses
    a name whose key is already registered under another spelling, naming it.
    """
    if not name_key(name):
        raise TailanError("Байгууллагын нэр хоосон байна.")
    found = find_by_name(rf, name)
    if found is not None:
        if found[1] != name:
            raise TailanError(f"«{name}» нь бүртгэлд байгаа «{found[1]}»-тэй ижил нэр (бичлэг нь л өөр).")
        return found[0]
    org_id = str(uuid.uuid4())
    rf.conn.execute(
        "INSERT INTO organizations (id, name, name_key, expected, added_at) VALUES (?, ?, ?, ?, ?)",
        (org_id, name, name_key(name), int(expected), now_iso()),
    )
    rf.log_change(None, "organization", org_id, LogOp.INSERT, None, name)
    return org_id


def accept_key(rf: ReportFile, organization_id: str, public_key: str) -> str:
    """Accepts a key for an organization (inside the caller's transaction); returns its code."""
    holder = rf.conn.execute(
        "SELECT organization_id FROM organization_keys WHERE public_key = ?", (public_key,)
    ).fetchone()
    code = key_code(public_key)
    if holder is not None:
        if holder[0] != organization_id:
            raise TailanError(f"{code} кодтой түлхүүр өөр байгууллагынх гэж бүртгэлтэй байна.")
        rf.conn.execute("UPDATE organization_keys SET retired_at = NULL WHERE public_key = ?", (public_key,))
        return code
    rf.conn.execute(
        "INSERT INTO organization_keys (public_key, organization_id, key_code, accepted_at) VALUES (?, ?, ?, ?)",
        (public_key, organization_id, code, now_iso()),
    )
    rf.log_change(None, "key", public_key, LogOp.ACCEPT, None, f"{organization_id} {code}")
    return code


def retire_key(rf: ReportFile, code: str) -> None:
    """A key no longer accepted (a lost or dead PC): its old submissions stay as they were."""
    with rf.transaction():
        cursor = rf.conn.execute(
            "UPDATE organization_keys SET retired_at = ? WHERE key_code = ? AND retired_at IS NULL", (now_iso(), code)
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"{code} кодтой идэвхтэй түлхүүр бүртгэлд алга.")
        rf.log_change(None, "key", code, LogOp.RETIRE, code, None)


def aimag_name(rf: ReportFile) -> str:
    """The aimag this file consolidates, as set by ``register``; empty when not set yet."""
    row = rf.conn.execute("SELECT value FROM aimag_settings WHERE name = 'aimag'").fetchone()
    return row[0] if row else ""


def set_aimag_name(rf: ReportFile, name: str) -> None:
    """The aimag this file consolidates (inside the caller's transaction)."""
    rf.conn.execute(
        "INSERT INTO aimag_settings (name, value) VALUES ('aimag', ?)"
        " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        (" ".join(name.split()),),
    )
    rf.log_change(None, "aimag", "aimag", "name", None, name)


def expected_organizations(rf: ReportFile) -> list[str]:
    """The organizations that must send a report, as registered, by name: the ranking lists those that have not."""
    return [r[0] for r in rf.conn.execute("SELECT name FROM organizations WHERE expected = 1 ORDER BY name")]


def set_expected(rf: ReportFile, add: list[str] = (), remove: list[str] = ()) -> list[str]:
    """Adds organizations to the register as expected to report, or marks them not expected.

    Removing never deletes an organization with keys or reports: it only stops being
    expected, so its history stays.
    """
    with rf.transaction():
        for name in add:
            if not name.strip():
                continue
            found = find_by_name(rf, name)
            if found is None:
                add_organization(rf, " ".join(name.split()), expected=True)
            else:
                rf.conn.execute("UPDATE organizations SET expected = 1 WHERE id = ?", (found[0],))
        for name in remove:
            found = find_by_name(rf, name)
            if found is not None:
                rf.conn.execute("UPDATE organizations SET expected = 0 WHERE id = ?", (found[0],))
                rf.log_change(None, "organization", found[0], "expected", "1", "0")
    return expected_organizations(rf)
