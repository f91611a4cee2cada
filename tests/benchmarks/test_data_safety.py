"""Importing a 100,000-row Toggl export (time and memory), and backing up a million entries
without blocking the window."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.benchmarks.conftest import Histories, peak_memory_kib, record
from vatracker.clock import SystemClock
from vatracker.domain.backup_policy import BackupKind
from vatracker.services.container import Services
from vatracker.storage.backups import write_backup
from vatracker.ui.main_window import MainWindow
from vatracker.ui.session import Session

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

IMPORT_SECONDS, BACKUP_SECONDS = 10.0, 5.0
#: The window counts as blocked when its event loop stalls longer than this.
LONGEST_STALL_SECONDS = 0.25
TOGGL_HEADER = [
    "User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date",
    "Start time", "End date", "End time", "Duration", "Tags", "Amount (USD)",
]  # fmt: skip


def toggl_export(path: Path, rows: int) -> Path:
    """A busy VA's Toggl history: ten clients, eight tasks, back-to-back entries of 5-60 min."""
    moment = datetime(2010, 1, 4, 8, 0)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(TOGGL_HEADER)
        for n in range(rows):
            minutes = 5 + (n * 7) % 56
            end = moment + timedelta(minutes=minutes)
            writer.writerow(
                [
                    "Ana Souza", "ana@example.com", f"Client {n % 10}", f"Project {n % 25}",
                    f"Task {n % 8}", f"Entry {n}: follow-ups, \"notes\"", "Yes" if n % 4 else "No",
                    f"{moment:%Y-%m-%d}", f"{moment:%H:%M:%S}", f"{end:%Y-%m-%d}",
                    f"{end:%H:%M:%S}", f"00:{minutes:02d}:00", "email, admin", "12.50",
                ]
            )  # fmt: skip
            moment = end + timedelta(minutes=3)
            if moment.hour >= 18:
                moment = (moment + timedelta(days=1)).replace(hour=8, minute=0)
    return path


def timed_import(path: Path, data_dir: Path) -> tuple[float, int]:
    started = time.perf_counter()
    peak = peak_memory_kib(["import", str(path), "--timezone", "Europe/Lisbon"], data_dir)
    return time.perf_counter() - started, peak


def test_importing_a_hundred_thousand_toggl_rows(tmp_path: Path) -> None:
    small = toggl_export(tmp_path / "small.csv", 10_000)
    large = toggl_export(tmp_path / "large.csv", 100_000)
    # The floor: Python reading the same file with the csv module, nothing else.
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", f"import csv; sum(1 for _ in csv.reader(open({str(large)!r})))"],
        check=True,
    )
    floor = time.perf_counter() - started
    small_seconds, small_peak = timed_import(small, tmp_path / "small-data")
    large_seconds, large_peak = timed_import(large, tmp_path / "large-data")
    again_seconds, _ = timed_import(large, tmp_path / "large-data")  # all already there
    record(
        "import 100,000 Toggl rows",
        f"{large_seconds:.1f} s ({large_seconds / floor:.0f}x reading the CSV alone, "
        f"{floor:.2f} s); again (nothing new) {again_seconds:.1f} s; 10,000 rows "
        f"{small_seconds:.1f} s",
    )
    record(
        "import peak memory",
        f"{large_peak / 1024:.0f} MiB for 100,000 rows, {small_peak / 1024:.0f} MiB for 10,000 "
        f"({large_peak / small_peak:.2f}x for ten times the rows)",
    )
    assert large_seconds < IMPORT_SECONDS
    assert large_peak < 1.5 * small_peak  # memory does not grow with the file


def test_backing_up_a_million_entries_keeps_the_window_responsive(
    qtbot: QtBot, histories: Histories, tmp_path: Path
) -> None:
    source = histories.million / "vatracker.sqlite3"
    started = time.perf_counter()
    path = write_backup(source, tmp_path / "backups", BackupKind.MANUAL, int(time.time()))
    seconds = time.perf_counter() - started
    size = path.stat().st_size
    path.unlink()

    services = Services.open(histories.million, SystemClock())
    window = MainWindow(Session(services), histories.million)
    qtbot.addWidget(window)
    window.show()
    stalls: list[float] = []
    last = time.perf_counter()
    try:
        window.care.back_up(BackupKind.MANUAL)
        with qtbot.waitSignal(window.care.backed_up, timeout=60_000):
            while window.care.backup.busy:
                qtbot.wait(10)
                now = time.perf_counter()
                stalls.append(now - last)
                last = now
    finally:
        window.care.stop()
        services.close()
        shutil.rmtree(histories.million / "backups", ignore_errors=True)
    longest = max(stalls)
    record(
        "backup of 1,000,000 entries",
        f"{seconds:.2f} s for {size / 1024**2:.0f} MB, checked; the window's longest stall "
        f"meanwhile {longest * 1000:.0f} ms",
    )
    assert seconds < BACKUP_SECONDS
    assert longest < LONGEST_STALL_SECONDS
