"""The command line, through `run()` as the launcher calls it."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.helpers import FakeClock, at
from vatracker.cli import run


class Cli:
    def __init__(self, data_dir: Path, clock: FakeClock) -> None:
        self.data_dir = data_dir
        self.clock = clock

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = run(["--data-dir", str(self.data_dir), *argv], clock=self.clock, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def ok(self, *argv: str) -> str:
        code, out, err = self(*argv)
        assert code == 0, err
        return out

    def bad(self, *argv: str) -> str:
        code, out, err = self(*argv)
        assert code == 2, (out, err)
        assert err.count("\n") == 1 and "Traceback" not in err, err
        return err


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock) -> Cli:
    clock.set(at("2026-03-02 23:00"))  # 18:00 in New York
    tool = Cli(data_dir, clock)
    tool.ok("settings", "--timezone", "America/New_York")
    tool.ok(
        "client",
        "add",
        "Acme",
        "--rate",
        "35",
        "--currency",
        "USD",
        "--timezone",
        "America/New_York",
    )
    return tool


def test_start_status_switch_stop(cli: Cli, clock: FakeClock) -> None:
    assert "Started Acme · Inbox management" in cli.ok(
        "start", "acme", "inbox management", "--note", "triage"
    )
    clock.advance(65)
    status = json.loads(cli.ok("status", "--json"))
    assert status["running"] is True and status["elapsed_seconds"] == 65
    assert status["entry"]["note"] == "triage" and status["entry"]["end"] is None
    switched = cli.ok("start", "Acme", "Research")
    assert "Stopped Acme · Inbox management after 0:01:05" in switched
    clock.advance(30)
    assert "(trying)" in cli.ok("stop", "--trying", "--findings", "needs admin rights")
    assert cli.ok("status") == "No timer is running.\n"
    entries = json.loads(cli.ok("entries", "--json"))
    assert [(e["task"], e["duration_seconds"], e["outcome"]) for e in entries] == [
        ("Inbox management", 65, "done"),
        ("Research", 30, "trying"),
    ]
    assert entries[0]["end"] == entries[1]["start"]
    assert entries[1]["findings"] == "needs admin rights"


def test_json_entries_carry_the_documented_fields(cli: Cli) -> None:
    cli.ok(
        "log",
        "Acme",
        "Own admin",
        "--from",
        "2026-03-02T06:00",
        "--to",
        "2026-03-02T06:45",
        "--note",
        "invoices",
    )
    (entry,) = json.loads(cli.ok("entries", "--json", "--from", "2026-03-02", "--to", "2026-03-02"))
    assert {
        "id",
        "client",
        "task",
        "start",
        "end",
        "duration_seconds",
        "outcome",
        "findings",
        "note",
        "billable",
    } <= set(entry)
    assert entry["start"] == "2026-03-02T06:00:00-05:00"
    assert entry["end"] == "2026-03-02T06:45:00-05:00"
    assert entry["duration_seconds"] == 2700 and entry["billable"] is False


def test_log_across_the_spring_forward_gap_counts_real_time(cli: Cli, clock: FakeClock) -> None:
    clock.set(at("2026-03-09 12:00"))
    cli.ok("log", "Acme", "Research", "--from", "2026-03-08T01:00", "--to", "2026-03-08T04:00")
    (entry,) = json.loads(cli.ok("entries", "--json"))
    assert entry["duration_seconds"] == 2 * 3600  # 01:00 EST to 04:00 EDT


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["start", "Nobody", "Research"], "Unknown client 'Nobody'. Known clients: Acme"),
        (["start", "Acme", "Juggling"], "Unknown task type 'Juggling'"),
        (["stop"], "No timer is running"),
        (
            ["log", "Acme", "Research", "--from", "2026-03-02T10:00", "--to", "2026-03-02T09:00"],
            "before the start",
        ),
        (
            ["log", "Acme", "Research", "--from", "2026-03-08T02:30", "--to", "2026-03-08T04:00"],
            "does not exist in America/New_York",
        ),
        (
            ["log", "Acme", "Research", "--from", "2026-11-01T01:30", "--to", "2026-11-01T03:00"],
            "happens twice",
        ),
        (
            ["log", "Acme", "Research", "--from", "2026-02-27T09:00", "--to", "2026-03-01T09:00"],
            "more than 24 hours.*--allow-long",
        ),
        (
            ["client", "add", "Acme", "--rate", "1", "--currency", "USD", "--timezone", "UTC"],
            "already exists",
        ),
        (
            ["client", "add", "B", "--rate", "-1", "--currency", "USD", "--timezone", "UTC"],
            "negative",
        ),
        (
            ["client", "add", "B", "--rate", "ten", "--currency", "USD", "--timezone", "UTC"],
            "not a number",
        ),
        (
            ["client", "add", "B", "--rate", "1", "--currency", "XYZ", "--timezone", "UTC"],
            "Unknown currency",
        ),
        (
            ["client", "add", "B", "--rate", "1", "--currency", "USD", "--timezone", "Moon/Base"],
            "Unknown time zone",
        ),
        (["start", "Acme", "Research", "--at", "someday"], "Cannot read the time"),
        (["entries", "--from", "March"], "Cannot read the date"),
        (["entries", "--from", "2026-03-05", "--to", "2026-03-01"], "before --from"),
        (["stop", "--findings", "x"], "--findings goes with --trying"),
        (["frobnicate"], "invalid choice"),
        (["client", "add", "B"], "required"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(cli: Cli, argv: list[str], message: str) -> None:
    before = cli.ok("entries", "--json")
    err = cli.bad(*argv)
    assert re.search(message, err), err
    assert cli.ok("entries", "--json") == before


def test_overlaps_are_refused_unless_allowed(cli: Cli) -> None:
    cli.ok("log", "Acme", "Research", "--from", "2026-03-02T06:00", "--to", "2026-03-02T07:00")
    err = cli.bad(
        "log", "Acme", "Research", "--from", "2026-03-02T06:30", "--to", "2026-03-02T07:30"
    )
    assert "would overlap #1 Acme · Research, 2026-03-02 06:00 to 07:00" in err
    assert "--allow-overlap" in err
    cli.ok(
        "log",
        "Acme",
        "Research",
        "--from",
        "2026-03-02T06:30",
        "--to",
        "2026-03-02T07:30",
        "--allow-overlap",
    )
    assert len(json.loads(cli.ok("entries", "--json"))) == 2


def test_csv_export_cannot_carry_a_formula(cli: Cli) -> None:
    # FAULTS I1: names and notes are stored as typed; CSV neutralises them.
    cli.ok(
        "client",
        "add",
        '=HYPERLINK("http://evil","x")',
        "--rate",
        "10",
        "--currency",
        "USD",
        "--timezone",
        "UTC",
    )
    cli.ok("task", "add", "@SUM(A1)")
    cli.ok(
        "log",
        '=HYPERLINK("http://evil","x")',
        "@SUM(A1)",
        "--from",
        "2026-03-02T06:00",
        "--to",
        "2026-03-02T07:00",
        "--note=-2+3",
    )
    rows = list(csv.DictReader(io.StringIO(cli.ok("entries", "--csv"))))
    assert rows[0]["client"] == '\'=HYPERLINK("http://evil","x")'
    assert rows[0]["task"] == "'@SUM(A1)"
    assert rows[0]["note"] == "'-2+3"
    listed = json.loads(cli.ok("client", "list", "--json"))
    assert '=HYPERLINK("http://evil","x")' in [c["name"] for c in listed]


def test_clients_and_task_types_are_managed_from_the_command_line(cli: Cli) -> None:
    cli.ok("client", "edit", "Acme", "--rate", "40.25", "--name", "Acme Inc")
    (client,) = json.loads(cli.ok("client", "list", "--json"))
    assert (client["name"], client["rate"], client["archived"]) == ("Acme Inc", "40.25", False)
    cli.ok("client", "archive", "acme inc")
    assert json.loads(cli.ok("client", "list", "--json"))[0]["archived"] is True
    cli.bad("start", "Acme Inc", "Research")
    cli.ok("client", "unarchive", "Acme Inc")
    cli.ok("task", "add", "Podcast editing", "--non-billable")
    tasks = {t["name"]: t for t in json.loads(cli.ok("task", "list", "--json"))}
    assert tasks["Podcast editing"]["billable"] is False
    cli.ok("task", "edit", "Podcast editing", "--billable")
    cli.ok("task", "delete", "Podcast editing")
    assert "Podcast editing" not in cli.ok("task", "list")
    cli.ok("log", "Acme Inc", "Research", "--from", "2026-03-02T06:00", "--to", "2026-03-02T07:00")
    assert "archive it instead" in cli.bad("client", "delete", "Acme Inc")


def test_a_newer_database_is_refused_with_exit_1(cli: Cli, data_dir: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(data_dir / "vatracker.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    code, _out, err = cli("status")
    assert code == 1 and "newer VA Tracker" in err
