"""Reading other trackers' CSV exports (Toggl, Clockify, Harvest, Kimai) and VA Tracker's own,
as plain rows for the importer; no database and no Qt here."""

from .sources import MAX_PLAIN_SIZE, DateOrder, Format, ImportSource, SourceRow

__all__ = ["MAX_PLAIN_SIZE", "DateOrder", "Format", "ImportSource", "SourceRow"]
