"""Backups, restore and damage from the window: FAULTS S7 through the real dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at, task
from vatracker import app as app_module
from vatracker.domain.entries import new_entry
from vatracker.services.container import Services
from vatracker.storage.database import database_file
from vatracker.ui import data_care
from vatracker.ui.backups_dialog import BackupsDialog
from vatracker.ui.main_window import MainWindow
from vatracker.ui.single_instance import SingleInstance


def log_entries(services: Services, count: int) -> None:
    client = add_client(services, "Acme", "UTC")
    for n in range(count):
        start = at("2026-03-02 08:00") + n * 600
        entry = new_entry(
            client.id,
            task(services).id,
            start,
            services.settings.va_zone(),
            end=start + 300,
            billable=True,
        )
        services.entries.add(entry)


def count(services: Services) -> int:
    return int(services.db.conn.execute("SELECT count(*) FROM entries").fetchone()[0])


def press(box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_backups_dialog_backs_up_and_restores(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    when_dialog: Callable[..., None],
) -> None:
    log_entries(services, 3)
    window.refresh()
    dialogs: list[BackupsDialog] = []

    def use(dialog: BackupsDialog) -> None:
        dialogs.append(dialog)
        qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
        assert dialog.model.index(0, 1).data() == "By hand"
        assert dialog.model.index(0, 3).data() == "3"
        assert dialog.status.text().startswith("Backed up to vatracker-")
        services.entries.delete(services.entries.on_day(date(2026, 3, 2))[0].id)
        assert count(services) == 2
        when_dialog(QMessageBox, lambda box: press(box, "Restore"))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert count(services) == 3
        assert "Restored vatracker-" in dialog.status.text() and "before-restore" in (
            dialog.status.text()
        )
        assert dialog.model.rowCount() == 2
        dialog.reject()

    when_dialog(BackupsDialog, use)
    window.backups_action.trigger()
    assert dialogs


def test_damage_found_after_start_up_sets_the_file_aside_and_restores(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    when_dialog: Callable[..., None],
) -> None:
    log_entries(services, 4)
    services.backups.back_up()
    monkeypatch.setattr(data_care, "problem_in", lambda path: "Page 7 is never used")
    seen: list[str] = []
    when_dialog(
        QMessageBox,
        lambda box: (seen.append(box.text()), press(box, "Set it aside and restore the backup")),
    )
    clock.set(at("2026-03-05 10:00"))
    with qtbot.waitSignal(window.restart_requested, timeout=10_000):
        window.care.start()
    assert "Page 7 is never used" in seen[0] and "holds 4 entries" in seen[0]
    assert Path(f"{database_file(data_dir)}.corrupt-20260305T100000Z").exists()
    reopened = Services.open(data_dir, clock)
    assert count(reopened) == 4
    reopened.close()


def test_a_database_damaged_at_start_up_is_offered_its_backup(
    qtbot: QtBot,
    data_dir: Path,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    services = Services.open(data_dir, clock)
    log_entries(services, 2)
    services.backups.back_up()
    services.close()
    path = database_file(data_dir)
    damaged = b"not a database at all" * 400
    path.write_bytes(damaged)
    seen: list[str] = []
    when_dialog(
        QMessageBox,
        lambda box: (seen.append(box.text()), press(box, "Set it aside and restore the backup")),
    )
    app = QApplication.instance()
    instance = SingleInstance(data_dir)
    assert app_module._run_window(app, instance, data_dir) == app_module.RESTART  # type: ignore[arg-type]
    assert "is damaged" in seen[0] and "holds 2 entries" in seen[0]
    (aside,) = data_dir.glob("vatracker.sqlite3.corrupt-*")
    assert aside.read_bytes() == damaged
    reopened = Services.open(data_dir, clock)
    assert count(reopened) == 2
    reopened.close()


def test_warnings_about_the_data_folder_stay_in_the_status_bar(window: MainWindow) -> None:
    window.show_warnings("Your data folder is inside Dropbox, which syncs it. More words.")
    assert window.warning_label.isVisible()
    assert window.warning_label.text().startswith("⚠ Your data folder is inside Dropbox")
    assert "More words." in window.warning_label.toolTip()


def test_settings_warn_about_a_synced_data_folder(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    from vatracker.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services, tmp_path / "Dropbox" / "vatracker")
    qtbot.addWidget(dialog)
    assert "inside Dropbox" in dialog.folder_warning.text()
    plain = SettingsDialog(services, tmp_path / "local")
    qtbot.addWidget(plain)
    assert not hasattr(plain, "folder_warning")
