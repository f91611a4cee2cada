"""The command line: the same services as the window, for scripting and quick use.

Exit codes: 0 done; 2 bad input (one line on stderr naming the problem); 1 the data could not be
read or written. Nothing here imports Qt or sqlite-utils: `status`, `start` and `stop` are meant
to finish in well under a tenth of a second.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from ..clock import Clock, SystemClock
from ..domain.errors import InvalidInput, VATrackerError
from ..paths import data_dir
from ..services.container import Services
from .options import UsageError, window_request
from .output import EXIT_BAD_INPUT, EXIT_FAILED

__all__ = ["main", "run"]


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
    window = window_request(argv)
    if window is not None:
        from ..app import run_app

        return run_app(data_dir(getattr(window, "data_dir", None)))
    from .parser import build_parser

    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    if not getattr(args, "needs_database", True):  # desktop: reads and writes no data
        return _reported(lambda: args.handler(args, out), err)
    folder = data_dir(getattr(args, "data_dir", None))
    clock = clock or SystemClock()
    if getattr(args, "opens_database", False):  # restore: also over a damaged database
        return _reported(lambda: args.handler(folder, clock, args, out), err)
    try:
        services = Services.open(folder, clock)
    except VATrackerError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_FAILED
    try:
        return _reported(lambda: args.handler(services, args, out), err)
    finally:
        services.close()


def _reported(command: Callable[[], int], err: TextIO) -> int:
    """The command's exit code; a user-facing error printed on one line instead."""
    try:
        return int(command())
    except InvalidInput as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_BAD_INPUT
    except VATrackerError as exc:
        print(f"vatracker: {exc}", file=err)
        return EXIT_FAILED


def main() -> NoReturn:
    sys.exit(run(sys.argv[1:]))
