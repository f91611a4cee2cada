"""Editing wall-clock times in the VA's zone, which may not be the computer's.

The edit widgets work in UTC so Qt never shifts a value across the computer's own
daylight-saving gaps; the values are read back as plain wall times and turned into instants by
the domain, which refuses a time that does not exist or happens twice.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from ..domain.zones import Instant, resolve_wall_time, to_local

_UTC = QTimeZone(QTimeZone.Initialization.UTC)


class WallTimeEdit(QDateTimeEdit):
    """A date and time in the VA's zone; keeps an instant it was given until the user edits."""

    def __init__(self, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._given: tuple[datetime, Instant] | None = None
        self.setTimeZone(_UTC)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)

    def set_instant(self, instant: Instant) -> None:
        wall = to_local(instant, self._tz).replace(tzinfo=None, second=0, microsecond=0)
        self._given = (wall, instant)
        self.set_wall(wall)

    def set_wall(self, wall: datetime) -> None:
        self.setDateTime(
            QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute), _UTC)
        )

    def wall(self) -> datetime:
        qdate, qtime = self.date(), self.time()
        return datetime(qdate.year(), qdate.month(), qdate.day(), qtime.hour(), qtime.minute())

    def instant(self) -> Instant:
        """The instant shown; raises `InvalidInput` for a skipped or repeated wall time."""
        wall = self.wall()
        if self._given is not None and self._given[0] == wall:
            return self._given[1]  # unchanged: keep the exact instant, seconds and fold included
        return resolve_wall_time(wall, self._tz)
