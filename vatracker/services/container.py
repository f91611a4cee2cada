"""All services over one database, built in one place for the window and the command line.

The services for promises, requests, boundaries, billing, invoices and the review (and the
modules they need) load the first time they are used: `vatracker status` never needs them, and
starts faster without them.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..clock import Clock
from ..storage.database import Database, open_database
from .catalog import CatalogService
from .entries import EntryService
from .settings import SettingsService
from .timer import TimerService

if TYPE_CHECKING:
    from .backups import BackupService
    from .billing import BillingService
    from .boundaries import BoundaryService
    from .export import ExportService
    from .importing import ImportService
    from .invoices import InvoiceService
    from .promises import PromiseService
    from .requests import RequestService
    from .review import ReviewService


class Services:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsService(db)
        self.catalog = CatalogService(db)
        self.entries = EntryService(db, clock, self.settings)
        self.timer = TimerService(db, clock, self.settings, self.entries)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock) -> Services:
        return cls(open_database(data_dir), clock)

    @cached_property
    def promises(self) -> PromiseService:
        from .promises import PromiseService

        return PromiseService(self.db, self.clock, self.settings)

    @cached_property
    def requests(self) -> RequestService:
        from .requests import RequestService

        return RequestService(self.db, self.clock, self.settings)

    @cached_property
    def boundaries(self) -> BoundaryService:
        from .boundaries import BoundaryService

        return BoundaryService(self.db, self.clock, self.settings, self.promises, self.requests)

    @cached_property
    def billing(self) -> BillingService:
        from .billing import BillingService

        return BillingService(self.db)

    @cached_property
    def invoices(self) -> InvoiceService:
        from .invoices import InvoiceService

        return InvoiceService(self.db, self.clock, self.settings)

    @cached_property
    def review(self) -> ReviewService:
        from .review import ReviewService

        return ReviewService(self.db, self.clock, self.settings, self.promises)

    @cached_property
    def backups(self) -> BackupService:
        from .backups import BackupService

        return BackupService(self.db, self.clock, self.settings)

    @cached_property
    def importer(self) -> ImportService:
        from .importing import ImportService

        return ImportService(self.db, self.clock, self.settings, self.backups)

    @cached_property
    def export(self) -> ExportService:
        from .export import ExportService

        return ExportService(self.db, self.clock, self.settings)

    def close(self) -> None:
        self.db.close()
