"""Icons, loaded from the shipped resources through one helper."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..assets import asset_path


@cache
def _icon(name: str) -> QIcon:
    # The SVG alone: Qt draws it at each size asked, as crisp as the PNGs (which are rendered
    # from it for the desktop's menus and the installers). Adding those PNGs here would load
    # all of them at start-up.
    return QIcon(str(asset_path(f"icons/{name}.svg")))


def app_icon() -> QIcon:
    return _icon("vatracker")


def tray_icon(*, running: bool) -> QIcon:
    return _icon("tray-running" if running else "tray-idle")
