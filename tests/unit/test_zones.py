"""Instants, zones and wall times, including the hours that daylight saving skips or repeats."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatracker.domain import zones as zones_module
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.windows_zones import WINDOWS_TO_IANA
from vatracker.domain.zones import (
    day_bounds,
    iana_name_of_windows_zone,
    instant_of,
    offset_at,
    resolve_wall_time,
    system_zone_name,
    zone,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_an_entry_across_the_fall_back_night_lasts_25_hours() -> None:
    # FAULTS T1 (Kimai #2844): Berlin, 31 Oct 2021 00:00 to 1 Nov 00:00 is 25 real hours.
    start = resolve_wall_time(datetime(2021, 10, 31, 0, 0), BERLIN)
    end = resolve_wall_time(datetime(2021, 11, 1, 0, 0), BERLIN)
    entry = new_entry(1, 1, start, BERLIN, end=end)
    assert entry.duration(now=end) == 25 * 3600
    # The naive way, subtracting aware datetimes that share a ZoneInfo, says 24 h: the bug.
    same_zone = datetime(2021, 11, 1, tzinfo=BERLIN) - datetime(2021, 10, 31, tzinfo=BERLIN)
    assert same_zone == timedelta(hours=24)
    assert entry.start_offset == 7200 and entry.end_offset == 3600


@given(
    st.timezones(),
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2037, 12, 31), allow_imaginary=False
    ),
    st.integers(min_value=0, max_value=72 * 3600),
    st.booleans(),
)
def test_duration_is_the_utc_difference_in_any_zone(
    tz: ZoneInfo, wall: datetime, seconds: int, fold: bool
) -> None:
    """T1 as a property: whatever the zone and the instant, duration == UTC delta."""
    start_local = wall.replace(tzinfo=tz, fold=int(fold))
    start = instant_of(start_local)
    end = start + seconds
    entry = new_entry(1, 1, start, tz, end=end)
    expected = datetime.fromtimestamp(end, UTC) - datetime.fromtimestamp(start, UTC)
    assert entry.duration(now=end) == int(expected.total_seconds()) == seconds
    assert entry.start_offset == offset_at(tz, start)


def test_the_skipped_hour_is_refused_not_shifted() -> None:
    # FAULTS T2: 02:30 on 28 Mar 2021 does not exist in Berlin.
    with pytest.raises(InvalidInput, match="does not exist in Europe/Berlin"):
        resolve_wall_time(datetime(2021, 3, 28, 2, 30), BERLIN)


def test_the_repeated_hour_asks_for_an_offset() -> None:
    # FAULTS T3: 02:30 on 31 Oct 2021 happens twice in Berlin.
    with pytest.raises(InvalidInput, match=r"happens twice.*\+02:00 \(the first\).*\+01:00"):
        resolve_wall_time(datetime(2021, 10, 31, 2, 30), BERLIN)


def test_the_two_repeated_times_are_distinct_instants() -> None:
    first = instant_of(datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN, fold=0))
    second = instant_of(datetime(2021, 10, 31, 2, 30, tzinfo=BERLIN, fold=1))
    assert second - first == 3600
    a = new_entry(1, 1, first, BERLIN, end=first + 60)
    b = new_entry(1, 1, second, BERLIN, end=second + 60)
    assert not a.overlaps(b)


@given(st.timezones(), st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2037, 1, 1)))
def test_resolved_wall_times_read_back_as_typed(tz: ZoneInfo, wall: datetime) -> None:
    wall = wall.replace(microsecond=0)
    try:
        instant = resolve_wall_time(wall, tz)
    except InvalidInput:
        first = wall.replace(tzinfo=tz, fold=0)
        second = wall.replace(tzinfo=tz, fold=1)
        round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        assert round_trip != wall or first.utcoffset() != second.utcoffset()
        return
    assert datetime.fromtimestamp(instant, tz).replace(tzinfo=None) == wall


@pytest.mark.parametrize(
    ("day", "tz", "hours"),
    [
        (date(2026, 3, 8), NEW_YORK, 23),
        (date(2026, 11, 1), NEW_YORK, 25),
        (date(2026, 3, 9), NEW_YORK, 24),
        (date(2021, 3, 28), BERLIN, 23),
    ],
)
def test_a_local_day_is_23_24_or_25_hours(day: date, tz: ZoneInfo, hours: int) -> None:
    start, end = day_bounds(day, tz)
    assert end - start == hours * 3600
    assert datetime.fromtimestamp(start, tz).date() == day


@given(st.timezones(), st.dates(min_value=date(1990, 1, 1), max_value=date(2037, 1, 1)))
def test_days_tile_time_without_gaps(tz: ZoneInfo, day: date) -> None:
    start, end = day_bounds(day, tz)
    assert day_bounds(day + timedelta(days=1), tz)[0] == end
    assert datetime.fromtimestamp(start, tz).date() == day
    assert datetime.fromtimestamp(end - 1, tz).date() == day


def test_unknown_zones_get_a_clear_message() -> None:
    for bad in ("Mars/Base", "", "../etc/passwd", "/usr/share/zoneinfo/UTC", "New York"):
        with pytest.raises(InvalidInput, match="Unknown time zone"):
            zone(bad)
    assert zone(" Asia/Manila ").key == "Asia/Manila"


def test_system_zone_follows_tz_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Manila")
    assert system_zone_name() == "Asia/Manila"
    monkeypatch.setenv("TZ", ":Europe/Berlin")
    assert system_zone_name() == "Europe/Berlin"


def test_windows_zone_names_map_to_iana_names_zoneinfo_knows() -> None:
    assert iana_name_of_windows_zone("W. Europe Standard Time") == "Europe/Berlin"
    assert iana_name_of_windows_zone("Singapore Standard Time ") == "Asia/Singapore"
    assert iana_name_of_windows_zone("E. South America Standard Time") == "America/Sao_Paulo"
    assert iana_name_of_windows_zone("Not A Zone") == ""
    for name in WINDOWS_TO_IANA.values():
        assert zone(name).key == name


def test_on_windows_the_system_zone_comes_from_the_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Windows has no /etc/localtime: without this the app would follow UTC there.
    monkeypatch.delenv("TZ")
    monkeypatch.setattr(zones_module.sys, "platform", "win32")
    monkeypatch.setattr(zones_module, "_windows_zone_key", lambda: "Taipei Standard Time")
    assert system_zone_name() == "Asia/Taipei"
