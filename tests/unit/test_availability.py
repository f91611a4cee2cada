"""The sum of promises over a week, in each client's zone and projected into the VA's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import at
from vatracker.domain.availability import (
    ClientPromises,
    attribute_work,
    commitment_days,
    is_within_windows,
    week_picture,
)
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.promises import Commitment, OwnHours, Promises, Retainer
from vatracker.domain.weekly import Span, WeeklyWindow, parse_window, total_seconds, window_spans
from vatracker.domain.weeks import Week

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
MANILA = ZoneInfo("Asia/Manila")
SYDNEY = ZoneInfo("Australia/Sydney")


def promises(*windows: str) -> Promises:
    return Promises(windows=tuple(parse_window(w) for w in windows))


def local_hours(picture_spans: list[Span], tz: ZoneInfo) -> list[str]:
    return [datetime.fromtimestamp(s.start, tz).strftime("%a %H:%M") for s in picture_spans]


def test_a_new_york_morning_moves_in_london_while_only_america_has_changed_its_clocks() -> None:
    """March 2026: New York springs forward on the 8th, London on the 29th."""
    acme = ClientPromises(1, NEW_YORK, promises("Mon-Fri 09:00-11:00"))
    own = OwnHours()
    before = week_picture([acme], own, LONDON, Week.parse("2026-W10"))
    between = week_picture([acme], own, LONDON, Week.parse("2026-W11"))
    after = week_picture([acme], own, LONDON, Week.parse("2026-W14"))
    assert local_hours(before.windows[1], LONDON)[0] == "Mon 14:00"
    assert local_hours(between.windows[1], LONDON)[0] == "Mon 13:00"
    assert local_hours(after.windows[1], LONDON)[0] == "Mon 14:00"
    for picture in (before, between, after):
        assert picture.promised_seconds(1) == 10 * 3600


def test_the_november_weeks_shift_the_other_way() -> None:
    """Europe falls back on 25 October 2026, New York on 1 November."""
    acme = ClientPromises(1, NEW_YORK, promises("Mon-Fri 09:00-11:00"))
    week = week_picture([acme], OwnHours(), LONDON, Week.parse("2026-W44"))  # 26-30 Oct
    assert local_hours(week.windows[1], LONDON)[0] == "Mon 13:00"
    later = week_picture([acme], OwnHours(), LONDON, Week.parse("2026-W45"))
    assert local_hours(later.windows[1], LONDON)[0] == "Mon 14:00"


def test_promised_hours_add_up_per_client_and_in_total() -> None:
    acme = ClientPromises(1, NEW_YORK, promises("Mon-Fri 08:00-10:00"))
    kiwi = ClientPromises(2, SYDNEY, promises("Mon,Wed 09:00-12:00", "Fri 13:00-14:30"))
    week = week_picture([acme, kiwi], OwnHours(), MANILA, Week.parse("2026-W20"))
    assert week.promised_seconds(1) == 10 * 3600
    assert week.promised_seconds(2) == 7.5 * 3600
    assert week.total_promised_seconds == 17.5 * 3600


def test_windows_over_the_weeks_edge_are_split_between_weeks() -> None:
    # Auckland Monday 02:00-06:00 is Sunday 22:00 to Monday 02:00 in Manila (May: UTC+12, +8).
    kiwi = ClientPromises(2, ZoneInfo("Pacific/Auckland"), promises("Mon 02:00-06:00"))
    week = week_picture([kiwi], OwnHours(), MANILA, Week.parse("2026-W20"))
    assert local_hours(week.windows[2], MANILA) == ["Mon 00:00", "Sun 22:00"]
    assert [s.seconds for s in week.windows[2]] == [7200, 7200]
    assert week.promised_seconds(2) == 4 * 3600


def test_overlaps_between_clients_and_time_outside_own_hours() -> None:
    acme = ClientPromises(1, NEW_YORK, promises("Mon-Fri 08:00-10:00"))  # 20:00-22:00 Manila
    beta = ClientPromises(2, LONDON, promises("Mon-Fri 14:00-16:00"))  # 21:00-23:00 Manila
    own = OwnHours(windows=(parse_window("Mon-Fri 18:00-22:00"),))
    week = week_picture([acme, beta], own, MANILA, Week.parse("2026-W20"))
    assert len(week.overlaps) == 5
    assert {o.client_ids for o in week.overlaps} == {frozenset({1, 2})}
    assert all(o.span.seconds == 3600 for o in week.overlaps)
    assert total_seconds(week.outside_own_hours[1]) == 0
    assert total_seconds(week.outside_own_hours[2]) == 5 * 3600  # 22:00-23:00 each day


def test_work_outside_own_hours_and_outside_windows_is_attributed_to_its_client() -> None:
    acme = ClientPromises(1, NEW_YORK, promises("Mon-Fri 08:00-10:00"))  # 13:00-15:00 London
    own = OwnHours(windows=(parse_window("Mon-Fri 09:00-13:00"),))
    late = new_entry(
        1,
        1,
        at("2026-05-11 12:30", "Europe/London"),
        LONDON,
        end=at("2026-05-11 14:00", "Europe/London"),
    )
    day = new_entry(
        2,
        1,
        at("2026-05-12 10:00", "Europe/London"),
        LONDON,
        end=at("2026-05-12 11:00", "Europe/London"),
    )
    week = week_picture([acme], own, LONDON, Week.parse("2026-W20"), [late, day])
    assert week.work[1].worked == 5400
    assert week.work[1].out_of_hours == 3600  # 13:00-14:00, after the VA's own hours end
    assert week.work[1].outside_client_windows == 1800  # 12:30-13:00, before Acme's window
    assert week.work[2].out_of_hours == 0 and week.work[2].in_own_hours == 3600


entry_strategy = st.tuples(st.integers(0, 7 * 24 * 60 - 1), st.integers(1, 600), st.integers(1, 3))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=60)
@given(
    st.sampled_from([LONDON, NEW_YORK, MANILA, SYDNEY, ZoneInfo("Asia/Kolkata")]),
    st.sampled_from(["2026-W10", "2026-W11", "2026-W13", "2026-W14", "2026-W44", "2026-W45"]),
    st.lists(entry_strategy, max_size=12),
)
def test_out_of_hours_plus_in_hours_is_the_time_worked(
    tz: ZoneInfo, week_text: str, pieces: list[tuple[int, int, int]]
) -> None:
    week = Week.parse(week_text)
    start, end = week.bounds(tz)
    entries = [
        new_entry(client, 1, start + minute * 60 - 3600, tz, end=start + (minute + length) * 60)
        for minute, length, client in pieces
    ]
    clients = [
        ClientPromises(c, z, promises("Mon-Fri 08:00-12:00", "Sat 10:00-11:00"))
        for c, z in ((1, NEW_YORK), (2, SYDNEY), (3, LONDON))
    ]
    picture = week_picture(clients, OwnHours(), tz, week, entries)
    for client_id, split in picture.work.items():
        worked = sum(
            max(0, min(e.end or 0, end) - max(e.start, start))
            for e in entries
            if e.client_id == client_id
        )
        assert split.worked == worked
        assert split.out_of_hours + split.in_own_hours == worked
        assert 0 <= split.outside_client_windows <= worked
    assert sum(split.worked for split in picture.work.values()) == sum(
        max(0, min(e.end or 0, end) - max(e.start, start)) for e in entries
    )


@given(
    st.sampled_from([LONDON, NEW_YORK, MANILA, SYDNEY, ZoneInfo("America/Santiago")]),
    st.sampled_from([MANILA, LONDON, ZoneInfo("Pacific/Auckland")]),
    st.integers(2024, 2027),
    st.integers(1, 52),
    st.integers(0, 22 * 60),
    st.integers(15, 120),
)
def test_projection_keeps_each_windows_length(
    client_zone: ZoneInfo, va_zone: ZoneInfo, year: int, number: int, start: int, length: int
) -> None:
    window = WeeklyWindow(frozenset({2}), start, start + length)  # Wednesdays: inside any week
    week = Week(year, number)
    picture = week_picture(
        [ClientPromises(1, client_zone, Promises((window,)))], OwnHours(), va_zone, week
    )
    wednesday = week.days[2]
    expected = window_spans(window, client_zone, wednesday, wednesday)
    assert picture.promised_seconds(1) == total_seconds(expected)


def test_fixed_example_of_a_day_when_the_clocks_change_inside_a_window() -> None:
    night = ClientPromises(1, NEW_YORK, Promises((parse_window("Sun 00:00-04:00"),)))
    week = week_picture([night], OwnHours(), NEW_YORK, Week.containing(date(2026, 3, 8)))
    assert week.promised_seconds(1) == 3 * 3600


def test_commitments_are_kept_missed_or_pending() -> None:
    inbox_by_nine = Commitment(task_type_id=5, weekdays=frozenset(range(5)), due_minute=9 * 60)
    monday, tuesday, wednesday = date(2026, 5, 11), date(2026, 5, 12), date(2026, 5, 13)
    kept = new_entry(
        1,
        5,
        at("2026-05-11 08:00", "America/New_York"),
        MANILA,
        end=at("2026-05-11 08:50", "America/New_York"),
    )
    too_late = new_entry(
        1,
        5,
        at("2026-05-12 08:30", "America/New_York"),
        MANILA,
        end=at("2026-05-12 09:20", "America/New_York"),
    )
    other_task = new_entry(
        1,
        6,
        at("2026-05-13 07:00", "America/New_York"),
        MANILA,
        end=at("2026-05-13 08:00", "America/New_York"),
    )
    days = commitment_days(
        inbox_by_nine,
        1,
        NEW_YORK,
        monday,
        wednesday,
        [replace(kept, id=1), replace(too_late, id=2), replace(other_task, id=3)],
        now=at("2026-05-13 08:30", "America/New_York"),
    )
    assert [(d.day, d.status, d.kept_by) for d in days] == [
        (monday, "kept", 1),
        (tuesday, "missed", None),
        (wednesday, "pending", None),
    ]


def test_requests_inside_and_outside_windows() -> None:
    windows = (parse_window("Mon-Fri 08:00-10:00"),)
    assert is_within_windows(windows, NEW_YORK, at("2026-05-11 09:59", "America/New_York"))
    assert not is_within_windows(windows, NEW_YORK, at("2026-05-11 10:00", "America/New_York"))
    assert not is_within_windows(windows, NEW_YORK, at("2026-05-16 09:00", "America/New_York"))


def test_overlapping_windows_of_one_client_are_refused_and_named() -> None:
    with pytest.raises(InvalidInput, match=r"Mon-Fri 08:00-10:00 and Wed 09:00-11:00 .* overlap"):
        promises("Mon-Fri 08:00-10:00", "Wed 09:00-11:00")


@pytest.mark.parametrize(
    ("hours", "fee", "rate", "message"),
    [
        ("-1", "480", "15", "must be 0 or more"),
        ("40", "-480", "15", "negative"),
        ("40", "480", "-15", "negative"),
        ("forty", "480", "15", "not a number"),
        ("40.001", "480", "15", "whole number of minutes"),
    ],
)
def test_bad_retainers_are_refused(hours: str, fee: str, rate: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        Retainer.parse(hours, fee, rate, "USD")


def test_a_retainer_is_read_in_minutes_and_minor_units() -> None:
    assert Retainer.parse("40", "480", "12.50", "USD") == Retainer(2400, 48000, 1250)


def test_attribute_work_counts_a_running_entry_up_to_now() -> None:
    running = new_entry(1, 1, 1000, MANILA)
    splits, _ = attribute_work([running], {}, [Span(0, 10_000)], 0, 10_000, now=1600)
    assert splits[1].worked == 600 and splits[1].in_own_hours == 600
