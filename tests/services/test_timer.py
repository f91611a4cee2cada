"""The timer: start, switch, stop, and the time the app did not see."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.helpers import FakeClock, add_client, task
from vatracker.domain.entries import Outcome
from vatracker.domain.errors import InvalidInput
from vatracker.domain.zones import local_date
from vatracker.services.container import Services
from vatracker.services.timer import STALE_AFTER_SECONDS, GapChoice


def test_start_writes_the_running_entry_at_once(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    started = services.timer.start(client.id, task(services).id, note="sorting")
    # Another connection (as after a crash) sees it immediately.
    reopened = Services.open(services.db.path.parent, clock)
    running = reopened.timer.running()
    assert running is not None and running.id == started.entry.id
    assert running.start == clock.now() and running.note == "sorting"
    reopened.close()


def test_switching_ends_the_running_entry_at_the_same_instant(
    services: Services, clock: FakeClock
) -> None:
    client = add_client(services)
    first = services.timer.start(client.id, task(services).id).entry
    clock.advance(1800)
    result = services.timer.start(client.id, task(services, "Research").id)
    stopped = services.entries.get(first.id or 0)
    assert result.stopped is not None and result.stopped.id == first.id
    assert stopped.end == result.entry.start == clock.now()  # no gap, no overlap
    assert stopped.duration(clock.now()) == 1800
    assert services.timer.running() == result.entry


def test_starting_what_already_runs_changes_nothing(services: Services, clock: FakeClock) -> None:
    # FAULTS T13: a double click on Start gives one entry.
    client = add_client(services)
    first = services.timer.start(client.id, task(services).id).entry
    clock.advance(0)
    again = services.timer.start(client.id, task(services).id)
    assert again.already_running and again.entry.id == first.id
    assert len(services.entries.on_day(_today(services))) == 1


def test_stop_as_trying_keeps_the_findings(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    clock.advance(900)
    stopped = services.timer.stop(outcome=Outcome.TRYING, findings="Login needs the owner's phone")
    assert stopped.outcome is Outcome.TRYING
    assert stopped.findings == "Login needs the owner's phone"
    assert stopped.duration(0) == 900 and services.timer.running() is None


def test_stopping_when_nothing_runs_says_so(services: Services) -> None:
    with pytest.raises(InvalidInput, match="No timer is running"):
        services.timer.stop()


def test_stop_before_the_start_is_refused(services: Services, clock: FakeClock) -> None:
    # FAULTS T8: the wall clock jumped back an hour while the timer ran.
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    clock.set(clock.now() - 3600)
    with pytest.raises(InvalidInput, match="before the timer's start"):
        services.timer.stop()
    running = services.timer.running()
    assert running is not None and running.duration(clock.now()) == 0


def test_an_entry_recorded_abroad_keeps_its_zone_and_real_length(
    services: Services, clock: FakeClock
) -> None:
    # FAULTS T6: the VA flies Berlin -> New York with the timer running.
    services.settings.set_va_zone("Europe/Berlin")
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    clock.advance(9 * 3600 + 17)
    services.settings.set_va_zone("America/New_York")
    stopped = services.timer.stop()
    assert stopped.duration(0) == 9 * 3600 + 17
    assert stopped.zone == "Europe/Berlin"
    assert stopped.start_offset == 3600 and stopped.end_offset == -5 * 3600


def test_start_in_the_past_with_at(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    started = services.timer.start(client.id, task(services).id, at=clock.now() - 600)
    assert started.entry.duration(clock.now()) == 600


def test_a_start_before_the_running_one_is_refused(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    with pytest.raises(InvalidInput, match="before the running one started"):
        services.timer.start(client.id, task(services, "Research").id, at=clock.now() - 60)


def test_a_start_in_the_past_may_not_overlap_finished_work(
    services: Services, clock: FakeClock
) -> None:
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    clock.advance(3600)
    services.timer.stop()
    with pytest.raises(InvalidInput, match="would overlap #1 Acme · Inbox management"):
        services.timer.start(client.id, task(services).id, at=clock.now() - 1800)


def test_a_start_in_the_past_may_not_swallow_later_work(
    services: Services, clock: FakeClock
) -> None:
    # Found by the state machine: an instant-long entry just before now would end up inside
    # a timer started half a minute earlier.
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    services.timer.stop()
    with pytest.raises(InvalidInput, match="would overlap"):
        services.timer.start(client.id, task(services).id, at=clock.now() - 30)


def test_archived_clients_cannot_start(services: Services) -> None:
    client = add_client(services)
    services.catalog.set_client_archived(client.id, True)
    with pytest.raises(InvalidInput, match="'Acme' is archived"):
        services.timer.start(client.id, task(services).id)


# The heartbeat and the gap (FAULTS T9) ---------------------------------------------------------


def test_a_fresh_heartbeat_is_no_gap(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    for _ in range(30):
        clock.advance(60)
        assert services.timer.heartbeat() is None
    assert services.timer.stale_gap() is None


def test_a_sleep_longer_than_ten_minutes_is_a_gap(services: Services, clock: FakeClock) -> None:
    client = add_client(services)
    started = services.timer.start(client.id, task(services).id).entry
    clock.advance(120)
    services.timer.heartbeat()
    last_seen = clock.now()
    clock.advance(STALE_AFTER_SECONDS + 1)
    gap = services.timer.heartbeat()
    assert gap is not None and gap.last_seen == last_seen and gap.entry.id == started.id
    # The unseen time is reported, not recorded over.
    assert services.timer.stale_gap() == gap


def _sleep_through(services: Services, clock: FakeClock) -> tuple[int, int]:
    client = add_client(services)
    started = services.timer.start(client.id, task(services).id, note="report").entry
    clock.advance(300)
    services.timer.heartbeat()
    clock.advance(3 * 3600)
    return started.start, started.start + 300


def test_gap_keep_all_the_time(services: Services, clock: FakeClock) -> None:
    start, _ = _sleep_through(services, clock)
    gap = services.timer.stale_gap()
    assert gap is not None
    services.timer.resolve_gap(gap, GapChoice.KEEP)
    running = services.timer.running()
    assert running is not None and running.start == start
    assert services.timer.stale_gap() is None


def test_gap_stop_at_the_last_heartbeat(services: Services, clock: FakeClock) -> None:
    start, last_seen = _sleep_through(services, clock)
    gap = services.timer.stale_gap()
    assert gap is not None
    assert services.timer.resolve_gap(gap, GapChoice.STOP_AT_LAST_SEEN) is None
    assert services.timer.running() is None
    (entry,) = services.entries.on_day(_today(services))
    assert (entry.start, entry.end) == (start, last_seen)


def test_gap_drop_the_gap_and_go_on(services: Services, clock: FakeClock) -> None:
    start, last_seen = _sleep_through(services, clock)
    gap = services.timer.stale_gap()
    assert gap is not None
    resumed = services.timer.resolve_gap(gap, GapChoice.DROP_GAP)
    assert resumed is not None and resumed.start == clock.now() and resumed.note == "report"
    first, second = services.entries.on_day(_today(services))
    assert (first.start, first.end) == (start, last_seen)
    assert second.id == resumed.id and second.running


def test_a_gap_answer_for_a_timer_that_changed_is_refused(
    services: Services, clock: FakeClock
) -> None:
    _sleep_through(services, clock)
    gap = services.timer.stale_gap()
    assert gap is not None
    services.timer.stop()
    with pytest.raises(InvalidInput, match="changed meanwhile"):
        services.timer.resolve_gap(gap, GapChoice.KEEP)


def test_a_timer_killed_with_the_app_is_still_running_when_reopened(
    data_dir: Path, clock: FakeClock
) -> None:
    first = Services.open(data_dir, clock)
    client = add_client(first)
    started = first.timer.start(client.id, task(first).id).entry
    first.db.conn.close()  # no clean shutdown
    clock.advance(STALE_AFTER_SECONDS * 3)
    second = Services.open(data_dir, clock)
    running = second.timer.running()
    assert running is not None and running.start == started.start
    assert second.timer.stale_gap() is not None
    second.close()


def _today(services: Services) -> date:
    return local_date(services.clock.now(), services.settings.va_zone())
