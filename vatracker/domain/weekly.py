"""Weekdays and weekly time windows ("Mon-Fri 08:00-10:00"), read from text and laid on dates.

A window is wall-clock time in some zone. Laid on a real date it becomes a span of instants whose
length is real elapsed time: on the night the clocks change, 00:00-04:00 lasts 3 or 5 hours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .errors import InvalidInput
from .zones import Instant, instant_of

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_GROUPS = {
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
    "daily": frozenset(range(7)),
    "everyday": frozenset(range(7)),
}
MINUTES_PER_DAY = 24 * 60


def parse_weekdays(text: str) -> frozenset[int]:
    """Weekdays (Monday = 0) from "Mon-Fri", "Mon,Wed,Fri", "Tue-Thu,Sat", "weekdays", "daily"."""
    cleaned = text.strip().lower().replace(" ", "")
    if cleaned in _GROUPS:
        return _GROUPS[cleaned]
    days: set[int] = set()
    for part in cleaned.split(","):
        if "-" in part:
            first, _, last = part.partition("-")
            start, end = _weekday(first, text), _weekday(last, text)
            days.update((start + i) % 7 for i in range((end - start) % 7 + 1))
        else:
            days.add(_weekday(part, text))
    return frozenset(days)


def _weekday(name: str, whole: str) -> int:
    for index, full in enumerate(_FULL_NAMES):
        if len(name) >= 2 and full.startswith(name):
            return index
    raise InvalidInput(
        f"Unknown weekday {name!r} in {whole.strip()!r}: use Mon, Tue, Wed, Thu, Fri, Sat, Sun, "
        "ranges such as Mon-Fri, lists such as Mon,Wed,Fri, or weekdays, weekends, daily."
    )


def format_weekdays(days: Iterable[int]) -> str:
    """The shortest way to write a set of weekdays: "Mon-Fri", "Mon, Wed, Fri", "daily"."""
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return "daily"
    runs: list[list[int]] = []
    for day in chosen:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}"
        if len(run) > 2
        else ", ".join(DAY_NAMES[d] for d in run)
        for run in runs
    ]
    return ", ".join(parts)


def parse_clock(text: str, *, allow_midnight_end: bool = False) -> int:
    """Minutes after midnight from "08:00", "8:30" or "8"; "24:00" only as an end."""
    cleaned = text.strip()
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", cleaned)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        total = hours * 60 + minutes
        if minutes < 60 and (
            total < MINUTES_PER_DAY or (allow_midnight_end and total == MINUTES_PER_DAY)
        ):
            return total
    raise InvalidInput(f"Cannot read the time {text.strip()!r}: use HH:MM such as 08:00 or 17:30.")


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class WeeklyWindow:
    """Wall-clock hours on some weekdays; `overnight` windows end on the next day."""

    weekdays: frozenset[int]
    start_minute: int
    end_minute: int
    overnight: bool = False

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise InvalidInput("A window needs at least one weekday.")
        if (
            not 0 <= self.start_minute < MINUTES_PER_DAY
            or not 0 < self.end_minute <= MINUTES_PER_DAY
        ):
            raise InvalidInput("A window's times must be between 00:00 and 24:00.")
        start, end = format_clock(self.start_minute), format_clock(self.end_minute)
        if self.overnight and self.end_minute > self.start_minute:
            raise InvalidInput(
                f"The window {start}-{end} is marked as running past midnight, but it ends after "
                'it starts on the same day: untick "ends the next day".'
            )
        if not self.overnight and self.end_minute == self.start_minute:
            raise InvalidInput(f"The window {start}-{end} has no length.")
        if not self.overnight and self.end_minute < self.start_minute:
            raise InvalidInput(
                f"The window ends ({end}) before it starts ({start}). If it runs past midnight, "
                "say so: mark it as ending the next day (--overnight on the command line)."
            )

    @property
    def nominal_minutes(self) -> int:
        """Length on an ordinary day (no clock change)."""
        return self.end_minute - self.start_minute + (MINUTES_PER_DAY if self.overnight else 0)

    def describe(self) -> str:
        suffix = " (ends the next day)" if self.overnight else ""
        return (
            f"{format_weekdays(self.weekdays)} {format_clock(self.start_minute)}-"
            f"{format_clock(self.end_minute)}{suffix}"
        )

    def occupied_minutes(self) -> Iterator[tuple[int, int]]:
        """The window as spans of minutes of the week (Monday 00:00 = 0), for overlap checks."""
        week = 7 * MINUTES_PER_DAY
        for day in sorted(self.weekdays):
            start = day * MINUTES_PER_DAY + self.start_minute
            end = start + self.nominal_minutes
            if end <= week:
                yield start, end
            else:  # Sunday night into Monday
                yield start, week
                yield 0, end - week


def parse_window(text: str, *, overnight: bool = False) -> WeeklyWindow:
    """A window from "Mon-Fri 08:00-10:00" (weekdays, a space, then start-end)."""
    days, _, hours = text.strip().rpartition(" ")
    if not days or "-" not in hours:
        raise InvalidInput(
            f"Cannot read the window {text.strip()!r}: write the days, then the hours, "
            "such as Mon-Fri 08:00-10:00."
        )
    start_text, _, end_text = hours.partition("-")
    return WeeklyWindow(
        weekdays=parse_weekdays(days),
        start_minute=parse_clock(start_text),
        end_minute=parse_clock(end_text, allow_midnight_end=True),
        overnight=overnight,
    )


def overlapping_windows(window: WeeklyWindow, others: Iterable[WeeklyWindow]) -> list[WeeklyWindow]:
    """The windows among `others` that share some minute of the week with `window`."""
    mine = list(window.occupied_minutes())
    return [
        other
        for other in others
        if other is not window
        and any(a < d and c < b for a, b in mine for c, d in other.occupied_minutes())
    ]


# Laying windows on real dates --------------------------------------------------------------


def wall_edge(day: date, minute: int, tz: ZoneInfo) -> Instant:
    """The first instant at which the clock in `tz` reads `minute` after midnight of `day` or
    later. A time the clocks skip lands on the clock change; a repeated time on its first
    occurrence."""
    wall = datetime.combine(day, time(0)) + timedelta(minutes=minute)
    before = instant_of(wall.replace(tzinfo=tz, fold=0))
    if datetime.fromtimestamp(before, tz).replace(tzinfo=None) == wall:
        return before
    # In a gap: fold=1 reads the wall time with the later offset, which lands before the gap.
    low, high = instant_of(wall.replace(tzinfo=tz, fold=1)), before
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, tz).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True)
class Span:
    """A stretch of real time: [start, end)."""

    start: Instant
    end: Instant

    @property
    def seconds(self) -> int:
        return self.end - self.start


def window_spans(window: WeeklyWindow, tz: ZoneInfo, first: date, last: date) -> list[Span]:
    """The window laid on every date from `first` to `last` (inclusive) in `tz`."""
    spans = []
    day = first
    while day <= last:
        if day.weekday() in window.weekdays:
            start = wall_edge(day, window.start_minute, tz)
            end_day = day + timedelta(days=1) if window.overnight else day
            end = wall_edge(end_day, window.end_minute, tz)
            if end > start:
                spans.append(Span(start, end))
        day += timedelta(days=1)
    return spans


def spans_between(
    windows: Iterable[WeeklyWindow], tz: ZoneInfo, start: Instant, end: Instant
) -> list[Span]:
    """Every window's spans in `tz` that share time with [start, end), clipped to it."""
    first = datetime.fromtimestamp(start, tz).date() - timedelta(days=1)
    last = datetime.fromtimestamp(end, tz).date()
    clipped = []
    for window in windows:
        for span in window_spans(window, tz, first, last):
            if span.start < end and start < span.end:
                clipped.append(Span(max(span.start, start), min(span.end, end)))
    return sorted(clipped, key=lambda s: (s.start, s.end))


def merge(spans: Iterable[Span]) -> list[Span]:
    """The same time as `spans`, as few non-overlapping spans as possible."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


def intersect(a: Iterable[Span], b: Iterable[Span]) -> list[Span]:
    """The time that lies in both lists of spans."""
    left, right = merge(a), merge(b)
    found, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        start = max(left[i].start, right[j].start)
        end = min(left[i].end, right[j].end)
        if start < end:
            found.append(Span(start, end))
        if left[i].end < right[j].end:
            i += 1
        else:
            j += 1
    return found


def subtract(a: Iterable[Span], b: Iterable[Span]) -> list[Span]:
    """The time in `a` that is not in `b`."""
    remaining: list[Span] = []
    cuts = merge(b)
    for span in merge(a):
        start = span.start
        for cut in cuts:
            if cut.end <= start or cut.start >= span.end:
                continue
            if cut.start > start:
                remaining.append(Span(start, cut.start))
            start = max(start, cut.end)
        if start < span.end:
            remaining.append(Span(start, span.end))
    return remaining


def total_seconds(spans: Iterable[Span]) -> int:
    return sum(span.seconds for span in spans)
