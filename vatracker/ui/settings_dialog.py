"""The VA's settings: their time zone, and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from ..domain.zones import system_zone_name
from ..services.settings import SettingsService
from .catalog_dialogs import FormDialog, zone_picker
from .text import plain_label


class SettingsDialog(FormDialog):
    def __init__(
        self, settings: SettingsService, data_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__("Settings", self._store, parent)
        self._settings = settings
        stored = settings.stored_zone_name()
        system = system_zone_name()
        self.follow_box = QCheckBox(f"Follow the computer's time zone ({system})")
        self.follow_box.setChecked(stored is None)
        self.zone_box = zone_picker(stored or system)
        self.zone_box.setAccessibleName("Your time zone")
        self.follow_box.toggled.connect(lambda follow: self.zone_box.setEnabled(not follow))
        self.zone_box.setEnabled(stored is not None)
        folder_row = QHBoxLayout()
        folder_label = plain_label(str(data_folder))
        folder_label.setObjectName("dataFolderLabel")
        open_button = QPushButton("Open folder")
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_folder)))
        )
        folder_row.addWidget(folder_label, 1)
        folder_row.addWidget(open_button)
        self.form.addRow("Your time zone", self.follow_box)
        self.form.addRow("", self.zone_box)
        self.form.addRow("Data folder", folder_row)

    def _store(self) -> None:
        self._settings.set_va_zone(
            None if self.follow_box.isChecked() else self.zone_box.currentText()
        )
