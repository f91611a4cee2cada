"""The weekly review: hours worked against hours promised and the VA's limits, per week, day and
client, and the sustainability indicators with their trends.

SQLite adds the hours up (storage/review.py); this module chooses the spans to add them up in,
prices the time as an invoice would, and judges the pace with the indicator functions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from ..clock import Clock
from ..domain.catalog import Client
from ..domain.errors import InvalidInput
from ..domain.indicators import (
    NO_BREAK,
    NO_DAY_OFF,
    OUT_OF_HOURS,
    SHORT_REST,
    SPECS,
    SWITCHES,
    WEEKEND,
    WEEKLY_HOURS,
    DayEdges,
    Indicator,
    IndicatorSpec,
    Threshold,
    WorkRun,
    days_without_break,
    days_without_day_off,
    rolling_average,
    short_rest_days,
    switches_per_day,
    weekend_days_worked,
)
from ..domain.invoicing import Billing, billed_amount
from ..domain.promises import OwnHours
from ..domain.review import (
    HOUR,
    ClientPeriod,
    ClientReview,
    DayBar,
    Kinds,
    ReviewClient,
    WeekBar,
    WeeklyReview,
)
from ..domain.weekly import Span, WeeklyWindow, intersect, merge, spans_between, total_seconds
from ..domain.weeks import Month, Week
from ..domain.zones import Instant, day_bounds, local_date, zone
from ..storage import billing as billing_table
from ..storage import catalog as catalog_table
from ..storage import review as sums
from ..storage import settings as settings_table
from ..storage.database import Database
from ..storage.review import KeyedSpan
from .promises import PromiseService
from .settings import SettingsService

WEEKS_KEY = "review_weeks"
DEFAULT_WEEKS, MIN_WEEKS, MAX_WEEKS = 12, 4, 52
#: Indicator trends compare a week with the four before it.
TREND_WEEKS = 4
BREAK_SECONDS, LONG_STRETCH_SECONDS = 30 * 60, 6 * HOUR


def _threshold_keys(spec: IndicatorSpec) -> tuple[str, str]:
    return f"threshold.{spec.key}.amber_above", f"threshold.{spec.key}.red_at"


@dataclass(frozen=True)
class _Plan:
    """The spans one review adds work up in, and the key of each in SQLite's answer: the
    weeks of the trend, every day from two weeks before the first week judged, the VA's own
    hours inside each of those days, and the month."""

    tz: ZoneInfo
    chosen: Week
    weeks: list[Week]  # oldest first, ending with the chosen week
    first_day: date
    month: Month
    own: OwnHours

    WEEK, DAY, OWN_IN_DAY, MONTH, OWN_IN_MONTH = 0, 1_000, 3_000, 5_000, 5_001

    @cached_property
    def days(self) -> list[date]:
        last = self.chosen.days[-1]
        return [self.first_day + timedelta(days=i) for i in range((last - self.first_day).days + 1)]

    @cached_property
    def day_spans(self) -> list[Span]:
        return [Span(*day_bounds(day, self.tz)) for day in self.days]

    @cached_property
    def month_span(self) -> Span:
        return Span(*self.month.bounds(self.tz))

    @cached_property
    def own_spans(self) -> list[Span]:
        start = min(self.day_spans[0].start, self.month_span.start)
        end = max(self.day_spans[-1].end, self.month_span.end)
        return merge(spans_between(self.own.windows, self.tz, start, end))

    def own_within(self, span: Span) -> list[Span]:
        return intersect(self.own_spans, [span])

    def day_index(self, day: date) -> int:
        return (day - self.first_day).days

    def spans(self) -> list[KeyedSpan]:
        found = [KeyedSpan(self.WEEK + i, *w.bounds(self.tz)) for i, w in enumerate(self.weeks)]
        for index, span in enumerate(self.day_spans):
            found.append(KeyedSpan(self.DAY + index, span.start, span.end))
            found += [
                KeyedSpan(self.OWN_IN_DAY + index, piece.start, piece.end)
                for piece in self.own_within(span)
            ]
        found.append(KeyedSpan(self.MONTH, self.month_span.start, self.month_span.end))
        found += [
            KeyedSpan(self.OWN_IN_MONTH, piece.start, piece.end)
            for piece in self.own_within(self.month_span)
        ]
        return found

    def day_keyed(self) -> list[KeyedSpan]:
        return [KeyedSpan(self.DAY + i, s.start, s.end) for i, s in enumerate(self.day_spans)]

    def week_keys(self, week_days: Iterable[date], base: int) -> list[int]:
        return [base + self.day_index(day) for day in week_days]


class _Sums:
    """What SQLite added up: seconds by span key, then client and kind of work."""

    def __init__(self, worked: dict[tuple[int, int, str], int]) -> None:
        self._by_key: dict[int, dict[int, Kinds]] = {}
        for (key, client, category), seconds in worked.items():
            clients = self._by_key.setdefault(key, {})
            clients[client] = clients.get(client, Kinds()).plus(category, seconds)

    def kinds(self, key: int) -> dict[int, Kinds]:
        return self._by_key.get(key, {})

    def by_client(self, keys: Iterable[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        for key in set(keys):
            for client, kinds in self.kinds(key).items():
                found[client] = found.get(client, 0) + kinds.total
        return found

    def total(self, keys: Iterable[int]) -> int:
        return sum(self.by_client(keys).values())


class ReviewService:
    def __init__(
        self, db: Database, clock: Clock, settings: SettingsService, promises: PromiseService
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._promises = promises

    # Settings ------------------------------------------------------------------------------

    def weeks_shown(self) -> int:
        """How many weeks the trend chart shows (12 unless the VA chose otherwise)."""
        with self._db.reading() as conn:
            value = settings_table.get(conn, WEEKS_KEY)
        return DEFAULT_WEEKS if value is None else int(value)

    @staticmethod
    def check_weeks_shown(weeks: int) -> None:
        if not MIN_WEEKS <= weeks <= MAX_WEEKS:
            raise InvalidInput(f"Show from {MIN_WEEKS} to {MAX_WEEKS} weeks, not {weeks}.")

    def set_weeks_shown(self, weeks: int) -> None:
        self.check_weeks_shown(weeks)
        with self._db.transaction() as conn:
            settings_table.put(conn, WEEKS_KEY, str(weeks))

    def thresholds(self) -> dict[str, Threshold]:
        with self._db.reading() as conn:
            stored = settings_table.starting_with(conn, "threshold.")
        found = {}
        for spec in SPECS:
            amber, red = (stored.get(key) for key in _threshold_keys(spec))
            found[spec.key] = (
                spec.default
                if amber is None or red is None
                else Threshold(float(amber), float(red))
            )
        return found

    def set_threshold(self, key: str, threshold: Threshold | None) -> None:
        """Change an indicator's thresholds; None puts its defaults back."""
        spec = next((s for s in SPECS if s.key == key), None)
        if spec is None:
            raise InvalidInput(f"There is no indicator {key!r}.")
        values = (None, None) if threshold is None else (threshold.amber_above, threshold.red_at)
        with self._db.transaction() as conn:
            for setting, value in zip(_threshold_keys(spec), values, strict=True):
                settings_table.put(conn, setting, None if value is None else f"{value:g}")

    # The review ----------------------------------------------------------------------------

    def review(self, week: Week | None = None, *, weeks_shown: int | None = None) -> WeeklyReview:
        """The review of `week` (default: this week), with `weeks_shown` weeks of trend."""
        tz = self._settings.va_zone()
        now = self._clock.now()
        chosen = week or Week.at(now, tz)
        shown = weeks_shown or self.weeks_shown()
        # Enough weeks for the chart and its four-week averages, and for the indicators'
        # four-week averages of the four weeks before this one.
        counted = max(shown + TREND_WEEKS - 1, 2 * TREND_WEEKS)
        weeks = [chosen.shifted(-back) for back in reversed(range(counted))]
        plan = _Plan(
            tz=tz,
            chosen=chosen,
            weeks=weeks,
            first_day=weeks[-TREND_WEEKS - 1].monday - timedelta(days=14),
            month=self.month_of(chosen, local_date(now, tz)),
            own=self._promises.own_hours(),
        )
        week_start, week_end = chosen.bounds(tz)
        judged_start = weeks[-TREND_WEEKS - 1].bounds(tz)[0]
        with self._db.reading() as conn:
            found = _Sums(sums.worked_in_spans(conn, plan.spans(), now))
            edges = sums.day_edges(conn, plan.day_keyed(), now)
            switches = sums.switches_by_day(conn, plan.day_keyed(), now)
            runs = sums.work_runs(conn, judged_start, week_end, BREAK_SECONDS, now)
            clients = catalog_table.clients(conn)
            terms = {c.id: billing_table.client_terms(conn, c) for c in clients}
            week_prices = _prices(
                conn, clients, terms, Span(week_start, week_end), now, months=None
            )
            month_prices = _prices(conn, clients, terms, plan.month_span, now, months=1)
        picture = self._promises.week(chosen)
        promised = self._promised_per_week(weeks, tz)
        week_key = plan.WEEK + len(weeks) - 1
        worked = {**found.by_client([week_key]), **found.by_client([plan.MONTH])}
        shown_clients = [c for c in clients if c.id in worked or picture.windows.get(c.id)]

        week_days = (chosen.days[0], chosen.days[-1])
        month_days = (plan.month.first_day, plan.month.next().first_day - timedelta(days=1))
        kept = {
            "week": self._promises.commitments_kept(shown_clients, *week_days),
            "month": self._promises.commitments_kept(shown_clients, *month_days),
        }

        def period(client: Client, name: str, key: int, own_keys: list[int]) -> ClientPeriod:
            prices = week_prices if name == "week" else month_prices
            hours = found.kinds(key).get(client.id, Kinds())
            commitments = kept[name].get(client.id, (0, 0))
            requests = prices.requests.get(client.id, (0, 0))
            retainer = prices.retainer_hours.get(client.id) if name == "month" else None
            return ClientPeriod(
                worked=hours,
                out_of_hours=hours.total - found.by_client(own_keys).get(client.id, 0),
                amount_minor=prices.amounts[client.id],
                currency=client.currency,
                commitments_kept=commitments[0],
                commitments_due=commitments[1],
                requests=requests[0],
                requests_outside=requests[1],
                retainer_used=None if retainer is None else prices.billed.get(client.id, 0),
                retainer_included=retainer,
            )

        per_client = [
            ClientReview(
                _review_client(client),
                period(client, "week", week_key, plan.week_keys(chosen.days, plan.OWN_IN_DAY)),
                period(client, "month", plan.MONTH, [plan.OWN_IN_MONTH]),
            )
            for client in shown_clients
        ]
        notes = []
        if week_end - week_start != 168 * HOUR:
            notes.append(
                f"This week has {(week_end - week_start) // HOUR} hours in {tz.key}: the clocks "
                "changed, and every day counts at its real length."
            )
        week_seconds = [found.total([plan.WEEK + i]) for i in range(len(weeks))]
        averages = [value / HOUR for value in rolling_average(week_seconds, TREND_WEEKS)]
        trend_ids = {c for i in range(len(weeks))[-shown:] for c in found.kinds(plan.WEEK + i)}
        return WeeklyReview(
            week=chosen,
            zone=tz.key,
            start=week_start,
            end=week_end,
            month=plan.month,
            now=now,
            weeks=[
                WeekBar(w, found.kinds(plan.WEEK + i), promised[i]) for i, w in enumerate(weeks)
            ][-shown:],
            limit=plan.own.weekly_limit_minutes * 60,
            days=_day_bars(plan, found),
            picture=picture,
            clients=[_review_client(c) for c in shown_clients],
            per_client=per_client,
            indicators=_indicators(plan, found, edges, switches, runs, self.thresholds()),
            rolling_average=averages[-shown:],
            trend_clients=[_review_client(c) for c in clients if c.id in trend_ids],
            notes=notes,
        )

    @staticmethod
    def month_of(week: Week, today: date) -> Month:
        """The month a week's review reports on: today's for the week under way, else the
        month of the week's last day."""
        first, last = week.days[0], week.days[-1]
        return Month.containing(today if first <= today <= last else last)

    def _promised_per_week(self, weeks: list[Week], tz: ZoneInfo) -> list[int]:
        """Hours promised in each week, each client's windows laid in the client's own zone."""
        clients = self._promises.client_promises()
        return [
            sum(_promised(c.promises.windows, c.zone.key, tz.key, week) for c in clients)
            for week in weeks
        ]


@lru_cache(maxsize=4096)
def _promised(windows: tuple[WeeklyWindow, ...], client_zone: str, va_zone: str, week: Week) -> int:
    """Seconds of `windows` (in `client_zone`) inside `week` (in `va_zone`): remembered, as
    moving a week on asks again for the eleven others."""
    start, end = week.bounds(zone(va_zone))
    return total_seconds(spans_between(windows, zone(client_zone), start, end))


@dataclass(frozen=True)
class _Prices:
    """A period's money side, per client: what its time is worth (None: a retainer client's
    week), the seconds billed, the retainer hours included, and its requests."""

    amounts: dict[int, int | None]
    billed: dict[int, int]
    retainer_hours: dict[int, int]
    requests: dict[int, tuple[int, int]]  # (requests, outside the client's windows)


def _prices(
    conn: sqlite3.Connection,
    clients: list[Client],
    terms: dict[int, Billing],
    span: Span,
    now: Instant,
    *,
    months: int | None,
) -> _Prices:
    """What each client's time starting in `span` is worth, priced as an invoice prices it
    (a retainer only by the month), and the requests the client sent in it."""
    billed = sums.billed_seconds(conn, span.start, span.end, now)
    amounts: dict[int, int | None] = {}
    retainer_hours = {}
    for client in clients:
        billing = terms[client.id]
        if billing.retainer is not None:
            retainer_hours[client.id] = billing.retainer.included_minutes * 60 * (months or 1)
            if months is None:
                amounts[client.id] = None
                continue
        amounts[client.id] = billed_amount(
            {
                (task, trying): s
                for (owner, task, trying), s in billed.items()
                if owner == client.id
            },
            billing,
            months=months or 1,
        )
    by_client: dict[int, int] = {}
    for (owner, _task, _trying), total in billed.items():
        by_client[owner] = by_client.get(owner, 0) + total
    return _Prices(
        amounts,
        by_client,
        retainer_hours,
        sums.requests_outside_windows(conn, span.start, span.end),
    )


def _day_bars(plan: _Plan, found: _Sums) -> list[DayBar]:
    bars = []
    for day in plan.chosen.days:
        index = plan.day_index(day)
        span = plan.day_spans[index]
        inside = found.by_client([plan.OWN_IN_DAY + index])
        bars.append(
            DayBar(
                day,
                span.seconds,
                total_seconds(plan.own_within(span)),
                {
                    client: (inside.get(client, 0), worked - inside.get(client, 0))
                    for client, worked in found.by_client([plan.DAY + index]).items()
                },
            )
        )
    return bars


def _indicators(
    plan: _Plan,
    found: _Sums,
    edges: dict[int, tuple[Instant, Instant]],
    switches: dict[int, int],
    runs: list[tuple[Instant, Instant, int]],
    thresholds: dict[str, Threshold],
) -> list[Indicator]:
    """Each indicator for the chosen week, against its average over the four weeks before."""
    worked_by_day = {day: found.total([plan.DAY + plan.day_index(day)]) for day in plan.days}
    worked_days = {day for day, seconds in worked_by_day.items() if seconds > 0}
    day_edges = [
        DayEdges(plan.days[key - plan.DAY], first, last) for key, (first, last) in edges.items()
    ]
    work_runs = [WorkRun(local_date(s, plan.tz), s, e, worked) for s, e, worked in runs]
    switches_on = {plan.days[key - plan.DAY]: count for key, count in switches.items()}
    totals = [found.total([plan.WEEK + i]) for i in range(len(plan.weeks))]
    rest = plan.own.min_rest_hours * HOUR

    def measures(back: int) -> dict[str, float]:
        last = len(plan.weeks) - 1 - back
        days = plan.weeks[last].days
        worked = sum(worked_by_day[d] for d in days)
        inside = found.total(plan.week_keys(days, plan.OWN_IN_DAY))
        recent = totals[max(0, last - TREND_WEEKS + 1) : last + 1]
        return {
            # Whole seconds summed, divided once: 55 hours is exactly 55.0, never 54.99…
            WEEKLY_HOURS.key: sum(recent) / (len(recent) * HOUR),
            SHORT_REST.key: len(short_rest_days(day_edges, days, rest)),
            NO_DAY_OFF.key: days_without_day_off(worked_days, days[-1]),
            NO_BREAK.key: days_without_break(work_runs, days, LONG_STRETCH_SECONDS),
            WEEKEND.key: weekend_days_worked(worked_days & set(days)),
            OUT_OF_HOURS.key: (worked - inside) / HOUR,
            SWITCHES.key: switches_per_day(switches_on, worked_days & set(days)),
        }

    current = measures(0)
    before = [measures(back) for back in range(1, TREND_WEEKS + 1)]
    any_before = any(totals[-1 - back] for back in range(1, TREND_WEEKS + 1))
    return [
        Indicator(
            spec,
            current[spec.key],
            thresholds[spec.key],
            sum(m[spec.key] for m in before) / len(before) if any_before else None,
        )
        for spec in SPECS
    ]


def _review_client(client: Client) -> ReviewClient:
    return ReviewClient(client.id, client.name, client.colour, client.currency)
