from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import at
from vatracker.domain.errors import InvalidInput
from vatracker.domain.timeparse import parse_date, parse_instant, parse_span

NEW_YORK = ZoneInfo("America/New_York")
NOW = at("2026-03-02 15:00", "America/New_York")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("now", NOW),
        ("2026-03-02T09:30", at("2026-03-02 09:30", "America/New_York")),
        ("2026-03-02 09:30", at("2026-03-02 09:30", "America/New_York")),
        ("2026-03-02T09:30:15", at("2026-03-02 09:30:15", "America/New_York")),
        ("2026-03-02T09:30+01:00", at("2026-03-02 09:30", "Europe/Paris")),
        ("2026-03-02T14:30Z", at("2026-03-02 14:30", "UTC")),
        ("09:30", at("2026-03-02 09:30", "America/New_York")),
    ],
)
def test_times_are_iso_8601_local_to_the_va_unless_offset(typed: str, expected: int) -> None:
    assert parse_instant(typed, NEW_YORK, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("yesterday-ish", "Cannot read the time"),
        ("2026-03-02", "Cannot read the time"),
        ("25:00", "Cannot read the time"),
        ("2026-03-08T02:30", "does not exist in America/New_York"),
        ("2026-11-01T01:30", "happens twice"),
    ],
)
def test_unreadable_or_impossible_times_are_refused(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_instant(typed, NEW_YORK, NOW)


def test_the_repeated_hour_is_accepted_with_an_offset() -> None:
    first = parse_instant("2026-11-01T01:30-04:00", NEW_YORK, NOW)
    second = parse_instant("2026-11-01T01:30-05:00", NEW_YORK, NOW)
    assert second - first == 3600


def test_dates() -> None:
    assert parse_date("2026-02-27", NEW_YORK, NOW) == date(2026, 2, 27)
    assert parse_date("today", NEW_YORK, NOW) == date(2026, 3, 2)
    assert parse_date("Yesterday", NEW_YORK, NOW) == date(2026, 3, 1)
    with pytest.raises(InvalidInput, match="Cannot read the date '02/27/2026'"):
        parse_date("02/27/2026", NEW_YORK, NOW)


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        ("2026-03-01T23:59", "00:01", 2),  # FAULTS T11: overnight, not negative
        ("2026-03-01T22:00", "01:30", 210),
        ("2026-03-01T09:00", "17:00", 480),
        ("2026-03-01T09:00", "2026-03-02T09:00", 1440),
        ("2026-03-07T23:30", "03:30", 180),  # the night the clocks go forward
    ],
)
def test_an_end_given_as_a_bare_time_follows_the_start(start: str, end: str, minutes: int) -> None:
    first, last = parse_span(start, end, NEW_YORK, NOW + 86400 * 10)
    assert (last - first) // 60 == minutes


def test_a_full_end_before_the_start_stays_before_it() -> None:
    first, last = parse_span("2026-03-01T10:00", "2026-03-01T09:00", NEW_YORK, NOW)
    assert last < first  # and the entry rules refuse it with a message
