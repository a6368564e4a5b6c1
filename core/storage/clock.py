"""The time stamps of the file, and the times people read.

Stamps the program compares (the change log, decisions, submissions) are UTC, ISO 8601,
with milliseconds, so stamps from any PC sort and compare as text. What a person signs
and reads (the reviewer's remarks, the aimag's receipt) carries the local time of the PC
that wrote it, with its offset (``2026-12-07T22:07:26+08:00``): the same instant, told
as the clock on the wall told it. Printed, every stamp is shown as the local clock of the
PC that prints it (``2026-12-07 22:07``), whichever way it was stored.
"""

from __future__ import annotations

import datetime


def now_iso() -> str:
    """The current time in UTC with milliseconds, so stamps from any PC sort and compare as text."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


def local_now_iso() -> str:
    """The current local time with its offset, with milliseconds (two receipts of one second still
    come in order): what a person signs (``…T22:07:26.123+08:00``)."""
    return datetime.datetime.now().astimezone().isoformat(timespec="milliseconds")


def later_than(first: str, second: str) -> bool:
    """Whether stamp ``first`` is a later instant than ``second``, whatever offsets they carry
    (a stamp that is not a time compares as text, as before)."""
    a, b = parse_stamp(first), parse_stamp(second)
    if a is None or b is None:
        return first > second
    return a > b


def as_local_iso(stamp: str) -> str:
    """A stored stamp (UTC or with any offset) as the local time of this PC, with its offset;
    a text that is not a time comes back as it was."""
    moment = parse_stamp(stamp)
    return moment.astimezone().isoformat(timespec="seconds") if moment is not None else stamp


def local_clock(stamp: str, with_time: bool = True) -> str:
    """A stamp as this PC's clock shows it: ``2026-12-07 22:07`` (or the date only); a stamp
    without an offset is read as UTC, as the file's stamps are; a text that is not a time
    comes back as it was."""
    moment = parse_stamp(stamp)
    if moment is None:
        return stamp
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if with_time else local.strftime("%Y-%m-%d")


def parse_stamp(stamp: str) -> datetime.datetime | None:
    """A stamp as an instant (one without an offset is UTC), or ``None`` when it is not a time."""
    text = (stamp or "").strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment
