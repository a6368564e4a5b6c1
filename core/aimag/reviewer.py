"""Who reviews at the aimag: the reviewer's name, asked once and kept on this PC.

Remarks and receipts carry the name of the person who wrote them, not the computer's
login ("root", "Admin"). The name is kept in the user's data folder (``reviewer.json``),
so the window asks it once and the command line knows it too (``review --author NAME``
sets it); only when it was never given does the login name stand in, as before.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from core.errors import TailanError
from core.paths import user_data_dir
from core.storage.atomic import write_bytes_atomically

MAX_NAME_CHARS = 200


def store_path() -> Path:
    return user_data_dir() / "reviewer.json"


def saved_name() -> str:
    """The reviewer's name kept on this PC, or ``""`` when it was never given."""
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    name = data.get("name") if isinstance(data, dict) else None
    return clean(name) if isinstance(name, str) else ""


def clean(name: str) -> str:
    """One line, single spaces, no control characters."""
    return " ".join("".join(ch for ch in name if ch.isprintable() or ch.isspace()).split())


def remember(name: str) -> str:
    """Keeps the reviewer's name on this PC; refuses an empty or overlong one."""
    name = clean(name)
    if not name:
        raise TailanError("Хянагчийн нэр хоосон байна.")
    if len(name) > MAX_NAME_CHARS:
        raise TailanError(f"Хянагчийн нэр хэт урт ({len(name)} тэмдэгт); {MAX_NAME_CHARS} хүртэл.")
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, json.dumps({"name": name}, ensure_ascii=False).encode("utf-8"))
    return name


def who(given: str | None = None) -> str:
    """The name to sign with: the one given (kept for next time), else the kept one, else the login."""
    if given is not None and clean(given):
        return remember(given)
    return saved_name() or login_name()


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
