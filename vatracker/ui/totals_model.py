"""Totals per client for the day shown, with a grand total as the last row."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..domain.entries import format_hours_minutes
from ..domain.totals import ClientTotal

Index = QModelIndex | QPersistentModelIndex


class TotalsColumn(IntEnum):
    CLIENT = 0
    TIME = 1
    BILLABLE = 2
    TRYING = 3


_HEADERS = ("Client", "Time", "Billable", "Trying")


class ClientTotalsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, ClientTotal]] = []

    def set_totals(self, totals: list[ClientTotal], names: dict[int, str]) -> None:
        self.beginResetModel()
        rows = [(names.get(t.client_id, "?"), t) for t in totals]
        if rows:
            grand = ClientTotal(
                0,
                sum(t.seconds for t in totals),
                sum(t.billable_seconds for t in totals),
                sum(t.trying_seconds for t in totals),
            )
            rows.append(("Total", grand))
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TotalsColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, total = self._rows[index.row()]
        is_grand_total = index.row() == len(self._rows) - 1
        column = TotalsColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column is TotalsColumn.CLIENT:
                return name
            seconds = {
                TotalsColumn.TIME: total.seconds,
                TotalsColumn.BILLABLE: total.billable_seconds,
                TotalsColumn.TRYING: total.trying_seconds,
            }[column]
            return format_hours_minutes(seconds)
        if role == Qt.ItemDataRole.FontRole and is_grand_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not TotalsColumn.CLIENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
