"""Undo and redo for entry changes, on a QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..services.entries import EntryChange

#: Applies a change; returns it with the ids it got, or None when it could not be applied.
ApplyChange = Callable[[EntryChange], EntryChange | None]


class EntryChangeCommand(QUndoCommand):
    """A change that has just been applied; undo applies its inverse, redo applies it again."""

    def __init__(self, applied: EntryChange, apply: ApplyChange, on_failure: Callable[[], None]):
        super().__init__(applied.description)
        self._change = applied
        self._apply = apply
        self._on_failure = on_failure
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo; the change is already in place
            self._pushed = True
            return
        self._run(self._change)

    def undo(self) -> None:
        self._run(self._change.inverse())

    def _run(self, change: EntryChange) -> None:
        result = self._apply(change)
        if result is None:
            self._on_failure()
            return
        self._change = result if change is self._change else result.inverse()
