"""Queries on the entries table. Every range query is served by an index, so a history of a
million entries answers as fast as an empty one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..domain.entries import Entry, Outcome
from ..domain.zones import Instant

_COLUMNS = (
    "id, client_id, task_type_id, start_utc, start_offset, end_utc, end_offset, zone,"
    " outcome, findings, note, billable, heartbeat_utc"
)
#: Read with every entry; written only by invoicing (issue and void).
_SELECTED = _COLUMNS + ", invoice_id"


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=row["id"],
        client_id=row["client_id"],
        task_type_id=row["task_type_id"],
        start=row["start_utc"],
        start_offset=row["start_offset"],
        end=row["end_utc"],
        end_offset=row["end_offset"],
        zone=row["zone"],
        outcome=Outcome(row["outcome"]),
        findings=row["findings"],
        note=row["note"],
        billable=bool(row["billable"]),
        heartbeat=row["heartbeat_utc"],
        invoice_id=row["invoice_id"],
    )


def _values(entry: Entry) -> tuple[object, ...]:
    return (
        entry.id,
        entry.client_id,
        entry.task_type_id,
        entry.start,
        entry.start_offset,
        entry.end,
        entry.end_offset,
        entry.zone,
        entry.outcome.value,
        entry.findings,
        entry.note,
        int(entry.billable),
        entry.heartbeat,
    )


def insert(conn: sqlite3.Connection, entry: Entry) -> int:
    """Store `entry` (under its own id if it has one, as when an undo puts it back)."""
    cursor = conn.execute(
        f"INSERT INTO entries ({_COLUMNS}) VALUES ({', '.join('?' * 13)})", _values(entry)
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update(conn: sqlite3.Connection, entry: Entry) -> None:
    assignments = ", ".join(f"{column.strip()} = ?" for column in _COLUMNS.split(",")[1:])
    conn.execute(f"UPDATE entries SET {assignments} WHERE id = ?", (*_values(entry)[1:], entry.id))


def delete(conn: sqlite3.Connection, entry_id: int) -> None:
    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))


def get(conn: sqlite3.Connection, entry_id: int) -> Entry | None:
    row = conn.execute(f"SELECT {_SELECTED} FROM entries WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(row)


def running(conn: sqlite3.Connection) -> Entry | None:
    row = conn.execute(f"SELECT {_SELECTED} FROM entries WHERE end_utc IS NULL").fetchone()
    return None if row is None else _entry(row)


def last_end(conn: sqlite3.Connection, at_or_before: Instant) -> Instant | None:
    """When the latest entry that has ended by `at_or_before` ended (from its index)."""
    row = conn.execute(
        "SELECT max(end_utc) FROM entries WHERE end_utc <= ?", (at_or_before,)
    ).fetchone()
    return None if row[0] is None else int(row[0])


def longest_seconds(conn: sqlite3.Connection) -> int:
    """The length of the longest finished entry (read from its index at once)."""
    row = conn.execute("SELECT max(end_utc - start_utc) FROM entries").fetchone()
    return int(row[0] or 0)


def overlapping(conn: sqlite3.Connection, start: Instant, end: Instant) -> list[Entry]:
    """Entries that share some time with [start, end), the running one included."""
    # By start, from the longest entry's length before `start`: a range of any age reads only
    # the entries near it (an end-time bound alone would read everything after it).
    rows = conn.execute(
        f"SELECT {_SELECTED} FROM entries INDEXED BY entries_start"
        " WHERE start_utc >= :earliest AND start_utc < :end AND end_utc > :start"
        f" UNION ALL SELECT {_SELECTED} FROM entries WHERE end_utc IS NULL AND start_utc < :end"
        " ORDER BY start_utc, id",
        {"start": start, "end": end, "earliest": start - longest_seconds(conn)},
    ).fetchall()
    return [_entry(row) for row in rows]


def starting_between(
    conn: sqlite3.Connection, start: Instant | None, end: Instant | None
) -> Iterator[Entry]:
    """Entries that start in [start, end), oldest first, read lazily."""
    cursor = conn.execute(
        f"SELECT {_SELECTED} FROM entries WHERE start_utc >= ? AND start_utc < ?"
        " ORDER BY start_utc, id",
        (start if start is not None else -(2**62), end if end is not None else 2**62),
    )
    for row in cursor:
        yield _entry(row)


def recent_pairs(conn: sqlite3.Connection, scan: int = 200) -> list[tuple[int, int]]:
    """Distinct (client, task type) pairs among the latest entries, newest first."""
    rows = conn.execute(
        "SELECT client_id, task_type_id FROM entries ORDER BY start_utc DESC LIMIT ?", (scan,)
    ).fetchall()
    return list(dict.fromkeys((row[0], row[1]) for row in rows))


def set_heartbeat(conn: sqlite3.Connection, entry_id: int, instant: Instant) -> None:
    conn.execute(
        "UPDATE entries SET heartbeat_utc = ? WHERE id = ? AND end_utc IS NULL",
        (instant, entry_id),
    )
