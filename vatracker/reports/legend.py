"""Chart legends as plain entries, so the same legend can be drawn by matplotlib (in exported
files) or by Qt beside a chart in the window (far cheaper to paint than matplotlib's)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str  # fill, or the line's colour; "none" for an outline only
    alpha: float = 1.0
    hatch: str | None = None
    edge: str | None = None
    line: Literal["-", "--"] | None = None  # a line rather than a box
    marker: bool = False


def handles(entries: list[LegendEntry]) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    found: list[Any] = []
    for entry in entries:
        if entry.line is not None:
            found.append(
                Line2D(
                    [],
                    [],
                    color=entry.colour,
                    linestyle=entry.line,
                    linewidth=2.0,
                    marker="o" if entry.marker else None,
                    markersize=3.5,
                    label=entry.label,
                )
            )
        else:
            found.append(
                Patch(
                    facecolor=entry.colour,
                    alpha=entry.alpha,
                    hatch=entry.hatch,
                    edgecolor=entry.edge or "none",
                    label=entry.label,
                )
            )
    return found


def place_legend(axes: Axes, entries: list[LegendEntry], where: str) -> None:
    """A legend to the right of the axes, in rows below them, or none (where the window
    draws it itself)."""
    if where == "right":
        axes.legend(
            handles=handles(entries),
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            fontsize=7.5,
            frameon=False,
        )
    elif where == "below":
        axes.legend(
            handles=handles(entries),
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            fontsize=6.5,
            frameon=False,
            ncol=4,
            columnspacing=1.0,
            handlelength=1.4,
        )


def chart_axes(figure: Figure, kind: str) -> Axes:
    """The axes to draw a chart of `kind` on: the ones already there, emptied of data, when
    the figure last showed the same kind (a week's chart redrawn for the next week keeps its
    ticks and frame, a fifth of the work); else new ones on a cleared figure."""
    if len(figure.axes) == 1 and figure.axes[0].get_label() == kind:
        axes = figure.axes[0]
        for artist in [*axes.collections, *axes.lines, *axes.patches, *axes.texts]:
            artist.remove()
        legend = axes.get_legend()
        if legend is not None:
            legend.remove()
        return axes
    figure.clear()
    axes = figure.add_subplot(1, 1, 1)
    axes.set_label(kind)
    return axes
