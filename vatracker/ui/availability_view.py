"""The Availability tab: a week's promises against own hours and the work done, per client."""

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
    QVBoxLayout,
    QWidget,
)

from ..domain.availability import WeekPicture
from ..domain.catalog import Client
from ..domain.entries import format_hours_minutes
from ..domain.weekly import total_seconds
from ..domain.weeks import Week
from ..domain.zones import local_date
from ..reports.availability_map import MapClient, map_data
from .chart_canvas import MapCanvas
from .session import Session
from .table_model import TextTableModel
from .text import plain_label

HEADERS = (
    "Client",
    "Promised",
    "Outside your hours",
    "Worked",
    "Out of hours",
    "Outside their windows",
    "Commitments kept",
    "Requests (month)",
    "Retainer (month)",
)
TOOLTIPS = (
    "Hours promised this week, and the part of them outside your own working hours; work done "
    "this week, the part outside your own hours, and the part outside the client's windows; "
    "this week's daily commitments kept; this month's requests and retainer."
)


class AvailabilityView(QWidget):
    boundaries_requested = Signal(int)  # client id
    what_if_requested = Signal()
    request_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._chosen: Week | None = None  # None: whichever week is this week
        self._stale = True

        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("Previous week")
        self.previous_button.setAccessibleName("Previous week")
        self.previous_button.clicked.connect(lambda: self.show_week(self.week().shifted(-1)))
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("Next week")
        self.next_button.setAccessibleName("Next week")
        self.next_button.clicked.connect(lambda: self.show_week(self.week().shifted(1)))
        self.this_week_button = QPushButton("This week")
        self.this_week_button.clicked.connect(lambda: self.show_week(None))
        self.request_button = QPushButton("Log request…")
        self.request_button.setToolTip("Log a client's request as it arrives (Ctrl+R)")
        self.request_button.clicked.connect(self.request_requested)
        self.what_if_button = QPushButton("Can I take another client?…")
        self.what_if_button.clicked.connect(self.what_if_requested)
        self.summary_label = plain_label()
        self.summary_label.setObjectName("availabilitySummary")
        self.summary_label.setWordWrap(True)

        self.map = MapCanvas(minimum_height=260)

        self.model = TextTableModel(HEADERS)
        self.table = QTableView()
        self.table.setObjectName("clientWeekTable")
        self.table.setAccessibleName("Promises and work per client")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(TOOLTIPS)
        self.model.modelReset.connect(self._fit_table)
        self.table.doubleClicked.connect(lambda _index: self._boundaries_of_selected())
        self.boundaries_button = QPushButton("Boundaries…")
        self.boundaries_button.setToolTip(
            "The selected client's month against what you agreed, and a note to send them"
        )
        self.boundaries_button.clicked.connect(self._boundaries_of_selected)

        navigation = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.week_label,
            self.next_button,
            self.this_week_button,
        ):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        navigation.addWidget(self.request_button)
        navigation.addWidget(self.what_if_button)
        under = QHBoxLayout()
        under.addWidget(self.summary_label, 1)
        under.addWidget(self.boundaries_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(navigation)
        layout.addWidget(self.map, 1)
        layout.addLayout(under)
        layout.addWidget(self.table)

    # Showing -------------------------------------------------------------------------------

    def week(self) -> Week:
        return self._chosen or Week.at(self.session.now(), self.session.zone)

    def show_week(self, week: Week | None) -> None:
        """Show `week`, or this week (and follow it as days pass) when None."""
        self._chosen = week
        self.refresh()

    def refresh(self) -> None:
        """Read the week afresh; the map is drawn only while the tab is on screen."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        services = self.session.services
        week = self.week()
        picture = services.promises.week(week)
        clients = services.catalog.clients()
        own = services.promises.own_hours()
        start, end = (
            local_date(picture.start, picture.zone),
            local_date(picture.end - 1, picture.zone),
        )
        self.week_label.setText(f"Week {week.number}, {start:%a %d %b} to {end:%a %d %b %Y}")
        outside = sum(total_seconds(s) for s in picture.outside_own_hours.values())
        limit = own.weekly_limit_minutes * 60
        verdict = (
            "over your limit" if picture.total_promised_seconds > limit else "within your limit"
        )
        self.summary_label.setText(
            f"Promised this week: {format_hours_minutes(picture.total_promised_seconds)} h of "
            f"your {format_hours_minutes(limit)} h limit ({verdict}). "
            f"Promised to two clients at once: {len(picture.overlaps)} time(s). "
            f"Promised outside your own hours: {format_hours_minutes(outside)} h."
        )
        self._fill_table(picture, [c for c in clients if not c.archived or c.id in picture.work])
        self.map.show_map(map_data(picture, [MapClient(c.id, c.name, c.colour) for c in clients]))

    def _fill_table(self, picture: WeekPicture, clients: list[Client]) -> None:
        services = self.session.services
        counts = services.requests.counts()
        rows, keys = [], []
        first, last = picture.week.days[0], picture.week.days[-1]
        for client in clients:
            if client.id not in picture.windows and client.id not in picture.work:
                continue
            work = picture.work.get(client.id)
            statuses = [
                day.status
                for _name, days in services.promises.commitments_status(client, first, last)
                for day in days
            ]
            decided = [s for s in statuses if s != "pending"]
            requests = counts.get(client.id)
            usage = services.promises.retainer_usage(client.id)
            rows.append(
                [
                    client.name,
                    format_hours_minutes(picture.promised_seconds(client.id)),
                    format_hours_minutes(
                        total_seconds(picture.outside_own_hours.get(client.id, []))
                    ),
                    format_hours_minutes(work.worked if work else 0),
                    format_hours_minutes(work.out_of_hours if work else 0),
                    format_hours_minutes(work.outside_client_windows if work else 0),
                    (
                        f"{decided.count('kept')} of {len(decided)}"
                        if decided
                        else ("not due yet" if statuses else "—")
                    ),
                    (
                        f"{requests.total} ({requests.outside_client_windows} outside)"
                        if requests
                        else "0"
                    ),
                    (
                        f"{format_hours_minutes(usage.used_seconds)} of "
                        f"{format_hours_minutes(usage.included_seconds)} used"
                        if usage
                        else "—"
                    ),
                ]
            )
            keys.append(client.id)
        self.model.set_rows(rows, keys)

    def _fit_table(self) -> None:
        """As tall as its rows (three to eight of them), so the map keeps the room."""
        rows = min(8, max(3, self.model.rowCount()))
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize()
        height += 2 * self.table.frameWidth() + self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _boundaries_of_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        key = self.model.key_at(rows[0].row()) if rows else None
        if key is not None:
            self.boundaries_requested.emit(key)
