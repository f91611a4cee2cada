"""The settings of the nudges: which to show, and after how long."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from ..domain.nudges import NudgeSettings
from .text import plain_label


class NudgeSettingsForm(QWidget):
    def __init__(self, current: NudgeSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.long_box = QCheckBox("When a timer has run for")
        self.long_box.setChecked(current.long_timer_minutes > 0)
        self.long_minutes = _minutes_box(current.long_timer_minutes or 180, "Long-timer minutes")
        self.long_box.toggled.connect(self.long_minutes.setEnabled)
        self.long_minutes.setEnabled(self.long_box.isChecked())
        self.past_hours_box = QCheckBox("When a timer runs on after your own hours end")
        self.past_hours_box.setChecked(current.past_own_hours)
        self.idle_box = QCheckBox("Remind me when no timer runs in my own hours for")
        self.idle_box.setChecked(current.idle_reminder)
        self.idle_minutes = _minutes_box(current.idle_minutes, "Reminder minutes")
        self.idle_box.toggled.connect(self.idle_minutes.setEnabled)
        self.idle_minutes.setEnabled(self.idle_box.isChecked())

        form = QFormLayout(self)
        form.addRow(
            plain_label(
                "Each is shown once, as a desktop notification where your desktop shows them "
                "and in the window's status bar."
            )
        )
        form.addRow(_row(self.long_box, self.long_minutes))
        form.addRow(self.past_hours_box)
        form.addRow(_row(self.idle_box, self.idle_minutes))

    def settings(self) -> NudgeSettings:
        """What the form says (raises InvalidInput for values out of range)."""
        return NudgeSettings(
            long_timer_minutes=self.long_minutes.value() if self.long_box.isChecked() else 0,
            past_own_hours=self.past_hours_box.isChecked(),
            idle_reminder=self.idle_box.isChecked(),
            idle_minutes=self.idle_minutes.value(),
        )


def _minutes_box(value: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 24 * 60)
    box.setSuffix(" min")
    box.setValue(value)
    box.setAccessibleName(name)
    return box


def _row(check: QCheckBox, box: QSpinBox) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(box)
    row.addStretch(1)
    return row
