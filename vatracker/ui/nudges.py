"""Watches the timer for nudges (too long, past own hours, none running in them) and tells
each once. Showing them is the window's and the tray's business."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..domain.nudges import Moment, NudgeLog, NudgeSettings, due_nudges
from ..domain.weekly import WeeklyWindow
from .session import Session
from .timer_panel import TimerState


class NudgeWatcher(QObject):
    nudged = Signal(object)  # Nudge

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._log = NudgeLog()
        #: Idle time counts from here at the earliest: the app cannot know what came before.
        self._watching_since = session.now()
        self._state: TimerState | None = None
        self._settings = NudgeSettings()
        self._own_windows: tuple[WeeklyWindow, ...] = ()
        self._last_end: int | None = None
        self._loaded = False  # read at the first check: start-up does without the promises

    def reload(self) -> None:
        """Read the settings, own hours and last finished entry afresh (after any change)."""
        self._loaded = True
        services = self._session.services
        self._settings = self._session.attempt(services.settings.nudges) or self._settings
        own = self._session.attempt(services.promises.own_hours)
        self._own_windows = own.windows if own is not None else self._own_windows
        self._last_end = self._session.attempt(services.entries.last_end)

    def show_state(self, state: TimerState) -> None:
        self._state = state

    def check(self) -> None:
        if not self._loaded:
            self.reload()
        state = self._state
        running = state.running if state is not None else None
        moment = Moment(
            now=self._session.now(),
            running=running,
            running_label=state.describe(running) if state and running else "",
            own_windows=self._own_windows,
            zone=self._session.zone,
            idle_since=max(self._last_end or 0, self._watching_since),
        )
        for nudge in self._log.new(due_nudges(moment, self._settings)):
            self.nudged.emit(nudge)
