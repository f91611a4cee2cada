"""VA Tracker: time tracking for solo virtual assistants who work for several clients."""

__version__ = "0.1.0"

#: The reverse-DNS application id, used wherever the desktop needs one name for the app.
APP_ID = "org.vatracker.VATracker"
APP_NAME = "VA Tracker"
