"""The year's words in the window: a period, the days to a deadline, the call's line."""

from __future__ import annotations

from gui.i18n import tr


def period_text(value: str) -> str:
    """What the report of a period is called in the window."""
    return {"plan": tr("plan"), "half-year": tr("half-year report"), "annual": tr("annual report")}.get(value, value)


def days_text(days: int) -> str:
    """``5 days left``, ``the deadline is today``, ``3 days late``."""
    if days > 0:
        return tr("{0} days left").format(days)
    return tr("the deadline is today") if days == 0 else tr("{0} days late").format(-days)


def call_line(call) -> str:
    """``The aimag's call: Өвөрхангай aimag asks for the half-year report of 2024 by 2024-07-05 — 12 days left.``"""
    return tr("The aimag's call: {0} aimag asks for the {1} of {2} by {3} — {4}.").format(
        call.aimag, period_text(call.period), call.year, call.deadline, days_text(call.days_left()))
