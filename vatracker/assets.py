"""The one place that finds the files shipped in `resources/` (icons, desktop files)."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def asset_path(relative: str) -> Path:
    """A real path to a shipped file, e.g. ``asset_path("icons/vatracker.svg")``."""
    with as_file(files("vatracker._resources").joinpath(relative)) as path:
        return Path(path)
