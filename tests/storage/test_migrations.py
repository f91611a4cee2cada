"""FAULTS S9: migrations from blank, from every older version, applied twice, interrupted."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from vatracker.domain.catalog import DEFAULT_TASK_TYPES
from vatracker.storage.database import database_file, open_database
from vatracker.storage.migrations import migrations
from vatracker.storage.schema import LATEST_VERSION


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    conn.close()
    return rows


def test_the_migration_count_matches_the_schema_version(tmp_path: Path) -> None:
    blank = sqlite_utils.Database(tmp_path / "blank.db")
    assert len(migrations.pending(blank)) == LATEST_VERSION


def test_a_new_database_gets_the_schema_and_the_common_task_types(data_dir: Path) -> None:
    db = open_database(data_dir)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    names = [row[0] for row in db.conn.execute("SELECT name FROM task_types ORDER BY id")]
    assert names == [name for name, _ in DEFAULT_TASK_TYPES]
    billable = dict(db.conn.execute("SELECT name, billable FROM task_types").fetchall())
    assert billable["Own admin"] == 0 and billable["Inbox management"] == 1
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_migrating_twice_changes_nothing(data_dir: Path) -> None:
    open_database(data_dir).close()
    before = schema_of(database_file(data_dir))
    open_database(data_dir).close()
    assert schema_of(database_file(data_dir)) == before
    conn = sqlite3.connect(database_file(data_dir))
    assert conn.execute("SELECT count(*) FROM task_types").fetchone()[0] == len(DEFAULT_TASK_TYPES)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_every_older_version_migrates_to_the_same_schema(tmp_path: Path) -> None:
    fresh_dir = tmp_path / "fresh"
    open_database(fresh_dir).close()
    expected = schema_of(database_file(fresh_dir))
    names = [migration.name for migration in migrations.pending(sqlite_utils.Database(memory=True))]
    for version in range(LATEST_VERSION):
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        old = sqlite_utils.Database(database_file(folder))
        migrations.apply(old, stop_before=names[version])
        assert old.execute("PRAGMA user_version").fetchone()[0] == version
        old.close()
        open_database(folder).close()
        assert schema_of(database_file(folder)) == expected, f"from version {version}"


def test_a_migration_killed_halfway_leaves_the_old_version(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    script = f"""
import os, signal
import vatracker.storage.migrations as m
original = m._set_version
def die_before_commit(db, version):
    original(db, version)
    os.kill(os.getpid(), signal.SIGKILL)
m._set_version = die_before_commit
from vatracker.storage.database import open_database
open_database(__import__("pathlib").Path({str(folder)!r}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    conn = sqlite3.connect(database_file(folder))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "entries" not in tables
    conn.close()
    db = open_database(folder)  # and the next start completes it
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    db.close()
