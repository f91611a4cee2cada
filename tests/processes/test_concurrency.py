"""FAULTS C3: the window and the command line write at the same time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vatracker.storage.database import open_database

WRITER = """
import sys
from pathlib import Path
from vatracker.clock import SystemClock
from vatracker.domain.entries import new_entry
from vatracker.services.container import Services

services = Services.open(Path(sys.argv[1]), SystemClock())
offset, count = int(sys.argv[2]), int(sys.argv[3])
tz = services.settings.va_zone()
client = services.catalog.client_named("Acme")
task = services.catalog.task_type_named("Research")
base = 1_700_000_000
for i in range(count):
    start = base + (2 * i + offset) * 60
    services.entries.add(new_entry(client.id, task.id, start, tz, end=start + 60))
print("done", flush=True)
"""


def test_two_writing_processes_never_see_database_locked(data_dir: Path) -> None:
    from vatracker.clock import SystemClock
    from vatracker.services.container import Services

    services = Services.open(data_dir, SystemClock())
    services.catalog.add_client("Acme", "30", "USD", "UTC")
    services.close()
    count = 400
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), str(offset), str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for offset in (0, 1)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    db = open_database(data_dir)
    assert db.query("SELECT count(*) FROM entries")[0][0] == 2 * count
    db.close()


def test_why_writes_begin_immediate(data_dir: Path) -> None:
    """A deferred read-then-write loses to a concurrent writer; BEGIN IMMEDIATE waits its turn."""
    open_database(data_dir).close()
    path = data_dir / "vatracker.sqlite3"
    reader = sqlite3.connect(path, isolation_level=None, timeout=0.5)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.5)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM settings").fetchone()
    other.execute("INSERT INTO settings VALUES ('a', 'b')")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        reader.execute("INSERT INTO settings VALUES ('c', 'd')")
    reader.execute("ROLLBACK")
    reader.execute("BEGIN IMMEDIATE")
    reader.execute("SELECT count(*) FROM settings").fetchone()
    reader.execute("INSERT INTO settings VALUES ('c', 'd')")
    reader.execute("COMMIT")
    reader.close()
    other.close()
