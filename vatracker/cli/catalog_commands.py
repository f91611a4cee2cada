"""Commands that manage clients and task types."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..domain.catalog import Client, TaskType
from ..services.container import Services
from .output import EXIT_OK, Handler, print_json, print_table


def find(services: Services, kind: str, name: str) -> Client | TaskType:
    if kind == "client":
        return services.catalog.client_named(name)
    return services.catalog.task_type_named(name)


def archiving(kind: str, archived: bool) -> Handler:
    def handler(services: Services, args: argparse.Namespace, out: TextIO) -> int:
        item = find(services, kind, args.name)
        if kind == "client":
            services.catalog.set_client_archived(item.id, archived)
        else:
            services.catalog.set_task_type_archived(item.id, archived)
        done = "Archived" if archived else "Unarchived"
        print(f"{done} {kind} {item.name}.", file=out)
        return EXIT_OK

    return handler


def deleting(kind: str) -> Handler:
    def handler(services: Services, args: argparse.Namespace, out: TextIO) -> int:
        item = find(services, kind, args.name)
        if kind == "client":
            services.catalog.delete_client(item.id)
        else:
            services.catalog.delete_task_type(item.id)
        print(f"Deleted {kind} {item.name}.", file=out)
        return EXIT_OK

    return handler


def client_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    client = services.catalog.add_client(args.name, args.rate, args.currency, args.timezone)
    print(f"Added client {client.name} ({client.rate_text}/h, {client.timezone}).", file=out)
    return EXIT_OK


def client_list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    clients = services.catalog.clients()
    if args.json:
        from ..domain.money import from_minor

        print_json(
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
    print_table(("CLIENT", "RATE/H", "TIME ZONE", ""), rows, out)
    return EXIT_OK


def client_edit(services: Services, args: argparse.Namespace, out: TextIO) -> int:
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


def task_add(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    task = services.catalog.add_task_type(args.name, billable=not args.non_billable)
    kind = "billable" if task.billable else "non-billable"
    print(f"Added task type {task.name} ({kind}).", file=out)
    return EXIT_OK


def task_list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    tasks = services.catalog.task_types()
    if args.json:
        print_json(
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
    print_table(("TASK TYPE", "DEFAULT", ""), rows, out)
    return EXIT_OK


def task_edit(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    task = services.catalog.task_type_named(args.name)
    updated = services.catalog.update_task_type(task.id, name=args.new_name, billable=args.billable)
    kind = "billable" if updated.billable else "non-billable"
    print(f"Updated task type {updated.name} ({kind}).", file=out)
    return EXIT_OK
