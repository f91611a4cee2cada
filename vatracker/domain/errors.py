"""The errors a user can cause or meet, each carrying a message meant to be shown as is."""

from __future__ import annotations


class VATrackerError(Exception):
    """Base of every error whose message is written for the user."""


class InvalidInput(VATrackerError):
    """The user asked for something that cannot be done as asked; nothing was changed."""


class NeedsConfirmation(InvalidInput):
    """Allowed, but unusual enough that the user must say they meant it (e.g. a 30-hour entry).

    `option` names what saying yes sets (e.g. "allow_long"), for callers that ask and retry.
    """

    def __init__(self, message: str, option: str = "") -> None:
        super().__init__(message)
        self.option = option


class StorageError(VATrackerError):
    """The database could not be read or written (disk full, locked, damaged); nothing changed."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer VA Tracker; it is left untouched."""


class ImportFileError(InvalidInput):
    """A file to import cannot be read as asked (format, encoding, a bad row); nothing was
    imported. The message names the line and says how to fix it."""


class DamagedDatabaseError(StorageError):
    """The database file is damaged: it is not written to, and the user is offered a backup."""
