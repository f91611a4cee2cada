"""Showing user text as text: Qt guesses rich text in labels and tooltips, so never let it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` literally, markup characters and all."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally (a tooltip has no plain-text switch)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<qt>" + escaped.replace("\n", "<br>") + "</qt>"
