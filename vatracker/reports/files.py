"""Writing export files safely: a name that is one plain file name, and all or nothing."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..domain.errors import StorageError
from ..safe_files import sync_folder

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
    """Write `data` to `path` through a temporary file in the same folder, synced and renamed
    into place: a crash or a full disk leaves the old file (or none), never half a file."""
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(f"Cannot write in {folder}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise StorageError(
            f"Could not write {path.name}: {exc.strerror or exc}. Any earlier file of that name "
            "is unchanged."
        ) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(folder)
