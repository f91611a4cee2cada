"""Checking a database file before it replaces the VA's data, and putting it in place.

A file to restore may come from anywhere. Before anything changes it is copied (with the backup
API, into a private staging file), checked for damage, brought up to the current schema, and
compared with the schema VA Tracker itself makes: a file with an extra trigger or view, or any
table VA Tracker does not know, is refused, as such objects would run with the VA's data.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import lru_cache
from pathlib import Path

from ..domain.errors import InvalidInput, StorageError
from .backups import copied
from .schema import LATEST_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
#: Objects SQLite makes by itself; they are not part of what a file brings along.
_INTERNAL = "name NOT LIKE 'sqlite_%'"


def stage(candidate: Path, staging: Path) -> int:
    """Copy `candidate` to `staging` and check it as a VA Tracker database; returns its entry
    count. Raises InvalidInput, naming the file, when it is not one or is damaged."""
    _check_header(candidate)
    try:
        with closing(_open_candidate(candidate)) as source, copied(source, staging) as copy:
            _check(copy, candidate.name)
            return int(copy.execute("SELECT count(*) FROM entries").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise InvalidInput(
            f"{candidate.name} cannot be read as a database ({exc}); it was not restored."
        ) from exc


def replace_contents(staging: Path, live: sqlite3.Connection) -> None:
    """Make the database behind `live` an exact copy of `staging`, through SQLite: the live
    file and its WAL stay paired, and other connections see the change as any other commit."""
    try:
        with closing(sqlite3.connect(staging, isolation_level=None)) as source:
            source.backup(live)
        live.execute("PRAGMA journal_mode = wal")
    except sqlite3.Error as exc:
        raise StorageError(
            f"The restore could not be written ({exc}); the database is as it was."
        ) from exc


def _check_header(candidate: Path) -> None:
    try:
        with open(candidate, "rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InvalidInput(f"Cannot read {candidate}: {exc.strerror or exc}.") from exc
    if header != SQLITE_HEADER:
        raise InvalidInput(
            f"{candidate.name} is not a VA Tracker database (it is not an SQLite file); "
            "nothing was changed. Choose a backup named like vatracker-…-daily.sqlite3."
        )


def _open_candidate(candidate: Path) -> sqlite3.Connection:
    """Read-only; a file kept in WAL mode without its -shm is read as it is on disk."""
    uri = candidate.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _check(copy: sqlite3.Connection, name: str) -> None:
    verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise InvalidInput(
            f"{name} is damaged (its integrity check says: {verdict}); it was not restored. "
            "Choose an older backup."
        )
    version = int(copy.execute("PRAGMA user_version").fetchone()[0])
    if version > LATEST_VERSION:
        raise InvalidInput(
            f"{name} was written by a newer VA Tracker (schema {version}); install the newer "
            "version to restore it. Nothing was changed."
        )
    if version < 1:
        raise InvalidInput(f"{name} is not a VA Tracker database; nothing was changed.")
    if version < LATEST_VERSION:
        from .migrations import migrate

        try:
            migrate(copy)
        except sqlite3.Error as exc:
            raise InvalidInput(
                f"{name} looks like an older VA Tracker database but could not be brought up "
                f"to date ({exc}); nothing was changed."
            ) from exc
    foreign = schema_of(copy) ^ reference_schema()
    if foreign:
        kind, object_name, _sql = sorted(foreign)[0]
        raise InvalidInput(
            f"{name} is not a plain VA Tracker database: its {kind} {object_name!r} differs "
            "from what VA Tracker makes. It was not restored, for safety."
        )
    problems = copy.execute("PRAGMA foreign_key_check").fetchmany(1)
    if problems:
        raise InvalidInput(
            f"{name} has rows that refer to missing ones ({problems[0][0]}); it was not restored."
        )


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    rows = conn.execute(
        f"SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE {_INTERNAL}"
    )
    return frozenset((str(kind), str(name), " ".join(str(sql).split())) for kind, name, sql in rows)


@lru_cache(maxsize=1)
def reference_schema() -> frozenset[tuple[str, str, str]]:
    """The schema a fresh database has after every migration."""
    from .migrations import migrate

    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        migrate(conn)
        return schema_of(conn)
