"""Forms for billing: the VA's business profile (in Settings) and a client's billing details
(in the client form)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..domain.business import PAPER_SIZES, BusinessProfile, ClientBilling
from ..domain.catalog import TaskType
from ..domain.errors import InvalidInput
from ..domain.invoicing import Rounding, Tax, format_number
from ..domain.money import from_minor, parse_rate
from ..services.billing import BillingService
from .text import plain_label


def _text_box(text: str, name: str, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class BusinessForm(QWidget):
    """Who the invoices come from, how they are numbered, taxed and paid."""

    def __init__(self, billing: BillingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._billing = billing
        profile = billing.business()
        self._logo = profile.logo_sha256
        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setAccessibleName("Business name")
        self.address_edit = _text_box(profile.address, "Business address")
        self.tax_number_edit = QLineEdit(profile.tax_number)
        self.tax_number_edit.setAccessibleName("Tax or registration number")
        self.payment_edit = _text_box(profile.payment_details, "Payment details")
        self.payment_edit.setPlaceholderText("Bank or payment service, account holder, number")
        self.logo_label = QLabel()
        self.logo_label.setFixedHeight(48)
        self.logo_button = QPushButton("Choose logo…")
        self.logo_button.clicked.connect(self._choose_logo)
        self.no_logo_button = QPushButton("No logo")
        self.no_logo_button.clicked.connect(lambda: self.set_logo(None))
        self.number_edit = QLineEdit(profile.number_format)
        self.number_edit.setAccessibleName("Invoice number format")
        self.number_edit.textChanged.connect(self._show_example)
        self.number_example = plain_label()
        self.terms_box = QSpinBox()
        self.terms_box.setRange(0, 365)
        self.terms_box.setSuffix(" days")
        self.terms_box.setValue(profile.payment_terms_days)
        self.tax_box = QCheckBox("Charge tax:")
        self.tax_box.setChecked(profile.tax is not None)
        self.tax_label_edit = QLineEdit(profile.tax.label if profile.tax else "VAT")
        self.tax_label_edit.setAccessibleName("Tax label")
        self.tax_percent_edit = QLineEdit(str(profile.tax.percent) if profile.tax else "")
        self.tax_percent_edit.setAccessibleName("Tax rate in percent")
        self.tax_percent_edit.setPlaceholderText("e.g. 12")
        self.paper_box = QComboBox()
        self.paper_box.addItems(list(PAPER_SIZES))
        self.paper_box.setCurrentText(profile.paper)

        logo_row = QHBoxLayout()
        for widget in (self.logo_label, self.logo_button, self.no_logo_button):
            logo_row.addWidget(widget)
        logo_row.addStretch(1)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit, 1)
        number_row.addWidget(self.number_example)
        tax_row = QHBoxLayout()
        tax_row.addWidget(self.tax_box)
        tax_row.addWidget(self.tax_label_edit)
        tax_row.addWidget(self.tax_percent_edit)
        tax_row.addWidget(QLabel("%"))
        form = QFormLayout(self)
        form.addRow("Business &name", self.name_edit)
        form.addRow("&Address", self.address_edit)
        form.addRow("Tax / registration no.", self.tax_number_edit)
        form.addRow("&Payment details", self.payment_edit)
        form.addRow("Logo", logo_row)
        form.addRow("Invoice numbers", number_row)
        form.addRow("Payment due after", self.terms_box)
        form.addRow("Tax", tax_row)
        form.addRow("Paper", self.paper_box)
        self.set_logo(self._logo)
        self._show_example()

    def set_logo(self, digest: str | None) -> None:
        self._logo = digest
        data = self._billing.image(digest)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_label.setPixmap(
                pixmap.scaledToHeight(44, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.logo_label.setText("(no logo)")
        self.no_logo_button.setEnabled(digest is not None)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Logo", "", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.set_logo(self._billing.store_logo(Path(path)))

    def _show_example(self) -> None:
        try:
            self.number_example.setText(f"e.g. {format_number(self.number_edit.text(), 2026, 1)}")
        except InvalidInput:
            self.number_example.setText("(cannot be used)")

    def profile(self) -> BusinessProfile:
        """The profile as the form shows it; raises InvalidInput if it cannot be saved."""
        tax = (
            Tax.parse(self.tax_label_edit.text(), self.tax_percent_edit.text())
            if self.tax_box.isChecked()
            else None
        )
        return BusinessProfile(
            name=self.name_edit.text(),
            address=self.address_edit.toPlainText(),
            tax_number=self.tax_number_edit.text(),
            payment_details=self.payment_edit.toPlainText(),
            logo_sha256=self._logo,
            number_format=self.number_edit.text(),
            payment_terms_days=self.terms_box.value(),
            tax=tax,
            paper=self.paper_box.currentText(),
        ).checked()


class ClientBillingForm(QWidget):
    """A client's billing name, address, email, rounding, trying time, tax and task rates."""

    def __init__(
        self,
        billing: ClientBilling,
        task_types: Sequence[TaskType],
        currency: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._task_types = [t for t in task_types if not t.archived or t.id in billing.task_rates]
        self.name_edit = QLineEdit(billing.billing_name)
        self.name_edit.setPlaceholderText("As on the invoice (default: the client's name)")
        self.name_edit.setAccessibleName("Billing name")
        self.address_edit = _text_box(billing.billing_address, "Billing address")
        self.email_edit = QLineEdit(billing.billing_email)
        self.email_edit.setAccessibleName("Billing email")
        self.rounding_box = QComboBox()
        for rounding in Rounding:
            self.rounding_box.addItem(rounding.label, rounding.value)
        self.rounding_box.setCurrentIndex(self.rounding_box.findData(billing.rounding.value))
        self.trying_box = QComboBox()
        self.trying_box.addItem('in its own section, "Attempts and findings"', True)
        self.trying_box.addItem("folded into the task lines", False)
        self.trying_box.setCurrentIndex(0 if billing.trying_as_section else 1)
        self.tax_box = QCheckBox("Charge tax on this client's invoices")
        self.tax_box.setChecked(billing.tax_applicable)
        self.rates_table = QTableWidget(len(self._task_types), 2)
        self.rates_table.setHorizontalHeaderLabels(["Task type", f"Own rate ({currency})"])
        self.rates_table.verticalHeader().setVisible(False)
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, task in enumerate(self._task_types):
            name = QTableWidgetItem(task.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.rates_table.setItem(row, 0, name)
            rate = billing.task_rates.get(task.id)
            self.rates_table.setItem(
                row, 1, QTableWidgetItem("" if rate is None else str(from_minor(rate, currency)))
            )
        form = QFormLayout(self)
        form.addRow("Billing &name", self.name_edit)
        form.addRow("Billing &address", self.address_edit)
        form.addRow("Billing &email", self.email_edit)
        form.addRow("R&ounding", self.rounding_box)
        form.addRow("Trying time", self.trying_box)
        form.addRow("", self.tax_box)
        form.addRow("Rates per task type (empty: the client's rate)", self.rates_table)

    def billing(self, currency: str) -> ClientBilling:
        rates = {}
        for row, task in enumerate(self._task_types):
            item = self.rates_table.item(row, 1)
            text = item.text().strip() if item is not None else ""
            if text:
                rates[task.id] = parse_rate(text, currency)
        return replace(
            ClientBilling(),
            billing_name=self.name_edit.text(),
            billing_address=self.address_edit.toPlainText(),
            billing_email=self.email_edit.text(),
            rounding=Rounding(self.rounding_box.currentData()),
            trying_as_section=bool(self.trying_box.currentData()),
            tax_applicable=self.tax_box.isChecked(),
            task_rates=rates,
        ).checked()
