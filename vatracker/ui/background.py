"""Running slow work (a backup, an integrity check) off the window's thread.

The job must not touch the window's database connection: it opens its own. Its result or its
error comes back as a signal, handled on the window's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..domain.errors import VATrackerError


class Background(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: list[threading.Thread] = []

    def run(self, job: Callable[[], object]) -> None:
        def work() -> None:
            try:
                result = job()
            except VATrackerError as exc:
                self.failed.emit(str(exc))
            else:
                self.finished.emit(result)

        thread = threading.Thread(target=work, name="vatracker-background", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    @property
    def busy(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def wait(self, timeout: float = 30.0) -> None:
        """Let running jobs end (at quit, and in tests)."""
        for thread in self._threads:
            thread.join(timeout)
