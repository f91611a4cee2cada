"""Queries on invoices, their numbering, and the entries they lock."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Invoice:
    id: int
    number: str
    client_id: int
    first_day: date
    last_day: date
    issued_on: date
    due_on: date
    currency: str
    subtotal_minor: int
    tax_minor: int
    total_minor: int
    status: str  # "issued", "paid" or "void"
    paid_on: date | None
    voided_on: date | None
    snapshot: dict[str, Any]

    def overdue(self, today: date) -> bool:
        return self.status == "issued" and today > self.due_on


def _invoice(row: sqlite3.Row) -> Invoice:
    def day(value: str | None) -> date | None:
        return None if value is None else date.fromisoformat(value)

    return Invoice(
        id=row["id"],
        number=row["number"],
        client_id=row["client_id"],
        first_day=date.fromisoformat(row["first_day"]),
        last_day=date.fromisoformat(row["last_day"]),
        issued_on=date.fromisoformat(row["issued_on"]),
        due_on=date.fromisoformat(row["due_on"]),
        currency=row["currency"],
        subtotal_minor=row["subtotal_minor"],
        tax_minor=row["tax_minor"],
        total_minor=row["total_minor"],
        status=row["status"],
        paid_on=day(row["paid_on"]),
        voided_on=day(row["voided_on"]),
        snapshot=json.loads(row["snapshot"]),
    )


def next_sequence(conn: sqlite3.Connection, scope: str) -> int:
    """Move the counter of `scope` on by one (in the caller's transaction) and return it."""
    conn.execute(
        "INSERT INTO invoice_sequences (scope, last) VALUES (?, 1)"
        " ON CONFLICT (scope) DO UPDATE SET last = last + 1",
        (scope,),
    )
    row = conn.execute("SELECT last FROM invoice_sequences WHERE scope = ?", (scope,)).fetchone()
    return int(row[0])


def insert(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    cursor = conn.execute(
        f"INSERT INTO invoices ({columns}) VALUES ({', '.join('?' * len(values))})",
        [json.dumps(v, sort_keys=True) if isinstance(v, dict) else v for v in values.values()],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def lock_entries(conn: sqlite3.Connection, invoice_id: int, entry_ids: Iterable[int]) -> None:
    ids = list(entry_ids)
    conn.executemany("INSERT INTO invoice_entries VALUES (?, ?)", [(invoice_id, i) for i in ids])
    conn.executemany(
        "UPDATE entries SET invoice_id = ? WHERE id = ?", [(invoice_id, i) for i in ids]
    )


def unlock_entries(conn: sqlite3.Connection, invoice_id: int) -> None:
    conn.execute("UPDATE entries SET invoice_id = NULL WHERE invoice_id = ?", (invoice_id,))


def all_invoices(conn: sqlite3.Connection) -> list[Invoice]:
    rows = conn.execute("SELECT * FROM invoices ORDER BY id DESC").fetchall()
    return [_invoice(row) for row in rows]


def by_number(conn: sqlite3.Connection, number: str) -> Invoice | None:
    row = conn.execute("SELECT * FROM invoices WHERE number = ?", (number.strip(),)).fetchone()
    return None if row is None else _invoice(row)


def by_id(conn: sqlite3.Connection, invoice_id: int) -> Invoice | None:
    row = conn.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    return None if row is None else _invoice(row)


def numbers(conn: sqlite3.Connection, invoice_ids: Iterable[int]) -> dict[int, str]:
    """The numbers of the given invoices, without reading their snapshots."""
    ids = sorted(set(invoice_ids))
    rows = conn.execute(
        f"SELECT id, number FROM invoices WHERE id IN ({', '.join('?' * len(ids))})", ids
    )
    return {row[0]: row[1] for row in rows}


def count_for_client(conn: sqlite3.Connection, client_id: int) -> int:
    """Every invoice of the client, void ones included: all are kept for the record."""
    row = conn.execute("SELECT count(*) FROM invoices WHERE client_id = ?", (client_id,))
    return int(row.fetchone()[0])


def overlapping(conn: sqlite3.Connection, client_id: int, first: date, last: date) -> list[str]:
    """Numbers of the client's invoices, not void, whose period shares a day with first..last."""
    rows = conn.execute(
        "SELECT number FROM invoices WHERE client_id = ? AND status != 'void'"
        " AND first_day <= ? AND last_day >= ? ORDER BY id",
        (client_id, last.isoformat(), first.isoformat()),
    )
    return [row[0] for row in rows]


def set_status(
    conn: sqlite3.Connection,
    invoice_id: int,
    status: str,
    paid_on: date | None,
    voided_on: date | None,
) -> None:
    conn.execute(
        "UPDATE invoices SET status = ?, paid_on = ?, voided_on = ? WHERE id = ?",
        (
            status,
            None if paid_on is None else paid_on.isoformat(),
            None if voided_on is None else voided_on.isoformat(),
            invoice_id,
        ),
    )
