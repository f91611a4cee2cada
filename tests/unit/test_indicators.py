"""The sustainability indicators as pure functions: fixed cases at every threshold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from vatracker.domain.errors import InvalidInput
from vatracker.domain.indicators import (
    NO_DAY_OFF,
    SPECS,
    SWITCHES,
    WEEKLY_HOURS,
    DayEdges,
    Indicator,
    Level,
    Threshold,
    Trend,
    WorkRun,
    days_without_break,
    days_without_day_off,
    rolling_average,
    short_rest_days,
    switches_per_day,
    weekend_days_worked,
)

MONDAY = date(2026, 3, 2)
HOUR = 3600


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


@pytest.mark.parametrize(
    ("hours", "level"),
    [
        (0, Level.GREEN),
        (40, Level.GREEN),  # green up to 40
        (40.1, Level.AMBER),
        (48, Level.AMBER),
        (48.1, Level.AMBER),  # amber above 48 (the EU Directive's average)
        (54.9, Level.AMBER),
        (55, Level.RED),  # red at 55 or more (WHO/ILO 2021)
        (70, Level.RED),
    ],
)
def test_weekly_hours_by_the_issue_s_thresholds(hours: float, level: Level) -> None:
    assert WEEKLY_HOURS.default.level(hours) is level


@pytest.mark.parametrize(
    ("spec", "value", "level"),
    [(spec, spec.default.amber_above, Level.GREEN) for spec in SPECS]  # at amber: still green
    + [(spec, spec.default.amber_above + 0.01, Level.AMBER) for spec in SPECS]
    + [(spec, spec.default.red_at - 0.01, Level.AMBER) for spec in SPECS]
    + [(spec, spec.default.red_at, Level.RED) for spec in SPECS],
)
def test_every_indicator_changes_colour_at_its_thresholds(spec, value: float, level: Level) -> None:  # type: ignore[no-untyped-def]
    assert spec.default.level(value) is level


def test_thresholds_must_rise() -> None:
    with pytest.raises(InvalidInput, match="red threshold \\(40\\) must be above the amber one"):
        Threshold(48, 40)
    with pytest.raises(InvalidInput, match="0 or more"):
        Threshold(-1, 5)


def test_every_indicator_explains_itself() -> None:
    for spec in SPECS:
        assert len(spec.why) > 80 and spec.default.red_at > spec.default.amber_above


def test_rolling_average_uses_up_to_four_weeks() -> None:
    assert rolling_average([40, 44, 48, 52, 56]) == [40, 42, 44, 46, 50]
    assert rolling_average([]) == []


def edges(day_index: int, start_hour: float, end_hour: float) -> DayEdges:
    base = 1_772_409_600 + day_index * 24 * HOUR  # 2026-03-02 00:00 UTC
    return DayEdges(day(day_index), base + int(start_hour * HOUR), base + int(end_hour * HOUR))


def test_short_rest_nights_are_counted_against_the_rest_rule() -> None:
    week = [day(i) for i in range(7)]
    worked = [
        edges(-1, 9, 17),  # Sunday before the week
        edges(0, 8, 23),  # Monday: 15 h after Sunday's end: fine
        edges(1, 10, 18),  # Tuesday: 11 h exactly after 23:00: fine
        edges(2, 4.99, 18),  # Wednesday: 10 h 59 min after 18:00: short
        edges(3, 9, 25.5),  # Thursday, past midnight to 01:30
        edges(4, 9, 17),  # Friday: 7.5 h after 01:30: short
    ]
    assert short_rest_days(worked, week, 11 * HOUR) == [day(2), day(4)]
    assert short_rest_days(worked, week, 7 * HOUR) == []
    # The first working day ever has nothing before it.
    assert short_rest_days([edges(0, 6, 9)], week, 11 * HOUR) == []


def test_days_in_a_row_count_back_before_the_week() -> None:
    sunday = day(6)
    assert days_without_day_off([], sunday) == 0
    assert days_without_day_off([day(i) for i in range(5)], sunday) == 5
    assert days_without_day_off([day(i) for i in range(7)], sunday) == 7
    # Fourteen days without a break, eight of them before this week.
    assert days_without_day_off([day(i) for i in range(-7, 7)], sunday) == 14
    # A run that ended midweek still counts for the week.
    assert days_without_day_off([day(i) for i in range(-5, 3)], sunday) == 8


def test_long_stretches_without_a_break() -> None:
    six = 6 * HOUR
    runs = [
        WorkRun(day(0), 0, six, six),  # exactly 6 h: not over
        WorkRun(day(1), 0, six + 120, six + 60),  # 6 h 1 min worked
        WorkRun(day(1), 0, six + 900, six + 600),  # the same day again: one day
        WorkRun(day(9), 0, 8 * HOUR, 8 * HOUR),  # not this week
    ]
    assert days_without_break(runs, [day(i) for i in range(7)], six) == 1


def test_weekend_days_and_switches() -> None:
    assert weekend_days_worked([day(0), day(5)]) == 1
    assert weekend_days_worked([day(5), day(6), day(12)]) == 3  # every weekend day given
    assert switches_per_day({day(0): 10, day(1): 4, day(3): 0}, [day(0), day(1), day(3)]) == 14 / 3
    assert switches_per_day({}, []) == 0.0


@pytest.mark.parametrize(
    ("value", "previous", "trend"),
    [
        (46.0, 44.0, Trend.WORSE),
        (44.0, 46.0, Trend.BETTER),
        (45.0, 44.5, Trend.SAME),  # within an hour
        (45.0, None, None),
    ],
)
def test_trends_compare_with_the_four_weeks_before(
    value: float, previous: float | None, trend: Trend | None
) -> None:
    indicator = Indicator(WEEKLY_HOURS, value, WEEKLY_HOURS.default, previous)
    assert indicator.trend == trend


def test_values_are_shown_with_their_units() -> None:
    assert Indicator(WEEKLY_HOURS, 46.52, WEEKLY_HOURS.default, None).describe_value() == "46.5 h"
    assert Indicator(NO_DAY_OFF, 7, NO_DAY_OFF.default, None).describe_value() == "7 days"
    assert Indicator(SWITCHES, 5.625, SWITCHES.default, None).describe_value() == "5.6 a day"
