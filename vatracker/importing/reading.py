"""From the bytes of a CSV file to rows of cells, each with the line it starts on.

The file is read one physical line at a time, so memory stays bounded by a line, and every
encoding or CSV fault can name the line a user would look at in a text editor.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from ..domain.errors import ImportFileError

_MAX_LINE_BYTES = 1024 * 1024
_DELIMITERS = (",", ";", "\t")
_SAVE_AS_UTF8 = "Open it in a spreadsheet or text editor, save it as “CSV UTF-8” and import again."


def read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for every row that is not blank, the header first."""
    lines = _lines(path)
    skipped = 0
    for first in lines:
        if first.strip():
            break
        skipped += 1
    else:
        return
    reader = csv.reader(chain([first], lines), delimiter=_delimiter(first), strict=True)
    while True:
        line = skipped + reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(_csv_problem(line, str(error))) from None
        if any(cell.strip() for cell in cells):
            yield line, cells


def _lines(path: Path) -> Iterator[str]:
    """Decoded lines with their endings kept, as csv wants them."""
    try:
        stream = path.open("rb")
    except OSError as error:
        raise ImportFileError(f"Cannot open {path.name}: {error.strerror}.") from None
    with stream:
        number = 0
        while raw := stream.readline(_MAX_LINE_BYTES + 1):
            number += 1
            if number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise ImportFileError(f"{path.name} is saved as UTF-16 text. {_SAVE_AS_UTF8}")
            text = _decode(number, raw)
            yield text.removeprefix("\ufeff") if number == 1 else text


def _decode(number: int, raw: bytes) -> str:
    """The line as text; refuses runaway lines, NUL bytes and bytes that are not UTF-8."""
    if len(raw) > _MAX_LINE_BYTES:
        raise ImportFileError(
            f"Line {number} is longer than 1 MB, far more than any time entry needs. The file "
            "may be damaged or not a CSV export; export it again from your tracker."
        )
    if b"\0" in raw:
        raise ImportFileError(
            f"Line {number} contains a NUL (zero) byte, which a CSV text file never has: the "
            f"file may be UTF-16 or not a CSV file at all. {_SAVE_AS_UTF8}"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFileError(
            f"Line {number} is not UTF-8 text (it was probably saved in a Windows or Mac "
            f"encoding). {_SAVE_AS_UTF8}"
        ) from None


def _delimiter(header: str) -> str:
    """Comma, semicolon or tab, whichever the header line uses most (comma on a tie)."""
    return max(_DELIMITERS, key=header.count)


def _csv_problem(line: int, detail: str) -> str:
    if "field limit" in detail:
        return (
            f"Line {line} has a cell longer than {csv.field_size_limit()} characters, far more "
            'than a time entry holds. A quote (") may be missing its partner; check that line.'
        )
    if "new-line character" in detail:
        return f"Line {line} ends with a lone carriage return (old Mac style). {_SAVE_AS_UTF8}"
    return (
        f'Line {line} cannot be read as CSV: a quote (") is not closed, or a quote inside a '
        "cell is not doubled. Check the quotes on that line (or save the file again from a "
        "spreadsheet)."
    )
