"""File → Export everything: every table as CSV files and one JSON document, in a folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ..domain.errors import VATrackerError
from .messages import show_error
from .session import Session


def export_everything(parent: QWidget, session: Session) -> Path | None:
    """Ask for a folder, then write `VA Tracker export <date>` in it; returns that folder."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Export everything to a folder", str(Path.home())
    )
    if not chosen:
        return None
    return export_to(parent, session, Path(chosen))


def export_to(parent: QWidget, session: Session, folder: Path) -> Path | None:
    target = folder / f"VA Tracker export {date.today():%Y-%m-%d}"
    services = session.services
    try:
        summary = services.export.export_folder(target)
    except VATrackerError as exc:
        show_error(parent, "Export", str(exc))
        return None
    entries = summary.counts.get("entries", 0)
    session.notice.emit(f"Exported everything ({entries:,} entries) to {target}.")
    return target
