"""Entries by hand: add, edit, split, delete, and undo of each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import Entry, Outcome, new_entry
from vatracker.domain.errors import InvalidInput, NeedsConfirmation
from vatracker.services.container import Services
from vatracker.services.entries import OverlapError

UTC = ZoneInfo("UTC")
DAY = date(2026, 3, 2)


def logged(services: Services, start: str, end: str, **changes: object) -> Entry:
    client = (
        add_client(services) if not services.catalog.clients() else services.catalog.clients()[0]
    )
    entry = new_entry(client.id, task(services).id, at(start), UTC, end=at(end))
    return services.entries.add(replace(entry, **changes)).after[0]  # type: ignore[arg-type]


def test_add_stores_the_entry(services: Services) -> None:
    added = logged(services, "2026-03-02 08:00", "2026-03-02 09:30", note="triage")
    (stored,) = services.entries.on_day(DAY)
    assert stored == added and stored.id is not None
    assert stored.duration(0) == 5400 and stored.note == "triage"


def test_an_overlap_is_refused_and_named(services: Services) -> None:
    first = logged(services, "2026-03-02 08:00", "2026-03-02 09:30")
    client = services.catalog.clients()[0]
    overlapping = new_entry(
        client.id,
        task(services, "Research").id,
        at("2026-03-02 09:00"),
        UTC,
        end=at("2026-03-02 10:00"),
    )
    with pytest.raises(
        OverlapError, match=r"overlap #1 Acme · Inbox management, 2026-03-02 08:00 to 09:30"
    ) as raised:
        services.entries.add(overlapping)
    assert [e.id for e in raised.value.others] == [first.id]
    assert len(services.entries.on_day(DAY)) == 1
    services.entries.add(overlapping, allow_overlap=True)
    assert len(services.entries.on_day(DAY)) == 2


def test_editing_into_an_overlap_warns_with_what(services: Services) -> None:
    logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    second = logged(services, "2026-03-02 10:00", "2026-03-02 11:00")
    earlier = replace(second, start=at("2026-03-02 08:30"))
    with pytest.raises(OverlapError, match="#1 Acme"):
        services.entries.edit(earlier)
    assert services.entries.get(second.id or 0).start == at("2026-03-02 10:00")


def test_edit_changes_every_field(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    other = add_client(services, "Beta")
    edited = replace(
        entry,
        client_id=other.id,
        task_type_id=task(services, "Research").id,
        start=at("2026-03-02 07:45"),
        end=at("2026-03-02 09:15"),
        outcome=Outcome.TRYING,
        findings="API rate limit at 100/min",
        note="export",
        billable=False,
    )
    services.entries.edit(edited)
    assert services.entries.get(entry.id or 0) == edited


def test_bad_edits_change_nothing(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    with pytest.raises(InvalidInput, match="before the start"):
        services.entries.edit(replace(entry, end=at("2026-03-02 07:00")))
    with pytest.raises(NeedsConfirmation, match="more than 24 hours"):
        services.entries.edit(replace(entry, start=at("2026-02-28 08:00")))
    assert services.entries.get(entry.id or 0) == entry


def test_split_then_undo_and_redo(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 10:00", note="n")
    change = services.entries.split(entry.id or 0, at("2026-03-02 08:45"))
    first, second = services.entries.on_day(DAY)
    assert (first.id, first.end) == (entry.id, at("2026-03-02 08:45"))
    assert second.start == at("2026-03-02 08:45") and second.end == entry.end
    assert first.duration(0) + second.duration(0) == entry.duration(0)
    services.entries.apply(change.inverse())
    assert services.entries.on_day(DAY) == [entry]
    services.entries.apply(change)
    assert services.entries.on_day(DAY) == [first, second]


def test_delete_and_undo_puts_back_the_same_entry(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 09:00", note="keep me")
    change = services.entries.delete(entry.id or 0)
    assert services.entries.on_day(DAY) == []
    logged(services, "2026-03-02 11:00", "2026-03-02 12:00")  # ids are never reused
    services.entries.apply(change.inverse())
    assert services.entries.get(entry.id or 0) == entry


def test_undo_refuses_when_the_entry_changed_since(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    change = services.entries.edit(replace(entry, note="first"))
    services.entries.edit(replace(services.entries.get(entry.id or 0), note="second"))
    with pytest.raises(InvalidInput, match="changed since"):
        services.entries.apply(change.inverse())
    assert services.entries.get(entry.id or 0).note == "second"


def test_splitting_the_running_entry_keeps_the_timer_going(
    services: Services, clock: FakeClock
) -> None:
    client = add_client(services)
    running = services.timer.start(client.id, task(services).id).entry
    clock.advance(3600)
    change = services.entries.split(running.id or 0, clock.now() - 1200)
    assert services.timer.running() == change.after[1]
    services.entries.apply(change.inverse())
    assert services.timer.running() == replace(running, heartbeat=running.heartbeat)


def test_the_running_entry_cannot_be_given_an_end_by_editing(
    services: Services, clock: FakeClock
) -> None:
    client = add_client(services)
    running = services.timer.start(client.id, task(services).id).entry
    clock.advance(60)
    with pytest.raises(InvalidInput, match="Stop the timer"):
        services.entries.edit(replace(running, end=clock.now(), end_offset=0))


def test_entries_by_start_date_are_inclusive(services: Services, clock: FakeClock) -> None:
    clock.set(at("2026-03-04 00:00"))
    logged(services, "2026-03-01 23:30", "2026-03-02 00:30")
    logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    logged(services, "2026-03-02 23:59", "2026-03-03 00:10")
    on_the_2nd = list(services.entries.starting_between(DAY, DAY))
    assert [e.start for e in on_the_2nd] == [at("2026-03-02 08:00"), at("2026-03-02 23:59")]
    # The day view shows whatever shares time with the day, across midnight included.
    assert len(services.entries.on_day(DAY)) == 3


def test_new_work_for_an_archived_client_is_refused(services: Services) -> None:
    entry = logged(services, "2026-03-02 08:00", "2026-03-02 09:00")
    services.catalog.set_client_archived(entry.client_id, True)
    # Old entries of an archived client stay editable.
    services.entries.edit(replace(entry, note="still editable"))
    fresh = replace(entry, id=None, start=at("2026-03-02 10:00"), end=at("2026-03-02 11:00"))
    with pytest.raises(InvalidInput, match="archived"):
        services.entries.add(fresh)
