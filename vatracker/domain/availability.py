"""The sum of promises over a week: each client's windows in its own zone, laid over the VA's
week, where they collide, where they leave the VA's own hours, and where the work went."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from .entries import Entry
from .promises import Commitment, OwnHours, Promises
from .weekly import (
    Span,
    WeeklyWindow,
    intersect,
    merge,
    spans_between,
    subtract,
    total_seconds,
    wall_edge,
)
from .weeks import Week
from .zones import Instant, day_bounds


@dataclass(frozen=True)
class ClientPromises:
    client_id: int
    zone: ZoneInfo
    promises: Promises


@dataclass(frozen=True)
class Overlap:
    """Time promised to several clients at once."""

    span: Span
    client_ids: frozenset[int]


@dataclass(frozen=True)
class WorkSplit:
    """One client's work in a period, split by where it fell."""

    worked: int = 0
    in_own_hours: int = 0
    in_client_windows: int = 0

    @property
    def out_of_hours(self) -> int:
        return self.worked - self.in_own_hours

    @property
    def outside_client_windows(self) -> int:
        return self.worked - self.in_client_windows


@dataclass(frozen=True)
class WeekPicture:
    """One week in the VA's zone: promises, collisions, own hours and the work done."""

    week: Week
    zone: ZoneInfo
    start: Instant
    end: Instant
    windows: dict[int, list[Span]]
    own_hours: list[Span]
    overlaps: list[Overlap]
    outside_own_hours: dict[int, list[Span]]
    work: dict[int, WorkSplit] = field(default_factory=dict)
    work_spans: dict[int, list[Span]] = field(default_factory=dict)

    def promised_seconds(self, client_id: int) -> int:
        return total_seconds(self.windows.get(client_id, []))

    @property
    def total_promised_seconds(self) -> int:
        return sum(self.promised_seconds(client_id) for client_id in self.windows)


def week_picture(
    clients: Sequence[ClientPromises],
    own: OwnHours,
    va_zone: ZoneInfo,
    week: Week,
    entries: Iterable[Entry] = (),
    now: Instant | None = None,
) -> WeekPicture:
    """Everything the availability map and the promised totals show for `week`."""
    start, end = week.bounds(va_zone)
    windows = {
        client.client_id: spans_between(client.promises.windows, client.zone, start, end)
        for client in clients
    }
    own_spans = merge(spans_between(own.windows, va_zone, start, end))
    outside = {
        client_id: subtract(spans, own_spans) for client_id, spans in windows.items() if spans
    }
    work, work_spans = attribute_work(entries, windows, own_spans, start, end, now)
    return WeekPicture(
        week=week,
        zone=va_zone,
        start=start,
        end=end,
        windows=windows,
        own_hours=own_spans,
        overlaps=overlaps_between(windows),
        outside_own_hours=outside,
        work=work,
        work_spans=work_spans,
    )


def overlaps_between(windows: dict[int, list[Span]]) -> list[Overlap]:
    """The stretches promised to two or more clients, and to whom."""
    edges = sorted(
        {edge for spans in windows.values() for span in spans for edge in (span.start, span.end)}
    )
    found: list[Overlap] = []
    for start, end in itertools.pairwise(edges):
        owners = frozenset(
            client_id
            for client_id, spans in windows.items()
            if any(s.start <= start and end <= s.end for s in spans)
        )
        if len(owners) < 2:
            continue
        if found and found[-1].span.end == start and found[-1].client_ids == owners:
            found[-1] = Overlap(Span(found[-1].span.start, end), owners)
        else:
            found.append(Overlap(Span(start, end), owners))
    return found


def attribute_work(
    entries: Iterable[Entry],
    client_windows: dict[int, list[Span]],
    own_hours: list[Span],
    start: Instant,
    end: Instant,
    now: Instant | None,
) -> tuple[dict[int, WorkSplit], dict[int, list[Span]]]:
    """Each client's work inside [start, end): all of it, the part in the VA's own hours and
    the part in the client's windows. A running entry counts up to `now`."""
    splits: dict[int, WorkSplit] = {}
    spans: dict[int, list[Span]] = {}
    for entry in entries:
        entry_end = entry.end_or(entry.start if now is None else now)
        piece = Span(max(entry.start, start), min(entry_end, end))
        if piece.seconds <= 0:
            continue
        current = splits.get(entry.client_id, WorkSplit())
        splits[entry.client_id] = WorkSplit(
            current.worked + piece.seconds,
            current.in_own_hours + total_seconds(intersect([piece], own_hours)),
            current.in_client_windows
            + total_seconds(intersect([piece], client_windows.get(entry.client_id, []))),
        )
        spans.setdefault(entry.client_id, []).append(piece)
    return splits, spans


def is_within_windows(windows: Iterable[WeeklyWindow], tz: ZoneInfo, instant: Instant) -> bool:
    """Whether `instant` falls inside one of `windows` (weekly windows in `tz`)."""
    return bool(spans_between(windows, tz, instant, instant + 1))


# Commitments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommitmentDay:
    """One day of a commitment: kept (work of that task ended by the time), missed, or not
    due yet."""

    day: date
    due: Instant
    status: str  # "kept", "missed" or "pending"
    kept_by: int | None = None


def commitment_days(
    commitment: Commitment,
    client_id: int,
    tz: ZoneInfo,
    first: date,
    last: date,
    entries: Iterable[Entry],
    now: Instant,
) -> list[CommitmentDay]:
    """Each due day from `first` to `last` (client's dates): kept when an entry of that client
    and task type ended between the day's start and the due time, in the client's zone."""
    relevant = [
        e
        for e in entries
        if e.client_id == client_id and e.task_type_id == commitment.task_type_id and e.end
    ]
    days = []
    day = first
    while day <= last:
        if day.weekday() in commitment.weekdays:
            day_start = day_bounds(day, tz)[0]
            due = wall_edge(day, commitment.due_minute, tz)
            keeper = next(
                (e for e in relevant if e.end is not None and day_start <= e.end <= due), None
            )
            if keeper is not None:
                days.append(CommitmentDay(day, due, "kept", keeper.id))
            else:
                days.append(CommitmentDay(day, due, "pending" if now < due else "missed"))
        day += timedelta(days=1)
    return days
