"""PySide6.QtNetwork as PyInstaller collects it, less the Qt plugins the app does not use (see
qt_choice.py): the local socket needs none, and without the TLS plugins no OpenSSL either."""

from PyInstaller.utils.hooks.qt import pyside6_library_info
from qt_choice import trimmed_hook

hook = trimmed_hook(__file__, tls_libraries=pyside6_library_info.collect_qtnetwork_files)
