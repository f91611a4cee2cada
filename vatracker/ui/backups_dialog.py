"""File → Backups: every backup with its date, size and entries; back up now; restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.backup_policy import BackupKind
from ..domain.errors import VATrackerError
from ..services.backups import BackupResult
from ..storage.backups import BackupFile
from .data_care import DataCare
from .messages import ErrorLabel, ask
from .session import Session
from .table_model import TextTableModel
from .text import plain_label

HEADERS = ("Taken", "Why", "Size", "Entries")
KIND_TEXT = {
    BackupKind.DAILY: "Daily",
    BackupKind.MANUAL: "By hand",
    BackupKind.BEFORE_MIGRATION: "Before an upgrade",
    BackupKind.BEFORE_RESTORE: "Before a restore",
    BackupKind.BEFORE_IMPORT: "Before an import",
}


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size:,} bytes"
    if size < 1024**2:
        return f"{size / 1024:,.1f} KB"
    return f"{size / 1024**2:,.1f} MB"


class BackupsDialog(QDialog):
    def __init__(
        self,
        session: Session,
        care: DataCare,
        restored: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(640, 420)
        self.session = session
        self._care = care
        self._restored = restored
        self._backups: list[BackupFile] = []
        service = session.services.backups
        self.intro = plain_label(
            "A backup is taken once a day while VA Tracker runs, and before every upgrade, "
            "restore and import. The last 7 days and the last 4 weeks are kept, and never the "
            f"last backup that still holds your data. They are in {service.folder}."
        )
        self.intro.setWordWrap(True)
        self.model = TextTableModel(HEADERS, text_columns=(0, 1))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Backups")
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.status = plain_label()
        self.status.setObjectName("backupStatus")
        self.error_label = ErrorLabel()
        self.back_up_button = QPushButton("&Back up now")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("&Restore selected…")
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton("Restore from a &file…")
        self.file_button.clicked.connect(self.restore_from_file)
        self.folder_button = QPushButton("&Open folder")
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(service.folder)))
        )
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(close)
        care.backed_up.connect(self._backed_up)
        care.backup_failed.connect(self._backup_failed)
        self.fill()

    def fill(self) -> None:
        self._backups = self.session.services.backups.backups()
        self.model.set_rows(
            [
                [
                    datetime.fromtimestamp(b.taken, self.session.zone).strftime(
                        "%a %d %b %Y, %H:%M"
                    ),
                    KIND_TEXT[b.kind],
                    size_text(b.size),
                    "unreadable" if b.entries is None else f"{b.entries:,}",
                ]
                for b in self._backups
            ]
        )
        self.restore_button.setEnabled(bool(self._backups))
        if self._backups:
            self.table.selectRow(0)
        else:
            self.status.setText("No backups yet. The first is taken a minute after start-up.")

    def back_up_now(self) -> None:
        self.back_up_button.setEnabled(False)
        self.status.setText("Backing up…")
        self._care.back_up(BackupKind.MANUAL)

    def _backed_up(self, result: BackupResult) -> None:
        self.back_up_button.setEnabled(True)
        self.fill()
        self.status.setText(f"Backed up to {result.path.name}.")

    def _backup_failed(self, message: str) -> None:
        self.back_up_button.setEnabled(True)
        self.status.setText("")
        self.error_label.show_error(message)

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.restore(self._backups[rows[0].row()].path)

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Restore from a file",
            str(self.session.services.backups.folder),
            "VA Tracker databases (*.sqlite3 *.db);;All files (*)",
        )
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        if not ask(
            self,
            "Restore",
            f"Replace all your data with {path.name}?\n\nYour data as it is now is backed up "
            "first, so this can be undone by restoring that backup.",
            "Restore",
        ):
            return
        try:
            result = self.session.services.backups.restore(path)
        except VATrackerError as exc:
            self.error_label.show_error(str(exc))
            return
        self.error_label.hide()
        self._restored()
        self.fill()
        self.status.setText(
            f"Restored {path.name} ({result.entries:,} entries). Your data from before is in "
            f"{result.kept_aside.name}."
        )
