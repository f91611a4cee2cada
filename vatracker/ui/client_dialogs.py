"""Clients: the list, and the form with their details and everything promised to them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.business import ClientBilling
from ..domain.catalog import Client
from ..domain.colours import next_colour
from ..domain.money import from_minor, normalize_currency
from ..domain.promises import Promises, Retainer
from ..services.container import Services
from .billing_forms import ClientBillingForm
from .catalog_dialogs import FormDialog, ItemColumn, ManageDialog, currency_picker, zone_picker
from .promise_editors import CommitmentsEditor, WindowsEditor


class ClientsDialog(ManageDialog[Client]):
    kind = "client"

    def __init__(self, services: Services, default_zone: str, parent: QWidget | None = None):
        self.services = services
        self._default_zone = default_zone
        super().__init__(
            services.catalog,
            [
                ItemColumn("Name", lambda c: c.name),
                ItemColumn("Rate per hour", lambda c: c.rate_text),
                ItemColumn("Time zone", lambda c: c.timezone),
                ItemColumn("Status", lambda c: "archived" if c.archived else "active"),
            ],
            parent,
        )
        self.setWindowTitle("Clients")

    def items(self) -> Sequence[Client]:
        return self.catalog.clients()

    def open_form(self, item: Client | None) -> bool:
        form = ClientForm(self.services, item, self._default_zone, self)
        return form.exec() == QDialog.DialogCode.Accepted

    def set_archived(self, item: Client, archived: bool) -> None:
        self.catalog.set_client_archived(item.id, archived)

    def delete(self, item: Client) -> None:
        self.catalog.delete_client(item.id)


class ClientForm(FormDialog):
    """A client's details, availability windows, commitments, response window and retainer."""

    def __init__(
        self,
        services: Services,
        client: Client | None,
        default_zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Edit client" if client else "Add client", self._store, parent)
        self.setMinimumWidth(640)
        self._services = services
        self._client = client
        promises = services.promises.promises(client.id) if client else Promises()
        self.name_edit = QLineEdit(client.name if client else "")
        self.name_edit.setAccessibleName("Client name")
        self.rate_edit = QLineEdit(
            str(from_minor(client.rate_minor, client.currency)) if client else ""
        )
        self.rate_edit.setPlaceholderText("e.g. 35 or 35.50")
        self.rate_edit.setAccessibleName("Hourly rate")
        self.currency_box = currency_picker(client.currency if client else "USD")
        self.currency_box.setAccessibleName("Currency")
        self.zone_box = zone_picker(client.timezone if client else default_zone)
        self.zone_box.setAccessibleName("Client's time zone")
        self._colour = (
            client.colour
            if client
            else next_colour(c.colour for c in services.catalog.clients() if not c.archived)
        )
        self.colour_button = QPushButton()
        self.colour_button.setAccessibleName("Colour on the map")
        self.colour_button.clicked.connect(self._choose_colour)
        self._show_colour()
        self.form.addRow("&Name", self.name_edit)
        self.form.addRow("Hourly &rate", self.rate_edit)
        self.form.addRow("&Currency", self.currency_box)
        self.form.addRow("Client's &time zone", self.zone_box)
        self.form.addRow("Colour on the map", self.colour_button)

        self.windows_editor = WindowsEditor(promises.windows, "the client")
        self.commitments_editor = CommitmentsEditor(
            promises.commitments, services.catalog.task_types()
        )
        self.response_box = QCheckBox("Requests are answered within")
        self.response_hours = QDoubleSpinBox()
        self.response_hours.setRange(0.25, 168)
        self.response_hours.setSingleStep(0.5)
        self.response_hours.setSuffix(" working hours")
        self.response_hours.setAccessibleName("Response window in hours")
        self.response_box.setChecked(promises.response_minutes is not None)
        self.response_hours.setValue((promises.response_minutes or 240) / 60)
        self.retainer_group = QGroupBox("Monthly retainer")
        self.retainer_group.setCheckable(True)
        self.retainer_group.setChecked(promises.retainer is not None)
        retainer = promises.retainer
        currency = client.currency if client else "USD"
        self.retainer_hours = QLineEdit(
            "" if retainer is None else f"{retainer.included_minutes / 60:g}"
        )
        self.retainer_hours.setPlaceholderText("e.g. 40")
        self.retainer_fee = QLineEdit(
            "" if retainer is None else str(from_minor(retainer.fee_minor, currency))
        )
        self.retainer_fee.setPlaceholderText("e.g. 480")
        self.overage_rate = QLineEdit(
            "" if retainer is None else str(from_minor(retainer.overage_rate_minor, currency))
        )
        self.overage_rate.setPlaceholderText("e.g. 15")
        retainer_form = QFormLayout(self.retainer_group)
        retainer_form.addRow("Hours included each month", self.retainer_hours)
        retainer_form.addRow("Monthly fee (client's currency)", self.retainer_fee)
        retainer_form.addRow("Rate for hours beyond them", self.overage_rate)

        availability = QWidget()
        availability_layout = QVBoxLayout(availability)
        availability_layout.addWidget(
            QLabel("When you said you can be reached or will work, in the client's time zone.")
        )
        availability_layout.addWidget(self.windows_editor)
        commitments = QWidget()
        commitments_layout = QVBoxLayout(commitments)
        commitments_layout.addWidget(
            QLabel('Work done by a time of day, in the client\'s time zone ("inbox by 09:00").')
        )
        commitments_layout.addWidget(self.commitments_editor)
        terms = QWidget()
        terms_layout = QVBoxLayout(terms)
        response_row = QHBoxLayout()
        response_row.addWidget(self.response_box)
        response_row.addWidget(self.response_hours)
        response_row.addStretch(1)
        terms_layout.addLayout(response_row)
        terms_layout.addWidget(self.retainer_group)
        terms_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.body.removeWidget(self.form_widget)
        self.tabs.addTab(self.form_widget, "&Details")
        self.tabs.addTab(availability, "&Availability")
        self.tabs.addTab(commitments, "Co&mmitments")
        self.tabs.addTab(terms, "Response && &retainer")
        self.billing_form = ClientBillingForm(
            services.billing.client_billing(client.id) if client else ClientBilling(),
            services.catalog.task_types(),
            client.currency if client else "USD",
        )
        self.tabs.addTab(self.billing_form, "&Billing")
        self.body.insertWidget(0, self.tabs)

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, "Colour on the map")
        if chosen.isValid():
            self._colour = chosen.name()
            self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setText(self._colour)
        self.colour_button.setStyleSheet(f"background-color: {self._colour}; color: white;")

    def promises(self, currency: str) -> Promises:
        """The promises as the form shows them; raises InvalidInput when they cannot be."""
        retainer = None
        if self.retainer_group.isChecked():
            retainer = Retainer.parse(
                self.retainer_hours.text(),
                self.retainer_fee.text(),
                self.overage_rate.text(),
                currency,
            )
        return Promises(
            windows=self.windows_editor.windows(),
            commitments=self.commitments_editor.commitments(),
            response_minutes=(
                round(self.response_hours.value() * 60) if self.response_box.isChecked() else None
            ),
            retainer=retainer,
        )

    def _store(self) -> None:
        catalog = self._services.catalog
        values = dict(
            name=self.name_edit.text(),
            rate=self.rate_edit.text(),
            currency=self.currency_box.currentText(),
            timezone=self.zone_box.currentText(),
        )
        currency = normalize_currency(values["currency"])
        promises = self.promises(currency)
        billing = self.billing_form.billing(currency)
        if self._client is None:
            client = catalog.add_client(**values)
            client = catalog.update_client(client.id, colour=self._colour)
        else:
            client = catalog.update_client(self._client.id, colour=self._colour, **values)
        self._client = client
        self._services.promises.set_promises(client.id, promises)
        self._services.billing.set_client_billing(client.id, billing)
