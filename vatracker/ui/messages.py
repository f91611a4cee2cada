"""Telling the user things: errors in forms, questions, warnings. Always as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from .theme import ERROR_COLOURS, tint


class ErrorLabel(QLabel):
    """A form's error line: hidden until there is something wrong, then in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        tint(self, ERROR_COLOURS)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """A yes/cancel question whose yes button says what it does."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
