"""Can I take another client? A prospective client's windows against this week's promises."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.entries import format_hours_minutes
from ..domain.errors import InvalidInput
from ..domain.promises import Promises
from ..domain.weekly import spans_between
from ..domain.zones import to_local, zone
from ..reports.availability_map import MapClient, map_data
from ..services.container import Services
from ..services.promises import WhatIf
from .catalog_dialogs import zone_picker
from .chart_canvas import MapCanvas
from .messages import ErrorLabel
from .promise_editors import WindowsEditor
from .text import plain_label


class WhatIfDialog(QDialog):
    def __init__(self, services: Services, default_zone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Can I take another client?")
        self.resize(900, 760)
        self._services = services
        self.zone_box = zone_picker(default_zone)
        self.zone_box.setAccessibleName("Their time zone")
        self.windows_editor = WindowsEditor((), "the new client")
        self.expected_hours = QDoubleSpinBox()
        self.expected_hours.setRange(0, 168)
        self.expected_hours.setSuffix(" h a week")
        self.expected_hours.setAccessibleName("Expected hours of work a week")
        self.check_button = QPushButton("Check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.error_label = ErrorLabel()
        self.verdict_label = plain_label()
        self.verdict_label.setObjectName("whatIfVerdict")
        self.verdict_label.setWordWrap(True)
        self.collisions_label = plain_label()
        self.collisions_label.setObjectName("whatIfCollisions")
        self.collisions_label.setWordWrap(True)
        self.map = MapCanvas(minimum_height=300)
        self.map.hide()
        form = QFormLayout()
        form.addRow("Their time &zone", self.zone_box)
        form.addRow("Windows they want (their time)", self.windows_editor)
        form.addRow("&Expected work", self.expected_hours)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.collisions_label)
        layout.addWidget(self.map, 1)
        layout.addWidget(close)
        self.answer: WhatIf | None = None

    def check(self) -> None:
        try:
            prospect = Promises(windows=self.windows_editor.windows())
            answer = self._services.promises.what_if(
                self.zone_box.currentText(), prospect, round(self.expected_hours.value() * 60)
            )
        except InvalidInput as exc:
            self.error_label.show_error(str(exc))
            return
        self.error_label.hide()
        self.answer = answer
        hours = format_hours_minutes
        over = answer.over_limit_seconds
        verdict = (
            f"{hours(over)} h over your {hours(answer.limit_seconds)} h weekly limit."
            if over
            else f"within your {hours(answer.limit_seconds)} h weekly limit."
        )
        self.verdict_label.setText(
            f"Promised this week now: {hours(answer.current_seconds)} h. With this client: "
            f"{hours(answer.new_total_seconds)} h, {verdict} Expected work with them: "
            f"{hours(answer.expected_seconds)} h a week."
        )
        names = {c.id: c.name for c in self._services.catalog.clients()}
        tz = answer.week.zone
        lines = []
        for collision in answer.collisions:
            who = (
                "outside your own hours"
                if collision.client_id is None
                else f"collides with {names.get(collision.client_id, '?')}"
            )
            first = to_local(collision.spans[0].start, tz)
            lines.append(f"{hours(collision.seconds)} h {who} (first: {first:%a %H:%M})")
        self.collisions_label.setText(
            "\n".join(lines) if lines else "No collisions with other clients or your hours."
        )
        self.map.show()
        self._draw(answer)

    def _draw(self, answer: WhatIf) -> None:
        clients = [MapClient(c.id, c.name, c.colour) for c in self._services.catalog.clients()]
        prospect = spans_between(
            self.windows_editor.windows(),
            zone(self.zone_box.currentText()),
            answer.week.start,
            answer.week.end,
        )
        self.map.show_map(map_data(answer.week, clients, prospect))
