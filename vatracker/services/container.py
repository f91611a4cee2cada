"""All services over one database, built in one place for the window and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..clock import Clock
from ..storage.database import Database, open_database
from .boundaries import BoundaryService
from .catalog import CatalogService
from .entries import EntryService
from .promises import PromiseService
from .requests import RequestService
from .settings import SettingsService
from .timer import TimerService


@dataclass(frozen=True)
class Services:
    db: Database
    clock: Clock
    settings: SettingsService
    catalog: CatalogService
    entries: EntryService
    timer: TimerService
    promises: PromiseService
    requests: RequestService
    boundaries: BoundaryService

    @classmethod
    def over(cls, db: Database, clock: Clock) -> Services:
        settings = SettingsService(db)
        entries = EntryService(db, clock, settings)
        promises = PromiseService(db, clock, settings)
        requests = RequestService(db, clock, settings)
        return cls(
            db=db,
            clock=clock,
            settings=settings,
            catalog=CatalogService(db),
            entries=entries,
            timer=TimerService(db, clock, settings, entries),
            promises=promises,
            requests=requests,
            boundaries=BoundaryService(db, clock, settings, promises, requests),
        )

    @classmethod
    def open(cls, data_dir: Path, clock: Clock) -> Services:
        return cls.over(open_database(data_dir), clock)

    def close(self) -> None:
        self.db.close()
