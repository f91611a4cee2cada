"""Client requests: logged as they arrive, marked against the promises, counted by month."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..clock import Clock
from ..domain.availability import is_within_windows
from ..domain.errors import InvalidInput
from ..domain.promises import CHANNELS
from ..domain.text import check_text
from ..domain.weeks import Month
from ..domain.zones import Instant, local_date, offset_at, zone
from ..storage import catalog as catalog_table
from ..storage import promises as promises_table
from ..storage import requests as table
from ..storage.database import Database
from ..storage.requests import Request
from .settings import SettingsService

NOTE_LIMIT = 1_000


@dataclass(frozen=True)
class RequestCounts:
    total: int = 0
    outside_client_windows: int = 0
    outside_own_hours: int = 0


class RequestService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    def log(
        self, client_id: int, *, at: Instant | None = None, channel: str = "email", note: str = ""
    ) -> Request:
        """Record a request, marked if it came outside the client's windows or own hours.

        A client without windows has promised none, so nothing of theirs is "outside".
        """
        now = self._clock.now()
        received = now if at is None else at
        if received > now:
            raise InvalidInput("A request cannot arrive in the future: give the time it came.")
        cleaned_channel = channel.strip().lower()
        if cleaned_channel not in CHANNELS:
            raise InvalidInput(
                f"Unknown channel {channel.strip()!r}: use {', '.join(CHANNELS[:-1])} or "
                f"{CHANNELS[-1]}."
            )
        cleaned_note = check_text(note, "The note", NOTE_LIMIT, multiline=False)
        va_zone = self._settings.va_zone()
        with self._db.transaction() as conn:
            client = catalog_table.client(conn, client_id)
            if client is None:
                raise InvalidInput(f"There is no client with id {client_id}.")
            if client.archived:
                raise InvalidInput(f"{client.name!r} is archived: unarchive it first.")
            windows = promises_table.windows(conn, client_id)
            own = promises_table.windows(conn, None)
            request = Request(
                client_id=client_id,
                received=received,
                received_offset=offset_at(va_zone, received),
                channel=cleaned_channel,
                note=cleaned_note,
                outside_client_windows=bool(windows)
                and not is_within_windows(windows, zone(client.timezone), received),
                outside_own_hours=bool(own) and not is_within_windows(own, va_zone, received),
            )
            return replace(request, id=table.insert(conn, request))

    def in_month(self, month: Month | None = None, client_id: int | None = None) -> list[Request]:
        tz = self._settings.va_zone()
        chosen = month or Month.containing(local_date(self._clock.now(), tz))
        start, end = chosen.bounds(tz)
        with self._db.reading() as conn:
            return table.between(conn, start, end, client_id)

    def counts(self, month: Month | None = None) -> dict[int, RequestCounts]:
        """Per client: this month's requests, and how many came outside windows or hours."""
        counts: dict[int, RequestCounts] = {}
        for request in self.in_month(month):
            current = counts.get(request.client_id, RequestCounts())
            counts[request.client_id] = RequestCounts(
                current.total + 1,
                current.outside_client_windows + int(request.outside_client_windows),
                current.outside_own_hours + int(request.outside_own_hours),
            )
        return counts

    def delete(self, request_id: int) -> None:
        with self._db.transaction() as conn:
            table.delete(conn, request_id)
