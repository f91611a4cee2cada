"""Benchmark fixtures: an empty history and a million-entry one, and a report of the figures.

Each benchmark compares against a floor measured in the same run (an empty PySide6 window, a
bare Python start, a bare SQLite commit), so the budgets hold on a slower or busier machine.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.benchmarks.generate_history import generate

MILLION = 1_000_000
RESULTS: list[tuple[str, str]] = []


@dataclass(frozen=True)
class Histories:
    empty: Path
    million: Path


@pytest.fixture(scope="session")
def compiled() -> None:
    """Bytecode for the package, as an installed copy has (pip compiles at install time)."""
    import vatracker

    compileall.compile_dir(Path(vatracker.__file__).parent, quiet=1)


@pytest.fixture(scope="session")
def histories(tmp_path_factory: pytest.TempPathFactory, compiled: None) -> Histories:
    root = tmp_path_factory.mktemp("histories")
    now = int(time.time())
    generate(root / "empty", 0, end=now)
    generate(root / "million", MILLION, end=now)
    return Histories(root / "empty", root / "million")


def record(name: str, value: str) -> None:
    RESULTS.append((name, value))


def _environment(data_dir: Path | None, env: dict[str, str]) -> dict[str, str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env)
    if data_dir is not None:
        environment["VATRACKER_DATA_DIR"] = str(data_dir)
    return environment


def run_process(
    argv: list[str], data_dir: Path | None = None, *, until: str | None = None, **env: str
) -> float:
    """Seconds from launch until the process exits, or until it prints the line `until`."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv,
        env=_environment(data_dir, env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    if until is not None:
        for line in child.stdout:
            if line.strip() == until:
                break
        seconds = time.perf_counter() - started
    _out, err = child.communicate(timeout=120)
    if until is None:
        seconds = time.perf_counter() - started
    assert child.returncode == 0, f"{argv} failed: {err}"
    return seconds


#: Runs `python -m vatracker ARGS` in-process, then reports the process's peak memory. The
#: kernel's per-child figure (wait4) would count the memory of the forking test process too.
_PEAK_OF_VATRACKER = """
import runpy, sys
sys.argv = ["vatracker", *sys.argv[1:]]
try:
    runpy.run_module("vatracker", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    assert not exit.code, exit.code
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("peak", line.split()[1], flush=True)
"""


def peak_memory_kib(argv: list[str], data_dir: Path, **env: str) -> int:
    """Peak resident memory (KiB) of `vatracker ARGV` over `data_dir`."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_VATRACKER, *argv],
        env=_environment(data_dir, env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("peak ")]
    return int(line.split()[1])


@dataclass(frozen=True)
class Launch:
    argv: list[str]
    data_dir: Path | None = None
    until: str | None = None
    env: dict[str, str] = field(default_factory=dict)


def best_of(times: int, launches: dict[str, Launch]) -> dict[str, float]:
    """The fastest of several runs of each, taken in turns so that a passing load on the
    machine weighs on all of them alike (noise only ever adds time)."""
    runs: dict[str, list[float]] = {name: [] for name in launches}
    for _ in range(times):
        for name, launch in launches.items():
            runs[name].append(
                run_process(launch.argv, launch.data_dir, until=launch.until, **launch.env)
            )
    return {name: min(seconds) for name, seconds in runs.items()}


PYTHON = [sys.executable]


def median_seconds(action: Callable[[], object], runs: int, *, warm_up: bool = False) -> float:
    """The median time of `runs` calls of `action`, after one untimed call if `warm_up`."""
    if warm_up:
        action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RESULTS:
        return
    terminalreporter.section("VA Tracker benchmarks")
    width = max(len(name) for name, _ in RESULTS)
    for name, value in RESULTS:
        terminalreporter.write_line(f"{name.ljust(width)}  {value}")
