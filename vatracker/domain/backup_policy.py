"""Which backups to keep: the last 7 days and the last 4 weeks, and never the last good one.

Pure rules over plain facts (when a backup was taken, what kind it is, how many entries it
holds), so they are tested without files. A day or a week is the VA's, in their zone.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from .zones import Instant, local_date

DAILY_KEPT = 7
WEEKLY_KEPT = 4
#: Backups the VA or an upgrade asked for are not rotated with the daily ones; only the newest
#: few of each kind are kept.
OTHER_KEPT = 5


class BackupKind(StrEnum):
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_MIGRATION = "before-migration"
    BEFORE_RESTORE = "before-restore"
    BEFORE_IMPORT = "before-import"


@dataclass(frozen=True)
class BackupFacts:
    key: Hashable
    taken: Instant
    kind: BackupKind
    #: None when the file could not be read: it never counts as a good backup.
    entries: int | None


def backups_to_keep(backups: Sequence[BackupFacts], tz: ZoneInfo) -> set[Hashable]:
    """The keys of the backups rotation keeps.

    Daily backups: the newest of each of the last 7 days that have one, and the newest of each
    of the last 4 ISO weeks. Whatever the calendar says, the newest of the daily backups holding
    the most entries stays: wiping the data and then running for a week must not rotate away
    the last backup that had it.
    """
    daily = sorted(
        (backup for backup in backups if backup.kind is BackupKind.DAILY),
        key=lambda backup: backup.taken,
        reverse=True,
    )
    keep: set[Hashable] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for backup in daily:
        day = local_date(backup.taken, tz)
        week = day.isocalendar()[:2]
        if day not in days and len(days) < DAILY_KEPT:
            keep.add(backup.key)
        if week not in weeks and len(weeks) < WEEKLY_KEPT:
            keep.add(backup.key)
        days.add(day)
        weeks.add(week)
    fullest = max(daily, key=lambda backup: (_entries(backup), backup.taken), default=None)
    if fullest is not None:
        keep.add(fullest.key)
    for kind in BackupKind:
        if kind is BackupKind.DAILY:
            continue
        others = sorted(
            (backup for backup in backups if backup.kind is kind),
            key=lambda backup: backup.taken,
            reverse=True,
        )
        keep.update(backup.key for backup in others[:OTHER_KEPT])
    return keep


def _entries(backup: BackupFacts) -> int:
    return -1 if backup.entries is None else backup.entries
