"""Numbered schema migrations, applied when the database opens.

This module imports sqlite-utils, which is slow to import (it pulls numpy when numpy is
installed), so it is loaded only when the stored schema version says a migration is due.
Each migration ends by setting ``PRAGMA user_version`` to its number; the start path reads that
number with the standard library alone.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..domain.catalog import DEFAULT_TASK_TYPES

migrations = Migrations("vatracker")


@migrations()
def m001_clients_task_types_entries(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE clients (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            rate_minor INTEGER NOT NULL CHECK (rate_minor >= 0),
            timezone TEXT NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        ) STRICT;
        CREATE UNIQUE INDEX clients_name ON clients (name COLLATE NOCASE);

        CREATE TABLE task_types (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
        ) STRICT;
        CREATE UNIQUE INDEX task_types_name ON task_types (name COLLATE NOCASE);

        -- Instants are UTC seconds; offsets are the seconds east of UTC in force where the VA
        -- was, so `start_utc + start_offset` groups by the VA's local day in SQL.
        -- AUTOINCREMENT: an undone delete puts an entry back under its own id, which must
        -- not have been given to a newer entry meanwhile.
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            task_type_id INTEGER NOT NULL REFERENCES task_types (id) ON DELETE RESTRICT,
            start_utc INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_utc INTEGER,
            end_offset INTEGER,
            zone TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'done' CHECK (outcome IN ('done', 'trying')),
            findings TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
            heartbeat_utc INTEGER,
            CHECK (end_utc IS NULL OR end_utc >= start_utc),
            CHECK ((end_utc IS NULL) = (end_offset IS NULL)),
            CHECK (end_utc IS NULL OR heartbeat_utc IS NULL)
        ) STRICT;
        -- At most one running entry, enforced by the database itself.
        CREATE UNIQUE INDEX entries_one_running ON entries ((end_utc IS NULL))
            WHERE end_utc IS NULL;
        CREATE INDEX entries_start ON entries (start_utc);
        CREATE INDEX entries_end ON entries (end_utc);
        CREATE INDEX entries_client ON entries (client_id);
        CREATE INDEX entries_task_type ON entries (task_type_id);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """
    )
    db.conn.executemany(
        "INSERT INTO task_types (name, billable) VALUES (?, ?)",
        [(name, int(billable)) for name, billable in DEFAULT_TASK_TYPES],
    )
    _set_version(db, 1)


def _set_version(db: Database, version: int) -> None:
    db.conn.execute(f"PRAGMA user_version = {int(version)}")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every pending migration, all in one transaction that other processes wait for."""
    db = sqlite_utils.Database(conn, execute_plugins=False)
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
