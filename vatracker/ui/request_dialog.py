"""Logging a client's request as it arrives: who, when, by which channel, and a note."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ..domain.catalog import Client
from ..domain.promises import CHANNELS
from ..services.requests import RequestService
from ..storage.requests import Request
from .catalog_dialogs import FormDialog
from .wall_time import WallTimeEdit


class RequestDialog(FormDialog):
    def __init__(
        self,
        requests: RequestService,
        clients: Sequence[Client],
        chosen_client: int | None,
        now: int,
        tz: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Log a request", self._store, parent)
        self._requests = requests
        self.logged: Request | None = None
        self.client_box = QComboBox()
        self.client_box.setAccessibleName("Client")
        for client in clients:
            if not client.archived:
                self.client_box.addItem(client.name, client.id)
        index = self.client_box.findData(chosen_client)
        self.client_box.setCurrentIndex(max(0, index))
        self.when_edit = WallTimeEdit(tz)
        self.when_edit.setAccessibleName("Arrived at")
        self.when_edit.set_instant(now)
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName("Channel")
        self.channel_box.addItems(list(CHANNELS))
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("What they asked for (optional)")
        self.form.addRow("&Client", self.client_box)
        self.form.addRow("&Arrived", self.when_edit)
        self.form.addRow("C&hannel", self.channel_box)
        self.form.addRow("&Note", self.note_edit)
        self.buttons.button(self.buttons.StandardButton.Save).setText("Log request")

    def _store(self) -> None:
        self.logged = self._requests.log(
            int(self.client_box.currentData()),
            at=self.when_edit.instant(),
            channel=self.channel_box.currentText(),
            note=self.note_edit.text(),
        )
