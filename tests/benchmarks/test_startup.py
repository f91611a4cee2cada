"""Start-up of the window: against an empty PySide6 window, and with a million entries."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.benchmarks.conftest import PYTHON, Histories, Launch, best_of, peak_memory_kib, record

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("empty")
window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""
APP = [*PYTHON, "-m", "vatracker"]
READY = {"VATRACKER_QUIT_WHEN_READY": "1"}


def test_start_up_is_within_twice_an_empty_window(histories: Histories) -> None:
    best = best_of(
        11,
        {
            "floor": Launch([*PYTHON, "-c", EMPTY_WINDOW], until="ready"),
            "empty": Launch(APP, histories.empty, "ready", READY),
            "million": Launch(APP, histories.million, "ready", READY),
        },
    )
    floor, empty, million = best["floor"], best["empty"], best["million"]
    memory_empty = peak_memory_kib([], histories.empty, **READY)
    memory_million = peak_memory_kib([], histories.million, **READY)
    record("start-up to a ready window: empty PySide6 window (floor)", f"{floor * 1000:.0f} ms")
    record(
        "start-up to a ready window: app, empty database",
        f"{empty * 1000:.0f} ms ({empty / floor:.2f}x the floor)",
    )
    record(
        "start-up to a ready window: app, 1,000,000 entries",
        f"{million * 1000:.0f} ms ({million / empty:.2f}x empty)",
    )
    record(
        "window peak memory: empty / 1,000,000 entries",
        f"{memory_empty / 1024:.0f} MiB / {memory_million / 1024:.0f} MiB "
        f"({memory_million / memory_empty:.2f}x)",
    )
    assert empty <= 2.0 * floor
    assert million <= 1.25 * empty + 0.010  # as fast, give or take a run's noise
    assert memory_million <= 2.0 * memory_empty


def test_start_up_loads_no_charts_and_no_sqlite_utils(histories: Histories) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vatracker"],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "VATRACKER_DATA_DIR": str(histories.empty),
            **READY,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    heavy = sorted(
        m for m in imported if m.split(".")[0] in {"matplotlib", "numpy", "sqlite_utils"}
    )
    assert heavy == []
    assert "PySide6.QtWidgets" in imported  # the check saw the real start-up
