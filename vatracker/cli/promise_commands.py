"""Commands for promises, own hours, requests, the week's promised hours and boundaries."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any, TextIO

from ..domain.catalog import Client
from ..domain.entries import format_hours_minutes
from ..domain.errors import InvalidInput
from ..domain.money import format_money, from_minor
from ..domain.promises import Commitment, OwnHours, Promises, Retainer
from ..domain.weekly import (
    WeeklyWindow,
    format_clock,
    format_weekdays,
    parse_clock,
    parse_weekdays,
    parse_window,
)
from ..domain.weeks import Month, Week
from ..domain.zones import to_local
from ..services.container import Services
from .output import EXIT_OK, print_json, print_table, read_instant


def _client(services: Services, args: argparse.Namespace) -> Client:
    return services.catalog.client_named(args.client)


def _change_promises(services: Services, client: Client, **changes: Any) -> Promises:
    updated = replace(services.promises.promises(client.id), **changes)
    services.promises.set_promises(client.id, updated)
    return updated


def window_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    window = parse_window(args.window, overnight=args.overnight)
    current = services.promises.promises(client.id)
    _change_promises(services, client, windows=(*current.windows, window))
    print(f"{client.name} is promised {window.describe()} ({client.timezone}).", file=out)
    return EXIT_OK


def window_remove(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    window = parse_window(args.window, overnight=args.overnight)
    current = services.promises.promises(client.id)
    if window not in current.windows:
        known = "; ".join(w.describe() for w in current.windows) or "none"
        raise InvalidInput(f"{client.name} has no window {window.describe()}. Windows: {known}.")
    _change_promises(services, client, windows=tuple(w for w in current.windows if w != window))
    print(f"Removed {window.describe()} from {client.name}'s windows.", file=out)
    return EXIT_OK


def window_clear(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    _change_promises(services, client, windows=())
    print(f"{client.name} has no availability windows now.", file=out)
    return EXIT_OK


def commitment_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    task = services.catalog.task_type_named(args.task)
    commitment = Commitment(
        task.id, parse_weekdays(args.days), parse_clock(args.by, allow_midnight_end=True)
    )
    current = services.promises.promises(client.id)
    kept = tuple(c for c in current.commitments if c.task_type_id != task.id)
    _change_promises(services, client, commitments=(*kept, commitment))
    print(f"{client.name}: {commitment.describe(task.name)}.", file=out)
    return EXIT_OK


def commitment_remove(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    task = services.catalog.task_type_named(args.task)
    current = services.promises.promises(client.id)
    kept = tuple(c for c in current.commitments if c.task_type_id != task.id)
    if len(kept) == len(current.commitments):
        raise InvalidInput(f"{client.name} has no commitment for {task.name}.")
    _change_promises(services, client, commitments=kept)
    print(f"Removed the {task.name} commitment of {client.name}.", file=out)
    return EXIT_OK


def response(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    minutes = None if args.none else _minutes(args.hours, "The response window")
    _change_promises(services, client, response_minutes=minutes)
    what = "no response window" if minutes is None else f"answers within {args.hours} h"
    print(f"{client.name}: {what}.", file=out)
    return EXIT_OK


def retainer(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    if args.none:
        value = None
    else:
        missing = [name for name in ("hours", "fee", "overage_rate") if getattr(args, name) is None]
        if missing:
            options = ", ".join("--" + name.replace("_", "-") for name in missing)
            raise InvalidInput(f"A retainer needs {options} (or --none to remove it).")
        value = Retainer.parse(args.hours, args.fee, args.overage_rate, client.currency)
    _change_promises(services, client, retainer=value)
    print(f"{client.name}: {_describe_retainer(value, client.currency)}.", file=out)
    return EXIT_OK


def show(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    promises = services.promises.promises(client.id)
    week = services.promises.week(with_work=False)
    promised = week.promised_seconds(client.id)
    usage = services.promises.retainer_usage(client.id)
    names = {t.id: t.name for t in services.catalog.task_types()}
    if args.json:
        print_json(
            {
                "client": client.name,
                "timezone": client.timezone,
                "windows": [_window_record(w) for w in promises.windows],
                "commitments": [
                    {
                        "task": names.get(c.task_type_id, "?"),
                        "by": format_clock(c.due_minute),
                        "days": format_weekdays(c.weekdays),
                    }
                    for c in promises.commitments
                ],
                "response_hours": (
                    None if promises.response_minutes is None else promises.response_minutes / 60
                ),
                "retainer": _retainer_record(promises.retainer, client.currency),
                "week": str(week.week),
                "promised_seconds_this_week": promised,
                "retainer_used_seconds_this_month": None if usage is None else usage.used_seconds,
            },
            out,
        )
        return EXIT_OK
    print(f"{client.name} ({client.timezone})", file=out)
    windows = "; ".join(w.describe() for w in promises.windows) or "none promised"
    print(f"Availability: {windows}", file=out)
    commitments = "; ".join(
        c.describe(names.get(c.task_type_id, "?")) for c in promises.commitments
    )
    print(f"Commitments: {commitments or 'none'}", file=out)
    response_text = (
        "none promised"
        if promises.response_minutes is None
        else f"within {promises.response_minutes / 60:g} working hours"
    )
    print(f"Response: {response_text}", file=out)
    print(f"Retainer: {_describe_retainer(promises.retainer, client.currency)}", file=out)
    print(f"This week ({week.week}): {format_hours_minutes(promised)} h promised", file=out)
    if usage is not None:
        print(
            f"Retainer this month: {format_hours_minutes(usage.used_seconds)} h used, "
            f"{format_hours_minutes(usage.left_seconds)} h left",
            file=out,
        )
    return EXIT_OK


def hours_show(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    own = services.promises.own_hours()
    if args.json:
        print_json(
            {
                "timezone": services.settings.va_zone().key,
                "windows": [_window_record(w) for w in own.windows],
                "weekly_limit_hours": own.weekly_limit_minutes / 60,
                "min_rest_hours": own.min_rest_hours,
                "days_off_per_week": own.days_off_per_week,
            },
            out,
        )
        return EXIT_OK
    windows = "; ".join(w.describe() for w in own.windows) or "none set"
    print(f"Own hours: {windows} ({services.settings.va_zone().key})", file=out)
    print(f"Weekly limit: {own.weekly_limit_minutes / 60:g} h", file=out)
    print(
        f"Rest: {own.min_rest_hours} h between working days, {own.days_off_per_week} full day(s) "
        "off in seven",
        file=out,
    )
    return EXIT_OK


def hours_set(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    current = services.promises.own_hours()
    windows = current.windows
    if args.windows:
        windows = tuple(parse_window(text) for text in args.windows)
    own = OwnHours(
        windows=windows,
        weekly_limit_minutes=(
            current.weekly_limit_minutes
            if args.limit is None
            else _minutes(args.limit, "The limit")
        ),
        min_rest_hours=current.min_rest_hours if args.rest is None else args.rest,
        days_off_per_week=current.days_off_per_week if args.days_off is None else args.days_off,
    )
    services.promises.set_own_hours(own)
    return hours_show(services, argparse.Namespace(json=False), out)


def request(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    at = None if args.at is None else read_instant(services, args.at)
    logged = services.requests.log(client.id, at=at, channel=args.channel, note=args.note)
    marks = [
        label
        for flag, label in (
            (logged.outside_client_windows, f"outside {client.name}'s windows"),
            (logged.outside_own_hours, "outside your own hours"),
        )
        if flag
    ]
    where = f" ({', '.join(marks)})" if marks else ""
    print(f"Logged a {logged.channel} request from {client.name}{where}.", file=out)
    return EXIT_OK


def requests(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    month = None if args.month is None else Month.parse(args.month)
    client_id = None if args.client is None else services.catalog.client_named(args.client).id
    found = services.requests.in_month(month, client_id)
    names = {c.id: c.name for c in services.catalog.clients()}
    tz = services.settings.va_zone()
    records: list[dict[str, Any]] = [
        {
            "id": r.id,
            "client": names.get(r.client_id, "?"),
            "received": to_local(r.received, tz).isoformat(),
            "channel": r.channel,
            "note": r.note,
            "outside_client_windows": r.outside_client_windows,
            "outside_own_hours": r.outside_own_hours,
        }
        for r in found
    ]
    if args.json:
        print_json(records, out)
        return EXIT_OK
    rows = [
        (
            r["received"][:16].replace("T", " "),
            r["client"],
            r["channel"],
            "outside windows" if r["outside_client_windows"] else "",
            "outside own hours" if r["outside_own_hours"] else "",
            r["note"],
        )
        for r in records
    ]
    print_table(("RECEIVED", "CLIENT", "CHANNEL", "", "", "NOTE"), rows, out)
    for counted_id, counted in services.requests.counts(month).items():
        if client_id is None or counted_id == client_id:
            print(
                f"{names.get(counted_id, '?')}: {counted.total} requests, "
                f"{counted.outside_client_windows} outside their windows, "
                f"{counted.outside_own_hours} outside your own hours",
                file=out,
            )
    return EXIT_OK


def week(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    chosen = None if args.week is None else Week.parse(args.week)
    picture = services.promises.week(chosen)
    own = services.promises.own_hours()
    clients = {c.id: c for c in services.catalog.clients()}
    shown = sorted(set(picture.windows) | set(picture.work), key=lambda i: clients[i].name.lower())
    rows: list[dict[str, Any]] = []
    for client_id in shown:
        work = picture.work.get(client_id)
        rows.append(
            {
                "client": clients[client_id].name,
                "promised_seconds": picture.promised_seconds(client_id),
                "outside_own_hours_seconds": sum(
                    s.seconds for s in picture.outside_own_hours.get(client_id, [])
                ),
                "worked_seconds": 0 if work is None else work.worked,
                "out_of_hours_seconds": 0 if work is None else work.out_of_hours,
                "outside_client_windows_seconds": 0
                if work is None
                else work.outside_client_windows,
            }
        )
    tz = picture.zone
    overlaps: list[dict[str, Any]] = [
        {
            "start": to_local(o.span.start, tz).isoformat(),
            "end": to_local(o.span.end, tz).isoformat(),
            "clients": sorted(clients[i].name for i in o.client_ids),
        }
        for o in picture.overlaps
    ]
    if args.json:
        print_json(
            {
                "week": str(picture.week),
                "timezone": tz.key,
                "promised_seconds": picture.total_promised_seconds,
                "weekly_limit_seconds": own.weekly_limit_minutes * 60,
                "clients": rows,
                "overlaps": overlaps,
            },
            out,
        )
        return EXIT_OK
    print(f"Week {picture.week} ({tz.key})", file=out)
    table = [
        (
            r["client"],
            format_hours_minutes(r["promised_seconds"]),
            format_hours_minutes(r["outside_own_hours_seconds"]),
            format_hours_minutes(r["worked_seconds"]),
            format_hours_minutes(r["out_of_hours_seconds"]),
        )
        for r in rows
    ]
    print_table(
        ("CLIENT", "PROMISED", "OUTSIDE OWN HOURS", "WORKED", "WORKED OUT OF HOURS"), table, out
    )
    print(
        f"Promised in total: {format_hours_minutes(picture.total_promised_seconds)} h of your "
        f"{own.weekly_limit_minutes / 60:g} h limit",
        file=out,
    )
    for overlap in overlaps:
        print(
            f"Overlap: {overlap['start'][:16].replace('T', ' ')} to {overlap['end'][11:16]}, "
            f"{' and '.join(overlap['clients'])}",
            file=out,
        )
    return EXIT_OK


def boundaries(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = _client(services, args)
    month = None if args.month is None else Month.parse(args.month)
    report = services.boundaries.for_client(client, month)
    print(
        f"{client.name}, {report.month}: {len(report.requests)} requests, "
        f"{report.requests_outside_windows} outside the windows, "
        f"{report.requests_outside_own_hours} outside your hours; "
        f"{format_hours_minutes(report.work.out_of_hours)} h worked out of hours.",
        file=out,
    )
    print("", file=out)
    print(report.note, file=out)
    return EXIT_OK


def _minutes(hours: str, what: str) -> int:
    try:
        value = float(hours.replace(",", "."))
    except ValueError:
        raise InvalidInput(f"{what} {hours!r} is not a number of hours.") from None
    if not 0 < value <= 7 * 24:
        raise InvalidInput(f"{what} must be more than 0 and at most 168 hours.")
    return round(value * 60)


def _window_record(window: WeeklyWindow) -> dict[str, Any]:
    return {
        "days": format_weekdays(window.weekdays),
        "start": format_clock(window.start_minute),
        "end": format_clock(window.end_minute),
        "overnight": window.overnight,
    }


def _retainer_record(value: Retainer | None, currency: str) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "hours": value.included_minutes / 60,
        "fee": str(from_minor(value.fee_minor, currency)),
        "overage_rate": str(from_minor(value.overage_rate_minor, currency)),
        "currency": currency,
    }


def _describe_retainer(value: Retainer | None, currency: str) -> str:
    if value is None:
        return "none"
    return (
        f"{value.included_minutes / 60:g} h a month for {format_money(value.fee_minor, currency)}, "
        f"then {format_money(value.overage_rate_minor, currency)}/h"
    )
