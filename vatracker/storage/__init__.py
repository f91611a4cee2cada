"""The SQLite file: opening it safely, its schema and migrations, and the queries on it."""
