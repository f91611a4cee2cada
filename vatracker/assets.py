"""The one place that finds the files shipped in `resources/` (icons, desktop files)."""

from __future__ import annotations

from pathlib import Path

from . import _resources  # type: ignore[attr-defined]  # installed from resources/


def asset_path(relative: str) -> Path:
    """The path of a shipped file, e.g. ``asset_path("icons/vatracker.svg")``.

    The resources are installed as the package `vatracker._resources`, always as real files.
    """
    return Path(_resources.__file__).parent / relative
