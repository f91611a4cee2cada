"""Everything the VA has, out as one JSON document and as CSV files, and that document read back.

The JSON document holds every table, every column and every id, so reading it into an empty
database gives the same data, invoices and locks included. The CSV files are for people and
spreadsheets: names instead of ids, dates and amounts as text, no cell that can run as a formula.
Every file is written whole or not at all, and one read transaction makes all of them agree.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeGuard

from .. import __version__
from ..clock import Clock
from ..domain.errors import ImportFileError, StorageError
from ..domain.invoicing import hours_of
from ..domain.money import from_minor
from ..domain.weekly import WeeklyWindow, format_clock, format_weekdays
from ..reports.csv_safe import write_csv
from ..reports.entry_records import COLUMNS as ENTRY_COLUMNS
from ..reports.entry_records import EntryRecords, iso_at_offset
from ..safe_files import make_private_folder, replaced_when_complete
from ..storage import catalog as catalog_table
from ..storage import dump
from ..storage import entries as entries_table
from ..storage import promises as promises_table
from ..storage.database import Database
from ..storage.schema import LATEST_VERSION
from .settings import SettingsService

FORMAT = "vatracker-export"
#: The full export's name inside an export folder.
EXPORT_DOCUMENT = "vatracker-export.json"
FORMAT_VERSION = 1

_ONE = {"clients": "client", "entries": "entry", "invoices": "invoice", "requests": "request"}

Record = Mapping[str, object]


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote (or an import read): the files, and the rows per table or file."""

    paths: tuple[Path, ...]
    counts: Mapping[str, int] = field(default_factory=dict)


class ExportService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    # The JSON document ------------------------------------------------------------------------

    def export_json(self, path: Path) -> ExportSummary:
        """Write the whole database to `path`; an earlier file of that name stays until the new
        one is complete."""
        with dump.snapshot(self._db) as conn:
            return self._write_json(conn, path)

    def export_folder(self, folder: Path) -> ExportSummary:
        """Every CSV file and the JSON document in `folder`, all from one read of the data."""
        with dump.snapshot(self._db) as conn:
            csv_files = self._write_csv(conn, folder)
            document = self._write_json(conn, folder / EXPORT_DOCUMENT)
        return replace(csv_files, paths=(*csv_files.paths, *document.paths))

    def _write_json(self, conn: sqlite3.Connection, path: Path) -> ExportSummary:
        with replaced_when_complete(path) as stream:
            counts = _write_document(stream, conn, self._header(conn))
        return ExportSummary((path,), counts)

    def _header(self, conn: sqlite3.Connection) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "schema": dump.schema_version(conn),
            "app_version": __version__,
            "exported_at": datetime.fromtimestamp(self._clock.now(), UTC).isoformat(),
            "sequences": dump.sequences(conn),
        }

    def import_document(self, path: Path) -> ExportSummary:
        """Read a full export into this database, which must hold no data of the VA's own yet.

        Everything is written in one transaction: a bad row, a broken reference or a full disk
        leaves the database exactly as it was. A document of an older schema is first loaded as
        it was and upgraded by the migrations, so it arrives as that data would have.
        """
        source = path.name
        with self._db.reading() as conn:
            _refuse_unless_empty(conn)
            current = dump.tables(conn)
        document, schema = _checked_header(_load(path), source)
        if schema == LATEST_VERSION:
            incoming, sequences = _checked_tables(document, current, source)
            return ExportSummary((path,), self._fill(incoming, sequences, source))
        with closing(_upgraded(document, schema, source)) as staged:
            incoming = [
                _Incoming(table, table.columns, map(tuple, dump.rows(staged, table)))
                for table in current
            ]
            return ExportSummary((path,), self._fill(incoming, dump.sequences(staged), source))

    def _fill(
        self, incoming: Sequence[_Incoming], sequences: Mapping[str, int], source: str
    ) -> dict[str, int]:
        with self._db.transaction() as conn:
            _refuse_unless_empty(conn)
            return _fill(conn, incoming, sequences, source)

    # The CSV files ----------------------------------------------------------------------------

    def export_csv(self, folder: Path) -> ExportSummary:
        """Write one CSV file per kind of data into `folder` (created, private, if missing)."""
        with dump.snapshot(self._db) as conn:
            return self._write_csv(conn, folder)

    def _write_csv(self, conn: sqlite3.Connection, folder: Path) -> ExportSummary:
        _make_folder(folder)
        written: list[Path] = []
        counts: dict[str, int] = {}
        records = _Records(conn, self._clock.now())
        for name, columns, read in CSV_FILES:
            path = folder / name
            rows = dump.Counted(read(records))
            try:
                with replaced_when_complete(path) as stream:
                    write_csv(stream, columns, rows)
            except StorageError as exc:
                raise StorageError(f"{exc} {_csv_progress(written, name)}") from exc
            written.append(path)
            counts[path.stem] = rows.count
        return ExportSummary(tuple(written), counts)


# Writing files whole -----------------------------------------------------------------------------


def _make_folder(folder: Path) -> None:
    """Create the export folder readable by its owner only; an existing folder is left as is."""
    if folder.is_dir():
        return
    try:
        make_private_folder(folder)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder {folder}: {exc.strerror or exc}.") from exc


def _csv_progress(written: Sequence[Path], failed: str) -> str:
    done = ", ".join(path.name for path in written)
    before = f"{done} were written in full; " if done else ""
    return f"{before}{failed} and the files after it were not written."


# The document, out ------------------------------------------------------------------------------


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _write_document(
    stream: IO[str], conn: sqlite3.Connection, header: Mapping[str, object]
) -> dict[str, int]:
    """The document, one row per line, each row written as it is read."""
    stream.write("{\n")
    for key, value in header.items():
        stream.write(f"{_json(key)}: {_json(value)},\n")
    stream.write('"tables": {')
    counts: dict[str, int] = {}
    for index, table in enumerate(dump.tables(conn)):
        blobs = [column for column in table.columns if column in table.blob_columns]
        stream.write(",\n" if index else "\n")
        stream.write(
            f'{_json(table.name)}: {{"columns": {_json(table.columns)}, '
            f'"blob_columns": {_json(blobs)}, "rows": ['
        )
        counts[table.name] = _write_rows(stream, table, dump.rows(conn, table))
        stream.write("\n]}")
    stream.write("\n}\n}\n")
    return counts


def _write_rows(stream: IO[str], table: dump.Table, rows: Iterable[sqlite3.Row]) -> int:
    positions = [i for i, column in enumerate(table.columns) if column in table.blob_columns]
    count = 0
    for row in rows:
        cells: list[Any] = list(row)
        for i in positions:
            if cells[i] is not None:
                cells[i] = base64.b64encode(cells[i]).decode("ascii")
        stream.write(("," if count else "") + "\n" + _json(cells))
        count += 1
    return count


# The document, in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Incoming:
    """One table to read in: its columns, and its rows as values, produced (and checked) lazily."""

    table: dump.Table
    columns: tuple[str, ...]
    values: Iterable[Sequence[object]]


def _refused(source: str, reason: str) -> ImportFileError:
    return ImportFileError(f"Cannot import {source}: {reason}. Nothing was imported.")


def _load(path: Path) -> object:
    """The parsed document; a file that is not UTF-8 JSON gets a message saying so."""
    text = _text(path)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        if _cut_short(text, exc.pos):
            raise _refused(
                path.name, "the file ends too early (it was cut off, or is still being copied)"
            ) from None
        raise _refused(
            path.name,
            f"it is not a VA Tracker full export (not valid JSON at line {exc.lineno}, "
            f"column {exc.colno}: {exc.msg})",
        ) from None
    except (ValueError, RecursionError) as exc:
        raise _refused(path.name, f"it is not a VA Tracker full export ({exc})") from None


def _cut_short(text: str, error_at: int) -> bool:
    """Whether a document that opened fails on its last line and never closes: a copy cut off
    by a full disk or an interrupted transfer, rather than some other file."""
    whole = text.strip()
    rest = text[error_at:].strip()
    return whole.startswith("{") and not whole.endswith("}") and "\n" not in rest


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refused(
            path.name,
            f"it is not UTF-8 text (byte {exc.start} cannot be read), so it is not a VA Tracker "
            "full export",
        ) from None


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a value a VA Tracker export contains")


def _refuse_unless_empty(conn: sqlite3.Connection) -> None:
    found = dump.user_data(conn)
    if found:
        has = ", ".join(
            f"{count} {_ONE.get(name, name) if count == 1 else name}"
            for name, count in found.items()
        )
        raise ImportFileError(
            "VA Tracker's full export can only be read into an empty database: this one has "
            f"{has}; to merge entries, import the entries.csv file instead (or choose a new, "
            "empty data folder to read the full export into). Nothing was imported."
        )


def _checked_header(document: object, source: str) -> tuple[dict[str, Any], int]:
    """The document and its schema number, if it is a full export this version can read."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refused(source, f'it is not a VA Tracker full export (no "format": "{FORMAT}")')
    version = document.get("version")
    if not _is_int(version) or version != FORMAT_VERSION:
        raise _refused(
            source, f"it is export format version {version!r}; this VA Tracker reads version 1"
        )
    return document, _schema(document.get("schema"), source)


def _checked_tables(
    document: Mapping[str, Any], schema_tables: Sequence[dump.Table], source: str
) -> tuple[list[_Incoming], dict[str, int]]:
    """The document's tables in the order they can be inserted, and its id sequences; a table
    or column the schema lacks, or a table missing from the document, is refused here."""
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _refused(source, 'it has no "tables"')
    known = {table.name: table for table in schema_tables}
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise _refused(source, f"it has a table {unknown[0]!r}, which VA Tracker does not have")
    missing = [name for name in known if name not in tables]
    if missing:
        raise _refused(source, f"the table {missing[0]!r} is missing from it")
    incoming = [_incoming(table, tables[table.name], source) for table in schema_tables]
    return incoming, _sequences(document.get("sequences", {}), known, source)


def _upgraded(document: Mapping[str, Any], schema: int, source: str) -> sqlite3.Connection:
    """The document loaded into a database in memory at its own schema, then upgraded by the
    migrations that upgrade a database file, which fill what later versions added."""
    staged = dump.staging(schema)
    try:
        incoming, sequences = _checked_tables(document, dump.tables(staged), source)
        _fill(staged, incoming, sequences, source)
        dump.upgrade(staged)
    except sqlite3.Error as exc:
        staged.close()
        raise _refused(source, f"its schema-{schema} data could not be upgraded ({exc})") from exc
    except BaseException:
        staged.close()
        raise
    return staged


def _fill(
    conn: sqlite3.Connection,
    incoming: Sequence[_Incoming],
    sequences: Mapping[str, int],
    source: str,
) -> dict[str, int]:
    """Replace the rows of the incoming tables with theirs, ids and id sequences included."""
    dump.clear(conn, [item.table for item in incoming])
    counts = {item.table.name: _insert(conn, item, source) for item in incoming}
    dump.restore_sequences(conn, sequences)
    broken = dump.broken_references(conn)
    if broken:
        raise _refused(source, "; ".join(broken))
    return counts


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _schema(value: object, source: str) -> int:
    if not _is_int(value) or value < 1:
        raise _refused(source, f'its "schema" is {value!r}, not a schema number')
    if value > LATEST_VERSION:
        raise _refused(
            source,
            f"it was written by a newer VA Tracker (schema {value}; this version knows up to "
            f"{LATEST_VERSION}); install the newer version to read it",
        )
    return value


def _incoming(table: dump.Table, spec: object, source: str) -> _Incoming:
    """One table of the document, with exactly the columns of its schema; its rows are
    checked as they are inserted."""
    name = table.name
    if not isinstance(spec, dict):
        raise _refused(source, f"the table {name!r} is not written as columns and rows")
    columns, rows = spec.get("columns"), spec.get("rows")
    if (
        not isinstance(columns, list)
        or not all(isinstance(column, str) for column in columns)
        or len(set(columns)) != len(columns)
        or not isinstance(rows, list)
    ):
        raise _refused(source, f"the table {name!r} needs a list of columns and a list of rows")
    unknown = [column for column in columns if column not in table.columns]
    if unknown:
        raise _refused(source, f"this version has no column {unknown[0]!r} in the table {name!r}")
    missing = [column for column in table.columns if column not in columns]
    if missing:
        raise _refused(source, f"the column {missing[0]!r} of the table {name!r} is missing")
    blobs = spec.get("blob_columns", [])
    if not isinstance(blobs, list) or set(blobs) != table.blob_columns & set(columns):
        expected = sorted(table.blob_columns & set(columns))
        raise _refused(source, f'the "blob_columns" of the table {name!r} should be {expected}')
    return _Incoming(table, tuple(columns), _cells(table, tuple(columns), rows, source))


def _sequences(value: object, known: Mapping[str, dump.Table], source: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise _refused(source, 'its "sequences" are not a table of names and numbers')
    for name, last in value.items():
        if name not in known:
            raise _refused(
                source, f"it keeps an id sequence for {name!r}, a table this version lacks"
            )
        if not _is_int(last) or last < 0:
            raise _refused(source, f"the id sequence of {name!r} is {last!r}, not a whole number")
    return dict(value)


def _insert(conn: sqlite3.Connection, item: _Incoming, source: str) -> int:
    try:
        return dump.insert_rows(conn, item.table.name, item.columns, item.values)
    except dump.RowRefused as exc:
        raise _refused(source, f"table {exc.table}, row {exc.number}: {exc.reason}") from None


def _cells(
    table: dump.Table, columns: tuple[str, ...], rows: list[Any], source: str
) -> Iterator[list[object]]:
    """Each row as values SQLite can store (bytes for base64 BLOB cells), checked as it goes."""
    width = len(columns)
    blobs = [i for i, column in enumerate(columns) if column in table.blob_columns]
    for number, row in enumerate(rows, start=1):
        where = f"table {table.name}, row {number}"
        if not isinstance(row, list) or len(row) != width:
            size = len(row) if isinstance(row, list) else "no list of"
            raise _refused(source, f"{where} has {size} values for {width} columns")
        for column, cell in zip(columns, row, strict=True):
            if not _is_cell(cell):
                raise _refused(source, f"{where}: {column} is {cell!r}, not text, a number or null")
        values: list[object] = list(row)
        for i in blobs:
            values[i] = _blob(values[i], f"{where}: {columns[i]}", source)
        yield values


def _is_cell(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return value is None or isinstance(value, str) or _is_int(value)


def _blob(value: object, where: str, source: str) -> bytes | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raise _refused(source, f"{where} is not base64 data") from None


# The CSV files ----------------------------------------------------------------------------------


class _Records:
    """The rows of each CSV file, read from one snapshot, with clients and tasks by name."""

    def __init__(self, conn: sqlite3.Connection, now: int) -> None:
        self._conn = conn
        self._now = now
        self._tables = {table.name: table for table in dump.tables(conn)}
        self._clients = catalog_table.clients(conn)
        self._tasks = catalog_table.task_types(conn)
        self._client_names = {client.id: client.name for client in self._clients}
        self._task_names = {task.id: task.name for task in self._tasks}

    def _rows(self, name: str) -> Iterator[sqlite3.Row]:
        return dump.rows(self._conn, self._tables[name])

    def clients(self) -> Iterator[Record]:
        for row in self._rows("clients"):
            record = {column: row[column] for column in CLIENT_TEXT_COLUMNS}
            flags = {column: bool(row[column]) for column in CLIENT_FLAG_COLUMNS}
            yield record | flags | {"rate": _amount(row["rate_minor"], row["currency"])}

    def task_types(self) -> Iterator[Record]:
        for task in self._tasks:
            yield {"name": task.name, "billable": task.billable, "archived": task.archived}

    def entries(self) -> Iterator[Record]:
        renderer = EntryRecords(self._clients, self._tasks)
        for entry in entries_table.starting_between(self._conn, None, None):
            yield renderer.record(entry, self._now)

    def windows(self) -> Iterator[Record]:
        for window in promises_table.windows(self._conn, None):
            yield _window("own hours", "", window)
        by_client = promises_table.windows_by_client(self._conn)
        for client in self._clients:
            for window in by_client.get(client.id, ()):
                yield _window("client availability", client.name, window)

    def commitments(self) -> Iterator[Record]:
        by_client = promises_table.commitments_by_client(self._conn)
        for client in self._clients:
            for commitment in by_client.get(client.id, ()):
                yield {
                    "client": client.name,
                    "task": self._task_names.get(commitment.task_type_id, "?"),
                    "weekdays": format_weekdays(commitment.weekdays),
                    "due": format_clock(commitment.due_minute),
                }

    def retainers(self) -> Iterator[Record]:
        for row in self._rows("retainers"):
            yield {
                "client": self._client_names.get(row["client_id"], "?"),
                "included_hours": str(hours_of(row["included_minutes"] * 60)),
                "fee": _amount(row["fee_minor"], row["currency"]),
                "overage_rate": _amount(row["overage_rate_minor"], row["currency"]),
                "currency": row["currency"],
            }

    def task_rates(self) -> Iterator[Record]:
        for row in self._rows("task_rates"):
            yield {
                "client": self._client_names.get(row["client_id"], "?"),
                "task": self._task_names.get(row["task_type_id"], "?"),
                "rate": _amount(row["rate_minor"], row["currency"]),
                "currency": row["currency"],
            }

    def requests(self) -> Iterator[Record]:
        for row in self._rows("requests"):
            yield {
                "client": self._client_names.get(row["client_id"], "?"),
                "received": iso_at_offset(row["received_utc"], row["received_offset"]),
                "channel": row["channel"],
                "note": row["note"],
                "outside_client_windows": bool(row["outside_client_windows"]),
                "outside_own_hours": bool(row["outside_own_hours"]),
            }

    def invoices(self) -> Iterator[Record]:
        for row in self._rows("invoices"):
            currency = row["currency"]
            yield {column: row[column] for column in INVOICE_TEXT_COLUMNS} | {
                "client": self._client_names.get(row["client_id"], "?"),
                "subtotal": _amount(row["subtotal_minor"], currency),
                "tax": _amount(row["tax_minor"], currency),
                "total": _amount(row["total_minor"], currency),
            }

    def settings(self) -> Iterator[Record]:
        for row in self._rows("settings"):
            yield {"key": row["key"], "value": row["value"]}


def _amount(units: int, currency: str) -> str:
    """An amount as plain decimal text in its currency's unit ("1234.50"), never a float."""
    return f"{from_minor(units, currency):f}"


def _window(kind: str, client: str, window: WeeklyWindow) -> Record:
    return {
        "kind": kind,
        "client": client,
        "weekdays": format_weekdays(window.weekdays),
        "start": format_clock(window.start_minute),
        "end": format_clock(window.end_minute),
        "ends_next_day": window.overnight,
    }


#: Client columns copied as stored, and those shown as true or false.
CLIENT_TEXT_COLUMNS = (
    "name",
    "currency",
    "timezone",
    "colour",
    "response_minutes",
    "billing_name",
    "billing_address",
    "billing_email",
    "rounding",
)
CLIENT_FLAG_COLUMNS = ("archived", "trying_as_section", "tax_applicable")
CLIENT_COLUMNS = (*CLIENT_TEXT_COLUMNS[:2], "rate", *CLIENT_TEXT_COLUMNS[2:], *CLIENT_FLAG_COLUMNS)

#: Invoice columns copied as stored (dates are ISO text already).
INVOICE_TEXT_COLUMNS = (
    "number",
    "first_day",
    "last_day",
    "issued_on",
    "due_on",
    "currency",
    "status",
    "paid_on",
    "voided_on",
)
INVOICE_COLUMNS = (
    "number",
    "client",
    *INVOICE_TEXT_COLUMNS[1:6],
    "subtotal",
    "tax",
    "total",
    *INVOICE_TEXT_COLUMNS[6:],
)

#: Each CSV file: its name, its columns, and where its rows come from.
CSV_FILES: tuple[tuple[str, tuple[str, ...], Callable[[_Records], Iterable[Record]]], ...] = (
    ("clients.csv", CLIENT_COLUMNS, _Records.clients),
    ("task_types.csv", ("name", "billable", "archived"), _Records.task_types),
    ("entries.csv", ENTRY_COLUMNS, _Records.entries),
    (
        "windows.csv",
        ("kind", "client", "weekdays", "start", "end", "ends_next_day"),
        _Records.windows,
    ),
    ("commitments.csv", ("client", "task", "weekdays", "due"), _Records.commitments),
    (
        "retainers.csv",
        ("client", "included_hours", "fee", "overage_rate", "currency"),
        _Records.retainers,
    ),
    ("task_rates.csv", ("client", "task", "rate", "currency"), _Records.task_rates),
    (
        "requests.csv",
        ("client", "received", "channel", "note", "outside_client_windows", "outside_own_hours"),
        _Records.requests,
    ),
    ("invoices.csv", INVOICE_COLUMNS, _Records.invoices),
    ("settings.csv", ("key", "value"), _Records.settings),
)
