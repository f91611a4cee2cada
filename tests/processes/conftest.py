"""Helpers for tests that run VA Tracker as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", VATRACKER_DATA_DIR=str(data_dir), **extra)
    return env


def vatracker(
    *argv: str, data_dir: Path, timeout: float = 60, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vatracker", *argv],
        env=child_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def add_client_by_command(data_dir: Path, name: str = "Acme") -> None:
    added = vatracker(
        "client",
        "add",
        name,
        "--rate",
        "30",
        "--currency",
        "USD",
        "--timezone",
        "UTC",
        data_dir=data_dir,
    )
    assert added.returncode == 0, added.stderr


def wait_for(condition: Callable[[], bool], timeout: float = 30, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")
