"""Opening the SQLite file safely, and running every write in one short transaction.

Only the standard library is used here: the command line and the window both start through this
module, and must start fast. sqlite-utils is loaded only when a migration is due.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..domain.errors import DamagedDatabaseError, InvalidInput, NewerDatabaseError, StorageError
from ..safe_files import make_private_folder
from .schema import DATABASE_FILE_NAME, LATEST_VERSION

BUSY_TIMEOUT_MS = 5_000

#: Every connection runs with these. FULL sync: a VA's billing data is worth an fsync per commit.
PRAGMAS = (
    ("busy_timeout", str(BUSY_TIMEOUT_MS)),
    ("foreign_keys", "ON"),
    ("trusted_schema", "OFF"),
)
JOURNAL_MODE = "wal"
SYNCHRONOUS = "FULL"

Params = Sequence[Any] | dict[str, Any]


class Database:
    """One connection to the VA Tracker file, used from the thread that opened it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: taken at once (BEGIN IMMEDIATE), all or nothing."""
        if self.conn.in_transaction:
            raise RuntimeError("transactions do not nest")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise InvalidInput(
                    f"The database refused the change ({exc}); nothing was saved."
                ) from exc
            if isinstance(exc, sqlite3.Error):
                raise storage_error(exc) from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads; SQLite errors come out as `StorageError`."""
        try:
            yield self.conn
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def data_version(self) -> int:
        """A number that changes when another connection (the command line) commits."""
        row = self.query_one("PRAGMA data_version")
        assert row is not None
        return int(row[0])

    def close(self) -> None:
        self.conn.close()


def database_file(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE_NAME


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) the database in `data_dir`, migrated to the current schema.

    A database written by a newer version is refused before anything is written to it.
    """
    prepare_data_dir(data_dir)
    path = database_file(data_dir)
    create_private_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from exc
    conn.row_factory = sqlite3.Row
    try:
        _configure(conn, path)
    except BaseException:
        conn.close()
        raise
    _restrict_permissions(path)
    return Database(conn, path)


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    try:
        for name, value in PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise NewerDatabaseError(
                f"The database {path} was written by a newer VA Tracker (schema {version}; "
                f"this version knows up to {LATEST_VERSION}). Install the newer version to "
                "open it; the file was not changed."
            )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the schema
        if 0 < version < LATEST_VERSION:
            _back_up_before_migrating(path, version)
        mode = conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}").fetchone()[0]
        if mode != JOURNAL_MODE:
            raise StorageError(f"Could not switch {path} to WAL mode (it stayed in {mode}).")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        if version < LATEST_VERSION:
            from .migrations import migrate

            migrate(conn)
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from exc


def _back_up_before_migrating(path: Path, version: int) -> None:
    """A backup of the old schema's data, before the upgrade touches it; without one the
    upgrade does not run."""
    import time

    from ..domain.backup_policy import BackupKind
    from .backups import backups_folder, write_backup

    try:
        write_backup(
            path, backups_folder(path.parent), BackupKind.BEFORE_MIGRATION, int(time.time())
        )
    except StorageError as exc:
        raise StorageError(
            f"VA Tracker must upgrade {path.name} (schema {version} to {LATEST_VERSION}) and "
            f"backs it up first, but the backup failed: {exc} The database was not changed."
        ) from exc


def prepare_data_dir(data_dir: Path) -> None:
    """Create the data folder, readable by its owner only."""
    try:
        make_private_folder(data_dir)
    except OSError as exc:
        raise StorageError(
            f"Cannot use the data folder {data_dir}: {exc.strerror or exc}. "
            "Choose another with --data-dir or VATRACKER_DATA_DIR."
        ) from exc


def create_private_file(path: Path) -> None:
    # SQLite creates files 0644 and gives the -wal and -shm files the mode of the database:
    # creating it 0600 first keeps all three private.
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise StorageError(
            f"Cannot create the database {path}: {exc.strerror or exc}. "
            "Choose another data folder with --data-dir or VATRACKER_DATA_DIR."
        ) from exc


def _restrict_permissions(path: Path) -> None:
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.chmod(0o600)


_ERROR_MESSAGES = {
    "SQLITE_FULL": "The disk is full, so nothing was saved. Free some space and try again.",
    "SQLITE_BUSY": (
        "The database stayed busy in another VA Tracker process, so nothing was saved. "
        "Try again in a moment."
    ),
    "SQLITE_LOCKED": "The database was locked, so nothing was saved. Try again in a moment.",
    "SQLITE_READONLY": "The database cannot be written (read-only), so nothing was saved.",
    "SQLITE_IOERR": "The disk reported an error, so nothing was saved. Check the drive.",
    "SQLITE_CORRUPT": "The database file is damaged. Nothing was changed.",
    "SQLITE_NOTADB": "The database file is damaged (it no longer reads as a database).",
    "SQLITE_CANTOPEN": "The database file cannot be opened. Check the data folder.",
}


DAMAGE_HINT = (
    " Open the VA Tracker window to set it aside and restore the newest good backup, or run "
    "`vatracker restore FILE` with a file from the backups folder."
)


def storage_error(exc: sqlite3.Error, path: Path | None = None) -> StorageError:
    """The user-facing form of an SQLite error."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = name.split("_", 2)
    key = "_".join(base[:2]) if len(base) >= 2 else name
    message = _ERROR_MESSAGES.get(key)
    if message is None:
        text = str(exc).lower()
        if "disk is full" in text:
            message = _ERROR_MESSAGES["SQLITE_FULL"]
        elif "locked" in text:
            message = _ERROR_MESSAGES["SQLITE_BUSY"]
        else:
            message = f"The database reported an error, so nothing was saved: {exc}."
    where = f" ({path})" if path is not None else ""
    if key in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DamagedDatabaseError(message + where + DAMAGE_HINT)
    return StorageError(message + where)
