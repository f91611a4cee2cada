"""Start, switch and stop in the window, each including its commit and the refreshed view."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.benchmarks.conftest import Histories, record
from vatracker.clock import SystemClock
from vatracker.services.container import Services
from vatracker.storage.database import open_database
from vatracker.ui.main_window import MainWindow
from vatracker.ui.session import Session

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

BUDGET_SECONDS = 0.020
CYCLES = 15


def commit_floor(data_dir: Path) -> float:
    """The median time of a bare one-row commit in the same file (mostly the fsync)."""
    db = open_database(data_dir)
    times = []
    for i in range(CYCLES):
        started = time.perf_counter()
        with db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings VALUES ('benchmark', ?)", (str(i),))
        times.append(time.perf_counter() - started)
    db.close()
    return statistics.median(times)


def timer_operations(qtbot: QtBot, data_dir: Path) -> dict[str, float]:
    services = Services.open(data_dir, SystemClock())
    window = MainWindow(Session(services), data_dir)
    qtbot.addWidget(window)
    window.show()
    acme = services.catalog.client_named("Acme Co").id
    kiwi = services.catalog.client_named("Kiwi Coaching").id
    research = services.catalog.task_type_named("Research").id
    inbox = services.catalog.task_type_named("Inbox management").id
    times: dict[str, list[float]] = {"start": [], "switch": [], "stop": []}
    for _ in range(CYCLES):
        for name, action in (
            ("start", lambda: window.start(acme, research)),
            ("switch", lambda: window.start(kiwi, inbox)),
            ("stop", window.stop),
        ):
            started = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - started)
            time.sleep(0.01)
    assert services.timer.running() is None
    window.close()
    services.close()
    return {name: statistics.median(values) for name, values in times.items()}


def test_start_switch_and_stop_take_under_20_ms(qtbot: QtBot, histories: Histories) -> None:
    floor = commit_floor(histories.empty)
    budget = max(BUDGET_SECONDS, 2 * floor)
    empty = timer_operations(qtbot, histories.empty)
    million = timer_operations(qtbot, histories.million)
    record("window: bare SQLite commit, synchronous=FULL (floor)", f"{floor * 1000:.1f} ms")
    for name in ("start", "switch", "stop"):
        record(
            f"window: {name}, empty / 1,000,000 entries (median)",
            f"{empty[name] * 1000:.1f} ms / {million[name] * 1000:.1f} ms "
            f"(budget {budget * 1000:.0f} ms)",
        )
        assert empty[name] <= budget, name
        assert million[name] <= budget, name
