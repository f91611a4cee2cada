"""The window's size and place, remembered per data folder between runs.

Kept in a small ini file beside the database, not in it: it is this computer's screen, not the
VA's records, so backups and exports leave it out. Qt moves a window saved on a screen that is
gone back onto one that is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

WINDOW_FILE_NAME = "window.ini"
_GEOMETRY = "main/geometry"


class WindowMemory:
    def __init__(self, data_folder: Path) -> None:
        self._settings = QSettings(str(data_folder / WINDOW_FILE_NAME), QSettings.Format.IniFormat)

    def restore(self, window: QWidget) -> bool:
        """Put the window where it was; False when nothing (usable) was saved."""
        saved = self._settings.value(_GEOMETRY)
        return isinstance(saved, QByteArray) and window.restoreGeometry(saved)

    def save(self, window: QWidget) -> None:
        self._settings.setValue(_GEOMETRY, window.saveGeometry())
        self._settings.sync()  # a crash later loses nothing of it
