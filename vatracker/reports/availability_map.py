"""The availability map: a week in the VA's zone, 7 days by 24 hours, with each client's
windows in the client's colour, their collisions, the VA's own hours and the work done.

`map_data` turns a week into plain rectangles (no zones left); `draw_availability_map` draws them
on a matplotlib Figure. Neither imports Qt; matplotlib is imported only by the drawing function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..domain.availability import WeekPicture
from ..domain.colours import PALETTE
from ..domain.weekly import Span
from ..domain.zones import day_bounds, local_date
from .legend import LegendEntry, chart_axes, place_legend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Block:
    """A stretch on the map: day column 0-6, from hour `top` to hour `bottom` (wall clock)."""

    day: int
    top: float
    bottom: float
    client_id: int | None = None

    @property
    def hours(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class MapClient:
    client_id: int
    name: str
    colour: str


@dataclass(frozen=True)
class MapData:
    title: str
    day_labels: list[str]
    clients: list[MapClient]
    windows: list[Block] = field(default_factory=list)
    own_hours: list[Block] = field(default_factory=list)
    overlaps: list[Block] = field(default_factory=list)
    outside_own_hours: list[Block] = field(default_factory=list)
    work: list[Block] = field(default_factory=list)
    prospect: list[Block] = field(default_factory=list)


def blocks(
    spans: Sequence[Span], week_start: int, tz: ZoneInfo, client_id: int | None = None
) -> list[Block]:
    """Spans as map blocks by the wall clock, cut at each local midnight: an entry from 23:30 to
    01:30 is half an hour on one day and an hour and a half on the next."""
    monday = local_date(week_start, tz)
    found = []
    for span in spans:
        start = span.start
        while start < span.end:
            day_end = day_bounds(local_date(start, tz), tz)[1]
            end = min(span.end, day_end)
            day = (local_date(start, tz) - monday).days
            top = _wall_hours(start, tz)
            bottom = 24.0 if end == day_end else _wall_hours(end, tz)
            if 0 <= day < 7:
                found.append(Block(day, top, max(top, bottom), client_id))
            start = end
    return found


def _wall_hours(instant: int, tz: ZoneInfo) -> float:
    local = datetime.fromtimestamp(instant, tz)
    return local.hour + local.minute / 60 + local.second / 3600


def map_data(
    picture: WeekPicture,
    clients: Sequence[MapClient],
    prospect: Sequence[Span] = (),
) -> MapData:
    """The week's picture as blocks to draw. Clients without windows or work are left out."""
    tz, start = picture.zone, picture.start
    shown = [
        c
        for c in clients
        if picture.windows.get(c.client_id) or picture.work_spans.get(c.client_id)
    ]
    return MapData(
        title=f"Week {picture.week} ({tz.key})",
        day_labels=[day.strftime("%a %d %b") for day in picture.week.days],
        clients=list(shown),
        windows=[
            b
            for c in shown
            for b in blocks(picture.windows.get(c.client_id, []), start, tz, c.client_id)
        ],
        own_hours=blocks(picture.own_hours, start, tz),
        overlaps=blocks([o.span for o in picture.overlaps], start, tz),
        outside_own_hours=[
            b
            for client_id, spans in picture.outside_own_hours.items()
            for b in blocks(spans, start, tz, client_id)
        ],
        work=[
            b
            for c in shown
            for b in blocks(picture.work_spans.get(c.client_id, []), start, tz, c.client_id)
        ],
        prospect=blocks(prospect, start, tz, -1),
    )


# Drawing ------------------------------------------------------------------------------------

OWN_HOURS_COLOUR = "#e6f4ea"
OVERLAP_COLOUR = "#c62828"
WORK_WIDTH = 0.16
PROSPECT_COLOUR = "#555555"
#: Laid over the part of a window outside the VA's own hours: the client's colour, darkened.
OUTSIDE_COLOUR = (0.0, 0.0, 0.0, 0.35)


def draw_availability_map(figure: Figure, data: MapData, *, legend: str = "right") -> None:
    """Draw the map on `figure` (cleared first), its legend on the right (or "none")."""
    draw_map_on(chart_axes(figure, "map"), data, legend=legend)
    fit_beside_legend(figure)


def draw_map_on(axes: Axes, data: MapData, *, legend: str = "right") -> None:
    """Draw the map on `axes`. Lanes: one per client in each day column. `legend`: "right",
    "below" or "none"."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    lanes = {c.client_id: i for i, c in enumerate(data.clients)}
    lane_count = max(1, len(data.clients) + (1 if data.prospect else 0))
    lane_width = (1 - WORK_WIDTH - 0.08) / lane_count
    colours = _colours(data)

    def lane_rect(block: Block, lane: int) -> Rectangle:
        return Rectangle((block.day + 0.04 + lane * lane_width, block.top), lane_width, block.hours)

    axes.add_collection(
        PatchCollection(
            [Rectangle((b.day, b.top), 1, b.hours) for b in data.own_hours],
            facecolor=OWN_HOURS_COLOUR,
            edgecolor="none",
            zorder=1,
        )
    )
    axes.add_collection(
        PatchCollection(
            [lane_rect(b, lanes[b.client_id]) for b in data.windows if b.client_id in lanes],
            facecolor=[colours[b.client_id] for b in data.windows if b.client_id in lanes],
            edgecolor="white",
            linewidth=0.5,
            alpha=0.75,
            zorder=2,
        )
    )
    axes.add_collection(
        PatchCollection(
            [
                lane_rect(b, lanes[b.client_id])
                for b in data.outside_own_hours
                if b.client_id in lanes
            ],
            facecolor=OUTSIDE_COLOUR,
            edgecolor="none",
            zorder=3,
        )
    )
    if data.prospect:
        axes.add_collection(
            PatchCollection(
                [lane_rect(b, lane_count - 1) for b in data.prospect],
                facecolor="white",
                edgecolor=PROSPECT_COLOUR,
                hatch="xx",
                linewidth=1.0,
                linestyle="--",
                zorder=2,
            )
        )
    axes.add_collection(
        PatchCollection(
            [Rectangle((b.day + 0.02, b.top), 0.96, b.hours) for b in data.overlaps],
            facecolor="none",
            edgecolor=OVERLAP_COLOUR,
            linewidth=1.6,
            zorder=4,
        )
    )
    axes.add_collection(
        PatchCollection(
            [
                Rectangle((b.day + 1 - WORK_WIDTH - 0.02, b.top), WORK_WIDTH, b.hours)
                for b in data.work
                if b.client_id in lanes
            ],
            facecolor=[colours[b.client_id] for b in data.work if b.client_id in lanes],
            edgecolor="black",
            linewidth=0.6,
            zorder=5,
        )
    )
    axes.set_xlim(0, 7)
    axes.set_ylim(24, 0)
    axes.set_xticks([i + 0.5 for i in range(7)], data.day_labels)
    axes.set_yticks(range(0, 25, 3), [f"{h:02d}:00" for h in range(0, 25, 3)])
    axes.tick_params(axis="both", labelsize=8, length=0)
    # One collection per set of lines: far cheaper to draw than a tick or line each.
    axes.hlines(range(1, 24), 0, 7, colors="#eeeeee", linewidth=0.6, zorder=0)
    axes.vlines(range(1, 7), 0, 24, colors="#bbbbbb", linewidth=0.8, zorder=0)
    axes.set_title(data.title, fontsize=10, loc="left")
    place_legend(axes, map_legend(data), legend)


def map_legend(data: MapData) -> list[LegendEntry]:
    colours = _colours(data)
    entries = [LegendEntry(c.name, colours[c.client_id], alpha=0.75) for c in data.clients]
    entries += [
        LegendEntry("Your own hours", OWN_HOURS_COLOUR),
        LegendEntry("Promised twice", "none", edge=OVERLAP_COLOUR),
        LegendEntry("Outside your hours (darker)", "#8a8a8a"),
        LegendEntry("Work done (right edge)", "#999999", edge="black"),
    ]
    if data.prospect:
        entries.append(LegendEntry("Prospective client", "white", hatch="xx", edge=PROSPECT_COLOUR))
    return entries


def _colours(data: MapData) -> dict[int, str]:
    return {c.client_id: c.colour or PALETTE[i % len(PALETTE)] for i, c in enumerate(data.clients)}


def fit_beside_legend(
    figure: Figure, left: float = 0.6, bottom: float = 0.6, top: float = 0.35
) -> None:
    """Margins in inches around the one axes of `figure`, and on the right the room its
    legend takes: the chart fills what is left at any size (and far faster than a layout
    engine, which measures every label)."""
    (axes,) = figure.axes
    legend = axes.get_legend()
    width, height = figure.get_size_inches()
    right = 0.15
    if legend is not None:
        right += legend.get_window_extent().width / figure.dpi + 0.1
    figure.subplots_adjust(
        left=left / width,
        right=max(0.3, 1 - right / width),
        bottom=bottom / height,
        top=1 - top / height,
    )
