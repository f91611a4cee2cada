"""A file exported by another tracker, read as plain time entries the importer can store.

Nothing here touches the database: the caller previews `notes` and the rows, asks for the
time zone of naive times, and stores everything in one transaction or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..domain.errors import ImportFileError
from .formats import Columns, Field, Format, find_columns
from .reading import read_rows
from .values import (
    ORDER_WORDS,
    CellError,
    DateOrder,
    currency_code,
    date_orders,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_duration,
    parse_time,
    split_tags,
    unprotect,
)

__all__ = ["MAX_PLAIN_SIZE", "DateOrder", "Format", "ImportSource", "SourceRow"]

MAX_PLAIN_SIZE = 50 * 1024 * 1024
_HARVEST_DAY_STARTS = time(9)
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class SourceRow:
    line: int
    client: str
    project: str
    task: str
    description: str
    billable: bool | None
    start: datetime
    end: datetime | None
    duration_seconds: int
    tags: tuple[str, ...]
    rate: Decimal | None
    currency: str | None
    outcome: str = "done"
    findings: str = ""


class ImportSource:
    """One file, its product recognised and its header checked; rows are read on demand."""

    def __init__(
        self, path: Path, columns: list[str], found: Columns, order: DateOrder, notes: list[str]
    ) -> None:
        self.path = path
        self.columns = columns
        self.format = found.spec.format
        self.notes = notes
        self._found = found
        self._order = order

    @classmethod
    def open(
        cls, path: Path, format: Format | None = None, date_order: DateOrder | None = None
    ) -> ImportSource:
        records = read_rows(path)
        header = next(records, None)
        if header is None:
            raise ImportFileError(
                f"{path.name} is empty. Export the time entries from your tracker again as CSV."
            )
        columns = header[1]
        found = find_columns(columns, path.name, format)
        order, notes = _settle_date_order(records, found, date_order, path.name)
        if Field.START_TIME not in found.index and Field.START not in found.index:
            notes.append(
                f"{found.spec.title} gives hours but no start times: each day's entries are "
                f"placed one after another from {_HARVEST_DAY_STARTS:%H:%M}, in file order."
            )
        return cls(path, columns, found, order, notes)

    def rows(self) -> Iterator[SourceRow]:
        records = read_rows(self.path)
        next(records, None)
        reader = _RowReader(self._found, self.columns, self._order)
        for line, cells in records:
            if len(cells) != len(self.columns):
                raise ImportFileError(
                    f"Line {line} has {len(cells)} cells, but the header has "
                    f"{len(self.columns)} columns. A cell on it probably contains the separator "
                    "(a comma or semicolon) without quotes around it, or a cell is missing; "
                    "correct that line and import again."
                )
            try:
                row = reader.row(line, cells)
            except OverflowError:
                raise ImportFileError(
                    f"Line {line}: the times on this line run past the year 9999. Check its "
                    "dates and duration."
                ) from None
            yield row


class _RowReader:
    """Turns cells into a `SourceRow`; remembers where each Harvest day has got to."""

    def __init__(self, found: Columns, columns: list[str], order: DateOrder) -> None:
        self._found = found
        self._columns = columns
        self._order = order
        self._next_start: dict[date, datetime] = {}

    def row(self, line: int, raw: list[str]) -> SourceRow:
        cells = raw
        if self._found.spec.format is Format.VATRACKER:
            cells = [unprotect(cell) for cell in raw]
        start, end, seconds = self._times(line, cells)
        outcome = self._text(cells, Field.OUTCOME) or "done"
        if outcome not in ("done", "trying"):
            raise ImportFileError(
                f"Line {line}: the outcome “{_short(outcome)}” is neither “done” nor “trying”. "
                "Correct the cell or delete the row."
            )
        return SourceRow(
            line=line,
            client=self._text(cells, Field.CLIENT),
            project=self._text(cells, Field.PROJECT),
            task=self._text(cells, Field.TASK),
            description=self._text(cells, Field.DESCRIPTION),
            billable=self._read(line, cells, Field.BILLABLE, parse_bool),
            start=start,
            end=end,
            duration_seconds=seconds,
            tags=split_tags(self._text(cells, Field.TAGS)),
            rate=self._read(line, cells, Field.RATE, parse_decimal),
            currency=currency_code(self._text(cells, Field.CURRENCY)) or self._found.currency,
            outcome=outcome,
            findings=self._text(cells, Field.FINDINGS),
        )

    def _times(self, line: int, cells: list[str]) -> tuple[datetime, datetime | None, int]:
        """Start, end and seconds. With both an end and a duration the end wins: the duration
        column is often rounded, and the caller recomputes it across DST anyway."""
        if Field.START in self._found.index:
            start = self._needed(line, cells, Field.START, _aware, "start")
            end = self._read(line, cells, Field.END, _aware)
        else:
            day = self._needed(line, cells, Field.START_DATE, self._date, "start date")
            if Field.START_TIME not in self._found.index:
                return self._placed(line, cells, day)
            start = datetime.combine(
                day, self._needed(line, cells, Field.START_TIME, parse_time, "start time")
            )
            end = self._end(line, cells, start)
        if end is None:
            return start, None, self._duration(line, cells)
        if end < start:
            raise ImportFileError(
                f"Line {line} ends ({end:%Y-%m-%d %H:%M}) before it starts "
                f"({start:%Y-%m-%d %H:%M}). Correct the end date or time, or delete the row."
            )
        return start, end, int((end - start).total_seconds())

    def _end(self, line: int, cells: list[str], start: datetime) -> datetime | None:
        """The end; a bare end time earlier than the start (Kimai's 22:00 to 02:00) is on the
        next day."""
        clock = self._read(line, cells, Field.END_TIME, parse_time)
        if clock is None:
            return None
        day = self._read(line, cells, Field.END_DATE, self._date)
        end = datetime.combine(day or start.date(), clock)
        return end + timedelta(days=1) if day is None and end < start else end

    def _placed(self, line: int, cells: list[str], day: date) -> tuple[datetime, datetime, int]:
        """Harvest has only a day and hours: the day's entries follow each other from 09:00."""
        seconds = self._duration(line, cells)
        start = self._next_start.get(day, datetime.combine(day, _HARVEST_DAY_STARTS))
        end = start + timedelta(seconds=seconds)
        self._next_start[day] = end
        return start, end, seconds

    def _duration(self, line: int, cells: list[str]) -> int:
        for field, unit in ((Field.SECONDS, 1), (Field.HOURS, 3600)):
            seconds = self._read(line, cells, field, partial(parse_duration, unit_seconds=unit))
            if seconds is not None:
                return seconds
        raise ImportFileError(
            f"Line {line} has neither an end time nor a duration. Fill in one of them or delete "
            "the row."
        )

    def _date(self, text: str) -> date:
        return parse_date(text, self._order)

    def _text(self, cells: list[str], field: Field) -> str:
        index = self._found.index.get(field)
        return "" if index is None else cells[index].strip()

    def _read(
        self, line: int, cells: list[str], field: Field, parse: Callable[[str], _T]
    ) -> _T | None:
        """The cell parsed, None when it is empty; an error naming line and column if unreadable."""
        text = self._text(cells, field)
        if not text:
            return None
        try:
            return parse(text)
        except CellError as error:
            column = self._columns[self._found.index[field]].strip()
            raise ImportFileError(
                f"Line {line}: cannot read “{_short(text)}” in the “{column}” column. {error}"
            ) from None

    def _needed(
        self, line: int, cells: list[str], field: Field, parse: Callable[[str], _T], what: str
    ) -> _T:
        value = self._read(line, cells, field, parse)
        if value is None:
            column = self._columns[self._found.index[field]].strip()
            raise ImportFileError(
                f"Line {line} has no {what} (the “{column}” cell is empty). Every entry needs "
                "one: fill it in or delete the row."
            )
        return value


def _aware(text: str) -> datetime:
    """VA Tracker's own times: ISO 8601 with the UTC offset that was in force."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CellError("Write it like 2026-03-02T09:30:00+01:00.") from None
    if moment.tzinfo is None:
        raise CellError(
            "VA Tracker writes its times with their UTC offset, like 2026-03-02T09:30:00+01:00; "
            "add the offset."
        )
    return moment


def _settle_date_order(
    records: Iterator[tuple[int, list[str]]],
    found: Columns,
    given: DateOrder | None,
    name: str,
) -> tuple[DateOrder, list[str]]:
    """The order of slashed dates: as given, else as the dates prove (25/03 is day first),
    else the product's default with a note, since 03/04/2026 reads either way."""
    indexes = [found.index[f] for f in (Field.START_DATE, Field.END_DATE) if f in found.index]
    if given is not None or not indexes:
        return given or found.spec.date_order, []
    proof: dict[DateOrder, tuple[int, str]] = {}
    undecided = False
    for line, cells in records:
        for index in indexes:
            cell = cells[index].strip() if index < len(cells) else ""
            orders = date_orders(cell)
            if len(orders) == 1:
                proof.setdefault(orders[0], (line, cell))
            undecided = undecided or len(orders) == 2
    if len(proof) == 2:
        (dmy_line, dmy), (mdy_line, mdy) = proof[DateOrder.DMY], proof[DateOrder.MDY]
        raise ImportFileError(
            f"The dates in {name} mix two orders: line {dmy_line} has {dmy} (day first) but "
            f"line {mdy_line} has {mdy} (month first). Make them all use one order, or export "
            "again with dates written as YYYY-MM-DD."
        )
    if proof:
        [(order, (line, cell))] = proof.items()
        return order, [f"Dates read as {ORDER_WORDS[order]}, because line {line} has {cell}."]
    default = found.spec.date_order
    if not undecided:
        return default, []
    other = ORDER_WORDS[DateOrder.DMY if default is DateOrder.MDY else DateOrder.MDY]
    return default, [
        f"Dates read as {ORDER_WORDS[default]} ({found.spec.title}'s default): no date in the "
        f"file shows which comes first. If they are {other}, choose that order."
    ]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
