"""The timer at the top of the window: what runs, for how long, and one click to change it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Client, TaskType
from ..domain.entries import Entry, format_duration
from ..domain.zones import Instant, to_local
from .text import plain_label

MAX_RECENT = 5


@dataclass(frozen=True)
class TimerState:
    """What the panel shows, read in one go by the window."""

    running: Entry | None
    clients: Sequence[Client]  # active ones, for the picker
    task_types: Sequence[TaskType]  # active ones, for the picker
    client_names: dict[int, str]
    task_names: dict[int, str]
    recent: Sequence[tuple[int, int]]  # (client id, task type id), newest first
    zone: ZoneInfo
    now: Instant

    def describe(self, entry: Entry) -> str:
        """ "Acme · Inbox management": what an entry is for, in the names shown."""
        client = self.client_names.get(entry.client_id, "?")
        return f"{client} · {self.task_names.get(entry.task_type_id, '?')}"


class TimerPanel(QFrame):
    start_requested = Signal(int, int, str)  # client id, task type id, note
    stop_requested = Signal()
    stop_trying_requested = Signal()
    add_client_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._running: Entry | None = None
        self._recent: list[tuple[int, int]] = []

        self.status_dot = QLabel("●")
        self.status_dot.setAccessibleName("Timer state")
        self.what_label = plain_label()
        self.what_label.setObjectName("whatLabel")
        self.what_label.setWordWrap(True)
        what_font = QFont(self.what_label.font())
        what_font.setPointSizeF(what_font.pointSizeF() * 1.5)
        what_font.setBold(True)
        self.what_label.setFont(what_font)
        self.since_label = plain_label()
        self.since_label.setObjectName("sinceLabel")
        self.since_label.setWordWrap(True)
        self.elapsed_label = QLabel("0:00:00")
        self.elapsed_label.setObjectName("elapsedLabel")
        self.elapsed_label.setAccessibleName("Elapsed time")
        elapsed_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        elapsed_font.setPointSizeF(max(28.0, self.font().pointSizeF() * 3))
        elapsed_font.setBold(True)
        self.elapsed_label.setFont(elapsed_font)
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.client_box = QComboBox()
        self.client_box.setAccessibleName("Client")
        self.client_box.setMinimumContentsLength(14)
        self.client_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.task_box = QComboBox()
        self.task_box.setAccessibleName("Task type")
        self.task_box.setMinimumContentsLength(14)
        self.task_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Note (optional)")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.returnPressed.connect(self.request_start)
        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.request_start)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stopButton")
        self.stop_button.clicked.connect(self.stop_requested)
        self.trying_button = QPushButton("Stop as trying…")
        self.trying_button.setObjectName("tryingButton")
        self.trying_button.setToolTip(
            "Stop and record the time as an attempt that has not succeeded yet, "
            "with what it revealed. Trying time is paid work."
        )
        self.trying_button.clicked.connect(self.stop_trying_requested)
        self.client_box.currentIndexChanged.connect(self._update_buttons)
        self.task_box.currentIndexChanged.connect(self._update_buttons)

        self.first_client_button = QPushButton("Add your first client…")
        self.first_client_button.clicked.connect(self.add_client_requested)
        self.recent_row = QHBoxLayout()
        self.recent_row.setSpacing(6)
        self.recent_label = QLabel("Recent:")
        self.recent_buttons: list[QPushButton] = []

        top = QHBoxLayout()
        top.addWidget(self.status_dot, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.what_label)
        words.addWidget(self.since_label)
        top.addLayout(words, 1)
        top.addWidget(self.elapsed_label)
        controls = QHBoxLayout()
        controls.addWidget(self.client_box, 2)
        controls.addWidget(self.task_box, 2)
        controls.addWidget(self.note_edit, 3)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.trying_button)
        self.recent_row.addWidget(self.recent_label)
        self.recent_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(controls)
        layout.addWidget(self.first_client_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.recent_row)
        for button in (self.start_button, self.stop_button, self.trying_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

    # Showing ---------------------------------------------------------------------------------

    def show_state(self, state: TimerState) -> None:
        self._running = state.running
        self._fill_pickers(state)
        running = state.running
        if running is None:
            self.what_label.setText("No timer running")
            self.since_label.setText("Pick a client and a task type, then Start (Ctrl+Enter).")
            self.status_dot.setStyleSheet("color: palette(mid);")
            self.status_dot.setToolTip("Idle")
        else:
            self.what_label.setText(state.describe(running))
            since = to_local(running.start, state.zone)
            today = to_local(state.now, state.zone).date()
            since_text = since.strftime("%H:%M" if since.date() == today else "%a %d %b %H:%M")
            note = f" — {running.note}" if running.note else ""
            self.since_label.setText(f"since {since_text}{note}")
            self.status_dot.setStyleSheet("color: #0f766e;")
            self.status_dot.setToolTip("Running")
        self.first_client_button.setVisible(not state.clients)
        self._fill_recent(state)
        self.tick(state.now)
        self._update_buttons()

    def tick(self, now: Instant) -> None:
        seconds = 0 if self._running is None else self._running.duration(now)
        self.elapsed_label.setText(format_duration(seconds))

    def _fill_pickers(self, state: TimerState) -> None:
        wanted_client = self.selected_client_id()
        wanted_task = self.selected_task_type_id()
        if state.running is not None and wanted_client is None:
            wanted_client, wanted_task = state.running.client_id, state.running.task_type_id
        elif wanted_client is None and state.recent:
            wanted_client, wanted_task = state.recent[0]
        _fill_combo(self.client_box, [(c.name, c.id) for c in state.clients], wanted_client)
        _fill_combo(self.task_box, [(t.name, t.id) for t in state.task_types], wanted_task)

    def _fill_recent(self, state: TimerState) -> None:
        active_clients = {c.id for c in state.clients}
        active_tasks = {t.id for t in state.task_types}
        self._recent = [
            pair for pair in state.recent if pair[0] in active_clients and pair[1] in active_tasks
        ][:MAX_RECENT]
        for button in self.recent_buttons:
            self.recent_row.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        for number, (client_id, task_id) in enumerate(self._recent, start=1):
            text = f"{state.client_names[client_id]} · {state.task_names[task_id]}"
            button = QPushButton(text)
            button.setObjectName(f"recentButton{number}")
            button.setToolTip(f"Start this now (Ctrl+{number})")
            button.setFlat(False)
            button.clicked.connect(
                lambda _checked=False, pair=(client_id, task_id): self.start_pair(*pair)
            )
            self.recent_row.insertWidget(self.recent_row.count() - 1, button)
            self.recent_buttons.append(button)
        self.recent_label.setVisible(bool(self._recent))

    def _update_buttons(self) -> None:
        running = self._running
        has_choice = (
            self.selected_client_id() is not None and self.selected_task_type_id() is not None
        )
        same = running is not None and (running.client_id, running.task_type_id) == (
            self.selected_client_id(),
            self.selected_task_type_id(),
        )
        self.start_button.setText("Switch" if running is not None and not same else "Start")
        self.start_button.setEnabled(has_choice and not same)
        self.stop_button.setEnabled(running is not None)
        self.trying_button.setEnabled(running is not None)

    # Acting ----------------------------------------------------------------------------------

    def selected_client_id(self) -> int | None:
        value = self.client_box.currentData()
        return int(value) if value is not None else None

    def selected_task_type_id(self) -> int | None:
        value = self.task_box.currentData()
        return int(value) if value is not None else None

    def recent_pairs(self) -> list[tuple[int, int]]:
        return list(self._recent)

    def start_pair(self, client_id: int, task_type_id: int) -> None:
        self.start_requested.emit(client_id, task_type_id, "")

    def start_recent(self, number: int) -> None:
        """Start the `number`-th recent pair (1-based), if there is one."""
        if 1 <= number <= len(self._recent):
            self.start_pair(*self._recent[number - 1])

    def request_start(self) -> None:
        client_id = self.selected_client_id()
        task_id = self.selected_task_type_id()
        if client_id is None or task_id is None or not self.start_button.isEnabled():
            return
        self.start_requested.emit(client_id, task_id, self.note_edit.text())


def _fill_combo(box: QComboBox, items: list[tuple[str, int]], wanted: int | None) -> None:
    """Refill a picker, keeping the choice if it is still there."""
    box.blockSignals(True)
    box.clear()
    for text, value in items:
        box.addItem(text, value)
    index = box.findData(wanted) if wanted is not None else -1
    box.setCurrentIndex(index if index >= 0 else (0 if items else -1))
    box.blockSignals(False)
