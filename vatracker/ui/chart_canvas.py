"""Charts as widgets: matplotlib is loaded the first time a chart is shown, never at start-up.

The legend is painted by Qt beside the chart (the same entries matplotlib draws in exported
files): a chart with twenty entries redraws in two thirds of the time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..reports.availability_map import MapData
from ..reports.legend import LegendEntry
from .text import plain_label

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

SWATCH_WIDTH, SWATCH_HEIGHT = 18, 11


def swatch(entry: LegendEntry) -> QPixmap:
    """A small picture of a legend entry: a filled (or hatched, or outlined) box, or a line."""
    pixmap = QPixmap(SWATCH_WIDTH, SWATCH_HEIGHT)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1, 1, SWATCH_WIDTH - 2, SWATCH_HEIGHT - 2)
    if entry.line is not None:
        pen = QPen(QColor(entry.colour), 2)
        if entry.line == "--":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        middle = SWATCH_HEIGHT / 2
        painter.drawLine(QPointF(1, middle), QPointF(SWATCH_WIDTH - 1, middle))
        if entry.marker:
            painter.setBrush(QColor(entry.colour))
            painter.drawEllipse(QPointF(SWATCH_WIDTH / 2, middle), 2.5, 2.5)
    else:
        if entry.colour != "none":
            fill = QColor(entry.colour)
            fill.setAlphaF(entry.alpha)
            painter.fillRect(box, fill)
        if entry.hatch:
            hatch = QColor(entry.edge or entry.colour)
            painter.fillRect(box, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        if entry.edge:
            painter.setPen(QPen(QColor(entry.edge), 1.2))
            painter.drawRect(box)
    painter.end()
    return pixmap


class Legend(QWidget):
    """Legend entries, one per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LegendEntry] = []
        self.setObjectName("chartLegend")
        self.setAutoFillBackground(True)
        # On white like the chart beside it, so its text is dark in a dark theme too.
        self.setStyleSheet(
            "#chartLegend { background: white; } #chartLegend QLabel { color: #1f2328; }"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 24, 4, 4)
        self._layout.setSpacing(2)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        if entries == self.entries:
            return
        self.entries = entries
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for entry in entries:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            picture = QLabel()
            picture.setPixmap(swatch(entry))
            text = plain_label(entry.label)
            text.setFont(font)
            line.addWidget(picture)
            line.addWidget(text, 1)
            self._layout.addWidget(row)
        self._layout.addStretch(1)


class ChartCanvas(QWidget):
    """A place for one chart; `show_chart` draws it with a drawing function, its data and, if
    given, the legend entries shown beside it."""

    def __init__(
        self,
        minimum_height: int = 320,
        figure_inches: tuple[float, float] = (9, 5),
        name: str = "chart",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumHeight(minimum_height)
        self.canvas: FigureCanvasQTAgg | None = None
        self.data: Any = None
        self.legend = Legend()
        self.legend.hide()
        self._inches = figure_inches
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._placeholder = QLabel("Loading the chart…")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder, 1)
        self._layout.addWidget(self.legend)

    def show_chart(
        self,
        draw: Callable[..., None],
        data: Any,
        legend: list[LegendEntry],
    ) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        if self.canvas is None:
            self.canvas = FigureCanvasQTAgg(Figure(figsize=self._inches, dpi=90))  # type: ignore[no-untyped-call]
            self._layout.replaceWidget(self._placeholder, self.canvas)
            self._layout.setStretchFactor(self.canvas, 1)
            self._placeholder.deleteLater()
        self.data = data
        draw(self.canvas.figure, data, legend="none")  # the legend is painted by Qt beside it
        self.legend.set_entries(legend)
        # Drawn now rather than when idle: what the VA waits for is over when this returns.
        self.canvas.draw()  # type: ignore[no-untyped-call]


class MapCanvas(ChartCanvas):
    """The availability map."""

    def __init__(self, minimum_height: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(minimum_height, (9, 5), "availabilityMap", parent)

    def show_map(self, data: MapData) -> None:
        from ..reports.availability_map import draw_availability_map, map_legend

        self.show_chart(draw_availability_map, data, map_legend(data))
