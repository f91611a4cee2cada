"""The timer's questions: what an attempt revealed, and what to do with unseen time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.entries import describe_instant, describe_length
from ..services.timer import Gap, GapChoice
from .messages import message_box
from .text import plain_label


class FindingsDialog(QDialog):
    """Stop as trying: the time was an attempt; say what it revealed."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Stop as trying")
        self.setMinimumWidth(420)
        intro = QLabel(
            "This time goes on record as an attempt that has not succeeded yet. It is still "
            "paid work: note what it revealed, so the next try (and the invoice) can show it."
        )
        intro.setWordWrap(True)
        self.what_label = plain_label(what)
        font = self.what_label.font()
        font.setBold(True)
        self.what_label.setFont(font)
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setAccessibleName("Findings")
        self.findings_edit.setPlaceholderText(
            "e.g. The client's CRM export times out above 5,000 rows; needs an admin login."
        )
        self.findings_edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Stop as trying")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_label)
        layout.addWidget(intro)
        layout.addWidget(self.findings_edit)
        layout.addWidget(buttons)

    def findings(self) -> str:
        return self.findings_edit.toPlainText()


class GapQuestion:
    """Asks what to do with a stretch the app did not see the timer run."""

    def __init__(self, gap: Gap, what: str, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        last_seen = describe_instant(gap.last_seen, tz)
        text = (
            f"The timer for {what} has been running since "
            f"{describe_instant(gap.entry.start, tz)}, but VA Tracker last saw it running at "
            f"{last_seen}, {describe_length(gap.seconds)} ago. The computer may have "
            "slept, or the app was closed.\n\nWhat should happen with that time?"
        )
        self.box = message_box(parent, QMessageBox.Icon.Question, "Time the app did not see", text)
        self.buttons = {
            GapChoice.KEEP: self.box.addButton(
                "Keep all the time", QMessageBox.ButtonRole.AcceptRole
            ),
            GapChoice.STOP_AT_LAST_SEEN: self.box.addButton(
                f"Stop at {last_seen[-5:]}", QMessageBox.ButtonRole.DestructiveRole
            ),
            GapChoice.DROP_GAP: self.box.addButton(
                "Drop the gap and go on", QMessageBox.ButtonRole.ActionRole
            ),
        }
        self.box.setDefaultButton(self.buttons[GapChoice.KEEP])
        self.box.setEscapeButton(self.buttons[GapChoice.KEEP])  # never loses a second

    def ask(self) -> GapChoice:
        self.box.exec()
        clicked = self.box.clickedButton()
        return next((c for c, b in self.buttons.items() if b is clicked), GapChoice.KEEP)
