"""`vatracker status`, `start` and `stop` as whole processes."""

from __future__ import annotations

import pytest

from tests.benchmarks.conftest import PYTHON, Histories, Launch, best_of, peak_memory_kib, record

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

#: The issue's budget for a whole command, on a machine where Python itself starts in 25 ms;
#: on a slower machine the budget grows with the floor.
BUDGET_SECONDS = 0.100
REFERENCE_FLOOR_SECONDS = 0.025
#: "As fast with a million entries": within 25 %, give or take the few milliseconds by which
#: even the best of many runs of a whole process varies on a shared machine.
SAME_SPEED_RATIO, SAME_SPEED_SLACK_SECONDS = 1.25, 0.010
CLI = [*PYTHON, "-m", "vatracker"]


def test_status_start_and_stop_finish_within_a_tenth_of_a_second(histories: Histories) -> None:
    launches = {"floor": Launch([*PYTHON, "-c", "import sqlite3"])}
    for size, data_dir in (("empty", histories.empty), ("million", histories.million)):
        # In turns: start then stop, so each finds the timer as it expects.
        launches[f"status {size}"] = Launch([*CLI, "status"], data_dir)
        launches[f"start {size}"] = Launch([*CLI, "start", "Acme Co", "Research"], data_dir)
        launches[f"stop {size}"] = Launch([*CLI, "stop"], data_dir)
    best = best_of(15, launches)
    floor = best["floor"]
    budget = BUDGET_SECONDS * max(1.0, floor / REFERENCE_FLOOR_SECONDS)
    memory = {
        size: peak_memory_kib(["status"], data_dir)
        for size, data_dir in (("empty", histories.empty), ("million", histories.million))
    }
    record("command line: bare Python + sqlite3 (floor)", f"{floor * 1000:.0f} ms")
    for name in ("status", "start", "stop"):
        record(
            f"command line: {name}, empty / 1,000,000 entries",
            f"{best[f'{name} empty'] * 1000:.0f} ms / {best[f'{name} million'] * 1000:.0f} ms"
            f" (budget {budget * 1000:.0f} ms)",
        )
    record(
        "command line: status peak memory, empty / 1,000,000 entries",
        f"{memory['empty'] / 1024:.1f} MiB / {memory['million'] / 1024:.1f} MiB",
    )
    for name in ("status", "start", "stop"):
        assert best[f"{name} empty"] <= budget, name
        assert best[f"{name} million"] <= budget, name
        assert (
            best[f"{name} million"]
            <= SAME_SPEED_RATIO * best[f"{name} empty"] + SAME_SPEED_SLACK_SECONDS
        ), name
    assert memory["million"] <= 2.0 * memory["empty"]
