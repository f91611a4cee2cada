"""Settings → Review: the weeks the trend shows, and each indicator's amber and red thresholds."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.indicators import DISCLAIMER, SPECS, Threshold
from ..services.review import MAX_WEEKS, MIN_WEEKS, ReviewService
from .text import plain_label


class ReviewSettingsForm(QWidget):
    def __init__(self, review: ReviewService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks_box = QSpinBox()
        self.weeks_box.setRange(MIN_WEEKS, MAX_WEEKS)
        self.weeks_box.setSuffix(" weeks")
        self.weeks_box.setValue(review.weeks_shown())
        self.weeks_box.setAccessibleName("Weeks in the trend")
        grid = QGridLayout()
        grid.addWidget(QLabel("Weeks in the trend chart"), 0, 0)
        grid.addWidget(self.weeks_box, 0, 1)
        grid.addWidget(QLabel("<b>Indicator</b>"), 1, 0)
        grid.addWidget(QLabel("<b>Amber above</b>"), 1, 1)
        grid.addWidget(QLabel("<b>Red at</b>"), 1, 2)
        self.boxes: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        thresholds = review.thresholds()
        for row, spec in enumerate(SPECS, start=2):
            name = plain_label(spec.label)
            name.setToolTip(spec.why)
            pair = (self._box(spec.label, "amber"), self._box(spec.label, "red"))
            for box in pair:
                box.setSuffix(f" {spec.unit}")
                box.setToolTip(spec.why)
            pair[0].setValue(thresholds[spec.key].amber_above)
            pair[1].setValue(thresholds[spec.key].red_at)
            grid.addWidget(name, row, 0)
            grid.addWidget(pair[0], row, 1)
            grid.addWidget(pair[1], row, 2)
            self.boxes[spec.key] = pair
        self.defaults_button = QPushButton("Restore the defaults")
        self.defaults_button.clicked.connect(self.restore_defaults)
        note = plain_label(DISCLAIMER)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.defaults_button)
        layout.addWidget(note)
        layout.addStretch(1)

    @staticmethod
    def _box(label: str, level: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, 168)
        box.setDecimals(1)
        box.setAccessibleName(f"{label}: {level}")
        return box

    def restore_defaults(self) -> None:
        for spec in SPECS:
            amber, red = self.boxes[spec.key]
            amber.setValue(spec.default.amber_above)
            red.setValue(spec.default.red_at)

    def thresholds(self) -> dict[str, Threshold]:
        """The thresholds as the form shows them; raises InvalidInput, naming the indicator,
        when red is not above amber."""
        from ..domain.errors import InvalidInput

        found = {}
        for spec in SPECS:
            amber, red = self.boxes[spec.key]
            try:
                found[spec.key] = Threshold(amber.value(), red.value())
            except InvalidInput as exc:
                raise InvalidInput(f"{spec.label}: {exc}") from None
        return found

    def store(self, review: ReviewService) -> None:
        """Save what the form shows (call `thresholds` first, so bad input changes nothing)."""
        thresholds = self.thresholds()
        review.set_weeks_shown(self.weeks_box.value())
        for key, threshold in thresholds.items():
            review.set_threshold(key, threshold)
