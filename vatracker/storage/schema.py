"""The schema version this code writes, readable without importing sqlite-utils."""

#: Number of the newest migration in `migrations.py`; a test keeps the two in step.
LATEST_VERSION = 4

DATABASE_FILE_NAME = "vatracker.sqlite3"
