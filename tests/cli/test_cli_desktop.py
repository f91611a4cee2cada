"""`vatracker desktop install|remove`: the menu entry and icons in $XDG_DATA_HOME, without
opening the database."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vatracker import APP_ID
from vatracker.assets import APP_ICON_SIZES, app_icon_in_theme, asset_path
from vatracker.cli import run


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundled program in a folder with a space, as the unpacked Linux bundle may be."""
    path = tmp_path / "My Apps" / "vatracker"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(path))
    return path


def desktop(*argv: str, data_dir: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data_dir), "desktop", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def expected_files(share: Path) -> set[Path]:
    icons = {share / "icons" / app_icon_in_theme(size) for size in (*APP_ICON_SIZES, None)}
    return icons | {share / "applications" / f"{APP_ID}.desktop"}


def files_in(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def test_install_writes_the_entry_and_the_icons(share: Path, program: Path, data_dir: Path) -> None:
    code, out, err = desktop("install", data_dir=data_dir)
    assert (code, err) == (0, "")
    assert files_in(share) == expected_files(share)
    assert out.splitlines()[0] == (
        f"Added VA Tracker to the application menu, starting {program}. Wrote:"
    )
    assert {Path(line.strip()) for line in out.splitlines()[1:]} == expected_files(share)
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'\nExec="{program}"\n' in entry
    assert f"\nIcon={APP_ID}\n" in entry
    png = share / "icons" / app_icon_in_theme(48)
    assert png.read_bytes() == asset_path(f"icons/{app_icon_in_theme(48)}").read_bytes()
    assert not data_dir.exists()  # the database was never opened


def test_the_written_entry_is_valid(share: Path, program: Path, data_dir: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    assert desktop("install", data_dir=data_dir)[0] == 0
    entry = share / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_install_again_rewrites_the_same_files(
    share: Path, program: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert desktop("install", data_dir=data_dir)[0] == 0
    moved = program.parent.parent / "vatracker-0.2" / "vatracker"
    monkeypatch.setattr(sys, "executable", str(moved))
    assert desktop("install", data_dir=data_dir)[0] == 0
    assert files_in(share) == expected_files(share)
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={moved}\n" in entry


def test_remove_leaves_nothing_behind(share: Path, program: Path, data_dir: Path) -> None:
    unrelated = share / "icons" / "hicolor" / "48x48" / "apps" / "another-app.png"
    unrelated.parent.mkdir(parents=True)
    unrelated.write_bytes(b"not ours")
    assert desktop("install", data_dir=data_dir)[0] == 0
    code, out, _err = desktop("remove", data_dir=data_dir)
    assert code == 0 and out.startswith("Removed VA Tracker from the application menu:")
    assert {Path(line.strip()) for line in out.splitlines()[1:]} == expected_files(share)
    assert sorted(share.rglob("*")) == [
        share / "icons",
        share / "icons" / "hicolor",
        share / "icons" / "hicolor" / "48x48",
        share / "icons" / "hicolor" / "48x48" / "apps",
        unrelated,
    ]
    unrelated.unlink()
    assert desktop("install", data_dir=data_dir)[0] == 0
    assert desktop("remove", data_dir=data_dir)[0] == 0
    assert list(share.iterdir()) == []


def test_remove_with_nothing_installed_says_so(share: Path, data_dir: Path) -> None:
    code, out, err = desktop("remove", data_dir=data_dir)
    assert (code, err) == (0, "")
    assert out == f"VA Tracker was not in the application menu (nothing in {share}).\n"


@pytest.mark.parametrize(
    ("platform", "who"), [("win32", "installer"), ("darwin", "VA Tracker.app")]
)
def test_windows_and_macos_leave_it_to_the_installer(
    platform: str, who: str, share: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    for verb in ("install", "remove"):
        code, out, err = desktop(verb, data_dir=data_dir)
        assert (code, out) == (2, "")
        assert err.startswith("vatracker: ") and who in err and err.count("\n") == 1
    assert not share.exists()
