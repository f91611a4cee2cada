"""The weekly review's tables as text, the same in the window, the PDF and the command line."""

from __future__ import annotations

from ..domain.indicators import Indicator, Trend
from ..domain.money import format_money
from ..domain.review import HOUR, ClientPeriod, WeeklyReview

CLIENT_HEADERS = (
    "Client",
    "Hours",
    "Billable amount",
    "Effective rate",
    "Trying",
    "Out of hours",
    "Commitments kept",
    "Requests outside windows",
    "Retainer used",
)
CLIENT_TOOLTIPS = (
    "",
    "All hours spent for the client: billable, trying and non-billable",
    "What the period's entries come to as an invoice would bill them (by the day they start); "
    "a retainer is billed by the month",
    "The amount over every hour spent for the client, trying and non-billable included",
    "Share of the hours spent trying: attempts that have not succeeded yet",
    "Hours worked for the client outside your own working hours",
    "Days a daily commitment was kept, of the days it was due",
    "Requests that came outside the client's availability windows, of all its requests",
    "Retainer hours used this month, of those included",
)
TREND_SIGNS = {Trend.BETTER: "▼ better", Trend.WORSE: "▲ worse", Trend.SAME: "= same"}


def hours_text(seconds: int) -> str:
    return f"{seconds / HOUR:.1f} h"


def client_cells(period: ClientPeriod) -> list[str]:
    """The row of a client's week or month, without the client's name."""
    rate = period.effective_rate
    return [
        hours_text(period.worked.total),
        "by the month"
        if period.amount_minor is None
        else format_money(period.amount_minor, period.currency),
        "—" if rate is None else f"{rate:,.2f} {period.currency}/h",
        f"{period.trying_share:.0%}",
        hours_text(period.out_of_hours),
        f"{period.commitments_kept} of {period.commitments_due}" if period.commitments_due else "—",
        f"{period.requests_outside} of {period.requests}" if period.requests else "—",
        "—"
        if period.retainer_included is None
        else f"{(period.retainer_used or 0) / HOUR:.1f} of {period.retainer_included / HOUR:.0f} h",
    ]


def client_rows(review: WeeklyReview, *, month: bool = False) -> list[list[str]]:
    return [
        [row.client.name, *client_cells(row.month if month else row.week)]
        for row in review.per_client
    ]


def trend_text(indicator: Indicator) -> str:
    trend = indicator.trend
    return "—" if trend is None else TREND_SIGNS[trend]


def threshold_text(indicator: Indicator) -> str:
    threshold, unit = indicator.threshold, indicator.spec.unit
    return f"amber above {threshold.amber_above:g}, red at {threshold.red_at:g} {unit}"


def summary(review: WeeklyReview) -> str:
    """One line: the week's hours against promised, the limit and the 4-week average."""
    week = review.this_week
    return (
        f"Worked {hours_text(week.total)} · promised {hours_text(week.promised)} · "
        f"your limit {hours_text(review.limit)} · 4-week average {review.rolling_average[-1]:.1f} h"
    )
