"""The invoice as a document: everything the PDF and CSV show, as plain JSON-ready data.

A draft and an issued invoice are the same document; an issued one is frozen as it was, so
exporting it again gives the same file whatever changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .business import BusinessProfile, ClientBilling
from .catalog import Client
from .errors import InvalidInput
from .invoicing import Draft, Rounding
from .weeks import Month

DOCUMENT_VERSION = 1


@dataclass(frozen=True)
class Period:
    """Whole days, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(f"The period ends ({self.last}) before it starts ({self.first}).")
        if (self.last - self.first).days > 366:
            raise InvalidInput("An invoice covers at most a year; choose a shorter period.")

    @classmethod
    def of_month(cls, month: Month) -> Period:
        return cls(month.first_day, month.next().first_day - timedelta(days=1))

    @property
    def days(self) -> tuple[date, date]:
        return self.first, self.last

    def whole_months(self) -> int | None:
        """How many calendar months the period is, when it is whole months; else None."""
        if self.first.day != 1 or (self.last + timedelta(days=1)).day != 1:
            return None
        return (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1

    def describe(self) -> str:
        month = Month.containing(self.first)
        if self == Period.of_month(month):
            return self.first.strftime("%B %Y")
        return f"{self.first:%d %b %Y} to {self.last:%d %b %Y}"


def invoice_document(
    draft: Draft,
    *,
    number: str | None,
    issued_on: date,
    due_on: date,
    period: Period,
    business: BusinessProfile,
    client: Client,
    billing: ClientBilling,
    rounding: Rounding,
    va_zone: str,
) -> dict[str, Any]:
    """The document as data: strings for decimals, ISO dates, minor units for money."""
    return {
        "version": DOCUMENT_VERSION,
        "number": number,
        "issued_on": issued_on.isoformat(),
        "due_on": due_on.isoformat(),
        "period": {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "label": period.describe(),
        },
        "currency": draft.currency,
        "paper": business.paper,
        "zone": va_zone,
        "rounding": rounding.label,
        "business": {
            "name": business.name,
            "address": business.address,
            "tax_number": business.tax_number,
            "payment_details": business.payment_details,
            "logo_sha256": business.logo_sha256,
        },
        "client": {
            "name": client.name,
            "billing_name": billing.billing_name or client.name,
            "billing_address": billing.billing_address,
            "billing_email": billing.billing_email,
        },
        "lines": [
            {
                "section": line.section,
                "description": line.description,
                "hours": None if line.hours is None else str(line.hours),
                "rate_minor": line.rate_minor,
                "amount_minor": line.amount_minor,
            }
            for line in draft.lines
        ],
        "attempts": [
            {
                "day": a.day.isoformat(),
                "task": a.task,
                "hours": str(a.hours),
                "findings": a.findings,
            }
            for a in draft.attempts
        ],
        "timesheet": [
            {
                "entry_id": row.entry_id,
                "day": row.day.isoformat(),
                "start": row.start,
                "end": row.end,
                "task": row.task,
                "hours": str(row.hours),
                "duration": row.duration,
                "outcome": row.outcome,
                "billable": row.billable,
                "note": row.note,
                "findings": row.findings,
            }
            for row in draft.timesheet
        ],
        "subtotal_minor": draft.subtotal_minor,
        "tax": None
        if draft.tax is None
        else {"label": draft.tax.label, "percent": str(draft.tax.percent)},
        "tax_minor": draft.tax_minor,
        "total_minor": draft.total_minor,
        "unused_retainer_hours": (
            None if draft.unused_retainer_hours is None else str(draft.unused_retainer_hours)
        ),
    }
