"""Light and dark: the app follows the system's choice, or keeps the one the VA made.

Where the platform's own style already draws the wanted darkness (macOS, KDE, a Windows style
that follows dark mode) it is kept; otherwise the app switches to Qt's Fusion style with its own
palette, which draws the same on every platform. Charts stay on white, like paper.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: Text colours that read on either background: errors and warnings, and quiet notes.
ERROR_COLOURS = {False: "#b91c1c", True: "#fca5a5"}
MUTED_COLOURS = {False: "#6b7280", True: "#9ca3af"}


def wants_dark(choice: str, system: Qt.ColorScheme) -> bool:
    """Whether to draw dark: the VA's choice, or the system's when they follow it."""
    if choice in ("light", "dark"):
        return choice == "dark"
    return system == Qt.ColorScheme.Dark


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: "#202124",
        Role.WindowText: "#e8eaed",
        Role.Base: "#17181a",
        Role.AlternateBase: "#26282b",
        Role.ToolTipBase: "#303134",
        Role.ToolTipText: "#e8eaed",
        Role.PlaceholderText: "#9aa0a6",
        Role.Text: "#e8eaed",
        Role.Button: "#2d2f33",
        Role.ButtonText: "#e8eaed",
        Role.BrightText: "#ffffff",
        Role.Light: "#3c4043",
        Role.Midlight: "#33363a",
        Role.Mid: "#5f6368",
        Role.Dark: "#111214",
        Role.Shadow: "#000000",
        Role.Highlight: "#0f766e",
        Role.HighlightedText: "#ffffff",
        Role.Link: "#5eead4",
        Role.LinkVisited: "#99f6e4",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor("#80868b"))
    palette.setColor(Group.Disabled, Role.Highlight, QColor("#3c4043"))
    return palette


def tint(widget: QWidget, colours: dict[bool, str]) -> None:
    """Colour a widget's text to read on the app's background (`colours` by darkness), and
    again whenever the Appearance turns the app light or dark."""
    _tinted.append((widget, colours))
    _apply_tint(widget, colours)


def _apply_tint(widget: QWidget, colours: dict[bool, str]) -> None:
    palette = widget.palette()
    colour = QColor(colours[is_dark(QApplication.palette())])
    for role in (Role.WindowText, Role.Text):
        palette.setColor(role, colour)
    widget.setPalette(palette)


def _retint() -> None:
    # On the app's palette signal rather than each widget's palette events: an event filter
    # would make every event of those widgets pass through Python.
    _tinted[:] = [(w, c) for w, c in _tinted if shiboken6.isValid(w)]
    for widget, colours in _tinted:
        _apply_tint(widget, colours)


_tinted: list[tuple[QWidget, dict[bool, str]]] = []


class Appearance(QObject):
    """Keeps the application light or dark as chosen, and follows the system's changes."""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self._choice = choice
        #: The platform's style, once this class has put Fusion in its place (reading it
        #: earlier would build Python's copy of QStyle's enums at start-up: 5 ms).
        self._native_style: str | None = None
        self._changed_palette = False
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        # Whoever changed it (this class, or the platform on macOS and KDE), retint the text.
        app.paletteChanged.connect(lambda _palette: _retint())

    @classmethod
    def of(cls, app: QApplication) -> Appearance:
        """The application's one Appearance, made (following the system) on first use."""
        global _current
        if _current is None or _current._app is not app:
            _current = cls(app)
            _current.apply()
        return _current

    def set_choice(self, choice: str) -> None:
        if choice != self._choice:
            self._choice = choice
            self.apply()

    def apply(self) -> None:
        app = self._app
        dark = wants_dark(self._choice, app.styleHints().colorScheme())
        if sys.platform == "darwin":  # the native style draws both; tell Qt which
            if self._choice == "system":
                app.styleHints().unsetColorScheme()
            else:
                app.styleHints().setColorScheme(
                    Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light
                )
            return
        if self._changed_palette:  # back to the platform's own look, which may be the one
            if self._native_style is not None and app.style().name() != self._native_style:
                app.setStyle(self._native_style)
            app.setPalette(QPalette())  # an empty palette: the platform's again
            self._changed_palette = False
        if is_dark(app.palette()) != dark:
            if self._native_style is None:
                self._native_style = app.style().name()
            if app.style().name() != "fusion":
                app.setStyle("Fusion")
            app.setPalette(dark_palette() if dark else app.style().standardPalette())
            self._changed_palette = True


_current: Appearance | None = None  # findChild would cost 10 ms at start-up
