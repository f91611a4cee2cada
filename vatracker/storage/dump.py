"""Every application table as rows of plain values, and back: the SQL under the full export.

The tables are read from the schema itself and ordered so that each comes after the tables its
foreign keys point to. A table added by a later migration is therefore exported and read back
without anyone having to remember this module.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from graphlib import TopologicalSorter
from typing import Generic, TypeVar

from .database import Database

#: sqlite-utils' record of the migrations applied: the schema number stands for it, and the
#: database an export is read into keeps its own.
NOT_EXPORTED = frozenset({"_sqlite_migrations"})

#: The tables whose rows only the VA can have created; a database with none is "empty", whatever
#: a new database starts with (task types, own hours, settings).
USER_DATA = ("clients", "entries", "invoices", "requests")

_SEQUENCE_TABLE = "sqlite_sequence"

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """A table as the export sees it: its name, its insertable columns, which hold bytes."""

    name: str
    columns: tuple[str, ...]
    blob_columns: frozenset[str]


class RowRefused(Exception):
    """SQLite refused one row of a table being read in; `number` counts from 1."""

    def __init__(self, table: str, number: int, reason: str) -> None:
        super().__init__(f"{table} row {number}: {reason}")
        self.table = table
        self.number = number
        self.reason = reason


def quote(name: str) -> str:
    """An identifier quoted for SQL; names are checked against the schema before use anyway."""
    return '"' + name.replace('"', '""') + '"'


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def tables(conn: sqlite3.Connection) -> list[Table]:
    """Every application table, each after the tables it refers to (parents first)."""
    names = sorted(
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not row[0].startswith("sqlite_") and row[0] not in NOT_EXPORTED
    )
    parents = {name: sorted(_parents(conn, name) - {name}) for name in names}
    return [_table(conn, name) for name in TopologicalSorter(parents).static_order()]


def _parents(conn: sqlite3.Connection, name: str) -> set[str]:
    return {
        row[0] for row in conn.execute('SELECT "table" FROM pragma_foreign_key_list(?)', (name,))
    }


def _table(conn: sqlite3.Connection, name: str) -> Table:
    # table_info leaves out generated columns, which cannot be inserted.
    described = conn.execute("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", (name,))
    columns = [(row[0], str(row[1]).upper()) for row in described]
    return Table(
        name=name,
        columns=tuple(column for column, _ in columns),
        blob_columns=frozenset(column for column, kind in columns if kind == "BLOB"),
    )


@contextmanager
def snapshot(db: Database) -> Iterator[sqlite3.Connection]:
    """One read transaction, so every table is read as it stood at one moment while the window
    or the command line keep writing (WAL lets both go on)."""
    with db.reading() as conn:
        if conn.in_transaction:
            raise RuntimeError("a snapshot cannot be taken inside a transaction")
        conn.execute("BEGIN DEFERRED")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")


def rows(conn: sqlite3.Connection, table: Table) -> Iterator[sqlite3.Row]:
    """The rows of `table` in storage order, read lazily (a million entries never sit in memory)."""
    columns = ", ".join(quote(column) for column in table.columns)
    yield from conn.execute(f"SELECT {columns} FROM {quote(table.name)} ORDER BY rowid")


def sequences(conn: sqlite3.Connection) -> dict[str, int]:
    """The last id given in each AUTOINCREMENT table, which can be above the largest id kept."""
    if not _has_table(conn, _SEQUENCE_TABLE):
        return {}
    return {
        str(name): int(seq) for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence")
    }


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def user_data(conn: sqlite3.Connection) -> dict[str, int]:
    """How many rows each table of `USER_DATA` holds, for the tables that hold any."""
    counts = {
        name: int(conn.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0])
        for name in USER_DATA
    }
    return {name: count for name, count in counts.items() if count}


def clear(conn: sqlite3.Connection, chosen: Sequence[Table]) -> None:
    """Delete every row of `chosen` (given parents first), children first.

    Only for a database without user data: its invoices table is empty, so the trigger that
    forbids deleting an invoice has no row to fire on.
    """
    for table in reversed(chosen):
        conn.execute(f"DELETE FROM {quote(table.name)}")


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], values: Iterable[Sequence[object]]
) -> int:
    """Insert rows as given (ids included) and return how many; a refused row raises
    `RowRefused` with its number, and with the missing parent when a reference is broken."""
    numbered = Counted(values)
    marks = ", ".join("?" * len(columns))
    names = ", ".join(quote(column) for column in columns)
    try:
        conn.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", numbered)
    except (sqlite3.Error, OverflowError) as exc:
        reason = str(exc)
        if isinstance(exc, sqlite3.IntegrityError) and "FOREIGN KEY" in reason:
            reason = _missing_parent(conn, table, columns, numbered.last or ()) or reason
        raise RowRefused(table, numbered.count, reason) from exc
    return numbered.count


class Counted(Generic[T]):
    """Items passed through one at a time while counting them. executemany takes one row and
    runs it before taking the next, so when it fails, `last` is the row refused."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self.count = 0
        self.last: T | None = None

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        self.last = next(self._items)
        self.count += 1
        return self.last


def _missing_parent(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], row: Sequence[object]
) -> str | None:
    """Which reference of `row` points nowhere, in words ("client_id 99 is not in clients")."""
    keys = conn.execute(
        'SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)', (table,)
    ).fetchall()
    for parent, column, target in keys:
        if column not in columns:
            continue
        value = row[columns.index(column)]
        if value is None:
            continue
        found = conn.execute(
            f"SELECT 1 FROM {quote(parent)} WHERE {quote(target or 'rowid')} = ?", (value,)
        ).fetchone()
        if found is None:
            return f"its {column} {value!r} is not in {parent}"
    return None


def restore_sequences(conn: sqlite3.Connection, wanted: Mapping[str, int]) -> None:
    """Put back the last id given in each AUTOINCREMENT table, never lowering one, so an id that
    was ever used (by an entry since deleted) is not given again."""
    for name, last in wanted.items():
        updated = conn.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (last, name)
        )
        if updated.rowcount == 0:
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, last))


def staging(schema: int) -> sqlite3.Connection:
    """An empty database in memory at an older `schema`, to load a document of that schema as
    it was before `upgrade` brings it to the current one like any database file."""
    import sqlite_utils  # slow to import: only older documents need it

    from .migrations import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before=migrations.pending(db)[schema].name)
    return conn


def upgrade(conn: sqlite3.Connection) -> None:
    from .migrations import migrate

    migrate(conn)


def broken_references(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Rows whose references point nowhere, in words; empty when the data holds together."""
    found = conn.execute("PRAGMA foreign_key_check").fetchmany(limit)
    return [
        f"{table} rowid {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _ in found
    ]
