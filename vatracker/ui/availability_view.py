"""The Availability tab: a week's promises against own hours and the work done, per client."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.availability import WeekPicture
from ..domain.catalog import Client
from ..domain.entries import format_hours_minutes
from ..domain.weekly import total_seconds
from ..domain.weeks import Week
from ..reports.availability_map import MapClient, map_data
from .chart_canvas import MapCanvas
from .session import Session
from .table_model import TextTableModel
from .text import plain_label
from .views import LazyView, WeekNavigator, fit_to_rows, row_table

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


class AvailabilityView(LazyView):
    boundaries_requested = Signal(int)  # client id
    what_if_requested = Signal()
    request_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        self.navigator = WeekNavigator(session)
        self.navigator.changed.connect(self.refresh)
        nav = self.navigator
        self.previous_button, self.next_button = nav.previous_button, nav.next_button
        self.week_label, self.this_week_button = nav.label, nav.this_week_button
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
        self.table = row_table(self.model, "Promises and work per client")
        self.table.setObjectName("clientWeekTable")
        self.table.setToolTip(TOOLTIPS)
        self.model.modelReset.connect(self._fit_table)
        self.table.doubleClicked.connect(lambda _index: self._boundaries_of_selected())
        self.boundaries_button = QPushButton("Boundaries…")
        self.boundaries_button.setToolTip(
            "The selected client's month against what you agreed, and a note to send them"
        )
        self.boundaries_button.clicked.connect(self._boundaries_of_selected)

        navigation = QHBoxLayout()
        navigation.addWidget(self.navigator)
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
        return self.navigator.week()

    def show_week(self, week: Week | None) -> None:
        """Show `week`, or this week (and follow it as days pass) when None."""
        self.navigator.show_week(week)

    def redraw(self) -> None:
        """Read the week afresh; the map is drawn only while the tab is on screen."""
        services = self.session.services
        week = self.week()
        picture = services.promises.week(week)
        clients = services.catalog.clients()
        own = services.promises.own_hours()
        self.navigator.label_week(week)
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
        days = picture.week.days
        kept_by_client = services.promises.commitments_kept(clients, days[0], days[-1])
        for client in clients:
            work = picture.work.get(client.id)
            kept = kept_by_client.get(client.id)
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
                    _kept_text(kept),
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
        fit_to_rows(self.table, min(8, max(3, self.model.rowCount())))

    def _boundaries_of_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        key = self.model.key_at(rows[0].row()) if rows else None
        if key is not None:
            self.boundaries_requested.emit(key)


def _kept_text(kept: tuple[int, int] | None) -> str:
    """Commitments kept of those due: "3 of 4", "not due yet", or "—" for none promised."""
    if kept is None:
        return "—"
    done, due = kept
    return f"{done} of {due}" if due else "not due yet"
