"""Charts as widgets: matplotlib is loaded the first time a chart is shown, never at start-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..reports.availability_map import MapData

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure


class ChartCanvas(QWidget):
    """A place for one chart; `show_chart` draws it with a drawing function and its data."""

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
        self._inches = figure_inches
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("Loading the chart…")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)

    def show_chart(self, draw: Callable[[Figure, Any], None], data: Any) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        if self.canvas is None:
            self.canvas = FigureCanvasQTAgg(Figure(figsize=self._inches, dpi=90))  # type: ignore[no-untyped-call]
            self._layout.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            self._layout.addWidget(self.canvas)
        self.data = data
        draw(self.canvas.figure, data)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]


class MapCanvas(ChartCanvas):
    """The availability map."""

    def __init__(self, minimum_height: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(minimum_height, (9, 5), "availabilityMap", parent)

    def show_map(self, data: MapData) -> None:
        from ..reports.availability_map import draw_availability_map

        self.show_chart(draw_availability_map, data)
