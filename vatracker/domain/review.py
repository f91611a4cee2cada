"""The weekly review as plain data: hours worked against hours promised, week by week and day
by day, each client's week and month, and the sustainability indicators."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .availability import WeekPicture
from .indicators import Indicator
from .money import from_minor
from .weeks import Month, Week
from .zones import Instant

HOUR = 3600


@dataclass(frozen=True)
class Kinds:
    """Seconds of work by kind: billed work, billed attempts (trying), and non-billable."""

    billable: int = 0
    trying: int = 0
    non_billable: int = 0

    @property
    def total(self) -> int:
        return self.billable + self.trying + self.non_billable

    def plus(self, category: str, seconds: int) -> Kinds:
        """These seconds and `seconds` more of `category` ("billable", "trying" or
        "non_billable")."""
        return self + Kinds(**{category: seconds})

    def __add__(self, other: Kinds) -> Kinds:
        return Kinds(
            self.billable + other.billable,
            self.trying + other.trying,
            self.non_billable + other.non_billable,
        )


@dataclass(frozen=True)
class ReviewClient:
    id: int
    name: str
    colour: str
    currency: str


@dataclass(frozen=True)
class WeekBar:
    """One week of the trend: the work per client and what was promised in total."""

    week: Week
    worked: dict[int, Kinds]
    promised: int

    @property
    def total(self) -> int:
        return sum(kinds.total for kinds in self.worked.values())


@dataclass(frozen=True)
class DayBar:
    """One day of the week: each client's work inside and outside own hours, and how long the
    VA's own hours were that day (a 23- or 25-hour day keeps their real length)."""

    day: date
    length: int  # seconds in the day: 82,800, 86,400 or 90,000
    own_hours: int
    worked: dict[int, tuple[int, int]]  # client -> (inside own hours, outside)

    @property
    def total(self) -> int:
        return sum(inside + outside for inside, outside in self.worked.values())


@dataclass(frozen=True)
class ClientPeriod:
    """One client's week or month."""

    worked: Kinds
    out_of_hours: int
    amount_minor: int | None  # None: the week of a retainer client (billed by the month)
    currency: str
    commitments_kept: int = 0
    commitments_due: int = 0
    requests: int = 0
    requests_outside: int = 0
    retainer_used: int | None = None
    retainer_included: int | None = None

    @property
    def effective_rate(self) -> Decimal | None:
        """The amount over every hour spent for the client, trying and non-billable included."""
        if self.amount_minor is None or not self.worked.total:
            return None
        hours = Decimal(self.worked.total) / HOUR
        return (from_minor(self.amount_minor, self.currency) / hours).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def trying_share(self) -> float:
        return self.worked.trying / self.worked.total if self.worked.total else 0.0


@dataclass(frozen=True)
class ClientReview:
    client: ReviewClient
    week: ClientPeriod
    month: ClientPeriod


@dataclass(frozen=True)
class WeeklyReview:
    week: Week
    zone: str
    start: Instant
    end: Instant
    month: Month
    now: Instant
    weeks: list[WeekBar]  # oldest first, ending with `week`
    limit: int  # the VA's weekly limit, seconds
    days: list[DayBar]
    picture: WeekPicture
    clients: list[ReviewClient]
    per_client: list[ClientReview]
    indicators: list[Indicator]
    #: Hours each week of `weeks`, averaged with the three weeks before it (counted even
    #: where those fall before the chart).
    rolling_average: list[float]
    #: Every client with work in one of `weeks`, for the trend chart.
    trend_clients: list[ReviewClient]
    notes: list[str] = field(default_factory=list)

    @property
    def hours_in_week(self) -> int:
        """167, 168 or 169: the week's real length in the VA's zone."""
        return (self.end - self.start) // HOUR

    @property
    def this_week(self) -> WeekBar:
        return self.weeks[-1]

    def to_json(self) -> dict[str, Any]:
        def hours(seconds: int | None) -> float | None:
            return None if seconds is None else round(seconds / HOUR, 2)

        def money(minor: int | None, currency: str) -> str | None:
            return None if minor is None else str(from_minor(minor, currency))

        def period(p: ClientPeriod) -> dict[str, Any]:
            rate = p.effective_rate
            return {
                "hours_worked": hours(p.worked.total),
                "billable_hours": hours(p.worked.billable),
                "trying_hours": hours(p.worked.trying),
                "non_billable_hours": hours(p.worked.non_billable),
                "out_of_hours_hours": hours(p.out_of_hours),
                "amount": money(p.amount_minor, p.currency),
                "effective_hourly_rate": None if rate is None else str(rate),
                "currency": p.currency,
                "trying_share": round(p.trying_share, 3),
                "commitments_kept": p.commitments_kept,
                "commitments_due": p.commitments_due,
                "requests": p.requests,
                "requests_outside_windows": p.requests_outside,
                "retainer_used_hours": hours(p.retainer_used),
                "retainer_included_hours": hours(p.retainer_included),
            }

        this_week = self.this_week
        week_kinds = sum(this_week.worked.values(), Kinds())
        by_client = {c.client.id: c for c in self.per_client}
        return {
            "week": str(self.week),
            "zone": self.zone,
            "first_day": self.week.days[0].isoformat(),
            "last_day": self.week.days[-1].isoformat(),
            "hours_in_week": self.hours_in_week,
            "month": str(self.month),
            "hours_worked": hours(this_week.total),
            "promised_hours": hours(this_week.promised),
            "weekly_limit_hours": hours(self.limit),
            "billable_hours": hours(week_kinds.billable),
            "trying_hours": hours(week_kinds.trying),
            "non_billable_hours": hours(week_kinds.non_billable),
            "out_of_hours_hours": hours(
                sum(out for day in self.days for _, out in day.worked.values())
            ),
            "four_week_average_hours": round(self.rolling_average[-1], 2),
            "weeks": [
                {
                    "week": str(bar.week),
                    "hours_worked": hours(bar.total),
                    "promised_hours": hours(bar.promised),
                }
                for bar in self.weeks
            ],
            "days": [
                {
                    "day": bar.day.isoformat(),
                    "hours_in_day": bar.length / HOUR,
                    "hours_worked": hours(bar.total),
                    "own_hours": hours(bar.own_hours),
                    "outside_own_hours": hours(sum(out for _, out in bar.worked.values())),
                }
                for bar in self.days
            ],
            "clients": [
                {
                    "client": client.name,
                    "promised_hours": hours(self.picture.promised_seconds(client.id)),
                    "week": period(by_client[client.id].week),
                    "month": period(by_client[client.id].month),
                }
                for client in self.clients
                if client.id in by_client
            ],
            "indicators": [
                {
                    "key": i.spec.key,
                    "label": i.spec.label,
                    "value": round(i.value, 2),
                    "unit": i.spec.unit,
                    "colour": i.level.value,
                    "amber_above": i.threshold.amber_above,
                    "red_at": i.threshold.red_at,
                    "previous_four_weeks": None if i.previous is None else round(i.previous, 2),
                    "trend": None if i.trend is None else i.trend.value,
                }
                for i in self.indicators
            ],
            "notes": self.notes,
        }
