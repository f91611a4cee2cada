"""Commands that keep the data safe or move it: backup, backups, restore, export, import."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..clock import Clock
from ..domain.errors import DamagedDatabaseError
from ..services.backups import restore_over_damaged
from ..services.container import Services
from .output import EXIT_OK, print_json, print_table


def backup(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    result = services.backups.back_up()
    print(f"Backed up to {result.path}", file=out)
    for removed in result.removed:
        print(f"Rotated away {removed.name}", file=out)
    return EXIT_OK


def backups(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    found = services.backups.backups()
    tz = services.settings.va_zone()
    if args.json:
        print_json(
            [
                {
                    "file": str(b.path),
                    "taken": datetime.fromtimestamp(b.taken, tz).isoformat(),
                    "kind": b.kind.value,
                    "bytes": b.size,
                    "entries": b.entries,
                }
                for b in found
            ],
            out,
        )
    elif not found:
        print(f"No backups yet in {services.backups.folder}.", file=out)
    else:
        print_table(
            ("taken", "kind", "size", "entries", "file"),
            [
                (
                    datetime.fromtimestamp(b.taken, tz).strftime("%Y-%m-%d %H:%M"),
                    b.kind.value,
                    f"{b.size:,}",
                    "unreadable" if b.entries is None else f"{b.entries:,}",
                    b.path.name,
                )
                for b in found
            ],
            out,
        )
    return EXIT_OK


def restore(folder: Path, clock: Clock, args: argparse.Namespace, out: TextIO) -> int:
    """Opens the database itself: a damaged one cannot be opened, and is restored over."""
    candidate = Path(args.file).expanduser()
    try:
        services = Services.open(folder, clock)
    except DamagedDatabaseError:
        result = restore_over_damaged(folder, candidate, clock.now())
        print(
            f"Restored {candidate.name} ({result.entries:,} entries). The damaged database "
            f"was kept as {result.kept_aside}.",
            file=out,
        )
        return EXIT_OK
    try:
        result = services.backups.restore(candidate)
    finally:
        services.close()
    print(
        f"Restored {candidate.name} ({result.entries:,} entries). Your data from before is in "
        f"{result.kept_aside}.",
        file=out,
    )
    return EXIT_OK
