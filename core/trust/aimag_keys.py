"""The aimag keys a soum has accepted, on this PC (the user's data folder).

A receipt from the aimag is signed with the aimag's key. The first time a soum opens
a receipt of an aimag, the program shows the key's code; the officer compares it with
the code printed on the aimag's ranking paper and accepts it. From then on receipts
of that aimag must be signed with an accepted key. Kept per PC, like the soum's own
key, in ``<data folder>/aimag_keys.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.paths import user_data_dir
from core.storage import now_iso
from core.storage.atomic import write_bytes_atomically
from core.trust.names import name_key
from core.trust.signing import key_code


def store_path() -> Path:
    """The accepted aimag keys of this PC: in the user's data folder, never in a report file."""
    return user_data_dir() / "aimag_keys.json"


def _load() -> dict[str, list[dict]]:
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def accepted_keys(aimag: str) -> list[str]:
    """Hex public keys accepted for this aimag on this PC."""
    entries = _load().get(name_key(aimag), [])
    return [e["public_key"] for e in entries if isinstance(e, dict) and isinstance(e.get("public_key"), str)]


def accept(aimag: str, public_key: str) -> str:
    """Accepts an aimag's key on this PC; returns its code."""
    data = _load()
    entries = data.setdefault(name_key(aimag), [])
    if public_key not in [e.get("public_key") for e in entries]:
        entries.append({"aimag": aimag, "public_key": public_key, "code": key_code(public_key), "accepted_at": now_iso()})
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return key_code(public_key)
