"""What the commands share: exit codes, reading times, and printing tables and JSON."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

from ..domain.entries import Entry, format_duration
from ..domain.timeparse import parse_date, parse_instant
from ..domain.zones import to_local
from ..services.container import Services

if TYPE_CHECKING:
    from ..reports.entry_records import EntryRecords

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

#: A command: does its work over the services, prints to `out`, returns the exit code.
Handler = Callable[[Services, argparse.Namespace, TextIO], int]


def read_instant(services: Services, text: str) -> int:
    return parse_instant(text, services.settings.va_zone(), services.clock.now())


def read_date(services: Services, text: str) -> date:
    return parse_date(text, services.settings.va_zone(), services.clock.now())


def clock_time(services: Services, instant: int) -> str:
    local = to_local(instant, services.settings.va_zone())
    today = to_local(services.clock.now(), services.settings.va_zone()).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def work_of(services: Services, entry: Entry) -> str:
    client = services.catalog.client(entry.client_id)
    task = services.catalog.task_type(entry.task_type_id)
    return f"{client.name} · {task.name}"


def length_of(services: Services, entry: Entry) -> str:
    return format_duration(entry.duration(services.clock.now()))


def entry_records(services: Services) -> EntryRecords:
    from ..reports.entry_records import EntryRecords

    return EntryRecords(services.catalog.clients(), services.catalog.task_types())


def print_json(value: object, out: TextIO) -> None:
    import json

    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip(), file=out)
