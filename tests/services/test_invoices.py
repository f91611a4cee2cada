"""Invoices through the services: drafts, issuing, numbers, locks, paid and void."""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.business import BusinessProfile, ClientBilling
from vatracker.domain.entries import Entry, Outcome, new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.invoice_document import Period
from vatracker.domain.invoicing import Rounding, Tax
from vatracker.domain.promises import Promises, Retainer
from vatracker.domain.weeks import Month
from vatracker.services.container import Services

MARCH = Period.of_month(Month(2026, 3))


@pytest.fixture
def acme(services: Services, clock: FakeClock):  # type: ignore[no-untyped-def]
    clock.set(at("2026-04-02 10:00"))
    return add_client(services, "Acme", "America/New_York", rate="35.50")


def log(
    services: Services,
    client_id: int,
    start: str,
    end: str,
    task_name: str = "Inbox management",
    **changes: object,
) -> Entry:
    entry = new_entry(
        client_id, task(services, task_name).id, at(start), services.settings.va_zone(), end=at(end)
    )
    return services.entries.add(replace(entry, **changes)).after[0]  # type: ignore[arg-type]


def test_a_draft_follows_the_entries(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:45")
    draft = services.invoices.draft(acme.id, MARCH)
    assert draft.draft.total_minor == 6213  # 1.75 h x 35.50 = 62.125 -> 62.13
    assert draft.document["number"] is None and draft.problems == []
    log(services, acme.id, "2026-03-03 09:00", "2026-03-03 09:15")
    assert services.invoices.draft(acme.id, MARCH).draft.total_minor == 7100  # 2.00 h


def test_issuing_numbers_freezes_and_locks(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    services.billing.set_business(
        BusinessProfile(
            name="Maria Santos VA", tax=Tax("VAT", Decimal("12")), payment_terms_days=10
        )
    )
    first = log(services, acme.id, "2026-03-02 09:00", "2026-03-02 11:00")
    invoice = services.invoices.issue(acme.id, MARCH)
    assert invoice.number == "2026-0001"
    assert (invoice.subtotal_minor, invoice.tax_minor, invoice.total_minor) == (7100, 852, 7952)
    assert invoice.issued_on == date(2026, 4, 2) and invoice.due_on == date(2026, 4, 12)
    assert invoice.snapshot["business"]["name"] == "Maria Santos VA"
    assert services.entries.get(first.id or 0).invoice_id == invoice.id
    # FAULTS M8: every path that would change a locked entry is refused...
    with pytest.raises(InvalidInput, match="on invoice 2026-0001, which is issued"):
        services.entries.edit(replace(first, note="changed"))
    with pytest.raises(InvalidInput, match="on invoice 2026-0001"):
        services.entries.split(first.id or 0, first.start + 60)
    with pytest.raises(InvalidInput, match="on invoice 2026-0001"):
        services.entries.delete(first.id or 0)
    # ...down to the database itself.
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        services.db.conn.execute("UPDATE entries SET note = 'x' WHERE id = ?", (first.id,))
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        services.db.conn.execute("DELETE FROM entries WHERE id = ?", (first.id,))
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        services.db.conn.execute("DELETE FROM invoices")
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        services.db.conn.execute("UPDATE invoices SET total_minor = 1")
    with pytest.raises(InvalidInput, match="has 1 entries"):
        services.catalog.delete_client(acme.id)


def test_a_frozen_invoice_ignores_later_changes(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    # FAULTS M9: rename the client, change the rate and the task type: the invoice stays.
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 11:00")
    invoice = services.invoices.issue(acme.id, MARCH)
    services.catalog.update_client(acme.id, name="Acme Renamed", rate="99")
    services.catalog.update_task_type(task(services).id, name="Email")
    services.billing.set_business(BusinessProfile(name="New Name Ltd"))
    again = services.invoices.invoice(invoice.number)
    assert again.snapshot == invoice.snapshot
    assert again.snapshot["client"]["name"] == "Acme"
    assert again.snapshot["lines"][0]["description"] == "Inbox management"


def test_issuing_refuses_what_cannot_be_billed(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="no billable time for Acme"):
        services.invoices.issue(acme.id, MARCH)
    admin = log(
        services, acme.id, "2026-03-02 09:00", "2026-03-02 11:00", "Own admin", billable=False
    )
    with pytest.raises(InvalidInput, match="no billable time"):
        services.invoices.issue(acme.id, MARCH)
    clock.set(at("2026-03-20 12:00"))
    services.timer.start(acme.id, task(services).id)
    clock.set(at("2026-04-02 10:00"))
    with pytest.raises(InvalidInput, match="still running in this period"):
        services.invoices.issue(acme.id, MARCH)
    services.timer.stop()
    first = services.invoices.issue(acme.id, MARCH)
    with pytest.raises(InvalidInput, match="already on invoice 2026-0001: void that invoice"):
        services.invoices.issue(acme.id, MARCH)
    assert services.entries.get(admin.id or 0).invoice_id == first.id  # covered, not billed
    assert services.invoices.invoice("2026-0001").total_minor > 0


def test_numbers_stay_consecutive_through_failures_and_voids(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    beta = add_client(services, "Beta", "UTC")
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:00")
    assert services.invoices.issue(acme.id, MARCH).number == "2026-0001"
    with pytest.raises(InvalidInput):
        services.invoices.issue(beta.id, MARCH)  # nothing to bill: no number used
    log(services, beta.id, "2026-03-03 09:00", "2026-03-03 10:00")
    assert services.invoices.issue(beta.id, MARCH).number == "2026-0002"
    voided = services.invoices.void("2026-0001")
    assert voided.status == "void"
    # FAULTS M7: the void invoice keeps its number; its entries are free again.
    reissued = services.invoices.issue(acme.id, MARCH)
    assert reissued.number == "2026-0003"
    assert [i.number for i in services.invoices.invoices()] == [
        "2026-0003",
        "2026-0002",
        "2026-0001",
    ]
    with pytest.raises(InvalidInput, match="already void"):
        services.invoices.void("2026-0001")
    with pytest.raises(InvalidInput, match="is void: it cannot be paid"):
        services.invoices.mark_paid("2026-0001")


def test_paid_invoices_stay_locked(services: Services, acme, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    # FAULTS M10: locked in every state after issuing; payment still recorded.
    entry = log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:00")
    invoice = services.invoices.issue(acme.id, MARCH)
    clock.set(at("2026-04-09 10:00"))
    with pytest.raises(InvalidInput, match="cannot have been paid on 2026-03-01"):
        services.invoices.mark_paid(invoice.number, date(2026, 3, 1))
    with pytest.raises(InvalidInput, match="2026-04-10 is still to come"):
        services.invoices.mark_paid(invoice.number, date(2026, 4, 10))
    paid = services.invoices.mark_paid(invoice.number, date(2026, 4, 5))
    assert (paid.status, paid.paid_on) == ("paid", date(2026, 4, 5))
    with pytest.raises(InvalidInput, match="on invoice 2026-0001"):
        services.entries.delete(entry.id or 0)
    with pytest.raises(InvalidInput, match="paid on 2026-04-05: a paid invoice cannot be voided"):
        services.invoices.void(invoice.number)
    stored = services.invoices.invoice(invoice.number)
    assert (stored.status, stored.paid_on) == ("paid", date(2026, 4, 5))


def test_a_retainer_and_attempts_on_the_invoice(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    services.promises.set_promises(acme.id, Promises(retainer=Retainer(10 * 60, 30000, 4000)))
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 17:00")
    log(
        services,
        acme.id,
        "2026-03-03 09:00",
        "2026-03-03 12:30",
        "Research",
        outcome=Outcome.TRYING,
        findings="The CRM export needs an admin login",
    )
    draft = services.invoices.draft(acme.id, MARCH).draft
    assert [(line.description, line.amount_minor) for line in draft.lines] == [
        ("Inbox management", None),
        ("Attempts: Research", None),
        ("Monthly retainer, covering 10.00 h", 30000),
        ("Hours beyond the retainer", 6000),
    ]
    assert draft.attempts[0].findings == "The CRM export needs an admin login"


def test_client_billing_rounds_and_uses_task_rates(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    research = task(services, "Research")
    services.billing.set_client_billing(
        acme.id,
        ClientBilling(
            billing_name="Acme Holdings LLC",
            rounding=Rounding.UP_TO_15,
            task_rates={research.id: 5000},
            tax_applicable=False,
        ),
    )
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 09:05", "Research")
    draft = services.invoices.draft(acme.id, MARCH)
    assert draft.draft.lines[0].hours == Decimal("0.25") and draft.draft.total_minor == 1250
    assert draft.document["client"]["billing_name"] == "Acme Holdings LLC"
    with pytest.raises(InvalidInput, match="does not look like an address"):
        services.billing.set_client_billing(acme.id, ClientBilling(billing_email="acme.example"))


def test_a_currency_change_that_would_strand_amounts_is_refused(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    services.promises.set_promises(acme.id, Promises(retainer=Retainer(600, 30000, 4000)))
    with pytest.raises(InvalidInput, match="has a retainer or task rates in USD"):
        services.catalog.update_client(acme.id, currency="EUR", rate="30")
    services.promises.set_promises(acme.id, Promises())
    services.catalog.update_client(acme.id, currency="EUR", rate="30")


def test_the_month_end_helper_lists_unbilled_time(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    beta = add_client(services, "Beta", "UTC", rate="20")
    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:00")
    log(services, beta.id, "2026-03-31 23:30", "2026-04-01 00:30")  # starts in March: March's
    log(services, beta.id, "2026-04-01 09:00", "2026-04-01 10:00")  # April's
    found = {u.client.name: (u.seconds, u.total_minor) for u in services.invoices.unbilled()}
    assert found == {"Acme": (3600, 3550), "Beta": (3600, 2000)}
    services.invoices.issue(acme.id, MARCH)
    assert [u.client.name for u in services.invoices.unbilled()] == ["Beta"]


def test_a_retainer_fee_is_billed_once_per_month(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    services.promises.set_promises(acme.id, Promises(retainer=Retainer(10 * 60, 30000, 4000)))
    first = services.invoices.issue(acme.id, MARCH)  # no hours: the fee alone is due
    assert first.total_minor == 30000
    with pytest.raises(InvalidInput, match="Invoice 2026-0001 already bills Acme's retainer"):
        services.invoices.issue(acme.id, MARCH)
    half = Period(date(2026, 2, 1), date(2026, 2, 14))
    with pytest.raises(InvalidInput, match="invoice whole months"):
        services.invoices.issue(acme.id, half)
    spring = Period(date(2026, 4, 1), date(2026, 5, 31))
    assert services.invoices.draft(acme.id, spring).draft.total_minor == 60000
    services.invoices.void(first.number)
    assert services.invoices.issue(acme.id, MARCH).number == "2026-0002"


def test_time_at_a_zero_rate_is_named_as_such(services: Services, clock: FakeClock) -> None:
    clock.set(at("2026-04-02 10:00"))
    free = add_client(services, "Pro Bono", "UTC", rate="0")
    log(services, free.id, "2026-03-02 09:00", "2026-03-02 10:30")
    with pytest.raises(InvalidInput, match=r"Pro Bono's 1.50 h in this period come to 0 USD"):
        services.invoices.issue(free.id, MARCH)


def test_undoing_a_change_to_an_entry_since_invoiced_names_the_invoice(
    services: Services,
    acme,  # type: ignore[no-untyped-def]
) -> None:
    entry = log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:00")
    change = services.entries.edit(replace(entry, note="Sorted the inbox"))
    services.invoices.issue(acme.id, MARCH)
    with pytest.raises(InvalidInput, match="is on invoice 2026-0001, which is issued"):
        services.entries.apply(change.inverse())


def test_a_client_with_only_void_invoices_is_kept(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    entry = log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:00")
    services.invoices.void(services.invoices.issue(acme.id, MARCH).number)
    services.entries.delete(entry.id or 0)
    with pytest.raises(InvalidInput, match="has 1 invoices, so it cannot be deleted: archive"):
        services.catalog.delete_client(acme.id)


def test_a_draft_counts_the_entries_already_invoiced(services: Services, acme) -> None:  # type: ignore[no-untyped-def]
    for day in range(2, 28):
        log(services, acme.id, f"2026-03-{day:02d} 09:00", f"2026-03-{day:02d} 10:00")
    services.invoices.issue(acme.id, MARCH)
    prepared = services.invoices.draft(acme.id, MARCH)
    assert prepared.already_invoiced == {"2026-0001": 26}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["issue", "fail", "void"]), min_size=1, max_size=8))
def test_numbers_never_skip(steps: list[str]) -> None:
    """Property: whatever succeeds or fails, the issued numbers are 1, 2, 3... without a gap."""
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder), FakeClock(at("2026-04-02 10:00")))
        services.settings.set_va_zone("UTC")
        acme = add_client(services, "Acme", "UTC")
        day = 1
        for step in steps:
            if step == "issue":
                log(services, acme.id, f"2026-03-{day:02d} 09:00", f"2026-03-{day:02d} 10:00")
                services.invoices.issue(acme.id, Period(date(2026, 3, day), date(2026, 3, day)))
                day += 1
            elif step == "fail":
                with pytest.raises(InvalidInput):
                    services.invoices.issue(acme.id, Period(date(2026, 3, 28), date(2026, 3, 28)))
            elif services.invoices.invoices():
                latest = services.invoices.invoices()[0]
                if latest.status != "void":
                    services.invoices.void(latest.number)
        numbers = sorted(int(i.number.split("-")[1]) for i in services.invoices.invoices())
        assert numbers == list(range(1, len(numbers) + 1))
        services.close()
