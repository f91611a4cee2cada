"""The review's sums as SQLite computes them, against the same sums worked out in Python."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vatracker.domain.invoicing import Rounding
from vatracker.storage import review as sums
from vatracker.storage.database import Database, open_database
from vatracker.storage.review import KeyedSpan

NOW = 500_000
OWN_ADMIN = 8  # the seeded non-billable task type


@dataclass(frozen=True)
class Row:
    client: int
    task: int
    start: int
    length: int | None  # None: running
    billable: bool
    trying: bool

    def end(self) -> int:
        return max(self.start, NOW) if self.length is None else self.start + self.length

    def category(self) -> str:
        if not self.billable or self.task == OWN_ADMIN:
            return "non_billable"
        return "trying" if self.trying else "billable"


rows = st.lists(
    st.builds(
        Row,
        client=st.sampled_from([1, 2]),
        task=st.sampled_from([1, 2, OWN_ADMIN]),
        start=st.integers(0, 400_000),
        length=st.integers(1, 40_000),
        billable=st.booleans(),
        trying=st.booleans(),
    ),
    max_size=25,
)
spans = st.lists(
    st.tuples(st.integers(0, 450_000), st.integers(1, 100_000)),
    min_size=1,
    max_size=6,
)


@contextmanager
def database(entries: list[Row], rounding: str = "none") -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder))
        with db.transaction() as conn:
            for client in (1, 2):
                conn.execute(
                    "INSERT INTO clients (id, name, currency, rate_minor, timezone, rounding)"
                    " VALUES (?, ?, 'USD', 3000, 'UTC', ?)",
                    (client, f"Client {client}", rounding),
                )
            # Entries may overlap here: the sums must not care.
            conn.executemany(
                "INSERT INTO entries (client_id, task_type_id, start_utc, start_offset, end_utc,"
                " end_offset, zone, outcome, billable) VALUES (?, ?, ?, 0, ?, ?, 'UTC', ?, ?)",
                [
                    (
                        r.client,
                        r.task,
                        r.start,
                        None if r.length is None else r.start + r.length,
                        None if r.length is None else 0,
                        "trying" if r.trying else "done",
                        int(r.billable),
                    )
                    for r in entries
                ],
            )
        try:
            yield db
        finally:
            db.close()


@settings(max_examples=60, deadline=None)
@given(rows, spans, st.integers(0, 24))
def test_time_in_spans_is_each_entry_clipped_to_each_span(
    entries: list[Row], chosen: list[tuple[int, int]], running: int
) -> None:
    if entries and running < len(entries):  # at most one running entry, as the schema wants
        entries[running] = Row(**{**entries[running].__dict__, "length": None})
    keyed = [KeyedSpan(i, start, start + length) for i, (start, length) in enumerate(chosen)]
    expected: dict[tuple[int, int, str], int] = {}
    for span in keyed:
        for row in entries:
            inside = min(row.end(), span.end) - max(row.start, span.start)
            if inside > 0:
                key = (span.key, row.client, row.category())
                expected[key] = expected.get(key, 0) + inside
    with database(entries) as db:
        assert sums.worked_in_spans(db.conn, keyed, NOW) == expected


@settings(max_examples=40, deadline=None)
@given(rows, st.sampled_from(["none", "1", "6", "15"]))
def test_billed_seconds_round_each_entry_as_invoices_do(entries: list[Row], rounding: str) -> None:
    expected: dict[tuple[int, int, bool], int] = {}
    for row in entries:
        if row.category() == "non_billable" or row.start >= 300_000:
            continue
        key = (row.client, row.task, row.trying)
        # A running entry counts up to now, rounded as a finished one would be.
        expected[key] = expected.get(key, 0) + Rounding(rounding).apply(row.end() - row.start)
    with database(entries, rounding) as db:
        assert sums.billed_seconds(db.conn, 0, 300_000, NOW) == expected


@settings(max_examples=40, deadline=None)
@given(rows)
def test_runs_break_at_gaps_of_half_an_hour(entries: list[Row]) -> None:
    finished = sorted(
        (r for r in entries if r.length is not None), key=lambda r: (r.start, r.end())
    )
    expected: list[tuple[int, int, int]] = []
    latest_end = None
    for row in finished:
        if latest_end is not None and row.start - latest_end < 1800:
            first, last, worked = expected[-1]
            expected[-1] = (first, max(last, row.end()), worked + row.length)  # type: ignore[operator]
        else:
            expected.append((row.start, row.end(), row.length or 0))
        latest_end = row.end() if latest_end is None else max(latest_end, row.end())
    with database(finished) as db:
        assert sums.work_runs(db.conn, 0, 10**6, 1800, NOW) == expected


def test_day_edges_and_switches_count_entries_by_the_day_they_start() -> None:
    day = 86_400
    entries = [
        Row(1, 1, 8 * 3600, 3600, True, False),
        Row(1, 2, 10 * 3600, 3600, True, False),  # a switch of task
        Row(2, 2, 12 * 3600, 3600, True, False),  # a switch of client
        Row(2, 2, 14 * 3600, 3600, True, True),  # the same pair: no switch
        Row(1, 1, 23 * 3600, 2 * 3600, True, False),  # a switch, ending the next day
        Row(2, 1, day + 9 * 3600, 3600, True, False),  # next day's first: no switch
    ]
    days = [KeyedSpan(0, 0, day), KeyedSpan(1, day, 2 * day), KeyedSpan(2, 2 * day, 3 * day)]
    with database(entries) as db:
        assert sums.day_edges(db.conn, days, NOW) == {
            0: (8 * 3600, day + 3600),
            1: (day + 9 * 3600, day + 10 * 3600),
        }
        assert sums.switches_by_day(db.conn, days, NOW) == {0: 3, 1: 0}


def test_requests_outside_windows_are_counted_per_client() -> None:
    with database([]) as db:
        with db.transaction() as conn:
            conn.executemany(
                "INSERT INTO requests (client_id, received_utc, received_offset, channel,"
                " outside_client_windows, outside_own_hours) VALUES (?, ?, 0, 'email', ?, 0)",
                [(1, 100, 1), (1, 200, 0), (2, 300, 1), (2, 5_000, 1)],
            )
        assert sums.requests_outside_windows(db.conn, 0, 1000) == {1: (2, 1), 2: (1, 1)}
