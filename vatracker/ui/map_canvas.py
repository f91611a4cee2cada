"""The availability map as a widget: matplotlib is loaded the first time a map is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..reports.availability_map import MapData

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg


class MapCanvas(QWidget):
    def __init__(self, minimum_height: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("availabilityMap")
        self.setMinimumHeight(minimum_height)
        self.canvas: FigureCanvasQTAgg | None = None
        self.data: MapData | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("Loading the map…")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)

    def show_map(self, data: MapData) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ..reports.availability_map import draw_availability_map

        if self.canvas is None:
            self.canvas = FigureCanvasQTAgg(Figure(figsize=(9, 5), dpi=90))  # type: ignore[no-untyped-call]
            self._layout.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            self._layout.addWidget(self.canvas)
        self.data = data
        draw_availability_map(self.canvas.figure, data)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
