"""The one place that finds the files shipped in `resources/` (icons, desktop files)."""

from __future__ import annotations

from pathlib import Path

from . import APP_ID, _resources  # type: ignore[attr-defined]  # installed from resources/

#: The sizes of the app icon's PNGs, rendered from its SVG by packaging/make_icons.py.
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def asset_path(relative: str) -> Path:
    """The path of a shipped file, e.g. ``asset_path("icons/vatracker.svg")``.

    The resources are installed as the package `vatracker._resources`, always as real files.
    """
    return Path(_resources.__file__).parent / relative


def app_icon_in_theme(size: int | None = None) -> str:
    """The app icon in the freedesktop icon theme layout, relative to an ``icons`` folder: the
    PNG of `size` pixels, or the scalable SVG without a size.

    Desktops look the icon up by the app's id in that layout, and the shipped resources use it
    too, so one name serves both: ``asset_path("icons/" + ...)`` and ``~/.local/share/icons``.
    """
    if size is None:
        return f"hicolor/scalable/apps/{APP_ID}.svg"
    return f"hicolor/{size}x{size}/apps/{APP_ID}.png"
