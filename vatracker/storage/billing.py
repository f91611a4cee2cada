"""Queries on client billing details, task rates, the business profile and images."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal

from ..domain.business import BusinessProfile, ClientBilling
from ..domain.catalog import Client
from ..domain.invoicing import Billing, Rounding, Tax
from . import promises as promises_table
from . import settings as settings_table

_PROFILE_KEYS = {
    "name": "business_name",
    "address": "business_address",
    "tax_number": "business_tax_number",
    "payment_details": "business_payment_details",
    "logo_sha256": "business_logo",
    "number_format": "invoice_number_format",
    "payment_terms_days": "payment_terms_days",
    "paper": "paper_size",
}
_TAX_LABEL, _TAX_PERCENT = "tax_label", "tax_percent"


def client_billing(conn: sqlite3.Connection, client_id: int) -> ClientBilling:
    row = conn.execute(
        "SELECT billing_name, billing_address, billing_email, rounding, trying_as_section,"
        " tax_applicable FROM clients WHERE id = ?",
        (client_id,),
    ).fetchone()
    rates = {
        r["task_type_id"]: r["rate_minor"]
        for r in conn.execute("SELECT * FROM task_rates WHERE client_id = ?", (client_id,))
    }
    return ClientBilling(
        billing_name=row["billing_name"],
        billing_address=row["billing_address"],
        billing_email=row["billing_email"],
        rounding=Rounding(row["rounding"]),
        trying_as_section=bool(row["trying_as_section"]),
        tax_applicable=bool(row["tax_applicable"]),
        task_rates=rates,
    )


def client_terms(conn: sqlite3.Connection, client: Client) -> Billing:
    """How `client`'s time is priced: rate, task rates, rounding, trying, tax and retainer."""
    billing = client_billing(conn, client.id)
    return Billing(
        currency=client.currency,
        rate_minor=client.rate_minor,
        task_rates=billing.task_rates,
        rounding=billing.rounding,
        trying_as_section=billing.trying_as_section,
        tax_applicable=billing.tax_applicable,
        retainer=promises_table.retainer(conn, client.id),
    )


def task_rate_currencies(conn: sqlite3.Connection, client_id: int) -> set[str]:
    rows = conn.execute(
        "SELECT DISTINCT currency FROM task_rates WHERE client_id = ?"
        " UNION SELECT currency FROM retainers WHERE client_id = ?",
        (client_id, client_id),
    )
    return {row[0] for row in rows}


def set_client_billing(
    conn: sqlite3.Connection, client_id: int, billing: ClientBilling, currency: str
) -> None:
    conn.execute(
        "UPDATE clients SET billing_name = ?, billing_address = ?, billing_email = ?,"
        " rounding = ?, trying_as_section = ?, tax_applicable = ? WHERE id = ?",
        (
            billing.billing_name,
            billing.billing_address,
            billing.billing_email,
            billing.rounding.value,
            int(billing.trying_as_section),
            int(billing.tax_applicable),
            client_id,
        ),
    )
    conn.execute("DELETE FROM task_rates WHERE client_id = ?", (client_id,))
    conn.executemany(
        "INSERT INTO task_rates VALUES (?, ?, ?, ?)",
        [(client_id, task, rate, currency) for task, rate in billing.task_rates.items()],
    )


def business_profile(conn: sqlite3.Connection) -> BusinessProfile:
    defaults = BusinessProfile()
    values: dict[str, object] = {}
    for attribute, key in _PROFILE_KEYS.items():
        stored = settings_table.get(conn, key)
        if stored is not None:
            values[attribute] = int(stored) if attribute == "payment_terms_days" else stored
    label, percent = settings_table.get(conn, _TAX_LABEL), settings_table.get(conn, _TAX_PERCENT)
    tax = None if percent is None else Tax(label or "Tax", Decimal(percent))
    return BusinessProfile(**{**defaults.__dict__, **values, "tax": tax})


def set_business_profile(conn: sqlite3.Connection, profile: BusinessProfile) -> None:
    for attribute, key in _PROFILE_KEYS.items():
        value = getattr(profile, attribute)
        settings_table.put(conn, key, None if value is None else str(value))
    settings_table.put(conn, _TAX_LABEL, None if profile.tax is None else profile.tax.label)
    settings_table.put(
        conn, _TAX_PERCENT, None if profile.tax is None else str(profile.tax.percent)
    )


def store_image(conn: sqlite3.Connection, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    conn.execute("INSERT OR IGNORE INTO images VALUES (?, ?)", (digest, data))
    return digest


def image(conn: sqlite3.Connection, digest: str) -> bytes | None:
    row = conn.execute("SELECT data FROM images WHERE sha256 = ?", (digest,)).fetchone()
    return None if row is None else bytes(row[0])
