"""The time stamps of the file: UTC, ISO 8601, milliseconds."""

from __future__ import annotations

import datetime


def now_iso() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
