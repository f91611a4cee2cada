"""backup, backups and restore on the command line, including over a damaged database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli
from tests.helpers import FakeClock, at
from vatracker.storage.database import database_file


@pytest.fixture
def cli(data_dir: Path, clock: FakeClock) -> Cli:
    clock.set(at("2026-03-02 23:00"))
    tool = Cli(data_dir, clock)
    tool.ok("settings", "--timezone", "UTC")
    tool.ok("client", "add", "Acme", "--rate", "35", "--currency", "USD", "--timezone", "UTC")
    return tool


def entries_of(cli: Cli) -> list[dict[str, object]]:
    return json.loads(cli.ok("entries", "--from", "2026-01-01", "--to", "2026-12-31", "--json"))


def test_backup_list_and_restore(cli: Cli) -> None:
    cli.ok("log", "Acme", "Research", "--from", "2026-03-02 09:00", "--to", "2026-03-02 10:00")
    out = cli.ok("backup")
    assert out.startswith("Backed up to ") and "-manual.sqlite3" in out
    backup = Path(out.split("Backed up to ")[1].split()[0])
    listed = json.loads(cli.ok("backups", "--json"))
    assert [(row["kind"], row["entries"], row["file"]) for row in listed] == [
        ("manual", 1, str(backup))
    ]
    assert "manual" in cli.ok("backups") and "1" in cli.ok("backups")
    cli.ok("log", "Acme", "Research", "--from", "2026-03-02 11:00", "--to", "2026-03-02 12:00")
    assert len(entries_of(cli)) == 2
    out = cli.ok("restore", str(backup))
    assert out.startswith(f"Restored {backup.name} (1 entries)") and "before-restore" in out
    assert len(entries_of(cli)) == 1


def test_restore_refuses_what_is_not_a_backup(cli: Cli, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello")
    err = cli.bad("restore", str(bogus))
    assert "bogus.sqlite3 is not a VA Tracker database" in err
    assert "Cannot read" in cli.bad("restore", str(tmp_path / "missing.db"))


def test_a_damaged_database_is_reported_and_restore_replaces_it(cli: Cli) -> None:
    cli.ok("log", "Acme", "Research", "--from", "2026-03-02 09:00", "--to", "2026-03-02 10:00")
    backup = Path(cli.ok("backup").split("Backed up to ")[1].split()[0])
    path = database_file(cli.data_dir)
    path.write_bytes(b"\x00" * 4096 * 4)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    code, _out, err = cli("status")
    assert code == 1 and "damaged" in err and "vatracker restore FILE" in err
    cli.clock.set(at("2026-03-03 08:00"))
    out = cli.ok("restore", str(backup))
    assert "The damaged database was kept as" in out and ".corrupt-20260303T080000Z" in out
    assert Path(f"{path}.corrupt-20260303T080000Z").read_bytes() == b"\x00" * 4096 * 4
    assert len(entries_of(cli)) == 1


FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def test_import_previews_then_imports_and_a_second_time_adds_nothing(cli: Cli) -> None:
    cli.clock.set(at("2026-11-23 12:00"))
    path = FIXTURES / "clockify_classic.csv"
    out = cli.ok("import", str(path), "--timezone", "America/Chicago", "--dry-run")
    assert out.startswith("clockify_classic.csv: a Clockify export, times read in America/Chicago.")
    assert "Client Bright Dental (new" in out and out.endswith("Nothing was written (--dry-run).\n")
    assert entries_of(cli) == []
    out = cli.ok(
        "import", str(path), "--timezone", "America/Chicago", "--client", "Bright Dental=Acme"
    )
    assert "Client Bright Dental → Acme (existing" in out
    imported = entries_of(cli)
    assert imported and {e["client"] for e in imported} == {"Acme"}
    out = cli.ok(
        "import", str(path), "--timezone", "America/Chicago", "--client", "Bright Dental=Acme"
    )
    assert " 0 new entries" in out and len(entries_of(cli)) == len(imported)


def test_import_refuses_bad_files_with_one_line(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert "empty" in cli.bad("import", str(empty))
    assert "Unknown time zone" in cli.bad(
        "import", str(FIXTURES / "clockify_classic.csv"), "--timezone", "Nowhere/Land"
    )
    assert "--client takes" in cli.bad(
        "import", str(FIXTURES / "clockify_classic.csv"), "--client", "x"
    )


def test_export_then_import_into_an_empty_database(cli: Cli, tmp_path: Path) -> None:
    cli.ok("log", "Acme", "Research", "--from", "2026-03-02 09:00", "--to", "2026-03-02 10:00")
    out = cli.ok("export", str(tmp_path / "out"))
    assert "entries.csv" in out and "vatracker-export.json" in out
    fresh = Cli(tmp_path / "fresh", cli.clock)
    out = fresh.ok("import", str(tmp_path / "out" / "vatracker-export.json"))
    assert out.startswith("Read vatracker-export.json into the empty database:")
    assert entries_of(fresh) == entries_of(cli)
    assert "only be read into an empty database" in cli.bad(
        "import", str(tmp_path / "out" / "vatracker-export.json")
    )
