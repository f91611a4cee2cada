"""Client colours: distinct on the availability map, and kept per client."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import InvalidInput

#: Ten colours that stay apart from each other, and readable on white (matplotlib's tab10).
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)


def next_colour(in_use: Iterable[str]) -> str:
    """The first palette colour no client has yet (after ten clients, they repeat)."""
    used = [colour.lower() for colour in in_use]
    for colour in PALETTE:
        if colour not in used:
            return colour
    return PALETTE[len(used) % len(PALETTE)]


def check_colour(text: str) -> str:
    cleaned = text.strip().lower()
    if (
        len(cleaned) == 7
        and cleaned[0] == "#"
        and all(c in "0123456789abcdef" for c in cleaned[1:])
    ):
        return cleaned
    raise InvalidInput(f"The colour {text.strip()!r} is not a colour: write it as #1f77b4.")
