"""What was promised to each client, and the VA's own working hours and limits."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import InvalidInput
from .money import parse_rate
from .weekly import (
    MINUTES_PER_DAY,
    WeeklyWindow,
    format_clock,
    format_weekdays,
    overlapping_windows,
)

CHANNELS = ("email", "chat", "phone", "other")


@dataclass(frozen=True)
class Commitment:
    """A task type done by a time of day on some weekdays ("inbox management by 09:00")."""

    task_type_id: int
    weekdays: frozenset[int]
    due_minute: int

    def __post_init__(self) -> None:
        if not self.weekdays:
            raise InvalidInput("A commitment needs at least one weekday.")
        if not 0 < self.due_minute <= MINUTES_PER_DAY:
            raise InvalidInput("A commitment's time must be after 00:00 and at most 24:00.")

    def describe(self, task_name: str) -> str:
        return f"{task_name} by {format_clock(self.due_minute)}, {format_weekdays(self.weekdays)}"


@dataclass(frozen=True)
class Retainer:
    """A monthly retainer: hours included for a fee, and the rate for hours beyond them."""

    included_minutes: int
    fee_minor: int
    overage_rate_minor: int

    @classmethod
    def parse(cls, hours: str, fee: str, overage_rate: str, currency: str) -> Retainer:
        try:
            included = Decimal(hours.strip().replace(",", "."))
        except InvalidOperation:
            raise InvalidInput(f"The retainer hours {hours!r} are not a number.") from None
        if not included.is_finite() or included < 0:
            raise InvalidInput(f"The retainer hours {hours} must be 0 or more.")
        minutes = included * 60
        if minutes != minutes.to_integral_value():
            raise InvalidInput(f"The retainer hours {hours} are not a whole number of minutes.")
        try:
            fee_minor = parse_rate(fee, currency)
            rate_minor = parse_rate(overage_rate, currency)
        except InvalidInput as exc:
            raise InvalidInput(f"Retainer: {str(exc).replace('The rate', 'the amount')}") from None
        return cls(int(minutes), fee_minor, rate_minor)


@dataclass(frozen=True)
class Promises:
    """Everything promised to one client; all of it optional."""

    windows: tuple[WeeklyWindow, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    response_minutes: int | None = None
    retainer: Retainer | None = None

    def __post_init__(self) -> None:
        refuse_overlapping_windows(self.windows, "the client")
        if self.response_minutes is not None and self.response_minutes <= 0:
            raise InvalidInput("The response window must be longer than zero.")


@dataclass(frozen=True)
class OwnHours:
    """The VA's own working hours (in the VA's zone), weekly limit and rest rules."""

    windows: tuple[WeeklyWindow, ...] = (WeeklyWindow(frozenset(range(5)), 9 * 60, 17 * 60),)
    weekly_limit_minutes: int = 40 * 60
    min_rest_hours: int = 11
    days_off_per_week: int = 1

    def __post_init__(self) -> None:
        refuse_overlapping_windows(self.windows, "your own hours")
        if not 0 < self.weekly_limit_minutes <= 7 * MINUTES_PER_DAY:
            raise InvalidInput("The weekly limit must be more than 0 and at most 168 hours.")
        if not 0 <= self.min_rest_hours <= 24:
            raise InvalidInput("The rest between working days must be 0 to 24 hours.")
        if not 0 <= self.days_off_per_week <= 7:
            raise InvalidInput("Days off per week must be 0 to 7.")


def refuse_overlapping_windows(windows: tuple[WeeklyWindow, ...], whose: str) -> None:
    """Two windows of the same owner may not share a minute: say which ones do."""
    for index, window in enumerate(windows):
        clashes = overlapping_windows(window, windows[index + 1 :])
        if clashes:
            raise InvalidInput(
                f"The windows {window.describe()} and {clashes[0].describe()} of {whose} "
                "overlap: merge them into one, or change the hours of one."
            )
