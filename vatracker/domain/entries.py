"""Entries: spans of work for a client and task type, and the rules every entry obeys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from zoneinfo import ZoneInfo

from .errors import InvalidInput, NeedsConfirmation
from .text import check_text
from .zones import Instant, offset_at, to_local

#: Longer entries are possible (a forgotten timer, an all-nighter) but must be confirmed.
LONG_ENTRY_SECONDS = 24 * 3600
#: Where a running entry ends when checking overlaps: it holds all time from its start on, so
#: anything recorded after its start overlaps it, even before the clock gets there.
OPEN_END: Instant = 2**62
NOTE_LIMIT = 1_000
FINDINGS_LIMIT = 10_000


class Outcome(StrEnum):
    DONE = "done"
    TRYING = "trying"


@dataclass(frozen=True, slots=True)
class Entry:
    """One span of work. `end` is None while it runs; offsets are seconds east of UTC."""

    client_id: int
    task_type_id: int
    start: Instant
    start_offset: int
    zone: str
    end: Instant | None = None
    end_offset: int | None = None
    outcome: Outcome = Outcome.DONE
    findings: str = ""
    note: str = ""
    billable: bool = True
    id: int | None = None
    heartbeat: Instant | None = None
    invoice_id: int | None = None  # the issued invoice that locks it

    @property
    def locked(self) -> bool:
        return self.invoice_id is not None

    @property
    def running(self) -> bool:
        return self.end is None

    def end_or(self, now: Instant) -> Instant:
        return now if self.end is None else self.end

    def duration(self, now: Instant) -> int:
        """Elapsed seconds; a running entry counts up to `now`, never below zero."""
        return max(0, self.end_or(now) - self.start)

    @property
    def claimed_end(self) -> Instant:
        return OPEN_END if self.end is None else self.end

    def overlaps(self, other: Entry) -> bool:
        return self.start < other.claimed_end and other.start < self.claimed_end

    def ended(self, end: Instant, tz: ZoneInfo) -> Entry:
        return replace(self, end=end, end_offset=offset_at(tz, end), heartbeat=None)


def new_entry(
    client_id: int,
    task_type_id: int,
    start: Instant,
    tz: ZoneInfo,
    *,
    end: Instant | None = None,
    outcome: Outcome = Outcome.DONE,
    findings: str = "",
    note: str = "",
    billable: bool = True,
) -> Entry:
    """An entry recorded in `tz`, with the offsets in force there at its start and end."""
    return Entry(
        client_id=client_id,
        task_type_id=task_type_id,
        start=start,
        start_offset=offset_at(tz, start),
        zone=tz.key,
        end=end,
        end_offset=None if end is None else offset_at(tz, end),
        outcome=outcome,
        findings=findings,
        note=note,
        billable=billable,
    )


def clean_texts(entry: Entry) -> Entry:
    """The entry with its note and findings checked and trimmed."""
    note = check_text(entry.note, "The note", NOTE_LIMIT, multiline=False)
    findings = check_text(entry.findings, "The findings", FINDINGS_LIMIT, multiline=True)
    if findings and entry.outcome is not Outcome.TRYING:
        raise InvalidInput(
            "Findings belong to an attempt: set the outcome to trying, or clear the findings."
        )
    return replace(entry, note=note, findings=findings)


def check_span(entry: Entry, now: Instant, tz: ZoneInfo, *, allow_long: bool = False) -> None:
    """Refuse an entry whose times cannot be right; ask for confirmation of a very long one."""
    start_text = describe_instant(entry.start, tz)
    if entry.start > now:
        raise InvalidInput(
            f"The start ({start_text}) is in the future: time is recorded once done."
        )
    if entry.end is None:
        return
    end_text = describe_instant(entry.end, tz)
    if entry.end < entry.start:
        raise InvalidInput(f"The end ({end_text}) is before the start ({start_text}).")
    if entry.end == entry.start:
        raise InvalidInput(f"The entry has no length: it starts and ends at {start_text}.")
    if entry.end > now:
        raise InvalidInput(f"The end ({end_text}) is in the future: time is recorded once done.")
    length = entry.end - entry.start
    if length > LONG_ENTRY_SECONDS and not allow_long:
        raise NeedsConfirmation(
            f"The entry lasts {format_duration(length)}, more than 24 hours "
            f"({start_text} to {end_text})."
        )


def overlapping(entry: Entry, others: Iterable[Entry]) -> list[Entry]:
    """The entries among `others` (not `entry` itself) that share some time with `entry`."""
    return [
        other
        for other in others
        if (entry.id is None or other.id != entry.id) and entry.overlaps(other)
    ]


def free_span_before(
    entries: Sequence[Entry], until: Instant, now: Instant, length: int = 3600
) -> tuple[Instant, Instant]:
    """Where forgotten work most likely goes: up to `length` of free time ending by `until`.

    The end moves back past any entry that covers it; the start stops at the entry before.
    """
    end = until
    moved = True
    while moved:
        moved = False
        for entry in entries:
            if entry.start < end <= entry.end_or(now):
                end, moved = entry.start, True
    earlier_ends = [e.end_or(now) for e in entries if e.end_or(now) <= end]
    return max([end - length, *earlier_ends]), end


def split(entry: Entry, at: Instant, now: Instant, tz: ZoneInfo) -> tuple[Entry, Entry]:
    """Two entries that cover exactly the time of `entry`, divided at `at`.

    The second keeps running if the original was running; the first keeps the original id.
    """
    if not entry.start < at < entry.end_or(now):
        raise InvalidInput(
            f"Split at a time inside the entry, after {describe_instant(entry.start, tz)} "
            f"and before {describe_instant(entry.end_or(now), tz)}."
        )
    first = replace(entry, end=at, end_offset=offset_at(tz, at), heartbeat=None)
    second = replace(entry, id=None, start=at, start_offset=offset_at(tz, at))
    return first, second


def format_duration(seconds: int) -> str:
    """H:MM:SS, the way timers show time (hours are not wrapped at 24)."""
    seconds = max(0, seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def format_hours_minutes(seconds: int) -> str:
    """H:MM, for totals; the seconds are dropped, not rounded up."""
    seconds = max(0, seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def describe_length(seconds: int) -> str:
    """A length as people say it: "45 min", "2 h 41 min", "3 days 2 h"."""
    minutes = max(0, seconds) // 60
    days, hours, minutes = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return f"{days} day{'s' if days > 1 else ''} {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def describe_instant(instant: Instant, tz: ZoneInfo) -> str:
    return to_local(instant, tz).strftime("%Y-%m-%d %H:%M")
