"""The aimag's register: its organizations, the keys accepted for each, and its own name.

An organization is known by the name the aimag writes for it; two spellings with the
same name key (``core.trust.names``) are one organization, so a stray space or a Latin
letter never makes a second one. A key is accepted for one organization by the
reviewer, once, after comparing its code with the signed paper (``core.trust.signing``).
A retired key (a PC that died) stays on record but never signs for anyone again: a
file it signed waits for the reviewer, named as signed by a retired key.
"""

from __future__ import annotations

from core.errors import NotFoundError, TailanError
from core.storage import ReportFile
from core.storage import aimag_register as stored
from core.storage.aimag_register import Organization
from core.trust.names import name_key, one_letter_apart
from core.trust.signing import key_code

__all__ = [
    "Organization", "accept_key", "add_organization", "aimag_name", "expected_organizations", "find_by_name",
    "key_codes_of", "look_alike", "organization_name", "organization_of_key", "organizations", "refresh_name_keys",
    "require_by_name", "retire_key", "retired_holder_of_key", "set_aimag_name", "set_expected",
]


def organizations(rf: ReportFile) -> list[Organization]:
    """Every registered organization with the codes of its accepted (not retired) keys."""
    return stored.organizations(rf)


def find_by_name(rf: ReportFile, name: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization whose name has the same key, if any."""
    return stored.organization_with_name_key(rf, name_key(name))


def require_by_name(rf: ReportFile, name: str) -> tuple[str, str]:
    """An organization that must be registered (for remarks, receipts): else a Mongolian ``NotFoundError``."""
    found = find_by_name(rf, name)
    if found is None:
        raise NotFoundError(f"«{name}» байгууллага аймгийн бүртгэлд алга.")
    return found


def organization_name(rf: ReportFile, organization_id: str) -> str | None:
    """The registered name of an organization, ``None`` when there is no such organization."""
    return stored.organization_name(rf, organization_id)


def organization_of_key(rf: ReportFile, public_key: str) -> tuple[str, str] | None:
    """(id, registered name) of the organization this key is accepted for, if any."""
    return stored.organization_of_key(rf, public_key)


def retired_holder_of_key(rf: ReportFile, public_key: str) -> tuple[str, str, str] | None:
    """(id, registered name, when retired) of the organization a retired key signed for: it signs for none now."""
    return stored.retired_holder_of_key(rf, public_key)


def look_alike(rf: ReportFile, name: str) -> tuple[str, str] | None:
    """(id, registered name) of a registered organization whose name key is one letter away from ``name``'s."""
    key = name_key(name)
    for org_id, registered, _ in stored.names_and_keys(rf):
        if one_letter_apart(key, name_key(registered)):
            return org_id, registered
    return None


def refresh_name_keys(rf: ReportFile) -> None:
    """Stored name keys made by an older name rule, made again by today's (one transaction).

    The rule only ever folds more spellings together; a key another organization already
    holds (two spellings registered apart before) is left as it was.
    """
    rows = stored.names_and_keys(rf)
    taken = {key for _, _, key in rows}
    stale = [(org_id, name_key(name)) for org_id, name, key in rows if name_key(name) != key]
    if not stale:
        return
    with rf.transaction():
        for org_id, key in stale:
            if key not in taken:
                stored.update_name_key(rf, org_id, key)
                taken.add(key)


def key_codes_of(rf: ReportFile, organization_id: str) -> list[str]:
    """The codes of the keys that sign for an organization now (retired keys left out), oldest first."""
    return stored.key_codes_of(rf, organization_id)


def add_organization(rf: ReportFile, name: str, expected: bool = True) -> str:
    """Registers an organization (its own transaction, or a savepoint of the caller's); returns its id.

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
    return stored.insert_organization(rf, name, name_key(name), expected)


def accept_key(rf: ReportFile, organization_id: str, public_key: str) -> str:
    """Accepts a key for an organization (its own transaction, or a savepoint of the caller's); returns its code.

    A key accepted before is refused: for another organization it is that one's, and a
    retired key stays retired (a file it signed can still be accepted, the key never
    signs again by itself).
    """
    holder = stored.holder_of_key(rf, public_key)
    code = key_code(public_key)
    if holder is not None:
        if holder != organization_id:
            raise TailanError(f"{code} кодтой түлхүүр өөр байгууллагынх гэж бүртгэлтэй байна.")
        if stored.retired_holder_of_key(rf, public_key) is not None:
            raise TailanError(f"{code} кодтой түлхүүрийг хүчингүй болгосон; дахин зөвшөөрөхгүй.")
        return code
    stored.insert_key(rf, organization_id, public_key, code)
    return code


def retire_key(rf: ReportFile, code: str) -> None:
    """A key no longer accepted (a lost or dead PC): its old submissions stay as they were."""
    if not stored.retire_key(rf, code):
        raise NotFoundError(f"{code} кодтой идэвхтэй түлхүүр бүртгэлд алга.")


def aimag_name(rf: ReportFile) -> str:
    """The aimag this file consolidates, as set by ``register``; empty when not set yet."""
    return stored.aimag_name(rf)


def set_aimag_name(rf: ReportFile, name: str) -> None:
    """Names the aimag this file consolidates (spaces tidied), in its own transaction."""
    stored.set_aimag_name(rf, name, " ".join(name.split()))


def expected_organizations(rf: ReportFile) -> list[str]:
    """The organizations that must send a report, as registered, by name: the ranking lists those that have not."""
    return stored.expected_names(rf)


def set_expected(rf: ReportFile, add: list[str] = (), remove: list[str] = ()) -> list[str]:
    """Adds organizations to the register as expected to report, or marks them not expected.

    Removing never deletes an organization with keys or reports: it only stops being
    expected, so its history stays. All of it is one transaction.
    """
    with rf.transaction():
        for name in add:
            if not name.strip():
                continue
            found = find_by_name(rf, name)
            if found is None:
                add_organization(rf, " ".join(name.split()), expected=True)
            else:
                stored.set_expected(rf, found[0], True)
        for name in remove:
            found = find_by_name(rf, name)
            if found is not None:
                stored.set_expected(rf, found[0], False)
    return expected_organizations(rf)
