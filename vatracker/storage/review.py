"""The weekly review's sums, computed by SQLite: time per span, client and kind of work, the
edges of each day's work, runs of work without a break, switches, billed time and requests.

Each query first picks the entries that share time with the whole range through the start-time
index, from the longest entry's length before it (the running entry counting up to `now`), so a
million-entry history costs what a week does, for a week of any age.
Spans are passed as a VALUES table: (key, start, end[, client]).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.zones import Instant
from .entries import longest_seconds

#: billable: billed work; trying: billed attempts; non_billable: the entry or its task type is not.
_CATEGORY = (
    "CASE WHEN r.billable = 0 OR t.billable = 0 THEN 'non_billable'"
    " WHEN r.outcome = 'trying' THEN 'trying' ELSE 'billable' END"
)


@dataclass(frozen=True)
class KeyedSpan:
    """A stretch of time to add work up in."""

    key: int
    start: Instant
    end: Instant


def _relevant(
    conn: sqlite3.Connection, spans: Sequence[KeyedSpan], now: Instant
) -> tuple[str, list[object]]:
    """A CTE `relevant(id, client_id, task_type_id, s, e, billable, outcome)`: the entries that
    share time with any of `spans`, read by start from the longest entry's length before."""
    low = min(span.start for span in spans)
    high = max(span.end for span in spans)
    sql = (
        "relevant AS ("
        " SELECT id, client_id, task_type_id, start_utc AS s, end_utc AS e, billable, outcome"
        " FROM entries INDEXED BY entries_start"
        " WHERE start_utc >= ? AND start_utc < ? AND end_utc > ?"
        " UNION ALL"
        " SELECT id, client_id, task_type_id, start_utc, max(start_utc, ?), billable, outcome"
        " FROM entries WHERE end_utc IS NULL AND start_utc < ?)"
    )
    return sql, [low - longest_seconds(conn), high, low, now, high]


def _values(name: str, spans: Sequence[KeyedSpan]) -> tuple[str, list[object]]:
    params: list[object] = [v for span in spans for v in (span.key, span.start, span.end)]
    return f"{name}(k, lo, hi) AS (VALUES {', '.join(['(?, ?, ?)'] * len(spans))})", params


def worked_in_spans(
    conn: sqlite3.Connection, spans: Sequence[KeyedSpan], now: Instant
) -> dict[tuple[int, int, str], int]:
    """Seconds worked inside each span, by (span key, client id, category); an entry that
    crosses a span's edge counts for the part inside it."""
    if not spans:
        return {}
    values, params = _values("spans", spans)
    relevant, relevant_params = _relevant(conn, spans, now)
    rows = conn.execute(
        f"WITH {values}, {relevant}"
        f" SELECT spans.k, r.client_id, {_CATEGORY}, sum(min(r.e, spans.hi) - max(r.s, spans.lo))"
        " FROM spans JOIN relevant r ON r.s < spans.hi AND r.e > spans.lo"
        " JOIN task_types t ON t.id = r.task_type_id"
        " GROUP BY 1, 2, 3",
        params + relevant_params,
    )
    return {(key, client, category): seconds for key, client, category, seconds in rows}


def day_edges(
    conn: sqlite3.Connection, days: Sequence[KeyedSpan], now: Instant
) -> dict[int, tuple[Instant, Instant]]:
    """For each day span: the first start and the last end of the entries starting in it."""
    if not days:
        return {}
    values, params = _values("days", days)
    relevant, relevant_params = _relevant(conn, days, now)
    rows = conn.execute(
        f"WITH {values}, {relevant}"
        " SELECT days.k, min(r.s), max(r.e) FROM days"
        " JOIN relevant r ON r.s >= days.lo AND r.s < days.hi GROUP BY days.k",
        params + relevant_params,
    )
    return {key: (first, last) for key, first, last in rows}


def work_runs(
    conn: sqlite3.Connection, start: Instant, end: Instant, min_break: int, now: Instant
) -> list[tuple[Instant, Instant, int]]:
    """Runs of work starting in [start, end) with no gap of `min_break` seconds or more inside:
    (first start, last end, seconds worked), oldest first."""
    relevant, params = _relevant(conn, [KeyedSpan(0, start, end)], now)
    rows = conn.execute(
        f"WITH {relevant},"
        " marked AS (SELECT s, e, CASE WHEN s - max(e) OVER (ORDER BY s, e"
        "   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= ? THEN 1 ELSE 0 END AS fresh"
        "   FROM relevant),"
        " runs AS (SELECT s, e, sum(fresh) OVER (ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS run"
        "   FROM marked)"
        " SELECT min(s), max(e), sum(e - s) FROM runs GROUP BY run"
        " HAVING min(s) >= ? ORDER BY 1",
        [*params, min_break, start],
    )
    return [(first, last, worked) for first, last, worked in rows]


def switches_by_day(
    conn: sqlite3.Connection, days: Sequence[KeyedSpan], now: Instant
) -> dict[int, int]:
    """For each day span: how often an entry starting in it is for another client or task type
    than the entry before it that day."""
    if not days:
        return {}
    values, params = _values("days", days)
    relevant, relevant_params = _relevant(conn, days, now)
    rows = conn.execute(
        f"WITH {values}, {relevant},"
        " in_days AS (SELECT days.k, r.s, r.client_id, r.task_type_id,"
        "   lag(r.client_id) OVER w AS previous_client,"
        "   lag(r.task_type_id) OVER w AS previous_task"
        "   FROM days JOIN relevant r ON r.s >= days.lo AND r.s < days.hi"
        "   WINDOW w AS (PARTITION BY days.k ORDER BY r.s))"
        " SELECT k, sum(previous_client IS NOT NULL"
        "   AND (client_id != previous_client OR task_type_id != previous_task))"
        " FROM in_days GROUP BY k",
        params + relevant_params,
    )
    return {key: int(count) for key, count in rows}


def billed_seconds(
    conn: sqlite3.Connection, start: Instant, end: Instant, now: Instant
) -> dict[tuple[int, int, bool], int]:
    """Billed seconds of the entries starting in [start, end), as an invoice counts them
    (billable entry and task type; each entry rounded up as its client's billing says; a
    running entry up to `now`), by (client id, task type id, trying)."""
    rows = conn.execute(
        "WITH billed AS (SELECT e.client_id, e.task_type_id, e.outcome = 'trying' AS trying,"
        "   max(coalesce(e.end_utc, :now), e.start_utc) - e.start_utc AS seconds, c.rounding"
        "   FROM entries e INDEXED BY entries_start"
        "   JOIN task_types t ON t.id = e.task_type_id JOIN clients c ON c.id = e.client_id"
        "   WHERE e.start_utc >= :start AND e.start_utc < :end"
        "   AND e.billable = 1 AND t.billable = 1)"
        " SELECT client_id, task_type_id, trying, sum(CASE rounding WHEN 'none' THEN seconds"
        "   ELSE ((seconds + rounding * 60 - 1) / (rounding * 60)) * rounding * 60 END)"
        " FROM billed GROUP BY 1, 2, 3",
        {"start": start, "end": end, "now": now},
    )
    return {(client, task, bool(trying)): seconds for client, task, trying, seconds in rows}


def requests_outside_windows(
    conn: sqlite3.Connection, start: Instant, end: Instant
) -> dict[int, tuple[int, int]]:
    """Per client: requests received in [start, end), and how many came outside its windows."""
    rows = conn.execute(
        "SELECT client_id, count(*), sum(outside_client_windows) FROM requests"
        " WHERE received_utc >= ? AND received_utc < ? GROUP BY client_id",
        (start, end),
    )
    return {client: (total, outside) for client, total, outside in rows}
