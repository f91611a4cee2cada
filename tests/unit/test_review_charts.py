"""The review's drawing functions on a bare Figure, and the page written as PDF and PNG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.entries import new_entry
from vatracker.domain.errors import InvalidInput
from vatracker.domain.promises import Promises
from vatracker.domain.weekly import parse_window
from vatracker.domain.weeks import Week
from vatracker.reports.review_charts import (
    DaysData,
    Series,
    TrendData,
    days_data,
    draw_days,
    draw_trend,
    trend_data,
)
from vatracker.reports.review_page import render, save
from vatracker.services.container import Services

TREND = TrendData(
    title="Hours worked against hours promised",
    labels=["W08", "W09", "W10"],
    series=[
        Series(
            "Acme",
            "#1f77b4",
            {"billable": [10, 12, 20], "trying": [1, 0, 2], "non_billable": [0, 1, 0]},
        ),
        Series(
            "Beta",
            "#ff7f0e",
            {"billable": [5, 5, 5], "trying": [0, 0, 0], "non_billable": [2, 2, 2]},
        ),
    ],
    promised=[30, 30, 35],
    limit=40,
    average=[18, 19.5, 22],
)


def figure() -> Figure:
    made = Figure(figsize=(9, 4), dpi=80)
    FigureCanvasAgg(made)
    return made


def bar_sets(axes) -> list[list[tuple[float, float, float]]]:  # type: ignore[no-untyped-def]
    """Each set of bars drawn, as (middle, bottom, height) per bar."""
    found = []
    for collection in axes.collections:
        if isinstance(collection, PatchCollection):
            boxes = [path.get_extents() for path in collection.get_paths()]
            found.append(
                [(round((b.x0 + b.x1) / 2, 6), round(b.y0, 6), round(b.height, 6)) for b in boxes]
            )
    return found


def test_the_trend_s_bars_are_the_hours_and_its_lines_the_promises_and_limit() -> None:
    drawn = figure()
    draw_trend(drawn, TREND)
    (axes,) = drawn.axes
    # Acme's billable bars stand on the ground; Beta's billable on top of all of Acme.
    billable, _trying, _non_billable = sets = bar_sets(axes)
    assert billable[:3] == [(0, 0, 10), (1, 0, 12), (2, 0, 20)]
    assert [bottom for _, bottom, _ in billable[3:]] == [11, 13, 22]
    tops: dict[float, float] = {}
    for bars in sets:
        for middle, bottom, height in bars:
            tops[round(middle)] = max(tops.get(round(middle), 0), bottom + height)
    assert tops == {0: 18, 1: 20, 2: 29}  # the week totals
    lines = {line.get_label(): line for line in axes.get_lines()}
    assert list(lines["Promised availability"].get_ydata()) == [30, 30, 35]
    assert list(lines["Your weekly limit"].get_ydata()) == [40, 40]
    assert list(lines["4-week average worked"].get_ydata()) == [18, 19.5, 22]
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend[:2] == ["Acme", "Beta"]
    assert {"Trying (billed attempts)", "Non-billable", "Your weekly limit"} <= set(legend)
    assert [label.get_text() for label in axes.get_xticklabels()] == ["W08", "W09", "W10"]
    # Faint bands from 40, 48 and 55 hours, marked on the hour axis and named in the legend.
    assert {40, 48, 55} <= {round(tick) for tick in axes.get_yticks()}
    assert "55 h+: WHO/ILO risk" in legend


def test_the_day_chart_hatches_work_outside_own_hours_and_marks_them() -> None:
    data = DaysData(
        title="Week 10, day by day",
        labels=["Mon", "Tue"],
        series=[Series("Acme", "#1f77b4", {"inside": [6, 8], "outside": [3, 0]})],
        own_hours=[8, 0],
    )
    drawn = figure()
    draw_days(drawn, data)
    (axes,) = drawn.axes
    inside, outside = bar_sets(axes)
    assert inside == [(0, 0, 6), (1, 0, 8)]
    assert outside == [(0, 6, 3)]  # only Monday had work outside own hours
    hatched = [c for c in axes.collections if isinstance(c, PatchCollection)][1]
    assert hatched.get_hatch() == "////"
    (marks,) = [c for c in axes.collections if isinstance(c, LineCollection)]
    assert [segment[0][1] for segment in marks.get_segments()] == [8]  # not on Tuesday
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert "Outside your own hours" in legend and "Your own hours that day" in legend


@pytest.fixture
def review(services: Services, clock: FakeClock):  # type: ignore[no-untyped-def]
    clock.set(at("2026-03-09 12:00"))
    acme = add_client(services, "Acme <b>Co</b>", "America/New_York")
    services.promises.set_promises(
        acme.id, Promises(windows=(parse_window("Mon-Fri 09:00-12:00"),))
    )
    zone = services.settings.va_zone()
    for start, end in (
        ("2026-03-02 23:30", "2026-03-03 01:30"),
        ("2026-03-04 09:00", "2026-03-04 17:00"),
    ):
        services.entries.add(new_entry(acme.id, task(services).id, at(start), zone, end=at(end)))
    return services.review.review(Week(2026, 10))


def test_chart_data_split_at_midnight(review) -> None:  # type: ignore[no-untyped-def]
    # FAULTS T5: the entry from 23:30 to 01:30 is 0.5 h on Monday and 1.5 h on Tuesday.
    (series,) = days_data(review).series
    worked = [a + b for a, b in zip(series.values["inside"], series.values["outside"], strict=True)]
    assert worked[:3] == [0.5, 1.5, 8.0]
    trend = trend_data(review)
    assert trend.totals[-1] == 10.0 and trend.promised[-1] == 15.0 and trend.limit == 40.0


def test_the_page_and_each_chart_are_written(review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = save(review, tmp_path / "review.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and render(review, ".pdf") == pdf.read_bytes()
    for chart in ("hours", "days", "map"):
        png = save(review, tmp_path / f"{chart}.png", chart)
        assert png.read_bytes().startswith(b"\x89PNG")
    with pytest.raises(InvalidInput, match="as .pdf or .png, not '.svg'"):
        save(review, tmp_path / "review.svg")
    with pytest.raises(InvalidInput, match="Unknown chart 'pie'"):
        save(review, tmp_path / "pie.png", "pie")
    assert not (tmp_path / "review.svg").exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in (
            "Weekly review · week 10",
            "Hours worked against hours promised",
            "Sustainability this week",
            "Acme <b>Co</b>",  # a client's name is text, never markup
            "not medical or legal advice",
        ):
            assert expected in text, expected
