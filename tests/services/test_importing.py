"""Importing other trackers' files through the service: FAULTS I6, I8, I9 and the preview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import FakeClock, add_client, at
from tests.services.test_review import log
from vatracker.domain.errors import ImportFileError, InvalidInput, NeedsConfirmation
from vatracker.importing import Format
from vatracker.services import importing
from vatracker.services.container import Services
from vatracker.services.importing import ImportOptions

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
TOGGL_HEADER = (
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags\n"
)


@pytest.fixture(autouse=True)
def _today(clock: FakeClock) -> None:
    clock.set(at("2026-11-23 12:00"))  # after every fixture's dates


def rows(services: Services) -> list[tuple[object, ...]]:
    return services.db.conn.execute(
        "SELECT c.name, t.name, e.start_utc, e.end_utc, e.start_offset, e.billable, e.note"
        " FROM entries e JOIN clients c ON c.id = e.client_id"
        " JOIN task_types t ON t.id = e.task_type_id ORDER BY e.start_utc"
    ).fetchall()


def write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_toggl_export_is_previewed_then_imported_in_the_chosen_zone(
    services: Services,
) -> None:
    path = FIXTURES / "toggl_detailed_bom.csv"
    options = ImportOptions(timezone="Europe/Berlin")
    plan = services.importer.plan(path, options)
    assert plan.format is Format.TOGGL and plan.zone == "Europe/Berlin"
    assert plan.rows == plan.new_entries > 0 and plan.already_there == 0
    assert rows(services) == []  # a preview writes nothing
    acme = next(m for m in plan.clients if m.source == "Acme Ltd")
    assert not acme.exists and acme.target == "Acme Ltd"
    assert [s.line for s in plan.sample][:2] == [2, 3]
    services.importer.run(path, options)
    imported = rows(services)
    assert len(imported) == plan.new_entries
    first = imported[0]
    # 09:00 in Berlin on 2 March 2026 is 08:00 UTC; the description and tags make the note.
    assert first[:6] == (
        "Acme Ltd",
        "Email triage",
        at("2026-03-02 08:00"),
        at("2026-03-02 09:30"),
        3600,
        1,
    )
    assert first[6] == "Cleared the support inbox #urgent #email"
    client = services.catalog.client_named("Acme Ltd")
    assert client.timezone == "Europe/Berlin"
    # No client on the row: the project stands for the client.
    assert imported[1][:2] == ("Admin", "General")
    assert imported[1][5] == 0  # Billable: No


def test_importing_the_same_file_twice_adds_nothing(services: Services) -> None:
    # FAULTS I8
    path = FIXTURES / "clockify_classic.csv"
    first = services.importer.run(path)
    before = rows(services)
    again = services.importer.run(path)
    assert again.new_entries == 0 and again.already_there == first.rows
    assert rows(services) == before


def test_names_in_the_file_can_go_to_existing_clients(services: Services) -> None:
    mine = add_client(services, "Bright Dental Clinic", "UTC", rate="30")
    options = ImportOptions(client_names={"Bright Dental": "Bright Dental Clinic"})
    plan = services.importer.plan(FIXTURES / "clockify_classic.csv", options)
    assert next((m.source, m.target, m.exists) for m in plan.clients) == (
        "Bright Dental",
        "Bright Dental Clinic",
        True,
    )
    services.importer.run(FIXTURES / "clockify_classic.csv", options)
    assert {row[0] for row in rows(services)} == {mine.name}


def test_harvest_hours_are_laid_from_nine_and_new_clients_get_the_file_s_rate(
    services: Services,
) -> None:
    plan = services.importer.plan(
        FIXTURES / "harvest_rounded_euro.csv", ImportOptions(allow_long=True)
    )
    assert any("09:00" in note for note in plan.notes)
    services.importer.run(FIXTURES / "harvest_rounded_euro.csv", ImportOptions(allow_long=True))
    first = rows(services)[0]
    assert first[2] == at("2026-03-02 09:00") and first[3] == at("2026-03-02 09:00") + 78 * 60
    client = services.catalog.client_named("Nordlicht GmbH")
    assert client.currency == "EUR" and client.rate_minor == 4000


def test_an_entry_over_a_day_needs_a_yes(services: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        TOGGL_HEADER
        + "A,a@x,Acme,,Research,,Yes,2026-03-02,09:00:00,2026-03-03,12:00:00,27:00:00,\n",
    )
    with pytest.raises(NeedsConfirmation, match="over 24 hours long \\(first on line 2\\)"):
        services.importer.run(path)
    assert rows(services) == []
    services.importer.run(path, ImportOptions(allow_long=True))
    assert len(rows(services)) == 1


def test_a_file_over_fifty_megabytes_needs_a_yes(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "MAX_PLAIN_SIZE", 100)
    path = FIXTURES / "toggl_detailed_bom.csv"
    with pytest.raises(NeedsConfirmation, match="larger than any usual export"):
        services.importer.plan(path)
    assert services.importer.plan(path, ImportOptions(allow_large=True)).rows > 0


def test_a_bad_row_imports_nothing_and_names_its_line(services: Services, tmp_path: Path) -> None:
    good = "A,a@x,Acme,,Research,,Yes,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,\n"
    bad = "A,a@x,Acme,,Research,,Yes,2026-03-02,9.30,2026-03-02,10:00:00,01:00:00,\n"
    path = write(tmp_path, TOGGL_HEADER + good * 3 + bad)
    with pytest.raises(ImportFileError, match="^Line 5: "):
        services.importer.run(path)
    assert rows(services) == [] and services.catalog.clients() == []


def test_times_the_clocks_skip_are_refused_and_repeated_ones_warned_about(
    services: Services, tmp_path: Path
) -> None:
    # FAULTS I9: 02:30 on 8 March 2026 does not exist in New York; 01:30 on 1 November is twice.
    skipped = (
        TOGGL_HEADER
        + "A,a@x,Acme,,Research,,Yes,2026-03-08,02:30:00,2026-03-08,03:30:00,01:00:00,\n"
    )
    path = write(tmp_path, skipped)
    options = ImportOptions(timezone="America/New_York")
    with pytest.raises(
        ImportFileError, match="Line 2: 2026-03-08 02:30 does not exist in America/New_York"
    ):
        services.importer.plan(path, options)
    repeated = (
        TOGGL_HEADER
        + "A,a@x,Acme,,Research,,Yes,2026-11-01,01:30:00,2026-11-01,01:45:00,00:15:00,\n"
    )
    plan = services.importer.plan(write(tmp_path, repeated), options)
    assert plan.warnings == [
        "Line 2: 2026-11-01 01:30 happens twice in America/New_York (the clocks went back); it "
        "was read as the first time.",
        "Line 2: 2026-11-01 01:45 happens twice in America/New_York (the clocks went back); it "
        "was read as the first time.",
    ]


def test_an_unknown_zone_is_refused(services: Services) -> None:
    with pytest.raises(InvalidInput, match="Unknown time zone 'Mars/Olympus'"):
        services.importer.plan(
            FIXTURES / "toggl_detailed_bom.csv", ImportOptions(timezone="Mars/Olympus")
        )


def test_va_tracker_s_own_entries_csv_comes_back_with_its_instants(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    acme = add_client(services, "Acme", "UTC")

    log(services, acme.id, "2026-03-02 09:00", "2026-03-02 10:30", note="=1+1 sums")
    log(services, acme.id, "2026-03-02 23:00", "2026-03-03 01:00", task_name="Research")
    services.export.export_csv(tmp_path / "csv")
    expected = rows(services)
    other = Services.open(tmp_path / "other", clock)
    try:
        other.importer.run(tmp_path / "csv" / "entries.csv", ImportOptions(timezone="Asia/Tokyo"))
        assert rows(other) == expected  # instants from the offsets, whatever zone is chosen
    finally:
        other.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_no_file_crashes_the_importer_or_writes_half(
    services: Services, tmp_path: Path, text: str
) -> None:
    # FAULTS I6: whatever follows the header, the import is all or nothing.
    path = write(tmp_path, TOGGL_HEADER + text, "fuzz.csv")
    before = rows(services)
    try:
        plan = services.importer.run(path, ImportOptions(allow_long=True))
    except InvalidInput:
        assert rows(services) == before
    else:
        assert len(rows(services)) == len(before) + plan.new_entries


def test_the_fixtures_all_import(services: Services, tmp_path: Path) -> None:
    for fixture in sorted(FIXTURES.glob("*.csv")):
        if "mixed" in fixture.name:
            continue
        shutil.copy(fixture, tmp_path / fixture.name)
        services.importer.run(tmp_path / fixture.name, ImportOptions(allow_long=True))
    assert len(rows(services)) > 10
