"""Entries as plain records, the shape shared by `--json` and `--csv`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from ..domain.catalog import Client, TaskType
from ..domain.entries import Entry
from ..domain.zones import Instant

COLUMNS = (
    "id",
    "client",
    "task",
    "start",
    "end",
    "duration_seconds",
    "outcome",
    "findings",
    "note",
    "billable",
    "zone",
)


def iso_at_offset(instant: Instant, offset_seconds: int) -> str:
    """ISO 8601 with the UTC offset that was in force where the VA was."""
    zone = timezone(timedelta(seconds=offset_seconds))
    return datetime.fromtimestamp(instant, zone).isoformat()


class EntryRecords:
    """Renders entries with their client and task names, looked up once."""

    def __init__(self, clients: list[Client], task_types: list[TaskType]) -> None:
        self._clients = {client.id: client.name for client in clients}
        self._tasks = {task.id: task.name for task in task_types}

    def record(self, entry: Entry, now: Instant) -> dict[str, Any]:
        return {
            "id": entry.id,
            "client": self._clients.get(entry.client_id, "?"),
            "task": self._tasks.get(entry.task_type_id, "?"),
            "start": iso_at_offset(entry.start, entry.start_offset),
            "end": (
                None
                if entry.end is None or entry.end_offset is None
                else iso_at_offset(entry.end, entry.end_offset)
            ),
            "duration_seconds": entry.duration(now),
            "outcome": entry.outcome.value,
            "findings": entry.findings,
            "note": entry.note,
            "billable": entry.billable,
            "zone": entry.zone,
        }
