"""The installed package must carry every module and resource of the source tree, and the
icon files rendered by packaging/make_icons.py must be what each desktop expects."""

from __future__ import annotations

import struct
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vatracker.assets import APP_ICON_SIZES, app_icon_in_theme

PROJECT = Path(__file__).resolve().parents[1]
ICONS = PROJECT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}
ICNS_SIZES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


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
    icons = {path for path in ICONS.rglob("*") if path.is_file()}
    assert {path.relative_to(ICONS) for path in icons - shipped} == set()


def png_size(data: bytes) -> QSize:
    """The pixel size of PNG `data`, after checking that Qt decodes it."""
    assert data.startswith(PNG_SIGNATURE)
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image.size()


@pytest.mark.parametrize("size", APP_ICON_SIZES)
def test_the_hicolor_theme_has_a_png_of_every_size(size: int) -> None:
    path = ICONS / app_icon_in_theme(size)
    assert png_size(path.read_bytes()) == QSize(size, size)


def test_the_hicolor_theme_has_the_scalable_icon() -> None:
    scalable = ICONS / app_icon_in_theme()
    assert scalable.read_bytes() == (ICONS / "vatracker.svg").read_bytes()


def test_the_windows_icon_holds_a_png_of_each_declared_size() -> None:
    data = (ICONS / "vatracker.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)  # 1: an icon, not a cursor
    sizes = set()
    for index in range(count):
        width, height, _colours, _reserved, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (planes, bits) == (1, 32)
        assert offset + length <= len(data)
        side = width or 256  # a byte cannot say 256: 0 stands for it
        assert png_size(data[offset : offset + length]) == QSize(side, height or 256)
        sizes.add(side)
    assert sizes == ICO_SIZES


def test_the_macos_icon_holds_a_png_for_each_chunk() -> None:
    data = (ICONS / "vatracker.icns").read_bytes()
    magic, total = struct.unpack_from(">4sI", data)
    assert (magic, total) == (b"icns", len(data))
    found = {}
    offset = 8
    while offset < total:
        kind, length = struct.unpack_from(">4sI", data, offset)
        assert length > 8 and offset + length <= total
        found[kind] = png_size(data[offset + 8 : offset + length])
        offset += length
    assert found == {kind: QSize(side, side) for kind, side in ICNS_SIZES.items()}
