"""The tray icon: running or idle at a glance, and the timer one click away."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..domain.entries import format_duration
from ..domain.zones import Instant
from .icons import app_icon, tray_icon
from .text import rich_tooltip
from .timer_panel import TimerState


def tray_tooltip(text: str) -> str:
    """Tray tooltips are rich text where Qt draws them (X11, KDE), plain on Windows and macOS."""
    return text if sys.platform in ("win32", "darwin") else rich_tooltip(text)


class Tray(QObject):
    def __init__(
        self,
        *,
        show_window: Callable[[], None],
        start_pair: Callable[[int, int], None],
        stop: Callable[[], None],
        stop_trying: Callable[[], None],
        log_request: Callable[[], None],
        quit_app: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._start_pair = start_pair
        self._state: TimerState | None = None
        self.icon = QSystemTrayIcon(tray_icon(running=False), self)
        self.menu = QMenu()
        self.recent_menu_actions: list[QAction] = []
        self.stop_action = self.menu.addAction("Stop", stop)
        self.trying_action = self.menu.addAction("Stop as trying…", stop_trying)
        self.menu.addSeparator()
        self.request_action = self.menu.addAction("Log a request…", log_request)
        self.open_action = self.menu.addAction(app_icon(), "Open VA Tracker", show_window)
        self.quit_action = self.menu.addAction("Quit", quit_app)
        self._first_fixed = self.stop_action
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(
            lambda reason: (
                show_window()
                if reason
                in (
                    QSystemTrayIcon.ActivationReason.Trigger,
                    QSystemTrayIcon.ActivationReason.DoubleClick,
                )
                else None
            )
        )

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_state(self, state: TimerState) -> None:
        self._state = state
        running = state.running is not None
        self.icon.setIcon(tray_icon(running=running))
        self.stop_action.setEnabled(running)
        self.trying_action.setEnabled(running)
        for action in self.recent_menu_actions:
            self.menu.removeAction(action)
        self.recent_menu_actions = []
        for client_id, task_id in state.recent[:5]:
            if client_id not in state.client_names or task_id not in state.task_names:
                continue
            text = f"Start {state.client_names[client_id]} · {state.task_names[task_id]}"
            action = self.menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, pair=(client_id, task_id): self._start_pair(*pair)
            )
            self.menu.insertAction(self._first_fixed, action)
            self.recent_menu_actions.append(action)
        if self.recent_menu_actions:
            separator = self.menu.insertSeparator(self._first_fixed)
            self.recent_menu_actions.append(separator)
        self.tick(state.now)

    def notify(self, title: str, message: str, milliseconds: int = 15_000) -> None:
        """A desktop notification from the tray icon (nothing where the platform has none)."""
        self.icon.showMessage(title, message, app_icon(), milliseconds)

    def tooltip_text(self, now: Instant) -> str:
        state = self._state
        if state is None or state.running is None:
            return "VA Tracker\nNo timer running"
        entry = state.running
        return f"VA Tracker\n{state.describe(entry)}\n{format_duration(entry.duration(now))}"

    def tick(self, now: Instant) -> None:
        self.icon.setToolTip(tray_tooltip(self.tooltip_text(now)))
