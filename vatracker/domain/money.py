"""Money as `Decimal` in code and integer minor units in the database, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .currencies import MINOR_DIGITS
from .errors import InvalidInput

#: A rate above this per hour is far more likely a typo (an extra zero) than a real price.
MAX_HOURLY_RATE = Decimal(100_000)


def normalize_currency(code: str) -> str:
    """Return the ISO 4217 code in capitals, or explain what a valid one looks like."""
    cleaned = code.strip().upper()
    if cleaned not in MINOR_DIGITS:
        raise InvalidInput(
            f"Unknown currency code {code.strip()!r}: use a three-letter ISO 4217 code "
            "such as USD, EUR or GBP."
        )
    return cleaned


def minor_digits(currency: str) -> int:
    return MINOR_DIGITS[currency]


def to_minor(amount: Decimal, currency: str) -> int:
    """Whole minor units (cents) of an amount, rounded half-up once."""
    digits = minor_digits(currency)
    return int((amount * (10**digits)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(units: int, currency: str) -> Decimal:
    digits = minor_digits(currency)
    return Decimal(units).scaleb(-digits)


def parse_rate(text: str | Decimal | int, currency: str) -> int:
    """Read an hourly rate as typed ("35", "35.50", "35,50") into minor units.

    A rate finer than the currency's minor unit is refused rather than rounded, so what the VA
    typed is exactly what gets billed.
    """
    if isinstance(text, str):
        cleaned = text.strip().replace(" ", "")
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise InvalidInput(
                f"The rate {text.strip()!r} is not a number: type it like 35 or 35.50."
            ) from None
    else:
        value = Decimal(text)
    if not value.is_finite():
        raise InvalidInput(f"The rate {text!r} is not a number: type it like 35 or 35.50.")
    if value < 0:
        raise InvalidInput(f"The rate {text} is negative: an hourly rate is 0 or more.")
    if value > MAX_HOURLY_RATE:
        raise InvalidInput(
            f"The rate {text} per hour looks like a typo: rates above {MAX_HOURLY_RATE:,} "
            "are not accepted."
        )
    digits = minor_digits(currency)
    units = value.scaleb(digits)
    if units != units.to_integral_value():
        places = "no decimals" if digits == 0 else f"at most {digits} decimals"
        raise InvalidInput(f"The rate {text} has too many decimals: {currency} takes {places}.")
    return int(units)


def format_money(units: int, currency: str) -> str:
    """A plain, unambiguous rendering such as "1,234.50 USD"."""
    digits = minor_digits(currency)
    return f"{from_minor(units, currency):,.{digits}f} {currency}"
