"""Bad files fail with a sentence naming the line and the fix, and never with anything but
ImportFileError (FAULTS I6, I7)."""

import time
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vatracker.domain.errors import ImportFileError
from vatracker.importing import DateOrder, ImportSource

TOGGL = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
    "End date,End time,Duration,Tags\n"
)
GOOD = "Ana,a@x.com,Acme,Inbox,Email,ok,Yes,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,\n"


def write(tmp_path: Path, content: str | bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def problem(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        list(ImportSource.open(path).rows())
    return str(caught.value)


def toggl_row(**cells: str) -> str:
    values = dict(zip(TOGGL.strip().split(","), GOOD.strip("\n").split(","), strict=True))
    return ",".join({**values, **cells}.values()) + "\n"


@pytest.mark.parametrize("content", ["", "\n\n", "\ufeff", " \r\n"])
def test_an_empty_file(tmp_path: Path, content: str) -> None:
    assert problem(write(tmp_path, content)) == (
        "export.csv is empty. Export the time entries from your tracker again as CSV."
    )


def test_an_unknown_header_lists_the_known_formats(tmp_path: Path) -> None:
    message = problem(write(tmp_path, "id,start,stop,project,tags\n1,a,b,c,d\n"))
    assert message.startswith(
        "export.csv does not look like a time export VA Tracker can read; its columns are: "
        "id, start, stop, project, tags. Known formats, with the columns each needs: "
        "Toggl Track (“Start date”, “Start time”, “End time” or “Duration”); Clockify"
    )
    assert "Harvest (“Date”, “Hours”); Kimai (“Date”, “From”, “To” or “Duration”" in message


def test_a_missing_needed_column_is_named_with_the_product(tmp_path: Path) -> None:
    header = TOGGL.replace("Start time,", "")
    assert problem(write(tmp_path, header)) == (
        "export.csv looks like a Toggl Track export, but it has no “Start time” column, which "
        "VA Tracker needs. Export the detailed report from Toggl Track again with all columns, "
        "or add that column."
    )


def test_a_ragged_row_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, TOGGL + GOOD + GOOD.replace("ok", "ok, really"))
    assert problem(path) == (
        "Line 3 has 14 cells, but the header has 13 columns. A cell on it probably contains "
        "the separator (a comma or semicolon) without quotes around it, or a cell is missing; "
        "correct that line and import again."
    )


def test_cp1252_bytes_name_the_line_and_ask_for_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, (TOGGL + GOOD + toggl_row(Client="Café")).encode("cp1252"))
    assert problem(path) == (
        "Line 3 is not UTF-8 text (it was probably saved in a Windows or Mac encoding). Open "
        "it in a spreadsheet or text editor, save it as “CSV UTF-8” and import again."
    )


def test_utf16_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, (TOGGL + GOOD).encode("utf-16"))
    assert problem(path).startswith("export.csv is saved as UTF-16 text. Open it in")


def test_a_nul_byte_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, TOGGL + GOOD + GOOD + GOOD.replace("ok", "o\0k"))
    assert problem(path).startswith("Line 4 contains a NUL (zero) byte")


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"Start date": "2026-02-30"},
            "Line 2: cannot read “2026-02-30” in the “Start date” column. Write dates like "
            "2026-03-25, 03/25/2026 or 25.03.2026.",
        ),
        (
            {"Start time": "9.30"},
            "Line 2: cannot read “9.30” in the “Start time” column. Write times like 09:30, "
            "17:05:00 or 9:30 AM.",
        ),
        (
            {"End time": "", "Duration": "-01:00:00"},
            "Line 2: cannot read “-01:00:00” in the “Duration” column. A duration cannot be "
            "negative; correct it or delete the row.",
        ),
        (
            {"End time": "08:00:00"},
            "Line 2 ends (2026-03-02 08:00) before it starts (2026-03-02 09:00). Correct the "
            "end date or time, or delete the row.",
        ),
        (
            {"Start date": ""},
            "Line 2 has no start date (the “Start date” cell is empty). Every entry needs one: "
            "fill it in or delete the row.",
        ),
        (
            {"End time": "", "Duration": ""},
            "Line 2 has neither an end time nor a duration. Fill in one of them or delete the row.",
        ),
        (
            {"Billable": "maybe"},
            "Line 2: cannot read “maybe” in the “Billable” column. Write Yes or No (or "
            "true/false, 1/0).",
        ),
    ],
)
def test_a_bad_cell_names_line_column_and_fix(
    tmp_path: Path, cells: dict[str, str], message: str
) -> None:
    assert problem(write(tmp_path, TOGGL + toggl_row(**cells) + GOOD)) == message


def test_a_date_impossible_in_the_chosen_order_suggests_the_other(tmp_path: Path) -> None:
    path = write(tmp_path, TOGGL + toggl_row(**{"Start date": "25/03/2026"}))
    with pytest.raises(ImportFileError, match="read as month/day/year; if it uses the other"):
        list(ImportSource.open(path, date_order=DateOrder.MDY).rows())


def test_vatracker_times_without_offset_are_refused(tmp_path: Path) -> None:
    header = "id,client,task,start,end,duration_seconds,outcome,findings,note,billable,zone\n"
    row = "1,Acme,Email,2026-03-02T09:00:00,2026-03-02T10:00:00+00:00,3600,done,,,true,UTC\n"
    assert "add the offset" in problem(write(tmp_path, header + row))


def test_an_unmatched_quote_names_the_line_it_opens_on(tmp_path: Path) -> None:
    path = write(tmp_path, TOGGL + GOOD + GOOD.replace(",ok,", ',"ok,') + GOOD)
    assert problem(path).startswith('Line 3 cannot be read as CSV: a quote (") is not closed')


def test_old_mac_line_endings_are_named(tmp_path: Path) -> None:
    path = write(tmp_path, (TOGGL + GOOD).replace("\n", "\r"))
    assert problem(path).startswith("Line 1 ends with a lone carriage return")


def test_a_huge_field_fails_quickly(tmp_path: Path) -> None:
    # FAULTS I7: csv's 131072-character limit stays; a 10 MB line is refused before it is held.
    for size, expected in [
        (200_000, "Line 2 has a cell longer than 131072 characters"),
        (10_000_000, "Line 2 is longer than 1 MB"),
    ]:
        path = write(tmp_path, TOGGL + toggl_row(Description="x" * size))
        began = time.monotonic()
        assert problem(path).startswith(expected)
        assert time.monotonic() - began < 2


def test_a_quote_left_open_to_the_end_hits_the_field_limit(tmp_path: Path) -> None:
    tail = ("y" * 1000 + "\n") * 200
    path = write(tmp_path, TOGGL + GOOD.replace(",ok,", ',"ok ') + tail)
    assert problem(path).startswith("Line 2 has a cell longer than 131072 characters")


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=600))
def test_any_bytes_either_read_or_fail_with_import_file_error(
    tmp_path: Path, content: bytes
) -> None:
    # FAULTS I6: fuzzing raises nothing but ImportFileError.
    path = write(tmp_path, content, "fuzz.csv")
    with suppress(ImportFileError):
        list(ImportSource.open(path).rows())


@pytest.mark.parametrize(
    "header",
    [
        TOGGL,
        "Project,Client,Description,Task,Billable,Start Date,Start Time,End Date,End Time,"
        "Duration (h),Billable Rate (USD)\n",
        "Date,Client,Project,Task,Notes,Hours,Billable?,Billable Rate,Currency\n",
        '"Date","From","To","Duration","Customer","Project","Activity","Hourly rate","Tags"\n',
        "id,client,task,start,end,duration_seconds,outcome,findings,note,billable,zone\n",
    ],
)
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.text(alphabet=st.sampled_from(list(",;\"\n\r\t :./-0123456789AMPYesNo'=+é\0")))
    | st.text(max_size=300)
)
def test_any_text_after_a_valid_header_reads_or_fails_cleanly(
    tmp_path: Path, header: str, body: str
) -> None:
    path = write(tmp_path, (header + body).encode("utf-8", "surrogatepass"), "fuzz.csv")
    with suppress(ImportFileError):
        list(ImportSource.open(path).rows())
