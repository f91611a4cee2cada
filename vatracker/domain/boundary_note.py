"""A polite note that restates what was agreed with a client, ready to copy into an email."""

from __future__ import annotations

from dataclasses import dataclass

from .money import format_money
from .promises import Promises
from .weekly import format_clock, format_weekdays


@dataclass(frozen=True)
class MonthFacts:
    """What happened this month, as the note mentions it."""

    month_name: str  # "March 2026"
    requests: int
    requests_outside_windows: int
    out_of_hours_seconds: int


def _hours(seconds: int) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def boundary_note(
    client_name: str,
    client_zone: str,
    currency: str,
    promises: Promises,
    commitment_names: dict[int, str],
    facts: MonthFacts,
) -> str:
    """A short, friendly email restating the agreed boundaries and this month's picture."""
    lines = [f"Hi {client_name},", ""]
    lines.append(
        "Thank you for a good month of working together. To keep giving your requests the "
        "attention they deserve, here is a quick reminder of how we agreed to work:"
    )
    lines.append("")
    if promises.windows:
        hours = "; ".join(w.describe() for w in promises.windows)
        lines.append(f"- I am available to you {hours} (your time, {client_zone}).")
    if promises.response_minutes:
        lines.append(
            f"- I answer requests within {_hours(promises.response_minutes * 60)} of those hours."
        )
    for commitment in promises.commitments:
        name = commitment_names.get(commitment.task_type_id, "the agreed task")
        lines.append(
            f"- {name} is done by {format_clock(commitment.due_minute)} your time, "
            f"{format_weekdays(commitment.weekdays)}."
        )
    if promises.retainer is not None:
        retainer = promises.retainer
        lines.append(
            f"- Your retainer covers {_hours(retainer.included_minutes * 60)} a month for "
            f"{format_money(retainer.fee_minor, currency)}; time beyond that is billed at "
            f"{format_money(retainer.overage_rate_minor, currency)} an hour."
        )
    if len(lines) == 5:
        lines.append("- We have not set fixed hours yet; I would be glad to agree on some.")
    lines.append("")
    if facts.requests_outside_windows or facts.out_of_hours_seconds:
        parts = []
        if facts.requests_outside_windows:
            parts.append(
                f"{facts.requests_outside_windows} of your {facts.requests} requests in "
                f"{facts.month_name} arrived outside these hours"
            )
        if facts.out_of_hours_seconds:
            parts.append(
                f"I worked {_hours(facts.out_of_hours_seconds)} on your tasks outside my "
                "regular working hours"
            )
        lines.append(
            f"For a clear picture: {', and '.join(parts)}. Requests that arrive outside these "
            "hours are picked up at the start of the next window, so that everything gets "
            "proper care."
        )
        lines.append("")
    lines.append(
        "If your needs have changed, I am happy to talk about adjusting our arrangement so it "
        "works well for both of us."
    )
    lines.append("")
    lines.append("Thank you for understanding,")
    return "\n".join(lines)
