"""Start-up of the window: one copy per data folder, the database, the window and the tray."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from . import APP_ID, APP_NAME, __version__
from .clock import SystemClock
from .domain.errors import DamagedDatabaseError, VATrackerError
from .services.container import Services
from .storage.database import prepare_data_dir
from .ui.icons import app_icon
from .ui.main_window import MainWindow
from .ui.messages import show_error
from .ui.session import Session
from .ui.single_instance import SingleInstance
from .ui.theme import Appearance
from .ui.tray import Tray

#: Set to print the window's title, then "ready", and quit as soon as the window is up and the
#: event loop runs: for start-up benchmarks and smoke tests of installed bundles.
QUIT_WHEN_READY = "VATRACKER_QUIT_WHEN_READY"


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # closing the window may leave the timer in the tray
    return app


def build_window(
    app: QApplication, services: Services, folder: Path
) -> tuple[MainWindow, Tray | None]:
    """The window and, where the desktop has a tray, its icon, wired together."""
    appearance = Appearance.of(app)
    appearance.set_choice(services.settings.appearance())
    session = Session(services)
    window = MainWindow(session, folder)
    window.settings_saved.connect(
        lambda: appearance.set_choice(session.attempt(services.settings.appearance) or "system")
    )
    window.quit_requested.connect(app.quit)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = Tray(
            show_window=window.show_and_raise,
            start_pair=lambda client_id, task_id: window.start(client_id, task_id),
            stop=window.stop,
            stop_trying=window.stop_trying,
            log_request=window.log_request,
            quit_app=app.quit,
            parent=window,
        )
        window.timer_state_changed.connect(tray.show_state)
        window.nudges.nudged.connect(lambda nudge: tray.notify(nudge.title, nudge.message))
        session.ticked.connect(lambda: tray.tick(session.now()))
        window.hidden_to_tray.connect(
            lambda: tray.notify(APP_NAME, "The timer keeps running here in the tray.", 4000)
        )
        window.keep_running_in_tray = True
        window.refresh()
        tray.show()
    return window, tray


#: The exit code with which the window asks to be built again over a replaced database.
RESTART = 75


def run_app(folder: Path) -> int:
    app = create_application()
    try:
        prepare_data_dir(folder)
    except VATrackerError as exc:
        show_error(None, APP_NAME, str(exc))
        return 1
    instance = SingleInstance(folder)
    if not instance.acquire():
        if instance.ask_other_to_activate():
            return 0
        show_error(
            None,
            APP_NAME,
            f"VA Tracker seems to be running already with the data folder {folder}, "
            "but it does not answer. Close it, or wait a moment and try again.",
        )
        return 1
    try:
        code = RESTART
        while code == RESTART:
            code = _run_window(app, instance, folder)
        return code
    finally:
        instance.release()


def _run_window(app: QApplication, instance: SingleInstance, folder: Path) -> int:
    """Open the database and run the window until it closes; RESTART when the database was
    replaced (a damaged one set aside) and the window must be built again."""
    clock = SystemClock()
    try:
        services = Services.open(folder, clock)
    except DamagedDatabaseError as exc:
        from .ui.recovery import offer_recovery

        return RESTART if offer_recovery(None, folder, str(exc), clock.now()) else 1
    except VATrackerError as exc:
        show_error(None, APP_NAME, str(exc))
        return 1
    window, tray = build_window(app, services, folder)
    instance.activation_requested.connect(window.show_and_raise)
    window.restart_requested.connect(lambda: app.exit(RESTART))
    window.show()
    window.session.start_ticking()
    window.show_warnings(*window.care.warnings())
    QTimer.singleShot(0, window.session.check_gap_and_beat)
    if os.environ.get(QUIT_WHEN_READY):
        QTimer.singleShot(0, lambda: _report_ready_and_quit(app, window))
    else:
        QTimer.singleShot(0, window.care.start)  # the full integrity check, in a thread
    QTimer.singleShot(0, instance.listen)  # after the first paint: it loads QtNetwork
    try:
        return app.exec()
    finally:
        instance.activation_requested.disconnect(window.show_and_raise)
        window.memory.save(window)
        window.session.stop_ticking()
        window.care.stop()
        services.close()
        if tray is not None:
            tray.hide()
        window.deleteLater()


def _report_ready_and_quit(app: QApplication, window: MainWindow) -> None:
    print(f"title: {window.windowTitle()}", flush=True)  # shows a running timer, if any
    print("ready", flush=True)
    app.quit()
