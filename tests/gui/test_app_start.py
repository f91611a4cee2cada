"""Starting the app: a data folder it cannot use, and a desktop without a system tray."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, task
from vatracker import app as app_module
from vatracker.services.container import Services


def test_a_data_folder_it_cannot_write_is_named_and_nothing_starts(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should go")
    folder = blocker / "data"
    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_error", lambda _parent, _title, text: shown.append(text))
    assert app_module.run_app(folder) == 1
    (message,) = shown
    assert message.startswith(f"Cannot use the data folder {folder}:")
    assert "Choose another with --data-dir or VATRACKER_DATA_DIR." in message
    assert blocker.read_text() == "a file where the data folder should go"


def test_without_a_system_tray_the_window_works_alone_and_closing_it_quits(
    qtbot: QtBot,
    services: Services,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    application = app_module.create_application()
    window, tray = app_module.build_window(application, services, data_dir)
    qtbot.addWidget(window)
    assert tray is None and not window.keep_running_in_tray
    window.show()
    acme = add_client(services, "Acme")
    window.refresh()
    window.start(acme.id, task(services).id)
    assert window.windowTitle() == "0:00:00 · Acme — VA Tracker"
    with qtbot.waitSignal(window.quit_requested):
        window.close()  # nowhere to keep running: the app quits, the entry stays saved
    assert services.timer.running() is not None
