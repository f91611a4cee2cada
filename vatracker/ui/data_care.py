"""Looking after the data while the window runs: the integrity check after start-up, the daily
backup, and the warnings about where the data lives and how old the zone data is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.backup_policy import BackupKind
from ..domain.data_location import location_warning, read_mounts
from ..domain.zones import zone_data_problem
from ..services.container import Services
from ..storage.health import problem_in
from .background import Background

#: How often the window asks whether today's backup is still to be taken.
BACKUP_CHECK_MS = 30 * 60 * 1000
#: The first daily backup waits until start-up is well over.
FIRST_BACKUP_DELAY_MS = 60 * 1000
MOUNTS_TABLE = Path("/proc/mounts")


class DataCare(QObject):
    damaged = Signal(str)
    backed_up = Signal(object)  # BackupResult
    backup_failed = Signal(str)

    def __init__(self, services: Services, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self._data_dir = data_dir
        self.check = Background(self)
        self.check.finished.connect(self._checked)
        self.check.failed.connect(self.damaged.emit)
        self.backup = Background(self)
        self.backup.finished.connect(self.backed_up.emit)
        self.backup.failed.connect(self.backup_failed.emit)
        self._timer = QTimer(self, interval=BACKUP_CHECK_MS)
        self._timer.timeout.connect(self.back_up_if_due)

    def start(self) -> None:
        """After the first paint: check the whole file, and plan the daily backup."""
        path = self._services.db.path
        self.check.run(lambda: problem_in(path))
        QTimer.singleShot(FIRST_BACKUP_DELAY_MS, self, self.back_up_if_due)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.check.wait()
        self.backup.wait()

    def back_up_if_due(self) -> None:
        backups = self._services.backups
        if not self.backup.busy and backups.daily_backup_due():
            self.back_up(BackupKind.DAILY)

    def back_up(self, kind: BackupKind = BackupKind.MANUAL) -> None:
        self.backup.run(self._services.backups.backup_job(kind))

    def warnings(self) -> list[str]:
        found = [data_folder_warning(self._data_dir), zone_data_problem()]
        return [warning for warning in found if warning]

    def _checked(self, problem: object) -> None:
        if problem:
            self.damaged.emit(str(problem))


def data_folder_warning(data_dir: Path) -> str | None:
    """Why the data folder is a risky place for the database (synced, on the network)."""
    try:
        mounts = read_mounts(MOUNTS_TABLE.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        mounts = []
    return location_warning(data_dir.resolve(), mounts)
