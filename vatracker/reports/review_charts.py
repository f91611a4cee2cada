"""The weekly review's charts: hours worked against promised week by week, and the week day by
day. `trend_data` and `days_data` turn a review into plain numbers; the drawing functions put
them on a matplotlib Figure (or Axes). Neither imports Qt; matplotlib loads only when drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.colours import PALETTE
from ..domain.review import HOUR, ReviewClient, WeeklyReview
from .availability_map import fit_beside_legend
from .legend import LegendEntry, chart_axes, place_legend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Faint bands behind the weekly bars: a normal week, the EU Directive's 48-hour average, and the
#: WHO/ILO 55-hour mark.
BANDS = ((40.0, 48.0, "#fef3c7"), (48.0, 55.0, "#fed7aa"), (55.0, None, "#fecaca"))
BAND_LABELS = ("40-48 h: past a normal week", "48-55 h: past the EU average", "55 h+: WHO/ILO risk")
PROMISED_COLOUR, LIMIT_COLOUR, AVERAGE_COLOUR = "#1f2937", "#b91c1c", "#6d28d9"
#: Billed work solid, attempts lighter and outlined in the client's colour (a hatch would read as
#: well but takes a quarter of the chart's drawing time), non-billable pale.
KIND_STYLES: dict[str, dict[str, Any]] = {
    "billable": {"alpha": 0.95},
    "trying": {"alpha": 0.5},
    "non_billable": {"alpha": 0.25},
}
KIND_LABELS = {
    "billable": "Billable",
    "trying": "Trying (billed attempts)",
    "non_billable": "Non-billable",
}


@dataclass(frozen=True)
class Series:
    """One client's hours, one value per bar."""

    name: str
    colour: str
    values: dict[str, list[float]]  # kind -> hours per bar


@dataclass(frozen=True)
class StackedData:
    """Bars stacked by client and kind, one per label."""

    title: str
    labels: list[str]
    series: list[Series]

    @property
    def totals(self) -> list[float]:
        return [
            sum(s.values[kind][i] for s in self.series for kind in s.values)
            for i in range(len(self.labels))
        ]


@dataclass(frozen=True)
class TrendData(StackedData):
    """series kinds: billable, trying, non_billable"""

    promised: list[float]
    limit: float
    average: list[float]


@dataclass(frozen=True)
class DaysData(StackedData):
    """series kinds: inside, outside (own hours)"""

    own_hours: list[float]


def _colour(client: ReviewClient, index: int) -> str:
    return client.colour or PALETTE[index % len(PALETTE)]


def trend_data(review: WeeklyReview) -> TrendData:
    """Each week's hours by client and kind, the hours promised, the limit, the 4-week average."""
    series = []
    for index, client in enumerate(review.trend_clients):
        values = {
            kind: [getattr(bar.worked.get(client.id), kind, 0) / HOUR for bar in review.weeks]
            for kind in ("billable", "trying", "non_billable")
        }
        if any(any(v) for v in values.values()):
            series.append(Series(client.name, _colour(client, index), values))
    first, last = review.weeks[0].week.monday, review.week.days[-1]
    return TrendData(
        title=f"Hours worked against hours promised, {first:%d %b} to {last:%d %b %Y}",
        labels=[f"W{bar.week.number:02d}" for bar in review.weeks],
        series=series,
        promised=[bar.promised / HOUR for bar in review.weeks],
        limit=review.limit / HOUR,
        average=review.rolling_average,
    )


def days_data(review: WeeklyReview) -> DaysData:
    """Each day's hours by client, inside and outside own hours, and own hours' length."""
    series = []
    for index, client in enumerate(review.clients):
        inside = [bar.worked.get(client.id, (0, 0))[0] / HOUR for bar in review.days]
        outside = [bar.worked.get(client.id, (0, 0))[1] / HOUR for bar in review.days]
        if any(inside) or any(outside):
            series.append(
                Series(client.name, _colour(client, index), {"inside": inside, "outside": outside})
            )
    labels = []
    for bar in review.days:
        label = f"{bar.day:%a %d}"
        if bar.length != 24 * HOUR:
            label += f"\n({bar.length // HOUR} h day)"
        labels.append(label)
    return DaysData(
        title=f"Week {review.week.number}, day by day ({review.zone})",
        labels=labels,
        series=series,
        own_hours=[bar.own_hours / HOUR for bar in review.days],
    )


# Drawing ------------------------------------------------------------------------------------


def draw_trend(figure: Figure, data: TrendData, *, legend: str = "right") -> None:
    draw_trend_on(chart_axes(figure, "trend"), data, legend=legend)
    fit_beside_legend(figure)


def draw_trend_on(axes: Axes, data: TrendData, *, legend: str = "right") -> None:
    """Bars stacked by client and kind; lines for promised hours, the limit, the average; faint
    bands from 40, 48 and 55 hours, which the hour axis marks."""

    positions = list(range(len(data.labels)))
    top = max([55.0, data.limit, *data.promised, *data.totals, *data.average]) * 1.12
    for low, high, colour in BANDS:
        axes.axhspan(low, top if high is None else high, color=colour, alpha=0.45, lw=0, zorder=0)
    stack_layers(
        axes,
        positions,
        [
            (kind, series.colour, series.values[kind])
            for series in data.series
            for kind in ("billable", "trying", "non_billable")
        ],
        0.7,
        {
            kind: {**style, "edgecolor": "same" if kind == "trying" else "white"}
            for kind, style in KIND_STYLES.items()
        },
    )
    axes.plot(
        positions,
        data.promised,
        color=PROMISED_COLOUR,
        marker="o",
        markersize=3.5,
        linewidth=1.6,
        zorder=4,
        label="Promised availability",
    )
    axes.axhline(
        data.limit,
        color=LIMIT_COLOUR,
        linestyle="--",
        linewidth=1.3,
        zorder=4,
        label="Your weekly limit",
    )
    axes.plot(
        positions,
        data.average,
        color=AVERAGE_COLOUR,
        linewidth=2.2,
        zorder=5,
        label="4-week average worked",
    )
    ticks = sorted({*range(0, int(top) + 1, 10), 48, 55} - {50})
    _frame(axes, data.title, data.labels, top, ticks)
    labels = axes.get_xticklabels()
    for label in labels:  # reused axes keep the last drawing's bold week
        label.set_fontweight("normal")
    if labels:
        labels[-1].set_fontweight("bold")
    place_legend(axes, trend_legend(data), legend)


def trend_legend(data: TrendData) -> list[LegendEntry]:
    entries = [LegendEntry(s.name, s.colour) for s in data.series]
    entries += [
        LegendEntry(KIND_LABELS[kind], "#6b7280", edge="#6b7280", **KIND_STYLES[kind])
        for kind in ("billable", "trying", "non_billable")
    ]
    entries += [
        LegendEntry("Promised availability", PROMISED_COLOUR, line="-", marker=True),
        LegendEntry("Your weekly limit", LIMIT_COLOUR, line="--"),
        LegendEntry("4-week average worked", AVERAGE_COLOUR, line="-"),
    ]
    entries += [
        LegendEntry(text, colour, alpha=0.8)
        for (_low, _high, colour), text in zip(BANDS, BAND_LABELS, strict=True)
    ]
    return entries


def draw_days(figure: Figure, data: DaysData, *, legend: str = "right") -> None:
    draw_days_on(chart_axes(figure, "days"), data, legend=legend)
    fit_beside_legend(figure)


def draw_days_on(axes: Axes, data: DaysData, *, legend: str = "right") -> None:
    """Each day's hours stacked by client: inside own hours solid, outside hatched; a black mark
    at the length of own hours that day."""

    positions = list(range(len(data.labels)))
    stack_layers(
        axes,
        positions,
        [
            (kind, series.colour, series.values[kind])
            for kind in ("inside", "outside")
            for series in data.series
        ],
        0.66,
        {
            "inside": {"alpha": 0.95, "edgecolor": "white"},
            "outside": {"alpha": 0.45, "hatch": "////", "edgecolor": "same"},
        },
    )
    marked = [(p, hours) for p, hours in zip(positions, data.own_hours, strict=True) if hours]
    axes.hlines(
        [hours for _, hours in marked],
        [p - 0.42 for p, _ in marked],
        [p + 0.42 for p, _ in marked],
        colors="black",
        linewidth=2.0,
        zorder=4,
        label="Your own hours that day",
    )
    top = max([8.0, *data.totals, *data.own_hours]) * 1.15
    _frame(axes, data.title, data.labels, top, None)
    place_legend(axes, days_legend(data), legend)


def days_legend(data: DaysData) -> list[LegendEntry]:
    entries = [LegendEntry(s.name, s.colour) for s in data.series]
    entries += [
        LegendEntry("In your own hours", "#6b7280"),
        LegendEntry("Outside your own hours", "#6b7280", alpha=0.45, hatch="////", edge="#6b7280"),
        LegendEntry("Your own hours that day", "black", line="-"),
    ]
    return entries


def stack_layers(
    axes: Axes,
    positions: list[int],
    layers: list[tuple[str, str, list[float]]],
    width: float,
    styles: dict[str, dict[str, Any]],
) -> None:
    """Bars stacked layer on layer, each layer (kind, colour, heights) on top of the ones
    before; drawn as one collection per kind of layer, far cheaper than a patch per bar. A
    style's edge colour "same" means the bar's own colour."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    bottom = [0.0] * len(positions)
    bars: dict[str, list[tuple[Rectangle, str]]] = {}
    for kind, colour, heights in layers:
        for x, base, height in zip(positions, bottom, heights, strict=True):
            if height > 0:
                bars.setdefault(kind, []).append(
                    (Rectangle((x - width / 2, base), width, height), colour)
                )
        bottom = [base + height for base, height in zip(bottom, heights, strict=True)]
    for kind, drawn in bars.items():
        style = dict(styles[kind])
        edge = style.pop("edgecolor")
        axes.add_collection(
            PatchCollection(
                [rectangle for rectangle, _ in drawn],
                facecolor=[colour for _, colour in drawn],
                edgecolor=[colour if edge == "same" else edge for _, colour in drawn],
                linewidth=0.4,
                zorder=2,
                **style,
            )
        )


def _frame(axes: Axes, title: str, labels: list[str], top: float, ticks: list[int] | None) -> None:
    """Limits, day or week labels, light horizontal rules and a title."""
    axes.set_xlim(-0.6, len(labels) - 0.4)
    axes.set_ylim(0, top)
    axes.set_xticks(range(len(labels)), labels)
    if ticks is not None:
        axes.set_yticks(ticks)
    axes.tick_params(axis="both", labelsize=7.5, length=0)
    axes.set_ylabel("hours", fontsize=8)
    axes.set_title(title, fontsize=10, loc="left")
    axes.grid(axis="y", color="#e5e7eb", linewidth=0.6, zorder=1)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
