"""The command line as a real process: exit codes, one-line errors, and a light start path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.processes.conftest import add_client_by_command, child_env, vatracker


def test_bad_input_exits_2_with_one_line_and_no_traceback(data_dir: Path) -> None:
    result = vatracker("stop", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr == "vatracker: No timer is running, so there is nothing to stop.\n"
    result = vatracker("start", "Nobody", "Research", data_dir=data_dir)
    assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vatracker", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("VA Tracker ")


def test_the_command_line_imports_no_qt_and_no_sqlite_utils(data_dir: Path) -> None:
    add_client_by_command(data_dir)
    probe = (
        "import sys\n"
        "from vatracker.cli import run\n"
        "for argv in (['status'], ['start', 'Acme', 'Research'], ['stop']):\n"
        "    assert run(argv) == 0\n"
        "heavy = sorted(m for m in ('PySide6', 'sqlite_utils', 'numpy', 'matplotlib') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
