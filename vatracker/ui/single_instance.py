"""One copy of the app per data folder: a second launch brings the first window forward.

A lock file in the data folder says who owns it (Qt removes it when its process has died, so a
crash never blocks the next start); a local socket carries the "come forward" request. The
socket side loads QtNetwork, so it starts once the window is up, not before.
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_FILE_NAME = "vatracker.lock"


def server_name(data_dir: Path) -> str:
    checksum = zlib.crc32(str(data_dir.resolve()).encode())
    return f"vatracker-{checksum:08x}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        self._name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process is now the one copy; False if another copy runs."""
        return bool(self._lock.tryLock(200))

    def listen(self) -> None:
        """Start answering later copies (call once `acquire` has succeeded)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # a socket left by a crashed copy
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self._name)
        self._server = server

    def ask_other_to_activate(self, timeout_seconds: float = 3.0) -> bool:
        """Ask the running copy to come forward; True if it was reached.

        The other copy may have just started and not be listening yet, so this tries again
        for a few seconds.
        """
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_seconds
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            reached = socket.waitForConnected(500)
            socket.abort()
            if reached or time.monotonic() > deadline:
                return reached
            time.sleep(0.1)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        # Only this user's processes can connect (UserAccessOption), and the only thing a
        # second copy ever asks is "come forward", so a connection is the request.
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.abort()
        self.activation_requested.emit()
