"""Reading the cells of other trackers' exports: dates, times, durations, numbers, yes/no.

Each reader raises `CellError` whose text says how to write the value; the caller adds the
line and column, so these stay small and testable without a file.
"""

from __future__ import annotations

import re
from datetime import date, time
from decimal import Decimal
from enum import StrEnum

from ..reports.csv_safe import FORMULA_TRIGGERS


class DateOrder(StrEnum):
    MDY = "mdy"
    DMY = "dmy"


class CellError(ValueError):
    """A cell that cannot be read; the message is the sentence that says how to fix it."""


ORDER_WORDS = {DateOrder.MDY: "month/day/year", DateOrder.DMY: "day/month/year"}
DATE_HINT = "Write dates like 2026-03-25, 03/25/2026 or 25.03.2026."
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?", re.IGNORECASE)
_SPAN = re.compile(r"(\d{1,6}):(\d{2})(?::(\d{2}))?")
_NUMBER = re.compile(r"-?(\d{1,15}(\.\d{0,12})?|\.\d{1,12})")
_LONGEST = 10_000 * 3600  # over a year of work: a typo, not an entry
_CODE = re.compile(r"\b([A-Z]{3})$")
_BOOLEANS = {
    **dict.fromkeys(("yes", "true", "1", "ja", "oui", "sí", "si", "sim", "y"), True),
    **dict.fromkeys(("no", "false", "0", "nein", "non", "não", "nao", "n"), False),
}


def date_orders(text: str) -> tuple[DateOrder, ...]:
    """The orders a slashed date like 03/04/2026 can be read in: both, one (25/03/2026 is
    day first), or none. Other dates (ISO, German) say nothing about the order: ()."""
    if _SLASHED.fullmatch(text.strip()) is None:
        return ()
    return tuple(order for order in DateOrder if _readable(text, order))


def _readable(text: str, order: DateOrder) -> bool:
    try:
        parse_date(text, order)
    except CellError:
        return False
    return True


def parse_date(text: str, order: DateOrder) -> date:
    """ISO, YYYY/MM/DD, German D.M.YYYY, or M/D/YYYY and D/M/YYYY as `order` says."""
    cleaned = text.strip()
    hint = DATE_HINT
    if match := _ISO.fullmatch(cleaned):
        year, month, day = match.group(1, 2, 3)
    elif match := _DOTTED.fullmatch(cleaned):
        year, month, day = match.group(3, 2, 1)
    elif match := _SLASHED.fullmatch(cleaned):
        year, month, day = match.group(3, 2, 1) if order is DateOrder.DMY else match.group(3, 1, 2)
        hint += (
            f" Dates in this file are read as {ORDER_WORDS[order]}; if it uses the other "
            "order, choose that order when importing."
        )
    else:
        raise CellError(hint)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise CellError(hint) from None


def parse_time(text: str) -> time:
    """24-hour H:MM[:SS], or 12-hour with AM/PM as Clockify writes it ("10:23 AM")."""
    match = _CLOCK.fullmatch(text.strip())
    if match is not None:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        twelve_hour = bool(match[4])
        if twelve_hour and 1 <= hour <= 12:
            hour = hour % 12 + (12 if match[4].lower() == "p" else 0)
        elif twelve_hour:
            hour = 24  # "0:30 PM" or "13:00 AM" is no time at all
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise CellError("Write times like 09:30, 17:05:00 or 9:30 AM.")


def parse_duration(text: str, unit_seconds: int) -> int:
    """Whole seconds from H:MM[:SS], or from a number counted in `unit_seconds` (3600 for
    decimal hours, 1 for Kimai's seconds)."""
    cleaned = text.strip()
    if cleaned.startswith("-"):
        raise CellError("A duration cannot be negative; correct it or delete the row.")
    if match := _SPAN.fullmatch(cleaned):
        minutes, seconds = int(match[2]), int(match[3] or 0)
        total = int(match[1]) * 3600 + minutes * 60 + seconds if max(minutes, seconds) < 60 else -1
    else:
        try:
            total = round(parse_decimal(cleaned) * unit_seconds)
        except CellError:
            total = -1
    if total > _LONGEST:
        raise CellError("A single entry cannot last 10,000 hours or more; check the duration.")
    if total < 0:
        raise CellError("Write durations like 1:30:00 or as decimal hours like 1.5.")
    return total


def parse_decimal(text: str) -> Decimal:
    """A number written with a decimal point or comma and maybe thousands separators:
    "2.000,0", "1,234.50", "20,0". With one kind of mark, a single one is the decimal mark
    and repeated ones group thousands, so "1,5" is one and a half."""
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", text)
    if "," in cleaned and "." in cleaned:
        decimal_mark = max(",", ".", key=cleaned.rfind)
        grouping = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(grouping, "").replace(decimal_mark, ".")
    else:
        for mark in ",.":
            cleaned = cleaned.replace(mark, "" if cleaned.count(mark) > 1 else ".")
    if not _NUMBER.fullmatch(cleaned):
        raise CellError("Write numbers like 25, 25.50 or 25,50.")
    return Decimal(cleaned)


def parse_bool(text: str) -> bool | None:
    """Yes/No in the forms trackers use, in a few languages; empty means the file does not say."""
    cleaned = text.strip().casefold()
    if not cleaned:
        return None
    if cleaned in _BOOLEANS:
        return _BOOLEANS[cleaned]
    raise CellError("Write Yes or No (or true/false, 1/0).")


def currency_code(text: str) -> str | None:
    """The ISO 4217 code in "EUR" or Harvest's "Euro - EUR"; None when there is none."""
    match = _CODE.search(text.strip().upper())
    return match[1] if match else None


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag for tag in (part.strip() for part in text.split(",")) if tag)


def unprotect(text: str) -> str:
    """Undo the apostrophe VA Tracker's export puts before a cell a spreadsheet would run."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
