"""Commands that keep the data safe or move it: backup, backups, restore, export, import."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..clock import Clock
from ..domain.errors import DamagedDatabaseError, InvalidInput
from ..importing import DateOrder, Format
from ..reports.import_preview import plan_lines
from ..services.backups import restore_over_damaged
from ..services.container import Services
from ..services.importing import ImportOptions
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


def export(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """FILE.json: the whole database as one document; a folder: that and every CSV file."""
    target = Path(args.target).expanduser()
    if target.suffix.lower() == ".json":
        summary = services.export.export_json(target)
    else:
        summary = services.export.export_folder(target)
    for path in summary.paths:
        print(f"Wrote {path}", file=out)
    return EXIT_OK


def import_file(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.file).expanduser()
    if path.suffix.lower() == ".json":
        if args.dry_run:
            raise InvalidInput("--dry-run reads CSV files; a full export (.json) is read whole.")
        summary = services.export.import_document(path)
        counts = ", ".join(f"{count:,} {name}" for name, count in summary.counts.items() if count)
        print(f"Read {path.name} into the empty database: {counts}.", file=out)
        return EXIT_OK
    options = ImportOptions(
        format=Format(args.format) if args.format else None,
        timezone=args.timezone,
        date_order=DateOrder(args.date_order) if args.date_order else None,
        allow_large=args.allow_large,
        allow_long=args.allow_long,
        client_names=_pairs(args.client or [], "--client"),
        task_names=_pairs(args.task or [], "--task"),
    )
    importer = services.importer
    plan = importer.plan(path, options) if args.dry_run else importer.run(path, options)
    tz = services.settings.va_zone()
    for line in plan_lines(plan, tz):
        print(line, file=out)
    if args.dry_run:
        print("Nothing was written (--dry-run).", file=out)
    return EXIT_OK


def _pairs(values: list[str], option: str) -> dict[str, str]:
    found = {}
    for value in values:
        source, sep, target = value.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise InvalidInput(f"{option} takes NAME IN FILE=VA TRACKER NAME, not {value!r}.")
        found[source.strip()] = target.strip()
    return found
