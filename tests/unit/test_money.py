from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vatracker.domain.errors import InvalidInput
from vatracker.domain.money import (
    format_money,
    from_minor,
    normalize_currency,
    parse_rate,
    to_minor,
)


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [
        ("35", "USD", 3500),
        ("35.50", "USD", 3550),
        ("35,50", "EUR", 3550),
        (" 12.3 ", "USD", 1230),
        ("3000", "JPY", 3000),
        ("1.250", "KWD", 1250),
        ("0", "USD", 0),
    ],
)
def test_rates_are_read_exactly_into_minor_units(typed: str, currency: str, minor: int) -> None:
    assert parse_rate(typed, currency) == minor


@pytest.mark.parametrize(
    ("typed", "currency", "message"),
    [
        ("-3", "USD", "negative"),
        ("abc", "USD", "not a number"),
        ("", "USD", "not a number"),
        ("NaN", "USD", "not a number"),
        ("Infinity", "USD", "not a number"),
        ("35.555", "USD", "too many decimals"),
        ("35.5", "JPY", "too many decimals"),
        ("1000000", "USD", "typo"),
    ],
)
def test_bad_rates_are_refused_with_the_reason(typed: str, currency: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_rate(typed, currency)


def test_currency_codes_are_checked_against_iso_4217() -> None:
    assert normalize_currency(" usd ") == "USD"
    with pytest.raises(InvalidInput, match="Unknown currency code 'USX'.*ISO 4217"):
        normalize_currency("USX")


def test_half_a_cent_rounds_up_once() -> None:
    assert to_minor(Decimal("16.125"), "USD") == 1613
    assert to_minor(Decimal("16.124"), "USD") == 1612


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["USD", "JPY", "KWD", "CLF"]))
def test_minor_units_round_trip(units: int, currency: str) -> None:
    assert to_minor(from_minor(units, currency), currency) == units


def test_money_is_shown_with_the_currency_digits() -> None:
    assert format_money(123450, "USD") == "1,234.50 USD"
    assert format_money(3000, "JPY") == "3,000 JPY"
