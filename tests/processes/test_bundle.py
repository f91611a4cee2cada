"""The one-folder app PyInstaller builds from packaging/vatracker.spec works as a VA uses it,
and carries what the app uses and not more. Skipped without PyInstaller (the `bundle` extra)."""

from __future__ import annotations

import pytest

from tests.scripts import BuiltBundle, load_script

pytestmark = pytest.mark.slow

#: Parts of file paths that would mean the bundle took something the app never uses.
UNUSED = (
    "WebEngine",
    "Qml",
    "Quick",
    "Qt6Pdf",
    "QtPdf",
    "Multimedia",
    "tkinter",
    "/translations/",
    "screenshots",
    "sample_data",
    "libqgtk3",
    "platforms/libqvnc",
    "/tls/",
    "backend_tk",
    "backend_gtk",
    "backend_wx",
    "pytest",
)


def test_the_bundle_works_as_a_va_uses_it(built_bundle: BuiltBundle) -> None:
    build_bundle = load_script("build_bundle.py")
    try:
        build_bundle.smoke_test(built_bundle.folder)
    except build_bundle.SmokeTestFailure as failure:
        pytest.fail(f"smoke test failed at {failure}")


def test_the_bundle_carries_the_apps_files_and_nothing_unused(built_bundle: BuiltBundle) -> None:
    files = [
        path.relative_to(built_bundle.folder).as_posix()
        for path in built_bundle.folder.rglob("*")
        if path.is_file()
    ]
    resources = {name.split("vatracker/_resources/")[-1] for name in files if "_resources/" in name}
    assert {"icons/vatracker.svg", "icons/tray-idle.svg", "icons/tray-running.svg"} <= resources
    unused = sorted(name for name in files for part in UNUSED if part in f"/{name}")
    assert unused == []
