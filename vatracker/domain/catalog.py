"""Clients and task types: who the work is for, and what kind of work it is."""

from __future__ import annotations

from dataclasses import dataclass

from .money import format_money


@dataclass(frozen=True, slots=True)
class Client:
    id: int
    name: str
    currency: str
    rate_minor: int
    timezone: str
    archived: bool = False
    colour: str = "#1f77b4"

    @property
    def rate_text(self) -> str:
        return format_money(self.rate_minor, self.currency)


@dataclass(frozen=True, slots=True)
class TaskType:
    id: int
    name: str
    billable: bool
    archived: bool = False


#: What a new database starts with: the work most VAs do, and their own admin (not billed).
DEFAULT_TASK_TYPES: tuple[tuple[str, bool], ...] = (
    ("Inbox management", True),
    ("Customer support", True),
    ("Scheduling", True),
    ("Bookkeeping", True),
    ("Social media", True),
    ("Research", True),
    ("Project management", True),
    ("Own admin", False),
)
