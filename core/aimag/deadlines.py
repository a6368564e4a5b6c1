"""Deadlines at the aimag: who has not sent the report the latest call asked for, and how many days are left.

The call (``core.aimag.call``) named a year, a period and a deadline. Every organization
the register expects to report that has no current report of that year and period is
listed with the days left to the deadline (negative: late). Without any call the list is
as it always was: the expected organizations without any current report, no days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core.aimag.ranking import RankingRow, missing_organizations
from core.aimag.register import expected_organizations
from core.storage import ReportFile
from core.storage.calls import IssuedCall, issued_calls
from core.storage.submissions import current_rounds
from core.trust.aimag_message import days_left
from core.trust.names import name_key


@dataclass(frozen=True)
class NotSent:
    """One expected organization that has not sent what the call asked for (``days_left`` ``None`` without a call)."""

    organization: str
    days_left: int | None = None

    def to_json(self) -> dict:
        return {"organization": self.organization, "days_left": self.days_left}


def latest_call(rf: ReportFile) -> IssuedCall | None:
    """The call the aimag sent last, if any (schema 5 on)."""
    if rf.schema_version < 5:
        return None
    calls = issued_calls(rf)
    return calls[0] if calls else None


def not_sent(rf: ReportFile, rows: list[RankingRow] | None = None, on: datetime.date | None = None) -> list[NotSent]:
    """The expected organizations that have not sent the report of the latest call, with the days left."""
    call = latest_call(rf)
    if call is None:
        return [NotSent(name) for name in missing_organizations(rf, rows)]
    sent = {name_key(name) for name, year, period in current_rounds(rf) if year == call.year and period == call.period}
    left = days_left(call.deadline, on)
    return [NotSent(name, left) for name in expected_organizations(rf) if name_key(name) not in sent]


def call_json(call: IssuedCall | None) -> dict | None:
    """The round the not-sent list counts from, as ``ranking --json`` gives it."""
    if call is None:
        return None
    return {"year": call.year, "period": call.period, "deadline": call.deadline}
