"""Importing other trackers' time entries: a plan to preview, then all of it in one transaction.

Rows stream from the file twice (once for the preview, once to write), so memory stays bounded
by the names in the file, not its rows. Every row becomes an entry for one VA Tracker client and
task type, matched by name or created; wall times are read in the zone the VA names and stored
as UTC instants. An entry already there (same client, task, start and end) is skipped, so
importing a file twice adds nothing the second time.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from ..clock import Clock
from ..domain.backup_policy import BackupKind
from ..domain.catalog import Client, TaskType
from ..domain.colours import next_colour
from ..domain.currencies import MINOR_DIGITS
from ..domain.entries import LONG_ENTRY_SECONDS, Entry, Outcome
from ..domain.errors import ImportFileError, NeedsConfirmation
from ..domain.money import to_minor
from ..domain.text import check_name
from ..domain.zones import Instant, instant_of, offset_at, zone
from ..importing import MAX_PLAIN_SIZE, DateOrder, Format, ImportSource, SourceRow
from ..storage import catalog as catalog_table
from ..storage import entries as entries_table
from ..storage.database import Database
from ..storage.entries import longest_seconds
from .backups import BackupService
from .settings import SettingsService

DEFAULT_TASK = "General"
NO_CLIENT = "No client"
SAMPLE_ROWS = 12


@dataclass(frozen=True)
class ImportOptions:
    format: Format | None = None
    timezone: str | None = None  # default: the VA's zone
    date_order: DateOrder | None = None
    allow_large: bool = False  # a file over 50 MB
    allow_long: bool = False  # entries over 24 hours
    #: A name in the file → the VA Tracker client or task type it goes to (else the same name).
    client_names: dict[str, str] = field(default_factory=dict)
    task_names: dict[str, str] = field(default_factory=dict)

    def confirmed(self, option: str) -> ImportOptions:
        """These options with the VA's yes to a NeedsConfirmation's `option`."""
        return replace(
            self,
            allow_large=self.allow_large or option == "allow_large",
            allow_long=self.allow_long or option == "allow_long",
        )


@dataclass(frozen=True)
class Mapping:
    source: str
    target: str
    exists: bool
    rows: int


@dataclass(frozen=True)
class SampleRow:
    line: int
    start: Instant
    end: Instant
    client: str
    task: str
    note: str


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until it is carried out."""

    path: Path
    format: Format
    zone: str
    notes: list[str]
    rows: int = 0
    new_entries: int = 0
    already_there: int = 0
    overlapping: int = 0
    seconds: int = 0
    first: Instant | None = None
    last: Instant | None = None
    clients: list[Mapping] = field(default_factory=list)
    tasks: list[Mapping] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sample: list[SampleRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Entry:
    line: int
    client_source: str  # the names in the file
    task_source: str
    client: str  # the VA Tracker names they go to
    task: str
    start: Instant
    start_offset: int
    end: Instant
    end_offset: int
    zone: str
    billable: bool | None
    outcome: str
    findings: str
    note: str
    currency: str | None
    rate: Decimal | None


class ImportService:
    def __init__(
        self, db: Database, clock: Clock, settings: SettingsService, backups: BackupService
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._backups = backups

    def plan(self, path: Path, options: ImportOptions | None = None) -> ImportPlan:
        """Read the whole file and say what importing it would do; raises on the first bad row
        (ImportFileError) or when something needs the VA's yes (NeedsConfirmation)."""
        options = options or ImportOptions()
        source, tz = self._open(path, options)
        with self._db.reading() as conn:
            return self._walk(conn, source, tz, options, write=False)

    def run(self, path: Path, options: ImportOptions | None = None) -> ImportPlan:
        """Import the file in one pass: every new entry or none. A backup is taken first."""
        options = options or ImportOptions()
        source, tz = self._open(path, options)
        self._backups.back_up(BackupKind.BEFORE_IMPORT)
        with self._db.transaction() as conn:
            return self._walk(conn, source, tz, options, write=True)

    def _walk(
        self,
        conn: sqlite3.Connection,
        source: ImportSource,
        tz: ZoneInfo,
        options: ImportOptions,
        *,
        write: bool,
    ) -> ImportPlan:
        """Every row of the file, counted for the plan and, if `write`, inserted."""
        plan = ImportPlan(source.path, source.format, tz.key, list(source.notes))
        client_rows: Counter[tuple[str, str]] = Counter()
        task_rows: Counter[tuple[str, str]] = Counter()
        seen: set[int] = set()
        long_lines: list[int] = []
        now = self._clock.now()
        known = _Known(conn)
        writer = _Writer(conn, tz, known) if write else None
        longest = longest_seconds(conn)
        for entry in _entries(source, tz, options, plan.warnings):
            plan.rows += 1
            if entry.start > now:
                raise ImportFileError(
                    f"Line {entry.line} starts in the future ({_utc_text(entry.start)} UTC). "
                    "Check the file's dates, and the date order chosen for it."
                )
            client_rows[(entry.client_source, entry.client)] += 1
            task_rows[(entry.task_source, entry.task)] += 1
            if entry.end - entry.start > LONG_ENTRY_SECONDS:
                long_lines.append(entry.line)
            key = hash((entry.client.lower(), entry.task.lower(), entry.start, entry.end))
            if key in seen or known.has(conn, entry):
                plan.already_there += 1
                continue
            seen.add(key)
            plan.new_entries += 1
            plan.seconds += entry.end - entry.start
            plan.first = min(plan.first or entry.start, entry.start)
            plan.last = max(plan.last or entry.end, entry.end)
            if _overlaps(conn, entry, longest):
                plan.overlapping += 1
            if len(plan.sample) < SAMPLE_ROWS:
                plan.sample.append(
                    SampleRow(
                        entry.line, entry.start, entry.end, entry.client, entry.task, entry.note
                    )
                )
            if writer is not None:
                writer.add(entry)
        if long_lines and not options.allow_long:
            raise NeedsConfirmation(
                f"{len(long_lines)} entr{'y is' if len(long_lines) == 1 else 'ies are'} over 24 "
                f"hours long (first on line {long_lines[0]}). Check them in the file; import "
                "anyway only if they are right (--allow-long).",
                option="allow_long",
            )
        if plan.rows == 0:
            raise ImportFileError(f"{source.path.name} has a header but no time entries.")
        plan.clients = [
            Mapping(source_name, target, known.client(target) is not None, count)
            for (source_name, target), count in client_rows.most_common()
        ]
        plan.tasks = [
            Mapping(source_name, target, known.task(target) is not None, count)
            for (source_name, target), count in task_rows.most_common()
        ]
        return plan

    def _open(self, path: Path, options: ImportOptions) -> tuple[ImportSource, ZoneInfo]:
        tz = zone(options.timezone) if options.timezone else self._settings.va_zone()
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        if size > MAX_PLAIN_SIZE and not options.allow_large:
            raise NeedsConfirmation(
                f"{path.name} is {size / 1024**2:,.0f} MB, larger than any usual export. "
                "Import it anyway only if it is the right file (--allow-large).",
                option="allow_large",
            )
        return ImportSource.open(path, options.format, options.date_order), tz


def _entries(
    source: ImportSource, tz: ZoneInfo, options: ImportOptions, warnings: list[str]
) -> Iterator[_Entry]:
    """The file's rows as entries for VA Tracker's names, in UTC."""
    for row in source.rows():
        client_source = row.client or row.project or NO_CLIENT
        task_source = row.task or (row.project if row.client else "") or DEFAULT_TASK
        start, start_offset = _instant(row, row.start, tz, warnings)
        if row.end is not None:
            end, end_offset = _instant(row, row.end, tz, warnings)
        else:
            end = start + row.duration_seconds
            end_offset = start_offset if row.start.tzinfo else offset_at(tz, end)
        if end < start:
            raise ImportFileError(
                f"Line {row.line} ends before it starts once read in {tz.key} (the clocks "
                "changed in between?). Check the row, or choose the zone the file was exported in."
            )
        note = " ".join(part for part in (row.description, _tags(row)) if part)
        yield _Entry(
            row.line,
            client_source,
            task_source,
            options.client_names.get(client_source, client_source).strip(),
            options.task_names.get(task_source, task_source).strip(),
            start,
            start_offset,
            end,
            end_offset,
            tz.key,
            row.billable,
            row.outcome,
            row.findings,
            note,
            row.currency if row.currency in MINOR_DIGITS else None,
            row.rate,
        )


def _utc_text(instant: Instant) -> str:
    return datetime.fromtimestamp(instant, UTC).strftime("%Y-%m-%d %H:%M")


def _tags(row: SourceRow) -> str:
    return " ".join(f"#{tag.replace(' ', '-')}" for tag in row.tags)


def _instant(
    row: SourceRow, wall: datetime, tz: ZoneInfo, warnings: list[str]
) -> tuple[Instant, int]:
    """The instant of a time in the file, and the UTC offset in force there then."""
    if wall.tzinfo is not None:
        offset = wall.utcoffset()
        assert offset is not None
        return instant_of(wall), int(offset.total_seconds())
    first = wall.replace(tzinfo=tz, fold=0)
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        raise ImportFileError(
            f"Line {row.line}: {wall:%Y-%m-%d %H:%M} does not exist in {tz.key} (the clocks "
            "went forward then). The file was probably exported in another time zone: choose "
            "that zone."
        )
    if first.utcoffset() != wall.replace(tzinfo=tz, fold=1).utcoffset():
        warnings.append(
            f"Line {row.line}: {wall:%Y-%m-%d %H:%M} happens twice in {tz.key} (the clocks went "
            "back); it was read as the first time."
        )
    offset = first.utcoffset()
    assert offset is not None
    return instant_of(first), int(offset.total_seconds())


class _Known:
    """The clients and task types already in the database, by name (case ignored)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.clients = {c.name.lower(): c for c in catalog_table.clients(conn)}
        self.tasks = {t.name.lower(): t for t in catalog_table.task_types(conn)}

    def client(self, name: str) -> int | None:
        found = self.clients.get(name.lower())
        return None if found is None else found.id

    def task(self, name: str) -> int | None:
        found = self.tasks.get(name.lower())
        return None if found is None else found.id

    def has(self, conn: sqlite3.Connection, entry: _Entry) -> bool:
        client, task = self.client(entry.client), self.task(entry.task)
        if client is None or task is None:
            return False
        return (
            conn.execute(
                "SELECT 1 FROM entries INDEXED BY entries_start WHERE start_utc = ?"
                " AND end_utc = ? AND client_id = ?"
                " AND task_type_id = ?",
                (entry.start, entry.end, client, task),
            ).fetchone()
            is not None
        )


def _overlaps(conn: sqlite3.Connection, entry: _Entry, longest: int) -> bool:
    row = conn.execute(
        "SELECT 1 FROM entries INDEXED BY entries_start WHERE start_utc >= ? AND start_utc < ?"
        " AND coalesce(end_utc, start_utc + 1) > ? LIMIT 1",
        (entry.start - longest, entry.end, entry.start),
    ).fetchone()
    return row is not None


class _Writer:
    """Inserts entries inside the caller's transaction, creating missing clients and task types
    on first use (and telling `known` of them)."""

    def __init__(self, conn: sqlite3.Connection, tz: ZoneInfo, known: _Known) -> None:
        self._conn = conn
        self._tz = tz
        self._known = known
        self._currency = _usual_currency(conn)

    def add(self, entry: _Entry) -> None:
        client_id = self._client(entry)
        task = self._task(entry)
        billable = task.billable if entry.billable is None else entry.billable
        entries_table.insert(
            self._conn,
            Entry(
                client_id=client_id,
                task_type_id=task.id,
                start=entry.start,
                start_offset=entry.start_offset,
                end=entry.end,
                end_offset=entry.end_offset,
                zone=entry.zone,
                outcome=Outcome(entry.outcome),
                findings=entry.findings,
                note=entry.note,
                billable=billable,
            ),
        )

    def _client(self, entry: _Entry) -> int:
        found = self._known.client(entry.client)
        if found is not None:
            return found
        currency = entry.currency or self._currency
        colour = next_colour(c.colour for c in self._known.clients.values() if not c.archived)
        rate = 0 if entry.rate is None else max(0, to_minor(entry.rate, currency))
        name = check_name(entry.client, "client")
        client_id = catalog_table.insert_client(
            self._conn, name, currency, rate, self._tz.key, colour
        )
        self._known.clients[name.lower()] = Client(
            client_id, name, currency, rate, self._tz.key, colour=colour
        )
        return client_id

    def _task(self, entry: _Entry) -> TaskType:
        key = entry.task.lower()
        if key not in self._known.tasks:
            name = check_name(entry.task, "task type")
            task_id = catalog_table.insert_task_type(self._conn, name, True)
            self._known.tasks[key] = TaskType(task_id, name, True)
        return self._known.tasks[key]


def _usual_currency(conn: sqlite3.Connection) -> str:
    row = conn.execute(
        "SELECT currency FROM clients GROUP BY currency ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else "USD"
