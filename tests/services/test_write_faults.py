"""FAULTS S8 and C4: a write that fails halfway (disk full, I/O error) leaves the data as it
was, and the user is told in plain words."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, add_client, task
from vatracker.domain.errors import StorageError
from vatracker.services.container import Services


class FailingConnection:
    """Passes everything to the real connection, but the n-th write statement fails."""

    def __init__(self, real: sqlite3.Connection, fail_at: int, error: str) -> None:
        self._real = real
        self._fail_at = fail_at
        self._error = error
        self.writes = 0

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.writes += 1
            if self.writes == self._fail_at:
                raise sqlite3.OperationalError(self._error)
        return self._real.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def snapshot(services: Services) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in services.db.query("SELECT * FROM entries ORDER BY id")]


def switch(services: Services) -> None:
    services.timer.start(services.catalog.clients()[0].id, task(services, "Research").id)


def stop(services: Services) -> None:
    services.timer.stop()


def split(services: Services) -> None:
    running = services.timer.running()
    assert running is not None and running.id is not None
    services.entries.split(running.id, running.start + 60)


@pytest.mark.parametrize("action", [switch, stop, split])
@pytest.mark.parametrize("error", ["database or disk is full", "disk I/O error"])
def test_a_failing_write_at_any_point_changes_nothing(
    services: Services, clock: FakeClock, action: Callable[[Services], None], error: str
) -> None:
    client = add_client(services)
    services.timer.start(client.id, task(services).id)
    clock.advance(600)
    before = snapshot(services)
    real = services.db.conn
    fail_at = 1
    while True:
        failing = FailingConnection(real, fail_at, error)
        services.db.conn = failing  # type: ignore[assignment]
        try:
            action(services)
        except StorageError as exc:
            assert "nothing was saved" in str(exc)
            assert not real.in_transaction
            services.db.conn = real
            assert snapshot(services) == before, f"write {fail_at} left a trace"
            fail_at += 1
            continue
        finally:
            services.db.conn = real
        break
    assert fail_at > 1, "the action never wrote"
    assert snapshot(services) != before  # with no failure, the action did its work


def test_the_disk_full_message_says_what_to_do(services: Services) -> None:
    add_client(services)
    services.db.conn = FailingConnection(services.db.conn, 1, "database or disk is full")  # type: ignore[assignment]
    with pytest.raises(StorageError, match="disk is full, so nothing was saved. Free some space"):
        services.catalog.add_client("Beta", "10", "USD", "UTC")
