"""Checks for the text a user types: names, notes, findings."""

from __future__ import annotations

import unicodedata

from .errors import InvalidInput

NAME_LIMIT = 120


def check_text(value: str, label: str, limit: int, *, multiline: bool) -> str:
    """`value` trimmed, or a message if it is too long or holds invisible control characters.

    Markup and formula characters are allowed: they are stored as typed and always shown and
    exported as literal text.
    """
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise InvalidInput(f"{label} is {len(cleaned):,} characters long; the limit is {limit:,}.")
    allowed = "\n\t" if multiline else ""
    for char in cleaned:
        if char not in allowed and unicodedata.category(char) == "Cc":
            where = "" if multiline else " and on one line"
            raise InvalidInput(
                f"{label} contains a control character (code {ord(char)}): "
                f"keep it to printable text{where}."
            )
    return cleaned


def check_name(value: str, kind: str) -> str:
    """A client or task-type name: one line, not empty, at most NAME_LIMIT characters."""
    cleaned = check_text(value, f"The {kind} name", NAME_LIMIT, multiline=False)
    if not cleaned:
        raise InvalidInput(f"The {kind} name is empty: type a name.")
    return cleaned
