"""Backup files: written with SQLite's online backup API, checked, synced and renamed into place.

Never a file copy: the backup API reads a consistent snapshot through SQLite itself, so a
writer in another thread or process cannot tear it, and the WAL is always taken into account.
Every backup is a single self-contained file (rollback journal, no -wal beside it), private to
its owner, named after the UTC instant it was taken and why.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.backup_policy import BackupKind
from ..domain.errors import StorageError
from ..domain.zones import Instant
from ..safe_files import make_private_folder, sync_file, sync_folder

BACKUPS_FOLDER_NAME = "backups"
_NAME = re.compile(
    r"^vatracker-(?P<taken>\d{8}T\d{6}Z)-(?P<kind>[a-z-]+?)(?:-(?P<n>\d+))?\.sqlite3$"
)
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: Instant
    kind: BackupKind
    size: int
    #: None when the file cannot be read as a VA Tracker database.
    entries: int | None


def backups_folder(data_dir: Path) -> Path:
    return data_dir / BACKUPS_FOLDER_NAME


def utc_stamp(instant: Instant) -> str:
    return datetime.fromtimestamp(instant, UTC).strftime(_STAMP)


def write_backup(source: Path, folder: Path, kind: BackupKind, now: Instant) -> Path:
    """A checked backup of the database at `source` in `folder`; returns its path.

    It opens its own connection, so it can run in a worker thread while the window keeps
    writing. A full disk or any failure removes the partial file and leaves every earlier
    backup as it was.
    """
    _private_folder(folder)
    target = _free_name(folder, kind, now)
    with _partial_file(folder, target.name) as partial:
        try:
            with closing(connect_readonly(source)) as reader, copied(reader, partial) as copy:
                verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.Error as exc:
            raise _failed(target, exc) from exc
        if verdict != "ok":
            raise StorageError(
                f"The backup {target.name} did not pass its check ({verdict}), so it was not "
                "kept; the earlier backups are unchanged."
            )
        sync_file(partial)
        os.replace(partial, target)
    sync_folder(folder)
    return target


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in `folder`, newest first, each opened to count its entries."""
    return [
        BackupFile(path, taken, kind, size, entry_count(path))
        for path, taken, kind, size in backup_names(folder)
    ]


def backup_names(folder: Path) -> list[tuple[Path, Instant, BackupKind, int]]:
    """The backups in `folder` by their names alone (path, taken, kind, size), newest first;
    files that are not backups are left out, and none is opened."""
    found = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            kind = BackupKind(match["kind"])
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        taken = int(datetime.strptime(match["taken"], _STAMP).replace(tzinfo=UTC).timestamp())
        found.append((path, taken, kind, size))
    return sorted(found, key=lambda found: (found[1], found[0].name), reverse=True)


def entry_count(path: Path) -> int | None:
    """How many entries the database file at `path` holds, or None if it cannot be read."""
    try:
        with closing(connect_readonly(path)) as conn:
            return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    except sqlite3.Error:
        return None


def remove_backup(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise StorageError(f"Could not remove the old backup {path.name}: {exc.strerror}.") from exc


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates a file (a missing one is an error)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


@contextmanager
def copied(
    source: sqlite3.Connection, target: Path, journal_mode: str = "delete"
) -> Iterator[sqlite3.Connection]:
    """A connection to `target`, made a copy of `source` through the online backup API."""
    with closing(sqlite3.connect(target, isolation_level=None)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA trusted_schema = OFF")
        copy.execute(f"PRAGMA journal_mode = {journal_mode}")
        yield copy


def _free_name(folder: Path, kind: BackupKind, now: Instant) -> Path:
    base = f"vatracker-{utc_stamp(now)}-{kind.value}"
    candidate = folder / f"{base}.sqlite3"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}.sqlite3"
        number += 1
    return candidate


@contextmanager
def _partial_file(folder: Path, name: str) -> Iterator[Path]:
    """A private temporary file in `folder`, removed unless it was renamed into place."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(f"Cannot write in {folder}: {exc.strerror or exc}.") from exc
    os.close(handle)
    partial = Path(temporary)
    try:
        yield partial
    except OSError as exc:
        raise StorageError(
            f"Could not write {name}: {exc.strerror or exc}. The earlier backups are unchanged."
        ) from exc
    finally:
        for suffix in ("", "-journal"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def _failed(target: Path, exc: sqlite3.Error) -> StorageError:
    text = str(exc).lower()
    reason = "the disk is full" if "full" in text else f"SQLite said: {exc}"
    return StorageError(
        f"Could not write the backup {target.name} ({reason}). The earlier backups are unchanged."
    )


def _private_folder(folder: Path) -> None:
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StorageError(
            f"Cannot create the backup folder {folder}: {exc.strerror or exc}."
        ) from exc
