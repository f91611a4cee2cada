"""Nudges: a timer left running too long or past the VA's own hours, and no timer running in
them. Each occasion is told once; the rules are pure, so a fake clock drives them in tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .entries import Entry, format_duration
from .errors import InvalidInput
from .weekly import MINUTES_PER_DAY, WeeklyWindow, merge, spans_between
from .zones import Instant


@dataclass(frozen=True)
class NudgeSettings:
    """What the VA wants to be told. A length of 0 turns that nudge off."""

    long_timer_minutes: int = 3 * 60
    past_own_hours: bool = True
    idle_reminder: bool = False
    idle_minutes: int = 15

    def __post_init__(self) -> None:
        if not 0 <= self.long_timer_minutes <= MINUTES_PER_DAY:
            raise InvalidInput("The long-timer notice must be 0 (off) to 1,440 minutes.")
        if not 1 <= self.idle_minutes <= MINUTES_PER_DAY:
            raise InvalidInput("The reminder must come after 1 to 1,440 minutes without a timer.")


@dataclass(frozen=True)
class Nudge:
    #: Names the occasion, so that it is told once (an entry's id, or when an idle stretch began).
    key: str
    title: str
    message: str


@dataclass(frozen=True)
class Moment:
    """What the rules look at: the time, the running timer (with its words), the VA's hours."""

    now: Instant
    running: Entry | None
    running_label: str
    own_windows: tuple[WeeklyWindow, ...]
    zone: ZoneInfo
    #: When the last finished entry ended, or when the app started watching if later.
    idle_since: Instant


def due_nudges(moment: Moment, settings: NudgeSettings) -> list[Nudge]:
    """Every nudge whose occasion has come at `moment`, told or not."""
    entry = moment.running
    if entry is None:
        idle = _idle_nudge(moment, settings)
        return [idle] if idle else []
    nudges = []
    ran = entry.duration(moment.now)
    if settings.long_timer_minutes and ran >= settings.long_timer_minutes * 60:
        nudges.append(
            Nudge(
                f"long:{entry.id}:{settings.long_timer_minutes}",
                "Timer still running",
                f"{moment.running_label} has run for {format_duration(ran)}. "
                "Still working on it? Stop or switch when you are done.",
            )
        )
    if settings.past_own_hours and _ran_past_own_hours(moment, entry):
        nudges.append(
            Nudge(
                f"past-hours:{entry.id}",
                "Past your own hours",
                f"{moment.running_label} is still running after your working hours ended. "
                "Stop it if you are done for the day.",
            )
        )
    return nudges


def _ran_past_own_hours(moment: Moment, entry: Entry) -> bool:
    """The timer ran during some own hours that have since ended, and now is outside them.

    A timer started outside own hours is the VA's choice and gets no such notice."""
    if not moment.own_windows or _own_span_at(moment) is not None:
        return False
    spans = spans_between(moment.own_windows, moment.zone, entry.start, moment.now)
    return any(span.end <= moment.now for span in spans)


def _idle_nudge(moment: Moment, settings: NudgeSettings) -> Nudge | None:
    if not settings.idle_reminder:
        return None
    span_start = _own_span_at(moment)
    if span_start is None:
        return None
    since = max(span_start, moment.idle_since)
    if moment.now - since < settings.idle_minutes * 60:
        return None
    return Nudge(
        f"idle:{since}",
        "No timer running",
        f"It is within your working hours and no timer has run for "
        f"{format_duration(moment.now - since)}. Start one for the work you are doing.",
    )


def _own_span_at(moment: Moment) -> Instant | None:
    """Where the own-hours stretch holding `now` began (within the last day), or None."""
    day = 24 * 3600
    spans = merge(spans_between(moment.own_windows, moment.zone, moment.now - day, moment.now + 1))
    holding = [s for s in spans if s.start <= moment.now < s.end]
    return holding[0].start if holding else None


class NudgeLog:
    """Remembers which occasions were told, so each is told once."""

    def __init__(self) -> None:
        self._told: set[str] = set()

    def new(self, nudges: Iterable[Nudge]) -> list[Nudge]:
        fresh = [n for n in nudges if n.key not in self._told]
        self._told.update(n.key for n in fresh)
        return fresh
