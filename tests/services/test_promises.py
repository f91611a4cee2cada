"""Promises, own hours, requests and boundaries through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.invoice_document import Period
from vatracker.domain.promises import Commitment, OwnHours, Promises, Retainer
from vatracker.domain.weekly import parse_window
from vatracker.domain.weeks import Month, Week
from vatracker.services.container import Services

MORNINGS = parse_window("Mon-Fri 08:00-10:00")


def test_promises_are_saved_and_read_back(services: Services) -> None:
    acme = add_client(services, "Acme", "America/New_York")
    inbox = task(services)
    saved = Promises(
        windows=(MORNINGS, parse_window("Sat 10:00-11:00")),
        commitments=(Commitment(inbox.id, frozenset(range(5)), 9 * 60),),
        response_minutes=240,
        retainer=Retainer(2400, 48000, 1500),
    )
    services.promises.set_promises(acme.id, saved)
    read = services.promises.promises(acme.id)
    assert [w.describe() for w in read.windows] == ["Mon-Fri 08:00-10:00", "Sat 10:00-11:00"]
    assert [(c.task_type_id, c.due_minute) for c in read.commitments] == [(inbox.id, 540)]
    assert (read.response_minutes, read.retainer) == (240, saved.retainer)
    services.promises.set_promises(acme.id, Promises())
    assert services.promises.promises(acme.id) == Promises()


def test_a_commitment_for_an_archived_task_type_is_refused(services: Services) -> None:
    acme = add_client(services)
    research = task(services, "Research")
    services.catalog.set_task_type_archived(research.id, True)
    with pytest.raises(InvalidInput, match="'Research' of a commitment is archived"):
        services.promises.set_promises(
            acme.id, Promises(commitments=(Commitment(research.id, frozenset({0}), 600),))
        )
    assert services.promises.promises(acme.id) == Promises()


def test_own_hours_start_as_office_hours_and_can_be_changed(services: Services) -> None:
    assert services.promises.own_hours() == OwnHours()
    mine = OwnHours(windows=(parse_window("Mon-Thu 07:00-15:00"),), weekly_limit_minutes=32 * 60)
    services.promises.set_own_hours(mine)
    assert services.promises.own_hours().weekly_limit_minutes == 32 * 60
    assert services.promises.own_hours().windows[0].describe() == "Mon-Thu 07:00-15:00"


def test_a_week_adds_up_promises_and_work(services: Services, clock: FakeClock) -> None:
    services.settings.set_va_zone("Europe/London")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(acme.id, Promises(windows=(MORNINGS,)))
    clock.set(at("2026-03-13 12:00"))
    services.entries.add(
        new_entry(
            acme.id,
            task(services).id,
            at("2026-03-09 20:00", "Europe/London"),
            services.settings.va_zone(),
            end=at("2026-03-09 21:30", "Europe/London"),
        )
    )
    week = services.promises.week(Week.parse("2026-W11"))
    assert week.promised_seconds(acme.id) == 10 * 3600
    assert week.work[acme.id].worked == 5400
    assert week.work[acme.id].out_of_hours == 5400  # own hours end at 17:00
    assert week.work[acme.id].outside_client_windows == 5400  # Acme's mornings are 12-14 here


def test_requests_are_marked_against_the_promises_of_the_day(
    services: Services, clock: FakeClock
) -> None:
    services.settings.set_va_zone("Asia/Manila")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(acme.id, Promises(windows=(MORNINGS,)))
    clock.set(at("2026-05-15 12:00"))
    inside = services.requests.log(
        acme.id,
        at=at("2026-05-11 09:00", "America/New_York"),
        channel="Email",
        note="Reschedule the call",
    )
    late = services.requests.log(
        acme.id, at=at("2026-05-11 22:00", "America/New_York"), channel="chat"
    )
    assert (inside.outside_client_windows, inside.outside_own_hours) == (False, True)
    assert (late.outside_client_windows, late.outside_own_hours) == (True, False)
    counts = services.requests.counts(Month(2026, 5))
    assert counts[acme.id].total == 2
    assert counts[acme.id].outside_client_windows == 1
    worked = services.entries.add(
        new_entry(
            acme.id,
            task(services).id,
            at("2026-05-11 13:00"),
            services.settings.va_zone(),
            end=at("2026-05-11 14:00"),
        )
    ).after[0]
    # FAULTS T7: changing the client's zone later rewrites nothing that was recorded.
    services.catalog.update_client(acme.id, timezone="Europe/Berlin")
    assert services.entries.get(worked.id or 0) == worked
    assert [r.outside_client_windows for r in services.requests.in_month(Month(2026, 5))] == [
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("channel", "when", "message"),
    [
        ("fax", None, "Unknown channel 'fax': use email, chat, phone or other"),
        ("email", 10**10, "cannot arrive in the future"),
    ],
)
def test_bad_requests_are_refused(
    services: Services, channel: str, when: int | None, message: str
) -> None:
    acme = add_client(services)
    with pytest.raises(InvalidInput, match=message):
        services.requests.log(acme.id, at=when, channel=channel)
    assert services.requests.in_month() == []


def test_a_client_with_requests_is_kept_and_a_used_task_type_too(services: Services) -> None:
    acme = add_client(services)
    services.requests.log(acme.id)
    with pytest.raises(InvalidInput, match="1 logged requests, so it cannot be deleted"):
        services.catalog.delete_client(acme.id)
    scheduling = services.catalog.add_task_type("Calendar")
    services.promises.set_promises(
        acme.id, Promises(commitments=(Commitment(scheduling.id, frozenset({0}), 600),))
    )
    with pytest.raises(InvalidInput, match="part of a client's daily commitments"):
        services.catalog.delete_task_type(scheduling.id)


def test_retainer_hours_used_and_left_this_month(services: Services, clock: FakeClock) -> None:
    acme = add_client(services)
    services.promises.set_promises(acme.id, Promises(retainer=Retainer(10 * 60, 30000, 3500)))
    clock.set(at("2026-03-20 12:00"))
    zone = services.settings.va_zone()
    inbox = task(services)
    services.entries.add(
        new_entry(acme.id, inbox.id, at("2026-02-28 23:00"), zone, end=at("2026-03-01 02:00"))
    )  # started in February: billed there, so counted there
    services.entries.add(
        new_entry(acme.id, inbox.id, at("2026-03-05 09:00"), zone, end=at("2026-03-05 13:00"))
    )
    admin = task(services, "Own admin")
    services.entries.add(
        new_entry(
            acme.id,
            admin.id,
            at("2026-03-06 09:00"),
            zone,
            end=at("2026-03-06 10:00"),
            billable=False,
        )
    )
    usage = services.promises.retainer_usage(acme.id)
    assert usage is not None
    assert (usage.used_seconds, usage.left_seconds, usage.over_seconds) == (4 * 3600, 6 * 3600, 0)
    february = services.promises.retainer_usage(acme.id, Month(2026, 2))
    assert february is not None and february.used_seconds == 3 * 3600
    # The invoice of February bills the same three hours against the retainer.
    draft = services.invoices.draft(acme.id, Period.of_month(Month(2026, 2))).draft
    assert draft.billable_seconds == 3 * 3600


def test_can_i_take_another_client(services: Services, clock: FakeClock) -> None:
    services.settings.set_va_zone("Asia/Manila")
    services.promises.set_own_hours(
        OwnHours(windows=(parse_window("Mon-Fri 09:00-21:00"),), weekly_limit_minutes=10 * 60)
    )
    acme = add_client(services, "Acme", "America/New_York")  # 20:00-22:00 Manila in May
    services.promises.set_promises(acme.id, Promises(windows=(MORNINGS,)))
    clock.set(at("2026-05-13 12:00"))
    prospect = Promises(windows=(parse_window("Mon-Fri 13:00-14:30"),))  # London: 20:00-21:30
    answer = services.promises.what_if("Europe/London", prospect, expected_minutes=5 * 60)
    assert answer.current_seconds == 10 * 3600
    assert answer.prospect_seconds == int(7.5 * 3600)
    assert answer.new_total_seconds == int(17.5 * 3600)
    assert answer.over_limit_seconds == int(7.5 * 3600)
    by_whom = {c.client_id: c.seconds for c in answer.collisions}
    assert by_whom == {acme.id: int(7.5 * 3600), None: int(2.5 * 3600)}


def test_boundaries_restate_the_promises_and_the_month(
    services: Services, clock: FakeClock
) -> None:
    services.settings.set_va_zone("Asia/Manila")
    acme = add_client(services, "Acme <Holdings>", "America/New_York")
    inbox = task(services)
    services.promises.set_promises(
        acme.id,
        Promises(
            windows=(MORNINGS,),
            commitments=(Commitment(inbox.id, frozenset(range(5)), 9 * 60),),
            response_minutes=240,
            retainer=Retainer(40 * 60, 48000, 1500),
        ),
    )
    clock.set(at("2026-05-20 12:00"))
    services.requests.log(acme.id, at=at("2026-05-12 23:00", "America/New_York"))
    services.requests.log(acme.id, at=at("2026-05-13 09:00", "America/New_York"))
    services.entries.add(
        new_entry(
            acme.id,
            inbox.id,
            at("2026-05-14 01:00", "Asia/Manila"),
            services.settings.va_zone(),
            end=at("2026-05-14 02:30", "Asia/Manila"),
        )
    )
    report = services.boundaries.for_client(services.catalog.client(acme.id), Month(2026, 5))
    assert report.requests_outside_windows == 1
    assert report.work.out_of_hours == 5400
    note = report.note
    assert note.startswith("Hi Acme <Holdings>,")
    assert "Mon-Fri 08:00-10:00 (your time, America/New_York)" in note
    assert "within 4 h 00 min" in note
    assert "Inbox management is done by 09:00 your time, Mon-Fri." in note
    assert "40 h 00 min a month for 480.00 USD" in note and "15.00 USD an hour" in note
    assert "1 of your 2 requests in May 2026 arrived outside these hours" in note
    assert "I worked 1 h 30 min on your tasks outside my regular working hours" in note


def test_commitments_status_over_days(services: Services, clock: FakeClock) -> None:
    acme = add_client(services, "Acme", "America/New_York")
    inbox = task(services)
    services.promises.set_promises(
        acme.id, Promises(commitments=(Commitment(inbox.id, frozenset(range(5)), 9 * 60),))
    )
    clock.set(at("2026-05-13 08:00", "America/New_York"))
    services.entries.add(
        new_entry(
            acme.id,
            inbox.id,
            at("2026-05-11 08:00", "America/New_York"),
            services.settings.va_zone(),
            end=at("2026-05-11 08:45", "America/New_York"),
        )
    )
    client = services.catalog.client(acme.id)
    ((described, days),) = services.promises.commitments_status(
        client, date(2026, 5, 11), date(2026, 5, 13)
    )
    assert described == "Inbox management by 09:00, Mon-Fri"
    assert [d.status for d in days] == ["kept", "missed", "pending"]


def test_a_client_colour_is_given_and_can_be_changed(services: Services) -> None:
    first = add_client(services, "A")
    second = add_client(services, "B")
    assert first.colour != second.colour
    assert services.catalog.update_client(first.id, colour="#123ABC").colour == "#123abc"
    with pytest.raises(InvalidInput, match="not a colour"):
        services.catalog.update_client(first.id, colour="blue")
    assert replace(first, colour="#123abc") == services.catalog.client(first.id)
