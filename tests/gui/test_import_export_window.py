"""Import and export from the window, through the real wizard and dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at
from vatracker.services.container import Services
from vatracker.ui.export_dialog import export_to
from vatracker.ui.import_wizard import ImportWizard
from vatracker.ui.main_window import MainWindow

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def entry_clients(services: Services) -> list[str]:
    return [
        row[0]
        for row in services.db.conn.execute(
            "SELECT c.name FROM entries e JOIN clients c ON c.id = e.client_id ORDER BY e.id"
        )
    ]


def test_the_wizard_previews_maps_and_imports(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    when_dialog: Callable[..., None],
) -> None:
    clock.set(at("2026-11-23 12:00"))
    add_client(services, "Bright Dental Clinic", "UTC")
    done: list[ImportWizard] = []

    def use(wizard: ImportWizard) -> None:
        done.append(wizard)
        qtbot.keyClicks(wizard.file_edit, str(FIXTURES / "clockify_classic.csv"))
        wizard.zone_box.setCurrentText("America/Chicago")
        qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
        assert wizard.pages.currentIndex() == 1, wizard.error_label.text()
        assert "a Clockify export, times read in America/Chicago" in wizard.summary.text()
        assert entry_clients(services) == []  # the preview wrote nothing
        item = wizard.mapping.item(0, 0)
        assert item is not None and item.text() == "Client: Bright Dental"
        box = wizard.mapping.cellWidget(0, 2)
        assert isinstance(box, QComboBox)
        box.setCurrentText("Bright Dental Clinic")  # merge into the existing client
        first = wizard.sample.item(0, 1)
        assert first is not None and first.text() == "2026-03-02 10:23"
        assert wizard.import_button.text().startswith("&Import ")
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)

    when_dialog(ImportWizard, use)
    window.import_action.trigger()
    assert done and not done[0].isVisible()
    assert set(entry_clients(services)) == {"Bright Dental Clinic"}
    assert window.statusBar().currentMessage().startswith("Imported ")


def test_the_wizard_says_what_is_wrong_with_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("hello,world\n1,2\n")
    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    assert wizard.error_label.text() == "Choose the file to import first."
    wizard.file_edit.setText(str(bad))
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == 0
    assert "notes.csv" in wizard.error_label.text() and "Toggl" in wizard.error_label.text()


def test_a_very_long_entry_is_asked_about_before_the_preview(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    tmp_path: Path,
    when_dialog: Callable[..., None],
) -> None:
    clock.set(at("2026-11-23 12:00"))
    path = tmp_path / "long.csv"
    path.write_text(
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
        "End time,Duration,Tags\n"
        "A,a@x,Acme,,Research,,Yes,2026-03-02,09:00:00,2026-03-03,12:00:00,27:00:00,\n"
    )
    wizard = ImportWizard(window.session, window)
    qtbot.addWidget(wizard)
    wizard.file_edit.setText(str(path))
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        (yes,) = [b for b in box.buttons() if b.text() == "Import anyway"]
        yes.click()

    when_dialog(QMessageBox, answer)
    qtbot.mouseClick(wizard.preview_button, Qt.MouseButton.LeftButton)
    assert "over 24 hours long" in asked[0]
    assert wizard.pages.currentIndex() == 1 and wizard.plan is not None
    assert wizard.plan.new_entries == 1


def test_export_everything_writes_the_folder(
    window: MainWindow, services: Services, tmp_path: Path
) -> None:
    add_client(services, "Acme", "UTC")
    target = export_to(window, window.session, tmp_path)
    assert target is not None
    names = sorted(p.name for p in target.iterdir())
    assert "entries.csv" in names and "clients.csv" in names and "vatracker-export.json" in names
    assert "Acme" in (target / "clients.csv").read_text()
    assert window.statusBar().currentMessage().startswith("Exported everything")


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    shortcuts = [
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), sorted(shortcuts)
    assert window.import_action.shortcut().toString() == "Ctrl+Shift+I"
