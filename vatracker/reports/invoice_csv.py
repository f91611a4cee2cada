"""An invoice's lines and timesheet as CSV that a spreadsheet opens as data."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ..domain.money import from_minor
from .csv_safe import write_csv

LINE_COLUMNS = (
    "invoice",
    "client",
    "period",
    "section",
    "description",
    "hours",
    "rate",
    "amount",
    "currency",
)
TIMESHEET_COLUMNS = (
    "invoice",
    "entry",
    "date",
    "start",
    "end",
    "task",
    "hours",
    "time",
    "outcome",
    "billed",
    "note",
    "findings",
)


def _money(minor: int | None, currency: str) -> str:
    return "" if minor is None else str(from_minor(minor, currency))


def lines_csv(document: dict[str, Any]) -> str:
    currency = document["currency"]
    common = {
        "invoice": document["number"] or "draft",
        "client": document["client"]["billing_name"],
        "period": document["period"]["label"],
        "currency": currency,
    }
    rows: list[dict[str, object]] = [
        {
            **common,
            "section": line["section"],
            "description": line["description"],
            "hours": line["hours"] or "",
            "rate": _money(line["rate_minor"], currency),
            "amount": _money(line["amount_minor"], currency),
        }
        for line in document["lines"]
    ]
    tax = document["tax"]
    totals = [("subtotal", "Subtotal", document["subtotal_minor"])]
    if tax is not None:
        totals.append(
            ("tax", f"{tax['label']} {Decimal(tax['percent']):g}%", document["tax_minor"])
        )
    totals.append(("total", "Total", document["total_minor"]))
    rows += [
        {**common, "section": section, "description": text, "amount": _money(amount, currency)}
        for section, text, amount in totals
    ]
    stream = io.StringIO()
    write_csv(stream, LINE_COLUMNS, rows)
    return stream.getvalue()


def timesheet_csv(document: dict[str, Any]) -> str:
    rows = [
        {
            "invoice": document["number"] or "draft",
            "entry": row["entry_id"],
            "date": row["day"],
            "start": row["start"],
            "end": row["end"],
            "task": row["task"],
            "hours": row["hours"],
            "time": row["duration"],
            "outcome": row["outcome"],
            "billed": row["billable"],
            "note": row["note"],
            "findings": row["findings"],
        }
        for row in document["timesheet"]
    ]
    stream = io.StringIO()
    write_csv(stream, TIMESHEET_COLUMNS, rows)
    return stream.getvalue()
