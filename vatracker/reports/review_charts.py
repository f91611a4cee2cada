"""The weekly review's charts: hours worked against promised week by week, and the week day by
day. `trend_data` and `days_data` turn a review into plain numbers; the drawing functions put
them on a matplotlib Figure (or Axes). Neither imports Qt; matplotlib loads only when drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.colours import PALETTE
from ..domain.review import HOUR, WeeklyReview
from .availability_map import place_legend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Faint bands behind the weekly bars: a normal week, the EU Directive's 48-hour average, and the
#: WHO/ILO 55-hour mark.
BANDS = ((40.0, 48.0, "#fef3c7"), (48.0, 55.0, "#fed7aa"), (55.0, None, "#fecaca"))
PROMISED_COLOUR, LIMIT_COLOUR, AVERAGE_COLOUR = "#1f2937", "#b91c1c", "#6d28d9"
KIND_STYLES: dict[str, dict[str, Any]] = {
    "billable": {"alpha": 0.95},
    "trying": {"alpha": 0.55, "hatch": "////"},
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
class TrendData:
    title: str
    labels: list[str]
    series: list[Series]  # kinds: billable, trying, non_billable
    promised: list[float]
    limit: float
    average: list[float]

    @property
    def totals(self) -> list[float]:
        return [
            sum(s.values[kind][i] for s in self.series for kind in s.values)
            for i in range(len(self.labels))
        ]


@dataclass(frozen=True)
class DaysData:
    title: str
    labels: list[str]
    series: list[Series]  # kinds: inside, outside (own hours)
    own_hours: list[float]

    @property
    def totals(self) -> list[float]:
        return [
            sum(s.values[kind][i] for s in self.series for kind in s.values)
            for i in range(len(self.labels))
        ]


def _colour(review: WeeklyReview, index: int) -> str:
    return review.clients[index].colour or PALETTE[index % len(PALETTE)]


def trend_data(review: WeeklyReview) -> TrendData:
    """Each week's hours by client and kind, the hours promised, the limit, the 4-week average."""
    series = []
    for index, client in enumerate(review.clients):
        values = {
            kind: [getattr(bar.worked.get(client.id), kind, 0) / HOUR for bar in review.weeks]
            for kind in ("billable", "trying", "non_billable")
        }
        if any(any(v) for v in values.values()):
            series.append(Series(client.name, _colour(review, index), values))
    return TrendData(
        title=f"Hours worked against hours promised, {len(review.weeks)} weeks to {review.week}",
        labels=[f"W{bar.week.number:02d}\n{bar.week.monday:%d %b}" for bar in review.weeks],
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
                Series(client.name, _colour(review, index), {"inside": inside, "outside": outside})
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


def draw_trend(figure: Figure, data: TrendData) -> None:
    figure.clear()
    figure.set_layout_engine("constrained")  # room for the legend, whatever the size
    axes = figure.add_subplot(1, 1, 1)
    draw_trend_on(axes, data)


def draw_trend_on(axes: Axes, data: TrendData, *, legend: str = "right") -> None:
    """Bars stacked by client and kind; lines for promised hours, the limit, the average."""
    from matplotlib.patches import Patch

    positions = list(range(len(data.labels)))
    top = max([55.0, data.limit, *data.promised, *data.totals, *data.average]) * 1.12
    for low, high, colour in BANDS:
        axes.axhspan(
            low, high if high is not None else top, color=colour, alpha=0.45, lw=0, zorder=0
        )
        axes.text(
            1.005,
            low,
            f"{low:g} h",
            transform=axes.get_yaxis_transform(),
            fontsize=7,
            color="#92400e",
            va="center",
        )
    bottom = [0.0] * len(positions)
    for series in data.series:
        for kind in ("billable", "trying", "non_billable"):
            heights = series.values[kind]
            if not any(heights):
                continue
            axes.bar(
                positions,
                heights,
                bottom=bottom,
                width=0.7,
                color=series.colour,
                edgecolor="white" if kind != "trying" else series.colour,
                linewidth=0.4,
                zorder=2,
                label=f"{series.name}: {KIND_LABELS[kind]}",
                **KIND_STYLES[kind],
            )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
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
    axes.set_xlim(-0.6, len(positions) - 0.4)
    axes.set_ylim(0, top)
    axes.set_xticks(positions, data.labels)
    axes.tick_params(axis="both", labelsize=7.5, length=0)
    if data.labels:
        axes.get_xticklabels()[-1].set_fontweight("bold")
    axes.set_ylabel("hours", fontsize=8)
    axes.set_title(data.title, fontsize=10, loc="left")
    axes.grid(axis="y", color="#e5e7eb", linewidth=0.6, zorder=1)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles: list[Any] = [Patch(facecolor=s.colour, label=s.name) for s in data.series]
    handles += [
        Patch(facecolor="#6b7280", label=KIND_LABELS[kind], **KIND_STYLES[kind])
        for kind in ("billable", "trying", "non_billable")
    ]
    handles += [line for line in axes.get_lines() if not str(line.get_label()).startswith("_")]
    place_legend(axes, handles, legend, gap=0.07)


def draw_days(figure: Figure, data: DaysData) -> None:
    figure.clear()
    figure.set_layout_engine("constrained")  # room for the legend, whatever the size
    axes = figure.add_subplot(1, 1, 1)
    draw_days_on(axes, data)


def draw_days_on(axes: Axes, data: DaysData, *, legend: str = "right") -> None:
    """Each day's hours stacked by client: inside own hours solid, outside hatched; a black mark
    at the length of own hours that day."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    positions = list(range(len(data.labels)))
    bottom = [0.0] * len(positions)
    for kind in ("inside", "outside"):
        for series in data.series:
            heights = series.values[kind]
            if not any(heights):
                continue
            axes.bar(
                positions,
                heights,
                bottom=bottom,
                width=0.66,
                color=series.colour,
                alpha=0.95 if kind == "inside" else 0.45,
                hatch=None if kind == "inside" else "////",
                edgecolor="white" if kind == "inside" else series.colour,
                linewidth=0.4,
                zorder=2,
                label=f"{series.name}: {'in' if kind == 'inside' else 'outside'} your hours",
            )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
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
    axes.set_xlim(-0.6, len(positions) - 0.4)
    axes.set_ylim(0, top)
    axes.set_xticks(positions, data.labels)
    axes.tick_params(axis="both", labelsize=7.5, length=0)
    axes.set_ylabel("hours", fontsize=8)
    axes.set_title(data.title, fontsize=10, loc="left")
    axes.grid(axis="y", color="#e5e7eb", linewidth=0.6, zorder=1)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles: list[Any] = [Patch(facecolor=s.colour, label=s.name) for s in data.series]
    handles += [
        Patch(facecolor="#6b7280", label="In your own hours"),
        Patch(
            facecolor="#6b7280",
            alpha=0.45,
            hatch="////",
            edgecolor="#6b7280",
            label="Outside your own hours",
        ),
        Line2D([], [], color="black", linewidth=2.0, label="Your own hours that day"),
    ]
    place_legend(axes, handles, legend)
