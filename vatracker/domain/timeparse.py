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
