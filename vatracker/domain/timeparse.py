"""Reading the times and dates a user types: ISO 8601, local to the VA's zone unless offset."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .errors import InvalidInput
from .zones import Instant, instant_of, local_date, resolve_wall_time

_TIME_HELP = "use ISO 8601 such as 2026-03-02T09:30, 2026-03-02T09:30+01:00 or 09:30 for today"


def parse_instant(text: str, tz: ZoneInfo, now: Instant) -> Instant:
    """The instant `text` names: "now", an ISO 8601 date-time, or a bare time meaning today."""
    cleaned = text.strip()
    if cleaned.lower() == "now":
        return now
    moment = _parse_datetime(cleaned)
    if moment is None:
        clock = _parse_clock_time(cleaned)
        if clock is None:
            raise InvalidInput(f"Cannot read the time {text!r}: {_TIME_HELP}.")
        moment = datetime.combine(local_date(now, tz), clock)
    if moment.tzinfo is not None:
        return instant_of(moment)
    return resolve_wall_time(moment, tz)


def _parse_datetime(text: str) -> datetime | None:
    if len(text) < 11:  # a bare date, or not a date-time at all
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_clock_time(text: str) -> time | None:
    try:
        clock = time.fromisoformat(text)
    except ValueError:
        return None
    return None if clock.tzinfo is not None else clock


def parse_span(
    start_text: str, end_text: str, tz: ZoneInfo, now: Instant
) -> tuple[Instant, Instant]:
    """A start and an end as typed. An end given as a bare time ("00:30") is on the start's day,
    or the next day when that would be before the start: 23:30 to 00:30 is one hour."""
    start = parse_instant(start_text, tz, now)
    clock = _parse_clock_time(end_text.strip())
    if clock is None:
        return start, parse_instant(end_text, tz, now)
    day = local_date(start, tz)
    end = resolve_wall_time(datetime.combine(day, clock), tz)
    if end <= start:
        end = resolve_wall_time(datetime.combine(day + timedelta(days=1), clock), tz)
    return start, end


def parse_date(text: str, tz: ZoneInfo, now: Instant) -> date:
    """A calendar date: YYYY-MM-DD, or "today" / "yesterday" in the VA's zone."""
    cleaned = text.strip().lower()
    today = local_date(now, tz)
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidInput(
            f"Cannot read the date {text!r}: use YYYY-MM-DD such as 2026-03-02."
        ) from None
