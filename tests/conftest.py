"""Shared fixtures. Qt runs offscreen unless --show-gui asks for a real screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FakeClock, at
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
