"""Desktop manners: nudges with a fake clock, one settings dialog, light and dark, the window's
place remembered, and the About box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import add_client, task
from vatracker import __version__
from vatracker.domain.nudges import NudgeSettings
from vatracker.services.container import Services
from vatracker.ui.main_window import MainWindow
from vatracker.ui.messages import ErrorLabel
from vatracker.ui.session import Session
from vatracker.ui.settings_dialog import SettingsDialog
from vatracker.ui.theme import ERROR_COLOURS, Appearance


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_a_long_timer_is_told_once_then_past_own_hours(
    qtbot: QtBot, window: MainWindow, services: Services, advance: Callable[[int], None]
) -> None:
    told: list[str] = []
    window.nudges.nudged.connect(lambda nudge: told.append(nudge.title))
    acme = add_client(services, "Acme")
    window.refresh()
    window.start(acme.id, task(services).id)  # Monday 12:00; own hours end at 17:00
    advance(3 * 3600 - 60)
    assert told == []
    advance(60)
    assert told == ["Timer still running"]
    assert status(window).startswith(
        "Timer still running: Acme · Inbox management has run for 3:00:00."
    )
    advance(2 * 3600)  # 17:00
    assert told == ["Timer still running", "Past your own hours"]
    advance(3600)
    assert len(told) == 2  # each once


def test_settings_turn_on_the_idle_reminder_and_the_dark_look(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    when_dialog: Callable[..., None],
    advance: Callable[[int], None],
) -> None:
    def choose(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentWidget(dialog.nudges)
        qtbot.mouseClick(dialog.nudges.idle_box, Qt.MouseButton.LeftButton)
        dialog.nudges.idle_minutes.selectAll()
        qtbot.keyClicks(dialog.nudges.idle_minutes, "20")
        qtbot.mouseClick(dialog.nudges.long_box, Qt.MouseButton.LeftButton)  # off
        dialog.tabs.setCurrentIndex(0)
        dialog.appearance_box.setCurrentIndex(dialog.appearance_box.findText("Dark"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    when_dialog(SettingsDialog, choose)
    window.settings_action.trigger()
    assert services.settings.nudges() == NudgeSettings(
        long_timer_minutes=0, idle_reminder=True, idle_minutes=20
    )
    assert services.settings.appearance() == "dark"
    advance(19 * 60)  # Monday 12:19, no timer since the window opened at 12:00
    assert "No timer running" not in status(window)
    advance(60)
    assert status(window).startswith("No timer running: It is within your working hours")


@pytest.fixture
def appearance(qtbot: QtBot) -> Iterator[Appearance]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = Appearance.of(app)
    yield chosen
    chosen.set_choice("system")


def test_dark_and_light_palettes_and_text_that_stays_readable(
    qtbot: QtBot, appearance: Appearance
) -> None:
    label = ErrorLabel()
    qtbot.addWidget(label)
    appearance.set_choice("dark")
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 60
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_COLOURS[True]
    appearance.set_choice("light")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_COLOURS[False]


def test_following_the_system_turns_dark_when_the_system_does(
    qtbot: QtBot, appearance: Appearance, monkeypatch: pytest.MonkeyPatch
) -> None:
    appearance.set_choice("system")
    hints = QApplication.styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: Qt.ColorScheme.Light)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_the_window_opens_where_it_was_left(
    qtbot: QtBot, window: MainWindow, services: Services, data_dir: Path
) -> None:
    window.resize(720, 520)  # the offscreen screen is 800 x 600
    window.move(40, 30)
    window.close()
    again = MainWindow(Session(services), data_dir)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.geometry() == window.geometry()
    assert (again.width(), again.height()) == (720, 520)
    elsewhere = MainWindow(Session(services), data_dir / "other")
    qtbot.addWidget(elsewhere)
    assert (elsewhere.width(), elsewhere.height()) == (1100, 740)  # nothing saved there


def test_the_about_box_names_the_version_and_the_data_folder(
    window: MainWindow, when_dialog: Callable[..., None], data_dir: Path
) -> None:
    seen: list[str] = []
    when_dialog(QMessageBox, lambda box: seen.append(box.text()))
    window.about_action.trigger()
    assert f"VA Tracker {__version__}" in seen[0]
    assert f"Data folder: {data_dir}" in seen[0]
