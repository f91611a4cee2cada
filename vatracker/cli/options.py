"""The options every command shares, and reading them alone to open the window quickly."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line, as every other error here."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def data_dir_option() -> Parser:
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
        args, rest = data_dir_option().parse_known_args(argv)
    except UsageError:
        return None
    return None if rest else args
