"""The time stamps of the file: UTC, ISO 8601, milliseconds."""

from __future__ import annotations

import datetime


def now_iso() -> str:
    """The current time in UTC with milliseconds, so stamps from any PC sort and compare as text."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
