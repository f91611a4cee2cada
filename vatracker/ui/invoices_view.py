"""The Invoices tab: every invoice with its status, and last month's unbilled time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.money import format_money
from ..domain.weeks import Month
from .session import Session
from .table_model import TextTableModel
from .text import plain_label
from .views import LazyView, row_table

INVOICE_HEADERS = ("Number", "Client", "Period", "Total", "Status", "Issued", "Due")
UNBILLED_HEADERS = ("Client", "Unbilled hours", "Draft total")


class InvoicesView(LazyView):
    new_requested = Signal(object, object)  # client id or None, Month or None
    open_requested = Signal(str)  # invoice number

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unbilled_label = plain_label()
        self.unbilled_label.setObjectName("unbilledLabel")
        self.unbilled_model = TextTableModel(UNBILLED_HEADERS)
        self.unbilled_table = row_table(self.unbilled_model, "Unbilled time last month", stretch=0)
        self.unbilled_table.setMaximumHeight(150)
        self.unbilled_table.doubleClicked.connect(lambda _index: self._invoice_unbilled())
        self.bill_button = QPushButton("Invoice the selected client…")
        self.bill_button.clicked.connect(self._invoice_unbilled)

        self.model = TextTableModel(INVOICE_HEADERS, text_columns=(0, 1, 2, 4, 5, 6))
        self.table = row_table(self.model, "Invoices", stretch=1)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.new_button = QPushButton("New invoice…")
        self.new_button.clicked.connect(lambda: self.new_requested.emit(None, None))
        self.open_button = QPushButton("Open…")
        self.open_button.setToolTip("Show the invoice, export it again, mark it paid or void it")
        self.open_button.clicked.connect(self._open_selected)

        month_end = QHBoxLayout()
        month_end.addWidget(self.unbilled_label, 1)
        month_end.addWidget(self.bill_button)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Invoices"))
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(month_end)
        layout.addWidget(self.unbilled_table)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def last_month(self) -> Month:
        today = self.session.services.invoices.today()
        return Month.containing(today).shifted(-1)

    def redraw(self) -> None:
        services = self.session.services
        today = services.invoices.today()
        names = {c.id: c.name for c in services.catalog.clients()}
        invoices = services.invoices.invoices()
        self.model.set_rows(
            [
                [
                    i.number,
                    names.get(i.client_id, "?"),
                    f"{i.first_day:%d %b %Y} to {i.last_day:%d %b %Y}",
                    format_money(i.total_minor, i.currency),
                    {
                        "issued": "issued",
                        "paid": f"paid {i.paid_on:%d %b}" if i.paid_on else "paid",
                        "void": "void",
                    }[i.status]
                    + (" · OVERDUE" if i.overdue(today) else ""),
                    f"{i.issued_on:%d %b %Y}",
                    f"{i.due_on:%d %b %Y}",
                ]
                for i in invoices
            ]
        )
        month = self.last_month()
        unbilled = services.invoices.unbilled(month)
        self.unbilled_model.set_rows(
            [
                [
                    u.client.name,
                    f"{u.seconds / 3600:.2f}",
                    format_money(u.total_minor, u.client.currency),
                ]
                for u in unbilled
            ],
            keys=[u.client.id for u in unbilled],
        )
        self.unbilled_label.setText(
            f"Month end: {len(unbilled)} client(s) with time not yet invoiced in "
            f"{month.first_day:%B %Y}."
            if unbilled
            else f"Month end: all billable time of {month.first_day:%B %Y} is invoiced."
        )
        self.bill_button.setEnabled(bool(unbilled))
        self.open_button.setEnabled(bool(invoices))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_requested.emit(self.model.index(rows[0].row(), 0).data())  # the number

    def _invoice_unbilled(self) -> None:
        rows = self.unbilled_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        client_id = self.unbilled_model.key_at(row)
        if client_id is not None:
            self.new_requested.emit(client_id, self.last_month())
