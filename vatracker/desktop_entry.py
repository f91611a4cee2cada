"""VA Tracker in the application menu of Linux and other freedesktop desktops.

A distribution package places the menu entry and the icons itself. A `pip install` and the
unpacked Linux bundle have no package manager to do that, so ``vatracker desktop install``
writes them into the user's data folder (~/.local/share), where every freedesktop desktop
looks, and ``vatracker desktop remove`` takes them away again.

The packaged entry, packaging/linux/org.vatracker.VATracker.desktop, is
``render_desktop_entry("vatracker")``: a test keeps the two equal, so they never drift.

No Qt here: the command must work from a terminal, quickly, even where Qt cannot start.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from . import APP_ID, APP_NAME
from .assets import APP_ICON_SIZES, app_icon_in_theme, asset_path
from .domain.errors import InvalidInput, StorageError, VATrackerError
from .safe_files import replaced_when_complete

ENTRY_NAME = f"{APP_ID}.desktop"
PROGRAM_NAME = "vatracker"

#: Characters that make the desktop entry spec quote an Exec argument.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
#: Characters that take a backslash inside a quoted Exec argument.
_ESCAPED_IN_QUOTES = frozenset('"`$\\')


def render_desktop_entry(exec_command: str) -> str:
    """The desktop entry, with `exec_command` as its Exec value, already quoted as the spec
    wants (see `exec_value`).

    StartupWMClass is the program's name: Qt on X11 names the window's WM_CLASS instance after
    it, which is how docks tie the open window to this entry. X-GNOME-SingleWindow says there is
    one main window (a second launch raises it); the newer SingleMainWindow key is not used
    because desktop-file-validate before 0.27 rejects it.
    """
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "GenericName=Time Tracker\n"
        "Comment=Track time per client and task, keep your promises and invoice each month\n"
        f"Icon={APP_ID}\n"
        f"Exec={exec_command}\n"
        "Terminal=false\n"
        "Categories=Office;ProjectManagement;\n"
        "Keywords=time;tracking;timer;timesheet;invoice;billable;client;virtual assistant;\n"
        "StartupNotify=true\n"
        f"StartupWMClass={PROGRAM_NAME}\n"
        "X-GNOME-SingleWindow=true\n"
    )


def exec_value(program: str) -> str:
    """`program` written as the Exec key's only argument.

    The spec's rules, in order: % is doubled (it starts field codes); an argument with a space
    or another reserved character is put in double quotes, where ", `, $ and \\ take a
    backslash; then every backslash is doubled once more, because Exec is also a string value
    with escapes of its own.
    """
    if any(ord(character) < 32 for character in program):
        raise InvalidInput(
            f"A menu entry cannot start {program!r}: its name holds a line break or another "
            "control character."
        )
    argument = program.replace("%", "%%")
    if any(character in _RESERVED for character in argument):
        quoted = "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in argument)
        argument = f'"{quoted}"'
    return argument.replace("\\", "\\\\")


def running_program(*, frozen: bool, executable: str, which: Callable[[str], str | None]) -> Path:
    """The program the menu entry should start: this installation of VA Tracker.

    A bundle (PyInstaller sets ``sys.frozen``) is its own executable. Otherwise the launcher pip
    installed beside this Python (bin/vatracker in a virtual environment) belongs to the very
    installation that runs, so it wins over whichever `vatracker` comes first on PATH; PATH is
    the fallback, e.g. for ``pip install --user`` run with the system's Python.
    """
    if frozen:
        return Path(executable).absolute()
    beside = Path(executable).parent / PROGRAM_NAME
    if beside.is_file():
        return beside.absolute()
    found = which(PROGRAM_NAME)
    if found:
        return Path(found).absolute()
    raise VATrackerError(
        f"Cannot find the {PROGRAM_NAME} program for the menu entry to start: it is neither "
        f"beside {executable} nor on PATH."
    )


def default_data_home(environ: Mapping[str, str], home: Path) -> Path:
    """$XDG_DATA_HOME, else ~/.local/share; the base directory spec says to ignore a relative
    $XDG_DATA_HOME, as if it were unset."""
    chosen = environ.get("XDG_DATA_HOME", "")
    return Path(chosen) if os.path.isabs(chosen) else home / ".local" / "share"


def entry_path(data_home: Path) -> Path:
    return data_home / "applications" / ENTRY_NAME


def install_desktop_entry(exec_path: Path, data_home: Path) -> list[Path]:
    """Writes the icons, then the entry that names them (so a desktop that notices the entry
    at once also finds its icon), each file whole or not at all. Returns the paths written;
    running it again rewrites the same files, e.g. after the program moved."""
    written = []
    for name in _theme_icons():
        target = data_home / "icons" / name
        _write(target, _shipped_icon(name))
        written.append(target)
    entry = entry_path(data_home)
    _write(entry, render_desktop_entry(exec_value(str(exec_path))).encode("utf-8"))
    written.append(entry)
    return written


def remove_desktop_entry(data_home: Path) -> list[Path]:
    """Removes the entry first (so the menu never shows it without its icon), then the icons,
    and the folders that this left empty. Returns the files that were there to remove."""
    removed = []
    for target in [entry_path(data_home), *(data_home / "icons" / n for n in _theme_icons())]:
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StorageError(f"Could not remove {target}: {exc.strerror or exc}.") from exc
        removed.append(target)
        _remove_empty_folders(target.parent, data_home)
    return removed


def _theme_icons() -> list[str]:
    return [app_icon_in_theme(size) for size in (*APP_ICON_SIZES, None)]


def _shipped_icon(name: str) -> bytes:
    try:
        return asset_path(f"icons/{name}").read_bytes()
    except OSError as exc:
        raise StorageError(
            f"The icon {name} is missing from this installation of VA Tracker; reinstall it."
        ) from exc


def _write(target: Path, data: bytes) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create {target.parent}: {exc.strerror or exc}.") from exc
    with replaced_when_complete(target, binary=True) as stream:
        stream.write(data)


def _remove_empty_folders(folder: Path, stop: Path) -> None:
    """`folder` and its parents below `stop`, while empty: rmdir refuses a folder that holds
    anything else, so another program's files are never touched."""
    while stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
