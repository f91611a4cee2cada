"""Promises to clients and the VA's own hours: reading and saving them, and what they add up to
in any week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..clock import Clock
from ..domain.availability import (
    ClientPromises,
    CommitmentDay,
    WeekPicture,
    commitment_days,
    week_picture,
)
from ..domain.catalog import Client
from ..domain.errors import InvalidInput
from ..domain.promises import OwnHours, Promises
from ..domain.weekly import Span, intersect, spans_between, subtract, total_seconds
from ..domain.weeks import Month, Week
from ..domain.zones import day_bounds, local_date, zone
from ..storage import billing as billing_table
from ..storage import catalog as catalog_table
from ..storage import entries as entries_table
from ..storage import promises as table
from ..storage import settings as settings_table
from ..storage.database import Database
from .settings import SettingsService

_LIMIT_KEY, _REST_KEY, _DAYS_OFF_KEY = "weekly_limit_minutes", "min_rest_hours", "days_off_per_week"


@dataclass(frozen=True)
class RetainerUsage:
    included_seconds: int
    used_seconds: int

    @property
    def left_seconds(self) -> int:
        return max(0, self.included_seconds - self.used_seconds)

    @property
    def over_seconds(self) -> int:
        return max(0, self.used_seconds - self.included_seconds)


@dataclass(frozen=True)
class Collision:
    """Where a prospective client's windows meet an existing client's (or no one's hours)."""

    client_id: int | None  # None: outside the VA's own hours
    spans: list[Span]

    @property
    def seconds(self) -> int:
        return total_seconds(self.spans)


@dataclass(frozen=True)
class WhatIf:
    week: WeekPicture
    prospect_seconds: int
    expected_seconds: int
    limit_seconds: int
    collisions: list[Collision]

    @property
    def current_seconds(self) -> int:
        return self.week.total_promised_seconds

    @property
    def new_total_seconds(self) -> int:
        return self.current_seconds + self.prospect_seconds

    @property
    def over_limit_seconds(self) -> int:
        return max(0, self.new_total_seconds - self.limit_seconds)


class PromiseService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    # Reading and saving -------------------------------------------------------------------

    def promises(self, client_id: int) -> Promises:
        with self._db.reading() as conn:
            return Promises(
                windows=table.windows(conn, client_id),
                commitments=table.commitments(conn, client_id),
                response_minutes=table.response_minutes(conn, client_id),
                retainer=table.retainer(conn, client_id),
            )

    def set_promises(self, client_id: int, promises: Promises) -> None:
        """Replace everything promised to a client, in one transaction."""
        with self._db.transaction() as conn:
            client = catalog_table.client(conn, client_id)
            if client is None:
                raise InvalidInput(f"There is no client with id {client_id}.")
            for commitment in promises.commitments:
                task = catalog_table.task_type(conn, commitment.task_type_id)
                if task is None:
                    raise InvalidInput("A commitment names a task type that does not exist.")
                if task.archived:
                    raise InvalidInput(f"The task type {task.name!r} of a commitment is archived.")
            table.replace_windows(conn, client_id, promises.windows)
            table.replace_commitments(conn, client_id, promises.commitments)
            table.set_response_minutes(conn, client_id, promises.response_minutes)
            table.set_retainer(conn, client_id, promises.retainer, client.currency)

    def own_hours(self) -> OwnHours:
        with self._db.reading() as conn:
            defaults = OwnHours()

            def number(key: str, default: int) -> int:
                value = settings_table.get(conn, key)
                return default if value is None else int(value)

            return OwnHours(
                windows=table.windows(conn, None),
                weekly_limit_minutes=number(_LIMIT_KEY, defaults.weekly_limit_minutes),
                min_rest_hours=number(_REST_KEY, defaults.min_rest_hours),
                days_off_per_week=number(_DAYS_OFF_KEY, defaults.days_off_per_week),
            )

    def set_own_hours(self, own: OwnHours) -> None:
        with self._db.transaction() as conn:
            table.replace_windows(conn, None, own.windows)
            settings_table.put(conn, _LIMIT_KEY, str(own.weekly_limit_minutes))
            settings_table.put(conn, _REST_KEY, str(own.min_rest_hours))
            settings_table.put(conn, _DAYS_OFF_KEY, str(own.days_off_per_week))

    def client_promises(self) -> list[ClientPromises]:
        """The promises of every active client, each with its own zone."""
        with self._db.reading() as conn:
            windows = table.windows_by_client(conn)
            clients = [c for c in catalog_table.clients(conn) if not c.archived]
        return [
            ClientPromises(c.id, zone(c.timezone), Promises(windows=windows.get(c.id, ())))
            for c in clients
        ]

    # What they add up to ------------------------------------------------------------------

    def week(self, week: Week | None = None, *, with_work: bool = True) -> WeekPicture:
        """Promised hours, the projection into the VA's zone, collisions, and the week's work."""
        tz = self._settings.va_zone()
        now = self._clock.now()
        chosen = week or Week.at(now, tz)
        start, end = chosen.bounds(tz)
        entries = []
        if with_work:
            with self._db.reading() as conn:
                entries = entries_table.overlapping(conn, start, end)
        return week_picture(self.client_promises(), self.own_hours(), tz, chosen, entries, now)

    def commitments_status(
        self, client: Client, first: date, last: date
    ) -> list[tuple[str, list[CommitmentDay]]]:
        """Each commitment of `client` (described) with its days from `first` to `last`."""
        tz = zone(client.timezone)
        start = day_bounds(first, tz)[0]
        end = day_bounds(last, tz)[0] + 86_400 * 2
        with self._db.reading() as conn:
            entries = entries_table.overlapping(conn, start - 86_400, end)
            names = {t.id: t.name for t in catalog_table.task_types(conn)}
        now = self._clock.now()
        return [
            (
                commitment.describe(names.get(commitment.task_type_id, "?")),
                commitment_days(commitment, client.id, tz, first, last, entries, now),
            )
            for commitment in self.promises(client.id).commitments
        ]

    def commitments_kept(
        self, clients: list[Client], first: date, last: date
    ) -> dict[int, tuple[int, int]]:
        """Per client with commitments: the days kept, and the days due so far, from `first`
        to `last` (the client's dates), reading the entries once for all of them."""
        now = self._clock.now()
        with self._db.reading() as conn:
            promised = table.commitments_by_client(conn)
            chosen = [c for c in clients if c.id in promised]
            if not chosen:
                return {}
            # Wide enough for every zone: a day before `first` to two after `last`, in UTC.
            start = day_bounds(first, zone("UTC"))[0] - 86_400
            end = day_bounds(last, zone("UTC"))[0] + 2 * 86_400
            entries = entries_table.overlapping(conn, start, end)
        found = {}
        for client in chosen:
            statuses = [
                day.status
                for commitment in promised[client.id]
                for day in commitment_days(
                    commitment, client.id, zone(client.timezone), first, last, entries, now
                )
            ]
            found[client.id] = (
                statuses.count("kept"),
                len([s for s in statuses if s != "pending"]),
            )
        return found

    def retainer_usage(self, client_id: int, month: Month | None = None) -> RetainerUsage | None:
        """Retainer hours used and left in a month (the VA's calendar month), counted as the
        invoice counts them: billable entries of billable task types that start in the month,
        each rounded as the client's billing says (a running one counts until now)."""
        with self._db.reading() as conn:
            retainer = table.retainer(conn, client_id)
        if retainer is None:
            return None
        tz = self._settings.va_zone()
        now = self._clock.now()
        chosen = month or Month.containing(local_date(now, tz))
        start, end = chosen.bounds(tz)
        with self._db.reading() as conn:
            entries = list(entries_table.starting_between(conn, start, end))
            rounding = billing_table.client_billing(conn, client_id).rounding
            unbilled_tasks = {t.id for t in catalog_table.task_types(conn) if not t.billable}
        used = sum(
            rounding.apply(e.end_or(now) - e.start)
            for e in entries
            if e.client_id == client_id and e.billable and e.task_type_id not in unbilled_tasks
        )
        return RetainerUsage(retainer.included_minutes * 60, used)

    def what_if(
        self,
        prospect_zone: str,
        prospect: Promises,
        expected_minutes: int,
        week: Week | None = None,
    ) -> WhatIf:
        """A prospective client's windows against this week's promises and own hours."""
        if expected_minutes < 0:
            raise InvalidInput("The expected hours must be 0 or more.")
        tz = zone(prospect_zone)
        picture = self.week(week, with_work=False)
        own = self.own_hours()
        theirs = spans_between(prospect.windows, tz, picture.start, picture.end)
        collisions = [
            Collision(client_id, found)
            for client_id, spans in picture.windows.items()
            if (found := intersect(theirs, spans))
        ]
        outside = subtract(theirs, picture.own_hours)
        if outside:
            collisions.append(Collision(None, outside))
        return WhatIf(
            week=picture,
            prospect_seconds=total_seconds(theirs),
            expected_seconds=expected_minutes * 60,
            limit_seconds=own.weekly_limit_minutes * 60,
            collisions=collisions,
        )
