"""File → Import time entries: choose a file and its zone, see what it would do, then import.

Nothing is written before the VA presses Import on the preview; then every new entry goes in,
or none.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import NeedsConfirmation, VATrackerError
from ..importing import DateOrder, Format
from ..reports.import_preview import FORMAT_NAMES, plan_lines
from ..services.importing import ImportOptions, ImportPlan, Mapping
from .catalog_dialogs import zone_picker
from .messages import ErrorLabel, ask
from .session import Session
from .text import plain_label

SAMPLE_HEADERS = ("Line", "Start", "End", "Client", "Task", "Note")
MAPPING_HEADERS = ("In the file", "Rows", "Goes to")
MAPPING_KEY = Qt.ItemDataRole.UserRole


class ImportWizard(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import time entries")
        self.resize(820, 600)
        self.session = session
        self.plan: ImportPlan | None = None
        self._options = ImportOptions()

        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("A detailed time-entry CSV export")
        self.file_edit.setAccessibleName("File to import")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.format_box = QComboBox()
        self.format_box.addItem("Recognise it from its columns", None)
        for fmt, name in FORMAT_NAMES.items():
            self.format_box.addItem(name, fmt)
        self.zone_box = zone_picker(session.zone.key)
        self.zone_box.setAccessibleName("Time zone of the file")
        self.order_box = QComboBox()
        self.order_box.addItem("Tell from the dates", None)
        self.order_box.addItem("Month first (03/31/2026)", DateOrder.MDY)
        self.order_box.addItem("Day first (31/03/2026)", DateOrder.DMY)
        choose = QWidget()
        form = QFormLayout(choose)
        form.addRow(
            plain_label(
                "Export a detailed time-entry report as CSV from Toggl Track, Clockify, "
                "Harvest or Kimai (or VA Tracker), then choose it here. Nothing is written "
                "until you have seen the preview."
            )
        )
        form.addRow("&File", file_row)
        form.addRow("F&ormat", self.format_box)
        form.addRow(
            "Times in the file are in",
            self.zone_box,
        )
        form.addRow("&Dates", self.order_box)

        self.summary = plain_label()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.mapping = QTableWidget(0, len(MAPPING_HEADERS))
        self.mapping.setHorizontalHeaderLabels(MAPPING_HEADERS)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping.verticalHeader().hide()
        self.mapping.setAccessibleName("Clients and task types")
        self.sample = QTableWidget(0, len(SAMPLE_HEADERS))
        self.sample.setHorizontalHeaderLabels(SAMPLE_HEADERS)
        self.sample.horizontalHeader().setStretchLastSection(True)
        self.sample.verticalHeader().hide()
        self.sample.setAccessibleName("First entries")
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(
            plain_label("Where the file's clients and tasks go (edit to merge):")
        )
        preview_layout.addWidget(self.mapping, 1)
        preview_layout.addWidget(plain_label("The first new entries:"))
        preview_layout.addWidget(self.sample, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(preview)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back_button = self.buttons.addButton("< &Back", QDialogButtonBox.ButtonRole.ResetRole)
        self.preview_button = self.buttons.addButton(
            "&Preview >", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._show_page(0)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.preview_button.setVisible(index == 0)
        self.import_button.setVisible(index == 1)
        self.error_label.hide()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import time entries", str(Path.home()), "CSV files (*.csv *.txt);;All files (*)"
        )
        if name:
            self.file_edit.setText(name)

    def _chosen_options(self) -> ImportOptions:
        fmt = self.format_box.currentData()
        order = self.order_box.currentData()
        return replace(
            self._options,
            format=Format(fmt) if fmt else None,
            timezone=self.zone_box.currentText().strip(),
            date_order=DateOrder(order) if order else None,
        )

    def preview(self) -> None:
        path = Path(self.file_edit.text().strip())
        if not self.file_edit.text().strip():
            self.error_label.show_error("Choose the file to import first.")
            return
        plan = self._planned(path, self._chosen_options())
        if plan is None:
            return
        self.plan = plan
        self._fill(plan)
        self._show_page(1)

    def _planned(self, path: Path, options: ImportOptions) -> ImportPlan | None:
        """The plan, asking the VA about what needs a yes (a huge file, very long entries)."""
        while True:
            try:
                plan = self.session.services.importer.plan(path, options)
            except NeedsConfirmation as exc:
                if not ask(self, "Import", str(exc), "Import anyway"):
                    return None
                options = options.confirmed(exc.option)
                continue
            except VATrackerError as exc:
                self.error_label.show_error(str(exc))
                return None
            self._options = options
            return plan

    def _fill(self, plan: ImportPlan) -> None:
        tz = self.session.zone
        lines = plan_lines(plan, tz, mappings=False)
        self.summary.setText("\n".join(lines))
        services = self.session.services
        clients = [c.name for c in services.catalog.clients()]
        tasks = [t.name for t in services.catalog.task_types()]
        rows = [("client", m, clients) for m in plan.clients] + [
            ("task", m, tasks) for m in plan.tasks
        ]
        self.mapping.setRowCount(len(rows))
        for index, (kind, mapping, names) in enumerate(rows):
            label = "Client" if kind == "client" else "Task type"
            source = QTableWidgetItem(f"{label}: {mapping.source}")
            source.setData(MAPPING_KEY, (kind, mapping.source))
            self.mapping.setItem(index, 0, source)
            self.mapping.setItem(index, 1, QTableWidgetItem(f"{mapping.rows:,}"))
            self.mapping.setCellWidget(index, 2, _target_box(mapping, names))
        # The file's own zone: the times read as they do in the product they came from.
        file_zone = ZoneInfo(plan.zone)
        self.sample.setHorizontalHeaderLabels(
            [f"{h} ({plan.zone})" if h in ("Start", "End") else h for h in SAMPLE_HEADERS]
        )
        self.sample.setRowCount(len(plan.sample))
        for index, row in enumerate(plan.sample):
            cells = (
                str(row.line),
                datetime.fromtimestamp(row.start, file_zone).strftime("%Y-%m-%d %H:%M"),
                datetime.fromtimestamp(row.end, file_zone).strftime("%Y-%m-%d %H:%M"),
                row.client,
                row.task,
                row.note,
            )
            for column, text in enumerate(cells):
                self.sample.setItem(index, column, QTableWidgetItem(text))
        self.sample.resizeColumnsToContents()
        self.import_button.setText(f"&Import {plan.new_entries:,} entries")
        self.import_button.setEnabled(plan.new_entries > 0)

    def _mapped_options(self) -> ImportOptions:
        clients: dict[str, str] = {}
        tasks: dict[str, str] = {}
        for index in range(self.mapping.rowCount()):
            item = self.mapping.item(index, 0)
            assert item is not None
            kind, source = item.data(MAPPING_KEY)
            box = self.mapping.cellWidget(index, 2)
            assert isinstance(box, QComboBox)
            target = box.currentText().strip() or source
            (clients if kind == "client" else tasks)[source] = target
        return replace(self._options, client_names=clients, task_names=tasks)

    def run_import(self) -> None:
        path = Path(self.file_edit.text().strip())
        try:
            plan = self.session.services.importer.run(path, self._mapped_options())
        except VATrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self.session.refresh()
        self.session.notice.emit(f"Imported {plan.new_entries:,} entries from {path.name}.")
        self.accept()


def _target_box(mapping: Mapping, names: list[str]) -> QComboBox:
    """The name an item goes to: an existing one to merge into, or a new one as typed."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(names)
    if not mapping.exists:
        box.insertItem(0, mapping.target)
    box.setCurrentText(mapping.target)
    box.setToolTip("Choose an existing name to merge into it, or type a new one.")
    return box
