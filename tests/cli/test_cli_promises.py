"""Promises, own hours, requests and the week from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli
from tests.helpers import FakeClock, at


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock) -> Cli:
    clock.set(at("2026-05-13 04:00"))  # Wednesday, 12:00 in Manila
    tool = Cli(data_dir, clock)
    tool.ok("settings", "--timezone", "Asia/Manila")
    tool.ok(
        "client",
        "add",
        "Acme",
        "--rate",
        "30",
        "--currency",
        "USD",
        "--timezone",
        "America/New_York",
    )
    tool.ok(
        "client", "add", "Beta", "--rate", "25", "--currency", "GBP", "--timezone", "Europe/London"
    )
    return tool


def test_promises_are_set_piece_by_piece_and_shown(cli: Cli) -> None:
    cli.ok("promise", "window", "add", "Acme", "Mon-Fri 08:00-10:00")
    cli.ok("promise", "window", "add", "Acme", "Sat 22:00-01:00", "--overnight")
    cli.ok("promise", "commitment", "add", "Acme", "Inbox management", "--by", "09:00")
    cli.ok("promise", "response", "Acme", "--hours", "4")
    cli.ok("promise", "retainer", "Acme", "--hours", "40", "--fee", "480", "--overage-rate", "15")
    shown = json.loads(cli.ok("promise", "show", "Acme", "--json"))
    assert shown["windows"] == [
        {"days": "Mon-Fri", "start": "08:00", "end": "10:00", "overnight": False},
        {"days": "Sat", "start": "22:00", "end": "01:00", "overnight": True},
    ]
    assert shown["commitments"] == [{"task": "Inbox management", "by": "09:00", "days": "Mon-Fri"}]
    assert shown["response_hours"] == 4
    assert shown["retainer"] == {
        "hours": 40,
        "fee": "480.00",
        "overage_rate": "15.00",
        "currency": "USD",
    }
    assert shown["week"] == "2026-W20"
    assert shown["promised_seconds_this_week"] == 13 * 3600
    text = cli.ok("promise", "show", "Acme")
    assert "Availability: Mon-Fri 08:00-10:00; Sat 22:00-01:00 (ends the next day)" in text
    assert "This week (2026-W20): 13:00 h promised" in text
    cli.ok("promise", "window", "remove", "Acme", "Sat 22:00-01:00", "--overnight")
    cli.ok("promise", "retainer", "Acme", "--none")
    cli.ok("promise", "commitment", "remove", "Acme", "Inbox management")
    shown = json.loads(cli.ok("promise", "show", "Acme", "--json"))
    assert (len(shown["windows"]), shown["retainer"], shown["commitments"]) == (1, None, [])


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["promise", "window", "add", "Acme", "Mon-Fri 10:00-08:00"],
            "before it starts.*--overnight",
        ),
        (["promise", "window", "add", "Acme", "Funday 08:00-10:00"], "Unknown weekday 'funday'"),
        (["promise", "window", "add", "Nobody", "Mon 08:00-10:00"], "Unknown client 'Nobody'"),
        (
            ["promise", "commitment", "add", "Acme", "Juggling", "--by", "09:00"],
            "Unknown task type 'Juggling'",
        ),
        (
            ["promise", "retainer", "Acme", "--hours", "-4", "--fee", "1", "--overage-rate", "1"],
            "must be 0 or more",
        ),
        (
            ["promise", "retainer", "Acme", "--hours", "4", "--fee", "-1", "--overage-rate", "1"],
            "negative",
        ),
        (["promise", "retainer", "Acme", "--hours", "4"], "needs --fee, --overage-rate"),
        (["promise", "response", "Acme", "--hours", "0"], "more than 0"),
        (["request", "Acme", "--channel", "pigeon"], "Unknown channel 'pigeon'"),
        (["week", "--week", "2026-W99"], "Cannot read the week"),
        (["requests", "--month", "May"], "Cannot read the month"),
        (["hours", "set", "Mon-Fri 09:00-17:00", "Wed 12:00-13:00"], "overlap"),
        (["client", "edit", "Acme", "--timezone", "Mars/Olympus"], "Unknown time zone"),
    ],
)
def test_bad_promises_change_nothing(cli: Cli, argv: list[str], message: str) -> None:
    before = cli.ok("promise", "show", "Acme", "--json")
    err = cli.bad(*argv)
    assert re.search(message, err), err
    assert cli.ok("promise", "show", "Acme", "--json") == before


def test_an_overlapping_window_is_refused_and_named(cli: Cli) -> None:
    cli.ok("promise", "window", "add", "Acme", "Mon-Fri 08:00-10:00")
    err = cli.bad("promise", "window", "add", "Acme", "Wed 09:30-12:00")
    assert "Mon-Fri 08:00-10:00 and Wed 09:30-12:00 of the client overlap: merge them" in err


def test_own_hours_requests_and_the_week(cli: Cli, clock: FakeClock) -> None:
    cli.ok("hours", "set", "Mon-Fri 18:00-23:00", "--limit", "30")
    hours = json.loads(cli.ok("hours", "show", "--json"))
    assert hours["windows"] == [
        {"days": "Mon-Fri", "start": "18:00", "end": "23:00", "overnight": False}
    ]
    assert hours["weekly_limit_hours"] == 30
    cli.ok("promise", "window", "add", "Acme", "Mon-Fri 08:00-10:00")  # 20:00-22:00 Manila
    cli.ok("promise", "window", "add", "Beta", "Mon-Fri 14:30-16:30")  # 21:30-23:30 Manila
    logged = cli.ok(
        "request", "Acme", "--at", "2026-05-12T03:00", "--channel", "chat", "--note", "call?"
    )
    assert (
        logged
        == "Logged a chat request from Acme (outside Acme's windows, outside your own hours).\n"
    )
    requests = json.loads(cli.ok("requests", "--json"))
    assert [
        (r["client"], r["outside_client_windows"], r["outside_own_hours"]) for r in requests
    ] == [("Acme", True, True)]
    assert "Acme: 1 requests, 1 outside their windows, 1 outside your own hours" in cli.ok(
        "requests"
    )
    week = json.loads(cli.ok("week", "--json"))
    assert week["week"] == "2026-W20" and week["timezone"] == "Asia/Manila"
    assert week["promised_seconds"] == 20 * 3600
    assert week["weekly_limit_seconds"] == 30 * 3600
    by_client = {c["client"]: c for c in week["clients"]}
    assert by_client["Beta"]["outside_own_hours_seconds"] == 5 * 1800
    assert len(week["overlaps"]) == 5 and week["overlaps"][0]["clients"] == ["Acme", "Beta"]
    text = cli.ok("week")
    assert "Promised in total: 20:00 h of your 30 h limit" in text
    assert "Overlap: 2026-05-11 21:30 to 22:00, Acme and Beta" in text
    note = cli.ok("boundaries", "Acme")
    assert note.startswith("Acme, 2026-05: 1 requests, 1 outside the windows")
    assert "Hi Acme," in note
