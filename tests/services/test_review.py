"""The weekly review through the services: hours, days, clients, money and indicators."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import Entry, Outcome, new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.indicators import Level, Threshold, Trend
from vatracker.domain.promises import Commitment, Promises, Retainer
from vatracker.domain.review import HOUR, Kinds
from vatracker.domain.weekly import parse_window
from vatracker.domain.weeks import Month, Week
from vatracker.services.container import Services

W10 = Week(2026, 10)  # Monday 2 March to Sunday 8 March 2026


def log(
    services: Services,
    client_id: int,
    start: str,
    end: str,
    task_name: str = "Inbox management",
    zone: str = "UTC",
    **changes: object,
) -> Entry:
    entry = new_entry(
        client_id,
        task(services, task_name).id,
        at(start, zone),
        services.settings.va_zone(),
        end=at(end, zone),
        billable=task_name != "Own admin",
    )
    return services.entries.add(replace(entry, **changes), allow_overlap=True).after[0]  # type: ignore[arg-type]


@pytest.fixture
def acme(services: Services, clock: FakeClock):  # type: ignore[no-untyped-def]
    clock.set(at("2026-03-09 12:00"))
    return add_client(services, "Acme", "UTC", rate="20")


def test_an_entry_across_midnight_counts_on_both_days(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    # FAULTS T5: 23:30 to 01:30 is half an hour on Monday and an hour and a half on Tuesday.
    log(services, acme.id, "2026-03-02 23:30", "2026-03-03 01:30")
    review = services.review.review(W10)
    days = {bar.day: bar.total for bar in review.days}
    assert days[date(2026, 3, 2)] == 1800 and days[date(2026, 3, 3)] == 5400
    assert review.this_week.total == 2 * HOUR
    # An entry across the week's end counts in each week for its part.
    log(services, acme.id, "2026-03-08 23:00", "2026-03-09 02:00")
    assert services.review.review(W10).this_week.total == 3 * HOUR
    assert services.review.review(W10.shifted(1)).this_week.total == 2 * HOUR


@pytest.mark.parametrize(
    ("week", "hours", "sunday_hours"),
    [(Week(2026, 13), 167, 23), (Week(2026, 43), 169, 25), (Week(2026, 20), 168, 24)],
)
def test_a_week_with_a_clock_change_has_its_real_length(
    services: Services, clock: FakeClock, week: Week, hours: int, sunday_hours: int
) -> None:
    clock.set(at("2026-11-20 12:00"))
    services.settings.set_va_zone("Europe/Berlin")
    acme = add_client(services, "Acme", "Europe/Berlin")
    sunday = week.days[-1]
    # From midnight to 04:00 on the Sunday: 3, 5 or 4 hours of real time.
    log(services, acme.id, f"{sunday} 00:00", f"{sunday} 04:00", zone="Europe/Berlin")
    review = services.review.review(week)
    assert review.hours_in_week == hours
    assert review.days[-1].length == sunday_hours * HOUR
    assert review.days[-1].total == (4 + sunday_hours - 24) * HOUR
    assert review.to_json()["hours_in_week"] == hours
    assert any(f"{hours} hours" in note for note in review.notes) == (hours != 168)


def test_promised_hours_are_laid_in_each_client_s_zone(
    services: Services, clock: FakeClock
) -> None:
    # FAULTS T4: New York moves its clocks on 8 March, London on 29 March; in between, a
    # 09:00-17:00 window in New York is still eight hours every day, just an hour earlier.
    clock.set(at("2026-04-10 12:00"))
    services.settings.set_va_zone("Europe/London")
    ny = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(ny.id, Promises(windows=(parse_window("Mon-Fri 09:00-17:00"),)))
    for number in (10, 11, 12, 13, 14):
        review = services.review.review(Week(2026, number), weeks_shown=4)
        assert review.this_week.promised == 40 * HOUR
        assert review.to_json()["clients"][0]["promised_hours"] == 40.0


def test_a_running_entry_counts_up_to_now(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    clock.set(at("2026-03-04 09:00"))
    services.timer.start(acme.id, task(services).id)
    clock.set(at("2026-03-04 11:15"))
    review = services.review.review()
    assert review.week == W10
    assert review.this_week.total == 2 * HOUR + 900


def test_each_client_s_week_and_month(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    clock.set(at("2026-03-25 12:00"))
    # Own hours are Monday to Friday, 09:00-17:00 (the default), here in UTC.
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 11:00")  # 2 h billable
    log(
        services,
        acme.id,
        "2026-03-02 17:00",
        "2026-03-02 18:00",
        "Research",
        outcome=Outcome.TRYING,
        findings="Needs an admin login",
    )  # 1 h trying, all of it after own hours
    log(services, acme.id, "2026-03-03 08:00", "2026-03-03 09:00", "Own admin")  # 1 h unbilled
    log(services, acme.id, "2026-03-20 10:00", "2026-03-20 12:00")  # later in March
    services.requests.log(acme.id, at=at("2026-03-03 07:00"))  # no windows: not outside
    review = services.review.review(W10)
    assert review.month == Month(2026, 3)
    (row,) = review.per_client
    assert row.week.worked == Kinds(billable=2 * HOUR, trying=HOUR, non_billable=HOUR)
    assert row.week.amount_minor == 6000  # 3 billed hours at 20
    assert row.week.effective_rate == Decimal("15.00")  # 60 over all 4 hours
    assert row.week.trying_share == 0.25
    assert row.week.out_of_hours == 2 * HOUR  # 17:00-18:00 and 08:00-09:00
    assert (row.week.requests, row.week.requests_outside) == (1, 0)
    assert row.month.worked.total == 6 * HOUR and row.month.amount_minor == 10000
    week_json = review.to_json()["clients"][0]["week"]
    assert week_json["effective_hourly_rate"] == "15.00" and week_json["trying_hours"] == 1.0


def test_a_retainer_client_is_priced_by_the_month(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    services.promises.set_promises(
        acme.id,
        Promises(
            windows=(parse_window("Mon-Fri 09:00-12:00"),),
            commitments=(Commitment(task(services).id, frozenset(range(5)), 10 * 60),),
            retainer=Retainer(2 * 60, 10000, 3000),
        ),
    )
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 09:45")  # kept: ended by 10:00
    log(services, acme.id, "2026-03-03 10:00", "2026-03-03 12:00")  # Tuesday: missed
    services.requests.log(acme.id, at=at("2026-03-03 20:00"))  # outside the windows
    review = services.review.review(W10)
    (row,) = review.per_client
    assert row.week.amount_minor is None and row.week.effective_rate is None
    assert row.month.amount_minor == 10000 + 2250  # the fee, and 0.75 h over at 30
    assert (row.month.retainer_used, row.month.retainer_included) == (2 * HOUR + 2700, 2 * HOUR)
    assert (row.week.commitments_kept, row.week.commitments_due) == (1, 5)
    assert (row.week.requests, row.week.requests_outside) == (1, 1)
    assert review.this_week.promised == 15 * HOUR


def work_days(services: Services, client_id: int, days: range, start: str, end: str) -> None:
    for day in days:
        log(services, client_id, f"2026-03-{day:02d} {start}", f"2026-03-{day:02d} {end}")


def test_the_indicators_of_a_heavy_week(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    clock.set(at("2026-03-16 12:00"))
    beta = add_client(services, "Beta", "UTC")
    research = task(services, "Research").id
    # Week 10 is light: 09:00-13:00 every day.
    work_days(services, acme.id, range(2, 9), "09:00", "13:00")
    # Week 11 (9 to 15 March): every day, 07:00 to 21:00 with no break, then 02:00 to 03:00
    # each night from Tuesday, switching between clients and tasks.
    for day in range(9, 16):
        for hour in range(7, 21):
            client = acme.id if hour % 2 else beta.id
            entry = new_entry(
                client,
                research if hour % 3 else task(services).id,
                at(f"2026-03-{day:02d} {hour:02d}:00"),
                services.settings.va_zone(),
                end=at(f"2026-03-{day:02d} {hour + 1:02d}:00"),
            )
            services.entries.add(entry)
        if day > 9:
            log(services, acme.id, f"2026-03-{day:02d} 02:00", f"2026-03-{day:02d} 03:00")
    review = services.review.review(Week(2026, 11))
    values = {i.spec.key: i for i in review.indicators}
    assert values["weekly_hours"].value == pytest.approx((0 + 0 + 28 + 104) / 4)
    assert values["short_rest"].value == 6  # 21:00 to 02:00, six nights
    assert values["no_day_off"].value == 7 + 7  # and the seven days of week 10 before
    assert values["no_break"].value == 7
    assert values["weekend_days"].value == 2
    assert values["out_of_hours"].value == pytest.approx(104 - 40)
    assert values["task_switches"].value == pytest.approx((13 + 14 * 6) / 7)
    assert {key: i.level for key, i in values.items()} == {
        "weekly_hours": Level.GREEN,  # a 33-hour four-week average
        "short_rest": Level.RED,
        "no_day_off": Level.RED,
        "no_break": Level.RED,
        "weekend_days": Level.RED,
        "out_of_hours": Level.RED,
        "task_switches": Level.AMBER,
    }
    # The four weeks before had four-week averages of 0, 0, 0 and 7 hours.
    assert values["weekly_hours"].previous == pytest.approx(7 / 4)
    assert values["weekly_hours"].trend is Trend.WORSE
    # The week before had work: each indicator has a trend.
    assert all(i.trend is not None for i in review.indicators)
    # Without any work in the four weeks before, there is nothing to compare with.
    assert all(i.trend is None for i in services.review.review(W10).indicators)


def test_thresholds_and_the_trend_s_weeks_are_settings(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    review = services.review
    assert review.thresholds()["weekly_hours"] == Threshold(40, 55)
    review.set_threshold("weekly_hours", Threshold(35, 45))
    assert review.thresholds()["weekly_hours"] == Threshold(35, 45)
    work_days(services, acme.id, range(2, 7), "08:00", "17:00")  # 45 h
    assert services.review.review(W10).indicators[0].level is Level.GREEN  # 4-week average
    review.set_threshold("weekly_hours", Threshold(5, 10))
    assert services.review.review(W10).indicators[0].level is Level.RED
    review.set_threshold("weekly_hours", None)
    assert review.thresholds()["weekly_hours"] == Threshold(40, 55)
    with pytest.raises(InvalidInput, match="no indicator 'sleep'"):
        review.set_threshold("sleep", Threshold(1, 2))
    assert review.weeks_shown() == 12
    review.set_weeks_shown(26)
    assert len(services.review.review(W10).weeks) == 26
    with pytest.raises(InvalidInput, match="from 4 to 52 weeks, not 60"):
        review.set_weeks_shown(60)
    assert review.weeks_shown() == 26


def test_the_review_as_json_names_what_the_issue_asks(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 11:00")
    shown = services.review.review(W10).to_json()
    assert shown["week"] == "2026-W10" and shown["hours_worked"] == 2.0
    assert {"promised_hours", "billable_hours", "trying_hours", "non_billable_hours"} <= set(shown)
    assert "out_of_hours_hours" in shown and len(shown["weeks"]) == 12
    client = shown["clients"][0]
    assert client["client"] == "Acme" and client["week"]["hours_worked"] == 2.0
    assert {i["key"]: i["colour"] for i in shown["indicators"]}["weekly_hours"] == "green"
    assert all({"value", "colour", "trend"} <= set(i) for i in shown["indicators"])


def test_the_trend_averages_weeks_before_the_chart_and_shows_every_client(
    services: Services, acme
) -> None:  # type: ignore[no-untyped-def]
    # 10 hours for an old client in week 2 of 2026 only, 8 weeks before W10.
    old = add_client(services, "Old client", "UTC", rate="20")
    log(services, old.id, "2026-01-05 08:00", "2026-01-05 18:00")
    review = services.review.review(W10, weeks_shown=6)
    assert [bar.week.number for bar in review.weeks] == [5, 6, 7, 8, 9, 10]
    assert old.id not in {c.id for c in review.clients}  # not in this week's table
    # The first bar's average still counts the three weeks before it (W2 included).
    review = services.review.review(W10, weeks_shown=8)
    assert review.weeks[0].week.number == 3 and review.rolling_average[0] == 2.5
    review = services.review.review(Week(2026, 3), weeks_shown=4)
    assert [c.name for c in review.trend_clients] == ["Old client"]
    assert review.rolling_average == [0, 0, 2.5, 2.5]  # W52, W1, W2, W3


def test_fifty_five_hours_on_average_is_red_however_the_weeks_add_up(
    services: Services, acme
) -> None:  # type: ignore[no-untyped-def]
    # 64.6 + 58.6 + 69.1 + 27.7 = 220 hours: adding them as floats gives 54.999…
    for week, hours in zip((7, 8, 9, 10), (64.6, 58.6, 69.1, 27.7), strict=True):
        start = at(f"{Week(2026, week).monday} 00:00")
        log_seconds(services, acme.id, start, round(hours * HOUR))
    weekly = services.review.review(W10).indicators[0]
    assert weekly.value == 55.0 and weekly.level is Level.RED


def log_seconds(services: Services, client_id: int, start: int, seconds: int) -> None:
    """Work from `start` in one-day pieces (no entry is over a day long)."""
    while seconds > 0:
        piece = min(seconds, 20 * HOUR)
        entry = new_entry(
            client_id,
            task(services).id,
            start,
            services.settings.va_zone(),
            end=start + piece,
            billable=True,
        )
        services.entries.add(entry, allow_overlap=True)
        start += 24 * HOUR
        seconds -= piece


def test_a_running_entry_counts_in_the_effective_rate(
    services: Services, acme, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    log(services, acme.id, "2026-03-09 08:00", "2026-03-09 10:00")
    services.timer.start(acme.id, task(services).id)  # at 12:00, the clock's time
    clock.advance(HOUR)
    week = services.review.review(Week(2026, 11)).per_client[0].week
    assert week.worked.total == 3 * HOUR and week.amount_minor == 6000
    assert week.effective_rate == Decimal("20.00")
