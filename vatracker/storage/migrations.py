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
from ..domain.colours import PALETTE

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


@migrations()
def m002_promises_own_hours_requests(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE clients ADD COLUMN colour TEXT NOT NULL DEFAULT '';
        ALTER TABLE clients ADD COLUMN response_minutes INTEGER
            CHECK (response_minutes IS NULL OR response_minutes > 0);

        -- Weekly windows, in the owner's zone: a client's availability, or (client_id NULL)
        -- the VA's own working hours. weekdays is a bit set, Monday = 1.
        CREATE TABLE windows (
            id INTEGER PRIMARY KEY,
            client_id INTEGER REFERENCES clients (id) ON DELETE CASCADE,
            weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
            overnight INTEGER NOT NULL DEFAULT 0 CHECK (overnight IN (0, 1))
        ) STRICT;
        CREATE INDEX windows_client ON windows (client_id);

        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
            task_type_id INTEGER NOT NULL REFERENCES task_types (id) ON DELETE RESTRICT,
            weekdays INTEGER NOT NULL CHECK (weekdays BETWEEN 1 AND 127),
            due_minute INTEGER NOT NULL CHECK (due_minute BETWEEN 1 AND 1440)
        ) STRICT;
        CREATE INDEX commitments_client ON commitments (client_id);
        CREATE INDEX commitments_task_type ON commitments (task_type_id);

        CREATE TABLE retainers (
            client_id INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
            included_minutes INTEGER NOT NULL CHECK (included_minutes >= 0),
            fee_minor INTEGER NOT NULL CHECK (fee_minor >= 0),
            overage_rate_minor INTEGER NOT NULL CHECK (overage_rate_minor >= 0)
        ) STRICT;

        -- Requests as they arrived; whether they came outside the client's windows or the
        -- VA's own hours is kept as it was then, whatever the promises become later.
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            received_utc INTEGER NOT NULL,
            received_offset INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'other')),
            note TEXT NOT NULL DEFAULT '',
            outside_client_windows INTEGER NOT NULL CHECK (outside_client_windows IN (0, 1)),
            outside_own_hours INTEGER NOT NULL CHECK (outside_own_hours IN (0, 1))
        ) STRICT;
        CREATE INDEX requests_client_time ON requests (client_id, received_utc);
        CREATE INDEX requests_time ON requests (received_utc);

        -- A starting point for the VA's own hours: Monday to Friday, 09:00 to 17:00.
        INSERT INTO windows (client_id, weekdays, start_minute, end_minute)
            VALUES (NULL, 31, 540, 1020);
        """
    )
    ids = [row[0] for row in db.conn.execute("SELECT id FROM clients ORDER BY id")]
    db.conn.executemany(
        "UPDATE clients SET colour = ? WHERE id = ?",
        [(PALETTE[index % len(PALETTE)], client_id) for index, client_id in enumerate(ids)],
    )
    _set_version(db, 2)


@migrations()
def m003_billing_and_invoices(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE clients ADD COLUMN billing_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE clients ADD COLUMN billing_address TEXT NOT NULL DEFAULT '';
        ALTER TABLE clients ADD COLUMN billing_email TEXT NOT NULL DEFAULT '';
        ALTER TABLE clients ADD COLUMN rounding TEXT NOT NULL DEFAULT 'none'
            CHECK (rounding IN ('none', '1', '6', '15'));
        ALTER TABLE clients ADD COLUMN trying_as_section INTEGER NOT NULL DEFAULT 1
            CHECK (trying_as_section IN (0, 1));
        ALTER TABLE clients ADD COLUMN tax_applicable INTEGER NOT NULL DEFAULT 1
            CHECK (tax_applicable IN (0, 1));
        ALTER TABLE retainers ADD COLUMN currency TEXT NOT NULL DEFAULT '';
        UPDATE retainers SET currency =
            (SELECT currency FROM clients WHERE clients.id = retainers.client_id);

        -- A client's own rate for a task type, in the client's currency when it was set.
        CREATE TABLE task_rates (
            client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
            task_type_id INTEGER NOT NULL REFERENCES task_types (id) ON DELETE CASCADE,
            rate_minor INTEGER NOT NULL CHECK (rate_minor >= 0),
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            PRIMARY KEY (client_id, task_type_id)
        ) STRICT;

        -- The last number given in each scope (a year, or 'all'): numbers are consecutive
        -- because the counter moves in the same transaction as the invoice is written.
        CREATE TABLE invoice_sequences (
            scope TEXT PRIMARY KEY,
            last INTEGER NOT NULL CHECK (last >= 0)
        ) STRICT;

        CREATE TABLE images (
            sha256 TEXT PRIMARY KEY,
            data BLOB NOT NULL
        ) STRICT;

        -- An issued invoice is a frozen snapshot (JSON): re-exported, it gives the same
        -- document whatever changes later. It is never deleted; a void one keeps its number.
        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number TEXT NOT NULL UNIQUE,
            client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            subtotal_minor INTEGER NOT NULL,
            tax_minor INTEGER NOT NULL,
            total_minor INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'paid', 'void')),
            paid_on TEXT,
            voided_on TEXT,
            snapshot TEXT NOT NULL,
            CHECK (total_minor = subtotal_minor + tax_minor),
            CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
            CHECK ((status = 'void') = (voided_on IS NOT NULL))
        ) STRICT;
        CREATE INDEX invoices_client ON invoices (client_id);

        -- Which entries an invoice covered (kept after a void, for the record).
        CREATE TABLE invoice_entries (
            invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
            entry_id INTEGER NOT NULL,
            PRIMARY KEY (invoice_id, entry_id)
        ) STRICT;

        -- The invoice that locks an entry (NULL: not billed, or its invoice was voided).
        ALTER TABLE entries ADD COLUMN invoice_id INTEGER REFERENCES invoices (id);
        CREATE INDEX entries_invoice ON entries (invoice_id);

        -- The locks live in the database itself, whatever path a change takes.
        CREATE TRIGGER invoiced_entry_is_kept
        BEFORE UPDATE OF client_id, task_type_id, start_utc, start_offset, end_utc, end_offset,
            zone, outcome, findings, note, billable ON entries
        WHEN OLD.invoice_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'locked: the entry is on an issued invoice');
        END;
        CREATE TRIGGER invoiced_entry_is_not_deleted
        BEFORE DELETE ON entries WHEN OLD.invoice_id IS NOT NULL
        BEGIN
            SELECT RAISE(ABORT, 'locked: the entry is on an issued invoice');
        END;
        CREATE TRIGGER invoice_is_never_deleted BEFORE DELETE ON invoices
        BEGIN
            SELECT RAISE(ABORT, 'an issued invoice is never deleted');
        END;
        CREATE TRIGGER invoice_is_frozen
        BEFORE UPDATE OF number, client_id, first_day, last_day, issued_on, due_on, currency,
            subtotal_minor, tax_minor, total_minor, snapshot ON invoices
        BEGIN
            SELECT RAISE(ABORT, 'an issued invoice cannot change');
        END;
        CREATE TRIGGER void_invoice_stays_void BEFORE UPDATE OF status ON invoices
        WHEN OLD.status = 'void'
        BEGIN
            SELECT RAISE(ABORT, 'a void invoice stays void');
        END;
        """
    )
    _set_version(db, 3)


@migrations()
def m004_entry_length_index(db: Database) -> None:
    """The longest entry, found at once: range queries then read entries by their start, from
    that far before the range, however old the range is."""
    db.executescript("CREATE INDEX entries_length ON entries (end_utc - start_utc);")
    _set_version(db, 4)


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
