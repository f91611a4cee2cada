"""Editors for weekly windows and daily commitments, used for clients and for own hours."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import TaskType
from ..domain.errors import InvalidInput
from ..domain.promises import Commitment, refuse_overlapping_windows
from ..domain.weekly import DAY_NAMES, MINUTES_PER_DAY, WeeklyWindow
from .messages import ErrorLabel


class DayToggles(QWidget):
    """Seven buttons, Monday to Sunday, to pick weekdays with one click each."""

    def __init__(self, days: frozenset[int] = frozenset(range(5)), parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.setStyleSheet(
            "QToolButton:checked { background: #0f766e; color: white; border-radius: 3px; }"
        )
        self.buttons: list[QToolButton] = []
        for index, name in enumerate(DAY_NAMES):
            button = QToolButton()
            button.setText(name)
            button.setCheckable(True)
            button.setChecked(index in days)
            button.setAccessibleName(name)
            layout.addWidget(button)
            self.buttons.append(button)

    def days(self) -> frozenset[int]:
        return frozenset(i for i, button in enumerate(self.buttons) if button.isChecked())

    def set_days(self, days: frozenset[int]) -> None:
        for index, button in enumerate(self.buttons):
            button.setChecked(index in days)


def _time_edit(minutes: int, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(minutes // 60 % 24, minutes % 60))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


def _minutes(edit: QTimeEdit) -> int:
    time = edit.time()
    return time.hour() * 60 + time.minute()


class _ListEditor(QWidget):
    """A list with an "add" row under it and a Remove button; subclasses make the items."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove)
        self.error_label = ErrorLabel()
        self.add_row = QHBoxLayout()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(self.add_row)
        layout.addWidget(self.error_label)

    def _add(self) -> None:
        try:
            self.add_current()
        except InvalidInput as exc:
            self.error_label.show_error(str(exc))
            return
        self.error_label.hide()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.remove_at(row)
            self.changed.emit()

    def add_current(self) -> None:
        raise NotImplementedError

    def remove_at(self, row: int) -> None:
        raise NotImplementedError


class WindowsEditor(_ListEditor):
    """Weekly windows: days, from, to, and whether they end the next day."""

    def __init__(
        self, windows: Sequence[WeeklyWindow], whose: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._whose = whose
        self._windows: list[WeeklyWindow] = list(windows)
        self.days = DayToggles()
        self.start_edit = _time_edit(9 * 60, "From")
        self.end_edit = _time_edit(17 * 60, "To")
        self.overnight_box = QCheckBox("ends the next day")
        self.add_button.setText("Add window")
        for widget in (
            self.days,
            QLabel("from"),
            self.start_edit,
            QLabel("to"),
            self.end_edit,
            self.overnight_box,
            self.add_button,
        ):
            self.add_row.addWidget(widget)
        self.add_row.addStretch(1)
        self._show()

    def windows(self) -> tuple[WeeklyWindow, ...]:
        return tuple(self._windows)

    def add_current(self) -> None:
        start, end = _minutes(self.start_edit), _minutes(self.end_edit)
        if end == 0 and not self.overnight_box.isChecked():
            end = MINUTES_PER_DAY  # "to 00:00" is midnight at the end of the day
        window = WeeklyWindow(self.days.days(), start, end, self.overnight_box.isChecked())
        refuse_overlapping_windows((*self._windows, window), self._whose)
        self._windows.append(window)
        self._show()

    def remove_at(self, row: int) -> None:
        del self._windows[row]
        self._show()

    def _show(self) -> None:
        self.list.clear()
        self.list.addItems([w.describe() for w in self._windows])


class CommitmentsEditor(_ListEditor):
    """Daily commitments: a task type done by a time on some weekdays."""

    def __init__(
        self,
        commitments: Sequence[Commitment],
        task_types: Sequence[TaskType],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._names = {t.id: t.name for t in task_types}
        self._commitments: list[Commitment] = list(commitments)
        self.task_box = QComboBox()
        self.task_box.setAccessibleName("Task type")
        for task in task_types:
            if not task.archived:
                self.task_box.addItem(task.name, task.id)
        self.days = DayToggles()
        self.due_edit = _time_edit(9 * 60, "Done by")
        self.add_button.setText("Add commitment")
        for widget in (
            self.task_box,
            QLabel("by"),
            self.due_edit,
            QLabel("on"),
            self.days,
            self.add_button,
        ):
            self.add_row.addWidget(widget)
        self.add_row.addStretch(1)
        self._show()

    def commitments(self) -> tuple[Commitment, ...]:
        return tuple(self._commitments)

    def add_current(self) -> None:
        due = _minutes(self.due_edit) or MINUTES_PER_DAY
        commitment = Commitment(int(self.task_box.currentData()), self.days.days(), due)
        self._commitments = [
            c for c in self._commitments if c.task_type_id != commitment.task_type_id
        ]
        self._commitments.append(commitment)
        self._show()

    def remove_at(self, row: int) -> None:
        del self._commitments[row]
        self._show()

    def _show(self) -> None:
        self.list.clear()
        self.list.addItems(
            [c.describe(self._names.get(c.task_type_id, "?")) for c in self._commitments]
        )
