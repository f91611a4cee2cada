"""The command line's grammar: every command, its options, and the one-line usage errors."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import NoReturn

from .. import __version__
from . import catalog_commands as catalog
from . import timer_commands as timer


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, as every other error here."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _data_dir_option() -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder of the database (default: $VATRACKER_DATA_DIR or the user data folder)",
    )
    return common


def window_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options, if `argv` only opens the window: start-up then skips the full parser."""
    try:
        args, rest = _data_dir_option().parse_known_args(argv)
    except UsageError:
        return None
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    common = _data_dir_option()
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
    return parser


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
