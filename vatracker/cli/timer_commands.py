"""Commands for the timer and the entries: start, stop, status, log, entries, settings."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.entries import Outcome, format_duration, new_entry
from ..domain.errors import InvalidInput, NeedsConfirmation
from ..domain.timeparse import parse_span
from ..services.container import Services
from ..services.entries import OverlapError
from .output import (
    EXIT_OK,
    clock_time,
    entry_records,
    length_of,
    print_json,
    print_table,
    read_date,
    read_instant,
    work_of,
)


def start(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.client_named(args.client)
    task = services.catalog.task_type_named(args.task)
    at = None if args.at is None else read_instant(services, args.at)
    result = services.timer.start(client.id, task.id, note=args.note, at=at)
    if result.already_running:
        print(f"Already running: {client.name} · {task.name}.", file=out)
        return EXIT_OK
    if result.stopped is not None:
        stopped = result.stopped
        print(
            f"Stopped {work_of(services, stopped)} after {length_of(services, stopped)}.",
            file=out,
        )
    started = result.entry
    print(
        f"Started {client.name} · {task.name} at {clock_time(services, started.start)}.", file=out
    )
    return EXIT_OK


def stop(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.findings and not args.trying:
        raise InvalidInput("--findings goes with --trying: findings describe an attempt.")
    at = None if args.at is None else read_instant(services, args.at)
    outcome = Outcome.TRYING if args.trying else Outcome.DONE
    stopped = services.timer.stop(outcome=outcome, findings=args.findings, at=at)
    assert stopped.end is not None
    print(
        f"Stopped {work_of(services, stopped)} at {clock_time(services, stopped.end)} "
        f"after {length_of(services, stopped)} ({stopped.outcome.value}).",
        file=out,
    )
    return EXIT_OK


def status(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    running = services.timer.running()
    now = services.clock.now()
    if args.json:
        record = None if running is None else entry_records(services).record(running, now)
        elapsed = None if running is None else running.duration(now)
        print_json(
            {"running": running is not None, "entry": record, "elapsed_seconds": elapsed}, out
        )
        return EXIT_OK
    if running is None:
        print("No timer is running.", file=out)
        return EXIT_OK
    print(
        f"Running: {work_of(services, running)} since {clock_time(services, running.start)} "
        f"({format_duration(running.duration(now))}).",
        file=out,
    )
    if running.note:
        print(f"Note: {running.note}", file=out)
    return EXIT_OK


def log(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.findings and not args.trying:
        raise InvalidInput("--findings goes with --trying: findings describe an attempt.")
    client = services.catalog.client_named(args.client)
    task = services.catalog.task_type_named(args.task)
    tz = services.settings.va_zone()
    start, end = parse_span(args.start, args.end, tz, services.clock.now())
    entry = new_entry(
        client.id,
        task.id,
        start,
        tz,
        end=end,
        outcome=Outcome.TRYING if args.trying else Outcome.DONE,
        findings=args.findings,
        note=args.note,
        billable=task.billable,
    )
    try:
        change = services.entries.add(
            entry, allow_overlap=args.allow_overlap, allow_long=args.allow_long
        )
    except NeedsConfirmation as exc:
        raise InvalidInput(f"{exc} Add --allow-long to keep it.") from None
    except OverlapError as exc:
        raise InvalidInput(f"{exc} Add --allow-overlap to keep it anyway.") from None
    logged = change.after[0]
    print(f"Logged {services.entries.describe(logged)} ({length_of(services, logged)}).", file=out)
    return EXIT_OK


def entries(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    first = None if args.first is None else read_date(services, args.first)
    last = None if args.last is None else read_date(services, args.last)
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"--to ({last}) is before --from ({first}).")
    renderer = entry_records(services)
    now = services.clock.now()
    rows = (renderer.record(entry, now) for entry in services.entries.starting_between(first, last))
    if args.json:
        print_json(list(rows), out)
    elif args.csv:
        from ..reports.csv_safe import write_csv
        from ..reports.entry_records import COLUMNS

        write_csv(out, COLUMNS, rows)
    else:
        table = [
            (
                str(r["id"]),
                r["start"][:16].replace("T", " "),
                format_duration(r["duration_seconds"]),
                r["client"],
                r["task"],
                r["outcome"],
                r["note"],
            )
            for r in rows
        ]
        print_table(("ID", "START", "LENGTH", "CLIENT", "TASK", "OUTCOME", "NOTE"), table, out)
    return EXIT_OK


def settings(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.timezone is not None:
        services.settings.set_va_zone(args.timezone)
    elif args.system_timezone:
        services.settings.set_va_zone(None)
    stored = services.settings.stored_zone_name()
    following = "" if stored else " (follows the computer)"
    print(f"Time zone: {services.settings.va_zone().key}{following}", file=out)
    print(f"Data folder: {services.db.path.parent}", file=out)
    return EXIT_OK
