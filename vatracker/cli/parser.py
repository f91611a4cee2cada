"""The command line's grammar: every command, its options, and the one-line usage errors."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from typing import Any

from .. import __version__
from . import catalog_commands as catalog
from . import timer_commands as timer
from .options import Parser, data_dir_option


def build_parser() -> argparse.ArgumentParser:
    common = data_dir_option()
    parser = Parser(
        prog="vatracker",
        description="VA Tracker: time tracking for virtual assistants. "
        "Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"VA Tracker {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help_text: str, handler: Callable[..., int]) -> Parser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    _add_client_commands(commands, common)
    _add_task_commands(commands, common)

    start = command("start", "start the timer (switching if one runs)", timer.start)
    start.add_argument("client")
    start.add_argument("task")
    start.add_argument("--note", default="")
    start.add_argument("--at", metavar="TIME", help="when it started (default: now)")

    stop = command("stop", "stop the running timer", timer.stop)
    stop.add_argument("--trying", action="store_true", help="the work was an attempt, not done yet")
    stop.add_argument("--findings", default="", help="what the attempt revealed (with --trying)")
    stop.add_argument("--at", metavar="TIME", help="when it stopped (default: now)")

    status = command("status", "show the running timer", timer.status)
    status.add_argument("--json", action="store_true")

    log = command("log", "record finished work by hand", timer.log)
    log.add_argument("client")
    log.add_argument("task")
    log.add_argument("--from", dest="start", metavar="TIME", required=True)
    log.add_argument("--to", dest="end", metavar="TIME", required=True)
    log.add_argument("--trying", action="store_true")
    log.add_argument("--findings", default="")
    log.add_argument("--note", default="")
    log.add_argument("--allow-overlap", action="store_true", help="keep it even if it overlaps")
    log.add_argument("--allow-long", action="store_true", help="keep it even if over 24 hours")

    entries = command(
        "entries", "list entries that start between two dates (inclusive)", timer.entries
    )
    entries.add_argument("--from", dest="first", metavar="DATE")
    entries.add_argument("--to", dest="last", metavar="DATE")
    output = entries.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")

    settings = command("settings", "show or change your settings", timer.settings)
    zone_choice = settings.add_mutually_exclusive_group()
    zone_choice.add_argument("--timezone", metavar="TZ", help="your IANA time zone")
    zone_choice.add_argument(
        "--system-timezone", action="store_true", help="follow the computer's time zone"
    )

    _add_promise_commands(commands, common)
    _add_hours_commands(commands, common)
    request = command("request", "log a client's request as it arrives", _promise("request"))
    request.add_argument("client")
    request.add_argument("--at", metavar="TIME", help="when it arrived (default: now)")
    request.add_argument("--channel", default="email", help="email, chat, phone or other")
    request.add_argument("--note", default="")
    requests = command("requests", "list the requests of a month", _promise("requests"))
    requests.add_argument("--month", metavar="YYYY-MM", help="default: this month")
    requests.add_argument("--client", metavar="NAME")
    requests.add_argument("--json", action="store_true")
    week = command("week", "promised hours, collisions and work of a week", _promise("week"))
    week.add_argument("--week", metavar="YYYY-Www", help="default: this week")
    week.add_argument("--json", action="store_true")
    bounds = command(
        "boundaries", "a client's month against the agreed boundaries", _promise("boundaries")
    )
    bounds.add_argument("client")
    bounds.add_argument("--month", metavar="YYYY-MM", help="default: this month")
    _add_invoice_commands(command)
    _add_review_commands(command)
    _add_data_commands(command)
    _add_desktop_commands(commands, common)
    return parser


def _add_data_commands(command: Callable[[str, str, Callable[..., int]], Parser]) -> None:
    command("backup", "back up the database now (kept in the backups folder)", _data("backup"))
    listing = command("backups", "list the backups with their dates and entries", _data("backups"))
    listing.add_argument("--json", action="store_true")
    restore = command(
        "restore",
        "replace the data with a backup, after checking it (the current data is kept)",
        _data("restore"),
    )
    restore.add_argument("file", metavar="FILE", help="a backup, e.g. from the backups folder")
    restore.set_defaults(opens_database=True)
    export = command(
        "export",
        "everything as CSV files and one JSON document (in a folder), or FILE.json alone",
        _data("export"),
    )
    export.add_argument("target", metavar="FOLDER|FILE.json")
    imports = command(
        "import",
        "time entries from Toggl, Clockify, Harvest, Kimai or VA Tracker (CSV), "
        "or a full VA Tracker export (.json) into an empty database",
        _data("import_file"),
    )
    imports.add_argument("file", metavar="FILE")
    # Written out: the importers load only when `import` runs.
    imports.add_argument("--format", choices=("toggl", "clockify", "harvest", "kimai", "vatracker"))
    imports.add_argument("--timezone", metavar="TZ", help="zone of the file's times (yours)")
    imports.add_argument("--date-order", choices=("mdy", "dmy"), help="for dates like 03/04/2026")
    imports.add_argument("--dry-run", action="store_true", help="preview; write nothing")
    imports.add_argument("--client", action="append", metavar="IN_FILE=NAME", help="map a name")
    imports.add_argument("--task", action="append", metavar="IN_FILE=NAME", help="map a name")
    imports.add_argument("--allow-long", action="store_true", help="keep entries over 24 hours")
    imports.add_argument("--allow-large", action="store_true", help="read a file over 50 MB")


def _add_desktop_commands(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    help_text = "add VA Tracker to the application menu, or remove it (Linux)"
    group = commands.add_parser("desktop", help=help_text, description=help_text, parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)
    for verb, help_verb in (
        ("install", "write the menu entry and icons into ~/.local/share (or $XDG_DATA_HOME)"),
        ("remove", "remove the menu entry and icons that install wrote"),
    ):
        sub = verbs.add_parser(verb, help=help_verb, description=help_verb, parents=[common])
        # Touches no data: it works even before the first start, or over a damaged database.
        sub.set_defaults(handler=_lazy("desktop_commands", verb), needs_database=False)


def _data(name: str) -> Callable[..., int]:
    return _lazy("data_commands", name)


def _lazy(module: str, name: str) -> Callable[..., int]:
    """A handler imported only when its command runs: the promise and invoice commands load
    modules that `status`, `start` and `stop` do without."""

    def handler(*args: Any) -> int:
        return int(getattr(import_module(f"vatracker.cli.{module}"), name)(*args))

    return handler


def _promise(name: str) -> Callable[..., int]:
    return _lazy("promise_commands", name)


def _invoice(name: str) -> Callable[..., int]:
    return _lazy("invoice_commands", name)


def _add_promise_commands(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    help_text = "what was promised to a client: windows, commitments, response, retainer"
    group = commands.add_parser("promise", help=help_text, description=help_text, parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)

    def verb(
        parent: argparse._SubParsersAction[Parser],
        name: str,
        help_text: str,
        handler: Callable[..., int],
    ) -> Parser:
        sub = parent.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.add_argument("client")
        sub.set_defaults(handler=handler)
        return sub

    show = verb(
        verbs, "show", "a client's promises and this week's promised hours", _promise("show")
    )
    show.add_argument("--json", action="store_true")

    window = verbs.add_parser(
        "window", help="availability windows, in the client's zone", parents=[common]
    )
    window_verbs = window.add_subparsers(
        dest="window_verb", metavar="VERB", required=True, parser_class=Parser
    )
    for name, handler in (("add", _promise("window_add")), ("remove", _promise("window_remove"))):
        sub = verb(window_verbs, name, f"{name} a window such as 'Mon-Fri 08:00-10:00'", handler)
        sub.add_argument("window", help="weekdays and hours, e.g. 'Mon-Fri 08:00-10:00'")
        sub.add_argument("--overnight", action="store_true", help="it ends on the next day")
    verb(window_verbs, "clear", "remove every window", _promise("window_clear"))

    commitment = verbs.add_parser(
        "commitment", help="a task done by a time of day", parents=[common]
    )
    commitment_verbs = commitment.add_subparsers(
        dest="commitment_verb", metavar="VERB", required=True, parser_class=Parser
    )
    add = verb(
        commitment_verbs,
        "add",
        "e.g. 'Inbox management' by 09:00 on Mon-Fri",
        _promise("commitment_add"),
    )
    add.add_argument("task")
    add.add_argument("--by", required=True, metavar="HH:MM", help="done by this time")
    add.add_argument("--days", default="Mon-Fri", help="weekdays (default Mon-Fri)")
    remove = verb(commitment_verbs, "remove", "drop a commitment", _promise("commitment_remove"))
    remove.add_argument("task")

    response = verb(verbs, "response", "how soon a request gets an answer", _promise("response"))
    choice = response.add_mutually_exclusive_group(required=True)
    choice.add_argument("--hours", help="working hours, e.g. 4")
    choice.add_argument("--none", action="store_true", help="no response window")

    retainer = verb(verbs, "retainer", "a monthly retainer", _promise("retainer"))
    retainer.add_argument("--hours", help="hours included each month")
    retainer.add_argument("--fee", help="the monthly fee, in the client's currency")
    retainer.add_argument("--overage-rate", help="the hourly rate beyond the included hours")
    retainer.add_argument("--none", action="store_true", help="remove the retainer")


def _add_review_commands(command: Callable[[str, str, Callable[..., int]], Parser]) -> None:
    report = command(
        "report",
        "the weekly review: hours against promises and limits, per client, and indicators",
        _lazy("review_commands", "report"),
    )
    report.add_argument("--json", action="store_true")
    chart = command(
        "chart",
        "the weekly review on one page (PDF or PNG), or one of its charts",
        _lazy("review_commands", "chart"),
    )
    for sub in (report, chart):
        sub.add_argument("period", choices=("week",), help="week")
        sub.add_argument("--week", metavar="YYYY-Www", help="default: this week")
        sub.add_argument("--weeks", type=int, metavar="N", help="weeks in the trend (default 12)")
    chart.add_argument(
        "--chart", choices=("hours", "days", "map"), help="one chart only (default: the page)"
    )
    chart.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.png")


def _add_invoice_commands(command: Callable[[str, str, Callable[..., int]], Parser]) -> None:
    invoice = command(
        "invoice",
        "a client's invoice for a month (or dates); or: invoice paid|void|export NUMBER",
        _invoice("invoice"),
    )
    invoice.add_argument("target", metavar="CLIENT", help="a client, or paid / void / export")
    invoice.add_argument("number", nargs="?", help="the invoice number, after paid/void/export")
    invoice.add_argument("--month", metavar="YYYY-MM", help="default: last month")
    invoice.add_argument("--from", dest="first", metavar="DATE")
    invoice.add_argument("--to", dest="last", metavar="DATE")
    invoice.add_argument("--issue", action="store_true", help="issue it: number, freeze, lock")
    invoice.add_argument("--pdf", metavar="PATH", help="write the PDF (a file, or a folder)")
    invoice.add_argument("--csv", metavar="PATH", help="write the lines as CSV")
    invoice.add_argument("--timesheet-csv", metavar="PATH", help="write the timesheet as CSV")
    invoice.add_argument("--no-timesheet", action="store_true", help="PDF without the timesheet")
    invoice.add_argument("--on", metavar="DATE", help="with paid: the day it was paid")
    invoice.add_argument("--json", action="store_true")
    listing = command(
        "invoices", "every invoice; or --unbilled for last month's helper", _invoice("invoices")
    )
    listing.add_argument(
        "--unbilled",
        action="store_true",
        help="clients with time not yet invoiced, and their draft totals",
    )
    listing.add_argument("--month", metavar="YYYY-MM", help="with --unbilled (default: last month)")
    listing.add_argument("--json", action="store_true")
    business = command("business", "show or change your business profile", _invoice("business"))
    for option in ("name", "address", "tax-number", "payment-details", "number-format"):
        business.add_argument(
            f"--{option}",
            help="\\n for a new line" if option in ("address", "payment-details") else None,
        )
    business.add_argument("--terms", type=int, metavar="DAYS", help="payment due after DAYS")
    business.add_argument("--tax", metavar="LABEL=PERCENT", help="e.g. VAT=12")
    business.add_argument("--no-tax", action="store_true")
    business.add_argument("--paper", choices=("A4", "Letter"))
    business.add_argument("--logo", metavar="FILE", help="a PNG or JPEG")
    business.add_argument("--no-logo", action="store_true")


def _add_hours_commands(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    help_text = "your own working hours, weekly limit and rest rules"
    group = commands.add_parser("hours", help=help_text, description=help_text, parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)
    show = verbs.add_parser("show", help="show them", parents=[common])
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_promise("hours_show"))
    change = verbs.add_parser("set", help="change them", parents=[common])
    change.add_argument("windows", nargs="*", help="e.g. 'Mon-Fri 09:00-17:00' 'Sat 10:00-12:00'")
    change.add_argument("--limit", help="weekly limit in hours (default 40)")
    change.add_argument("--rest", type=int, help="hours of rest between working days (11)")
    change.add_argument("--days-off", type=int, help="full days off in seven (1)")
    change.set_defaults(handler=_promise("hours_set"))


def _add_client_commands(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    group = commands.add_parser(
        "client", help="manage clients", description="manage clients", parents=[common]
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)
    add = verbs.add_parser("add", help="add a client", parents=[common])
    add.add_argument("name")
    add.add_argument("--rate", required=True, help="hourly rate, e.g. 35 or 35.50")
    add.add_argument("--currency", required=True, help="ISO 4217 code, e.g. USD")
    add.add_argument("--timezone", required=True, help="IANA zone, e.g. America/New_York")
    add.set_defaults(handler=catalog.client_add)
    listing = verbs.add_parser("list", help="list clients", parents=[common])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=catalog.client_list)
    edit = verbs.add_parser("edit", help="change a client's details", parents=[common])
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name")
    edit.add_argument("--rate")
    edit.add_argument("--currency")
    edit.add_argument("--timezone")
    edit.set_defaults(handler=catalog.client_edit)
    billing = verbs.add_parser("billing", help="how a client is invoiced", parents=[common])
    billing.add_argument("client")
    billing.add_argument("--billing-name")
    billing.add_argument("--address", help="\\n for a new line")
    billing.add_argument("--email")
    billing.add_argument(
        "--rounding",
        choices=("none", "1", "6", "15"),  # Rounding's values, without its module
        help="round each entry up to 1, 6 or 15 minutes, or none",
    )
    billing.add_argument(
        "--trying",
        choices=("section", "fold"),
        help="trying time in its own section, or folded into the task lines",
    )
    tax = billing.add_mutually_exclusive_group()
    tax.add_argument("--tax", dest="tax", action="store_true", default=None)
    tax.add_argument("--no-tax", dest="tax", action="store_false")
    billing.add_argument("--task-rate", action="append", metavar="TASK=RATE")
    billing.add_argument("--clear-task-rate", action="append", metavar="TASK")
    billing.set_defaults(handler=_invoice("billing"))
    _add_lifecycle_verbs(verbs, common, "client")


def _add_task_commands(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    group = commands.add_parser(
        "task", help="manage task types", description="manage task types", parents=[common]
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)
    add = verbs.add_parser("add", help="add a task type", parents=[common])
    add.add_argument("name")
    add.add_argument("--non-billable", action="store_true", help="not billed by default")
    add.set_defaults(handler=catalog.task_add)
    listing = verbs.add_parser("list", help="list task types", parents=[common])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=catalog.task_list)
    edit = verbs.add_parser(
        "edit", help="rename a task type or change its default", parents=[common]
    )
    edit.add_argument("name")
    edit.add_argument("--name", dest="new_name")
    billable = edit.add_mutually_exclusive_group()
    billable.add_argument("--billable", dest="billable", action="store_true", default=None)
    billable.add_argument("--non-billable", dest="billable", action="store_false")
    edit.set_defaults(handler=catalog.task_edit)
    _add_lifecycle_verbs(verbs, common, "task type")


def _add_lifecycle_verbs(
    verbs: argparse._SubParsersAction[Parser],
    common: Parser,
    kind: str,
) -> None:
    """archive, unarchive and delete, the same for clients and task types."""
    for verb, handler in (
        ("archive", catalog.archiving(kind, True)),
        ("unarchive", catalog.archiving(kind, False)),
        ("delete", catalog.deleting(kind)),
    ):
        sub = verbs.add_parser(verb, help=f"{verb} a {kind}", parents=[common])
        sub.add_argument("name")
        sub.set_defaults(handler=handler)
