"""The one-folder app PyInstaller builds from packaging/vatracker.spec works as a VA uses it,
and carries what the app uses and not more. Skipped without PyInstaller (the `bundle` extra)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.processes.conftest import child_env, wait_for
from tests.scripts import BuiltBundle, load_script
from vatracker.ui.single_instance import LOCK_FILE_NAME

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


def test_the_bundle_started_twice_brings_the_first_forward(
    built_bundle: BuiltBundle, tmp_path: Path
) -> None:
    program = [str(load_script("build_bundle.py").executable(built_bundle.folder))]
    env = child_env(tmp_path / "data")
    lock = tmp_path / "data" / LOCK_FILE_NAME
    first = subprocess.Popen(program, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: lock.exists() and lock.read_text().strip() != "", what="the first copy")
        # The second copy exits 0 only once it has reached the first and asked it forward.
        second = subprocess.run(program, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_the_bundle_names_a_data_folder_it_cannot_use(
    built_bundle: BuiltBundle, tmp_path: Path
) -> None:
    program = [str(load_script("build_bundle.py").executable(built_bundle.folder))]
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = subprocess.run(
        [*program, "status"],
        env=child_env(blocker / "data"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"Cannot use the data folder {blocker / 'data'}:" in result.stderr
