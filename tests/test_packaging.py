"""The installed package must carry every module and resource of the source tree."""

from __future__ import annotations

import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_installed() -> None:
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(PROJECT).parts)
        for init in (PROJECT / "vatracker").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk | {"vatracker._resources"} == listed


def test_every_icon_is_installed() -> None:
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["vatracker._resources"]
    shipped = {p for pattern in patterns for p in (PROJECT / "resources").glob(pattern)}
    icons = set((PROJECT / "resources" / "icons").iterdir())
    assert icons <= shipped
