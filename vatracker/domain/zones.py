"""Time zones: naming them, finding the system's, and turning wall-clock times into instants.

An *instant* is whole seconds since the Unix epoch, in UTC. Durations are always differences of
instants, so a daylight-saving change never stretches or shrinks one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InvalidInput

Instant = int


def zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`, or a message that says how to name one."""
    cleaned = name.strip()
    try:
        if not cleaned or cleaned.startswith(("/", ".")) or " " in cleaned:
            raise ValueError(cleaned)
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput(
            f"Unknown time zone {name!r}: use an IANA name such as America/New_York, "
            "Europe/London or Asia/Manila."
        ) from None


def system_zone_name() -> str:
    """The IANA name of the computer's zone, or "UTC" when it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    if sys.platform == "win32":
        candidates.append(iana_name_of_windows_zone(_windows_zone_key()))
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for candidate in candidates:
        if candidate:
            try:
                zone(candidate)
            except InvalidInput:
                continue
            return candidate.strip()
    return "UTC"


def iana_name_of_windows_zone(windows_name: str) -> str:
    """ "W. Europe Standard Time" → "Europe/Berlin"; "" for a name not in the table."""
    from .windows_zones import WINDOWS_TO_IANA

    return WINDOWS_TO_IANA.get(windows_name.strip(), "")


def _windows_zone_key() -> str:
    """The zone Windows is set to, by its Windows name, from the registry ("" if unreadable)."""
    if sys.platform != "win32":
        return ""
    import winreg

    path = r"SYSTEM\CurrentControlSet\Control\TimeZoneInformation"
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, path) as key:
            return str(winreg.QueryValueEx(key, "TimeZoneKeyName")[0])
    except OSError:
        return ""


def offset_at(tz: ZoneInfo, instant: Instant) -> int:
    """Seconds east of UTC in force in `tz` at `instant`."""
    offset = datetime.fromtimestamp(instant, tz).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def to_local(instant: Instant, tz: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(instant, tz)


def instant_of(moment: datetime) -> Instant:
    """The instant of an aware datetime (sub-second parts dropped)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return int(moment.timestamp() // 1)


def resolve_wall_time(wall: datetime, tz: ZoneInfo) -> Instant:
    """The instant a wall-clock time in `tz` names, refusing the ones that are not one instant.

    A time in the hour skipped when clocks go forward does not exist; a time in the hour repeated
    when they go back happens twice. Both are refused with a message instead of being guessed.
    """
    naive = wall.replace(tzinfo=None)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    shown = naive.strftime("%Y-%m-%d %H:%M")
    if round_trip != naive:
        raise InvalidInput(
            f"{shown} does not exist in {tz.key}: the clocks went forward then. "
            "Use a time before or after the skipped hour."
        )
    if first.utcoffset() != second.utcoffset():
        raise InvalidInput(
            f"{shown} happens twice in {tz.key}: the clocks went back then. "
            f"Add the offset to say which, e.g. {naive.isoformat(timespec='minutes')}"
            f"{_offset_text(first)} (the first) or {_offset_text(second)} (the second)."
        )
    return instant_of(first)


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def day_bounds(day: date, tz: ZoneInfo) -> tuple[Instant, Instant]:
    """The first instant of `day` in `tz` and the first of the next day (23, 24 or 25 h apart).

    Where midnight itself is skipped, the day starts at the clock change (fold=0 puts a skipped
    wall time at the transition), which is the first instant whose local date is `day`.
    """
    start = datetime.combine(day, time(0), tzinfo=tz)
    return instant_of(start), instant_of(start + timedelta(days=1))


def local_date(instant: Instant, tz: ZoneInfo) -> date:
    return to_local(instant, tz).date()


#: Brazil stopped daylight saving in 2019: zone data from before then puts São Paulo at UTC-2
#: on 15 November 2019, an hour off for every entry a Brazilian client's windows produce.
ZONE_DATA_PROBE = ("America/Sao_Paulo", datetime(2019, 11, 15, 12, tzinfo=UTC), -3 * 3600)


def zone_data_problem(load: Callable[[str], tzinfo] = ZoneInfo) -> str | None:
    """A message when the computer's time-zone data is too old to trust, else None."""
    name, moment, expected = ZONE_DATA_PROBE
    try:
        offset = moment.astimezone(load(name)).utcoffset()
    except (ZoneInfoNotFoundError, OSError, ValueError):
        offset = None
    if offset is not None and int(offset.total_seconds()) == expected:
        return None
    return (
        "This computer's time-zone data is out of date (it does not know that Brazil stopped "
        "daylight saving in 2019), so some times could be an hour off. Update the system, or "
        "reinstall VA Tracker to get a current copy of the tzdata package."
    )
