"""Writing files that survive a crash or a full disk: private folders, files replaced only
once complete, and syncs that make a rename durable."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .domain.errors import StorageError


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) readable by its owner only; raises OSError."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        folder.chmod(0o700)


@contextmanager
def replaced_when_complete(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream that becomes `path` only once written in full, synced and renamed: a full
    disk or a crash leaves the earlier file of that name (or none), never half a file. The
    file is created 0600, for the owner only."""
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(f"Cannot write in {folder}: {exc.strerror or exc}.") from exc
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with open(handle, mode, encoding=encoding, newline=None if binary else "") as stream:
            yield stream
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


def sync_file(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; elsewhere the rename is already durable)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
