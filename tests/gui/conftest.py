"""GUI fixtures: the real main window over a real database, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock
from vatracker.services.container import Services
from vatracker.ui.main_window import MainWindow
from vatracker.ui.session import Session

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def window(qtbot: QtBot, services: Services, data_dir: Path) -> Iterator[MainWindow]:
    main = MainWindow(Session(services), data_dir)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    # No dialog may be left open by a test (it would block the next one).
    left_open = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not main]
    for widget in left_open:
        widget.close()
    assert not left_open, f"dialogs left open: {left_open}"


@pytest.fixture
def when_dialog(qtbot: QtBot) -> Callable[[type[W], Callable[[W], None]], None]:
    """Arrange for `handle` to act on the next modal dialog of `kind` once it opens."""

    def arrange(kind: type[W], handle: Callable[[W], None]) -> None:
        poller = QTimer()
        poller.setInterval(10)

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                poller.stop()
                try:
                    handle(widget)
                finally:
                    if widget.isVisible():
                        widget.close()

        poller.timeout.connect(poll)
        poller.start()
        arrange.pollers.append(poller)  # type: ignore[attr-defined]

    arrange.pollers = []  # type: ignore[attr-defined]
    return arrange


@pytest.fixture
def advance(clock: FakeClock, window: MainWindow) -> Callable[[int], None]:
    """Move time on with the app awake: it ticks (and beats) at least once a minute."""

    def move(seconds: int) -> None:
        while seconds > 0:
            step = min(seconds, 60)
            clock.advance(step)
            window.session.tick()
            seconds -= step

    return move
