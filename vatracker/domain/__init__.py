"""Plain data and rules: no Qt, no SQLite, so they can be tested fast and exhaustively."""
