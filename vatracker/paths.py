"""The one place that knows where VA Tracker keeps its data."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DATA_DIR_VARIABLE = "VATRACKER_DATA_DIR"


def data_dir(override: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """`--data-dir` if given, else $VATRACKER_DATA_DIR, else the platform's user data folder."""
    chosen = override or environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser().absolute()
    import platformdirs

    return platformdirs.user_data_path("vatracker", appauthor=False)
