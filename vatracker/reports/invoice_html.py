"""The invoice as HTML for Qt's rich-text engine: the preview and the PDF are the same page.

Every piece of user text goes through `text()`, which escapes it: a client named
`<img src=...>` is printed as those characters, never as markup.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any

from ..domain.money import format_money, from_minor

ACCENT = "#0f766e"
MUTED = "#5b6470"
LOGO_URL = "vatracker-logo"


def text(value: object) -> str:
    """User text, escaped, with its line breaks kept."""
    return html.escape(str(value)).replace("\n", "<br>")


def _money(minor: int | None, currency: str, *, missing: str = "") -> str:
    """1,234.50; `missing` where there is no amount (a line the retainer covers)."""
    return missing if minor is None else f"{from_minor(minor, currency):,}"


def _day(iso: str) -> str:
    return f"{date.fromisoformat(iso):%d %b %Y}"


def invoice_html(document: dict[str, Any], *, with_logo: bool, with_timesheet: bool) -> str:
    currency = document["currency"]
    business, client = document["business"], document["client"]
    number = document["number"]
    reference = f"No. {text(number)}" if number else "Draft, not issued"
    business_name = text(business["name"] or "Your business")
    parts = [
        "<html><body style='font-size:10pt; color:#1f2328'>",
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>",
        "<td width='55%' valign='top'>",
        f"<img src='{LOGO_URL}' height='64'><br>" if with_logo else "",
        f"<span style='font-size:14pt; font-weight:bold'>{business_name}</span><br>",
        f"<span style='color:{MUTED}'>{text(business['address'])}</span>",
        (
            f"<br><span style='color:{MUTED}'>Tax / registration no. "
            f"{text(business['tax_number'])}</span>"
            if business["tax_number"]
            else ""
        ),
        "</td><td width='45%' valign='top' align='right'>",
        f"<span style='font-size:22pt; font-weight:bold; color:{ACCENT}'>Invoice</span><br>",
        f"<span style='font-size:12pt; font-weight:bold'>{reference}</span><br>",
        f"{'Issued' if document['number'] else 'If issued'} {_day(document['issued_on'])}<br>",
        f"<b>Due {_day(document['due_on'])}</b><br>",
        f"Period: {text(document['period']['label'])}",
        "</td></tr></table>",
        "<p style='margin-top:18px'><span style='color:" + MUTED + "'>Bill to</span><br>",
        f"<b>{text(client['billing_name'])}</b>",
        f"<br>{text(client['billing_address'])}" if client["billing_address"] else "",
        f"<br>{text(client['billing_email'])}" if client["billing_email"] else "",
        "</p>",
        _lines_table(document, currency),
        _attempts(document),
        _notes(document),
        _payment(business),
    ]
    if with_timesheet:
        parts.append(_timesheet(document))
    parts.append("</body></html>")
    return "".join(parts)


def _lines_table(document: dict[str, Any], currency: str) -> str:
    rows = [
        "<table width='100%' cellspacing='0' cellpadding='5' style='margin-top:12px'>",
        f"<thead><tr style='background-color:{ACCENT}; color:white'>"
        "<th align='left' width='52%'>Description</th><th align='right' width='12%'>Hours</th>"
        f"<th align='right' width='16%'>Rate ({text(currency)})</th>"
        f"<th align='right' width='20%'>Amount ({text(currency)})</th></tr></thead>",
    ]
    section_titles = {
        "attempts": "Attempts and findings (trying time: attempts that have not succeeded yet)",
        "retainer": "Retainer",
    }
    current = "work"
    for index, line in enumerate(document["lines"]):
        if line["section"] != current:
            current = line["section"]
            rows.append(
                f"<tr><td colspan='4' style='font-weight:bold; color:{ACCENT}; padding-top:8px'>"
                f"{text(section_titles.get(current, ''))}</td></tr>"
            )
        shade = " style='background-color:#f3f6f6'" if index % 2 else ""
        amount = line["amount_minor"]
        rows.append(
            f"<tr{shade}><td>{text(line['description'])}</td>"
            f"<td align='right'>{text(line['hours'] or '')}</td>"
            f"<td align='right'>{_money(line['rate_minor'], currency)}</td>"
            f"<td align='right'>{_money(amount, currency, missing='included')}</td></tr>"
        )
    tax = document["tax"]
    rows.append(
        f"<tr><td colspan='3' align='right' style='padding-top:10px'>Subtotal</td>"
        f"<td align='right' style='padding-top:10px'>"
        f"{_money(document['subtotal_minor'], currency)}</td></tr>"
    )
    if tax is not None:
        rows.append(
            f"<tr><td colspan='3' align='right'>{text(tax['label'])} "
            f"{Decimal(tax['percent']):g}%</td>"
            f"<td align='right'>{_money(document['tax_minor'], currency)}</td></tr>"
        )
    rows.append(
        f"<tr><td colspan='3' align='right' style='font-size:12pt; font-weight:bold'>Total due</td>"
        f"<td align='right' style='font-size:12pt; font-weight:bold'>"
        f"{text(format_money(document['total_minor'], currency))}</td></tr>"
    )
    rows.append("</table>")
    return "".join(rows)


def _attempts(document: dict[str, Any]) -> str:
    if not document["attempts"]:
        return ""
    items = "".join(
        f"<li><b>{_day(a['day'])}, {text(a['task'])}, {text(a['hours'])} h</b>"
        f"{': ' + text(a['findings']) if a['findings'] else ''}</li>"
        for a in document["attempts"]
    )
    return (
        f"<h3 style='color:{ACCENT}; margin-top:18px'>Attempts and findings</h3>"
        "<p>Time spent trying is work: each attempt below has not succeeded yet, and shows what "
        "it revealed.</p>"
        f"<ul>{items}</ul>"
    )


def _notes(document: dict[str, Any]) -> str:
    notes = [
        f"Time is counted by the entry's start, in {text(document['zone'])}; "
        f"rounding: {text(document['rounding'])}."
    ]
    if document["unused_retainer_hours"] is not None:
        notes.append(
            f"Unused retainer hours this period: {text(document['unused_retainer_hours'])} h."
        )
    return f"<p style='color:{MUTED}; margin-top:12px'>{'<br>'.join(notes)}</p>"


def _payment(business: dict[str, Any]) -> str:
    if not business["payment_details"]:
        return ""
    return (
        f"<h3 style='color:{ACCENT}; margin-top:18px'>Payment details</h3>"
        f"<p>{text(business['payment_details'])}</p>"
    )


def _timesheet(document: dict[str, Any]) -> str:
    rows = [
        "<h2 style='page-break-before:always; color:" + ACCENT + "'>Timesheet</h2>",
        "<table width='100%' cellspacing='0' cellpadding='3' style='font-size:8.5pt'>",
        f"<thead><tr style='background-color:{ACCENT}; color:white'>"
        "<th align='left'>Date</th><th align='left'>Start</th><th align='left'>End</th>"
        "<th align='left'>Task</th><th align='right'>Time</th><th align='left'>Outcome</th>"
        "<th align='left' width='40%'>Note and findings</th></tr></thead>",
    ]
    for index, row in enumerate(document["timesheet"]):
        shade = " style='background-color:#f3f6f6'" if index % 2 else ""
        note = row["note"]
        if row["findings"]:
            note = f"{note} — found: {row['findings']}" if note else f"Found: {row['findings']}"
        billable = "" if row["billable"] else " (not billed)"
        rows.append(
            f"<tr{shade}><td>{_day(row['day'])}</td><td>{text(row['start'])}</td>"
            f"<td>{text(row['end'])}</td><td>{text(row['task'])}{billable}</td>"
            f"<td align='right'>{text(row['duration'])}</td><td>{text(row['outcome'])}</td>"
            f"<td>{text(note)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)
