"""One invoice: a draft that follows the entries, or an issued one as it was frozen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.catalog import Client
from ..domain.errors import VATrackerError
from ..domain.invoice_document import Period
from ..domain.money import format_money
from ..domain.weeks import Month
from ..reports.invoice_export import export_invoice, file_stem
from ..reports.invoice_html import LOGO_URL, invoice_html
from ..storage.invoices import Invoice
from .messages import ErrorLabel, ask
from .session import Session
from .text import plain_label


class InvoiceDialog(QDialog):
    """Shows exactly what the PDF will show. For a draft: choose the client and period, then
    issue. For an issued invoice: export it again, mark it paid, or void it."""

    def __init__(
        self,
        session: Session,
        clients: Sequence[Client],
        *,
        client_id: int | None = None,
        month: Month | None = None,
        invoice: Invoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.invoice = invoice
        self.resize(820, 900)
        services = session.services
        self.client_box = QComboBox()
        self.client_box.setAccessibleName("Client")
        for client in clients:
            self.client_box.addItem(client.name, client.id)
        if client_id is not None:
            self.client_box.setCurrentIndex(max(0, self.client_box.findData(client_id)))
        self._month = month or Month.containing(services.invoices.today()).shifted(-1)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName("Previous month")
        self.previous_button.clicked.connect(lambda: self._shift(-1))
        self.month_label = QLabel()
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName("Next month")
        self.next_button.clicked.connect(lambda: self._shift(1))
        self.custom_box = QCheckBox("Other dates:")
        self.first_edit = QDateEdit()
        self.last_edit = QDateEdit()
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.custom_box.toggled.connect(self._custom_toggled)
        self.timesheet_box = QCheckBox("Timesheet appendix in the PDF")
        self.timesheet_box.setChecked(True)
        self.preview = QTextBrowser()
        self.preview.setObjectName("invoicePreview")
        self.preview.setOpenLinks(False)
        self.problems_label = ErrorLabel()
        self.status_label = plain_label()
        self.status_label.setObjectName("invoiceStatus")

        self.issue_button = QPushButton("Issue invoice…")
        self.issue_button.setToolTip("Give it the next number, freeze it and lock its entries")
        self.issue_button.clicked.connect(self.issue)
        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.csv_button = QPushButton("Export CSV…")
        self.csv_button.clicked.connect(self._choose_csv)
        self.paid_button = QPushButton("Mark paid")
        self.paid_button.clicked.connect(self.mark_paid)
        self.void_button = QPushButton("Void…")
        self.void_button.clicked.connect(self.void)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self._choosers: list[QWidget] = [
            QLabel("Client"),
            self.client_box,
            self.previous_button,
            self.month_label,
            self.next_button,
            self.custom_box,
            self.first_edit,
            QLabel("to"),
            self.last_edit,
        ]
        chooser = QHBoxLayout()
        for chooser_widget in self._choosers:
            chooser.addWidget(chooser_widget, 1 if chooser_widget is self.client_box else 0)
        actions = QHBoxLayout()
        for button in (
            self.issue_button,
            self.paid_button,
            self.void_button,
            self.pdf_button,
            self.csv_button,
        ):
            actions.addWidget(button)
        actions.addWidget(self.timesheet_box)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.status_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems_label)
        layout.addLayout(actions)

        self._show_month_in_date_edits()
        self.client_box.currentIndexChanged.connect(self.refresh)
        self.first_edit.dateChanged.connect(self.refresh)
        self.timesheet_box.toggled.connect(self.refresh)
        self.last_edit.dateChanged.connect(self.refresh)
        session.changed.connect(self.refresh)
        for chooser_widget in self._choosers:
            chooser_widget.setVisible(invoice is None)
        self.document: dict[str, Any] = {}
        self.refresh()

    # What is shown ------------------------------------------------------------------------

    def period(self) -> Period:
        if self.custom_box.isChecked():
            first, last = self.first_edit.date(), self.last_edit.date()
            return Period(
                date(first.year(), first.month(), first.day()),
                date(last.year(), last.month(), last.day()),
            )
        return Period.of_month(self._month)

    def refresh(self) -> None:
        services = self.session.services
        self.month_label.setText(self._month.first_day.strftime("%B %Y"))
        if self.invoice is not None:
            self.invoice = services.invoices.invoice(self.invoice.number)
            self._show(self.invoice.snapshot)
            self.setWindowTitle(f"Invoice {self.invoice.number}")
            status = {
                "issued": "Issued",
                "paid": f"Paid on {self.invoice.paid_on}",
                "void": f"Void since {self.invoice.voided_on}",
            }[self.invoice.status]
            overdue = " (overdue)" if self.invoice.overdue(services.invoices.today()) else ""
            self.status_label.setText(f"{status}{overdue}.")
            self.problems_label.hide()
            self.issue_button.hide()
            self.paid_button.setVisible(self.invoice.status == "issued")
            self.void_button.setVisible(self.invoice.status == "issued")
            return
        self.setWindowTitle("New invoice")
        self.paid_button.hide()
        self.void_button.hide()
        try:
            period = self.period()
            prepared = services.invoices.draft(int(self.client_box.currentData()), period)
        except VATrackerError as exc:
            self.problems_label.show_error(str(exc))
            self.issue_button.setEnabled(False)
            return
        self._show(prepared.document)
        total = format_money(prepared.draft.total_minor, prepared.draft.currency)
        self.status_label.setText(
            f"Draft for {period.describe()}: {total}. It follows your entries until you issue it."
        )
        problems = prepared.problems
        if problems:
            self.problems_label.show_error(" ".join(problems))
        else:
            self.problems_label.hide()
        self.issue_button.setEnabled(not problems)

    def _show(self, document: dict[str, Any]) -> None:
        self.document = document
        logo = self.session.services.billing.image(document["business"]["logo_sha256"])
        image = QImage.fromData(logo) if logo else QImage()
        text_document = QTextDocument(self.preview)
        if not image.isNull():
            text_document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), image
            )
        text_document.setHtml(
            invoice_html(
                document,
                with_logo=not image.isNull(),
                with_timesheet=self.timesheet_box.isChecked(),
            )
        )
        self.preview.setDocument(text_document)

    def _shift(self, months: int) -> None:
        self._month = self._month.shifted(months)
        self._show_month_in_date_edits()
        self.refresh()

    def _show_month_in_date_edits(self) -> None:
        """The month's first and last day, the starting point when other dates are chosen."""
        period = Period.of_month(self._month)
        for edit, day in ((self.first_edit, period.first), (self.last_edit, period.last)):
            with QSignalBlocker(edit):
                edit.setDate(QDate(day.year, day.month, day.day))

    def _custom_toggled(self, custom: bool) -> None:
        self._show_month_in_date_edits()
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        self.previous_button.setEnabled(not custom)
        self.next_button.setEnabled(not custom)
        self.refresh()

    # Acting ----------------------------------------------------------------------------------

    def issue(self) -> None:
        period = self.period()
        client = self.client_box.currentText()
        if not ask(
            self,
            "Issue invoice",
            f"Issue the invoice for {client}, {period.describe()}? It gets the next "
            "number, cannot be changed afterwards, and locks its entries.",
            "Issue",
        ):
            return
        issued = self.session.write(
            lambda: self.session.services.invoices.issue(int(self.client_box.currentData()), period)
        )
        if issued is not None:
            self.invoice = issued
            self.refresh()
            for chooser_widget in self._choosers:
                chooser_widget.hide()

    def mark_paid(self) -> None:
        """Ask the day the payment came (today unless said otherwise), then record it."""
        if self.invoice is None:
            return
        number = self.invoice.number
        chosen = PaidDialog(number, self.session.services.invoices.today(), self).ask()
        if chosen is not None:
            self.session.write(lambda: self.session.services.invoices.mark_paid(number, chosen))

    def void(self) -> None:
        if self.invoice is None:
            return
        number = self.invoice.number
        if ask(
            self,
            "Void invoice",
            f"Void invoice {number}? Its number stays used and it is kept; its entries can "
            "be changed and billed again.",
            "Void",
        ):
            self.session.write(lambda: self.session.services.invoices.void(number))

    def export_to(self, *, pdf: Path | None = None, csv: Path | None = None) -> list[Path]:
        """Write the PDF and/or the lines and timesheet CSV files; returns where they went."""
        logo = self.session.services.billing.image(self.document["business"]["logo_sha256"])
        timesheet = None if csv is None else csv.with_name(csv.stem + " timesheet.csv")
        written = self.session.attempt(
            lambda: export_invoice(
                self.document,
                logo=logo,
                pdf=pdf,
                lines=csv,
                timesheet=timesheet,
                with_timesheet=self.timesheet_box.isChecked(),
            )
        )
        if written:
            self.status_label.setText("Written: " + "; ".join(str(path) for path in written))
        return written or []

    def _choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export PDF", f"{file_stem(self.document)}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.export_to(pdf=Path(path))

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export CSV", f"{file_stem(self.document)} lines.csv", "CSV (*.csv)"
        )
        if path:
            self.export_to(csv=Path(path))


class PaidDialog(QDialog):
    """The day an invoice was paid."""

    def __init__(self, number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Invoice {number} paid")
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName("Paid on")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mark paid")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel("Paid on"))
        row.addWidget(self.date_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def ask(self) -> date | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())
