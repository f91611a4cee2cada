"""The weekly review from the command line: `report week` and `chart week`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli
from tests.helpers import FakeClock, at


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock) -> Cli:
    clock.set(at("2026-05-15 12:00", "Asia/Manila"))  # Friday of week 20
    tool = Cli(data_dir, clock)
    tool.ok("settings", "--timezone", "Asia/Manila")
    tool.ok(
        "client",
        "add",
        "Acme",
        "--rate",
        "18",
        "--currency",
        "USD",
        "--timezone",
        "America/New_York",
    )
    tool.ok("promise", "window", "add", "Acme", "Mon-Fri 08:00-11:00")
    for day in (11, 12, 13):  # 20:00-23:00 in Manila: 08:00-11:00 in New York, after own hours
        tool.ok(
            "log", "Acme", "Inbox management", "--from", f"2026-05-{day}T20:00", "--to", "23:00"
        )
    tool.ok(
        "log",
        "Acme",
        "Research",
        "--from",
        "2026-05-14T09:00",
        "--to",
        "10:00",
        "--trying",
        "--findings",
        "The CRM export needs an admin login",
    )
    return tool


def test_report_week_as_json(cli: Cli) -> None:
    shown = json.loads(cli.ok("report", "week", "--json"))
    assert shown["week"] == "2026-W20" and shown["zone"] == "Asia/Manila"
    assert (shown["hours_worked"], shown["promised_hours"]) == (10.0, 15.0)
    assert (shown["billable_hours"], shown["trying_hours"], shown["out_of_hours_hours"]) == (
        9.0,
        1.0,
        9.0,
    )
    (acme,) = shown["clients"]
    assert acme["client"] == "Acme" and acme["promised_hours"] == 15.0
    assert acme["week"]["hours_worked"] == 10.0 and acme["week"]["amount"] == "180.00"
    assert acme["week"]["out_of_hours_hours"] == 9.0
    indicators = {i["key"]: i for i in shown["indicators"]}
    assert (
        indicators["out_of_hours"]["value"] == 9.0 and indicators["out_of_hours"]["colour"] == "red"
    )
    assert indicators["weekly_hours"]["colour"] == "green"
    earlier = json.loads(cli.ok("report", "week", "--week", "2026-W19", "--weeks", "6", "--json"))
    assert earlier["hours_worked"] == 0.0 and len(earlier["weeks"]) == 6


def test_report_week_as_text(cli: Cli) -> None:
    shown = cli.ok("report", "week")
    assert shown.startswith("Weekly review, week 20: Mon 11 May to Sun 17 May 2026 (Asia/Manila)")
    assert "Worked 10.0 h · promised 15.0 h · your limit 40.0 h" in shown
    assert "Work outside your own hours" in shown and "red" in shown
    assert "not medical or legal advice" in shown


def test_chart_week_writes_the_page_or_one_chart(cli: Cli, tmp_path: Path) -> None:
    assert "Wrote" in cli.ok("chart", "week", "--out", str(tmp_path / "review.pdf"))
    assert (tmp_path / "review.pdf").read_bytes().startswith(b"%PDF")
    cli.ok(
        "chart", "week", "--week", "2026-W20", "--chart", "days", "--out", str(tmp_path / "d.png")
    )
    assert (tmp_path / "d.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "week", "--week", "2026-W60"], "Cannot read the week '2026-W60'"),
        (["report", "week", "--weeks", "2"], "from 4 to 52 weeks, not 2"),
        (["chart", "week", "--out", "review.svg"], "as .pdf or .png, not '.svg'"),
        (["chart", "week", "--chart", "pie", "--out", "x.png"], "invalid choice: 'pie'"),
    ],
)
def test_bad_review_input_says_what_to_do(cli: Cli, argv: list[str], message: str) -> None:
    assert message in cli.bad(*argv)
