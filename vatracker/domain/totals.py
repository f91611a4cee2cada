"""Time per client over a span (a day, a week): what the totals under the table show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .entries import Entry, Outcome
from .zones import Instant


@dataclass(frozen=True)
class ClientTotal:
    client_id: int
    seconds: int = 0
    billable_seconds: int = 0
    trying_seconds: int = 0

    def plus(self, entry: Entry, seconds: int) -> ClientTotal:
        return ClientTotal(
            self.client_id,
            self.seconds + seconds,
            self.billable_seconds + (seconds if entry.billable else 0),
            self.trying_seconds + (seconds if entry.outcome is Outcome.TRYING else 0),
        )


def seconds_within(entry: Entry, start: Instant, end: Instant, now: Instant) -> int:
    """The part of `entry` inside [start, end): an entry across midnight counts on both days."""
    return max(0, min(entry.end_or(now), end) - max(entry.start, start))


def totals_by_client(
    entries: Iterable[Entry], start: Instant, end: Instant, now: Instant
) -> list[ClientTotal]:
    """One total per client with time in [start, end), most time first."""
    totals: dict[int, ClientTotal] = {}
    for entry in entries:
        seconds = seconds_within(entry, start, end, now)
        if seconds:
            current = totals.get(entry.client_id, ClientTotal(entry.client_id))
            totals[entry.client_id] = current.plus(entry, seconds)
    return sorted(totals.values(), key=lambda t: (-t.seconds, t.client_id))
