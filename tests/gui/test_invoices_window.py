"""Invoices in the window: the draft, issuing, exporting, paid and void, and the forms."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers import FakeClock, add_client, at, task
from vatracker.domain.business import ClientBilling
from vatracker.domain.entries import new_entry
from vatracker.domain.invoice_document import Period
from vatracker.domain.invoicing import Rounding
from vatracker.domain.weeks import Month
from vatracker.services.container import Services
from vatracker.ui.client_dialogs import ClientForm, ClientsDialog
from vatracker.ui.entry_dialog import EntryDialog
from vatracker.ui.invoice_dialog import InvoiceDialog, PaidDialog
from vatracker.ui.main_window import MainWindow
from vatracker.ui.settings_dialog import SettingsDialog


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


@pytest.fixture
def october(services: Services, clock: FakeClock):  # type: ignore[no-untyped-def]
    clock.set(at("2026-11-03 10:00"))
    acme = add_client(services, "Acme", "UTC", rate="40")
    for day in (5, 6, 7):
        start = at(f"2026-10-{day:02d} 09:00")
        services.entries.add(
            new_entry(
                acme.id, task(services).id, start, services.settings.va_zone(), end=start + 5400
            )
        )
    return acme


def test_draft_then_issue_from_the_invoices_tab(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    october,  # type: ignore[no-untyped-def]
    when_dialog: Callable[..., None],
) -> None:
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    view = window.invoices_view
    assert (
        view.unbilled_label.text()
        == "Month end: 1 client(s) with time not yet invoiced in October 2026."
    )
    assert view.unbilled_model.data(view.unbilled_model.index(0, 2)) == "180.00 USD"
    seen: list[str] = []

    def issue(dialog: InvoiceDialog) -> None:
        preview = dialog.preview.toPlainText()
        seen.append(preview)
        assert "Draft, not issued" in preview and "Inbox management" in preview
        assert "If issued 03 Nov 2026" in preview and "Issued" not in preview
        assert dialog.status_label.text().startswith("Draft for October 2026: 180.00 USD")
        when_dialog(QMessageBox, lambda box: box.buttons()[0].click())  # "Issue"
        click(qtbot, dialog.issue_button)
        seen.append(dialog.preview.toPlainText())
        dialog.reject()

    when_dialog(InvoiceDialog, issue)
    click(qtbot, view.bill_button)
    assert "No. 2026-0001" in seen[1]
    (invoice,) = services.invoices.invoices()
    assert (invoice.number, invoice.total_minor, invoice.status) == ("2026-0001", 18000, "issued")
    assert view.model.data(view.model.index(0, 0)) == "2026-0001"
    assert view.unbilled_label.text() == "Month end: all billable time of October 2026 is invoiced."


def test_the_draft_follows_the_chosen_month_and_dates(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    october,  # type: ignore[no-untyped-def]
) -> None:
    dialog = InvoiceDialog(window.session, services.catalog.clients(), client_id=october.id)
    qtbot.addWidget(dialog)
    assert dialog.month_label.text() == "October 2026"  # last month, by default
    assert dialog.status_label.text().startswith("Draft for October 2026: 180.00 USD")
    click(qtbot, dialog.previous_button)
    assert dialog.month_label.text() == "September 2026"
    assert "no billable time" in dialog.problems_label.text()
    assert not dialog.issue_button.isEnabled()
    click(qtbot, dialog.next_button)
    assert not dialog.first_edit.isEnabled()
    assert dialog.first_edit.date().toString("yyyy-MM-dd") == "2026-10-01"
    # Other dates start from the month shown, then narrow it: two of the three days are left.
    dialog.custom_box.click()
    assert dialog.first_edit.date().toString("yyyy-MM-dd") == "2026-10-01"
    assert dialog.last_edit.date().toString("yyyy-MM-dd") == "2026-10-31"
    dialog.first_edit.setFocus()
    dialog.first_edit.setDate(dialog.first_edit.date().addDays(5))
    assert dialog.status_label.text().startswith("Draft for 06 Oct 2026 to 31 Oct 2026: 120.00")
    assert dialog.issue_button.isEnabled()
    # The preview shows the timesheet appendix only while it is asked for.
    assert "Timesheet" in dialog.preview.toPlainText()
    dialog.timesheet_box.click()
    assert "Timesheet" not in dialog.preview.toPlainText()


def test_an_issued_invoice_exports_is_voided_and_paid(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    october,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    when_dialog: Callable[..., None],
) -> None:
    services.invoices.issue(october.id, Period.of_month(Month(2026, 10)))
    written: list[Path] = []

    def export_and_void(dialog: InvoiceDialog) -> None:
        assert dialog.windowTitle() == "Invoice 2026-0001"
        assert dialog.status_label.text() == "Issued."
        written.extend(dialog.export_to(pdf=tmp_path / "out.pdf", csv=tmp_path / "lines.csv"))
        when_dialog(QMessageBox, lambda box: box.buttons()[0].click())  # "Void"
        click(qtbot, dialog.void_button)
        assert dialog.status_label.text() == "Void since 2026-11-03."
        assert dialog.paid_button.isHidden() and dialog.void_button.isHidden()
        dialog.reject()

    when_dialog(InvoiceDialog, export_and_void)
    window.open_invoice("2026-0001")
    assert [p.name for p in written] == ["out.pdf", "lines.csv", "lines timesheet.csv"]
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "lines.csv").read_text("utf-8-sig"))))
    assert rows[0]["amount"] == "180.00" and rows[-1]["section"] == "total"
    assert services.invoices.invoice("2026-0001").status == "void"

    services.invoices.issue(october.id, Period.of_month(Month(2026, 10)))
    clock.set(at("2026-11-10 10:00"))

    def paid_on_the_eighth(paid: PaidDialog) -> None:
        assert paid.date_edit.date().toString("yyyy-MM-dd") == "2026-11-10"  # today
        paid.date_edit.setDate(paid.date_edit.date().addDays(-2))
        paid.accept()

    def mark_paid(dialog: InvoiceDialog) -> None:
        when_dialog(PaidDialog, paid_on_the_eighth)
        click(qtbot, dialog.paid_button)
        assert dialog.status_label.text() == "Paid on 2026-11-08."
        assert dialog.void_button.isHidden()  # a paid invoice is not voided
        dialog.reject()

    when_dialog(InvoiceDialog, mark_paid)
    window.open_invoice("2026-0002")
    paid = services.invoices.invoice("2026-0002")
    assert (paid.status, paid.paid_on) == ("paid", date(2026, 11, 8))


def test_editing_an_invoiced_entry_in_the_day_view_is_refused(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    october,  # type: ignore[no-untyped-def]
    when_dialog: Callable[..., None],
) -> None:
    services.invoices.issue(october.id, Period.of_month(Month(2026, 10)))
    window.refresh()
    window.day_view.show_day(date(2026, 10, 5))
    window.day_view.table.selectRow(0)
    errors: list[str] = []

    def try_edit(dialog: EntryDialog) -> None:
        dialog.note_edit.setText("changed")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        errors.append(dialog.error_label.text())
        dialog.reject()

    when_dialog(EntryDialog, try_edit)
    window.edit_action.trigger()
    assert "is on invoice 2026-0001, which is issued" in errors[0]
    when_dialog(QMessageBox, lambda box: (errors.append(box.text()), box.accept()))
    window.delete_action.trigger()
    assert "is on invoice 2026-0001" in errors[1]
    assert len(services.entries.on_day(date(2026, 10, 5))) == 1


def test_business_profile_and_client_billing_forms(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    october,  # type: ignore[no-untyped-def]
    when_dialog: Callable[..., None],
) -> None:
    errors: list[str] = []

    def business(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentIndex(2)
        form = dialog.business
        form.name_edit.setText("Maria Santos VA")
        form.number_edit.setText("INV-{year}")
        assert form.number_example.text() == "(cannot be used)"
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        errors.append(dialog.error_label.text())
        form.number_edit.setText("INV-{seq:03d}")
        form.tax_box.setChecked(True)
        form.tax_percent_edit.setText("12")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))

    when_dialog(SettingsDialog, business)
    window.settings_action.trigger()
    assert "has no {seq}" in errors[0]
    profile = services.billing.business()
    assert (
        profile.name,
        profile.number_format,
        str(profile.tax.percent if profile.tax else ""),
    ) == ("Maria Santos VA", "INV-{seq:03d}", "12")

    research = task(services, "Research")

    def billing(form: ClientForm) -> None:
        tab = form.billing_form
        tab.name_edit.setText("Acme Holdings LLC")
        tab.rounding_box.setCurrentIndex(tab.rounding_box.findData(Rounding.UP_TO_15.value))
        row = next(
            r
            for r in range(tab.rates_table.rowCount())
            if tab.rates_table.item(r, 0).text() == "Research"
        )
        tab.rates_table.item(row, 1).setText("55")
        click(qtbot, form.buttons.button(form.buttons.StandardButton.Save))

    dialog = ClientsDialog(services, "UTC")
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    when_dialog(ClientForm, billing)
    click(qtbot, dialog.edit_button)
    saved = services.billing.client_billing(october.id)
    assert saved == replace(
        ClientBilling(),
        billing_name="Acme Holdings LLC",
        rounding=Rounding.UP_TO_15,
        task_rates={research.id: 5500},
    )
