"""The availability map's blocks and drawing, without a window."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure

from tests.helpers import at
from vatracker.domain.availability import ClientPromises, week_picture
from vatracker.domain.entries import new_entry
from vatracker.domain.promises import OwnHours, Promises
from vatracker.domain.weekly import Span, parse_window
from vatracker.domain.weeks import Week
from vatracker.reports.availability_map import (
    Block,
    MapClient,
    blocks,
    draw_availability_map,
    map_data,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def test_work_across_midnight_is_split_into_its_two_days() -> None:
    # FAULTS T5: 23:30 to 01:30 is 30 minutes on Monday and 90 on Tuesday.
    week_start = Week.parse("2026-W20").bounds(LONDON)[0]
    span = Span(at("2026-05-11 23:30", "Europe/London"), at("2026-05-12 01:30", "Europe/London"))
    assert blocks([span], week_start, LONDON, 7) == [Block(0, 23.5, 24.0, 7), Block(1, 0.0, 1.5, 7)]


def test_blocks_follow_the_wall_clock_on_the_night_the_clocks_go_forward() -> None:
    week = Week.parse("2026-W13")  # London springs forward on Sunday 29 March
    start, end = week.bounds(LONDON)
    sunday = Span(at("2026-03-29 00:30", "Europe/London"), at("2026-03-29 03:30", "Europe/London"))
    assert sunday.seconds == 2 * 3600
    assert blocks([sunday], start, LONDON) == [Block(6, 0.5, 3.5)]
    assert end - start == 167 * 3600


def test_the_map_data_for_a_week_between_the_clock_changes() -> None:
    acme = ClientPromises(1, NEW_YORK, Promises((parse_window("Mon-Fri 09:00-11:00"),)))
    beta = ClientPromises(2, LONDON, Promises((parse_window("Mon-Fri 13:30-14:30"),)))
    work = [
        new_entry(
            1,
            1,
            at("2026-03-10 13:30", "Europe/London"),
            LONDON,
            end=at("2026-03-10 15:00", "Europe/London"),
        )
    ]
    picture = week_picture([acme, beta], OwnHours(), LONDON, Week.parse("2026-W11"), work)
    data = map_data(
        picture,
        [
            MapClient(1, "Acme", "#1f77b4"),
            MapClient(2, "Beta", "#ff7f0e"),
            MapClient(3, "Idle", "#2ca02c"),
        ],
    )
    assert [c.name for c in data.clients] == ["Acme", "Beta"]  # Idle has nothing this week
    assert {(b.top, b.bottom) for b in data.windows if b.client_id == 1} == {(13.0, 15.0)}
    assert {(b.top, b.bottom) for b in data.overlaps} == {(13.5, 14.5)}
    assert data.work == [Block(1, 13.5, 15.0, 1)]
    assert data.day_labels[0] == "Mon 09 Mar"
    assert data.title == "Week 2026-W11 (Europe/London)"


def test_the_drawing_shows_every_client_in_the_legend_and_each_block() -> None:
    acme = ClientPromises(1, NEW_YORK, Promises((parse_window("Mon-Fri 09:00-11:00"),)))
    picture = week_picture(
        [acme],
        OwnHours(windows=(parse_window("Mon-Fri 09:00-17:00"),)),
        LONDON,
        Week.parse("2026-W20"),
    )
    data = map_data(picture, [MapClient(1, "Acme <b>Co</b>", "")])
    figure = Figure()
    draw_availability_map(figure, data)
    axes = figure.axes[0]
    collections = [c for c in axes.collections if isinstance(c, PatchCollection)]
    sizes = [len(c.get_paths()) for c in collections]
    assert 5 in sizes  # five window blocks (Monday to Friday)
    labels = [text.get_text() for text in axes.get_legend().get_texts()]
    assert labels[0] == "Acme <b>Co</b>"  # plain text, and a colour even when none was kept
    assert "Your own hours" in labels and "Promised twice" in labels
    assert next(t.get_text() for t in axes.get_xticklabels()) == "Mon 11 May"
    assert axes.get_ylim() == (24.0, 0.0)
