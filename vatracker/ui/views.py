"""What the tabs share: reading data only while on screen, stepping through weeks, and
read-only tables of whole rows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from ..domain.weeks import Week
from .session import Session
from .table_model import TextTableModel


class LazyView(QWidget):
    """A tab that reads its data only while on screen; hidden, it remembers to when shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.redraw()

    def redraw(self) -> None:
        """Read the data afresh and show it (only called while on screen)."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh each time the VA turns to the tab; after the window was only restored
        (a spontaneous show), only if something changed meanwhile."""
        super().showEvent(event)
        if self._stale or not event.spontaneous():
            self.refresh()


class WeekNavigator(QWidget):
    """◀ Week 10, Mon 02 Mar to Sun 08 Mar 2026 ▶ [This week]: the week a tab shows."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._chosen: Week | None = None  # None: this week, whichever it is
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        for button, name, step in (
            (self.previous_button, "Previous week", -1),
            (self.next_button, "Next week", 1),
        ):
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.clicked.connect(
                lambda _=False, step=step: self.show_week(self.week().shifted(step))
            )
        self.label = QLabel()
        self.this_week_button = QPushButton("This week")
        self.this_week_button.clicked.connect(lambda: self.show_week(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.label, self.next_button, self.this_week_button):
            layout.addWidget(widget)

    def week(self) -> Week:
        return self._chosen or Week.at(self._session.now(), self._session.zone)

    def show_week(self, week: Week | None) -> None:
        """Show `week`, or this week (and follow it as days pass) when None."""
        self._chosen = week
        self.changed.emit()

    def label_week(self, week: Week) -> None:
        first, last = week.days[0], week.days[-1]
        self.label.setText(f"Week {week.number}, {first:%a %d %b} to {last:%a %d %b %Y}")


def row_table(model: TextTableModel, name: str, *, stretch: int | None = None) -> QTableView:
    """A read-only table of whole rows, one selectable at a time; columns fit their contents
    and column `stretch` (default the last) takes the room left."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fit_to_rows(table: QTableView, rows: int) -> None:
    """Make `table` exactly as tall as its header and `rows` rows."""
    height = table.horizontalHeader().sizeHint().height()
    height += rows * table.verticalHeader().defaultSectionSize()
    height += 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)
