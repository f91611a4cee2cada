"""FAULTS S2: the app is killed (or the power goes) while the timer runs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.processes.conftest import add_client_by_command, child_env, vatracker

WINDOW_THAT_STARTS_THE_TIMER = """
import sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from vatracker.app import build_window, create_application
from vatracker.clock import SystemClock
from vatracker.services.container import Services

app = create_application()
services = Services.open(Path(sys.argv[1]), SystemClock())
window, _tray = build_window(app, services, Path(sys.argv[1]))
window.show()
window.session.start_ticking()

def click_start():
    QTest.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    running = services.timer.running()
    print("started", running.id, running.start, flush=True)

QTimer.singleShot(100, click_start)
app.exec()
"""


def test_a_killed_window_loses_no_time(data_dir: Path) -> None:
    add_client_by_command(data_dir)
    child = subprocess.Popen(
        [sys.executable, "-c", WINDOW_THAT_STARTS_THE_TIMER, str(data_dir)],
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line[0] == "started", child.stderr.read() if child.stderr else ""
        entry_id, started_at = int(line[1]), int(line[2])
        time.sleep(1.2)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    conn = sqlite3.connect(data_dir / "vatracker.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    status = vatracker("status", "--json", data_dir=data_dir)
    import json

    reported = json.loads(status.stdout)
    assert reported["running"] is True and reported["entry"]["id"] == entry_id
    assert reported["elapsed_seconds"] >= 1
    assert abs(reported["elapsed_seconds"] - (int(time.time()) - started_at)) <= 1
