"""The window's link to the services: one place that writes, tells every view, and ticks.

Every view listens to `changed` and reads what it shows afresh; nothing keeps a second copy of
the data. The tick (once a second) moves the clocks on screen, notices changes made by the
command line, records the heartbeat and notices time the app did not see (sleep).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.entries import Entry, Outcome
from ..domain.errors import VATrackerError
from ..domain.zones import Instant
from ..services.container import Services
from ..services.timer import HEARTBEAT_SECONDS, Gap, GapChoice, Started

T = TypeVar("T")


class Session(QObject):
    changed = Signal()
    ticked = Signal()
    gap_found = Signal(object)  # Gap
    failed = Signal(str)  # a message for the user
    notice = Signal(str)  # a short confirmation for the status bar

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._zone = services.settings.va_zone()
        self._data_version = services.db.data_version()
        self._last_beat: Instant | None = None
        self._asking_about_gap = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

    # State ---------------------------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    def now(self) -> Instant:
        return self.services.clock.now()

    def running(self) -> Entry | None:
        return self.attempt(self.services.timer.running)

    def start_ticking(self) -> None:
        self._timer.start()

    def stop_ticking(self) -> None:
        self._timer.stop()

    # Writes --------------------------------------------------------------------------------

    def start(self, client_id: int, task_type_id: int, note: str = "") -> Started | None:
        result = self.write(lambda: self.services.timer.start(client_id, task_type_id, note=note))
        if result is not None and not result.already_running:
            self._last_beat = self.now()
            self.notice.emit("Switched." if result.stopped is not None else "Timer started.")
        return result

    def stop(self, outcome: Outcome = Outcome.DONE, findings: str = "") -> Entry | None:
        stopped = self.write(lambda: self.services.timer.stop(outcome=outcome, findings=findings))
        if stopped is not None:
            self.notice.emit("Timer stopped.")
        return stopped

    def resolve_gap(self, gap: Gap, choice: GapChoice) -> None:
        self.write(lambda: self.services.timer.resolve_gap(gap, choice))
        self._last_beat = self.now()

    def write(self, action: Callable[[], T]) -> T | None:
        """Run a change; then every view refreshes, and on failure the user is told why."""
        result = self.attempt(action)
        self.refresh()
        return result

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run something that changes no data (a read, a file export); a failure is told."""
        try:
            return action()
        except VATrackerError as exc:
            self.failed.emit(str(exc))
            return None

    def refresh(self) -> None:
        """Re-read settings and tell every view to show the data afresh."""
        self._zone = self.attempt(self.services.settings.va_zone) or self._zone
        self._data_version = self.services.db.data_version()
        self.changed.emit()

    # The tick ------------------------------------------------------------------------------

    def tick(self) -> None:
        if self.services.db.data_version() != self._data_version:
            self.refresh()  # the command line (or another tool) changed the data
        now = self.now()
        if (
            self._last_beat is None
            or now - self._last_beat >= HEARTBEAT_SECONDS
            or now < self._last_beat
        ):
            self.check_gap_and_beat()
        self.ticked.emit()

    def check_gap_and_beat(self) -> None:
        """Record the heartbeat, or report the unseen stretch instead (once at a time)."""
        if self._asking_about_gap:
            return
        gap = self.attempt(self.services.timer.heartbeat)
        self._last_beat = self.now()
        if gap is not None:
            self._asking_about_gap = True
            try:
                self.gap_found.emit(gap)
            finally:
                self._asking_about_gap = False
