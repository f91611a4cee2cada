"""The table of a day's entries, as a real Qt model."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.entries import Entry, Outcome, format_duration, overlapping
from ..domain.zones import Instant, to_local
from .text import rich_tooltip

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    START = 0
    END = 1
    LENGTH = 2
    CLIENT = 3
    TASK = 4
    OUTCOME = 5
    NOTE = 6
    FINDINGS = 7


HEADERS = {
    Column.START: "Start",
    Column.END: "End",
    Column.LENGTH: "Length",
    Column.CLIENT: "Client",
    Column.TASK: "Task",
    Column.OUTCOME: "Outcome",
    Column.NOTE: "Note",
    Column.FINDINGS: "Findings",
}

OVERLAP_BACKGROUND = QColor(255, 196, 0, 70)


@dataclass(frozen=True)
class DayRows:
    """Everything the table shows, read in one go."""

    day: date
    zone: ZoneInfo
    entries: list[Entry]
    client_names: dict[int, str]
    task_names: dict[int, str]
    now: Instant


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NUMERIC = frozenset((Column.START, Column.END, Column.LENGTH))


class EntriesTableModel(QAbstractTableModel):
    """The text of every cell is worked out once per change (and per second for the running
    entry), so the view's many `data()` calls are plain look-ups."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: DayRows | None = None
        self._entries: list[Entry] = []
        self._overlaps: dict[int, list[Entry]] = {}
        self._cells: list[list[str]] = []
        self._tooltips: list[str | None] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._overlap_brush = QBrush(OVERLAP_BACKGROUND)

    def set_rows(self, rows: DayRows) -> None:
        """Replace every row (after any change); keeps nothing from before."""
        self.beginResetModel()
        self._rows = rows
        self._entries = list(rows.entries)
        self._overlaps = {
            entry.id: found
            for entry in self._entries
            if entry.id is not None and (found := overlapping(entry, self._entries))
        }
        self._cells = [
            [self._display(entry, column) for column in Column] for entry in self._entries
        ]
        self._tooltips = [self._tooltip(entry) for entry in self._entries]
        self.endResetModel()

    def tick(self, now: Instant) -> None:
        """Move the running entry's end and length on, without resetting the view."""
        if self._rows is None:
            return
        self._rows = replace(self._rows, now=now)
        for row, entry in enumerate(self._entries):
            if entry.running:
                self._cells[row][Column.LENGTH] = self._display(entry, Column.LENGTH)
                self.dataChanged.emit(
                    self.index(row, Column.LENGTH), self.index(row, Column.LENGTH)
                )

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def entry_at(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), None)

    # Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return HEADERS[Column(section)] if 0 <= section < len(Column) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._cells[row][index.column()]
        if role == _TOOLTIP:
            return self._tooltips[row]
        if role == _ALIGNMENT:
            return _RIGHT if index.column() in _NUMERIC else None
        entry = self._entries[row]
        if role == _BACKGROUND and entry.id in self._overlaps:
            return self._overlap_brush
        if role == _FONT and entry.running:
            return self._bold
        return None

    def _display(self, entry: Entry, column: Column) -> str:
        assert self._rows is not None
        rows = self._rows
        match column:
            case Column.START:
                text = self._time(entry.start)
                return f"⚠ {text}" if entry.id in self._overlaps else text
            case Column.END:
                return "running" if entry.end is None else self._time(entry.end)
            case Column.LENGTH:
                return format_duration(entry.duration(rows.now))
            case Column.CLIENT:
                return rows.client_names.get(entry.client_id, "?")
            case Column.TASK:
                billable = "" if entry.billable else " (non-billable)"
                return rows.task_names.get(entry.task_type_id, "?") + billable
            case Column.OUTCOME:
                if entry.running:
                    return ""  # decided when it stops
                return "trying" if entry.outcome is Outcome.TRYING else "done"
            case Column.NOTE:
                return entry.note
            case Column.FINDINGS:
                return entry.findings.replace("\n", " ⏎ ")

    def _time(self, instant: Instant) -> str:
        assert self._rows is not None
        local = to_local(instant, self._rows.zone)
        if local.date() == self._rows.day:
            return local.strftime("%H:%M")
        return local.strftime("%a %d %H:%M")

    def _tooltip(self, entry: Entry) -> str | None:
        assert self._rows is not None
        lines = []
        if entry.note:
            lines.append(f"Note: {entry.note}")
        if entry.findings:
            lines.append(f"Findings: {entry.findings}")
        for other in self._overlaps.get(entry.id or -1, []):
            client = self._rows.client_names.get(other.client_id, "?")
            task = self._rows.task_names.get(other.task_type_id, "?")
            end = "now" if other.end is None else self._time(other.end)
            lines.append(f"Overlaps {client} · {task}, {self._time(other.start)} to {end}")
        return rich_tooltip("\n".join(lines)) if lines else None
