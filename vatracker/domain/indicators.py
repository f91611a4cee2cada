"""Sustainability indicators: what a week's work says about the pace, each green, amber or red.

The measures are plain functions of the week's work; the colours come from thresholds the VA can
change. They are risk signals from studies of employees, not medical or legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import InvalidInput
from .zones import Instant

DISCLAIMER = (
    "These indicators are risk signals drawn from studies of employees, not medical or legal "
    "advice. Change their thresholds in Settings → Review."
)


class Level(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Trend(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True)
class Threshold:
    """Amber when the value is above `amber_above`, red when it is `red_at` or more."""

    amber_above: float
    red_at: float

    def __post_init__(self) -> None:
        if self.amber_above < 0 or self.red_at < 0:
            raise InvalidInput("A threshold must be 0 or more.")
        if self.red_at <= self.amber_above:
            raise InvalidInput(
                f"The red threshold ({self.red_at:g}) must be above the amber one "
                f"({self.amber_above:g})."
            )

    def level(self, value: float) -> Level:
        if value >= self.red_at:
            return Level.RED
        if value > self.amber_above:
            return Level.AMBER
        return Level.GREEN


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    label: str
    unit: str  # "h", "nights", "days" or "a day"
    default: Threshold
    why: str  # why it matters, and where the thresholds come from
    same_within: float  # a change this small is "the same"


WEEKLY_HOURS = IndicatorSpec(
    "weekly_hours",
    "Hours a week, 4-week average",
    "h",
    Threshold(40, 55),
    "Long weeks are the burnout risk a VA controls most directly. The WHO and ILO (2021) found "
    "that working 55 hours or more a week raises the risk of stroke and heart disease; the EU "
    "Working Time Directive caps the average week at 48 hours. Green up to 40 h, amber above "
    "(past 48 h you are over the Directive's average), red at 55 h or more.",
    1.0,
)
SHORT_REST = IndicatorSpec(
    "short_rest",
    "Nights with under 11 h of rest",
    "nights",
    Threshold(0, 3),
    "Sleep and recovery need a long break between working days: the EU Working Time Directive "
    "sets at least 11 consecutive hours of rest in every 24 (your own rest rule is used). Amber "
    "from one short night in the week, red from three.",
    0.5,
)
NO_DAY_OFF = IndicatorSpec(
    "no_day_off",
    "Days in a row without a day off",
    "days",
    Threshold(6, 14),
    "The EU Working Time Directive gives a full day of rest in every seven, averaged over two "
    "weeks at most. Counted up to the end of the week, including the days before it: amber at "
    "seven days in a row, red at fourteen.",
    0.5,
)
NO_BREAK = IndicatorSpec(
    "no_break",
    "Over 6 h without a 30-min break",
    "days",
    Threshold(0, 3),
    "The EU Working Time Directive requires a break when the working day passes six hours; many "
    "countries set it at 30 minutes (Germany's Working Hours Act, for one). Amber from one such "
    "day in the week, red from three.",
    0.5,
)
WEEKEND = IndicatorSpec(
    "weekend_days",
    "Weekend days worked",
    "days",
    Threshold(0, 2),
    "Days off with no work at all are when recovery happens (research on psychological "
    "detachment, e.g. Sonnentag and Fritz). Amber for one weekend day worked, red for both.",
    0.5,
)
OUT_OF_HOURS = IndicatorSpec(
    "out_of_hours",
    "Work outside your own hours",
    "h",
    Threshold(2, 8),
    "Work outside the hours you set is how boundaries erode: each evening answered teaches a "
    "client to expect the next. The thresholds are a rule of thumb (amber above 2 h a week, red "
    "at 8 h, a working day's worth); set your own.",
    1.0,
)
SWITCHES = IndicatorSpec(
    "task_switches",
    "Task switches a day",
    "a day",
    Threshold(12, 25),
    "Each switch between clients or tasks costs focus; studies of interrupted work (Mark, "
    "Gudith and Klocke, 2008) found it is done faster but with more stress and frustration. "
    "Average over the days worked; the thresholds are a rule of thumb.",
    1.0,
)
SPECS: tuple[IndicatorSpec, ...] = (
    WEEKLY_HOURS,
    SHORT_REST,
    NO_DAY_OFF,
    NO_BREAK,
    WEEKEND,
    OUT_OF_HOURS,
    SWITCHES,
)


@dataclass(frozen=True)
class Indicator:
    spec: IndicatorSpec
    value: float
    threshold: Threshold
    previous: float | None  # the average of the four weeks before, when there were any

    @property
    def level(self) -> Level:
        return self.threshold.level(self.value)

    @property
    def trend(self) -> Trend | None:
        """Against the four weeks before: every indicator is better when lower."""
        if self.previous is None:
            return None
        if abs(self.value - self.previous) <= self.spec.same_within:
            return Trend.SAME
        return Trend.WORSE if self.value > self.previous else Trend.BETTER

    def describe_value(self) -> str:
        shown = f"{self.value:.1f}" if self.spec.unit in ("h", "a day") else f"{self.value:g}"
        return f"{shown} {self.spec.unit}"


# The measures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayEdges:
    """A day's work as it starts and ends: the first start and the last end of the entries
    that start that day (an entry past midnight ends on the next)."""

    day: date
    first_start: Instant
    last_end: Instant


@dataclass(frozen=True)
class WorkRun:
    """Work without a break of the given length: from the first start to the last end, and the
    time actually worked in between."""

    day: date  # the day the run starts
    start: Instant
    end: Instant
    worked: int


def rolling_average(values: Sequence[float], window: int = 4) -> list[float]:
    """Each value averaged with the ones before it, up to `window` of them."""
    found = []
    for index in range(len(values)):
        chosen = values[max(0, index - window + 1) : index + 1]
        found.append(sum(chosen) / len(chosen))
    return found


def short_rest_days(
    edges: Iterable[DayEdges], days: Iterable[date], min_rest_seconds: int
) -> list[date]:
    """The days among `days` whose work began less than `min_rest_seconds` after the work
    before it ended. `edges` must include the days before the first of `days`."""
    chosen = set(days)
    found = []
    latest_end: Instant | None = None
    for edge in sorted(edges, key=lambda e: e.day):
        if (
            edge.day in chosen
            and latest_end is not None
            and edge.first_start - latest_end < min_rest_seconds
        ):
            found.append(edge.day)
        latest_end = edge.last_end if latest_end is None else max(latest_end, edge.last_end)
    return found


def days_without_day_off(worked_days: Iterable[date], last_day: date) -> int:
    """The longest run of consecutive days with work that ends in the seven days up to
    `last_day` (the run may begin well before them)."""
    worked = set(worked_days)
    longest = 0
    for end in (last_day - timedelta(days=i) for i in range(7)):
        run, day = 0, end
        while day in worked:
            run += 1
            day -= timedelta(days=1)
        longest = max(longest, run)
    return longest


def days_without_break(runs: Iterable[WorkRun], days: Iterable[date], limit_seconds: int) -> int:
    """How many of `days` have a run of work longer than `limit_seconds` without a break."""
    chosen = set(days)
    return len({run.day for run in runs if run.day in chosen and run.worked > limit_seconds})


def weekend_days_worked(worked_days: Iterable[date]) -> int:
    return len({day for day in worked_days if day.weekday() >= 5})


def switches_per_day(switches: Mapping[date, int], worked_days: Iterable[date]) -> float:
    """The average number of switches over the days with work."""
    worked = set(worked_days)
    if not worked:
        return 0.0
    return sum(switches.get(day, 0) for day in worked) / len(worked)
