"""Queries on the requests table."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..domain.zones import Instant


@dataclass(frozen=True)
class Request:
    """A client's request as it arrived, marked as it stood against the promises then."""

    client_id: int
    received: Instant
    received_offset: int
    channel: str
    note: str
    outside_client_windows: bool
    outside_own_hours: bool
    id: int | None = None


def insert(conn: sqlite3.Connection, request: Request) -> int:
    cursor = conn.execute(
        "INSERT INTO requests (client_id, received_utc, received_offset, channel, note,"
        " outside_client_windows, outside_own_hours) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            request.client_id,
            request.received,
            request.received_offset,
            request.channel,
            request.note,
            int(request.outside_client_windows),
            int(request.outside_own_hours),
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def between(
    conn: sqlite3.Connection, start: Instant, end: Instant, client_id: int | None = None
) -> list[Request]:
    rows = conn.execute(
        "SELECT * FROM requests WHERE received_utc >= ? AND received_utc < ?"
        " AND (? IS NULL OR client_id = ?) ORDER BY received_utc, id",
        (start, end, client_id, client_id),
    ).fetchall()
    return [
        Request(
            client_id=row["client_id"],
            received=row["received_utc"],
            received_offset=row["received_offset"],
            channel=row["channel"],
            note=row["note"],
            outside_client_windows=bool(row["outside_client_windows"]),
            outside_own_hours=bool(row["outside_own_hours"]),
            id=row["id"],
        )
        for row in rows
    ]


def delete(conn: sqlite3.Connection, request_id: int) -> None:
    conn.execute("DELETE FROM requests WHERE id = ?", (request_id,))


def count_for_client(conn: sqlite3.Connection, client_id: int) -> int:
    row = conn.execute("SELECT count(*) FROM requests WHERE client_id = ?", (client_id,)).fetchone()
    return int(row[0])
