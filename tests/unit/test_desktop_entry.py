"""The menu entry's pieces: the Exec value's quoting, the program it starts, the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from vatracker.desktop_entry import default_data_home, exec_value, running_program
from vatracker.domain.errors import InvalidInput, VATrackerError


@pytest.mark.parametrize(
    ("program", "written"),
    [
        ("/usr/bin/vatracker", "/usr/bin/vatracker"),
        ("/opt/VA Tracker/vatracker", '"/opt/VA Tracker/vatracker"'),
        ("/home/ana/100%/vatracker", "/home/ana/100%%/vatracker"),
        # In quotes $ and " take a backslash, and the string's own escape doubles each one.
        ('/home/ana/$HOME "x"/vatracker', '"/home/ana/\\\\$HOME \\\\"x\\\\"/vatracker"'),
        ("/home/ana/a\\b/vatracker", '"/home/ana/a\\\\\\\\b/vatracker"'),
    ],
)
def test_exec_value_quotes_as_the_desktop_spec_says(program: str, written: str) -> None:
    assert exec_value(program) == written


def test_exec_value_refuses_a_line_break() -> None:
    with pytest.raises(InvalidInput, match="line break"):
        exec_value("/tmp/a\nb/vatracker")


def test_a_bundle_starts_itself(tmp_path: Path) -> None:
    bundle = tmp_path / "vatracker"
    assert running_program(frozen=True, executable=str(bundle), which=lambda _: None) == bundle


def test_the_launcher_beside_this_python_wins_over_path(tmp_path: Path) -> None:
    launcher = tmp_path / "venv" / "bin" / "vatracker"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n")
    python = str(launcher.parent / "python")
    assert running_program(frozen=False, executable=python, which=lambda _: "/usr/bin/x") == (
        launcher
    )


def test_path_is_the_fallback(tmp_path: Path) -> None:
    python = str(tmp_path / "python3")
    found = running_program(frozen=False, executable=python, which=lambda _: "/usr/bin/vatracker")
    assert found == Path("/usr/bin/vatracker")
    with pytest.raises(VATrackerError, match="Cannot find the vatracker program"):
        running_program(frozen=False, executable=python, which=lambda _: None)


def test_data_home_follows_xdg_only_when_absolute(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert default_data_home({"XDG_DATA_HOME": "/data/share"}, home) == Path("/data/share")
    for unset in ({}, {"XDG_DATA_HOME": ""}, {"XDG_DATA_HOME": "relative/share"}):
        assert default_data_home(unset, home) == home / ".local" / "share"
