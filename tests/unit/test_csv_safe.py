import csv
import io

import pytest

from vatracker.reports.csv_safe import safe_cell, write_csv


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://evil","x")', "+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\nLF"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_made_text(hostile: str) -> None:
    # FAULTS I1 (OWASP CSV injection).
    assert safe_cell(hostile) == "'" + hostile


def test_ordinary_text_and_numbers_are_left_alone() -> None:
    assert safe_cell('Acme; "quoted", =inside') == 'Acme; "quoted", =inside'
    assert safe_cell(-5) == "-5"
    assert safe_cell(None) == ""
    assert safe_cell(True) == "true"


def test_embedded_separators_and_quotes_survive_a_round_trip() -> None:
    stream = io.StringIO()
    write_csv(stream, ["name", "note"], [{"name": 'a";=b', "note": "x,y\nz"}])
    rows = list(csv.reader(io.StringIO(stream.getvalue())))
    assert rows == [["name", "note"], ['a";=b', "x,y\nz"]]
