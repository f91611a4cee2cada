"""Clients, task types, settings, the unseen-time question, the tray, and user text as text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, task
from vatracker.services.container import Services
from vatracker.ui.catalog_dialogs import TaskTypeForm, TaskTypesDialog
from vatracker.ui.client_dialogs import ClientForm, ClientsDialog
from vatracker.ui.entries_model import Column, DayRows, EntriesTableModel
from vatracker.ui.main_window import MainWindow
from vatracker.ui.settings_dialog import SettingsDialog
from vatracker.ui.totals_model import ClientTotalsModel
from vatracker.ui.tray import Tray

HOSTILE = '<b>Bold</b> <img src="x"> =HYPERLINK("http://evil")'


def save(qtbot: QtBot, form: ClientForm | TaskTypeForm | SettingsDialog) -> None:
    qtbot.mouseClick(
        form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_first_client_from_the_window(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    errors: list[str] = []

    def fill(form: ClientForm) -> None:
        qtbot.keyClicks(form.name_edit, "Acme")
        qtbot.keyClicks(form.rate_edit, "-5")
        form.currency_box.setCurrentText("EUR")
        form.zone_box.setCurrentText("Europe/Berlin")
        save(qtbot, form)
        errors.append(form.error_label.text())
        form.rate_edit.setText("42.50")
        save(qtbot, form)
        when_dialog(ClientsDialog, lambda dialog: dialog.reject())

    when_dialog(ClientForm, fill)
    qtbot.mouseClick(window.timer_panel.first_client_button, Qt.MouseButton.LeftButton)
    assert errors == ["The rate -5 is negative: an hourly rate is 0 or more."]
    (client,) = services.catalog.clients()
    assert (client.name, client.currency, client.rate_minor, client.timezone) == (
        "Acme",
        "EUR",
        4250,
        "Europe/Berlin",
    )
    assert window.timer_panel.client_box.currentText() == "Acme"
    assert not window.timer_panel.first_client_button.isVisible()


def test_clients_dialog_edits_archives_and_refuses_deleting_used_clients(
    qtbot: QtBot, services: Services, when_dialog: Callable[..., None], clock: FakeClock
) -> None:
    acme = add_client(services, "Acme")
    services.timer.start(acme.id, task(services).id)
    dialog = ClientsDialog(services, "UTC")
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert services.catalog.client(acme.id).archived
    assert dialog.archive_button.text() == "Unarchive"
    assert dialog.model.data(dialog.model.index(0, 3)) == "archived"
    when_dialog(QMessageBox, lambda box: box.buttons()[0].click())
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "cannot be deleted: archive it instead" in dialog.error_label.text()

    def rename(form: ClientForm) -> None:
        form.name_edit.setText("Acme Inc")
        save(qtbot, form)

    when_dialog(ClientForm, rename)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert services.catalog.client(acme.id).name == "Acme Inc"


def test_task_types_dialog_adds_a_non_billable_type(
    qtbot: QtBot, services: Services, when_dialog: Callable[..., None]
) -> None:
    dialog = TaskTypesDialog(services.catalog)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 8

    def fill(form: TaskTypeForm) -> None:
        qtbot.keyClicks(form.name_edit, "Training")
        form.billable_box.setChecked(False)
        save(qtbot, form)

    when_dialog(TaskTypeForm, fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not services.catalog.task_type_named("Training").billable
    assert dialog.model.rowCount() == 9


def test_settings_choose_the_va_time_zone(
    qtbot: QtBot, window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    def choose(dialog: SettingsDialog) -> None:
        assert dialog.findChild(QLabel, "dataFolderLabel").text() == str(window.data_folder)
        dialog.follow_box.setChecked(False)
        dialog.zone_box.setCurrentText("Asia/Manila")
        save(qtbot, dialog)

    when_dialog(SettingsDialog, choose)
    window.settings_action.trigger()
    assert services.settings.va_zone().key == "Asia/Manila"
    assert window.session.zone.key == "Asia/Manila"


def test_unseen_time_is_asked_about_when_the_app_wakes(
    window: MainWindow, services: Services, clock: FakeClock, when_dialog: Callable[..., None]
) -> None:
    # FAULTS T9: the laptop slept for two hours with the timer running.
    acme = add_client(services, "Acme")
    started = services.timer.start(acme.id, task(services).id).entry
    window.session.tick()
    clock.advance(300)
    window.session.tick()
    last_seen = clock.now()
    clock.advance(2 * 3600)
    texts: list[str] = []

    def drop_gap(box: QMessageBox) -> None:
        texts.append(box.text())
        next(b for b in box.buttons() if b.text() == "Drop the gap and go on").click()

    when_dialog(QMessageBox, drop_gap)
    window.session.tick()
    assert "Acme · Inbox management" in texts[0] and "2 h 0 min ago" in texts[0]
    first, second = services.entries.on_day(window.day_view.day())
    assert (first.id, first.start, first.end) == (started.id, started.start, last_seen)
    assert second.running and second.start == clock.now()


def test_closing_the_window_with_a_running_timer_keeps_it_in_the_tray(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.keep_running_in_tray = True
    acme = add_client(services, "Acme")
    window.refresh()
    with qtbot.assertNotEmitted(window.quit_requested):
        services.timer.start(acme.id, task(services).id)
        window.refresh()
        window.close()
    assert not window.isVisible()
    window.show_and_raise()
    services.timer.stop()
    window.refresh()
    with qtbot.waitSignal(window.quit_requested):
        window.close()


def test_the_tray_menu_starts_recent_work_and_stops(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    tray = Tray(
        show_window=window.show_and_raise,
        start_pair=lambda client_id, task_id: window.start(client_id, task_id),
        stop=window.stop,
        stop_trying=window.stop_trying,
        log_request=window.log_request,
        quit_app=lambda: None,
        parent=window,
    )
    window.timer_state_changed.connect(tray.show_state)
    acme = add_client(services, "Acme")
    services.timer.start(acme.id, task(services, "Research").id)
    clock.advance(60)
    services.timer.stop()
    window.refresh()
    assert not tray.stop_action.isEnabled()
    assert tray.tooltip_text(clock.now()) == "VA Tracker\nNo timer running"
    (start_action,) = [a for a in tray.menu.actions() if a.text().startswith("Start ")]
    assert start_action.text() == "Start Acme · Research"
    start_action.trigger()
    assert services.timer.running() is not None
    clock.advance(75)
    assert tray.stop_action.isEnabled()
    assert tray.tooltip_text(clock.now()) == "VA Tracker\nAcme · Research\n0:01:15"
    tray.stop_action.trigger()
    assert services.timer.running() is None


def test_user_text_is_shown_literally_everywhere(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    # FAULTS I2: a name with markup is shown as typed, never rendered.
    client = add_client(services, HOSTILE)
    services.timer.start(client.id, task(services).id, note="<i>note</i>")
    window.refresh()
    assert window.timer_panel.what_label.text() == f"{HOSTILE} · Inbox management"
    for label in window.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    model = window.day_view.model
    assert model.data(model.index(0, Column.CLIENT)) == HOSTILE
    tooltip = model.data(model.index(0, Column.CLIENT), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;note&lt;/i&gt;" in tooltip and "<i>" not in tooltip
    assert window.timer_panel.recent_buttons[0].text().startswith(HOSTILE)
    assert HOSTILE in window.windowTitle()


def test_error_messages_show_names_as_text(
    window: MainWindow, services: Services, when_dialog: Callable[..., None]
) -> None:
    client = add_client(services, HOSTILE)
    window.refresh()
    services.catalog.set_client_archived(client.id, True)
    formats: list[tuple[Qt.TextFormat, str]] = []
    when_dialog(
        QMessageBox, lambda box: (formats.append((box.textFormat(), box.text())), box.accept())
    )
    window.start(client.id, task(services).id)
    assert formats == [
        (Qt.TextFormat.PlainText, f"{HOSTILE!r} is archived: unarchive it to track time for it.")
    ]


@pytest.mark.parametrize("model_class", [EntriesTableModel, ClientTotalsModel])
def test_models_follow_the_qt_contract(
    qtmodeltester,
    services: Services,
    model_class: type,  # type: ignore[no-untyped-def]
) -> None:
    acme = add_client(services, "Acme")
    services.timer.start(acme.id, task(services).id)
    model = model_class()
    if model_class is EntriesTableModel:
        day = services.entries.on_day(_today(services))
        model.set_rows(
            DayRows(
                _today(services),
                services.settings.va_zone(),
                day,
                {acme.id: "Acme"},
                {task(services).id: "Inbox management"},
                services.clock.now(),
            )
        )
    qtmodeltester.check(model, force_py=True)


def _today(services: Services):  # type: ignore[no-untyped-def]
    from vatracker.domain.zones import local_date

    return local_date(services.clock.now(), services.settings.va_zone())


def test_no_application_window_is_left_over() -> None:
    assert all(not w.isVisible() for w in QApplication.topLevelWidgets())
