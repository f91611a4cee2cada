"""A day's entries (today unless another day is picked) and the totals per client."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.entries import Entry
from .entries_model import Column, EntriesTableModel
from .totals_model import ClientTotalsModel, TotalsColumn


class DayView(QWidget):
    day_changed = Signal(object)  # date
    add_requested = Signal()
    edit_requested = Signal()
    split_requested = Signal()
    delete_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("Previous day (Alt+Left)")
        self.previous_button.setAccessibleName("Previous day")
        self.previous_button.clicked.connect(lambda: self.show_day(self.day() - timedelta(days=1)))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day shown")
        self.date_edit.dateChanged.connect(self._date_edited)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.next_button.setAccessibleName("Next day")
        self.next_button.clicked.connect(lambda: self.show_day(self.day() + timedelta(days=1)))
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Back to today (Alt+Home)")
        self.today_button.clicked.connect(lambda: self.show_day(self._today))
        self.title = QLabel()
        self.title.setObjectName("dayTitle")

        self.add_button = QPushButton("Add…")
        self.add_button.setToolTip("Add an entry by hand (Ctrl+N)")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Edit the selected entry (Enter)")
        self.edit_button.clicked.connect(self.edit_requested)
        self.split_button = QPushButton("Split…")
        self.split_button.setToolTip("Split the selected entry in two (Ctrl+T)")
        self.split_button.clicked.connect(self.split_requested)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected entry (Delete; Ctrl+Z undoes)")
        self.delete_button.clicked.connect(self.delete_requested)

        self.model = EntriesTableModel()
        self.table = QTableView()
        self.table.setObjectName("entriesTable")
        self.table.setAccessibleName("Entries of the day")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in (Column.START, Column.END, Column.LENGTH, Column.OUTCOME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (Column.CLIENT, Column.TASK, Column.NOTE):
            header.resizeSection(column, 170)
        self.table.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.empty_label = QLabel("No entries on this day yet.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyLabel")

        self.totals_model = ClientTotalsModel()
        self.totals_table = QTableView()
        self.totals_table.setObjectName("totalsTable")
        self.totals_table.setAccessibleName("Totals per client")
        self.totals_table.setModel(self.totals_model)
        self.totals_table.verticalHeader().setVisible(False)
        self.totals_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        totals_header = self.totals_table.horizontalHeader()
        totals_header.setSectionResizeMode(TotalsColumn.CLIENT, QHeaderView.ResizeMode.Stretch)
        for total in (TotalsColumn.TIME, TotalsColumn.BILLABLE, TotalsColumn.TRYING):
            totals_header.resizeSection(total, 90)
        self.totals_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_model.modelReset.connect(self._fit_totals)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.date_edit)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.today_button)
        navigation.addSpacing(12)
        navigation.addWidget(self.title)
        navigation.addStretch(1)
        for button in (self.add_button, self.edit_button, self.split_button, self.delete_button):
            navigation.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(navigation)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty_label)
        totals_title = QLabel("Totals per client")
        totals_title.setObjectName("totalsTitle")
        layout.addWidget(totals_title)
        layout.addWidget(self.totals_table)
        self.show_day(self._today)
        self._fit_totals()

    def set_today(self, today: date) -> None:
        """The VA's today (in their zone), which can differ from the computer's."""
        was_today = self.day() == self._today
        self._today = today
        if was_today and today != self.day():
            self.date_edit.blockSignals(True)  # the caller is already showing the new day
            self.date_edit.setDate(QDate(today.year, today.month, today.day))
            self.date_edit.blockSignals(False)
        self._update_title()

    def today(self) -> date:
        return self._today

    def day(self) -> date:
        shown = self.date_edit.date()
        return date(shown.year(), shown.month(), shown.day())

    def show_day(self, day: date) -> None:
        if day != self.day():
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        else:
            self._update_title()

    def _date_edited(self, _date: QDate) -> None:
        self._update_title()
        self.day_changed.emit(self.day())

    def _update_title(self) -> None:
        offset = (self.day() - self._today).days
        names = {0: "Today", -1: "Yesterday", 1: "Tomorrow"}
        self.title.setText(names.get(offset, ""))
        self.today_button.setEnabled(offset != 0)

    def selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.table.selectRow(row)

    def _fit_totals(self) -> None:
        """Show every total without scrolling: the table is as tall as its rows."""
        rows = max(1, self.totals_model.rowCount())
        row_height = self.totals_table.verticalHeader().defaultSectionSize()
        header = self.totals_table.horizontalHeader().sizeHint().height()
        frame = 2 * self.totals_table.frameWidth()
        self.totals_table.setFixedHeight(header + rows * row_height + frame)

    def _update_buttons(self) -> None:
        has_entry = self.selected_entry() is not None
        for button in (self.edit_button, self.split_button, self.delete_button):
            button.setEnabled(has_entry)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
