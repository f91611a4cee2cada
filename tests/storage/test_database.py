"""The database file: how it is opened, who can read it, and what it refuses."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from vatracker.domain.errors import DamagedDatabaseError, NewerDatabaseError, StorageError
from vatracker.storage.database import database_file, open_database
from vatracker.storage.schema import LATEST_VERSION

PROJECT = Path(__file__).resolve().parents[2]


def test_every_connection_is_wal_full_sync_with_foreign_keys(data_dir: Path) -> None:
    # FAULTS S3: the settings that keep a commit on disk after "Saved".
    db = open_database(data_dir)
    pragma = lambda name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") > 0
    assert pragma("trusted_schema") == 0
    db.close()
    reopened = open_database(data_dir)
    assert reopened.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    reopened.close()


def test_no_code_turns_durability_off() -> None:
    # FAULTS S4: listed by SQLite as ways to corrupt a database.
    forbidden = re.compile(
        r"synchronous\s*=\s*(OFF|0)|journal_mode\s*=\s*(MEMORY|OFF)", re.IGNORECASE
    )
    offenders = [
        str(path.relative_to(PROJECT))
        for path in (PROJECT / "vatracker").rglob("*.py")
        if forbidden.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_and_files_are_readable_by_the_owner_only(data_dir: Path) -> None:
    db = open_database(data_dir)
    db.conn.execute("BEGIN IMMEDIATE")
    db.conn.execute("INSERT INTO settings VALUES ('x', 'y')")
    db.conn.execute("COMMIT")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(database_file(data_dir)) + suffix)
        assert path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    db.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_loose_existing_file_is_tightened(data_dir: Path) -> None:
    open_database(data_dir).close()
    database_file(data_dir).chmod(0o644)
    data_dir.chmod(0o755)
    open_database(data_dir).close()
    assert stat.S_IMODE(database_file(data_dir).stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_a_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    path = database_file(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer VA Tracker.*not changed"):
        open_database(data_dir)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_file_that_is_not_a_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    database_file(data_dir).write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(DamagedDatabaseError, match="damaged.*vatracker restore FILE"):
        open_database(data_dir)
    # Nothing was written to it: it can still be set aside as it was.
    assert database_file(data_dir).read_bytes() == b"this is a spreadsheet, not a database" * 200


def test_an_unwritable_data_folder_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StorageError, match="Cannot"):
        open_database(locked / "data")


def test_a_data_folder_path_that_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot use the data folder"):
        open_database(blocker / "data")


def test_the_database_itself_allows_only_one_running_entry(data_dir: Path) -> None:
    db = open_database(data_dir)
    db.conn.execute(
        "INSERT INTO clients (name, currency, rate_minor, timezone) VALUES ('A', 'USD', 0, 'UTC')"
    )
    insert = (
        "INSERT INTO entries (client_id, task_type_id, start_utc, start_offset, zone, billable)"
        " VALUES (1, 1, ?, 0, 'UTC', 1)"
    )
    db.conn.execute(insert, (100,))
    with pytest.raises(sqlite3.IntegrityError, match="entries_one_running"):
        db.conn.execute(insert, (200,))
    db.close()


def test_money_and_instants_are_integers_in_strict_tables(data_dir: Path) -> None:
    db = open_database(data_dir)
    with pytest.raises(sqlite3.Error):
        db.conn.execute(
            "INSERT INTO clients (name, currency, rate_minor, timezone) VALUES ('A', 'USD', 35.5, 'UTC')"
        )
    columns = {row[1]: row[2] for row in db.conn.execute("PRAGMA table_info(entries)")}
    assert columns["start_utc"] == columns["end_utc"] == "INTEGER"
    # FAULTS M1: every money column of every table is whole minor units, in a STRICT table.
    tables = [
        row[0]
        for row in db.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        if not row[0].startswith(("sqlite_", "_"))
    ]
    money = {
        (table, name): kind
        for table in tables
        for _, name, kind, *_ in db.conn.execute(f"PRAGMA table_info({table})")
        if name.endswith("_minor")
    }
    assert {table for table, _ in money} >= {"clients", "retainers", "task_rates", "invoices"}
    assert set(money.values()) == {"INTEGER"}
    for table in {table for table, _ in money}:
        (sql,) = db.conn.execute(
            "SELECT sql FROM sqlite_schema WHERE name = ?", (table,)
        ).fetchone()
        assert sql.rstrip().endswith("STRICT"), table
    db.close()
