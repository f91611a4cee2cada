"""The timer in the window: start, switch and stop by button, shortcut and recent pair."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, task
from vatracker.domain.entries import Outcome
from vatracker.services.container import Services
from vatracker.ui.entries_model import Column
from vatracker.ui.main_window import MainWindow
from vatracker.ui.timer_dialogs import FindingsDialog


def pick(window: MainWindow, client: str, task_name: str) -> None:
    panel = window.timer_panel
    panel.client_box.setCurrentIndex(panel.client_box.findText(client))
    panel.task_box.setCurrentIndex(panel.task_box.findText(task_name))


def cell(window: MainWindow, row: int, column: Column) -> str:
    model = window.day_view.model
    return str(model.data(model.index(row, column)))


def test_start_tick_and_stop_with_the_buttons(
    qtbot: QtBot, window: MainWindow, services: Services, advance: Callable[[int], None]
) -> None:
    add_client(services, "Acme")
    window.refresh()
    pick(window, "Acme", "Inbox management")
    qtbot.keyClicks(window.timer_panel.note_edit, "morning triage")
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)

    running = services.timer.running()
    assert running is not None and running.note == "morning triage"
    assert window.timer_panel.what_label.text() == "Acme · Inbox management"
    assert window.timer_panel.note_edit.text() == ""
    assert cell(window, 0, Column.END) == "running"
    advance(5)
    assert window.timer_panel.elapsed_label.text() == "0:00:05"
    assert cell(window, 0, Column.LENGTH) == "0:00:05"
    assert "VA Tracker" in window.windowTitle() and "0:00:05" in window.windowTitle()

    advance(60)
    qtbot.mouseClick(window.timer_panel.stop_button, Qt.MouseButton.LeftButton)
    assert services.timer.running() is None
    assert window.timer_panel.what_label.text() == "No timer running"
    assert cell(window, 0, Column.LENGTH) == "0:01:05"
    assert cell(window, 0, Column.OUTCOME) == "done"
    totals = window.day_view.totals_model
    assert totals.data(totals.index(0, 0)) == "Acme"
    assert totals.data(totals.index(0, 1)) == "0:01"
    assert window.windowTitle() == "VA Tracker"


def test_switch_is_one_click_and_leaves_no_gap(
    qtbot: QtBot, window: MainWindow, services: Services, advance: Callable[[int], None]
) -> None:
    add_client(services, "Acme")
    add_client(services, "Beta")
    window.refresh()
    pick(window, "Acme", "Inbox management")
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    advance(600)
    pick(window, "Beta", "Research")
    assert window.timer_panel.start_button.text() == "Switch"
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    first, second = services.entries.on_day(window.day_view.day())
    assert first.end == second.start and second.running
    assert window.timer_panel.what_label.text() == "Beta · Research"
    assert [cell(window, row, Column.CLIENT) for row in (0, 1)] == ["Acme", "Beta"]


def test_a_double_click_on_start_gives_one_entry(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    # FAULTS T13.
    add_client(services, "Acme")
    window.refresh()
    button = window.timer_panel.start_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    clock.advance(0)
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    window.start(services.catalog.clients()[0].id, task(services).id)  # the shortcut path too
    assert window.day_view.model.rowCount() == 1
    assert len(services.db.query("SELECT id FROM entries")) == 1


def test_recent_pairs_start_with_one_click_and_by_shortcut(
    qtbot: QtBot, window: MainWindow, services: Services, advance: Callable[[int], None]
) -> None:
    acme = add_client(services, "Acme")
    beta = add_client(services, "Beta")
    services.timer.start(acme.id, task(services).id)
    advance(60)
    services.timer.start(beta.id, task(services, "Research").id)
    advance(60)
    services.timer.stop()
    window.refresh()
    buttons = window.timer_panel.recent_buttons
    assert [b.text() for b in buttons] == ["Beta · Research", "Acme · Inbox management"]
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    running = services.timer.running()
    assert running is not None and running.client_id == acme.id
    advance(60)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    running = services.timer.running()
    assert running is not None and running.client_id == beta.id


def test_keyboard_only_start_and_stop(
    qtbot: QtBot, window: MainWindow, services: Services, advance: Callable[[int], None]
) -> None:
    add_client(services, "Acme")
    window.refresh()
    window.timer_panel.note_edit.setFocus()
    qtbot.keyClicks(window.timer_panel.note_edit, "calls")
    qtbot.keyClick(
        window.timer_panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    running = services.timer.running()
    assert running is not None and running.note == "calls"
    advance(30)
    qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert services.timer.running() is None


def test_stop_as_trying_records_the_findings(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    advance: Callable[[int], None],
    when_dialog: Callable[..., None],
) -> None:
    add_client(services, "Acme")
    window.refresh()
    pick(window, "Acme", "Inbox management")
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    advance(1200)

    def describe_attempt(dialog: FindingsDialog) -> None:
        assert dialog.what_label.text() == "Acme · Inbox management"
        qtbot.keyClicks(dialog.findings_edit, "Filters need admin access")
        dialog.accept()

    when_dialog(FindingsDialog, describe_attempt)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    (entry,) = services.entries.on_day(window.day_view.day())
    assert entry.outcome is Outcome.TRYING and entry.findings == "Filters need admin access"
    assert cell(window, 0, Column.OUTCOME) == "trying"
    assert cell(window, 0, Column.FINDINGS) == "Filters need admin access"


def test_cancelling_stop_as_trying_keeps_the_timer(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    add_client(services, "Acme")
    window.refresh()
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    when_dialog(FindingsDialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(window.timer_panel.trying_button, Qt.MouseButton.LeftButton)
    assert services.timer.running() is not None


def test_a_failure_is_shown_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    acme = add_client(services, "Acme")
    window.refresh()
    services.catalog.set_client_archived(acme.id, True)  # behind the window's back
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_dialog(QMessageBox, read)
    qtbot.mouseClick(window.timer_panel.start_button, Qt.MouseButton.LeftButton)
    assert seen == ["'Acme' is archived: unarchive it to track time for it."]
    assert services.timer.running() is None


def test_first_run_offers_to_add_a_client(window: MainWindow) -> None:
    assert window.timer_panel.first_client_button.isVisible()
    assert not window.timer_panel.start_button.isEnabled()
