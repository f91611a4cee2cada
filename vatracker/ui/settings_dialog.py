"""Every setting in one place: time zone, look, where the data lives, own working hours and
limits, notifications, the business profile and the review's thresholds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.promises import OwnHours
from ..domain.zones import system_zone_name
from ..services.container import Services
from .billing_forms import BusinessForm
from .catalog_dialogs import FormDialog, zone_picker
from .data_care import data_folder_warning
from .messages import ErrorLabel
from .nudge_settings import NudgeSettingsForm
from .promise_editors import WindowsEditor
from .review_settings import ReviewSettingsForm
from .text import plain_label

APPEARANCE_TEXTS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


class SettingsDialog(FormDialog):
    def __init__(self, services: Services, data_folder: Path, parent: QWidget | None = None):
        super().__init__("Settings", self._store, parent)
        self.setMinimumWidth(640)
        self._services = services
        settings, promises = services.settings, services.promises
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
        self.appearance_box = QComboBox()
        self.appearance_box.setAccessibleName("Appearance")
        for value, text in APPEARANCE_TEXTS.items():
            self.appearance_box.addItem(text, value)
        self.appearance_box.setCurrentIndex(self.appearance_box.findData(settings.appearance()))
        self.form.addRow("Your time zone", self.follow_box)
        self.form.addRow("", self.zone_box)
        self.form.addRow("&Appearance", self.appearance_box)
        self.form.addRow("Data folder", folder_row)
        warning = data_folder_warning(data_folder)
        if warning:
            self.folder_warning = ErrorLabel()
            self.folder_warning.show_error(warning)
            self.form.addRow("", self.folder_warning)

        own = promises.own_hours()
        self.hours_editor = WindowsEditor(own.windows, "your own hours")
        self.limit_box = QDoubleSpinBox()
        self.limit_box.setRange(1, 168)
        self.limit_box.setSuffix(" h a week")
        self.limit_box.setValue(own.weekly_limit_minutes / 60)
        self.limit_box.setAccessibleName("Weekly limit")
        self.rest_box = QSpinBox()
        self.rest_box.setRange(0, 24)
        self.rest_box.setSuffix(" h between working days")
        self.rest_box.setValue(own.min_rest_hours)
        self.days_off_box = QSpinBox()
        self.days_off_box.setRange(0, 7)
        self.days_off_box.setSuffix(" full day(s) off in seven")
        self.days_off_box.setValue(own.days_off_per_week)
        hours_page = QWidget()
        hours_layout = QVBoxLayout(hours_page)
        hours_layout.addWidget(QLabel("Your working days and hours, in your own time zone:"))
        hours_layout.addWidget(self.hours_editor)
        limits = QFormLayout()
        limits.addRow("Weekly &limit", self.limit_box)
        limits.addRow("&Rest", self.rest_box)
        limits.addRow("&Days off", self.days_off_box)
        hours_layout.addLayout(limits)

        self.nudges = NudgeSettingsForm(settings.nudges())
        self.business = BusinessForm(services.billing)
        self.review = ReviewSettingsForm(services.review)
        self.tabs = QTabWidget()
        self.body.removeWidget(self.form_widget)
        self.tabs.addTab(self.form_widget, "&General")
        self.tabs.addTab(hours_page, "&Own hours")
        self.tabs.addTab(self.nudges, "&Notifications")
        self.tabs.addTab(self.business, "&Business")
        self.tabs.addTab(self.review, "&Review")
        self.body.insertWidget(0, self.tabs)

    def _store(self) -> None:
        own = OwnHours(
            windows=self.hours_editor.windows(),
            weekly_limit_minutes=round(self.limit_box.value() * 60),
            min_rest_hours=self.rest_box.value(),
            days_off_per_week=self.days_off_box.value(),
        )
        # Everything is read (and checked) before anything is saved.
        profile = self.business.profile()
        self.review.thresholds()
        nudges = self.nudges.settings()
        services = self._services
        services.settings.set_va_zone(
            None if self.follow_box.isChecked() else self.zone_box.currentText()
        )
        services.settings.set_appearance(self.appearance_box.currentData())
        services.settings.set_nudges(nudges)
        services.promises.set_own_hours(own)
        services.billing.set_business(profile)
        self.review.store(services.review)
