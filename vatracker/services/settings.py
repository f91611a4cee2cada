"""The VA's own settings (for now, their time zone)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..domain.zones import system_zone_name, zone
from ..storage import settings as settings_table
from ..storage.database import Database

TIMEZONE_KEY = "timezone"


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def stored_zone_name(self) -> str | None:
        """The zone the VA chose, or None when the app follows the computer's zone."""
        with self._db.reading() as conn:
            return settings_table.get(conn, TIMEZONE_KEY)

    def va_zone(self) -> ZoneInfo:
        """The VA's time zone: the one chosen in settings, else the computer's."""
        return zone(self.stored_zone_name() or system_zone_name())

    def set_va_zone(self, name: str | None) -> None:
        """Choose a zone by IANA name, or None to follow the computer's zone again."""
        value = None if name is None or not name.strip() else zone(name).key
        with self._db.transaction() as conn:
            settings_table.put(conn, TIMEZONE_KEY, value)
