"""The Qt window: the only part of VA Tracker (with `app.py`) that imports PySide6."""
