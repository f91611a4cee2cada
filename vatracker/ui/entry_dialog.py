"""Adding an entry by hand, or editing one: client, task, start, end, outcome, note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Client, TaskType
from ..domain.entries import Entry, Outcome
from ..domain.errors import NeedsConfirmation, VATrackerError
from ..domain.zones import Instant, offset_at
from ..services.entries import OverlapError
from .messages import ErrorLabel, ask
from .wall_time import WallTimeEdit

#: Saves the entry; raises InvalidInput (incl. OverlapError, NeedsConfirmation) to refuse it.
Submit = Callable[[Entry, bool, bool], None]


class EntryDialog(QDialog):
    def __init__(
        self,
        entry: Entry,
        clients: Sequence[Client],
        task_types: Sequence[TaskType],
        tz: ZoneInfo,
        submit: Submit,
        *,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._entry = entry
        self._tz = tz
        self._submit = submit
        self._task_types = {t.id: t for t in task_types}

        self.client_box = QComboBox()
        self.client_box.setAccessibleName("Client")
        for client in clients:
            if not client.archived or client.id == entry.client_id:
                self.client_box.addItem(client.name, client.id)
        self.client_box.setCurrentIndex(max(0, self.client_box.findData(entry.client_id)))
        self.task_box = QComboBox()
        self.task_box.setAccessibleName("Task type")
        for task in task_types:
            if not task.archived or task.id == entry.task_type_id:
                self.task_box.addItem(task.name, task.id)
        self.task_box.setCurrentIndex(max(0, self.task_box.findData(entry.task_type_id)))
        self.task_box.currentIndexChanged.connect(self._task_changed)

        self.start_edit = WallTimeEdit(tz)
        self.start_edit.setAccessibleName("Start")
        self.start_edit.set_instant(entry.start)
        self.end_edit = WallTimeEdit(tz)
        self.end_edit.setAccessibleName("End")
        if entry.end is not None:
            self.end_edit.set_instant(entry.end)
        else:
            self.end_edit.setEnabled(False)
            self.end_edit.setSpecialValueText("running")
            self.end_edit.setDateTime(self.end_edit.minimumDateTime())

        self.done_radio = QRadioButton("Done")
        self.trying_radio = QRadioButton("Trying (an attempt, not successful yet)")
        outcome_group = QButtonGroup(self)
        outcome_group.addButton(self.done_radio)
        outcome_group.addButton(self.trying_radio)
        (self.trying_radio if entry.outcome is Outcome.TRYING else self.done_radio).setChecked(True)
        self.trying_radio.toggled.connect(self._outcome_changed)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.done_radio)
        outcome_row.addWidget(self.trying_radio)
        outcome_row.addStretch(1)
        self.findings_edit = QPlainTextEdit(entry.findings)
        self.findings_edit.setAccessibleName("Findings")
        self.findings_edit.setPlaceholderText("What did the attempt reveal?")
        self.findings_edit.setTabChangesFocus(True)
        self.findings_edit.setFixedHeight(80)
        self.billable_box = QCheckBox("Billable")
        self.billable_box.setChecked(entry.billable)
        self.note_edit = QLineEdit(entry.note)
        self.note_edit.setAccessibleName("Note")
        self.error_label = ErrorLabel()

        form = QFormLayout()
        form.addRow("&Client", self.client_box)
        form.addRow("&Task type", self.task_box)
        form.addRow("&Start", self.start_edit)
        form.addRow("&End", self.end_edit)
        form.addRow("Outcome", outcome_row)
        form.addRow("&Findings", self.findings_edit)
        form.addRow("", self.billable_box)
        form.addRow("&Note", self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._outcome_changed()

    def _task_changed(self) -> None:
        task = self._task_types.get(self.task_box.currentData())
        if task is not None and self._entry.id is None:
            self.billable_box.setChecked(task.billable)

    def _outcome_changed(self) -> None:
        self.findings_edit.setEnabled(self.trying_radio.isChecked())

    def entry(self) -> Entry:
        """The entry as the form shows it; raises InvalidInput for a time that is not one."""
        original = self._entry
        trying = self.trying_radio.isChecked()
        start = self.start_edit.instant()
        end: Instant | None = None if original.end is None else self.end_edit.instant()
        moved = (start, end) != (original.start, original.end)
        return replace(
            original,
            client_id=int(self.client_box.currentData()),
            task_type_id=int(self.task_box.currentData()),
            start=start,
            start_offset=offset_at(self._tz, start) if moved else original.start_offset,
            end=end,
            end_offset=None
            if end is None
            else (offset_at(self._tz, end) if moved else original.end_offset),
            zone=self._tz.key if moved else original.zone,
            outcome=Outcome.TRYING if trying else Outcome.DONE,
            findings=self.findings_edit.toPlainText() if trying else "",
            note=self.note_edit.text(),
            billable=self.billable_box.isChecked(),
        )

    def _save(self) -> None:
        allow_overlap = allow_long = False
        while True:
            try:
                self._submit(self.entry(), allow_overlap, allow_long)
            except OverlapError as exc:
                if not ask(self, "Overlapping entries", f"{exc}\n\nSave it anyway?", "Save anyway"):
                    self.error_label.show_error(str(exc))
                    return
                allow_overlap = True
            except NeedsConfirmation as exc:
                if not ask(self, "A very long entry", f"{exc}\n\nKeep it?", "Keep it"):
                    self.error_label.show_error(str(exc))
                    return
                allow_long = True
            except VATrackerError as exc:
                self.error_label.show_error(str(exc))
                return
            else:
                self.accept()
                return
