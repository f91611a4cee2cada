"""Invoice files: the PDF's text, user text as text, CSV without formulas, safe names, and
files written all or nothing."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from vatracker import safe_files
from vatracker.domain.business import BusinessProfile, ClientBilling
from vatracker.domain.catalog import Client
from vatracker.domain.entries import Outcome, new_entry
from vatracker.domain.errors import StorageError
from vatracker.domain.invoice_document import Period, invoice_document
from vatracker.domain.invoicing import Billing, Rounding, Tax, draft_invoice
from vatracker.domain.weeks import Month
from vatracker.reports.files import atomic_write, safe_file_name
from vatracker.reports.invoice_csv import lines_csv, timesheet_csv
from vatracker.reports.invoice_export import export_invoice
from vatracker.reports.invoice_html import invoice_html

UTC = ZoneInfo("UTC")
HOSTILE = '<img src="http://evil/x.png"> <b>Bold</b> =HYPERLINK("http://evil")'
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def document(
    name: str = "Acme Co", number: str | None = "2026-0007", timesheet_rows: int = 2
) -> dict:  # type: ignore[type-arg]
    entries = []
    for index in range(timesheet_rows):
        start = 1_772_000_000 + index * 7200
        entry = new_entry(
            1, 1 + index % 2, start, UTC, end=start + 3600 + index, note=f"Task note {index}"
        )
        if index == 1:
            entry = replace(
                entry, outcome=Outcome.TRYING, findings="Needs the owner's phone for 2FA"
            )
        entries.append(replace(entry, id=index + 1))
    draft = draft_invoice(
        entries,
        Billing("USD", 3550, {}, rounding=Rounding.UP_TO_6),
        {1: "Inbox management", 2: "Research"},
        Tax("VAT", Decimal("12")),
        UTC,
    )
    return invoice_document(
        draft,
        number=number,
        issued_on=date(2026, 4, 2),
        due_on=date(2026, 4, 16),
        period=Period.of_month(Month(2026, 3)),
        business=BusinessProfile(
            name="Maria Santos VA",
            address="21 Mabini St\nMakati",
            payment_details="Wise USD account 1234",
        ),
        client=Client(1, name, "USD", 3550, "America/New_York"),
        billing=ClientBilling(billing_name=name, billing_email="billing@acme.example"),
        rounding=Rounding.UP_TO_6,
        va_zone="Asia/Manila",
    )


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader would copy it (ligatures such as "fi" undone)."""
    shown = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", shown)


@needs_poppler
def test_the_pdf_shows_the_lines_totals_attempts_and_timesheet(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (written,) = export_invoice(document(), logo=None, pdf=tmp_path)
    assert written.name == "2026-0007 Acme Co.pdf"
    shown = pdf_text(written)
    for expected in (
        "Invoice",
        "No. 2026-0007",
        "Maria Santos VA",
        "Due 16 Apr 2026",
        "Period: March 2026",
        "Inbox management",
        "Attempts and findings",
        "Needs the owner's phone for 2FA",
        "VAT 12%",
        "Total due",
        "Timesheet",
        "1:06:00",  # 1 h 0 min 1 s, rounded up to 6 minutes, as billed
        "Wise USD account 1234",
        "page 1 of 2",
    ):
        assert expected in shown, expected


@needs_poppler
def test_user_text_in_the_pdf_is_text_not_markup(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # FAULTS I3: a client named like HTML prints those characters, and fetches nothing.
    (written,) = export_invoice(document(name=HOSTILE), logo=None, pdf=tmp_path / "x.pdf")
    shown = " ".join(pdf_text(written).split())
    assert '<img src="http://evil/x.png"> <b>Bold</b>' in shown
    html = invoice_html(document(name=HOSTILE), with_logo=False, with_timesheet=False)
    assert '<img src="http' not in html and "&lt;img" in html


def test_the_same_invoice_gives_the_same_pdf_bytes(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # FAULTS M9: exporting again (later, elsewhere) gives the same file.
    first = export_invoice(document(), logo=None, pdf=tmp_path / "a.pdf")[0].read_bytes()
    second = export_invoice(document(), logo=None, pdf=tmp_path / "b.pdf")[0].read_bytes()
    assert first == second
    assert b"/CreationDate (D:20260402000000" in first


def test_csv_cells_cannot_become_formulas() -> None:
    # FAULTS I1, in both invoice CSV files.
    rows = list(csv.DictReader(io.StringIO(lines_csv(document(name=HOSTILE)))))
    assert rows[0]["client"] == "'" + HOSTILE if HOSTILE.startswith("=") else HOSTILE
    sheet = document(name="=cmd|' /C calc'!A0")
    assert all(
        row["client"].startswith("'=") for row in csv.DictReader(io.StringIO(lines_csv(sheet)))
    )
    lines = list(csv.DictReader(io.StringIO(timesheet_csv(document()))))
    assert [row["hours"] for row in lines] == ["1.00", "1.10"]  # rounded up to 6 minutes


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("2026-0001", "Acme Co"), "2026-0001 Acme Co.pdf"),
        (("2026/0001", "../../etc/passwd"), "2026-0001 ..-..-etc-passwd.pdf"),
        (("CON",), "invoice CON.pdf"),
        (("a:b", "c*d?"), "a-b c-d.pdf"),
        (("trailing dot.",), "trailing dot.pdf"),
        (("",), "invoice.pdf"),
        (("..",), "invoice.pdf"),
        (("x" * 300,), "x" * 120 + ".pdf"),
        (("tab\there", "new\nline"), "tab here new line.pdf"),
    ],
)
def test_file_names_are_one_safe_name(
    parts: tuple[str, ...], expected: str, tmp_path: Path
) -> None:
    # FAULTS I4.
    name = safe_file_name(*parts, suffix=".pdf")
    assert name == expected
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FAULTS S11: the writer fails halfway; the destination keeps its old content.
    target = tmp_path / "invoice.csv"
    target.write_text("the good old file")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full_disk)
    with pytest.raises(StorageError, match="No space left on device.*unchanged"):
        atomic_write(target, b"half a new file")
    assert target.read_text() == "the good old file"
    assert [p.name for p in tmp_path.iterdir()] == ["invoice.csv"]  # no temporary left behind


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a read-only folder")
def test_an_unwritable_folder_is_reported(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    with pytest.raises(StorageError, match="Cannot write"):
        atomic_write(tmp_path / "x.pdf", b"data")
