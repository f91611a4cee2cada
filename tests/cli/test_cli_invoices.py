"""Invoices from the command line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli
from tests.helpers import FakeClock, at


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock, qapp: object) -> Cli:
    """The command line run in this process. Writing a PDF needs a Qt application: the one
    pytest-qt makes for the whole session, or the command's own would be the wrong kind."""
    clock.set(at("2026-11-03 10:00"))
    tool = Cli(data_dir, clock)
    tool.ok("settings", "--timezone", "UTC")
    tool.ok("client", "add", "Acme Co", "--rate", "35.50", "--currency", "USD", "--timezone", "UTC")
    tool.ok("log", "Acme Co", "Inbox management", "--from", "2026-10-05T09:00", "--to", "11:15")
    tool.ok(
        "log",
        "Acme Co",
        "Research",
        "--from",
        "2026-10-06T09:00",
        "--to",
        "10:00",
        "--trying",
        "--findings",
        "Export needs an admin login",
    )
    return tool


def test_a_draft_then_an_issued_invoice_with_files(cli: Cli, tmp_path: Path) -> None:
    cli.ok("business", "--name", "Maria Santos VA", "--tax", "VAT=12", "--terms", "10")
    cli.ok(
        "client",
        "billing",
        "Acme Co",
        "--billing-name",
        "Acme Holdings LLC",
        "--rounding",
        "6",
        "--task-rate",
        "Research=40",
    )
    draft = json.loads(cli.ok("invoice", "Acme Co", "--month", "2026-10", "--json"))
    assert draft["status"] == "draft" and draft["number"] is None
    assert [(line["description"], line["hours"], line["amount"]) for line in draft["lines"]] == [
        ("Inbox management", "2.30", "81.65"),
        ("Attempts: Research", "1.00", "40.00"),
    ]
    assert (draft["subtotal"], draft["tax_amount"], draft["total"]) == ("121.65", "14.60", "136.25")
    out = tmp_path / "out"
    out.mkdir()
    issued = cli.ok(
        "invoice",
        "Acme Co",
        "--month",
        "2026-10",
        "--issue",
        "--pdf",
        str(out),
        "--csv",
        str(out),
        "--timesheet-csv",
        str(out),
    )
    assert "Invoice 2026-0001: Acme Holdings LLC, October 2026" in issued
    assert sorted(p.name for p in out.iterdir()) == [
        "2026-0001 Acme Co lines.csv",
        "2026-0001 Acme Co timesheet.csv",
        "2026-0001 Acme Co.pdf",
    ]
    listed = json.loads(cli.ok("invoices", "--json"))
    assert [(i["number"], i["total"], i["status"], i["due_on"]) for i in listed] == [
        ("2026-0001", "136.25", "issued", "2026-11-13")
    ]
    # Re-exported after the client changed: the same document.
    cli.ok("client", "edit", "Acme Co", "--name", "Acme Renamed", "--rate", "99")
    again = tmp_path / "again"
    again.mkdir()
    cli.ok("invoice", "export", "2026-0001", "--pdf", str(again / "x.pdf"))
    assert (again / "x.pdf").read_bytes() == (out / "2026-0001 Acme Co.pdf").read_bytes()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(again / "x.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Acme Holdings LLC" in text and "Export needs an admin login" in text


def test_paid_void_and_the_month_end_helper(cli: Cli) -> None:
    unbilled = json.loads(cli.ok("invoices", "--unbilled", "--json"))
    assert unbilled == [
        {"client": "Acme Co", "billable_seconds": 11700, "total": "115.38", "currency": "USD"}
    ]
    cli.ok("invoice", "Acme Co", "--issue")  # last month by default
    assert json.loads(cli.ok("invoices", "--unbilled", "--json")) == []
    assert "is void" in cli.ok("invoice", "void", "2026-0001")
    assert json.loads(cli.ok("invoices", "--json"))[0]["status"] == "void"
    cli.ok("invoice", "Acme Co", "--issue")
    assert [i["number"] for i in json.loads(cli.ok("invoices", "--json"))] == [
        "2026-0002",
        "2026-0001",
    ]
    assert "still to come" in cli.bad("invoice", "paid", "2026-0002", "--on", "2026-11-05")
    assert "is paid (2026-11-03)" in cli.ok("invoice", "paid", "2026-0002", "--on", "2026-11-03")
    assert "a paid invoice cannot be voided" in cli.bad("invoice", "void", "2026-0002")
    listed = json.loads(cli.ok("invoices", "--json"))
    assert [(i["status"], i["paid_on"]) for i in listed] == [("paid", "2026-11-03"), ("void", None)]


def test_an_issued_invoice_whose_file_cannot_be_written_says_how_to_export_it(
    cli: Cli, tmp_path: Path
) -> None:
    missing = tmp_path / "no such folder" / "invoice.pdf"
    code, _out, err = cli(
        "invoice", "Acme Co", "--month", "2026-10", "--issue", "--pdf", str(missing)
    )
    assert code == 1
    assert "Invoice 2026-0001 is issued, but its files were not written" in err
    assert "vatracker invoice export 2026-0001 --pdf PATH" in err
    assert json.loads(cli.ok("invoices", "--json"))[0]["number"] == "2026-0001"
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["invoice", "Nobody", "--month", "2026-10"], "Unknown client 'Nobody'"),
        (["invoice", "Acme Co", "--month", "2026-09", "--issue"], "no billable time"),
        (["invoice", "Acme Co", "--from", "2026-10-05"], "needs both --from and --to"),
        (
            ["invoice", "Acme Co", "--from", "2026-10-09", "--to", "2026-10-01"],
            "ends .* before it starts",
        ),
        (["invoice", "paid", "2099-0001"], "There is no invoice '2099-0001'"),
        (["business", "--tax", "VAT=-5"], "must be 0 or more"),
        (["business", "--tax", "VAT=lots"], "not a number"),
        (["business", "--tax", "VAT=nan"], "not a number"),
        (["business", "--number-format", "{year}"], "has no {seq}"),
        (["business", "--number-format", "{year}-{{seq}}"], "has no {seq}"),
        (["business", "--number-format", "{year[0]}-{seq}"], "has 'year\\[0\\]' in braces"),
        (["business", "--number-format", "{seq.x}"], "has 'seq.x' in braces"),
        (["business", "--number-format", "{seq:%Y}"], "cannot be used"),
        (["client", "billing", "Acme Co", "--task-rate", "Research=-4"], "negative"),
        (["client", "billing", "Acme Co", "--task-rate", "Research"], "TASK=RATE"),
        (["client", "billing", "Acme Co", "--email", "not-an-address"], "does not look like"),
    ],
)
def test_bad_invoice_input_changes_nothing(cli: Cli, argv: list[str], message: str) -> None:
    def state() -> list[str]:
        return [cli.ok(*query) for query in (["invoices", "--json"], ["business"])]

    before = state()
    err = cli.bad(*argv)
    assert re.search(message, err), err
    assert state() == before


def test_issuing_refuses_a_running_timer_and_entries_on_another_invoice(
    cli: Cli, clock: FakeClock
) -> None:
    clock.set(at("2026-10-20 09:00"))
    cli.ok("start", "Acme Co", "Research")
    clock.set(at("2026-11-03 10:00"))
    assert "still running in this period" in cli.bad(
        "invoice", "Acme Co", "--month", "2026-10", "--issue"
    )
    cli.ok("stop", "--at", "2026-10-20T10:00")
    cli.ok("invoice", "Acme Co", "--month", "2026-10", "--issue")
    err = cli.bad("invoice", "Acme Co", "--from", "2026-10-01", "--to", "2026-10-10", "--issue")
    assert "already on invoice 2026-0001: void that invoice first" in err
