"""A damaged database: tell the VA, keep the file aside untouched, and put a good backup back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME
from ..storage.backups import BackupFile, backups_folder, list_backups
from ..storage.database import database_file
from ..storage.health import copy_in, problem_in, set_aside
from .messages import message_box


def newest_good_backup(data_dir: Path) -> BackupFile | None:
    """The newest backup that reads as a sound VA Tracker database."""
    for backup in list_backups(backups_folder(data_dir)):
        if backup.entries is not None and problem_in(backup.path) is None:
            return backup
    return None


def offer_recovery(parent: QWidget | None, data_dir: Path, problem: str, now: int) -> bool:
    """Ask, then set the damaged database aside and copy the newest good backup in (or leave
    the place empty for a fresh start). False when the VA chose to quit instead."""
    path = database_file(data_dir)
    backup = newest_good_backup(data_dir)
    if backup is None:
        plan = (
            "There is no good backup to restore, so VA Tracker can start with an empty "
            "database. Quit instead if you want to look for a copy of your data first."
        )
        action = "Set it aside and start empty"
    else:
        taken = datetime.fromtimestamp(backup.taken).strftime("%a %d %b %Y, %H:%M")
        plan = (
            f"The newest good backup is from {taken} and holds {backup.entries:,} entries; "
            "anything recorded after it is only in the damaged file."
        )
        action = "Set it aside and restore the backup"
    box = message_box(
        parent,
        QMessageBox.Icon.Critical,
        f"{APP_NAME}: the database is damaged",
        f"The database file {path.name} is damaged, so VA Tracker will not write to it.\n\n"
        f"What SQLite found: {problem}\n\n"
        f"It will be kept, untouched, next to where it is now (renamed "
        f"{path.name}.corrupt-…). {plan}",
    )
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    box.exec()
    if box.clickedButton() is not go:
        return False
    set_aside(path, now)
    if backup is not None:
        copy_in(backup.path, path)
    return True
