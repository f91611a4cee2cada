"""The full export: every table out as JSON and read back into an empty database with nothing
lost; CSV files a spreadsheet opens safely; and every failure leaving files and data as they were."""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FakeClock, add_client, at, task
from vatracker import safe_files
from vatracker.domain.business import BusinessProfile, ClientBilling
from vatracker.domain.entries import Outcome, new_entry
from vatracker.domain.errors import ImportFileError, InvalidInput, StorageError
from vatracker.domain.indicators import Threshold
from vatracker.domain.invoice_document import Period
from vatracker.domain.invoicing import Rounding, Tax
from vatracker.domain.promises import Commitment, OwnHours, Promises, Retainer
from vatracker.domain.weekly import WeeklyWindow
from vatracker.domain.weeks import Month
from vatracker.reports.entry_records import COLUMNS as ENTRY_COLUMNS
from vatracker.services.container import Services
from vatracker.services.export import ExportService

BERLIN = "Europe/Berlin"
MARCH = Period.of_month(Month(2026, 3))
LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
POSIX = os.name == "posix"


def exporter(services: Services) -> ExportService:
    return ExportService(services.db, services.clock, services.settings)


def log(
    services: Services, client_id: int, start: str, end: str, task_name: str, **changes: Any
) -> int:
    entry = new_entry(
        client_id,
        task(services, task_name).id,
        at(start, BERLIN),
        services.settings.va_zone(),
        end=at(end, BERLIN),
    )
    added = services.entries.add(replace(entry, **changes)).after[0]
    assert added.id is not None
    return added.id


@pytest.fixture
def rich(services: Services, clock: FakeClock, tmp_path: Path) -> Services:
    """A VA's month: three clients in three currencies with their promises and billing, own
    hours and thresholds, a logo, entries across midnight and the DST change, requests, and
    an issued, a paid and a voided invoice; plus a deleted last entry and a running timer."""
    clock.set(at("2026-04-02 10:00"))
    services.settings.set_va_zone(BERLIN)
    acme = add_client(services, "Acme", "America/New_York", rate="35.50")
    beta = add_client(services, "=Beta+Co", "Europe/London", rate="1234.50", currency="EUR")
    gamma = add_client(services, "Gamma", "Asia/Tokyo", rate="5000", currency="JPY")
    services.catalog.update_client(gamma.id, colour="#123456")
    podcast = services.catalog.add_task_type("Podcast editing")
    training = services.catalog.add_task_type("Training", billable=False)
    inbox, research = task(services, "Inbox management"), task(services, "Research")

    weekdays = frozenset(range(5))
    services.promises.set_promises(
        acme.id,
        Promises(
            windows=(
                WeeklyWindow(weekdays, 8 * 60, 12 * 60),
                WeeklyWindow(frozenset({5}), 22 * 60, 2 * 60, overnight=True),
            ),
            commitments=(Commitment(inbox.id, weekdays, 9 * 60),),
            response_minutes=120,
            retainer=Retainer(40 * 60, 48000, 1500),
        ),
    )
    services.promises.set_own_hours(
        OwnHours(
            windows=(WeeklyWindow(frozenset(range(4)), 9 * 60, 17 * 60),),
            weekly_limit_minutes=35 * 60,
            min_rest_hours=12,
            days_off_per_week=2,
        )
    )
    services.billing.set_client_billing(
        acme.id,
        ClientBilling(
            billing_name="Acme Holdings LLC",
            billing_address="1 Main St\nSpringfield",
            billing_email="ap@acme.example",
            rounding=Rounding.UP_TO_15,
            task_rates={research.id: 5000, podcast.id: 4200},
            tax_applicable=False,
        ),
    )
    logo = tmp_path / "logo.png"
    logo.write_bytes(LOGO)
    services.billing.set_business(
        BusinessProfile(
            name="Maria Santos VA",
            address="Calle 1\nManila",
            logo_sha256=services.billing.store_logo(logo),
            tax=Tax("VAT", Decimal("12")),
        )
    )
    services.review.set_threshold("weekly_hours", Threshold(38, 50))
    services.review.set_weeks_shown(8)

    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:45", "Inbox management")
    log(
        services,
        acme.id,
        "2026-03-03 13:00",
        "2026-03-03 15:30",
        "Research",
        outcome=Outcome.TRYING,
        findings="The CRM export needs an admin login",
        note="=SUM(A1) asked twice",
    )
    log(services, acme.id, "2026-03-10 22:30", "2026-03-11 01:15", "Podcast editing")  # midnight
    log(services, acme.id, "2026-03-28 23:00", "2026-03-29 04:00", "Inbox management")  # DST
    log(services, acme.id, "2026-03-05 16:00", "2026-03-05 17:00", "Training", billable=False)
    log(services, beta.id, "2026-03-04 10:00", "2026-03-04 11:00", "Customer support")
    log(services, gamma.id, "2026-03-06 02:00", "2026-03-06 03:00", "Scheduling")
    log(services, acme.id, "2026-04-01 09:00", "2026-04-01 10:00", "Inbox management")
    services.requests.log(acme.id, at=at("2026-03-02 07:10", BERLIN), channel="chat", note="Urgent")
    services.requests.log(beta.id, at=at("2026-03-07 23:40", BERLIN), note="@weekend")

    paid = services.invoices.issue(acme.id, MARCH)
    services.invoices.issue(beta.id, MARCH)
    voided = services.invoices.issue(gamma.id, MARCH)
    services.invoices.mark_paid(paid.number, date(2026, 4, 2))
    services.invoices.void(voided.number)
    services.catalog.set_client_archived(gamma.id, True)
    services.catalog.set_task_type_archived(training.id, True)

    services.timer.start(acme.id, inbox.id)
    last = log(services, beta.id, "2026-04-01 12:00", "2026-04-01 13:00", "Customer support")
    services.entries.delete(last)  # the id sequence now runs past the largest id kept
    return services


@pytest.fixture
def empty(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    """A brand-new database in another folder: seeded task types, own hours, no data."""
    opened = Services.open(tmp_path / "restored", clock)
    yield opened
    opened.close()


def everything(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Every table row for row, and the id sequences."""
    names = [
        row[0]
        for row in services.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != '_sqlite_migrations'"
            " ORDER BY name"
        )
    ]
    order = {"sqlite_sequence": "name"}  # its rows' order carries no meaning
    return {
        name: [
            tuple(row)
            for row in services.db.query(
                f"SELECT * FROM {name} ORDER BY {order.get(name, 'rowid')}"
            )
        ]
        for name in names
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# The JSON document --------------------------------------------------------------------------------


def test_a_full_export_reads_back_with_nothing_lost(
    rich: Services, empty: Services, tmp_path: Path
) -> None:
    document = tmp_path / "export" / "va-tracker.json"
    document.parent.mkdir()
    written = exporter(rich).export_json(document)
    assert written.paths == (document,)
    assert written.counts["entries"] == 9 and written.counts["invoices"] == 3

    read = exporter(empty).import_document(document)

    assert read.counts == written.counts
    before, after = everything(rich), everything(empty)
    assert set(before) >= {"clients", "entries", "images", "invoices", "sqlite_sequence"}
    assert len(before) == 14
    for name in before:
        assert after[name] == before[name], name
    assert empty.billing.image(empty.billing.business().logo_sha256) == LOGO
    assert empty.settings.stored_zone_name() == BERLIN


def test_after_reading_back_ids_are_never_reused_and_locks_hold(
    rich: Services, empty: Services, tmp_path: Path
) -> None:
    document = tmp_path / "va-tracker.json"
    exporter(rich).export_json(document)
    largest = rich.db.query_one("SELECT max(id) FROM entries")
    assert largest is not None
    exporter(empty).import_document(document)

    acme = empty.catalog.client_named("Acme")
    new_id = log(empty, acme.id, "2026-04-02 08:00", "2026-04-02 08:30", "Research")
    assert new_id > largest[0] + 1  # the deleted last entry's id stays used
    locked = empty.entries.on_day(date(2026, 3, 2))[0]
    with pytest.raises(InvalidInput, match="on invoice 2026-0001"):
        empty.entries.edit(replace(locked, note="changed"))
    assert empty.invoices.invoice("2026-0002").total_minor == 138264
    assert empty.invoices.invoice("2026-0003").status == "void"


def test_the_document_is_private_json_with_bytes_as_base64(rich: Services, tmp_path: Path) -> None:
    document = tmp_path / "va-tracker.json"
    exporter(rich).export_json(document)
    parsed = json.loads(document.read_text(encoding="utf-8"))
    assert (parsed["format"], parsed["version"], parsed["schema"]) == ("vatracker-export", 1, 4)
    assert parsed["exported_at"] == "2026-04-02T10:00:00+00:00"
    images = parsed["tables"]["images"]
    assert images["blob_columns"] == ["data"] and len(images["rows"]) == 1
    assert parsed["sequences"]["entries"] == 10
    if POSIX:
        assert mode(document) == 0o600


def test_a_database_with_data_is_refused_and_kept(
    rich: Services, empty: Services, tmp_path: Path
) -> None:
    document = tmp_path / "va-tracker.json"
    exporter(rich).export_json(document)
    add_client(empty, "Mine")
    before = everything(empty)
    with pytest.raises(
        InvalidInput,
        match=r"only be read into an empty database: this one has 1 client; to merge entries, import the entries.csv file instead",
    ):
        exporter(empty).import_document(document)
    assert everything(empty) == before


def exported(services: Services, tmp_path: Path) -> dict[str, Any]:
    document = tmp_path / "original.json"
    exporter(services).export_json(document)
    parsed: dict[str, Any] = json.loads(document.read_text(encoding="utf-8"))
    return parsed


def edited(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def cell(document: dict[str, Any], table: str, row: int, column: str) -> tuple[list[Any], int]:
    spec = document["tables"][table]
    return spec["rows"][row], spec["columns"].index(column)


def missing_client(document: dict[str, Any]) -> None:
    row, index = cell(document, "entries", 2, "client_id")
    row[index] = 999


def negative_rate(document: dict[str, Any]) -> None:
    row, index = cell(document, "task_rates", 1, "rate_minor")
    row[index] = -100


def ragged_row(document: dict[str, Any]) -> None:
    document["tables"]["requests"]["rows"][1].pop()


def text_in_a_number(document: dict[str, Any]) -> None:
    row, index = cell(document, "invoices", 0, "total_minor")
    row[index] = "12.50"


def broken_logo(document: dict[str, Any]) -> None:
    row, index = cell(document, "images", 0, "data")
    row[index] = "not base64!"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (missing_client, "table entries, row 3: its client_id 999 is not in clients"),
        (negative_rate, "table task_rates, row 2: CHECK constraint failed: rate_minor >= 0"),
        (ragged_row, "table requests, row 2 has 7 values for 8 columns"),
        (
            text_in_a_number,
            "table invoices, row 1: cannot store REAL value in INTEGER column invoices.total_minor",
        ),
        (broken_logo, "table images, row 1: data is not base64 data"),
    ],
)
def test_a_bad_row_writes_nothing_and_is_named(
    rich: Services, empty: Services, tmp_path: Path, damage: Any, message: str
) -> None:
    document = exported(rich, tmp_path)
    damage(document)
    before = everything(empty)
    with pytest.raises(ImportFileError, match=message) as refused:
        exporter(empty).import_document(edited(tmp_path, document))
    assert "Nothing was imported" in str(refused.value)
    assert everything(empty) == before


def newer_schema(document: dict[str, Any]) -> None:
    document["schema"] = 99


def unknown_table(document: dict[str, Any]) -> None:
    document["tables"]["timesheets"] = {"columns": [], "rows": []}


def unknown_column(document: dict[str, Any]) -> None:
    document["tables"]["clients"]["columns"].append("nickname")


def not_an_export(document: dict[str, Any]) -> None:
    document["format"] = "something-else"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (newer_schema, r"written by a newer VA Tracker \(schema 99; this version knows up to 4\)"),
        (unknown_table, "it has a table 'timesheets', which VA Tracker does not have"),
        (unknown_column, "this version has no column 'nickname' in the table 'clients'"),
        (not_an_export, 'not a VA Tracker full export \\(no "format": "vatracker-export"\\)'),
    ],
)
def test_a_document_this_version_cannot_read_exactly_is_refused(
    rich: Services, empty: Services, tmp_path: Path, damage: Any, message: str
) -> None:
    document = exported(rich, tmp_path)
    damage(document)
    before = everything(empty)
    with pytest.raises(ImportFileError, match=message):
        exporter(empty).import_document(edited(tmp_path, document))
    assert everything(empty) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the file ends too early"),
        (b"client,start,end\nAcme,2026-03-02,2026-03-02\n", "not valid JSON at line 1, column 1"),
        (b'{"format": "vatracker-export", "note": "caf\xe9"}', "it is not UTF-8 text"),
    ],
)
def test_a_file_that_is_not_a_whole_document_is_refused_clearly(
    rich: Services, empty: Services, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "va-tracker.json"
    exporter(rich).export_json(path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] if content is None else content)
    with pytest.raises(ImportFileError, match=f"Cannot import va-tracker.json: .*{message}"):
        exporter(empty).import_document(path)
    assert empty.catalog.clients() == []


def test_an_older_schema_reads_into_the_current_tables(
    rich: Services, empty: Services, tmp_path: Path
) -> None:
    """A schema-2 document (before billing and invoices) loads; later columns take defaults."""
    document = exported(rich, tmp_path)
    billing = ["billing_name", "billing_address", "billing_email", "rounding"]
    added_later = {
        "clients": [*billing, "trying_as_section", "tax_applicable"],
        "entries": ["invoice_id"],
        "retainers": ["currency"],
    }
    for name in ("task_rates", "invoice_sequences", "images", "invoices", "invoice_entries"):
        del document["tables"][name]
    del document["sequences"]["invoices"]
    for name, dropped in added_later.items():
        spec = document["tables"][name]
        keep = [i for i, column in enumerate(spec["columns"]) if column not in dropped]
        spec["columns"] = [spec["columns"][i] for i in keep]
        spec["rows"] = [[row[i] for i in keep] for row in spec["rows"]]
    path = edited(tmp_path, document)
    with pytest.raises(ImportFileError, match="the table '.*' is missing from it"):
        exporter(empty).import_document(path)

    document["schema"] = 2
    read = exporter(empty).import_document(edited(tmp_path, document))
    assert (read.counts["entries"], read.counts["invoices"]) == (9, 0)
    acme = empty.catalog.client_named("Acme")
    assert empty.billing.client_billing(acme.id).rounding is Rounding.NONE
    assert empty.entries.on_day(date(2026, 3, 2))[0].invoice_id is None
    # What the upgrade to schema 3 fills in for old data arrives filled in, as in a database file.
    assert [tuple(row) for row in empty.db.query("SELECT currency FROM retainers")] == [("USD",)]
    assert empty.catalog.client_named("Gamma").colour == "#123456"
    new_id = log(empty, acme.id, "2026-04-02 08:00", "2026-04-02 08:30", "Research")
    assert new_id == 11


# Failing writes -----------------------------------------------------------------------------------


class FillingDisk:
    """A file on a disk that fills up after `room` characters."""

    def __init__(self, real: Any, room: int) -> None:
        self._real = real
        self._room = room

    def write(self, text: str) -> int:
        self._room -= len(text)
        if self._room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self._real.write(text))

    def __enter__(self) -> FillingDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def fill_disk_after(monkeypatch: pytest.MonkeyPatch, room: int, nth: int = 1) -> None:
    """The `nth` file the export opens fills the disk after `room` characters."""
    real_open = open
    opened: list[int] = []

    def filling(handle: int, *args: Any, **kwargs: Any) -> Any:
        stream = real_open(handle, *args, **kwargs)
        opened.append(handle)
        return FillingDisk(stream, room) if len(opened) == nth else stream

    monkeypatch.setattr(safe_files, "open", filling, raising=False)


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".part"))


def test_a_full_disk_keeps_the_earlier_export(
    rich: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tmp_path / "va-tracker.json"
    exporter(rich).export_json(document)
    earlier = document.read_bytes()
    add_client(rich, "Delta")
    fill_disk_after(monkeypatch, 2000)
    with pytest.raises(
        StorageError,
        match="Could not write va-tracker.json: No space left on device. Any earlier file of that name is unchanged.",
    ):
        exporter(rich).export_json(document)
    assert document.read_bytes() == earlier
    assert leftovers(tmp_path) == []


def test_a_failed_sync_keeps_the_earlier_export(
    rich: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tmp_path / "va-tracker.json"
    document.write_text("the earlier export", encoding="utf-8")

    def fsync(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StorageError, match="Input/output error. Any earlier file"):
        exporter(rich).export_json(document)
    assert document.read_text(encoding="utf-8") == "the earlier export"
    assert leftovers(tmp_path) == []


# The CSV files ------------------------------------------------------------------------------------


def test_csv_files_hold_what_the_va_sees(rich: Services, tmp_path: Path) -> None:
    folder = tmp_path / "csv export"
    summary = exporter(rich).export_csv(folder)
    names = [path.name for path in summary.paths]
    assert names == [
        "clients.csv",
        "task_types.csv",
        "entries.csv",
        "windows.csv",
        "commitments.csv",
        "retainers.csv",
        "task_rates.csv",
        "requests.csv",
        "invoices.csv",
        "settings.csv",
    ]
    assert summary.counts["entries"] == 9 and summary.counts["invoices"] == 3

    clients = {row["name"]: row for row in read_csv(folder / "clients.csv")}
    assert set(clients) == {"Acme", "'=Beta+Co", "Gamma"}  # no formula in a client's name
    assert (clients["Acme"]["rate"], clients["Acme"]["billing_name"]) == (
        "35.50",
        "Acme Holdings LLC",
    )
    assert (clients["Gamma"]["rate"], clients["Gamma"]["archived"]) == ("5000", "true")

    entries = read_csv(folder / "entries.csv")
    assert list(entries[0]) == list(ENTRY_COLUMNS)
    assert (entries[0]["client"], entries[0]["start"]) == ("Acme", "2026-03-02T09:00:00+01:00")
    trying = next(row for row in entries if row["outcome"] == "trying")
    assert (trying["findings"], trying["note"]) == (
        "The CRM export needs an admin login",
        "'=SUM(A1) asked twice",
    )
    dst = next(row for row in entries if row["start"].startswith("2026-03-28T23:00"))
    assert (dst["end"], dst["duration_seconds"]) == ("2026-03-29T04:00:00+02:00", "14400")

    invoices = {row["number"]: row for row in read_csv(folder / "invoices.csv")}
    beta = invoices["2026-0002"]
    assert (beta["client"], beta["subtotal"], beta["tax"], beta["total"]) == (
        "'=Beta+Co",
        "1234.50",
        "148.14",
        "1382.64",
    )
    assert (invoices["2026-0001"]["status"], invoices["2026-0001"]["paid_on"]) == (
        "paid",
        "2026-04-02",
    )
    assert (invoices["2026-0003"]["status"], invoices["2026-0003"]["voided_on"]) == (
        "void",
        "2026-04-02",
    )

    windows = read_csv(folder / "windows.csv")
    assert windows[0] == {
        "kind": "own hours",
        "client": "",
        "weekdays": "Mon-Thu",
        "start": "09:00",
        "end": "17:00",
        "ends_next_day": "false",
    }
    assert [(w["weekdays"], w["start"], w["ends_next_day"]) for w in windows[1:]] == [
        ("Mon-Fri", "08:00", "false"),
        ("Sat", "22:00", "true"),
    ]
    assert read_csv(folder / "commitments.csv") == [
        {"client": "Acme", "task": "Inbox management", "weekdays": "Mon-Fri", "due": "09:00"}
    ]
    assert read_csv(folder / "retainers.csv")[0]["included_hours"] == "40.00"
    assert {row["task"]: row["rate"] for row in read_csv(folder / "task_rates.csv")} == {
        "Research": "50.00",
        "Podcast editing": "42.00",
    }
    requests = read_csv(folder / "requests.csv")
    assert (requests[0]["received"], requests[1]["note"]) == (
        "2026-03-02T07:10:00+01:00",
        "'@weekend",
    )
    settings = {row["key"]: row["value"] for row in read_csv(folder / "settings.csv")}
    assert settings["timezone"] == BERLIN
    if POSIX:
        assert mode(folder) == 0o700
        assert {mode(path) for path in summary.paths} == {0o600}


def test_a_csv_file_that_fails_leaves_its_earlier_copy(
    rich: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    exporter(rich).export_csv(folder)
    earlier = (folder / "entries.csv").read_bytes()
    log(
        rich,
        rich.catalog.client_named("Acme").id,
        "2026-03-31 09:00",
        "2026-03-31 10:00",
        "Research",
    )
    fill_disk_after(monkeypatch, 500, nth=3)  # entries.csv
    with pytest.raises(StorageError) as failed:
        exporter(rich).export_csv(folder)
    assert str(failed.value) == (
        "Could not write entries.csv: No space left on device. Any earlier file of that name is "
        "unchanged. clients.csv, task_types.csv were written in full; entries.csv and the files "
        "after it were not written."
    )
    assert (folder / "entries.csv").read_bytes() == earlier
    assert leftovers(folder) == []
