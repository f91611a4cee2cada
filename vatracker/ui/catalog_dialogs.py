"""Managing clients and task types: a list with add, edit, archive and delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Client, TaskType
from ..domain.currencies import COMMON, MINOR_DIGITS
from ..domain.errors import VATrackerError
from ..services.catalog import CatalogService
from .messages import ErrorLabel, ask

Item = TypeVar("Item", Client, TaskType)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ItemColumn(Generic[Item]):
    header: str
    text: Callable[[Item], str]


class ItemsModel(QAbstractTableModel, Generic[Item]):
    """A read-only table of clients or task types."""

    def __init__(self, columns: Sequence[ItemColumn[Item]]) -> None:
        super().__init__()
        self._columns: list[ItemColumn[Item]] = list(columns)
        self._items: list[Item] = []

    def set_items(self, items: Sequence[Item]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Item | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._columns[index.column()].text(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.archived:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None


class ManageDialog(QDialog, Generic[Item]):
    """The list, its buttons, and what they do; subclasses say how to add and edit."""

    changed = Signal()
    kind = "item"

    def __init__(
        self,
        catalog: CatalogService,
        columns: Sequence[ItemColumn[Item]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.resize(640, 380)
        self.model: ItemsModel[Item] = ItemsModel(columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(f"Add {self.kind}…")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton("Archive")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.error_label = ErrorLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.archive_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # What subclasses provide ----------------------------------------------------------------

    def items(self) -> Sequence[Item]:
        raise NotImplementedError

    def open_form(self, item: Item | None) -> bool:
        raise NotImplementedError

    def set_archived(self, item: Item, archived: bool) -> None:
        raise NotImplementedError

    def delete(self, item: Item) -> None:
        raise NotImplementedError

    # Shared behaviour -------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_items(self.items())
        for row in range(self.model.rowCount()):
            item = self.model.item_at(row)
            if item is not None and item.id == select_id:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> Item | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def add(self) -> None:
        if self.open_form(None):
            self._after_change(None)

    def edit_selected(self) -> None:
        item = self.selected()
        if item is not None and self.open_form(item):
            self._after_change(item.id)

    def toggle_archived(self) -> None:
        item = self.selected()
        if item is not None:
            self._run(lambda: self.set_archived(item, not item.archived), item.id)

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if ask(self, f"Delete {self.kind}", f"Delete {item.name!r}?", "Delete"):
            self._run(lambda: self.delete(item), None)

    def _run(self, action: Callable[[], None], select_id: int | None) -> None:
        try:
            action()
        except VATrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self._after_change(select_id)

    def _after_change(self, select_id: int | None) -> None:
        self.error_label.hide()
        self.reload(select_id)
        self.changed.emit()

    def _update_buttons(self) -> None:
        item = self.selected()
        for button in (self.edit_button, self.archive_button, self.delete_button):
            button.setEnabled(item is not None)
        self.archive_button.setText(
            "Unarchive" if item is not None and item.archived else "Archive"
        )


class FormDialog(QDialog):
    """A small form with Save/Cancel that stays open, with the reason, when saving fails."""

    def __init__(self, title: str, save: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._save = save
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.form_widget)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def _try_save(self) -> None:
        try:
            self._save()
        except VATrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self.accept()


@cache
def _zone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(name for name in available_timezones() if "/" in name or name == "UTC")


def zone_picker(current: str) -> QComboBox:
    """An editable list of IANA zones that completes as you type ("manila" → Asia/Manila)."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(_zone_names())
    completer = QCompleter(_zone_names(), box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    box.setCompleter(completer)
    box.setCurrentText(current)
    return box


def currency_picker(current: str) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems([*COMMON, *sorted(code for code in MINOR_DIGITS if code not in COMMON)])
    box.setCurrentText(current)
    return box


class TaskTypesDialog(ManageDialog[TaskType]):
    kind = "task type"

    def __init__(self, catalog: CatalogService, parent: QWidget | None = None) -> None:
        super().__init__(
            catalog,
            [
                ItemColumn("Name", lambda t: t.name),
                ItemColumn("Billable by default", lambda t: "yes" if t.billable else "no"),
                ItemColumn("Status", lambda t: "archived" if t.archived else "active"),
            ],
            parent,
        )
        self.setWindowTitle("Task types")

    def items(self) -> Sequence[TaskType]:
        return self.catalog.task_types()

    def open_form(self, item: TaskType | None) -> bool:
        return TaskTypeForm(self.catalog, item, self).exec() == QDialog.DialogCode.Accepted

    def set_archived(self, item: TaskType, archived: bool) -> None:
        self.catalog.set_task_type_archived(item.id, archived)

    def delete(self, item: TaskType) -> None:
        self.catalog.delete_task_type(item.id)


class TaskTypeForm(FormDialog):
    def __init__(
        self, catalog: CatalogService, task: TaskType | None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit task type" if task else "Add task type", self._store, parent)
        self._catalog = catalog
        self._task = task
        self.name_edit = QLineEdit(task.name if task else "")
        self.name_edit.setAccessibleName("Task type name")
        self.billable_box = QCheckBox("Billable by default")
        self.billable_box.setChecked(task.billable if task else True)
        self.form.addRow("&Name", self.name_edit)
        self.form.addRow("", self.billable_box)

    def _store(self) -> None:
        if self._task is None:
            self._catalog.add_task_type(self.name_edit.text(), self.billable_box.isChecked())
        else:
            self._catalog.update_task_type(
                self._task.id, name=self.name_edit.text(), billable=self.billable_box.isChecked()
            )
