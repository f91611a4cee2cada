"""The whole weekly review on one landscape page (PDF or PNG), and each chart on its own.

Everything is drawn by matplotlib on a Figure, without Qt: the window and the command line
export the same page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import InvalidInput
from ..domain.indicators import DISCLAIMER, Level
from ..domain.review import WeeklyReview
from .availability_map import MapClient, MapData, draw_availability_map, draw_map_on, map_data
from .files import atomic_write
from .review_charts import days_data, draw_days, draw_days_on, draw_trend, draw_trend_on, trend_data
from .review_tables import CLIENT_HEADERS, client_rows, summary, trend_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.table import Table

PAGE_INCHES = (11.69, 8.27)  # A4, landscape
CHART_INCHES = (10.0, 4.4)
LEVEL_COLOURS = {Level.GREEN: "#bbf7d0", Level.AMBER: "#fde68a", Level.RED: "#fca5a5"}
CHARTS = ("hours", "days", "map")
FORMATS = (".pdf", ".png")


def review_map(review: WeeklyReview) -> MapData:
    return map_data(review.picture, [MapClient(c.id, c.name, c.colour) for c in review.clients])


def draw_review_page(figure: Figure, review: WeeklyReview) -> None:
    """The review on one page: the two charts, the map, the indicators and the clients."""
    figure.clear()
    first, last = review.week.days[0], review.week.days[-1]
    figure.text(
        0.03,
        0.965,
        f"Weekly review · week {review.week.number}, {first:%a %d %b} to {last:%a %d %b %Y} "
        f"· {review.zone}",
        fontsize=13,
        fontweight="bold",
        va="top",
    )
    figure.text(0.03, 0.935, summary(review), fontsize=9, color="#374151", va="top")
    grid = figure.add_gridspec(
        3,
        2,
        left=0.05,
        right=0.98,
        top=0.89,
        bottom=0.05,
        hspace=0.85,
        wspace=0.16,
        height_ratios=[1.0, 0.95, 0.8],
        width_ratios=[1.15, 1.0],
    )
    draw_trend_on(figure.add_subplot(grid[0, 0]), trend_data(review), legend="below")
    draw_days_on(figure.add_subplot(grid[0, 1]), days_data(review), legend="below")
    draw_map_on(figure.add_subplot(grid[1, 0]), review_map(review), legend="below")
    _indicator_table(figure.add_subplot(grid[1, 1]), review)
    _client_table(figure.add_subplot(grid[2, :]), review)
    notes = " ".join([DISCLAIMER, *review.notes])
    figure.text(0.03, 0.015, notes, fontsize=7, color="#6b7280")


def _indicator_table(axes: Axes, review: WeeklyReview) -> None:
    axes.axis("off")
    axes.set_title("Sustainability this week", fontsize=10, loc="left")
    rows = [
        [i.spec.label, i.describe_value(), i.level.value, trend_text(i)] for i in review.indicators
    ]
    table = _table(
        axes,
        ["Indicator", "This week", "Level", "vs 4 weeks before"],
        rows,
        [0.5, 0.16, 0.11, 0.23],
        7.5,
    )
    for index, indicator in enumerate(review.indicators, start=1):
        table[index, 2].set_facecolor(LEVEL_COLOURS[indicator.level])


def _client_table(axes: Axes, review: WeeklyReview) -> None:
    axes.axis("off")
    axes.set_title(
        f"Per client: week {review.week.number} and {review.month.first_day:%B %Y}",
        fontsize=10,
        loc="left",
    )
    rows = []
    for week_row, month_row in zip(
        client_rows(review), client_rows(review, month=True), strict=True
    ):
        rows.append([week_row[0], f"week {review.week.number}", *week_row[1:]])
        rows.append(["", f"{review.month.first_day:%B}", *month_row[1:]])
    if not rows:
        axes.text(0, 0.8, "No client has promises or work in this week or month.", fontsize=8)
        return
    table = _table(
        axes,
        [CLIENT_HEADERS[0], "Period", *CLIENT_HEADERS[1:]],
        rows,
        [0.13, 0.08, 0.06, 0.11, 0.11, 0.05, 0.08, 0.11, 0.15, 0.12],
        7,
    )
    for (row, _column), cell in table.get_celld().items():
        if row and row % 2 == 0:
            cell.set_facecolor("#fafafa")


def _table(
    axes: Axes, headers: list[str], rows: list[list[str]], widths: list[float], size: float
) -> Table:
    """A plain table filling `axes`: a grey bold header, light rules."""
    from matplotlib.transforms import Bbox

    table = axes.table(
        cellText=rows,
        colLabels=headers,
        colWidths=widths,
        bbox=Bbox.from_bounds(0, 0, 1, 1),
        cellLoc="left",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(size)
    for (row, _column), cell in table.get_celld().items():
        cell.set_edgecolor("#e5e7eb")
        if row == 0:
            cell.set_text_props(fontweight="bold")
            cell.set_facecolor("#f3f4f6")
    return table


def _chart_drawers() -> dict[str, Callable[[Figure, WeeklyReview], None]]:
    return {
        "hours": lambda figure, review: draw_trend(figure, trend_data(review)),
        "days": lambda figure, review: draw_days(figure, days_data(review)),
        "map": lambda figure, review: draw_availability_map(figure, review_map(review)),
    }


def render(review: WeeklyReview, suffix: str, chart: str | None = None, dpi: int = 110) -> bytes:
    """The review page (or one chart) as PDF or PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if suffix not in FORMATS:
        raise InvalidInput(f"Write the review as .pdf or .png, not {suffix or 'no ending'!r}.")
    if chart is not None and chart not in CHARTS:
        raise InvalidInput(f"Unknown chart {chart!r}: choose {', '.join(CHARTS)}.")
    figure = Figure(figsize=PAGE_INCHES if chart is None else CHART_INCHES, dpi=dpi)
    FigureCanvasAgg(figure)
    if chart is None:
        draw_review_page(figure, review)
    else:
        _chart_drawers()[chart](figure, review)
    buffer = io.BytesIO()
    # A fixed creation date: the same review gives the same file.
    metadata = {"CreationDate": None} if suffix == ".pdf" else {"Software": None}
    figure.savefig(buffer, format=suffix[1:], metadata=metadata)
    return buffer.getvalue()


def save(review: WeeklyReview, path: Path, chart: str | None = None) -> Path:
    """Write the review page (or one chart) to `path`, whole or not at all."""
    atomic_write(path, render(review, path.suffix.lower(), chart))
    return path


def default_name(review: WeeklyReview, chart: str | None, suffix: str) -> str:
    return f"Review {review.week}{'' if chart is None else ' ' + chart}{suffix}"
