"""Test helpers: a clock the tests move, and ready-made data."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from vatracker.domain.catalog import Client, TaskType
from vatracker.domain.zones import Instant
from vatracker.services.container import Services


class FakeClock:
    """Wall time that only moves when a test says so; monotonic time moves with it."""

    def __init__(self, start: Instant) -> None:
        self._now = start
        self._monotonic = 1000.0

    def now(self) -> Instant:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, seconds: int) -> None:
        self._now += seconds
        self._monotonic += max(0, seconds)

    def set(self, instant: Instant) -> None:
        """Jump the wall clock (as NTP or a user might); monotonic time does not jump."""
        self._now = instant


def at(text: str, zone: str = "UTC") -> Instant:
    """The instant of an ISO local time in `zone`, e.g. at("2026-03-02 09:00", "Europe/Berlin")."""
    return int(datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).timestamp())


def add_client(
    services: Services,
    name: str = "Acme",
    zone: str = "America/New_York",
    rate: str = "35",
    currency: str = "USD",
) -> Client:
    return services.catalog.add_client(name, rate, currency, zone)


def task(services: Services, name: str = "Inbox management") -> TaskType:
    return services.catalog.task_type_named(name)
