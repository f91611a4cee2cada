"""Queries on windows, commitments and retainers (the promises), and the VA's own hours."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..domain.promises import Commitment, Retainer
from ..domain.weekly import WeeklyWindow


def _bits(days: frozenset[int]) -> int:
    return sum(1 << day for day in days)


def _days(bits: int) -> frozenset[int]:
    return frozenset(day for day in range(7) if bits & (1 << day))


def _window(row: sqlite3.Row) -> WeeklyWindow:
    return WeeklyWindow(
        weekdays=_days(row["weekdays"]),
        start_minute=row["start_minute"],
        end_minute=row["end_minute"],
        overnight=bool(row["overnight"]),
    )


def windows(conn: sqlite3.Connection, client_id: int | None) -> tuple[WeeklyWindow, ...]:
    """A client's windows, or the VA's own hours when `client_id` is None."""
    rows = conn.execute(
        "SELECT * FROM windows WHERE client_id IS ? ORDER BY id",
        (client_id,),
    ).fetchall()
    return tuple(_window(row) for row in rows)


def windows_by_client(conn: sqlite3.Connection) -> dict[int, tuple[WeeklyWindow, ...]]:
    found: dict[int, list[WeeklyWindow]] = {}
    for row in conn.execute(
        "SELECT * FROM windows WHERE client_id IS NOT NULL ORDER BY client_id, id"
    ):
        found.setdefault(row["client_id"], []).append(_window(row))
    return {client_id: tuple(found_windows) for client_id, found_windows in found.items()}


def replace_windows(
    conn: sqlite3.Connection, client_id: int | None, new: Iterable[WeeklyWindow]
) -> None:
    conn.execute("DELETE FROM windows WHERE client_id IS ?", (client_id,))
    conn.executemany(
        "INSERT INTO windows (client_id, weekdays, start_minute, end_minute, overnight)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (client_id, _bits(w.weekdays), w.start_minute, w.end_minute, int(w.overnight))
            for w in new
        ],
    )


def commitments(conn: sqlite3.Connection, client_id: int) -> tuple[Commitment, ...]:
    rows = conn.execute(
        "SELECT * FROM commitments WHERE client_id = ? ORDER BY due_minute, id", (client_id,)
    ).fetchall()
    return tuple(_commitment(row) for row in rows)


def commitments_by_client(conn: sqlite3.Connection) -> dict[int, tuple[Commitment, ...]]:
    """Every client's commitments, read at once (clients without any are left out)."""
    found: dict[int, list[Commitment]] = {}
    for row in conn.execute("SELECT * FROM commitments ORDER BY client_id, due_minute, id"):
        found.setdefault(row["client_id"], []).append(_commitment(row))
    return {client_id: tuple(items) for client_id, items in found.items()}


def _commitment(row: sqlite3.Row) -> Commitment:
    return Commitment(row["task_type_id"], _days(row["weekdays"]), row["due_minute"])


def replace_commitments(
    conn: sqlite3.Connection, client_id: int, new: Iterable[Commitment]
) -> None:
    conn.execute("DELETE FROM commitments WHERE client_id = ?", (client_id,))
    conn.executemany(
        "INSERT INTO commitments (client_id, task_type_id, weekdays, due_minute)"
        " VALUES (?, ?, ?, ?)",
        [(client_id, c.task_type_id, _bits(c.weekdays), c.due_minute) for c in new],
    )


def commitment_count_for_task_type(conn: sqlite3.Connection, task_type_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM commitments WHERE task_type_id = ?", (task_type_id,)
    ).fetchone()
    return int(row[0])


def retainer(conn: sqlite3.Connection, client_id: int) -> Retainer | None:
    row = conn.execute("SELECT * FROM retainers WHERE client_id = ?", (client_id,)).fetchone()
    if row is None:
        return None
    return Retainer(row["included_minutes"], row["fee_minor"], row["overage_rate_minor"])


def set_retainer(
    conn: sqlite3.Connection, client_id: int, value: Retainer | None, currency: str
) -> None:
    conn.execute("DELETE FROM retainers WHERE client_id = ?", (client_id,))
    if value is not None:
        conn.execute(
            "INSERT INTO retainers (client_id, included_minutes, fee_minor, overage_rate_minor,"
            " currency) VALUES (?, ?, ?, ?, ?)",
            (
                client_id,
                value.included_minutes,
                value.fee_minor,
                value.overage_rate_minor,
                currency,
            ),
        )


def response_minutes(conn: sqlite3.Connection, client_id: int) -> int | None:
    row = conn.execute("SELECT response_minutes FROM clients WHERE id = ?", (client_id,)).fetchone()
    return None if row is None else row[0]


def set_response_minutes(conn: sqlite3.Connection, client_id: int, minutes: int | None) -> None:
    conn.execute("UPDATE clients SET response_minutes = ? WHERE id = ?", (minutes, client_id))
