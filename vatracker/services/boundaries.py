"""A client's boundaries for a month: what was agreed, what happened, and a note to send."""

from __future__ import annotations

from dataclasses import dataclass

from ..clock import Clock
from ..domain.availability import WorkSplit, attribute_work
from ..domain.boundary_note import MonthFacts, boundary_note
from ..domain.catalog import Client
from ..domain.promises import Promises
from ..domain.weekly import merge, spans_between
from ..domain.weeks import Month
from ..domain.zones import local_date, zone
from ..storage import catalog as catalog_table
from ..storage import entries as entries_table
from ..storage.database import Database
from ..storage.requests import Request
from .promises import PromiseService
from .requests import RequestService
from .settings import SettingsService


@dataclass(frozen=True)
class Boundaries:
    client: Client
    month: Month
    promises: Promises
    requests: list[Request]
    work: WorkSplit
    note: str

    @property
    def requests_outside_windows(self) -> int:
        return sum(r.outside_client_windows for r in self.requests)

    @property
    def requests_outside_own_hours(self) -> int:
        return sum(r.outside_own_hours for r in self.requests)


class BoundaryService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        settings: SettingsService,
        promises: PromiseService,
        requests: RequestService,
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._promises = promises
        self._requests = requests

    def for_client(self, client: Client, month: Month | None = None) -> Boundaries:
        va_zone = self._settings.va_zone()
        now = self._clock.now()
        chosen = month or Month.containing(local_date(now, va_zone))
        start, end = chosen.bounds(va_zone)
        promises = self._promises.promises(client.id)
        own = self._promises.own_hours()
        with self._db.reading() as conn:
            entries = [
                e for e in entries_table.overlapping(conn, start, end) if e.client_id == client.id
            ]
            task_names = {t.id: t.name for t in catalog_table.task_types(conn)}
        windows = {client.id: spans_between(promises.windows, zone(client.timezone), start, end)}
        own_spans = merge(spans_between(own.windows, va_zone, start, end))
        splits, _ = attribute_work(entries, windows, own_spans, start, end, now)
        work = splits.get(client.id, WorkSplit())
        requests = self._requests.in_month(chosen, client.id)
        facts = MonthFacts(
            month_name=chosen.first_day.strftime("%B %Y"),
            requests=len(requests),
            requests_outside_windows=sum(r.outside_client_windows for r in requests),
            out_of_hours_seconds=work.out_of_hours,
        )
        note = boundary_note(
            client.name, client.timezone, client.currency, promises, task_names, facts
        )
        return Boundaries(client, chosen, promises, requests, work, note)
