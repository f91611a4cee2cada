"""Writing an invoice's PDF and CSV files, each all or nothing, under safe names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .files import atomic_write, safe_file_name
from .invoice_csv import lines_csv, timesheet_csv


def file_stem(document: dict[str, Any]) -> str:
    """ "2026-0007 Acme Co": the invoice number and the client's name, made safe."""
    return safe_file_name(document["number"] or "draft", document["client"]["name"], suffix="")


def target(path: Path, document: dict[str, Any], ending: str) -> Path:
    """`path` itself, or, when it is a folder, a file in it named after the invoice."""
    if path.is_dir():
        return path / f"{file_stem(document)}{ending}"
    return path


def ensure_gui_application() -> None:
    """Qt lays out text only with an application object; the command line has none."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def export_invoice(
    document: dict[str, Any],
    *,
    logo: bytes | None,
    pdf: Path | None = None,
    lines: Path | None = None,
    timesheet: Path | None = None,
    with_timesheet: bool = True,
) -> list[Path]:
    """Write the files asked for; returns where they went."""
    written = []
    if pdf is not None:
        from .invoice_pdf import render_pdf

        ensure_gui_application()
        destination = target(pdf, document, ".pdf")
        atomic_write(destination, render_pdf(document, logo=logo, with_timesheet=with_timesheet))
        written.append(destination)
    if lines is not None:
        destination = target(lines, document, " lines.csv")
        atomic_write(destination, lines_csv(document).encode("utf-8-sig"))
        written.append(destination)
    if timesheet is not None:
        destination = target(timesheet, document, " timesheet.csv")
        atomic_write(destination, timesheet_csv(document).encode("utf-8-sig"))
        written.append(destination)
    return written
