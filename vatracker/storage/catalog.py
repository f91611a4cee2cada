"""Queries on the clients and task_types tables."""

from __future__ import annotations

import sqlite3

from ..domain.catalog import Client, TaskType


def _client(row: sqlite3.Row) -> Client:
    return Client(
        id=row["id"],
        name=row["name"],
        currency=row["currency"],
        rate_minor=row["rate_minor"],
        timezone=row["timezone"],
        archived=bool(row["archived"]),
        colour=row["colour"],
    )


def _task_type(row: sqlite3.Row) -> TaskType:
    return TaskType(
        id=row["id"],
        name=row["name"],
        billable=bool(row["billable"]),
        archived=bool(row["archived"]),
    )


def clients(conn: sqlite3.Connection) -> list[Client]:
    rows = conn.execute("SELECT * FROM clients ORDER BY name COLLATE NOCASE").fetchall()
    return [_client(row) for row in rows]


def client(conn: sqlite3.Connection, client_id: int) -> Client | None:
    row = conn.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
    return None if row is None else _client(row)


def client_named(conn: sqlite3.Connection, name: str) -> Client | None:
    row = conn.execute(
        "SELECT * FROM clients WHERE name = ? COLLATE NOCASE", (name.strip(),)
    ).fetchone()
    return None if row is None else _client(row)


def insert_client(
    conn: sqlite3.Connection, name: str, currency: str, rate_minor: int, timezone: str, colour: str
) -> int:
    cursor = conn.execute(
        "INSERT INTO clients (name, currency, rate_minor, timezone, colour) VALUES (?, ?, ?, ?, ?)",
        (name, currency, rate_minor, timezone, colour),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_client(conn: sqlite3.Connection, client: Client) -> None:
    conn.execute(
        "UPDATE clients SET name = ?, currency = ?, rate_minor = ?, timezone = ?, archived = ?,"
        " colour = ? WHERE id = ?",
        (
            client.name,
            client.currency,
            client.rate_minor,
            client.timezone,
            int(client.archived),
            client.colour,
            client.id,
        ),
    )


def delete_client(conn: sqlite3.Connection, client_id: int) -> None:
    conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))


def task_types(conn: sqlite3.Connection) -> list[TaskType]:
    rows = conn.execute("SELECT * FROM task_types ORDER BY name COLLATE NOCASE").fetchall()
    return [_task_type(row) for row in rows]


def task_type(conn: sqlite3.Connection, task_type_id: int) -> TaskType | None:
    row = conn.execute("SELECT * FROM task_types WHERE id = ?", (task_type_id,)).fetchone()
    return None if row is None else _task_type(row)


def task_type_named(conn: sqlite3.Connection, name: str) -> TaskType | None:
    row = conn.execute(
        "SELECT * FROM task_types WHERE name = ? COLLATE NOCASE", (name.strip(),)
    ).fetchone()
    return None if row is None else _task_type(row)


def insert_task_type(conn: sqlite3.Connection, name: str, billable: bool) -> int:
    cursor = conn.execute(
        "INSERT INTO task_types (name, billable) VALUES (?, ?)", (name, int(billable))
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_task_type(conn: sqlite3.Connection, task_type: TaskType) -> None:
    conn.execute(
        "UPDATE task_types SET name = ?, billable = ?, archived = ? WHERE id = ?",
        (task_type.name, int(task_type.billable), int(task_type.archived), task_type.id),
    )


def delete_task_type(conn: sqlite3.Connection, task_type_id: int) -> None:
    conn.execute("DELETE FROM task_types WHERE id = ?", (task_type_id,))


def client_entry_count(conn: sqlite3.Connection, client_id: int) -> int:
    return _entry_count(conn, "client_id", client_id)


def task_type_entry_count(conn: sqlite3.Connection, task_type_id: int) -> int:
    return _entry_count(conn, "task_type_id", task_type_id)


def _entry_count(conn: sqlite3.Connection, column: str, value: int) -> int:
    row = conn.execute(f"SELECT count(*) FROM entries WHERE {column} = ?", (value,)).fetchone()
    return int(row[0])
