from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatracker.domain.entries import (
    Entry,
    Outcome,
    check_span,
    clean_texts,
    describe_length,
    format_duration,
    format_hours_minutes,
    free_span_before,
    new_entry,
    overlapping,
    split,
)
from vatracker.domain.errors import InvalidInput, NeedsConfirmation

UTC = ZoneInfo("UTC")
NOW = 1_000_000


def entry(start: int, end: int | None, entry_id: int | None = None) -> Entry:
    return replace(new_entry(1, 1, start, UTC, end=end), id=entry_id)


def test_end_before_start_is_refused() -> None:
    # FAULTS T11: never a negative duration.
    with pytest.raises(InvalidInput, match="before the start"):
        check_span(entry(NOW - 60, NOW - 120), NOW, UTC)


def test_an_entry_needs_a_length() -> None:
    with pytest.raises(InvalidInput, match="no length"):
        check_span(entry(NOW - 60, NOW - 60), NOW, UTC)


def test_entries_in_the_future_are_refused() -> None:
    with pytest.raises(InvalidInput, match="start .* is in the future"):
        check_span(entry(NOW + 60, None), NOW, UTC)
    with pytest.raises(InvalidInput, match="end .* is in the future"):
        check_span(entry(NOW - 60, NOW + 60), NOW, UTC)


def test_an_entry_over_24_hours_needs_confirmation() -> None:
    long = entry(NOW - 36 * 3600, NOW)
    with pytest.raises(NeedsConfirmation, match="36:00:00, more than 24 hours"):
        check_span(long, NOW, UTC)
    check_span(long, NOW, UTC, allow_long=True)
    check_span(entry(NOW - 24 * 3600, NOW), NOW, UTC)


def test_a_running_entry_counts_up_to_now_and_never_below_zero() -> None:
    running = entry(NOW - 90, None)
    assert running.duration(NOW) == 90
    # FAULTS T8: the wall clock jumped back before the start.
    assert running.duration(NOW - 3600) == 0


def test_findings_belong_to_attempts() -> None:
    done = replace(entry(0, 60), findings="something")
    with pytest.raises(InvalidInput, match="Findings belong to an attempt"):
        clean_texts(done)
    trying = replace(done, outcome=Outcome.TRYING, findings="  a hole\nin the process  ")
    assert clean_texts(trying).findings == "a hole\nin the process"


def test_notes_are_one_line_of_printable_text() -> None:
    with pytest.raises(InvalidInput, match="control character"):
        clean_texts(replace(entry(0, 60), note="first\nsecond"))
    with pytest.raises(InvalidInput, match="limit is 1,000"):
        clean_texts(replace(entry(0, 60), note="x" * 1001))
    hostile = '=HYPERLINK("http://x") <b>bold</b>'
    assert clean_texts(replace(entry(0, 60), note=hostile)).note == hostile


def test_overlaps_are_found_among_a_days_entries() -> None:
    entries = [entry(0, 100, 1), entry(50, 150, 2), entry(150, 200, 3), entry(300, None, 4)]
    found = {e.id: [o.id for o in overlapping(e, entries)] for e in entries}
    assert found == {1: [2], 2: [1], 3: [], 4: []}
    # A running entry holds all time from its start on, even past the clock.
    instant = entry(5000, 5000, 6)
    assert [o.id for o in overlapping(instant, entries)] == [4]
    late = entry(350, 360, 5)
    assert [o.id for o in overlapping(late, entries)] == [4]  # the running one


@given(
    start=st.integers(0, 10**6),
    length=st.integers(2, 10**5),
    data=st.data(),
)
def test_split_keeps_the_total_time(start: int, length: int, data: st.DataObject) -> None:
    original = entry(start, start + length, 7)
    at = data.draw(st.integers(start + 1, start + length - 1))
    first, second = split(original, at, now=start + length, tz=UTC)
    assert first.id == 7 and second.id is None
    assert first.end == second.start == at
    assert first.duration(0) + second.duration(0) == original.duration(0)


def test_split_of_a_running_entry_keeps_the_second_part_running() -> None:
    first, second = split(entry(0, None, 3), 40, now=100, tz=UTC)
    assert first.end == 40 and second.running and second.start == 40


def test_split_outside_the_entry_is_refused() -> None:
    with pytest.raises(InvalidInput, match="Split at a time inside the entry"):
        split(entry(0, 100, 1), 100, now=200, tz=UTC)


def test_lengths_are_said_as_people_say_them() -> None:
    assert describe_length(45 * 60 + 59) == "45 min"
    assert describe_length(2 * 3600 + 41 * 60) == "2 h 41 min"
    assert describe_length(3 * 86400 + 2 * 3600) == "3 days 2 h"


def test_durations_are_shown_as_timers_show_them() -> None:
    assert format_duration(3725) == "1:02:05"
    assert format_duration(90000) == "25:00:00"
    assert format_hours_minutes(3725) == "1:02"


def test_a_new_entry_is_offered_the_free_time_before_now() -> None:
    morning = [entry(0, 3000, 1), entry(5000, 6000, 2), entry(6000, None, 3)]
    # Now falls in the running entry: offer the gap between the first two entries.
    assert free_span_before(morning, until=9000, now=9000) == (3000, 5000)
    assert free_span_before(morning, until=2000, now=9000, length=600) == (-600, 0)
    assert free_span_before([], until=7200, now=9000) == (3600, 7200)
    # Back to back up to now: the hour before the first of them.
    assert free_span_before([entry(0, 100, 1), entry(100, None, 2)], 9000, 9000) == (-3600, 0)
