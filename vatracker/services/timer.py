"""The timer: start, switch, stop, and noticing time the app did not see (sleep, a kill).

The running entry is a row from the instant it starts, so nothing but a failed disk can lose it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from ..clock import Clock
from ..domain.entries import (
    OPEN_END,
    Entry,
    Outcome,
    check_span,
    clean_texts,
    describe_instant,
    new_entry,
)
from ..domain.errors import InvalidInput
from ..domain.zones import Instant
from ..storage import catalog as catalog_table
from ..storage import entries as table
from ..storage.database import Database
from .entries import EntryService
from .settings import SettingsService

#: A heartbeat older than this means the app did not see the timer run (sleep, kill, power off).
STALE_AFTER_SECONDS = 10 * 60
#: How often the window records that it still sees the timer running.
HEARTBEAT_SECONDS = 60


@dataclass(frozen=True)
class Gap:
    """Time during which the timer ran but the app never saw it: from `last_seen` to `now`."""

    entry: Entry
    last_seen: Instant
    now: Instant

    @property
    def seconds(self) -> int:
        return self.now - self.last_seen


@dataclass(frozen=True)
class Started:
    """What a start did: the entry now running, and the one it ended, if it switched."""

    entry: Entry
    stopped: Entry | None = None
    already_running: bool = False


class GapChoice(Enum):
    KEEP = "keep all the time"
    STOP_AT_LAST_SEEN = "stop at the last heartbeat"
    DROP_GAP = "drop the gap and go on"


class TimerService:
    def __init__(
        self, db: Database, clock: Clock, settings: SettingsService, entries: EntryService
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._entries = entries

    def running(self) -> Entry | None:
        with self._db.reading() as conn:
            return table.running(conn)

    def start(
        self, client_id: int, task_type_id: int, *, note: str = "", at: Instant | None = None
    ) -> Started:
        """Start the timer; if one runs, it ends at the very instant the new one begins.

        Starting the pair that already runs (a double click) changes nothing.
        """
        now = self._clock.now()
        tz = self._settings.va_zone()
        begin = now if at is None else at
        with self._db.transaction() as conn:
            client = catalog_table.client(conn, client_id)
            task = catalog_table.task_type(conn, task_type_id)
            if client is None or task is None:
                raise InvalidInput("That client or task type no longer exists.")
            if client.archived or task.archived:
                archived = client.name if client.archived else task.name
                raise InvalidInput(f"{archived!r} is archived: unarchive it to track time for it.")
            entry = clean_texts(
                replace(
                    new_entry(
                        client_id, task_type_id, begin, tz, note=note, billable=task.billable
                    ),
                    heartbeat=now,
                )
            )
            check_span(entry, now, tz)
            current = table.running(conn)
            stopped: Entry | None = None
            if current is not None:
                same_work = (current.client_id, current.task_type_id) == (client_id, task_type_id)
                if same_work and at is None and not entry.note:
                    return Started(current, already_running=True)
                if begin < current.start:
                    raise InvalidInput(
                        f"The new timer would start at {describe_instant(begin, tz)}, before the "
                        f"running one started ({describe_instant(current.start, tz)})."
                    )
                if begin == current.start:
                    table.delete(conn, _id(current))  # a switch within the same second
                else:
                    stopped = current.ended(begin, tz)
                    table.update(conn, stopped)
            # The new timer holds all time from `begin` on: nothing may be recorded after it.
            others = [
                e for e in table.overlapping(conn, begin, OPEN_END) if e.id != _id_or_none(current)
            ]
            if others:
                listed = "; ".join(self._entries.describe(e, tz) for e in others[:3])
                raise InvalidInput(
                    f"Starting at {describe_instant(begin, tz)} would overlap {listed}."
                )
            return Started(replace(entry, id=table.insert(conn, entry)), stopped)

    def stop(
        self, *, outcome: Outcome = Outcome.DONE, findings: str = "", at: Instant | None = None
    ) -> Entry:
        """End the running entry now (or at `at`), as done or as an attempt with findings."""
        now = self._clock.now()
        tz = self._settings.va_zone()
        end = now if at is None else at
        with self._db.transaction() as conn:
            current = table.running(conn)
            if current is None:
                raise InvalidInput("No timer is running, so there is nothing to stop.")
            if end < current.start:
                raise InvalidInput(
                    f"The stop time ({describe_instant(end, tz)}) is before the timer's start "
                    f"({describe_instant(current.start, tz)}); nothing was changed."
                )
            if end > now:
                raise InvalidInput(f"The stop time ({describe_instant(end, tz)}) is in the future.")
            stopped = clean_texts(
                replace(current.ended(end, tz), outcome=outcome, findings=findings)
            )
            table.update(conn, stopped)
            return stopped

    def heartbeat(self) -> Gap | None:
        """Record that the timer is seen running now, unless it went unseen too long.

        An unseen stretch is returned, not recorded over: the VA decides what it was.
        """
        now = self._clock.now()
        with self._db.transaction() as conn:
            current = table.running(conn)
            if current is None:
                return None
            gap = _gap(current, now)
            if gap is None:
                table.set_heartbeat(conn, _id(current), now)
            return gap

    def stale_gap(self) -> Gap | None:
        """The unseen stretch of the running entry, if there is one (read only)."""
        current = self.running()
        return None if current is None else _gap(current, self._clock.now())

    def resolve_gap(self, gap: Gap, choice: GapChoice) -> Entry | None:
        """Apply the VA's answer about an unseen stretch; returns the entry now running."""
        now = self._clock.now()
        tz = self._settings.va_zone()
        with self._db.transaction() as conn:
            current = table.running(conn)
            if current is None or current.id != gap.entry.id or current.start != gap.entry.start:
                raise InvalidInput("The timer changed meanwhile; nothing was changed.")
            if choice is GapChoice.KEEP:
                table.set_heartbeat(conn, _id(current), now)
                return replace(current, heartbeat=now)
            if gap.last_seen == current.start:
                table.delete(conn, _id(current))  # it was never seen running at all
            else:
                table.update(conn, current.ended(gap.last_seen, tz))
            if choice is GapChoice.STOP_AT_LAST_SEEN:
                return None
            resumed = replace(
                new_entry(
                    current.client_id,
                    current.task_type_id,
                    now,
                    tz,
                    note=current.note,
                    billable=current.billable,
                ),
                heartbeat=now,
            )
            return replace(resumed, id=table.insert(conn, resumed))


def _gap(entry: Entry, now: Instant) -> Gap | None:
    last_seen = max(entry.start, entry.heartbeat or entry.start)
    if now - last_seen > STALE_AFTER_SECONDS:
        return Gap(entry, last_seen, now)
    return None


def _id(entry: Entry) -> int:
    assert entry.id is not None
    return entry.id


def _id_or_none(entry: Entry | None) -> int | None:
    return None if entry is None else entry.id
