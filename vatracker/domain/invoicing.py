"""Invoice lines from entries: right to the cent, trying time shown as the paid work it is.

The rules, stated once:
- an entry is billed in the period it starts in (the VA's zone), so each is billed once;
- each entry's time may be rounded up (to 1, 6 or 15 minutes) before anything is added;
- a line's hours are its seconds in hours, rounded half-up to 0.01 h, and are what is printed;
- a line's amount is the printed hours times the rate, rounded half-up to the minor unit, once;
- the subtotal is the sum of the printed amounts; tax is the subtotal times the rate, rounded
  half-up once; the total is subtotal plus tax.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from string import Formatter
from zoneinfo import ZoneInfo

from .entries import Entry, Outcome, format_duration
from .errors import InvalidInput
from .money import from_minor, to_minor
from .promises import Retainer
from .zones import local_date, to_local

HUNDREDTH = Decimal("0.01")


class Rounding(StrEnum):
    NONE = "none"
    UP_TO_1 = "1"
    UP_TO_6 = "6"
    UP_TO_15 = "15"

    @property
    def label(self) -> str:
        return "exact time" if self is Rounding.NONE else f"each entry up to {self.value} min"

    def apply(self, seconds: int) -> int:
        if self is Rounding.NONE or seconds <= 0:
            return max(0, seconds)
        step = int(self.value) * 60
        return -(-seconds // step) * step


@dataclass(frozen=True)
class Billing:
    """How a client is billed."""

    currency: str
    rate_minor: int
    task_rates: Mapping[int, int]
    rounding: Rounding = Rounding.NONE
    trying_as_section: bool = True
    tax_applicable: bool = True
    retainer: Retainer | None = None

    def rate_for(self, task_type_id: int) -> int:
        return self.task_rates.get(task_type_id, self.rate_minor)


@dataclass(frozen=True)
class Tax:
    label: str
    percent: Decimal

    @classmethod
    def parse(cls, label: str, percent: str) -> Tax:
        try:
            value = Decimal(percent.strip().replace(",", ".").rstrip("%"))
        except InvalidOperation:
            raise InvalidInput(f"The tax rate {percent.strip()!r} is not a number.") from None
        if not value.is_finite():
            raise InvalidInput(f"The tax rate {percent.strip()!r} is not a number.")
        if value < 0:
            raise InvalidInput(f"The tax rate {percent.strip()} must be 0 or more.")
        if value > 100:
            raise InvalidInput(f"The tax rate {percent.strip()}% is more than 100%.")
        name = label.strip() or "Tax"
        return cls(name, value)


@dataclass(frozen=True)
class Line:
    """A printed line. `amount_minor` None: shown for information (covered by the retainer)."""

    section: str  # "work", "attempts" or "retainer"
    description: str
    hours: Decimal | None
    rate_minor: int | None
    amount_minor: int | None


@dataclass(frozen=True)
class Attempt:
    """Trying time, listed with what it revealed."""

    day: date
    task: str
    hours: Decimal
    findings: str


@dataclass(frozen=True)
class TimesheetRow:
    entry_id: int
    day: date
    start: str
    end: str
    task: str
    hours: Decimal
    duration: str  # "1:05:00": exact, where the hours are rounded to 0.01
    outcome: str
    billable: bool
    note: str
    findings: str


@dataclass(frozen=True)
class Draft:
    currency: str
    lines: tuple[Line, ...]
    attempts: tuple[Attempt, ...]
    timesheet: tuple[TimesheetRow, ...]
    subtotal_minor: int
    tax: Tax | None
    tax_minor: int
    unused_retainer_hours: Decimal | None
    entry_ids: tuple[int, ...]
    billable_seconds: int

    @property
    def total_minor(self) -> int:
        return self.subtotal_minor + self.tax_minor

    @property
    def has_anything_to_bill(self) -> bool:
        return any(line.amount_minor for line in self.lines)


def hours_of(seconds: int) -> Decimal:
    return (Decimal(seconds) / 3600).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def line_amount(hours: Decimal, rate_minor: int, currency: str) -> int:
    """The printed hours times the rate, rounded half-up once to the minor unit."""
    return to_minor(hours * from_minor(rate_minor, currency), currency)


def tax_amount(subtotal_minor: int, tax: Tax | None, currency: str) -> int:
    if tax is None or subtotal_minor <= 0:
        return 0
    return to_minor(from_minor(subtotal_minor, currency) * tax.percent / 100, currency)


def draft_invoice(
    entries: Iterable[Entry],
    billing: Billing,
    task_names: Mapping[int, str],
    tax: Tax | None,
    tz: ZoneInfo,
    *,
    non_billable_task_types: Collection[int] = (),
    retainer_months: int = 1,
) -> Draft:
    """The invoice for finished `entries` (already chosen for the period and client). An entry
    is billed when it is billable and its task type is too; a retainer counts `retainer_months`
    times its fee and hours."""
    chosen = [
        (entry, billing.rounding.apply(entry.duration(0)))
        for entry in sorted(entries, key=lambda e: (e.start, e.id or 0))
        if entry.end is not None
    ]
    billed = {
        e.id for e, _ in chosen if e.billable and e.task_type_id not in non_billable_task_types
    }
    work: list[tuple[Entry, int]] = []
    attempts: list[tuple[Entry, int]] = []
    for entry, seconds in chosen:
        if entry.id in billed:
            separate = billing.trying_as_section and entry.outcome is Outcome.TRYING
            (attempts if separate else work).append((entry, seconds))
    lines, unused = priced_lines(
        _seconds_by_task(work), _seconds_by_task(attempts), billing, task_names, retainer_months
    )
    subtotal = sum(line.amount_minor or 0 for line in lines)
    applied_tax = tax if billing.tax_applicable else None
    return Draft(
        currency=billing.currency,
        lines=tuple(lines),
        attempts=tuple(
            Attempt(
                local_date(e.start, tz),
                task_names.get(e.task_type_id, "?"),
                hours_of(s),
                e.findings,
            )
            for e, s in attempts
        ),
        timesheet=tuple(_timesheet_row(e, s, e.id in billed, task_names, tz) for e, s in chosen),
        subtotal_minor=subtotal,
        tax=applied_tax,
        tax_minor=tax_amount(subtotal, applied_tax, billing.currency),
        unused_retainer_hours=unused,
        entry_ids=tuple(e.id for e, _ in chosen if e.id is not None),
        billable_seconds=sum(s for _, s in work + attempts),
    )


def billed_amount(
    seconds: Mapping[tuple[int, bool], int], billing: Billing, *, months: int = 1
) -> int:
    """What billed seconds by (task type, trying) come to before tax, line by line as the
    invoice would print them (with the retainer's fee and overage when there is one)."""
    work: dict[int, int] = {}
    attempts: dict[int, int] = {}
    for (task_type_id, trying), billed in seconds.items():
        chosen = attempts if trying and billing.trying_as_section else work
        chosen[task_type_id] = chosen.get(task_type_id, 0) + billed
    lines, _unused = priced_lines(work, attempts, billing, {}, months)
    return sum(line.amount_minor or 0 for line in lines)


def priced_lines(
    work: Mapping[int, int],
    attempts: Mapping[int, int],
    billing: Billing,
    task_names: Mapping[int, str],
    retainer_months: int = 1,
) -> tuple[list[Line], Decimal | None]:
    """The lines for billed seconds per task type (work, then attempts), then the retainer's;
    and the retainer hours left unused (None without a retainer)."""
    covered = billing.retainer is not None
    lines = [
        *_lines("work", work, billing, task_names, "", covered),
        *_lines("attempts", attempts, billing, task_names, "Attempts: ", covered),
    ]
    if billing.retainer is None:
        return lines, None
    used = sum((line.hours or Decimal(0) for line in lines), Decimal(0))
    retainer_lines, unused = _retainer_lines(billing.retainer, used, retainer_months, billing)
    return lines + retainer_lines, unused


def _seconds_by_task(entries: Sequence[tuple[Entry, int]]) -> dict[int, int]:
    """Billed seconds per task type, in the order the task types first appear."""
    seconds: dict[int, int] = {}
    for entry, billed in entries:
        seconds[entry.task_type_id] = seconds.get(entry.task_type_id, 0) + billed
    return seconds


def _lines(
    section: str,
    seconds: Mapping[int, int],
    billing: Billing,
    task_names: Mapping[int, str],
    prefix: str,
    covered_by_retainer: bool,
) -> list[Line]:
    """One line per task type."""
    lines = []
    for task_type_id, total in seconds.items():
        hours = hours_of(total)
        rate = billing.rate_for(task_type_id)
        rate_minor, amount_minor = (
            (None, None)
            if covered_by_retainer
            else (rate, line_amount(hours, rate, billing.currency))
        )
        lines.append(
            Line(
                section, prefix + task_names.get(task_type_id, "?"), hours, rate_minor, amount_minor
            )
        )
    return lines


def _retainer_lines(
    retainer: Retainer, used: Decimal, months: int, billing: Billing
) -> tuple[list[Line], Decimal]:
    """The fee (once per month), the printed hours beyond those it includes at the overage
    rate, and the included hours left unused."""
    included = hours_of(retainer.included_minutes * 60 * months)
    times = f" x {months} months" if months > 1 else ""
    lines = [
        Line(
            "retainer",
            f"Monthly retainer{times}, covering {included} h",
            None,
            None,
            retainer.fee_minor * months,
        )
    ]
    over = max(Decimal(0), used - included)
    if over:
        lines.append(
            Line(
                "retainer",
                "Hours beyond the retainer",
                over,
                retainer.overage_rate_minor,
                line_amount(over, retainer.overage_rate_minor, billing.currency),
            )
        )
    return lines, max(Decimal(0), included - used).quantize(HUNDREDTH)


def _timesheet_row(
    entry: Entry, billed_seconds: int, billed: bool, task_names: Mapping[int, str], tz: ZoneInfo
) -> TimesheetRow:
    start = to_local(entry.start, tz)
    end = to_local(entry.end_or(entry.start), tz)
    end_text = end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%a %H:%M")
    return TimesheetRow(
        entry_id=entry.id or 0,
        day=start.date(),
        start=start.strftime("%H:%M"),
        end=end_text,
        task=task_names.get(entry.task_type_id, "?"),
        hours=hours_of(billed_seconds),
        duration=format_duration(billed_seconds),
        outcome=entry.outcome.value,
        billable=billed,
        note=entry.note,
        findings=entry.findings,
    )


def format_number(pattern: str, year: int, sequence: int) -> str:
    """An invoice number from a pattern such as "{year}-{seq:04d}"."""
    advice = "write it with {year} and {seq}, such as {year}-{seq:04d}"
    try:
        fields = {name for _, name, _, _ in Formatter().parse(pattern) if name is not None}
        if not fields <= {"year", "seq"}:
            unknown = ", ".join(sorted(repr(name) for name in fields - {"year", "seq"}))
            raise InvalidInput(
                f"The invoice number format {pattern!r} has {unknown} in braces: {advice}."
            )
        number = pattern.format(year=year, seq=sequence)
    except (ValueError, TypeError) as exc:  # an unclosed brace, a format spec that does not fit
        raise InvalidInput(
            f"The invoice number format {pattern!r} cannot be used ({exc}): {advice}."
        ) from None
    if "seq" not in fields:
        raise InvalidInput(
            f"The invoice number format {pattern!r} has no {{seq}}: numbers would repeat."
        )
    if not number.strip() or len(number) > 40:
        raise InvalidInput(f"The invoice number format {pattern!r} gives {number!r}.")
    return number
