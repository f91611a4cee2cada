"""PySide6.QtGui as PyInstaller collects it, less the Qt plugins and translations the app does
not use (see qt_choice.py)."""

from qt_choice import trimmed_hook

hook = trimmed_hook(__file__)
