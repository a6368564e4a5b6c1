"""The aimag keys a soum has accepted, on this PC (the user's data folder).

A receipt from the aimag is signed with the aimag's key. The first time a soum opens
a receipt of an aimag, the program shows the key's code; the officer compares it with
the code printed on the aimag's ranking paper and accepts it. From then on receipts
of that aimag must be signed with an accepted key. Kept per PC, like the soum's own
key, in ``<data folder>/aimag_keys.json``, by the aimag's name key (``core.trust.names``).
A store that cannot be read is refused with a message and never written over.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.errors import TailanError
from core.paths import user_data_dir
from core.storage import now_iso
from core.storage.atomic import write_bytes_atomically
from core.trust.names import name_key
from core.trust.signing import key_code


def store_path() -> Path:
    """The accepted aimag keys of this PC: in the user's data folder, never in a report file."""
    return user_data_dir() / "aimag_keys.json"


def _load() -> dict[str, list[dict]]:
    """The store as kept; a store that is there but cannot be read is refused, never read as empty
    (which would then be written over, and every accepted key forgotten)."""
    path = store_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise TailanError(f"«{path}» (хүлээн зөвшөөрсөн аймгийн түлхүүрүүд) файлыг уншиж чадсангүй "
                          f"(системийн алдааны дугаар {exc.errno}).") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not all(
            isinstance(entries, list) and all(isinstance(e, dict) for e in entries) for entries in data.values()
        ):
            raise ValueError
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise TailanError(
            f"«{path}» (хүлээн зөвшөөрсөн аймгийн түлхүүрүүд) файл гэмтсэн байна; түүнийг өөрчилсөнгүй. "
            "Нөөц хуулбараас сэргээнэ үү, эсвэл файлыг устгаад аймгийн түлхүүрийг эрэмбийн цаасан дээрх кодтой "
            "тулгаж дахин зөвшөөрнө үү."
        ) from None
    return data


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
