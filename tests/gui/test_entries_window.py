"""The day's entries in the window: add, edit, split, delete, undo, overlaps, days."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import Outcome, new_entry
from vatracker.services.container import Services
from vatracker.ui.entries_model import Column
from vatracker.ui.entry_dialog import EntryDialog
from vatracker.ui.main_window import MainWindow
from vatracker.ui.split_dialog import SplitDialog


def log(services: Services, start: str, end: str, **changes: object) -> int:
    client = services.catalog.clients()[0] if services.catalog.clients() else add_client(services)
    entry = new_entry(
        client.id, task(services).id, at(start), services.settings.va_zone(), end=at(end)
    )
    change = services.entries.add(replace(entry, **changes), allow_overlap=True)  # type: ignore[arg-type]
    assert change.after[0].id is not None
    return change.after[0].id


def cell(window: MainWindow, row: int, column: Column) -> str:
    model = window.day_view.model
    return str(model.data(model.index(row, column)))


def select_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.day_view.table
    rect = table.visualRect(window.day_view.model.index(row, Column.CLIENT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def set_wall(edit: object, text: str) -> None:
    edit.set_wall(datetime.fromisoformat(text))  # type: ignore[attr-defined]


def test_add_an_entry_by_hand(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    add_client(services, "Acme")
    window.refresh()

    def fill(dialog: EntryDialog) -> None:
        assert dialog.windowTitle() == "Add entry"
        dialog.task_box.setCurrentIndex(dialog.task_box.findText("Own admin"))
        assert not dialog.billable_box.isChecked()  # the task type's default
        set_wall(dialog.start_edit, "2026-03-02 08:15")
        set_wall(dialog.end_edit, "2026-03-02 09:00")
        qtbot.mouseClick(dialog.trying_radio, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.findings_edit, "Bank feed needs re-linking")
        qtbot.keyClicks(dialog.note_edit, "reconcile")
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    when_dialog(EntryDialog, fill)
    qtbot.mouseClick(window.day_view.add_button, Qt.MouseButton.LeftButton)
    (entry,) = services.entries.on_day(window.day_view.day())
    assert (entry.start, entry.end) == (at("2026-03-02 08:15"), at("2026-03-02 09:00"))
    assert entry.outcome is Outcome.TRYING and entry.findings == "Bank feed needs re-linking"
    assert entry.note == "reconcile" and not entry.billable
    assert cell(window, 0, Column.START) == "08:15"
    assert cell(window, 0, Column.TASK) == "Own admin (non-billable)"


def test_a_bad_entry_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    add_client(services, "Acme")
    window.refresh()
    messages: list[str] = []

    def fill(dialog: EntryDialog) -> None:
        set_wall(dialog.start_edit, "2026-03-02 10:00")
        set_wall(dialog.end_edit, "2026-03-02 09:00")
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert dialog.isVisible()
        messages.append(dialog.error_label.text())
        dialog.reject()

    when_dialog(EntryDialog, fill)
    window.add_entry()
    assert messages == ["The end (2026-03-02 09:00) is before the start (2026-03-02 10:00)."]
    assert services.entries.on_day(window.day_view.day()) == []


def test_editing_into_an_overlap_warns_and_says_with_what(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    log(services, "2026-03-02 08:00", "2026-03-02 09:00")
    second = log(services, "2026-03-02 10:00", "2026-03-02 11:00")
    window.refresh()
    warnings: list[str] = []

    def refuse_overlap(box: QMessageBox) -> None:
        warnings.append(box.text())
        box.reject()

    def move_start(dialog: EntryDialog) -> None:
        set_wall(dialog.start_edit, "2026-03-02 08:30")
        when_dialog(QMessageBox, refuse_overlap)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert "would overlap #1 Acme · Inbox management" in dialog.error_label.text()
        dialog.reject()

    select_row(qtbot, window, 1)
    when_dialog(EntryDialog, move_start)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(warnings) == 1 and "Save it anyway?" in warnings[0]
    assert services.entries.get(second).start == at("2026-03-02 10:00")


def test_overlaps_are_flagged_in_the_table(window: MainWindow, services: Services) -> None:
    log(services, "2026-03-02 08:00", "2026-03-02 09:00")
    log(services, "2026-03-02 08:30", "2026-03-02 09:30")
    log(services, "2026-03-02 10:00", "2026-03-02 10:30")
    window.refresh()
    assert [cell(window, row, Column.START) for row in range(3)] == ["⚠ 08:00", "⚠ 08:30", "10:00"]
    model = window.day_view.model
    tooltip = model.data(model.index(0, Column.CLIENT), Qt.ItemDataRole.ToolTipRole)
    assert "Overlaps Acme · Inbox management, 08:30 to 09:30" in tooltip
    assert model.data(model.index(2, Column.CLIENT), Qt.ItemDataRole.BackgroundRole) is None


def test_split_then_undo_by_keyboard(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    log(services, "2026-03-02 08:00", "2026-03-02 10:00", note="calls")
    window.refresh()
    select_row(qtbot, window, 0)

    def split_at(dialog: SplitDialog) -> None:
        assert dialog.preview.text() == "1:00:00 + 1:00:00"
        set_wall(dialog.at_edit, "2026-03-02 08:40")
        assert dialog.preview.text() == "0:40:00 + 1:20:00"
        dialog._save()

    when_dialog(SplitDialog, split_at)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [cell(window, r, Column.LENGTH) for r in (0, 1)] == ["0:40:00", "1:20:00"]
    assert [cell(window, r, Column.NOTE) for r in (0, 1)] == ["calls", "calls"]
    window.activateWindow()  # as the desktop does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.day_view.table)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.day_view.model.rowCount() == 1
    assert cell(window, 0, Column.LENGTH) == "2:00:00"
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.day_view.model.rowCount() == 2


def test_delete_with_the_delete_key_and_undo(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    entry_id = log(services, "2026-03-02 08:00", "2026-03-02 09:00", note="keep")
    window.refresh()
    select_row(qtbot, window, 0)
    window.day_view.table.setFocus()
    qtbot.keyClick(window.day_view.table, Qt.Key.Key_Delete)
    assert window.day_view.model.rowCount() == 0
    assert "Undo with Ctrl+Z" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "&Undo Delete entry"
    window.undo_action.trigger()
    assert services.entries.get(entry_id).note == "keep"
    assert cell(window, 0, Column.NOTE) == "keep"


def test_undo_that_no_longer_fits_is_refused_and_says_why(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    entry_id = log(services, "2026-03-02 08:00", "2026-03-02 09:00")
    window.refresh()
    select_row(qtbot, window, 0)
    window.delete_action.trigger()
    log(services, "2026-03-02 08:30", "2026-03-02 09:30")  # the freed time is used again
    seen: list[str] = []
    when_dialog(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    window.undo_action.trigger()
    assert seen and "would overlap" in seen[0]
    qtbot.waitUntil(lambda: not window.undo_stack.canRedo())
    assert [e.id for e in services.entries.on_day(window.day_view.day())] != [entry_id]


def test_day_navigation_shows_other_days(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    log(services, "2026-03-01 08:00", "2026-03-01 09:00", note="sunday")
    log(services, "2026-03-02 08:00", "2026-03-02 09:00", note="monday")
    window.refresh()
    assert window.day_view.title.text() == "Today"
    assert cell(window, 0, Column.NOTE) == "monday"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.day_view.title.text() == "Yesterday"
    assert cell(window, 0, Column.NOTE) == "sunday"
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert cell(window, 0, Column.NOTE) == "monday"


def test_an_entry_across_midnight_shows_on_both_days(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    log(services, "2026-03-01 23:00", "2026-03-02 01:30")
    window.refresh()
    assert cell(window, 0, Column.START) == "Sun 01 23:00"
    totals = window.day_view.totals_model
    assert totals.data(totals.index(0, 1)) == "1:30"  # only today's part
    window.previous_day_action.trigger()
    assert cell(window, 0, Column.END) == "Mon 02 01:30"
    assert totals.data(totals.index(0, 1)) == "1:00"


def test_changes_from_the_command_line_show_up(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    other = Services.open(services.db.path.parent, clock)
    client = add_client(other, "Acme")
    other.timer.start(client.id, task(other).id)
    other.close()
    window.session.tick()
    assert window.timer_panel.what_label.text() == "Acme · Inbox management"


def test_midnight_moves_the_view_to_the_new_day(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    log(services, "2026-03-02 08:00", "2026-03-02 09:00")
    window.refresh()
    clock.set(at("2026-03-03 00:00") + 5)
    window.session.tick()
    assert window.day_view.day() == window.day_view.today()
    assert window.day_view.day().isoformat() == "2026-03-03"
    assert window.day_view.model.rowCount() == 0
    assert window.day_view.day() - timedelta(days=1) == datetime(2026, 3, 2).date()
