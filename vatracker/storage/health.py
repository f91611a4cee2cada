"""Is the database file sound, and what to do with it when it is not.

A damaged file is never written to: it is renamed aside (with its -wal and -shm, which belong
to it) under a name that says when, so nothing of it is lost, and a good backup can take its
place.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from ..domain.errors import StorageError
from ..domain.zones import Instant
from .backups import connect_readonly, copied, utc_stamp

WAL_SUFFIXES = ("", "-wal", "-shm")


def problem_in(path: Path) -> str | None:
    """What `PRAGMA quick_check` finds wrong with the database at `path`, or None if sound.

    It reads every page, so on a large history it takes a second or more: the window runs it
    in a worker thread, on its own read-only connection.
    """
    try:
        with closing(connect_readonly(path)) as conn:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    verdicts = [str(row[0]) for row in rows]
    return None if verdicts == ["ok"] else "; ".join(verdicts)


def set_aside(path: Path, now: Instant) -> Path:
    """Rename the database and its -wal/-shm to `<name>.corrupt-<UTC>`; returns the new name
    of the database file. Their contents are left exactly as they were."""
    aside = path.with_name(f"{path.name}.corrupt-{utc_stamp(now)}")
    try:
        for suffix in WAL_SUFFIXES:
            source = path.with_name(path.name + suffix)
            if source.exists():
                source.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise StorageError(
            f"Could not move the damaged database aside: {exc.strerror or exc}. Move "
            f"{path} elsewhere yourself, then start VA Tracker again."
        ) from exc
    return aside


def copy_in(backup: Path, path: Path) -> None:
    """Create the database at `path` (which must not exist) as a copy of `backup`."""
    from .database import create_private_file

    create_private_file(path)
    try:
        with closing(connect_readonly(backup)) as source, copied(source, path, "wal"):
            pass
    except sqlite3.Error as exc:
        for suffix in WAL_SUFFIXES:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise StorageError(f"Could not copy the backup {backup.name} in: {exc}.") from exc
