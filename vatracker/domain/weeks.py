"""ISO weeks and calendar months in a time zone, as spans of real time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from .errors import InvalidInput
from .zones import Instant, day_bounds, local_date


@dataclass(frozen=True, order=True)
class Week:
    """An ISO week: Monday to Sunday."""

    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> Week:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def at(cls, instant: Instant, tz: ZoneInfo) -> Week:
        return cls.containing(local_date(instant, tz))

    @classmethod
    def parse(cls, text: str) -> Week:
        """A week written as ISO 8601 does it: 2026-W10 (also 2026W10)."""
        match = re.fullmatch(r"(\d{4})-?[Ww](\d{1,2})", text.strip())
        if match:
            year, number = int(match.group(1)), int(match.group(2))
            try:
                date.fromisocalendar(year, number, 1)
            except ValueError:
                pass
            else:
                return cls(year, number)
        raise InvalidInput(f"Cannot read the week {text.strip()!r}: write it as 2026-W10.")

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def bounds(self, tz: ZoneInfo) -> tuple[Instant, Instant]:
        """From Monday 00:00 to the next Monday 00:00 in `tz` (167, 168 or 169 hours)."""
        return day_bounds(self.monday, tz)[0], day_bounds(self.monday + timedelta(days=7), tz)[0]

    def shifted(self, weeks: int) -> Week:
        return Week.containing(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"


@dataclass(frozen=True, order=True)
class Month:
    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return cls(int(match.group(1)), int(match.group(2)))
        raise InvalidInput(f"Cannot read the month {text.strip()!r}: write it as 2026-03.")

    @property
    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    def next(self) -> Month:
        return self.shifted(1)

    def shifted(self, months: int) -> Month:
        index = self.year * 12 + self.number - 1 + months
        return Month(index // 12, index % 12 + 1)

    def bounds(self, tz: ZoneInfo) -> tuple[Instant, Instant]:
        return day_bounds(self.first_day, tz)[0], day_bounds(self.next().first_day, tz)[0]

    def __str__(self) -> str:
        return f"{self.year}-{self.number:02d}"
