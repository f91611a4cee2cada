"""Backups and restores: when to take one, which to keep, and putting one back.

Taking a backup only reads the database through its own connection, so `backup_job` hands the
window a function it can run in a worker thread; everything that reads the VA's settings is
done before, on the caller's thread.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..clock import Clock
from ..domain.backup_policy import BackupFacts, BackupKind, backups_to_keep
from ..domain.zones import local_date
from ..storage import restore as restoring
from ..storage.backups import (
    BackupFile,
    backup_names,
    backups_folder,
    list_backups,
    remove_backup,
    write_backup,
)
from ..storage.database import Database
from .settings import SettingsService


@dataclass(frozen=True)
class BackupResult:
    path: Path
    removed: list[Path]


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    entries: int
    #: The database as it was before, kept in the backups folder.
    kept_aside: Path


class BackupService:
    def __init__(self, db: Database, clock: Clock, settings: SettingsService) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings

    @property
    def folder(self) -> Path:
        return backups_folder(self._db.path.parent)

    def backups(self) -> list[BackupFile]:
        """Every backup, newest first, with its size and entry count."""
        return list_backups(self.folder)

    def daily_backup_due(self) -> bool:
        """No daily backup yet on the VA's today."""
        tz = self._settings.va_zone()
        today = local_date(self._clock.now(), tz)
        return not any(
            kind is BackupKind.DAILY and local_date(taken, tz) == today
            for _path, taken, kind, _size in backup_names(self.folder)
        )

    def backup_job(self, kind: BackupKind = BackupKind.MANUAL) -> Callable[[], BackupResult]:
        """A backup, then rotation, as a function that may run in another thread."""
        source, folder, tz, now = (
            self._db.path,
            self.folder,
            self._settings.va_zone(),
            self._clock.now(),
        )

        def job() -> BackupResult:
            path = write_backup(source, folder, kind, now)
            return BackupResult(path, rotate(folder, tz))

        return job

    def back_up(self, kind: BackupKind = BackupKind.MANUAL) -> BackupResult:
        return self.backup_job(kind)()

    def restore(self, candidate: Path) -> RestoreResult:
        """Replace the data with `candidate`'s after checking it; the current database is
        backed up first. A file that fails a check changes nothing."""
        with tempfile.TemporaryDirectory(dir=self._db.path.parent) as staging_folder:
            staging = Path(staging_folder) / "restore.sqlite3"
            entries = restoring.stage(candidate, staging)
            kept = self.back_up(BackupKind.BEFORE_RESTORE).path
            restoring.replace_contents(staging, self._db.conn)
        return RestoreResult(candidate, entries, kept)


def rotate(folder: Path, tz: ZoneInfo) -> list[Path]:
    """Remove the backups rotation does not keep; returns what was removed."""
    found = list_backups(folder)
    facts = [BackupFacts(b.path, b.taken, b.kind, b.entries) for b in found]
    keep = backups_to_keep(facts, tz)
    removed = [backup.path for backup in found if backup.path not in keep]
    for path in removed:
        remove_backup(path)
    return removed


def restore_over_damaged(data_dir: Path, candidate: Path, now: int) -> RestoreResult:
    """Restore when the database itself cannot be opened: the candidate is checked first, the
    damaged file is set aside untouched, and the candidate copied into its place."""
    from ..storage.database import database_file
    from ..storage.health import copy_in, set_aside

    with tempfile.TemporaryDirectory(dir=data_dir) as staging_folder:
        staging = Path(staging_folder) / "restore.sqlite3"
        entries = restoring.stage(candidate, staging)
        aside = set_aside(database_file(data_dir), now)
        copy_in(staging, database_file(data_dir))
    return RestoreResult(candidate, entries, aside)
