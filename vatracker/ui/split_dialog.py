"""Splitting an entry in two at a chosen time."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..domain.entries import Entry, format_duration
from ..domain.errors import InvalidInput, VATrackerError
from ..domain.zones import Instant
from .messages import ErrorLabel
from .wall_time import WallTimeEdit


class SplitDialog(QDialog):
    def __init__(
        self,
        entry: Entry,
        now: Instant,
        tz: ZoneInfo,
        submit: Callable[[Instant], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Split entry")
        self._entry = entry
        self._now = now
        self._submit = submit
        self.at_edit = WallTimeEdit(tz)
        self.at_edit.setAccessibleName("Split at")
        middle = entry.start + entry.duration(now) // 2
        self.at_edit.set_instant(middle - middle % 60)
        self.at_edit.dateTimeChanged.connect(self._update_preview)
        self.preview = QLabel()
        self.preview.setObjectName("splitPreview")
        self.error_label = ErrorLabel()
        form = QFormLayout()
        form.addRow("Split &at", self.at_edit)
        form.addRow("Parts", self.preview)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Split")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Both parts keep the client, task, outcome and note."))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update_preview()

    def _update_preview(self) -> None:
        try:
            at = self.at_edit.instant()
        except InvalidInput as exc:
            self.preview.setText(str(exc))
            return
        first = max(0, at - self._entry.start)
        second = max(0, self._entry.end_or(self._now) - at)
        self.preview.setText(f"{format_duration(first)} + {format_duration(second)}")

    def _save(self) -> None:
        try:
            self._submit(self.at_edit.instant())
        except VATrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self.accept()
