"""The business profile, each client's billing details, and the logo."""

from __future__ import annotations

from pathlib import Path

from ..domain.business import BusinessProfile, ClientBilling
from ..domain.errors import InvalidInput
from ..storage import billing as table
from ..storage import catalog as catalog_table
from ..storage.database import Database

LOGO_LIMIT = 2_000_000
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class BillingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def business(self) -> BusinessProfile:
        with self._db.reading() as conn:
            return table.business_profile(conn)

    def set_business(self, profile: BusinessProfile) -> BusinessProfile:
        checked = profile.checked()
        with self._db.transaction() as conn:
            table.set_business_profile(conn, checked)
        return checked

    def store_logo(self, path: Path) -> str:
        """Keep a copy of a PNG or JPEG logo in the database; returns its fingerprint."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Cannot read the logo {path}: {exc.strerror or exc}.") from None
        if len(data) > LOGO_LIMIT:
            raise InvalidInput(f"The logo is {len(data) // 1000:,} kB; the limit is 2,000 kB.")
        if not data.startswith(_IMAGE_SIGNATURES):
            raise InvalidInput(f"The logo {path.name} is not a PNG or JPEG image.")
        with self._db.transaction() as conn:
            return table.store_image(conn, data)

    def image(self, digest: str | None) -> bytes | None:
        if digest is None:
            return None
        with self._db.reading() as conn:
            return table.image(conn, digest)

    def client_billing(self, client_id: int) -> ClientBilling:
        with self._db.reading() as conn:
            return table.client_billing(conn, client_id)

    def set_client_billing(self, client_id: int, billing: ClientBilling) -> ClientBilling:
        checked = billing.checked()
        with self._db.transaction() as conn:
            client = catalog_table.client(conn, client_id)
            if client is None:
                raise InvalidInput(f"There is no client with id {client_id}.")
            for task_type_id, rate in checked.task_rates.items():
                if catalog_table.task_type(conn, task_type_id) is None:
                    raise InvalidInput("A task rate names a task type that does not exist.")
                if rate < 0:
                    raise InvalidInput("A task rate is negative: a rate is 0 or more.")
            table.set_client_billing(conn, client_id, checked, client.currency)
        return checked
