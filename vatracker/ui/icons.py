"""Icons, loaded from the shipped resources through one helper."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..assets import APP_ICON_SIZES, app_icon_in_theme, asset_path


@cache
def _icon(name: str) -> QIcon:
    return QIcon(str(asset_path(f"icons/{name}.svg")))


@cache
def app_icon() -> QIcon:
    """The SVG, with the PNGs rendered from it added for their sizes.

    Qt takes the PNG of a size it has (menus, the taskbar, the title bar: the same pixels the
    desktop's menu and the Windows and macOS icon files show) and draws the SVG for any other.
    """
    icon = QIcon(str(asset_path("icons/vatracker.svg")))
    for size in APP_ICON_SIZES:
        icon.addFile(str(asset_path(f"icons/{app_icon_in_theme(size)}")), QSize(size, size))
    return icon


def tray_icon(*, running: bool) -> QIcon:
    return _icon("tray-running" if running else "tray-idle")
