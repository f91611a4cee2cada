"""Use cases over the database: what the window and the command line both call."""
