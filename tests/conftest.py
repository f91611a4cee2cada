"""Shared fixtures. Qt runs offscreen unless --show-gui asks for a real screen."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FakeClock, at
from tests.scripts import BuiltBundle, load_script
from vatracker.services.container import Services


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--show-gui", action="store_true", help="run GUI tests on the real screen ($DISPLAY)"
    )


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--show-gui"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the real data folder or depends on the machine's time zone."""
    monkeypatch.setenv("VATRACKER_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(at("2026-03-02 12:00", "UTC"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def services(data_dir: Path, clock: FakeClock) -> Iterator[Services]:
    opened = Services.open(data_dir, clock)
    opened.settings.set_va_zone("UTC")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def built_bundle(tmp_path_factory: pytest.TempPathFactory) -> BuiltBundle:
    """The one-folder app of packaging/vatracker.spec, built once per test run by
    packaging/build_bundle.py (a clean PyInstaller build: slow)."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed (pip install -e '.[bundle]')"
    )
    build_bundle = load_script("build_bundle.py")
    root = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    try:
        folder = build_bundle.build(root / "dist", root / "work")
    except build_bundle.SmokeTestFailure as failure:
        pytest.fail(str(failure))
    return BuiltBundle(folder, time.perf_counter() - started)
