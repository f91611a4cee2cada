"""Invoices: drafts that follow the entries, issuing in one transaction, paid and void."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ..clock import Clock
from ..domain.business import BusinessProfile
from ..domain.catalog import Client
from ..domain.entries import Entry
from ..domain.errors import InvalidInput
from ..domain.invoice_document import Period, invoice_document
from ..domain.invoicing import Draft, draft_invoice, format_number, hours_of
from ..domain.weeks import Month
from ..domain.zones import day_bounds, local_date
from ..storage import billing as billing_table
from ..storage import catalog as catalog_table
from ..storage import entries as entries_table
from ..storage import invoices as table
from ..storage.database import Database
from ..storage.invoices import Invoice
from .settings import SettingsService


@dataclass(frozen=True)
class InvoiceDraft:
    """What issuing would produce now, and what stands in its way."""

    client: Client
    period: Period
    draft: Draft
    document: dict[str, Any]
    business: BusinessProfile
    running: list[Entry] = field(default_factory=list)
    already_invoiced: dict[str, int] = field(default_factory=dict)  # number -> entries
    retainer_invoices: list[str] = field(default_factory=list)  # their periods overlap this one
    retainer_needs_whole_months: bool = False
    stranded_currencies: frozenset[str] = frozenset()

    @property
    def problems(self) -> list[str]:
        name = self.client.name
        found = []
        if self.stranded_currencies:
            found.append(
                f"{name} is billed in {self.client.currency}, but its retainer or task rates are "
                f"in {', '.join(sorted(self.stranded_currencies))}: set them again first."
            )
        if self.running:
            found.append(f"A timer for {name} is still running in this period: stop it first.")
        for number, count in self.already_invoiced.items():
            found.append(
                f"{count} of {name}'s entries in this period are already on invoice "
                f"{number}: void that invoice first, or choose dates that leave them out."
            )
        if self.retainer_needs_whole_months:
            found.append(
                f"{name} has a monthly retainer: invoice whole months (from the 1st to the "
                "last day of a month), so that each month's fee is billed once."
            )
        for number in self.retainer_invoices:
            found.append(
                f"Invoice {number} already bills {name}'s retainer for part of this period: "
                "void it first, or choose other months."
            )
        if not self.draft.has_anything_to_bill and not self.already_invoiced:
            if self.draft.billable_seconds:
                found.append(
                    f"{name}'s {hours_of(self.draft.billable_seconds)} h in this period come to "
                    f"0 {self.client.currency}: set a rate for {name} (Manage → Clients) first."
                )
            else:
                found.append(f"There is no billable time for {name} in this period.")
        return found


@dataclass(frozen=True)
class Unbilled:
    client: Client
    seconds: int
    total_minor: int


class InvoiceService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    def today(self) -> date:
        return local_date(self._clock.now(), self._settings.va_zone())

    # Drafts -------------------------------------------------------------------------------

    def draft(self, client_id: int, period: Period) -> InvoiceDraft:
        with self._db.reading() as conn:
            return self._draft(conn, client_id, period, self.today())

    def _draft(self, conn: Any, client_id: int, period: Period, issued_on: date) -> InvoiceDraft:
        client = catalog_table.client(conn, client_id)
        if client is None:
            raise InvalidInput(f"There is no client with id {client_id}.")
        tz = self._settings.va_zone()
        start = day_bounds(period.first, tz)[0]
        end = day_bounds(period.last + timedelta(days=1), tz)[0]
        entries = [
            e for e in entries_table.starting_between(conn, start, end) if e.client_id == client_id
        ]
        mine = [e for e in entries if e.invoice_id is None and not e.running]
        on_invoices = Counter(e.invoice_id for e in entries if e.invoice_id is not None)
        numbers = table.numbers(conn, on_invoices) if on_invoices else {}
        others = {numbers[invoice_id]: count for invoice_id, count in on_invoices.items()}
        billing = billing_table.client_billing(conn, client_id)
        business = billing_table.business_profile(conn)
        terms = billing_table.client_terms(conn, client)
        retainer = terms.retainer
        months = period.whole_months()
        task_types = catalog_table.task_types(conn)
        draft = draft_invoice(
            mine,
            terms,
            {t.id: t.name for t in task_types},
            business.tax,
            tz,
            non_billable_task_types={t.id for t in task_types if not t.billable},
            retainer_months=months or 1,
        )
        document = invoice_document(
            draft,
            number=None,
            issued_on=issued_on,
            due_on=issued_on + timedelta(days=business.payment_terms_days),
            period=period,
            business=business,
            client=client,
            billing=billing,
            rounding=billing.rounding,
            va_zone=tz.key,
        )
        return InvoiceDraft(
            client,
            period,
            draft,
            document,
            business,
            running=[e for e in entries if e.running],
            already_invoiced=others,
            retainer_invoices=(
                [] if retainer is None else table.overlapping(conn, client_id, *period.days)
            ),
            retainer_needs_whole_months=retainer is not None and months is None,
            stranded_currencies=frozenset(
                billing_table.task_rate_currencies(conn, client.id) - {client.currency}
            ),
        )

    # Issuing ------------------------------------------------------------------------------

    def issue(self, client_id: int, period: Period) -> Invoice:
        """Number, freeze and lock, all in one transaction: all of it happens or none."""
        issued_on = self.today()
        with self._db.transaction() as conn:
            prepared = self._draft(conn, client_id, period, issued_on)
            if prepared.problems:
                raise InvalidInput(" ".join(prepared.problems))
            business = prepared.business
            scope = str(issued_on.year) if "{year" in business.number_format else "all"
            sequence = table.next_sequence(conn, scope)
            number = format_number(business.number_format, issued_on.year, sequence)
            if table.by_number(conn, number) is not None:
                raise InvalidInput(
                    f"The number {number} is already used (the number format changed?): "
                    "change the invoice number format in the business profile."
                )
            document = {**prepared.document, "number": number}
            draft = prepared.draft
            invoice_id = table.insert(
                conn,
                {
                    "number": number,
                    "client_id": client_id,
                    "first_day": period.first.isoformat(),
                    "last_day": period.last.isoformat(),
                    "issued_on": issued_on.isoformat(),
                    "due_on": document["due_on"],
                    "currency": draft.currency,
                    "subtotal_minor": draft.subtotal_minor,
                    "tax_minor": draft.tax_minor,
                    "total_minor": draft.total_minor,
                    "snapshot": document,
                },
            )
            table.lock_entries(conn, invoice_id, draft.entry_ids)
            issued = table.by_id(conn, invoice_id)
            assert issued is not None
            return issued

    # After issuing ------------------------------------------------------------------------

    def invoices(self) -> list[Invoice]:
        with self._db.reading() as conn:
            return table.all_invoices(conn)

    def invoice(self, number: str) -> Invoice:
        with self._db.reading() as conn:
            return self._existing(conn, number)

    @staticmethod
    def _existing(conn: Any, number: str) -> Invoice:
        found = table.by_number(conn, number)
        if found is None:
            raise InvalidInput(f"There is no invoice {number.strip()!r}.")
        return found

    def mark_paid(self, number: str, on: date | None = None) -> Invoice:
        paid_on = on or self.today()
        with self._db.transaction() as conn:
            invoice = self._existing(conn, number)
            if invoice.status == "void":
                raise InvalidInput(f"Invoice {invoice.number} is void: it cannot be paid.")
            if paid_on > self.today():
                raise InvalidInput(
                    f"{paid_on} is still to come: mark invoice {invoice.number} paid once the "
                    "money is there."
                )
            if paid_on < invoice.issued_on:
                raise InvalidInput(
                    f"Invoice {invoice.number} was issued on {invoice.issued_on}: it cannot "
                    f"have been paid on {paid_on}."
                )
            table.set_status(conn, invoice.id, "paid", paid_on, None)
        return replace(invoice, status="paid", paid_on=paid_on)

    def void(self, number: str) -> Invoice:
        """Void an invoice: its number stays used, its entries are unlocked."""
        voided_on = self.today()
        with self._db.transaction() as conn:
            invoice = self._existing(conn, number)
            if invoice.status == "void":
                raise InvalidInput(f"Invoice {invoice.number} is already void.")
            if invoice.status == "paid":
                raise InvalidInput(
                    f"Invoice {invoice.number} was paid on {invoice.paid_on}: a paid invoice "
                    "cannot be voided."
                )
            table.set_status(conn, invoice.id, "void", None, voided_on)
            table.unlock_entries(conn, invoice.id)
        return replace(invoice, status="void", voided_on=voided_on)

    def unbilled(self, month: Month | None = None) -> list[Unbilled]:
        """Clients with billable time not yet invoiced in a month (default: last month)."""
        chosen = month or Month.containing(self.today()).shifted(-1)
        period = Period.of_month(chosen)
        tz = self._settings.va_zone()
        start = day_bounds(period.first, tz)[0]
        end = day_bounds(period.last + timedelta(days=1), tz)[0]
        found = []
        with self._db.reading() as conn:
            # Read once for all clients: the month's entries, the task types, the tax.
            unbilled: dict[int, list[Entry]] = {}
            for entry in entries_table.starting_between(conn, start, end):
                if entry.invoice_id is None and not entry.running:
                    unbilled.setdefault(entry.client_id, []).append(entry)
            task_types = catalog_table.task_types(conn)
            tax = billing_table.business_profile(conn).tax
            for client in catalog_table.clients(conn):
                if client.id not in unbilled:
                    continue
                draft = draft_invoice(
                    unbilled[client.id],
                    billing_table.client_terms(conn, client),
                    {t.id: t.name for t in task_types},
                    tax,
                    tz,
                    non_billable_task_types={t.id for t in task_types if not t.billable},
                    retainer_months=1,
                )
                if draft.billable_seconds:
                    found.append(Unbilled(client, draft.billable_seconds, draft.total_minor))
        return found
