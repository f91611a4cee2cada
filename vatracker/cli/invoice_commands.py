"""Commands for invoices, the business profile and clients' billing details."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from ..domain.business import ClientBilling
from ..domain.errors import InvalidInput, VATrackerError
from ..domain.invoice_document import Period
from ..domain.invoicing import Rounding, Tax
from ..domain.money import format_money, from_minor, parse_rate
from ..domain.weeks import Month
from ..reports.invoice_export import export_invoice
from ..services.container import Services
from .output import EXIT_OK, print_json, print_table, read_date

INVOICE_VERBS = ("paid", "void", "export")


def invoice(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """`invoice CLIENT ...` makes or issues one; `invoice paid|void|export NUMBER` acts on one."""
    if args.target in INVOICE_VERBS and args.number:
        return {"paid": _paid, "void": _void, "export": _export}[args.target](services, args, out)
    if args.number:
        raise InvalidInput(
            f"Unexpected {args.number!r}: write `invoice CLIENT --month YYYY-MM`, or "
            "`invoice paid|void|export NUMBER`."
        )
    client = services.catalog.client_named(args.target)
    period = _period(services, args)
    problems: list[str] = []
    if args.issue:
        issued = services.invoices.issue(client.id, period)
        document = issued.snapshot
        status = "issued"
    else:
        prepared = services.invoices.draft(client.id, period)
        document = prepared.document
        status = "draft"
        problems = prepared.problems
    try:
        files = _write(services, document, args)
    except VATrackerError as exc:
        if not args.issue:
            raise
        raise type(exc)(
            f"Invoice {document['number']} is issued, but its files were not written: {exc} "
            f"Write them with `vatracker invoice export {document['number']} --pdf PATH`."
        ) from None
    if args.json:
        print_json(
            {**_summary(document), "status": status, "files": [str(path) for path in files]}, out
        )
        return EXIT_OK
    _print_invoice(document, status, out)
    for problem in problems:
        print(f"Before issuing: {problem}", file=out)
    for path in files:
        print(f"Wrote {path}", file=out)
    return EXIT_OK


def _period(services: Services, args: argparse.Namespace) -> Period:
    if args.month and (args.first or args.last):
        raise InvalidInput("Give either --month or --from and --to, not both.")
    if args.first or args.last:
        if not (args.first and args.last):
            raise InvalidInput("A custom period needs both --from and --to.")
        return Period(read_date(services, args.first), read_date(services, args.last))
    if args.month:
        return Period.of_month(Month.parse(args.month))
    today = services.invoices.today()
    return Period.of_month(Month.containing(today).shifted(-1))


def _write(services: Services, document: dict[str, Any], args: argparse.Namespace) -> list[Path]:
    if not (args.pdf or args.csv or args.timesheet_csv):
        return []
    logo = services.billing.image(document["business"]["logo_sha256"])
    return export_invoice(
        document,
        logo=logo,
        pdf=None if args.pdf is None else Path(args.pdf),
        lines=None if args.csv is None else Path(args.csv),
        timesheet=None if args.timesheet_csv is None else Path(args.timesheet_csv),
        with_timesheet=not args.no_timesheet,
    )


def _paid(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    on = None if args.on is None else read_date(services, args.on)
    paid = services.invoices.mark_paid(args.number, on)
    print(f"Invoice {paid.number} is paid ({paid.paid_on}).", file=out)
    return EXIT_OK


def _void(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    voided = services.invoices.void(args.number)
    print(
        f"Invoice {voided.number} is void: its number stays used, and its entries can be "
        "changed and billed again.",
        file=out,
    )
    return EXIT_OK


def _export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    document = services.invoices.invoice(args.number).snapshot
    if not (args.pdf or args.csv or args.timesheet_csv):
        raise InvalidInput("Say what to write: --pdf PATH, --csv PATH or --timesheet-csv PATH.")
    for path in _write(services, document, args):
        print(f"Wrote {path}", file=out)
    return EXIT_OK


def _summary(document: dict[str, Any]) -> dict[str, Any]:
    currency = document["currency"]

    def money(minor: int | None) -> str | None:
        return None if minor is None else str(from_minor(minor, currency))

    return {
        "number": document["number"],
        "client": document["client"]["name"],
        "period": document["period"],
        "issued_on": document["issued_on"],
        "due_on": document["due_on"],
        "currency": currency,
        "lines": [
            {
                "section": line["section"],
                "description": line["description"],
                "hours": line["hours"],
                "rate": money(line["rate_minor"]),
                "amount": money(line["amount_minor"]),
            }
            for line in document["lines"]
        ],
        "attempts": document["attempts"],
        "subtotal": money(document["subtotal_minor"]),
        "tax": document["tax"],
        "tax_amount": money(document["tax_minor"]),
        "total": money(document["total_minor"]),
    }


def _print_invoice(document: dict[str, Any], status: str, out: TextIO) -> None:
    currency = document["currency"]
    number = document["number"] or "(draft, not issued)"
    print(
        f"Invoice {number}: {document['client']['billing_name']}, {document['period']['label']}",
        file=out,
    )
    rows = [
        (
            line["description"],
            line["hours"] or "",
            "" if line["rate_minor"] is None else str(from_minor(line["rate_minor"], currency)),
            "included"
            if line["amount_minor"] is None
            else str(from_minor(line["amount_minor"], currency)),
        )
        for line in document["lines"]
    ]
    print_table(("LINE", "HOURS", "RATE", "AMOUNT"), rows, out)
    if document["tax"] is not None:
        print(
            f"Subtotal {format_money(document['subtotal_minor'], currency)}; "
            f"{document['tax']['label']} {format_money(document['tax_minor'], currency)}",
            file=out,
        )
    print(
        f"Total {format_money(document['total_minor'], currency)}, due {document['due_on']} "
        f"({status})",
        file=out,
    )


def invoices(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.unbilled:
        found = services.invoices.unbilled(None if args.month is None else Month.parse(args.month))
        if args.json:
            print_json(
                [
                    {
                        "client": u.client.name,
                        "billable_seconds": u.seconds,
                        "total": str(from_minor(u.total_minor, u.client.currency)),
                        "currency": u.client.currency,
                    }
                    for u in found
                ],
                out,
            )
            return EXIT_OK
        rows = [
            (
                u.client.name,
                f"{u.seconds / 3600:.2f}",
                format_money(u.total_minor, u.client.currency),
            )
            for u in found
        ]
        print_table(("CLIENT", "UNBILLED HOURS", "DRAFT TOTAL"), rows, out)
        return EXIT_OK
    today = services.invoices.today()
    names = {c.id: c.name for c in services.catalog.clients()}
    listed = services.invoices.invoices()
    records: list[dict[str, Any]] = [
        {
            "number": i.number,
            "client": names.get(i.client_id, "?"),
            "first_day": i.first_day.isoformat(),
            "last_day": i.last_day.isoformat(),
            "total": str(from_minor(i.total_minor, i.currency)),
            "currency": i.currency,
            "status": i.status,
            "issued_on": i.issued_on.isoformat(),
            "due_on": i.due_on.isoformat(),
            "paid_on": None if i.paid_on is None else i.paid_on.isoformat(),
            "overdue": i.overdue(today),
        }
        for i in listed
    ]
    if args.json:
        print_json(records, out)
        return EXIT_OK
    table = [
        (
            r["number"],
            r["client"],
            f"{r['first_day']} to {r['last_day']}",
            f"{r['total']} {r['currency']}",
            r["status"] + (" (overdue)" if r["overdue"] else ""),
            r["due_on"],
        )
        for r in records
    ]
    print_table(("NUMBER", "CLIENT", "PERIOD", "TOTAL", "STATUS", "DUE"), table, out)
    return EXIT_OK


def business(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    profile = services.billing.business()
    changes: dict[str, Any] = {}
    for option in ("name", "address", "tax_number", "payment_details", "number_format", "paper"):
        value = getattr(args, option)
        if value is not None:
            changes[option] = value.replace("\\n", "\n")
    if args.terms is not None:
        changes["payment_terms_days"] = args.terms
    if args.tax is not None:
        label, _, percent = args.tax.rpartition("=") if "=" in args.tax else ("Tax", "", args.tax)
        changes["tax"] = Tax.parse(label, percent)
    if args.no_tax:
        changes["tax"] = None
    if args.logo is not None:
        changes["logo_sha256"] = services.billing.store_logo(Path(args.logo))
    if args.no_logo:
        changes["logo_sha256"] = None
    if changes:
        profile = services.billing.set_business(replace(profile, **changes))
    tax = "none" if profile.tax is None else f"{profile.tax.label} {profile.tax.percent}%"
    print(f"Business: {profile.name or '(no name yet)'}", file=out)
    print(
        f"Invoice numbers: {profile.number_format}; payment due in {profile.payment_terms_days} "
        f"days; tax: {tax}; paper: {profile.paper}; logo: {'yes' if profile.logo_sha256 else 'no'}",
        file=out,
    )
    return EXIT_OK


def billing(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.client_named(args.client)
    current = services.billing.client_billing(client.id)
    rates = dict(current.task_rates)
    for assignment in args.task_rate or []:
        task_name, separator, rate_text = assignment.rpartition("=")
        if not separator or not task_name:
            raise InvalidInput(
                f"Write a task rate as TASK=RATE, e.g. Research=40, not {assignment!r}."
            )
        task = services.catalog.task_type_named(task_name)
        rates[task.id] = parse_rate(rate_text, client.currency)
    for task_name in args.clear_task_rate or []:
        rates.pop(services.catalog.task_type_named(task_name).id, None)
    updated = ClientBilling(
        billing_name=current.billing_name if args.billing_name is None else args.billing_name,
        billing_address=(
            current.billing_address if args.address is None else args.address.replace("\\n", "\n")
        ),
        billing_email=current.billing_email if args.email is None else args.email,
        rounding=current.rounding if args.rounding is None else Rounding(args.rounding),
        trying_as_section=(
            current.trying_as_section if args.trying is None else args.trying == "section"
        ),
        tax_applicable=current.tax_applicable if args.tax is None else args.tax,
        task_rates=rates,
    )
    saved = services.billing.set_client_billing(client.id, updated)
    names = {t.id: t.name for t in services.catalog.task_types()}
    task_rates = (
        ", ".join(
            f"{names.get(task, '?')} {format_money(rate, client.currency)}"
            for task, rate in saved.task_rates.items()
        )
        or "none"
    )
    print(
        f"{client.name}: bill to {saved.billing_name or client.name}; "
        f"{saved.rounding.label}; trying time "
        f"{'in its own section' if saved.trying_as_section else 'folded into the task lines'}; "
        f"{'taxed' if saved.tax_applicable else 'no tax'}; task rates: {task_rates}",
        file=out,
    )
    return EXIT_OK
