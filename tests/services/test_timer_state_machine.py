"""FAULTS T12: any sequence of start, stop, edit, delete and undo keeps the entries sound."""

from __future__ import annotations

import contextlib
import itertools
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.helpers import FakeClock, at
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.services.container import Services
from vatracker.services.entries import EntryChange


class TimerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.clock = FakeClock(at("2026-03-02 08:00"))
        self.services = Services.open(self.folder / "data", self.clock)
        self.services.settings.set_va_zone("UTC")
        self.clients = [
            self.services.catalog.add_client(name, "30", "USD", "UTC").id for name in ("A", "B")
        ]
        self.tasks = [t.id for t in self.services.catalog.task_types()][:3]
        self.changes: list[EntryChange] = []

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def all_entries(self):  # type: ignore[no-untyped-def]
        return list(self.services.entries.starting_between(None, None))

    @rule(client=st.integers(0, 1), task=st.integers(0, 2), back=st.sampled_from([0, 0, 30, 600]))
    def start(self, client: int, task: int, back: int) -> None:
        at_ = None if back == 0 else self.clock.now() - back
        with contextlib.suppress(InvalidInput):
            self.services.timer.start(self.clients[client], self.tasks[task], at=at_)

    @rule()
    def stop(self) -> None:
        with contextlib.suppress(InvalidInput):
            self.services.timer.stop()

    @rule(seconds=st.sampled_from([0, 1, 59, 600, 3600]))
    def wait(self, seconds: int) -> None:
        self.clock.advance(seconds)

    @rule(back=st.integers(60, 20_000), length=st.integers(1, 7200), client=st.integers(0, 1))
    def log(self, back: int, length: int, client: int) -> None:
        start = self.clock.now() - back
        entry = new_entry(
            self.clients[client],
            self.tasks[0],
            start,
            self.services.settings.va_zone(),
            end=min(start + length, self.clock.now()),
        )
        with contextlib.suppress(InvalidInput):
            self.changes.append(self.services.entries.add(entry))

    @precondition(lambda self: bool(self.all_entries()))
    @rule(data=st.data(), shift=st.integers(-3600, 3600))
    def edit(self, data: st.DataObject, shift: int) -> None:
        entry = data.draw(st.sampled_from(self.all_entries()))
        moved = replace(entry, start=entry.start + shift)
        with contextlib.suppress(InvalidInput):
            self.changes.append(self.services.entries.edit(moved))

    @precondition(lambda self: bool(self.all_entries()))
    @rule(data=st.data())
    def split_or_delete(self, data: st.DataObject) -> None:
        entry = data.draw(st.sampled_from(self.all_entries()))
        assert entry.id is not None
        try:
            if data.draw(st.booleans()):
                middle = entry.start + entry.duration(self.clock.now()) // 2
                self.changes.append(self.services.entries.split(entry.id, middle))
            else:
                self.changes.append(self.services.entries.delete(entry.id))
        except InvalidInput:
            pass

    @precondition(lambda self: bool(self.changes))
    @rule()
    def undo(self) -> None:
        change = self.changes.pop()
        try:
            self.services.entries.apply(change.inverse())
        except InvalidInput:
            self.changes.clear()  # as the window does: the history no longer fits

    @invariant()
    def at_most_one_running_entry(self) -> None:
        running = self.services.db.query("SELECT count(*) FROM entries WHERE end_utc IS NULL")
        assert running[0][0] <= 1

    @invariant()
    def no_overlaps(self) -> None:
        entries = sorted(self.all_entries(), key=lambda e: e.start)
        now = self.clock.now()
        for earlier, later in itertools.pairwise(entries):
            assert earlier.end_or(now) <= later.start, (earlier, later)

    @invariant()
    def no_negative_durations(self) -> None:
        assert all(e.end is None or e.end >= e.start for e in self.all_entries())


TestTimerMachine = TimerMachine.TestCase
TestTimerMachine.settings = settings(
    max_examples=150,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
