"""Each product's documented export, including the variants seen in the wild (IMPORT_FORMATS.md)."""

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from vatracker.domain.errors import ImportFileError
from vatracker.importing import DateOrder, Format, ImportSource, SourceRow

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def read(
    name: str, format: Format | None = None, date_order: DateOrder | None = None
) -> tuple[ImportSource, list[SourceRow]]:
    source = ImportSource.open(FIXTURES / name, format, date_order)
    return source, list(source.rows())


def test_toggl_with_a_bom_and_amount_column() -> None:
    # FAULTS I5: Excel's "CSV UTF-8" starts with a BOM; the first column must still be "User".
    source, rows = read("toggl_detailed_bom.csv")
    assert source.format is Format.TOGGL
    assert source.columns[0] == "User"
    assert source.notes == []
    first, second = rows
    assert (first.line, first.client, first.project, first.task) == (
        2, "Acme Ltd", "Inbox Zero", "Email triage",
    )  # fmt: skip
    assert first.start == datetime(2026, 3, 2, 9, 0)
    assert first.end == datetime(2026, 3, 2, 10, 30)
    assert first.duration_seconds == 5400
    assert first.billable is True
    assert first.tags == ("urgent", "email")
    assert (first.rate, first.currency) == (None, "EUR")
    assert second.client == ""
    assert second.description == 'Invoices, receipts and "misc"'
    assert second.billable is False
    assert second.end == datetime(2026, 3, 3, 0, 15)
    assert second.duration_seconds == 45 * 60


def test_toggl_all_quoted_without_amount() -> None:
    source, [row] = read("toggl_all_quoted.csv")
    assert source.format is Format.TOGGL
    assert row.start == datetime(2026, 3, 4, 8, 15)
    assert row.duration_seconds == 30 * 60 + 30
    assert row.currency is None


def test_clockify_classic_with_12_hour_times_and_us_dates_defaulted() -> None:
    source, rows = read("clockify_classic.csv")
    assert source.format is Format.CLOCKIFY
    assert source.notes == [
        "Dates read as month/day/year (Clockify's default): no date in the file shows which "
        "comes first. If they are day/month/year, choose that order."
    ]
    first, second = rows
    assert (first.client, first.project, first.task) == ("Bright Dental", "Calendar", "Scheduling")
    assert first.start == datetime(2026, 3, 2, 10, 23)
    assert first.end == datetime(2026, 3, 2, 11, 23, 1)
    assert first.duration_seconds == 3601
    assert (first.rate, first.currency) == (Decimal("1250.50"), "USD")
    assert second.start == datetime(2026, 3, 2, 12, 0)
    assert second.billable is False


def test_clockify_ambiguous_dates_read_day_first_when_asked() -> None:
    source, [first, _] = read("clockify_classic.csv", date_order=DateOrder.DMY)
    assert source.notes == []
    assert first.start == datetime(2026, 2, 3, 10, 23)


def test_clockify_activity_without_client_or_billable_decided_day_first() -> None:
    source, [row] = read("clockify_activity_no_client.csv")
    assert source.format is Format.CLOCKIFY
    assert source.notes == ["Dates read as day/month/year, because line 2 has 25/03/2026."]
    assert (row.client, row.task, row.billable) == ("", "Content", None)
    assert row.start == datetime(2026, 3, 25, 23, 0)
    assert row.end == datetime(2026, 3, 26, 0, 30)
    assert row.duration_seconds == 90 * 60


def test_clockify_newer_layout_with_decimal_comma_rate_in_euro() -> None:
    source, [row] = read("clockify_newer_eur.csv")
    assert source.format is Format.CLOCKIFY
    assert row.start == datetime(2026, 3, 12, 14, 5)
    assert (row.rate, row.currency) == (Decimal("30.00"), "EUR")


def test_dates_that_prove_both_orders_are_refused() -> None:
    with pytest.raises(ImportFileError) as caught:
        ImportSource.open(FIXTURES / "clockify_mixed_dates.csv")
    assert str(caught.value) == (
        "The dates in clockify_mixed_dates.csv mix two orders: line 2 has 25/03/2026 (day "
        "first) but line 4 has 03/26/2026 (month first). Make them all use one order, or "
        "export again with dates written as YYYY-MM-DD."
    )


def test_harvest_prefers_unrounded_hours_and_places_each_day_from_nine() -> None:
    source, rows = read("harvest_rounded_euro.csv")
    assert source.format is Format.HARVEST
    assert source.notes == [
        "Harvest gives hours but no start times: each day's entries are placed one after "
        "another from 09:00, in file order."
    ]
    first, second, third = rows
    assert first.start == datetime(2026, 3, 2, 9, 0)
    assert first.duration_seconds == 78 * 60  # "Hours" 1.3, not "Hours Rounded" 1.5
    assert first.end == datetime(2026, 3, 2, 10, 18)
    assert (first.client, first.project, first.task) == (
        "Nordlicht GmbH", "Bookkeeping", "Data entry",
    )  # fmt: skip
    assert first.description == "Receipts for February"
    assert (first.billable, first.rate, first.currency) == (True, Decimal("40.0"), "EUR")
    assert second.start == first.end
    assert second.duration_seconds == 2000 * 3600
    assert second.rate == Decimal("1234.50")
    assert third.start == datetime(2026, 3, 3, 9, 0)
    assert (third.duration_seconds, third.currency) == (15 * 60, "USD")
    assert third.description == "Inbox, then calendar"


def test_kimai_1_seconds_and_overnight_from_to() -> None:
    source, [night, morning] = read("kimai1_seconds.csv")
    assert source.format is Format.KIMAI
    assert (night.client, night.project, night.task) == ("Acme Ltd", "Launch", "Support")
    assert night.start == datetime(2026, 3, 5, 22, 0)
    assert night.end == datetime(2026, 3, 6, 2, 0)
    assert night.duration_seconds == 4 * 3600
    assert night.tags == ("launch", "night")
    assert (night.rate, night.currency) == (Decimal("35.00"), None)
    assert morning.duration_seconds == 2700


def test_kimai_in_german_with_semicolons() -> None:
    source, [row] = read("kimai_german_semicolon.csv")
    assert source.format is Format.KIMAI
    assert source.columns[:4] == ["Datum", "Von", "Bis", "Dauer"]
    assert (row.client, row.project, row.task) == ("Müller & Söhne", "Buchhaltung", "Ablage")
    assert row.description == "Belege sortiert"
    assert row.start == datetime(2026, 3, 6, 8, 30)
    assert row.duration_seconds == 3 * 3600 + 30 * 60
    assert (row.billable, row.rate, row.currency) == (True, Decimal("42.50"), "EUR")


def test_kimai_2_column_keys_with_tabs() -> None:
    source, [row] = read("kimai2_keys.csv")
    assert source.format is Format.KIMAI
    assert (row.client, row.task, row.billable) == ("Thames Studio", "Updates", True)
    assert (row.rate, row.currency) == (Decimal("30.00"), "GBP")
    assert row.tags == ("web", "blog")
    assert row.duration_seconds == 4500


def test_vatracker_own_csv_keeps_offsets_and_removes_the_protecting_apostrophe() -> None:
    source, [done, running] = read("vatracker_own.csv")
    assert source.format is Format.VATRACKER
    assert done.start == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert done.end == datetime(2026, 3, 29, 3, 30, tzinfo=timezone(timedelta(hours=1)))
    assert done.duration_seconds == 2 * 3600  # across London's spring-forward
    assert done.description == "=SUM(A1) is what the client typed"
    assert (done.client, done.task, done.billable, done.outcome) == (
        "Acme Ltd", "Email triage", True, "done",
    )  # fmt: skip
    assert running.line == 3
    assert running.client == "-Dash Co"
    assert (running.end, running.duration_seconds) == (None, 3600)
    assert (running.outcome, running.findings) == ("trying", "Checked three vendors,\nnone fit")
    assert running.start.utcoffset() == timedelta(hours=-4)


def test_the_format_can_be_named_instead_of_detected() -> None:
    source, rows = read("toggl_all_quoted.csv", format=Format.TOGGL)
    assert source.format is Format.TOGGL
    assert len(rows) == 1


def test_naming_the_wrong_format_names_the_column_it_lacks() -> None:
    with pytest.raises(ImportFileError, match="looks like a Harvest export, but it has no “Date”"):
        ImportSource.open(FIXTURES / "toggl_all_quoted.csv", format=Format.HARVEST)


def test_rows_can_be_read_twice_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    text = (FIXTURES / "kimai1_seconds.csv").read_text(encoding="utf-8")
    path = tmp_path / "blank.csv"
    path.write_text("\n\n" + text.replace("\n", "\n,,,,,,,,,,,,,\n", 1) + "\n\n", "utf-8")
    source = ImportSource.open(path)
    assert [row.line for row in source.rows()] == [5, 6]
    assert [row.line for row in source.rows()] == [5, 6]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            "Benutzer,E-Mail,Kunde,Projekt,Aufgabe,Beschreibung,Abrechenbar,Startdatum,Startzeit,"
            "Enddatum,Endzeit,Dauer,Tags",
            "Ana,a@x.com,Kunde A,Projekt B,Ablage,Belege,Ja,2026-03-02,09:00:00,2026-03-02,"
            "09:30:00,00:30:00,",
            Format.TOGGL,
        ),
        (
            "Projet,Client,Description,Tâche,Utilisateur,Facturable,Date de début,Heure de début,"
            "Date de fin,Heure de fin,Durée (h),Durée (décimal)",
            "Projet B,Kunde A,Belege,Ablage,Ana,Oui,2026-03-02,09:00,2026-03-02,09:30,00:30:00,"
            "0.50",
            Format.CLOCKIFY,
        ),
        (
            "Data,Início,Fim,Duração,Cliente,Projeto,Atividade,Descrição",
            "02/03/2026,09:00,09:30,1800,Kunde A,Projekt B,Ablage,Belege",
            Format.KIMAI,
        ),
    ],
)
def test_translated_headers(tmp_path: Path, header: str, row: str, expected: Format) -> None:
    path = tmp_path / "translated.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    source = ImportSource.open(path)
    [entry] = source.rows()
    assert source.format is expected
    assert (entry.client, entry.task, entry.description) == ("Kunde A", "Ablage", "Belege")
    assert entry.start == datetime(2026, 3, 2, 9, 0)
    assert entry.duration_seconds == 1800
