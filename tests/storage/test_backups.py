"""Backups, rotation, restore and damage: FAULTS S5, S6, S7, S8, S9, S10, I10, I11."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from contextlib import closing
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.backup_policy import BackupFacts, BackupKind, backups_to_keep
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import DamagedDatabaseError, InvalidInput, StorageError
from vatracker.services.backups import rotate
from vatracker.services.container import Services
from vatracker.storage import backups as backup_files
from vatracker.storage.backups import list_backups, write_backup
from vatracker.storage.database import database_file, open_database
from vatracker.storage.health import copy_in, problem_in, set_aside
from vatracker.storage.migrations import migrations

DAY = 86_400
UTC = ZoneInfo("UTC")


def log_hours(services: Services, count: int, first: int = 0) -> None:
    client = services.catalog.clients()[0] if services.catalog.clients() else add_client(services)
    for n in range(first, first + count):
        start = at("2026-01-05 09:00") + n * 3600
        entry = new_entry(client.id, task(services).id, start, UTC, end=start + 1800, billable=True)
        services.entries.add(entry, allow_overlap=True)


def entry_count(services: Services) -> int:
    return int(services.db.conn.execute("SELECT count(*) FROM entries").fetchone()[0])


def dump(path: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT * FROM entries ORDER BY id").fetchall()


# The policy -------------------------------------------------------------------------------------


def facts(day: int, entries: int = 10, kind: BackupKind = BackupKind.DAILY) -> BackupFacts:
    return BackupFacts(f"{kind}-{day}", at("2026-03-01 12:00") + day * DAY, kind, entries)


def test_rotation_keeps_seven_days_and_four_weeks() -> None:
    backups = [facts(day) for day in range(60)]
    kept = backups_to_keep(backups, UTC)
    days = sorted(int(str(key).split("-")[1]) for key in kept)
    # The last 7 days (53-59), and the newest of each of the 4 latest ISO weeks.
    assert days[-7:] == list(range(53, 60))
    assert len(days) == 7 + 2  # two older weeks; the two latest weeks' newest are among the 7


def test_rotation_never_drops_the_last_good_backup() -> None:
    # FAULTS S10: the data was wiped on day 10; nine empty daily backups follow.
    backups = [facts(day, 500) for day in range(10)] + [facts(day, 0) for day in range(10, 19)]
    kept = backups_to_keep(backups, UTC)
    assert "daily-9" in kept  # the newest backup that still had the 500 entries


def test_other_kinds_keep_their_newest_five() -> None:
    backups = [facts(day, kind=BackupKind.MANUAL) for day in range(8)]
    assert backups_to_keep(backups, UTC) == {f"manual-{day}" for day in range(3, 8)}


# Writing and listing -----------------------------------------------------------------------------


def test_a_backup_is_private_checked_and_listed(services: Services) -> None:
    log_hours(services, 3)
    result = services.backups.back_up()
    assert result.path.parent == services.backups.folder
    listed = services.backups.backups()
    assert [(b.path, b.kind, b.entries) for b in listed] == [(result.path, BackupKind.MANUAL, 3)]
    assert listed[0].size == result.path.stat().st_size > 0
    # FAULTS I11: the folder 0700, the backup 0600, and it is one file (no -wal beside it).
    assert stat.S_IMODE(services.backups.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert sorted(p.name for p in services.backups.folder.iterdir()) == [result.path.name]
    with closing(sqlite3.connect(result.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_backup_taken_while_another_thread_writes_is_a_consistent_snapshot(
    services: Services, data_dir: Path
) -> None:
    # FAULTS S5: a writer commits ten entries at a time while backups are taken.
    add_client(services)
    stop = threading.Event()

    def writer() -> None:
        with closing(sqlite3.connect(database_file(data_dir), isolation_level=None)) as conn:
            n = 0
            while not stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                for _ in range(10):
                    conn.execute(
                        "INSERT INTO entries (client_id, task_type_id, start_utc, start_offset,"
                        " end_utc, end_offset, zone, billable) VALUES (1, 1, ?, 0, ?, 0, 'UTC', 1)",
                        (n * 60, n * 60 + 30),
                    )
                    n += 1
                conn.execute("COMMIT")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        paths = [
            write_backup(database_file(data_dir), services.backups.folder, BackupKind.MANUAL, n)
            for n in range(5)
        ]
    finally:
        stop.set()
        thread.join()
    for path in paths:
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] % 10 == 0
    assert not list(services.backups.folder.glob("*.part"))


def test_a_full_disk_during_a_backup_keeps_the_earlier_ones(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FAULTS S8: the disk fills while the new backup is synced.
    log_hours(services, 2)
    first = services.backups.back_up().path
    before = first.read_bytes()

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_files, "sync_file", full)
    with pytest.raises(
        StorageError, match="No space left on device.*earlier backups are unchanged"
    ):
        services.backups.back_up()
    assert [b.path for b in services.backups.backups()] == [first]
    assert first.read_bytes() == before
    assert sorted(p.name for p in services.backups.folder.iterdir()) == [first.name]


def test_rotation_after_the_data_was_wiped_keeps_the_backup_that_had_it(
    services: Services, clock: FakeClock
) -> None:
    # FAULTS S10, with files: a week of full backups, the data wiped, ten empty days.
    log_hours(services, 4)
    for _ in range(7):
        services.backups.back_up(BackupKind.DAILY)
        clock.advance(DAY)
    full = services.backups.backups()[0].path
    services.db.conn.execute("DELETE FROM entries")
    for _ in range(10):
        services.backups.back_up(BackupKind.DAILY)
        clock.advance(DAY)
    listed = services.backups.backups()
    assert full in [b.path for b in listed]
    assert [b.entries for b in listed].count(4) == 1
    assert len(listed) == 7 + 1  # seven empty days and the last full one
    for backup in listed:  # FAULTS I11 after rotation
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600


def test_a_daily_backup_is_due_once_a_day(services: Services, clock: FakeClock) -> None:
    assert services.backups.daily_backup_due()
    services.backups.back_up(BackupKind.MANUAL)
    assert services.backups.daily_backup_due()  # a manual backup is not the daily one
    services.backups.back_up(BackupKind.DAILY)
    assert not services.backups.daily_backup_due()
    clock.advance(DAY)
    assert services.backups.daily_backup_due()


def test_every_migration_is_preceded_by_a_backup(tmp_path: Path) -> None:
    # FAULTS S9: an old database is backed up, as it was, before the upgrade.
    names = [m.name for m in migrations.pending(sqlite_utils.Database(memory=True))]
    folder = tmp_path / "old"
    folder.mkdir()
    old = sqlite_utils.Database(database_file(folder))
    migrations.apply(old, stop_before=names[2])
    old.execute(
        "INSERT INTO clients (name, currency, rate_minor, timezone) VALUES ('A', 'USD', 1, 'UTC')"
    )
    old.conn.commit()
    old.close()
    open_database(folder).close()
    (backup,) = list_backups(folder / "backups")
    assert backup.kind is BackupKind.BEFORE_MIGRATION
    with closing(sqlite3.connect(backup.path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert conn.execute("SELECT name FROM clients").fetchall() == [("A",)]


# Restoring ----------------------------------------------------------------------------------------


def test_a_restore_brings_the_backup_back_exactly_and_keeps_the_current_data(
    services: Services, data_dir: Path
) -> None:
    log_hours(services, 3)
    backup = services.backups.back_up().path
    expected = dump(backup)
    # FAULTS S6: later work sits in a hot WAL that is not checkpointed.
    services.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    log_hours(services, 5, first=10)
    assert Path(f"{database_file(data_dir)}-wal").stat().st_size > 0
    result = services.backups.restore(backup)
    assert result.entries == 3
    assert dump(database_file(data_dir)) == expected
    assert entry_count(services) == 3
    assert services.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    services.close()
    reopened = open_database(data_dir)  # no stale WAL is replayed over it
    assert reopened.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 3
    reopened.close()
    assert dump(result.kept_aside) != expected and len(dump(result.kept_aside)) == 8


def crafted(tmp_path: Path, services: Services, sql: str) -> Path:
    path = services.backups.back_up().path
    target = tmp_path / "crafted.sqlite3"
    target.write_bytes(path.read_bytes())
    with closing(sqlite3.connect(target)) as conn:
        conn.executescript(sql)
    return target


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "CREATE TRIGGER sneaky AFTER INSERT ON entries BEGIN DELETE FROM clients; END;",
            "trigger 'sneaky'",
        ),
        ("CREATE VIEW peek AS SELECT * FROM clients;", "view 'peek'"),
        ("CREATE TABLE extra (x);", "table 'extra'"),
        ("PRAGMA user_version = 99;", "newer VA Tracker"),
    ],
)
def test_a_restore_refuses_a_database_that_is_not_plain_va_tracker(
    tmp_path: Path, services: Services, data_dir: Path, sql: str, message: str
) -> None:
    # FAULTS I10
    log_hours(services, 2)
    candidate = crafted(tmp_path, services, sql)
    before = dump(database_file(data_dir))
    backups_before = services.backups.backups()
    with pytest.raises(InvalidInput, match=message):
        services.backups.restore(candidate)
    assert dump(database_file(data_dir)) == before
    assert services.backups.backups() == backups_before  # nothing taken, nothing staged
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        ["backups", "vatracker.sqlite3", "vatracker.sqlite3-wal", "vatracker.sqlite3-shm"]
    )


def test_a_restore_refuses_a_file_that_is_not_a_database_or_is_damaged(
    tmp_path: Path, services: Services, data_dir: Path
) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(InvalidInput, match="notes.sqlite3 is not a VA Tracker database"):
        services.backups.restore(text)
    log_hours(services, 300)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(flip_bytes(services.backups.back_up().path.read_bytes()))
    with pytest.raises(InvalidInput, match="damaged.sqlite3 (is damaged|cannot be read)"):
        services.backups.restore(damaged)
    assert entry_count(services) == 300


def flip_bytes(data: bytes) -> bytes:
    """Scramble pages in the middle of the file, as corruptC.test does."""
    middle = len(data) // 2
    return (
        data[:middle]
        + bytes(b ^ 0x5A for b in data[middle : middle + 8192])
        + data[middle + 8192 :]
    )


# Damage ------------------------------------------------------------------------------------------


def test_a_damaged_database_is_found_set_aside_untouched_and_replaced_by_a_backup(
    services: Services, data_dir: Path
) -> None:
    # FAULTS S7
    log_hours(services, 300)
    backup = services.backups.back_up().path
    services.close()
    path = database_file(data_dir)
    damaged = flip_bytes(path.read_bytes())
    path.write_bytes(damaged)
    assert problem_in(path) is not None
    aside = set_aside(path, at("2026-03-02 12:00"))
    assert aside.name == "vatracker.sqlite3.corrupt-20260302T120000Z"
    assert aside.read_bytes() == damaged and not path.exists()
    copy_in(backup, path)
    assert problem_in(path) is None
    db = open_database(data_dir)
    assert db.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 300
    db.close()


def test_a_database_whose_header_is_damaged_is_refused_at_open(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = database_file(data_dir)
    path.write_bytes(b"garbage!" * 512)
    with pytest.raises(DamagedDatabaseError, match="damaged.*restore"):
        open_database(data_dir)
    assert path.read_bytes() == b"garbage!" * 512


def test_a_sound_database_has_no_problem(services: Services, data_dir: Path) -> None:
    log_hours(services, 2)
    assert problem_in(database_file(data_dir)) is None


def test_listing_skips_files_that_are_not_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    (folder / "vatracker-20260101T000000Z-daily.sqlite3").write_text("not a db")
    (listed,) = list_backups(folder)
    assert listed.entries is None and listed.kind is BackupKind.DAILY
    assert rotate(folder, UTC) == []
    assert os.listdir(folder) != []
