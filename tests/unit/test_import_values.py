from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatracker.importing.values import (
    CellError,
    DateOrder,
    currency_code,
    date_orders,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_duration,
    parse_time,
    split_tags,
    unprotect,
)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-03-25", DateOrder.MDY, date(2026, 3, 25)),
        ("2026/03/25", DateOrder.DMY, date(2026, 3, 25)),
        ("25.3.2026", DateOrder.MDY, date(2026, 3, 25)),
        ("3/4/2026", DateOrder.MDY, date(2026, 3, 4)),
        ("3/4/2026", DateOrder.DMY, date(2026, 4, 3)),
        ("04-03-2026", DateOrder.DMY, date(2026, 3, 4)),
    ],
)
def test_dates_in_the_forms_trackers_write(text: str, order: DateOrder, expected: date) -> None:
    assert parse_date(text, order) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "March 3", "13/13/2026", "", "2026-3"])
def test_an_impossible_date_says_how_to_write_one(text: str) -> None:
    with pytest.raises(CellError, match="2026-03-25"):
        parse_date(text, DateOrder.MDY)


def test_a_slashed_date_that_fails_names_the_order_it_was_read_in() -> None:
    with pytest.raises(CellError, match="read as month/day/year"):
        parse_date("25/03/2026", DateOrder.MDY)


@pytest.mark.parametrize(
    ("text", "orders"),
    [
        ("25/03/2026", (DateOrder.DMY,)),
        ("03/25/2026", (DateOrder.MDY,)),
        ("03/04/2026", (DateOrder.MDY, DateOrder.DMY)),
        ("2026-03-04", ()),
        ("04.03.2026", ()),
    ],
)
def test_which_orders_a_date_allows(text: str, orders: tuple[DateOrder, ...]) -> None:
    assert date_orders(text) == orders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:05", time(9, 5)),
        ("17:05:09", time(17, 5, 9)),
        ("10:23 AM", time(10, 23)),
        ("11:23:01 pm", time(23, 23, 1)),
        ("12:00 AM", time(0, 0)),
        ("12:30 PM", time(12, 30)),
        ("7:15pm", time(19, 15)),
    ],
)
def test_times_in_24_and_12_hour_forms(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "13:00 PM", "0:30 AM", "noon", "9"])
def test_an_impossible_time_is_refused(text: str) -> None:
    with pytest.raises(CellError, match="9:30 AM"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "unit", "seconds"),
    [
        ("01:30:00", 3600, 5400),
        ("1:30", 3600, 5400),
        ("26:00:05", 3600, 93605),
        ("1.5", 3600, 5400),
        ("1,5", 3600, 5400),
        ("2.000,0", 3600, 7_200_000),
        ("14400", 1, 14400),
        ("0", 1, 0),
    ],
)
def test_durations_as_clock_decimal_hours_or_seconds(text: str, unit: int, seconds: int) -> None:
    assert parse_duration(text, unit) == seconds


def test_a_negative_duration_is_refused_as_negative() -> None:
    with pytest.raises(CellError, match="cannot be negative"):
        parse_duration("-1:00:00", 3600)


@pytest.mark.parametrize("text", ["1:75", "one hour", "1:30:00:00", "99999"])
def test_an_unreadable_or_absurd_duration_is_refused(text: str) -> None:
    with pytest.raises(CellError):
        parse_duration(text, 3600)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25", "25"),
        ("25.50", "25.50"),
        ("25,50", "25.50"),
        ("2.000,0", "2000.0"),
        ("1,234.50", "1234.50"),
        ("1.234.567", "1234567"),
        ("1 234,5", "1234.5"),
    ],
)
def test_numbers_with_decimal_commas_and_thousands(text: str, expected: str) -> None:
    assert parse_decimal(text) == Decimal(expected)


def test_a_number_that_is_not_one_is_refused() -> None:
    with pytest.raises(CellError, match="25,50"):
        parse_decimal("$25")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Yes", True), ("no", False), ("TRUE", True), ("0", False), ("Ja", True), ("Nein", False),
     ("oui", True), ("Non", False), ("Sí", True), ("", None)],
)  # fmt: skip
def test_yes_and_no_in_several_languages(text: str, expected: bool | None) -> None:
    assert parse_bool(text) is expected


def test_anything_else_is_not_a_yes_or_no() -> None:
    with pytest.raises(CellError, match="Yes or No"):
        parse_bool("maybe")


def test_currency_codes_from_cells_and_harvest_names() -> None:
    assert currency_code("Euro - EUR") == "EUR"
    assert currency_code("United States Dollar - USD") == "USD"
    assert currency_code("gbp") == "GBP"
    assert currency_code("Euro") is None


def test_tags_split_on_commas_with_or_without_spaces() -> None:
    assert split_tags("urgent, email,,calls ,") == ("urgent", "email", "calls")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("'=SUM(A1)", "=SUM(A1)"), ("'-5", "-5"), ("'\tx", "\tx"), ("'quoted'", "'quoted'"),
     ("''=x", "''=x")],
)  # fmt: skip
def test_only_the_apostrophe_vatracker_added_is_removed(cell: str, expected: str) -> None:
    assert unprotect(cell) == expected


@given(st.integers(0, 9999), st.integers(0, 59), st.integers(0, 59))
def test_a_clock_duration_reads_back_its_seconds(hours: int, minutes: int, seconds: int) -> None:
    text = f"{hours}:{minutes:02d}:{seconds:02d}"
    assert parse_duration(text, 3600) == hours * 3600 + minutes * 60 + seconds


@given(st.dates(min_value=date(1900, 1, 1)), st.sampled_from(DateOrder))
def test_a_written_date_reads_back_in_its_order(day: date, order: DateOrder) -> None:
    first, second = (day.day, day.month) if order is DateOrder.DMY else (day.month, day.day)
    assert parse_date(f"{first}/{second}/{day.year}", order) == day
    assert order in date_orders(f"{first:02d}/{second:02d}/{day.year}")
