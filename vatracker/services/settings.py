"""The VA's own settings: their time zone, the nudges they want, and the look of the app."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..domain.errors import InvalidInput
from ..domain.nudges import NudgeSettings
from ..domain.zones import system_zone_name, zone
from ..storage import settings as settings_table
from ..storage.database import Database

TIMEZONE_KEY = "timezone"
_NUDGE_PREFIX = "nudge_"  # every nudge setting, read in one query
_LONG_TIMER, _PAST_HOURS = "nudge_long_timer_minutes", "nudge_past_own_hours"
_IDLE, _IDLE_MINUTES = "nudge_idle_reminder", "nudge_idle_minutes"
APPEARANCE_KEY = "appearance"
#: Follow the system's light or dark setting, or keep one.
APPEARANCES = ("system", "light", "dark")


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

    def nudges(self) -> NudgeSettings:
        defaults = NudgeSettings()
        with self._db.reading() as conn:
            stored = settings_table.starting_with(conn, _NUDGE_PREFIX)

        def flag(key: str, default: bool) -> bool:
            return stored.get(key, str(int(default))) == "1"

        try:
            return NudgeSettings(
                long_timer_minutes=int(stored.get(_LONG_TIMER, defaults.long_timer_minutes)),
                past_own_hours=flag(_PAST_HOURS, defaults.past_own_hours),
                idle_reminder=flag(_IDLE, defaults.idle_reminder),
                idle_minutes=int(stored.get(_IDLE_MINUTES, defaults.idle_minutes)),
            )
        except (ValueError, InvalidInput):
            return defaults  # a value edited by hand into nonsense: the defaults, not a crash

    def set_nudges(self, nudges: NudgeSettings) -> None:
        with self._db.transaction() as conn:
            settings_table.put(conn, _LONG_TIMER, str(nudges.long_timer_minutes))
            settings_table.put(conn, _PAST_HOURS, str(int(nudges.past_own_hours)))
            settings_table.put(conn, _IDLE, str(int(nudges.idle_reminder)))
            settings_table.put(conn, _IDLE_MINUTES, str(nudges.idle_minutes))

    def appearance(self) -> str:
        """ "system", "light" or "dark"."""
        with self._db.reading() as conn:
            stored = settings_table.get(conn, APPEARANCE_KEY)
        return stored if stored in APPEARANCES else "system"

    def set_appearance(self, appearance: str) -> None:
        if appearance not in APPEARANCES:
            raise InvalidInput(f"The appearance must be one of: {', '.join(APPEARANCES)}.")
        with self._db.transaction() as conn:
            settings_table.put(conn, APPEARANCE_KEY, appearance)
