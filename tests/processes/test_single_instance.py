"""FAULTS C1 and C2: one copy of the app per data folder, even after a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.processes.conftest import child_env, vatracker, wait_for
from vatracker.ui.single_instance import LOCK_FILE_NAME, SingleInstance


def test_a_second_copy_asks_the_first_to_come_forward(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.ask_other_to_activate()
    first.release()
    assert second.acquire()
    second.release()
    assert not SingleInstance(tmp_path / "nobody").ask_other_to_activate(timeout_seconds=0.2)


def _lock_owner(data_dir: Path) -> int | None:
    try:
        return int((data_dir / LOCK_FILE_NAME).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _launch(data_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "vatracker"],
        env=child_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_second_launch_exits_and_leaves_the_first_running(data_dir: Path) -> None:
    first = _launch(data_dir)
    try:
        wait_for(lambda: _lock_owner(data_dir) == first.pid, what="the first copy to start")
        second = vatracker(data_dir=data_dir, timeout=30)
        assert second.returncode == 0
        assert first.poll() is None
        assert _lock_owner(data_dir) == first.pid
        # The command line works beside the window, without "database is locked".
        assert vatracker("status", data_dir=data_dir).returncode == 0
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_a_crashed_copy_does_not_block_the_next_start(data_dir: Path) -> None:
    crashed = _launch(data_dir)
    wait_for(lambda: _lock_owner(data_dir) == crashed.pid, what="the first copy to start")
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait(timeout=30)
    assert _lock_owner(data_dir) == crashed.pid  # a stale lock is left behind
    next_copy = _launch(data_dir)
    try:
        wait_for(lambda: _lock_owner(data_dir) == next_copy.pid, what="the next copy to take over")
        assert next_copy.poll() is None
    finally:
        next_copy.terminate()
        next_copy.wait(timeout=30)
