"""`vatracker desktop install|remove`: the application menu entry where no package manager
places one (a pip install, the unpacked Linux bundle). Reads no data."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from ..desktop_entry import (
    default_data_home,
    install_desktop_entry,
    remove_desktop_entry,
    running_program,
)
from ..domain.errors import InvalidInput
from .output import EXIT_OK

#: Where the installer, not this command, puts VA Tracker in the menu.
_INSTALLER_DOES_IT = {
    "win32": "On Windows the installer adds VA Tracker to the Start menu and uninstalling "
    "removes it; `vatracker desktop` is for Linux and other freedesktop systems.",
    "darwin": "On macOS, VA Tracker.app in the Applications folder is the menu entry; "
    "`vatracker desktop` is for Linux and other freedesktop systems.",
}


def install(args: argparse.Namespace, out: TextIO) -> int:
    _only_on_freedesktop(sys.platform)
    program = running_program(
        frozen=getattr(sys, "frozen", False), executable=sys.executable, which=shutil.which
    )
    written = install_desktop_entry(program, _data_home())
    print(f"Added VA Tracker to the application menu, starting {program}. Wrote:", file=out)
    for path in written:
        print(f"  {path}", file=out)
    return EXIT_OK


def remove(args: argparse.Namespace, out: TextIO) -> int:
    _only_on_freedesktop(sys.platform)
    data_home = _data_home()
    removed = remove_desktop_entry(data_home)
    if not removed:
        print(f"VA Tracker was not in the application menu (nothing in {data_home}).", file=out)
        return EXIT_OK
    print("Removed VA Tracker from the application menu:", file=out)
    for path in removed:
        print(f"  {path}", file=out)
    return EXIT_OK


def _only_on_freedesktop(platform: str) -> None:
    if platform in _INSTALLER_DOES_IT:
        raise InvalidInput(_INSTALLER_DOES_IT[platform])


def _data_home() -> Path:
    return default_data_home(os.environ, Path.home())
