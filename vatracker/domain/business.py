"""The VA's business profile and each client's billing details."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import InvalidInput
from .invoicing import Rounding, Tax, format_number
from .text import check_text

PAPER_SIZES = ("A4", "Letter")
DEFAULT_NUMBER_FORMAT = "{year}-{seq:04d}"


@dataclass(frozen=True)
class BusinessProfile:
    name: str = ""
    address: str = ""
    tax_number: str = ""
    payment_details: str = ""
    logo_sha256: str | None = None
    number_format: str = DEFAULT_NUMBER_FORMAT
    payment_terms_days: int = 14
    tax: Tax | None = None
    paper: str = "A4"

    def checked(self) -> BusinessProfile:
        """The profile with its text trimmed, or a message saying what is wrong."""
        format_number(self.number_format, 2026, 1)
        if not 0 <= self.payment_terms_days <= 365:
            raise InvalidInput("Payment terms must be 0 to 365 days.")
        if self.paper not in PAPER_SIZES:
            raise InvalidInput(f"Unknown paper size {self.paper!r}: use A4 or Letter.")
        return BusinessProfile(
            name=check_text(self.name, "The business name", 200, multiline=False),
            address=check_text(self.address, "The address", 1000, multiline=True),
            tax_number=check_text(self.tax_number, "The tax number", 100, multiline=False),
            payment_details=check_text(
                self.payment_details, "The payment details", 2000, multiline=True
            ),
            logo_sha256=self.logo_sha256,
            number_format=self.number_format.strip(),
            payment_terms_days=self.payment_terms_days,
            tax=self.tax,
            paper=self.paper,
        )


@dataclass(frozen=True)
class ClientBilling:
    """How a client is invoiced, beyond the rate and currency every client has."""

    billing_name: str = ""
    billing_address: str = ""
    billing_email: str = ""
    rounding: Rounding = Rounding.NONE
    trying_as_section: bool = True
    tax_applicable: bool = True
    task_rates: Mapping[int, int] = field(default_factory=dict)  # task type id -> minor units

    def checked(self) -> ClientBilling:
        email = check_text(self.billing_email, "The billing email", 200, multiline=False)
        if email and ("@" not in email or " " in email):
            raise InvalidInput(f"The billing email {email!r} does not look like an address.")
        return ClientBilling(
            billing_name=check_text(self.billing_name, "The billing name", 200, multiline=False),
            billing_address=check_text(
                self.billing_address, "The billing address", 1000, multiline=True
            ),
            billing_email=email,
            rounding=self.rounding,
            trying_as_section=self.trying_as_section,
            tax_applicable=self.tax_applicable,
            task_rates=dict(self.task_rates),
        )
