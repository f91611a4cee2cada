"""Managing clients and task types."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

from ..domain.catalog import Client, TaskType
from ..domain.colours import check_colour, next_colour
from ..domain.errors import InvalidInput
from ..domain.money import from_minor, normalize_currency, parse_rate
from ..domain.text import check_name
from ..domain.zones import zone
from ..storage import catalog as table
from ..storage.database import Database


class CatalogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Clients -----------------------------------------------------------------------------

    def clients(self, *, include_archived: bool = True) -> list[Client]:
        with self._db.reading() as conn:
            found = table.clients(conn)
        return [c for c in found if include_archived or not c.archived]

    def client(self, client_id: int) -> Client:
        with self._db.reading() as conn:
            found = table.client(conn, client_id)
        if found is None:
            raise InvalidInput(f"There is no client with id {client_id}.")
        return found

    def client_named(self, name: str) -> Client:
        with self._db.reading() as conn:
            found = table.client_named(conn, name)
        if found is None:
            known = ", ".join(c.name for c in self.clients(include_archived=False)) or "none yet"
            raise InvalidInput(f"Unknown client {name.strip()!r}. Known clients: {known}.")
        return found

    def add_client(self, name: str, rate: str | Decimal, currency: str, timezone: str) -> Client:
        name = check_name(name, "client")
        currency = normalize_currency(currency)
        rate_minor = parse_rate(rate, currency)
        tz_name = zone(timezone).key
        with self._db.transaction() as conn:
            _refuse_duplicate(table.client_named(conn, name), None, "client")
            colour = next_colour(c.colour for c in table.clients(conn) if not c.archived)
            client_id = table.insert_client(conn, name, currency, rate_minor, tz_name, colour)
        return Client(client_id, name, currency, rate_minor, tz_name, colour=colour)

    def update_client(
        self,
        client_id: int,
        *,
        name: str | None = None,
        rate: str | Decimal | None = None,
        currency: str | None = None,
        timezone: str | None = None,
        colour: str | None = None,
    ) -> Client:
        """Change some of a client's details; the rest stay as they are."""
        current = self.client(client_id)
        new_currency = current.currency if currency is None else normalize_currency(currency)
        rate_value = from_minor(current.rate_minor, current.currency) if rate is None else rate
        updated = replace(
            current,
            name=current.name if name is None else check_name(name, "client"),
            currency=new_currency,
            rate_minor=parse_rate(rate_value, new_currency),
            timezone=current.timezone if timezone is None else zone(timezone).key,
            colour=current.colour if colour is None else check_colour(colour),
        )
        with self._db.transaction() as conn:
            _refuse_duplicate(table.client_named(conn, updated.name), client_id, "client")
            if updated.currency != current.currency:
                _refuse_stranded_amounts(conn, current, updated.currency)
            table.update_client(conn, updated)
        return updated

    def set_client_archived(self, client_id: int, archived: bool) -> Client:
        updated = replace(self.client(client_id), archived=archived)
        with self._db.transaction() as conn:
            table.update_client(conn, updated)
        return updated

    def delete_client(self, client_id: int) -> None:
        """Delete a client with no history (entries, requests, invoices); else archive it."""
        from ..storage import invoices as invoices_table
        from ..storage import requests as requests_table

        current = self.client(client_id)
        with self._db.transaction() as conn:
            counts = {
                "entries": table.client_entry_count(conn, client_id),
                "logged requests": requests_table.count_for_client(conn, client_id),
                "invoices": invoices_table.count_for_client(conn, client_id),
            }
            history = ", ".join(f"{count:,} {what}" for what, count in counts.items() if count)
            if history:
                raise InvalidInput(
                    f"{current.name!r} has {history}, so it cannot be deleted: "
                    "archive it instead to hide it from the timer."
                )
            table.delete_client(conn, client_id)

    # Task types --------------------------------------------------------------------------

    def task_types(self, *, include_archived: bool = True) -> list[TaskType]:
        with self._db.reading() as conn:
            found = table.task_types(conn)
        return [t for t in found if include_archived or not t.archived]

    def task_type(self, task_type_id: int) -> TaskType:
        with self._db.reading() as conn:
            found = table.task_type(conn, task_type_id)
        if found is None:
            raise InvalidInput(f"There is no task type with id {task_type_id}.")
        return found

    def task_type_named(self, name: str) -> TaskType:
        with self._db.reading() as conn:
            found = table.task_type_named(conn, name)
        if found is None:
            known = ", ".join(t.name for t in self.task_types(include_archived=False))
            raise InvalidInput(f"Unknown task type {name.strip()!r}. Known task types: {known}.")
        return found

    def add_task_type(self, name: str, billable: bool = True) -> TaskType:
        name = check_name(name, "task type")
        with self._db.transaction() as conn:
            _refuse_duplicate(table.task_type_named(conn, name), None, "task type")
            task_type_id = table.insert_task_type(conn, name, billable)
        return TaskType(task_type_id, name, billable)

    def update_task_type(
        self, task_type_id: int, *, name: str | None = None, billable: bool | None = None
    ) -> TaskType:
        current = self.task_type(task_type_id)
        updated = replace(
            current,
            name=current.name if name is None else check_name(name, "task type"),
            billable=current.billable if billable is None else billable,
        )
        with self._db.transaction() as conn:
            _refuse_duplicate(table.task_type_named(conn, updated.name), task_type_id, "task type")
            table.update_task_type(conn, updated)
        return updated

    def set_task_type_archived(self, task_type_id: int, archived: bool) -> TaskType:
        updated = replace(self.task_type(task_type_id), archived=archived)
        with self._db.transaction() as conn:
            table.update_task_type(conn, updated)
        return updated

    def delete_task_type(self, task_type_id: int) -> None:
        from ..storage import promises as promises_table

        current = self.task_type(task_type_id)
        with self._db.transaction() as conn:
            count = table.task_type_entry_count(conn, task_type_id)
            if count:
                raise InvalidInput(
                    f"{current.name!r} has {count:,} entries, so it cannot be deleted: "
                    "archive it instead to hide it from the timer."
                )
            if promises_table.commitment_count_for_task_type(conn, task_type_id):
                raise InvalidInput(
                    f"{current.name!r} is part of a client's daily commitments: remove those "
                    "first, or archive the task type instead."
                )
            table.delete_task_type(conn, task_type_id)


def _refuse_stranded_amounts(conn: sqlite3.Connection, client: Client, currency: str) -> None:
    """A retainer or task rates set in the old currency would be billed in the new one."""
    from ..storage import billing as billing_table

    if billing_table.task_rate_currencies(conn, client.id) - {currency}:
        raise InvalidInput(
            f"{client.name!r} has a retainer or task rates in {client.currency}: remove or "
            f"set them again in {currency} before changing the currency."
        )


def _refuse_duplicate(existing: Client | TaskType | None, own_id: int | None, kind: str) -> None:
    if existing is not None and existing.id != own_id:
        where = " (archived)" if existing.archived else ""
        raise InvalidInput(
            f"A {kind} named {existing.name!r} already exists{where}: choose another name."
        )
