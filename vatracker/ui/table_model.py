"""A read-only table of text rows: for summaries that are worked out elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TextTableModel(QAbstractTableModel):
    """Rows of text under fixed headers; columns after the first are right-aligned numbers
    unless listed in `text_columns`. Each row may carry a key (e.g. a client id)."""

    def __init__(self, headers: Sequence[str], text_columns: Sequence[int] = (0,)) -> None:
        super().__init__()
        self._headers = list(headers)
        self._text_columns = set(text_columns)
        self._rows: list[list[str]] = []
        self._keys: list[int] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self._keys = list(keys)
        self.endResetModel()

    def key_at(self, row: int) -> int | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in self._text_columns:
            return _RIGHT
        return None
