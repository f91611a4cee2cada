"""The Linux desktop entry and AppStream metainfo: valid for the freedesktop validators, and
agreeing with the code on the app's id, its screenshots and its version."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import vatracker
from vatracker.desktop_entry import render_desktop_entry

PROJECT = Path(__file__).resolve().parents[1]
LINUX = PROJECT / "packaging" / "linux"
DESKTOP = LINUX / f"{vatracker.APP_ID}.desktop"
METAINFO = LINUX / f"{vatracker.APP_ID}.metainfo.xml"
SCREENSHOTS = PROJECT / "resources" / "screenshots"


def validator(name: str) -> str:
    """The validator's path; without it (packages desktop-file-utils and appstream on Debian
    and Ubuntu) the test is skipped and says so."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def validated(*command: str) -> str:
    """The validator's report; fails the test, showing the report, when it is not clean."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    return report


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_the_desktop_entry_is_valid() -> None:
    report = validated(validator("desktop-file-validate"), str(DESKTOP))
    assert report == ""  # it prints nothing, not even a hint, for a clean file


def test_the_metainfo_is_valid() -> None:
    report = validated(
        validator("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)
    )
    # Infos are fine (the <developer> tag is new to AppStream 0.16); warnings and errors are not.
    assert not [line for line in report.splitlines() if line.startswith(("W:", "E:"))], report


def test_the_packaged_desktop_entry_is_the_one_the_code_writes() -> None:
    assert DESKTOP.read_text(encoding="utf-8") == render_desktop_entry("vatracker"), (
        "packaging/linux drifted from vatracker.desktop_entry: write the file from "
        "render_desktop_entry('vatracker')"
    )


def test_the_desktop_entry_names_the_app_by_its_id() -> None:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    section = dict(line.split("=", 1) for line in lines[1:])
    assert section["Icon"] == vatracker.APP_ID
    assert section["Name"] == vatracker.APP_NAME


def test_the_metainfo_names_the_app_by_its_id() -> None:
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == vatracker.APP_ID
    assert root.findtext("name") == vatracker.APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert [binary.text for binary in root.iterfind("provides/binary")] == ["vatracker"]


def test_every_screenshot_in_the_metainfo_is_shipped_and_every_one_is_listed() -> None:
    screenshots = metainfo().findall("screenshots/screenshot")
    assert screenshots[0].get("type") == "default"
    names = []
    for screenshot in screenshots:
        assert (screenshot.findtext("caption") or "").strip()
        url = screenshot.findtext("image") or ""
        assert url.startswith("https://vatracker.org/screenshots/"), url
        names.append(url.rsplit("/", 1)[1])
    assert sorted(names) == sorted(path.name for path in SCREENSHOTS.glob("*.png"))


def test_the_newest_release_is_this_version() -> None:
    releases = metainfo().findall("releases/release")
    newest = max(releases, key=lambda release: release.get("date") or "")
    assert releases[0] is newest  # AppStream lists the newest release first
    assert newest.get("version") == vatracker.__version__
