"""A client's month against the agreed boundaries, with a note ready to copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Client
from ..domain.entries import format_hours_minutes
from ..domain.weeks import Month
from ..services.boundaries import BoundaryService
from .text import plain_label


class BoundariesDialog(QDialog):
    def __init__(
        self,
        boundaries: BoundaryService,
        client: Client,
        month: Month,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Boundaries: {client.name}")
        self.resize(640, 560)
        self._boundaries = boundaries
        self._client = client
        self._month = month
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName("Previous month")
        self.previous_button.clicked.connect(lambda: self.show_month(self._month.shifted(-1)))
        self.month_label = QLabel()
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName("Next month")
        self.next_button.clicked.connect(lambda: self.show_month(self._month.shifted(1)))
        self.facts_label = plain_label()
        self.facts_label.setObjectName("boundaryFacts")
        self.facts_label.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("boundaryNote")
        self.note_edit.setAccessibleName("Note to the client")
        self.copy_button = QPushButton("Copy the note")
        self.copy_button.clicked.connect(self.copy_note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        navigation = QHBoxLayout()
        for widget in (self.previous_button, self.month_label, self.next_button):
            navigation.addWidget(widget)
        navigation.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(self.copy_button)
        footer.addStretch(1)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(navigation)
        layout.addWidget(self.facts_label)
        layout.addWidget(QLabel("A note to send (edit it as you like, then copy):"))
        layout.addWidget(self.note_edit, 1)
        layout.addLayout(footer)
        self.show_month(month)

    def show_month(self, month: Month) -> None:
        self._month = month
        report = self._boundaries.for_client(self._client, month)
        self.month_label.setText(month.first_day.strftime("%B %Y"))
        windows = "; ".join(w.describe() for w in report.promises.windows) or "none agreed"
        self.facts_label.setText(
            f"Agreed availability: {windows} ({self._client.timezone}).\n"
            f"Requests: {len(report.requests)}, of which {report.requests_outside_windows} "
            f"outside those windows and {report.requests_outside_own_hours} outside your own "
            f"hours.\nWork: {format_hours_minutes(report.work.worked)} h, of which "
            f"{format_hours_minutes(report.work.out_of_hours)} h outside your own hours and "
            f"{format_hours_minutes(report.work.outside_client_windows)} h outside their windows."
        )
        self.note_edit.setPlainText(report.note)

    def copy_note(self) -> None:
        QGuiApplication.clipboard().setText(self.note_edit.toPlainText())
        self.copy_button.setText("Copied")
