"""FAULTS S1 and M6: issuing is all or nothing, even killed halfway; two issuers never share
or skip a number."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FakeClock, at
from vatracker.domain.entries import new_entry
from vatracker.services.container import Services

ISSUER = """
import os, signal, sys
from datetime import date
from pathlib import Path
from vatracker.clock import SystemClock
from vatracker.domain.invoice_document import Period
from vatracker.services.container import Services

folder, client_name, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
services = Services.open(folder, SystemClock())
counted = 0

def count(statement):
    global counted
    counted += 1
    if counted == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

client = services.catalog.client_named(client_name)
services.db.conn.set_trace_callback(count)
invoice = services.invoices.issue(client.id, Period(date(2026, 3, 1), date(2026, 3, 31)))
services.db.conn.set_trace_callback(None)
print(invoice.number, counted, flush=True)
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    services = Services.open(folder, FakeClock(at("2026-04-02 10:00")))
    services.settings.set_va_zone("UTC")
    inbox = services.catalog.task_type_named("Inbox management").id
    for name, hour in (("Acme", "09"), ("Beta", "11")):
        client = services.catalog.add_client(name, "30", "USD", "UTC")
        for day in range(2, 12):
            start = at(f"2026-03-{day:02d} {hour}:00")
            services.entries.add(
                new_entry(client.id, inbox, start, services.settings.va_zone(), end=start + 3600)
            )
    services.close()
    return folder


def issue(folder: Path, client: str, kill_at: int = 0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ISSUER, str(folder), client, str(kill_at)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def state(folder: Path) -> tuple[list[str], int, int]:
    conn = sqlite3.connect(folder / "vatracker.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    numbers = [row[0] for row in conn.execute("SELECT number FROM invoices ORDER BY id")]
    locked = conn.execute("SELECT count(*) FROM entries WHERE invoice_id IS NOT NULL").fetchone()[0]
    last = conn.execute("SELECT coalesce(max(last), 0) FROM invoice_sequences").fetchone()[0]
    conn.close()
    return numbers, locked, last


def test_a_process_killed_while_issuing_leaves_all_or_nothing(
    template: Path, tmp_path: Path
) -> None:
    clean = issue(shutil.copytree(template, tmp_path / "count"), "Acme")
    assert clean.returncode == 0, clean.stderr
    number, statements = clean.stdout.split()
    assert number == "2026-0001" and int(statements) > 10
    for kill_at in range(1, int(statements) + 1):
        folder = shutil.copytree(template, tmp_path / f"kill-{kill_at}")
        killed = issue(folder, "Acme", kill_at)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)
        numbers, locked, last = state(folder)
        assert (numbers, locked, last) in (([], 0, 0), (["2026-0001"], 10, 1)), kill_at
        # Whatever happened, the next number follows without a gap.
        after = issue(folder, "Beta")
        assert after.returncode == 0, after.stderr
        assert after.stdout.split()[0] == f"2026-{len(numbers) + 1:04d}"


def test_two_processes_issuing_at_once_get_consecutive_numbers(
    template: Path, tmp_path: Path
) -> None:
    folder = shutil.copytree(template, tmp_path / "both")
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", ISSUER, str(folder), name, "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("Acme", "Beta")
    ]
    numbers = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        numbers.append(out.split()[0])
    assert sorted(numbers) == ["2026-0001", "2026-0002"]
    assert state(folder) == (sorted(numbers), 20, 2)
