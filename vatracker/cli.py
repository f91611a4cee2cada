"""The command line: the same services as the window, for scripting and quick use.

Exit codes: 0 done; 2 bad input (one line on stderr naming the problem); 1 the data could not be
read or written. This module must not import Qt or sqlite-utils: `status`, `start` and `stop`
are meant to finish in well under a tenth of a second.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import __version__
from .clock import Clock, SystemClock
from .domain.catalog import Client, TaskType
from .domain.entries import Entry, Outcome, format_duration, new_entry
from .domain.errors import InvalidInput, NeedsConfirmation, VATrackerError
from .domain.timeparse import parse_date, parse_instant, parse_span
from .domain.zones import to_local
from .paths import data_dir
from .services.container import Services
from .services.entries import OverlapError

if TYPE_CHECKING:
    from .reports.entry_records import EntryRecords

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, as every other error here."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see {self.prog} --help)")


def _data_dir_option() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder of the database (default: $VATRACKER_DATA_DIR or the user data folder)",
    )
    return common


def _window_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options, if `argv` only opens the window: start-up then skips the full parser."""
    try:
        args, rest = _data_dir_option().parse_known_args(argv)
    except _UsageError:
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    common = _data_dir_option()
    parser = _Parser(
        prog="vatracker",
        description="VA Tracker: time tracking for virtual assistants. "
        "Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"VA Tracker {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    _add_client_commands(commands, common)
    _add_task_commands(commands, common)

    start = command("start", "start the timer (switching if one runs)", _start)
    start.add_argument("client")
    start.add_argument("task")
    start.add_argument("--note", default="")
    start.add_argument("--at", metavar="TIME", help="when it started (default: now)")

    stop = command("stop", "stop the running timer", _stop)
    stop.add_argument("--trying", action="store_true", help="the work was an attempt, not done yet")
    stop.add_argument("--findings", default="", help="what the attempt revealed (with --trying)")
    stop.add_argument("--at", metavar="TIME", help="when it stopped (default: now)")

    status = command("status", "show the running timer", _status)
    status.add_argument("--json", action="store_true")

    log = command("log", "record finished work by hand", _log)
    log.add_argument("client")
    log.add_argument("task")
    log.add_argument("--from", dest="start", metavar="TIME", required=True)
    log.add_argument("--to", dest="end", metavar="TIME", required=True)
    log.add_argument("--trying", action="store_true")
    log.add_argument("--findings", default="")
    log.add_argument("--note", default="")
    log.add_argument("--allow-overlap", action="store_true", help="keep it even if it overlaps")
    log.add_argument("--allow-long", action="store_true", help="keep it even if over 24 hours")

    entries = command("entries", "list entries that start between two dates (inclusive)", _entries)
    entries.add_argument("--from", dest="first", metavar="DATE")
    entries.add_argument("--to", dest="last", metavar="DATE")
    output = entries.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")

    settings = command("settings", "show or change your settings", _settings)
    zone_choice = settings.add_mutually_exclusive_group()
    zone_choice.add_argument("--timezone", metavar="TZ", help="your IANA time zone")
    zone_choice.add_argument(
        "--system-timezone", action="store_true", help="follow the computer's time zone"
    )
    return parser


def _add_client_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    group = commands.add_parser(
        "client", help="manage clients", description="manage clients", parents=[common]
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=_Parser)
    add = verbs.add_parser("add", help="add a client", parents=[common])
    add.add_argument("name")
    add.add_argument("--rate", required=True, help="hourly rate, e.g. 35 or 35.50")
    add.add_argument("--currency", required=True, help="ISO 4217 code, e.g. USD")
    add.add_argument("--timezone", required=True, help="IANA zone, e.g. America/New_York")
    add.set_defaults(handler=_client_add)
    listing = verbs.add_parser("list", help="list clients", parents=[common])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_client_list)
    edit = verbs.add_parser("edit", help="change a client's details", parents=[common])
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name")
    edit.add_argument("--rate")
    edit.add_argument("--currency")
    edit.add_argument("--timezone")
    edit.set_defaults(handler=_client_edit)
    _add_lifecycle_verbs(verbs, common, "client")


def _add_task_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    group = commands.add_parser(
        "task", help="manage task types", description="manage task types", parents=[common]
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=_Parser)
    add = verbs.add_parser("add", help="add a task type", parents=[common])
    add.add_argument("name")
    add.add_argument("--non-billable", action="store_true", help="not billed by default")
    add.set_defaults(handler=_task_add)
    listing = verbs.add_parser("list", help="list task types", parents=[common])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_task_list)
    edit = verbs.add_parser(
        "edit", help="rename a task type or change its default", parents=[common]
    )
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name")
    billable = edit.add_mutually_exclusive_group()
    billable.add_argument("--billable", dest="billable", action="store_true", default=None)
    billable.add_argument("--non-billable", dest="billable", action="store_false")
    edit.set_defaults(handler=_task_edit)
    _add_lifecycle_verbs(verbs, common, "task type")


# Clients and task types ----------------------------------------------------------------------

Handler = Callable[[Services, argparse.Namespace, TextIO], int]


def _add_lifecycle_verbs(
    verbs: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    kind: str,
) -> None:
    """archive, unarchive and delete, the same for clients and task types."""
    for verb, handler in (
        ("archive", _archiving(kind, True)),
        ("unarchive", _archiving(kind, False)),
        ("delete", _deleting(kind)),
    ):
        sub = verbs.add_parser(verb, help=f"{verb} a {kind}", parents=[common])
        sub.add_argument("name")
        sub.set_defaults(handler=handler)


def _find(services: Services, kind: str, name: str) -> Client | TaskType:
    if kind == "client":
        return services.catalog.client_named(name)
    return services.catalog.task_type_named(name)


def _archiving(kind: str, archived: bool) -> Handler:
    def handler(services: Services, args: argparse.Namespace, out: TextIO) -> int:
        item = _find(services, kind, args.name)
        if kind == "client":
            services.catalog.set_client_archived(item.id, archived)
        else:
            services.catalog.set_task_type_archived(item.id, archived)
        done = "Archived" if archived else "Unarchived"
        print(f"{done} {kind} {item.name}.", file=out)
        return EXIT_OK

    return handler


def _deleting(kind: str) -> Handler:
    def handler(services: Services, args: argparse.Namespace, out: TextIO) -> int:
        item = _find(services, kind, args.name)
        if kind == "client":
            services.catalog.delete_client(item.id)
        else:
            services.catalog.delete_task_type(item.id)
        print(f"Deleted {kind} {item.name}.", file=out)
        return EXIT_OK

    return handler


def _client_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.add_client(args.name, args.rate, args.currency, args.timezone)
    print(f"Added client {client.name} ({client.rate_text}/h, {client.timezone}).", file=out)
    return EXIT_OK


def _client_list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    clients = services.catalog.clients()
    if args.json:
        from .domain.money import from_minor

        _print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "currency": c.currency,
                    "rate": str(from_minor(c.rate_minor, c.currency)),
                    "timezone": c.timezone,
                    "archived": c.archived,
                }
                for c in clients
            ],
            out,
        )
        return EXIT_OK
    if not clients:
        print("No clients yet. Add one with: vatracker client add NAME --rate ...", file=out)
        return EXIT_OK
    rows = [(c.name, c.rate_text, c.timezone, "archived" if c.archived else "") for c in clients]
    _print_table(("CLIENT", "RATE/H", "TIME ZONE", ""), rows, out)
    return EXIT_OK


def _client_edit(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.client_named(args.name)
    updated = services.catalog.update_client(
        client.id,
        name=args.new_name,
        rate=args.rate,
        currency=args.currency,
        timezone=args.timezone,
    )
    print(f"Updated client {updated.name} ({updated.rate_text}/h, {updated.timezone}).", file=out)
    return EXIT_OK


def _task_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    task = services.catalog.add_task_type(args.name, billable=not args.non_billable)
    kind = "billable" if task.billable else "non-billable"
    print(f"Added task type {task.name} ({kind}).", file=out)
    return EXIT_OK


def _task_list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    tasks = services.catalog.task_types()
    if args.json:
        _print_json(
            [
                {"id": t.id, "name": t.name, "billable": t.billable, "archived": t.archived}
                for t in tasks
            ],
            out,
        )
        return EXIT_OK
    rows = [
        (t.name, "billable" if t.billable else "non-billable", "archived" if t.archived else "")
        for t in tasks
    ]
    _print_table(("TASK TYPE", "DEFAULT", ""), rows, out)
    return EXIT_OK


def _task_edit(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    task = services.catalog.task_type_named(args.name)
    updated = services.catalog.update_task_type(task.id, name=args.new_name, billable=args.billable)
    kind = "billable" if updated.billable else "non-billable"
    print(f"Updated task type {updated.name} ({kind}).", file=out)
    return EXIT_OK


# The timer -----------------------------------------------------------------------------------


def _start(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.client_named(args.client)
    task = services.catalog.task_type_named(args.task)
    at = None if args.at is None else _instant(services, args.at)
    result = services.timer.start(client.id, task.id, note=args.note, at=at)
    if result.already_running:
        print(f"Already running: {client.name} · {task.name}.", file=out)
        return EXIT_OK
    if result.stopped is not None:
        stopped = result.stopped
        print(f"Stopped {_what(services, stopped)} after {_length(services, stopped)}.", file=out)
    started = result.entry
    print(
        f"Started {client.name} · {task.name} at {_clock_time(services, started.start)}.", file=out
    )
    return EXIT_OK


def _stop(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.findings and not args.trying:
        raise InvalidInput("--findings goes with --trying: findings describe an attempt.")
    at = None if args.at is None else _instant(services, args.at)
    outcome = Outcome.TRYING if args.trying else Outcome.DONE
    stopped = services.timer.stop(outcome=outcome, findings=args.findings, at=at)
    assert stopped.end is not None
    print(
        f"Stopped {_what(services, stopped)} at {_clock_time(services, stopped.end)} "
        f"after {_length(services, stopped)} ({stopped.outcome.value}).",
        file=out,
    )
    return EXIT_OK


def _status(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    running = services.timer.running()
    now = services.clock.now()
    if args.json:
        record = None if running is None else _records(services).record(running, now)
        elapsed = None if running is None else running.duration(now)
        _print_json(
            {"running": running is not None, "entry": record, "elapsed_seconds": elapsed}, out
        )
        return EXIT_OK
    if running is None:
        print("No timer is running.", file=out)
        return EXIT_OK
    print(
        f"Running: {_what(services, running)} since {_clock_time(services, running.start)} "
        f"({format_duration(running.duration(now))}).",
        file=out,
    )
    if running.note:
        print(f"Note: {running.note}", file=out)
    return EXIT_OK


def _log(services: Services, args: argparse.Namespace, out: TextIO) -> int:
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
    print(f"Logged {services.entries.describe(logged)} ({_length(services, logged)}).", file=out)
    return EXIT_OK


def _entries(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    first = None if args.first is None else _date(services, args.first)
    last = None if args.last is None else _date(services, args.last)
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"--to ({last}) is before --from ({first}).")
    records = _records(services)
    now = services.clock.now()
    rows = (records.record(entry, now) for entry in services.entries.starting_between(first, last))
    if args.json:
        _print_json(list(rows), out)
    elif args.csv:
        from .reports.csv_safe import write_csv
        from .reports.entry_records import COLUMNS

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
        _print_table(("ID", "START", "LENGTH", "CLIENT", "TASK", "OUTCOME", "NOTE"), table, out)
    return EXIT_OK


def _settings(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    if args.timezone is not None:
        services.settings.set_va_zone(args.timezone)
    elif args.system_timezone:
        services.settings.set_va_zone(None)
    stored = services.settings.stored_zone_name()
    following = "" if stored else " (follows the computer)"
    print(f"Time zone: {services.settings.va_zone().key}{following}", file=out)
    print(f"Data folder: {services.db.path.parent}", file=out)
    return EXIT_OK


# Helpers -------------------------------------------------------------------------------------


def _instant(services: Services, text: str) -> int:
    return parse_instant(text, services.settings.va_zone(), services.clock.now())


def _date(services: Services, text: str) -> date:
    return parse_date(text, services.settings.va_zone(), services.clock.now())


def _clock_time(services: Services, instant: int) -> str:
    local = to_local(instant, services.settings.va_zone())
    today = to_local(services.clock.now(), services.settings.va_zone()).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def _what(services: Services, entry: Entry) -> str:
    client = services.catalog.client(entry.client_id)
    task = services.catalog.task_type(entry.task_type_id)
    return f"{client.name} · {task.name}"


def _length(services: Services, entry: Entry) -> str:
    return format_duration(entry.duration(services.clock.now()))


def _records(services: Services) -> EntryRecords:
    from .reports.entry_records import EntryRecords

    return EntryRecords(services.catalog.clients(), services.catalog.task_types())


def _print_json(value: object, out: TextIO) -> None:
    import json

    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip(), file=out)


def run(
    argv: Sequence[str],
    *,
    clock: Clock | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command, or open the window when none is given; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    window = _window_request(argv)
    if window is not None:
        from .app import run_app

        return run_app(data_dir(getattr(window, "data_dir", None)))
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    try:
        services = Services.open(data_dir(getattr(args, "data_dir", None)), clock or SystemClock())
    except VATrackerError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_FAILED
    try:
        return int(args.handler(services, args, out))
    except InvalidInput as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_BAD_INPUT
    except VATrackerError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_FAILED
    finally:
        services.close()


def main() -> NoReturn:
    sys.exit(run(sys.argv[1:]))
