"""Promises in the window: the client editor, own hours, requests, the map, boundaries, what-if."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import new_entry
from vatracker.domain.promises import Promises
from vatracker.domain.weekly import parse_window
from vatracker.domain.weeks import Week
from vatracker.services.container import Services
from vatracker.ui.boundaries_dialog import BoundariesDialog
from vatracker.ui.client_dialogs import ClientForm, ClientsDialog
from vatracker.ui.main_window import MainWindow
from vatracker.ui.promise_editors import WindowsEditor
from vatracker.ui.request_dialog import RequestDialog
from vatracker.ui.settings_dialog import SettingsDialog
from vatracker.ui.what_if_dialog import WhatIfDialog


def pick_days(editor: WindowsEditor, *days: int) -> None:
    for index, button in enumerate(editor.days.buttons):
        button.setChecked(index in days)


def set_time(edit: object, hours: int, minutes: int = 0) -> None:
    edit.setTime(QTime(hours, minutes))  # type: ignore[attr-defined]


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_client_editor_saves_windows_commitments_response_and_retainer(
    qtbot: QtBot, services: Services, when_dialog: Callable[..., None]
) -> None:
    acme = add_client(services, "Acme", "America/New_York")
    dialog = ClientsDialog(services, "UTC")
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    seen: list[str] = []

    def fill(form: ClientForm) -> None:
        editor = form.windows_editor
        pick_days(editor, 0, 1, 2, 3, 4)
        set_time(editor.start_edit, 8)
        set_time(editor.end_edit, 10)
        click(qtbot, editor.add_button)
        pick_days(editor, 2)
        set_time(editor.start_edit, 9)
        set_time(editor.end_edit, 11)
        click(qtbot, editor.add_button)  # overlaps Wednesday 08:00-10:00: refused, named
        seen.append(editor.error_label.text())
        set_time(editor.start_edit, 22)
        set_time(editor.end_edit, 2)
        click(qtbot, editor.add_button)  # ends before it starts and not overnight: refused
        seen.append(editor.error_label.text())
        editor.overnight_box.setChecked(True)
        click(qtbot, editor.add_button)
        commitments = form.commitments_editor
        commitments.task_box.setCurrentIndex(commitments.task_box.findText("Inbox management"))
        set_time(commitments.due_edit, 9)
        click(qtbot, commitments.add_button)
        form.response_box.setChecked(True)
        form.response_hours.setValue(4)
        form.retainer_group.setChecked(True)
        form.retainer_hours.setText("-5")
        form.retainer_fee.setText("480")
        form.overage_rate.setText("15")
        click(qtbot, form.buttons.button(form.buttons.StandardButton.Save))
        seen.append(form.error_label.text())
        form.retainer_hours.setText("20")
        click(qtbot, form.buttons.button(form.buttons.StandardButton.Save))

    when_dialog(ClientForm, fill)
    click(qtbot, dialog.edit_button)
    assert "Mon-Fri 08:00-10:00 and Wed 09:00-11:00 of the client overlap" in seen[0]
    assert "ends (02:00) before it starts (22:00)" in seen[1]
    assert seen[2] == "The retainer hours -5 must be 0 or more."
    promises = services.promises.promises(acme.id)
    assert [w.describe() for w in promises.windows] == [
        "Mon-Fri 08:00-10:00",
        "Wed 22:00-02:00 (ends the next day)",
    ]
    assert [c.describe("x") for c in promises.commitments] == ["x by 09:00, Mon-Fri"]
    assert promises.response_minutes == 240
    assert promises.retainer is not None and promises.retainer.included_minutes == 20 * 60


def test_own_hours_in_settings(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    def change(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        editor = dialog.hours_editor
        editor.list.setCurrentRow(0)
        click(qtbot, editor.remove_button)
        pick_days(editor, 0, 1, 2, 3)
        set_time(editor.start_edit, 7)
        set_time(editor.end_edit, 15)
        click(qtbot, editor.add_button)
        dialog.limit_box.setValue(32)
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))

    when_dialog(SettingsDialog, change)
    window.settings_action.trigger()
    own = services.promises.own_hours()
    assert [w.describe() for w in own.windows] == ["Mon-Thu 07:00-15:00"]
    assert own.weekly_limit_minutes == 32 * 60


def test_a_request_is_logged_by_shortcut_and_marked(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    services.settings.set_va_zone("Asia/Manila")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 08:00-10:00"),))
    )
    clock.set(at("2026-05-12 03:00"))  # 23:00 in New York: outside Acme's mornings
    window.refresh()

    def fill(dialog: RequestDialog) -> None:
        dialog.channel_box.setCurrentText("chat")
        qtbot.keyClicks(dialog.note_edit, "Can you join the 9am call?")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))

    when_dialog(RequestDialog, fill)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    (request,) = services.requests.in_month()
    assert (request.client_id, request.channel, request.note) == (
        acme.id,
        "chat",
        "Can you join the 9am call?",
    )
    assert request.outside_client_windows and not request.outside_own_hours
    assert window.statusBar().currentMessage() == "Request logged (outside their windows)."


def test_the_map_shows_the_shifted_windows_in_the_weeks_between_clock_changes(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    services.settings.set_va_zone("Europe/London")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 09:00-11:00"),))
    )
    clock.set(at("2026-03-04 12:00"))
    window.refresh()
    window.availability_tab_action.trigger()
    view = window.availability_view
    view.show_week(Week.parse("2026-W10"))
    data = view.map.data
    assert data is not None
    assert {(b.top, b.bottom) for b in data.windows} == {(14.0, 16.0)}
    assert [c.name for c in data.clients] == ["Acme"]
    assert view.week_label.text() == "Week 10, Mon 02 Mar to Sun 08 Mar 2026"
    click(qtbot, view.next_button)  # New York has moved its clocks, London not yet
    data = view.map.data
    assert data is not None and {(b.top, b.bottom) for b in data.windows} == {(13.0, 15.0)}
    assert "Promised this week: 10:00 h of your 40:00 h limit (within your limit)" in (
        view.summary_label.text()
    )
    canvas = view.map.canvas
    assert (
        canvas is not None
        and canvas.figure.axes[0].get_title(loc="left") == "Week 2026-W11 (Europe/London)"
    )


def test_the_client_table_shows_week_and_month_figures(
    window: MainWindow, services: Services, clock: FakeClock
) -> None:
    services.settings.set_va_zone("Europe/London")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 09:00-11:00"),))
    )
    clock.set(at("2026-05-13 12:00"))
    services.entries.add(
        new_entry(
            acme.id,
            task(services).id,
            at("2026-05-11 20:00"),
            services.settings.va_zone(),
            end=at("2026-05-11 21:00"),
        )
    )
    services.requests.log(acme.id, at=at("2026-05-12 02:00"))
    window.refresh()
    window.tabs.setCurrentWidget(window.availability_view)
    model = window.availability_view.model
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[:6] == ["Acme", "10:00", "0:00", "1:00", "1:00", "1:00"]
    assert row[7] == "1 (1 outside)"


def test_boundaries_dialog_copies_a_note(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 09:00-11:00"),))
    )
    window.refresh()
    notes: list[str] = []

    def copy(dialog: BoundariesDialog) -> None:
        assert "Agreed availability: Mon-Fri 09:00-11:00 (America/New_York)." in (
            dialog.facts_label.text()
        )
        click(qtbot, dialog.copy_button)
        notes.append(QApplication.clipboard().text())
        dialog.reject()

    when_dialog(BoundariesDialog, copy)
    window.boundaries_action.trigger()
    assert notes and notes[0].startswith("Hi Acme,")
    assert "Mon-Fri 09:00-11:00 (your time, America/New_York)" in notes[0]


def test_can_i_take_another_client(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    services.settings.set_va_zone("Asia/Manila")
    acme = add_client(services, "Acme", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 08:00-10:00"),))
    )
    clock.set(at("2026-05-13 12:00"))
    results: list[tuple[str, str, int]] = []

    def check(dialog: WhatIfDialog) -> None:
        dialog.zone_box.setCurrentText("Europe/London")
        editor = dialog.windows_editor
        pick_days(editor, 0, 1, 2, 3, 4)
        set_time(editor.start_edit, 13)
        set_time(editor.end_edit, 14, 30)
        click(qtbot, editor.add_button)
        dialog.expected_hours.setValue(6)
        click(qtbot, dialog.check_button)
        data = dialog.map.data
        results.append(
            (
                dialog.verdict_label.text(),
                dialog.collisions_label.text(),
                0 if data is None else len(data.prospect),
            )
        )
        dialog.reject()

    when_dialog(WhatIfDialog, check)
    window.what_if_action.trigger()
    verdict, collisions, prospect_blocks = results[0]
    assert (
        "Promised this week now: 10:00 h. With this client: 17:30 h, within your 40:00 h" in verdict
    )
    assert "7:30 h collides with Acme" in collisions
    assert "7:30 h outside your own hours" in collisions
    assert prospect_blocks == 5
