"""FAULTS C5: one connection per thread; the window's is never used from another thread."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.helpers import FakeClock, add_client, task
from vatracker.clock import SystemClock
from vatracker.domain.entries import new_entry
from vatracker.services.container import Services
from vatracker.ui.main_window import MainWindow


def test_a_worker_thread_writes_on_its_own_connection_while_the_window_ticks(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    client = add_client(services, "Acme")
    services.timer.start(client.id, task(services).id)
    window.refresh()
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            own = Services.open(services.db.path.parent, SystemClock())
            tz = own.settings.va_zone()
            research = own.catalog.task_type_named("Research").id
            for i in range(200):
                start = 1_600_000_000 + i * 120
                own.entries.add(new_entry(client.id, research, start, tz, end=start + 60))
            own.close()
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    while thread.is_alive():
        clock.advance(1)
        window.session.tick()
        thread.join(0.005)
    assert errors == []
    assert services.db.query("SELECT count(*) FROM entries")[0][0] == 201
    assert window.timer_panel.what_label.text() == "Acme · Inbox management"


def test_the_windows_connection_refuses_other_threads(services: Services) -> None:
    failures: list[BaseException] = []
    thread = threading.Thread(target=lambda: _try_read(services, failures))
    thread.start()
    thread.join()
    assert len(failures) == 1 and isinstance(failures[0], sqlite3.ProgrammingError)


def _try_read(services: Services, failures: list[BaseException]) -> None:
    with pytest.raises(sqlite3.ProgrammingError) as raised:
        services.db.conn.execute("SELECT 1")
    failures.append(raised.value)
