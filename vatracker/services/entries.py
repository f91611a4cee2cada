"""Entries by hand: listing, adding, editing, splitting and deleting, each one undoable.

Every change is an `EntryChange`: the rows as they were and as they become. Applying its inverse
undoes it, but only while the rows are still as the change left them, so an undo never
overwrites something that happened since.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from ..clock import Clock
from ..domain.entries import (
    Entry,
    check_span,
    clean_texts,
    describe_instant,
    overlapping,
    split,
)
from ..domain.errors import InvalidInput
from ..domain.zones import Instant, day_bounds, to_local
from ..storage import catalog as catalog_table
from ..storage import entries as table
from ..storage.database import Database
from .settings import SettingsService


class OverlapError(InvalidInput):
    """The change would make entries overlap; `others` are the entries it would overlap."""

    def __init__(self, message: str, others: Sequence[Entry]) -> None:
        super().__init__(message)
        self.others = list(others)


@dataclass(frozen=True)
class EntryChange:
    """Rows replaced by other rows, as one step: what an undo stack holds."""

    description: str
    before: tuple[Entry, ...]
    after: tuple[Entry, ...]

    def inverse(self) -> EntryChange:
        return EntryChange(self.description, self.after, self.before)


class EntryService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    # Reading -------------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        with self._db.reading() as conn:
            found = table.get(conn, entry_id)
        if found is None:
            raise InvalidInput(f"There is no entry #{entry_id}: it may have been deleted.")
        return found

    def on_day(self, day: date, tz: ZoneInfo | None = None) -> list[Entry]:
        """Entries that share some time with `day` in the VA's zone, running one included."""
        start, end = day_bounds(day, tz or self._settings.va_zone())
        with self._db.reading() as conn:
            return table.overlapping(conn, start, end)

    def starting_between(self, first: date | None, last: date | None) -> Iterator[Entry]:
        """Entries that start on the days `first` to `last` (inclusive), oldest first."""
        tz = self._settings.va_zone()
        start = None if first is None else day_bounds(first, tz)[0]
        end = None if last is None else day_bounds(last + timedelta(days=1), tz)[0]
        with self._db.reading() as conn:
            yield from table.starting_between(conn, start, end)

    def recent_pairs(self) -> list[tuple[int, int]]:
        """(client, task type) pairs of the latest entries, newest first."""
        with self._db.reading() as conn:
            return table.recent_pairs(conn)

    def last_end(self) -> Instant | None:
        """When the latest finished entry ended (not later than now)."""
        with self._db.reading() as conn:
            return table.last_end(conn, self._clock.now())

    def describe(self, entry: Entry, tz: ZoneInfo | None = None) -> str:
        """ "#12 Acme · Inbox management, 2026-03-02 09:00 to 10:30", for messages."""
        tz = tz or self._settings.va_zone()
        with self._db.reading() as conn:
            client = catalog_table.client(conn, entry.client_id)
            task = catalog_table.task_type(conn, entry.task_type_id)
        names = f"{client.name if client else '?'} · {task.name if task else '?'}"
        start = describe_instant(entry.start, tz)
        if entry.end is None:
            return f"#{entry.id} {names}, running since {start}"
        end_local = to_local(entry.end, tz)
        same_day = end_local.date() == to_local(entry.start, tz).date()
        end = end_local.strftime("%H:%M") if same_day else describe_instant(entry.end, tz)
        return f"#{entry.id} {names}, {start} to {end}"

    # Changing ------------------------------------------------------------------------------

    def add(
        self, entry: Entry, *, allow_overlap: bool = False, allow_long: bool = False
    ) -> EntryChange:
        if entry.id is not None:
            raise ValueError("a new entry has no id yet")
        if entry.end is None:
            raise InvalidInput("A new entry needs an end: start the timer for running work.")
        change = EntryChange("Add entry", (), (entry,))
        return self._apply_checked(change, allow_overlap=allow_overlap, allow_long=allow_long)

    def edit(
        self, entry: Entry, *, allow_overlap: bool = False, allow_long: bool = False
    ) -> EntryChange:
        if entry.id is None:
            raise ValueError("an edited entry keeps its id")
        current = self.get(entry.id)
        if current.running != entry.running:
            raise InvalidInput(
                "Stop the timer to give the running entry an end; an ended entry cannot be "
                "made to run again: start the timer instead."
            )
        updated = replace(entry, heartbeat=current.heartbeat)
        change = EntryChange("Edit entry", (current,), (updated,))
        return self._apply_checked(change, allow_overlap=allow_overlap, allow_long=allow_long)

    def split(self, entry_id: int, at: Instant) -> EntryChange:
        current = self.get(entry_id)
        first, second = split(current, at, self._clock.now(), self._settings.va_zone())
        change = EntryChange("Split entry", (current,), (first, second))
        return self._apply_checked(change, allow_overlap=True, allow_long=True)

    def delete(self, entry_id: int) -> EntryChange:
        return self.apply(EntryChange("Delete entry", (self.get(entry_id),), ()))

    def apply(self, change: EntryChange) -> EntryChange:
        """Apply `change` as it stands (an undo or redo); returns it with the ids given.

        Refused if the rows changed since, or if it would now overlap other work.
        """
        tz = self._settings.va_zone()
        with self._db.transaction() as conn:
            self._refuse_overlaps(conn, change, tz)
            return self._write(conn, change)

    def _apply_checked(
        self, change: EntryChange, *, allow_overlap: bool, allow_long: bool
    ) -> EntryChange:
        now = self._clock.now()
        tz = self._settings.va_zone()
        after = tuple(clean_texts(entry) for entry in change.after)
        for entry in after:
            check_span(entry, now, tz, allow_long=allow_long)
        change = replace(change, after=after)
        with self._db.transaction() as conn:
            for entry in after:
                self._check_references(conn, entry, change.before)
            if not allow_overlap:
                self._refuse_overlaps(conn, change, tz)
            return self._write(conn, change)

    def _refuse_overlaps(self, conn: sqlite3.Connection, change: EntryChange, tz: ZoneInfo) -> None:
        """Refuse a change whose new rows share time with other entries, naming them."""
        changing = {entry.id for entry in (*change.before, *change.after)}
        for entry in change.after:
            others = [
                other
                for other in table.overlapping(conn, entry.start, entry.claimed_end)
                if other.id not in changing
            ]
            found = overlapping(entry, others)
            if found:
                listed = "; ".join(self.describe(other, tz) for other in found[:3])
                more = f" and {len(found) - 3} more" if len(found) > 3 else ""
                raise OverlapError(f"This entry would overlap {listed}{more}.", found)

    @staticmethod
    def _check_references(conn: sqlite3.Connection, entry: Entry, before: Sequence[Entry]) -> None:
        """New work goes to an active client and task type; old entries may keep archived ones."""
        previous = next((e for e in before if e.id == entry.id and e.id is not None), None)
        client = catalog_table.client(conn, entry.client_id)
        if client is None:
            raise InvalidInput("The entry's client no longer exists.")
        if client.archived and (previous is None or previous.client_id != entry.client_id):
            raise InvalidInput(f"The client {client.name!r} is archived: unarchive it first.")
        task = catalog_table.task_type(conn, entry.task_type_id)
        if task is None:
            raise InvalidInput("The entry's task type no longer exists.")
        if task.archived and (previous is None or previous.task_type_id != entry.task_type_id):
            raise InvalidInput(f"The task type {task.name!r} is archived: unarchive it first.")

    @staticmethod
    def _write(conn: sqlite3.Connection, change: EntryChange) -> EntryChange:
        for expected in change.before:
            assert expected.id is not None
            stored = table.get(conn, expected.id)
            if stored is not None and stored.invoice_id is not None:
                from ..storage import invoices as invoices_table  # rare: loads json

                number = invoices_table.numbers(conn, [stored.invoice_id])[stored.invoice_id]
                raise InvalidInput(
                    f"Entry #{expected.id} is on invoice {number}, which is issued: it cannot "
                    "be edited, split or deleted. Void that invoice to correct it, then issue "
                    "a new one."
                )
            if stored is None or replace(stored, heartbeat=None) != replace(
                expected, heartbeat=None
            ):
                raise InvalidInput(
                    f"Entry #{expected.id} changed since, so this step was not applied."
                )
        kept_ids = {entry.id for entry in change.after if entry.id is not None}
        for gone in change.before:
            if gone.id not in kept_ids:
                assert gone.id is not None
                table.delete(conn, gone.id)
        before_ids = {entry.id for entry in change.before}
        written = list(change.after)
        # Existing rows first: an entry that stops running must stop before another may run.
        for index in sorted(range(len(written)), key=lambda i: written[i].id not in before_ids):
            entry = written[index]
            if entry.id in before_ids:
                table.update(conn, entry)
            else:
                written[index] = replace(entry, id=table.insert(conn, entry))
        return replace(change, after=tuple(written))
