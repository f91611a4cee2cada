"""The nudge rules: a long timer, a timer past own hours, no timer in own hours; each once."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import at
from vatracker.domain.entries import Entry, new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.nudges import Moment, NudgeLog, NudgeSettings, due_nudges
from vatracker.domain.weekly import WeeklyWindow

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS_9_TO_17 = (WeeklyWindow(frozenset(range(5)), 9 * 60, 17 * 60),)


def running_since(start: str, entry_id: int = 7) -> Entry:
    return replace(new_entry(1, 1, at(start, "Europe/Berlin"), BERLIN), id=entry_id)


def moment(now: str, running: Entry | None = None, idle_since: str = "2026-03-02 00:00") -> Moment:
    return Moment(
        now=at(now, "Europe/Berlin"),
        running=running,
        running_label="Acme · Inbox",
        own_windows=WEEKDAYS_9_TO_17,
        zone=BERLIN,
        idle_since=at(idle_since, "Europe/Berlin"),
    )


def titles(m: Moment, settings: NudgeSettings | None = None) -> list[str]:
    return [n.title for n in due_nudges(m, settings or NudgeSettings())]


def test_a_timer_is_long_once_it_has_run_the_set_length() -> None:
    entry = running_since("2026-03-02 09:00")
    assert titles(moment("2026-03-02 11:59:59", entry)) == []
    (long,) = due_nudges(moment("2026-03-02 12:00", entry), NudgeSettings())
    assert long.title == "Timer still running"
    assert long.message.startswith("Acme · Inbox has run for 3:00:00.")
    assert titles(moment("2026-03-02 12:00", entry), NudgeSettings(long_timer_minutes=0)) == []


def test_the_length_is_real_time_across_a_daylight_saving_change() -> None:
    # Berlin's clocks went from 02:00 to 03:00 on 29 March 2026: 01:30 to 04:30 on the clock
    # is 2 hours, so three hours have run at 05:30.
    entry = running_since("2026-03-29 01:30")
    assert titles(moment("2026-03-29 04:30", entry)) == []
    assert titles(moment("2026-03-29 05:29", entry)) == []
    assert titles(moment("2026-03-29 05:30", entry)) == ["Timer still running"]


def test_a_timer_running_on_after_own_hours_is_told() -> None:
    entry = running_since("2026-03-02 16:00")
    assert titles(moment("2026-03-02 16:59", entry)) == []
    assert titles(moment("2026-03-02 17:00", entry)) == ["Past your own hours"]
    assert titles(moment("2026-03-02 17:30", entry), NudgeSettings(past_own_hours=False)) == []


def test_a_timer_started_after_hours_is_the_vas_choice() -> None:
    entry = running_since("2026-03-02 20:00")
    assert titles(moment("2026-03-02 21:00", entry)) == []
    # ...until it runs into the next day's hours and past them.
    assert "Past your own hours" in titles(moment("2026-03-03 17:05", entry))


def test_no_own_hours_means_no_hours_to_be_past() -> None:
    entry = running_since("2026-03-02 16:00")
    free = replace(moment("2026-03-02 18:00", entry), own_windows=())
    assert titles(free) == []


def test_idle_reminder_comes_after_the_set_minutes_in_own_hours_only() -> None:
    on = NudgeSettings(idle_reminder=True, idle_minutes=15)
    # Own hours began at 09:00; the last entry ended earlier, so idle time counts from 09:00.
    assert titles(moment("2026-03-02 09:14"), on) == []
    (idle,) = due_nudges(moment("2026-03-02 09:15"), on)
    assert idle.title == "No timer running" and "0:15:00" in idle.message
    # After an entry that ended at 10:00, it counts from 10:00.
    assert titles(moment("2026-03-02 10:14", idle_since="2026-03-02 10:00"), on) == []
    assert titles(moment("2026-03-02 10:15", idle_since="2026-03-02 10:00"), on) == [
        "No timer running"
    ]
    assert titles(moment("2026-03-02 18:00"), on) == []  # evening: not own hours
    assert titles(moment("2026-03-07 11:00"), on) == []  # Saturday
    assert titles(moment("2026-03-02 10:15"), NudgeSettings()) == []  # off by default


def test_each_occasion_is_told_once() -> None:
    log = NudgeLog()
    entry = running_since("2026-03-02 09:00")
    first = log.new(due_nudges(moment("2026-03-02 12:00", entry), NudgeSettings()))
    again = log.new(due_nudges(moment("2026-03-02 13:00", entry), NudgeSettings()))
    assert [n.title for n in first] == ["Timer still running"] and again == []
    other = running_since("2026-03-02 13:00", entry_id=8)
    assert len(log.new(due_nudges(moment("2026-03-02 16:00", other), NudgeSettings()))) == 1


def test_settings_out_of_range_are_refused() -> None:
    with pytest.raises(InvalidInput, match="0 \\(off\\) to 1,440 minutes"):
        NudgeSettings(long_timer_minutes=-1)
    with pytest.raises(InvalidInput, match="1 to 1,440 minutes"):
        NudgeSettings(idle_minutes=0)
