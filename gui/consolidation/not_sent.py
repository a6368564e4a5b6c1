"""The not-sent list of the aimag's window with the deadline of the latest call: days left, or late."""

from __future__ import annotations

from gui.i18n import tr
from gui.year.words import days_text, period_text


def show_not_sent(box, state) -> None:
    """The window's not-sent box (``missing_box.MissingBox``) with the days left and the call's round."""
    box.missing_list.clear()
    box.missing_list.addItems(not_sent_lines(state))
    box.setTitle(box_title(state))


def not_sent_lines(state) -> list[str]:
    """One line per expected organization that has not sent: its name, and the days left when a call set a deadline."""
    return [item.organization if item.days_left is None else f"{item.organization} — {days_text(item.days_left)}"
            for item in state.not_sent]


def box_title(state) -> str:
    """The list's title: how many of how many, and for which call."""
    if not state.expected:
        return tr("Not sent yet")
    title = tr("Not sent yet: {0} of {1} expected").format(len(state.not_sent), len(state.expected))
    call = state.call
    if call is not None:
        title += " " + tr("({0} of {1}, deadline {2})").format(period_text(call.period), call.year, call.deadline)
    return title
