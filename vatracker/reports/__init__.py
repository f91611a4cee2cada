"""Turning stored data into what leaves the app: JSON, CSV (and later PDF and charts)."""
