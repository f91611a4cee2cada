"""Weekly windows: reading them, and laying them on real dates across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.helpers import at
from vatracker.domain.errors import InvalidInput
from vatracker.domain.weekly import (
    Span,
    WeeklyWindow,
    format_weekdays,
    intersect,
    merge,
    overlapping_windows,
    parse_weekdays,
    parse_window,
    subtract,
    total_seconds,
    wall_edge,
    window_spans,
)
from vatracker.domain.weeks import Month, Week

NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("mon,wed,FRI", {0, 2, 4}),
        ("Tue-Thu, Sat", {1, 2, 3, 5}),
        ("Fri-Mon", {4, 5, 6, 0}),
        ("weekdays", {0, 1, 2, 3, 4}),
        ("weekends", {5, 6}),
        ("daily", set(range(7))),
        ("Monday", {0}),
        ("thursday-sunday", {3, 4, 5, 6}),
    ],
)
def test_weekdays_are_read_as_people_write_them(text: str, days: set[int]) -> None:
    assert parse_weekdays(text) == frozenset(days)


@pytest.mark.parametrize("text", ["Funday", "Mon-Xyz", "M", "", "Mon;Tue"])
def test_unknown_weekdays_say_what_is_known(text: str) -> None:
    with pytest.raises(InvalidInput, match="Unknown weekday"):
        parse_weekdays(text)


@given(st.frozensets(st.integers(0, 6), min_size=1))
def test_written_weekdays_read_back(days: frozenset[int]) -> None:
    assert parse_weekdays(format_weekdays(days).replace(" ", "")) == days


def test_a_window_reads_days_then_hours() -> None:
    window = parse_window("Mon-Fri 08:00-10:00")
    assert (window.weekdays, window.start_minute, window.end_minute) == (
        frozenset(range(5)),
        480,
        600,
    )
    assert window.describe() == "Mon-Fri 08:00-10:00"
    assert parse_window("Sat 20:00-24:00").end_minute == 1440
    night = parse_window("Fri 22:00-02:00", overnight=True)
    assert night.nominal_minutes == 240
    assert night.describe() == "Fri 22:00-02:00 (ends the next day)"


@pytest.mark.parametrize(
    ("text", "overnight", "message"),
    [
        ("Mon-Fri 10:00-08:00", False, r"ends \(08:00\) before it starts \(10:00\).*--overnight"),
        ("Mon 09:00-09:00", False, "no length"),
        ("Mon 09:00-17:00", True, "ends after it starts on the same day"),
        ("Mon 25:00-26:00", False, "Cannot read the time"),
        ("08:00-10:00", False, "write the days, then the hours"),
        ("Mon-Fri 8-ten", False, "Cannot read the time"),
    ],
)
def test_bad_windows_are_refused_with_the_reason(text: str, overnight: bool, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_window(text, overnight=overnight)


def test_overlapping_windows_are_found_across_midnight_and_the_week_end() -> None:
    mornings = parse_window("Mon-Fri 08:00-10:00")
    assert overlapping_windows(mornings, [parse_window("Wed 09:30-12:00")])
    assert not overlapping_windows(mornings, [parse_window("Mon-Fri 10:00-12:00")])
    sunday_night = parse_window("Sun 23:00-01:00", overnight=True)
    assert overlapping_windows(sunday_night, [parse_window("Mon 00:30-02:00")])
    assert not overlapping_windows(sunday_night, [parse_window("Sat 00:30-02:00")])


def test_a_skipped_start_lands_on_the_clock_change() -> None:
    # 2026-03-08: New York skips 02:00-03:00.
    assert wall_edge(date(2026, 3, 8), 150, NEW_YORK) == at("2026-03-08 03:00", "America/New_York")
    # A repeated time is its first occurrence.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0)
    assert wall_edge(date(2026, 11, 1), 90, NEW_YORK) == int(first.timestamp())


@pytest.mark.parametrize(
    ("day", "window", "overnight", "hours"),
    [
        (date(2026, 3, 8), "Sun 00:00-04:00", False, 3),  # spring forward inside the window
        (date(2026, 11, 1), "Sun 00:00-04:00", False, 5),  # fall back inside the window
        (date(2026, 3, 8), "Sun 08:00-10:00", False, 2),  # FAULTS T4: not scaled by 23/24
        (date(2026, 3, 7), "Sat 22:00-04:00", True, 5),  # overnight across the change
    ],
)
def test_windows_last_their_real_length(
    day: date, window: str, overnight: bool, hours: int
) -> None:
    (span,) = window_spans(parse_window(window, overnight=overnight), NEW_YORK, day, day)
    assert span.seconds == hours * 3600


@given(
    st.timezones(),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2037, 12, 31)),
    st.integers(0, 1438),
    st.integers(1, 1440),
)
def test_a_window_lasts_the_real_time_between_its_wall_times(
    tz: ZoneInfo, day: date, start: int, length: int
) -> None:
    """Promised hours are real lengths: the nominal length, less what the clocks jump forward
    inside the window, plus what they fall back (checked with aware datetimes, not wall_edge)."""
    end = min(start + length, 1440)
    walls = [
        datetime.combine(day, datetime.min.time()) + timedelta(minutes=m) for m in (start, end)
    ]
    aware = [w.replace(tzinfo=tz) for w in walls]
    assume(
        all(
            a.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == w
            for a, w in zip(aware, walls, strict=True)
        )
    )  # no skipped wall time at either end
    (span,) = window_spans(WeeklyWindow(frozenset(range(7)), start, end), tz, day, day)
    real = aware[1].astimezone(UTC) - aware[0].astimezone(UTC)
    assert span.seconds == int(real.total_seconds())
    shift = (aware[1].utcoffset() or timedelta()) - (aware[0].utcoffset() or timedelta())
    assert span.seconds == (end - start) * 60 - int(shift.total_seconds())


def test_span_arithmetic() -> None:
    a = [Span(0, 10), Span(20, 30)]
    b = [Span(5, 25)]
    assert intersect(a, b) == [Span(5, 10), Span(20, 25)]
    assert subtract(a, b) == [Span(0, 5), Span(25, 30)]
    assert merge([Span(0, 5), Span(3, 8), Span(8, 9)]) == [Span(0, 9)]
    assert total_seconds(a) == 20


@given(
    st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 200)), max_size=8),
    st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 200)), max_size=8),
)
def test_inside_plus_outside_is_everything(
    a: list[tuple[int, int]], b: list[tuple[int, int]]
) -> None:
    left = merge(Span(s, s + n) for s, n in a)
    cut = [Span(s, s + n) for s, n in b]
    assert total_seconds(intersect(left, cut)) + total_seconds(
        subtract(left, cut)
    ) == total_seconds(left)


def test_weeks_and_months() -> None:
    assert str(Week.parse("2026-W10")) == "2026-W10"
    assert Week.parse("2026w1").monday == date(2025, 12, 29)
    with pytest.raises(InvalidInput, match="write it as 2026-W10"):
        Week.parse("2026-W54")
    start, end = Week.parse("2026-W13").bounds(ZoneInfo("Europe/London"))
    assert end - start == 167 * 3600  # the clocks go forward on Sunday 29 March
    start, end = Week.parse("2026-W44").bounds(ZoneInfo("America/New_York"))
    assert end - start == 169 * 3600  # and back on Sunday 1 November
    assert Month.parse("2026-12").next() == Month(2027, 1)
    with pytest.raises(InvalidInput, match="write it as 2026-03"):
        Month.parse("March")
