"""Writing export files safely: a name that is one plain file name, and all or nothing."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..safe_files import replaced_when_complete

_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
NAME_LIMIT = 120


def safe_file_name(*parts: str, suffix: str) -> str:
    """One file name from `parts` (an invoice number, a client's name), safe on every system:
    no folders, no reserved names or characters, no trailing dots, not too long."""
    text = " ".join(part for part in parts if part)
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    text = re.sub(r'[<>:"/\\|?*]+', "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-")
    text = text[:NAME_LIMIT].rstrip(" .-")
    if not text or text.split(".")[0].upper() in _RESERVED or set(text) <= {"."}:
        text = f"invoice {text}".strip(" .-") if text and set(text) - {"."} else "invoice"
    return f"{text}{suffix}"


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` all or nothing (see `replaced_when_complete`)."""
    with replaced_when_complete(path, binary=True) as stream:
        stream.write(data)
