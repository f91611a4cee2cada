"""Render the app icon, resources/icons/vatracker.svg, into the files each desktop wants.

- PNGs in the freedesktop icon theme layout (resources/icons/hicolor/<N>x<N>/apps/), which
  Linux menus and docks look up by the application id;
- resources/icons/vatracker.ico for Windows (the executable and the installer);
- resources/icons/vatracker.icns for macOS (the app bundle).

Run it after changing the SVG, from the project folder: ``python packaging/make_icons.py``.
The outputs are committed, so building a package needs neither this script nor a display. The
same SVG and the same Qt give the same bytes, so running it again changes nothing.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

# Rendering needs no screen: this runs the same on a build machine without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

PROJECT = Path(__file__).resolve().parents[1]
# The names and sizes come from this checkout's vatracker, installed or not.
sys.path.insert(0, str(PROJECT))

from vatracker.assets import APP_ICON_SIZES, app_icon_in_theme  # noqa: E402

ICONS = PROJECT / "resources" / "icons"
SOURCE = ICONS / "vatracker.svg"
#: What Windows picks from for the taskbar, Explorer's views and the title bar.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The icns chunk types that hold PNG data, with their size in pixels. The @2x ("retina")
#: types repeat a size under another name: 'ic11' is 16 px at double density, so 32 px.
ICNS_CHUNKS = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn into a `size` square on a transparent background, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    return bytes(buffer.data().data())


def ico_file(pngs: dict[int, bytes], sizes: Iterable[int]) -> bytes:
    """A Windows icon holding PNG images (supported since Windows Vista).

    The layout: ICONDIR (reserved 0, type 1 = icon, count), one 16-byte ICONDIRENTRY per image
    (width and height as one byte each, where 0 means 256; colour count 0; reserved 0;
    1 plane; 32 bits per pixel; the image's length and offset), then the images.
    """
    chosen = list(sizes)
    header = struct.pack("<HHH", 0, 1, len(chosen))
    offset = len(header) + 16 * len(chosen)
    entries, images = b"", b""
    for size in chosen:
        data = pngs[size]
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_file(pngs: dict[int, bytes], chunks: Iterable[tuple[bytes, int]]) -> bytes:
    """A macOS icon family: the magic 'icns' and the whole file's length, then chunks of a
    4-byte type, their own length (header included) and PNG data; all big-endian."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in chunks
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_hicolor(pngs: dict[int, bytes]) -> list[Path]:
    """The freedesktop theme tree, replaced whole so that a dropped size leaves no file."""
    theme = ICONS / "hicolor"
    shutil.rmtree(theme, ignore_errors=True)
    written = []
    for size in APP_ICON_SIZES:
        target = ICONS / app_icon_in_theme(size)
        target.parent.mkdir(parents=True)
        target.write_bytes(pngs[size])
        written.append(target)
    scalable = ICONS / app_icon_in_theme()
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)
    return written


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])  # painting, and any text in the SVG, need one
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    sizes = sorted({*APP_ICON_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_CHUNKS)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    written = write_hicolor(pngs)
    for path, data in (
        (ICONS / "vatracker.ico", ico_file(pngs, ICO_SIZES)),
        (ICONS / "vatracker.icns", icns_file(pngs, ICNS_CHUNKS)),
    ):
        path.write_bytes(data)
        written.append(path)
    for path in written:
        print(path.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
