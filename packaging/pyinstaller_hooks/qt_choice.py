"""Which of Qt's files VA Tracker's bundle keeps: the plugins the spec names and, unless asked
for, no translations (the app loads none).

The hooks beside this file use it in place of PyInstaller's own hooks for the Qt modules that
bring plugins or translations, so a left-out plugin's libraries (GTK's for the GTK theme, QtPdf
for the PDF image format) are never collected either. The spec passes its choice in
`hooksconfig["vatracker"]` and checks the finished list with the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

#: plugin folder (e.g. "platforms") -> the plugin names kept there, or None for all of them.
PluginChoice = Mapping[str, Sequence[str] | None]


def plugin_name(file_name: str) -> str:
    """A plugin's name without "lib" and file ending: libqxcb.so, qwindows.dll -> qxcb, qwindows."""
    stem = file_name.split(".")[0]
    return stem.removeprefix("lib")


def kept(destination: str, plugins: PluginChoice, translations: bool) -> bool:
    """Whether the bundle keeps the Qt file that goes to `destination` (its path in the bundle)."""
    parts = PurePath(destination).parts
    if parts[0] != "PySide6":
        return True
    if "translations" in parts:
        return translations
    if "plugins" not in parts:
        return True
    folder = "/".join(parts[parts.index("plugins") + 1 : -1])
    if folder not in plugins:
        return False
    names = plugins[folder]
    return names is None or plugin_name(parts[-1]) in names


def trimmed_hook(
    hook_file: str, tls_libraries: Callable[[], list[tuple[str, str]]] | None = None
) -> Callable[[Any], None]:
    """The `hook` of a PySide6 module's hook file: PyInstaller's collection, less what the
    spec leaves out; `tls_libraries` (OpenSSL, for QtNetwork) only with the "tls" plugins."""

    def hook(hook_api: Any) -> None:
        from PyInstaller.utils.hooks import get_hook_config
        from PyInstaller.utils.hooks.qt import add_qt6_dependencies

        hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
        plugins = get_hook_config(hook_api, "vatracker", "qt_plugins")
        translations = bool(get_hook_config(hook_api, "vatracker", "qt_translations"))
        if tls_libraries is not None and (plugins is None or "tls" in plugins):
            binaries = [*binaries, *tls_libraries()]

        def keep(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
            if plugins is None:  # built without the spec's choice: collect as PyInstaller does
                return entries
            return [
                (source, folder)
                for source, folder in entries
                if kept(str(PurePath(folder, PurePath(source).name)), plugins, translations)
            ]

        hook_api.add_imports(*hiddenimports)
        hook_api.add_binaries(keep(binaries))
        hook_api.add_datas(keep(datas))

    return hook
