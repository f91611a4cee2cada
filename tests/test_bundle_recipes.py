"""The bundle's recipes agree with the app and with each other, without building anything: the
PyInstaller spec, the Inno Setup script, build_bundle.py and the Qt hooks."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from pathlib import Path, PureWindowsPath
from types import ModuleType

import pytest

import vatracker
from tests.scripts import PACKAGING, PROJECT, load_script

SPEC = PACKAGING / "vatracker.spec"
ISS = PACKAGING / "windows" / "vatracker.iss"
HOOKS = PACKAGING / "pyinstaller_hooks"


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def spec_value(name: str) -> object:
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec sets no {name}")


def spec_call(function: str) -> dict[str, ast.expr]:
    """The keyword arguments of the spec's one call of `function` (Analysis, EXE, BUNDLE...)."""
    calls = [
        node
        for node in ast.walk(spec_tree())
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == function
    ]
    assert len(calls) == 1, f"{function} is called {len(calls)} times"
    return {keyword.arg: keyword.value for keyword in calls[0].keywords if keyword.arg}


def names_variable(expression: ast.expr, name: str) -> bool:
    return isinstance(expression, ast.Name) and expression.id == name


def iss_define(name: str) -> str:
    found = re.search(rf'#define {name} "([^"]*)"', ISS.read_text(encoding="utf-8"))
    assert found, f"the .iss defines no {name}"
    return found.group(1)


def iss_setting(name: str) -> str:
    found = re.search(rf"^{name}=(.*)$", ISS.read_text(encoding="utf-8"), re.MULTILINE)
    assert found, f"the .iss sets no {name}"
    return found.group(1).strip()


def iss_path(windows_path: str) -> Path:
    """A path written in the .iss, relative to the .iss's folder, on this system."""
    return (ISS.parent / Path(*PureWindowsPath(windows_path).parts)).resolve()


# --- the PyInstaller spec ----------------------------------------------------------------------


def test_the_spec_takes_the_identity_from_the_package() -> None:
    imports = [
        node
        for node in spec_tree().body
        if isinstance(node, ast.ImportFrom) and node.module == "vatracker"
    ]
    assert imports, "the spec does not import vatracker"
    assert {"APP_ID", "APP_NAME", "__version__"} <= {a.name for i in imports for a in i.names}
    bundle = spec_call("BUNDLE")
    assert names_variable(bundle["bundle_identifier"], "APP_ID")
    assert names_variable(bundle["version"], "__version__")
    assert vatracker.APP_ID not in SPEC.read_text(encoding="utf-8")  # no copy to fall behind


def test_the_spec_builds_one_folder_named_as_the_installers_expect() -> None:
    assert names_variable(spec_call("EXE")["name"], "EXECUTABLE")
    assert names_variable(spec_call("COLLECT")["name"], "BUNDLE_FOLDER")
    assert ast.literal_eval(spec_call("EXE")["exclude_binaries"]) is True  # one folder
    build_bundle = load_script("build_bundle.py")
    assert build_bundle.spec_constant("BUNDLE_FOLDER") == spec_value("BUNDLE_FOLDER")
    assert build_bundle.spec_constant("EXECUTABLE") == spec_value("EXECUTABLE")


def test_the_spec_leaves_out_what_the_app_never_uses() -> None:
    assert names_variable(spec_call("Analysis")["excludes"], "EXCLUDES")
    excludes = spec_value("EXCLUDES")
    assert isinstance(excludes, list)
    assert {
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebEngineQuick",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtMultimedia",
        "PySide6.QtPdf",
        "tkinter",
        "pytest",
    } <= set(excludes)
    # ... and never what it does use.
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"}
    assert not set(excludes) & (used | {"PySide6.QtSvg", "matplotlib", "sqlite_utils", "unittest"})


def test_the_files_the_spec_names_exist() -> None:
    for name in ("launch.py", "pyinstaller_hooks"):
        assert (PACKAGING / name).exists(), name
    for icon in ("vatracker.ico", "vatracker.icns"):
        assert (PROJECT / "resources" / "icons" / icon).is_file(), icon


def test_the_spec_keeps_the_plugins_each_system_needs() -> None:
    plugins = spec_value("QT_PLUGINS")
    assert isinstance(plugins, dict)
    assert {"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen"} <= set(plugins["platforms"])
    assert "qsvgicon" in plugins["iconengines"] and "qsvg" in plugins["imageformats"]
    assert "tls" not in plugins and "networkinformation" not in plugins


def test_each_hook_replaces_one_of_pyinstallers_own() -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed")
    spec = importlib.util.find_spec("PyInstaller")
    assert spec is not None and spec.origin is not None
    upstream = Path(spec.origin).parent / "hooks"
    hooks = sorted(HOOKS.glob("hook-*.py"))
    assert hooks
    for hook in hooks:
        assert (upstream / hook.name).is_file(), f"{hook.name} no longer overrides a hook"


# --- the Qt file choice the hooks use ---------------------------------------------------------


@pytest.fixture(scope="module")
def qt_choice() -> ModuleType:
    return load_script("pyinstaller_hooks/qt_choice.py")


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),  # the Windows wheel's layout
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True),
    ],
)
def test_the_qt_files_kept(qt_choice: ModuleType, destination: str, expected: bool) -> None:
    plugins = spec_value("QT_PLUGINS")
    assert qt_choice.kept(destination, plugins, translations=False) is expected


# --- the Inno Setup script ---------------------------------------------------------------------


def test_the_installer_packs_the_folder_the_spec_builds() -> None:
    bundle = iss_define("BundleDir")
    assert PureWindowsPath(bundle).name == spec_value("BUNDLE_FOLDER")
    assert iss_path(bundle) == PROJECT / "dist" / str(spec_value("BUNDLE_FOLDER"))
    assert iss_define("AppExeName") == f"{spec_value('EXECUTABLE')}.exe"
    text = ISS.read_text(encoding="utf-8")
    assert 'Source: "{#BundleDir}\\*"' in text
    assert 'Filename: "{app}\\{#AppExeName}"' in text


def test_the_installers_icon_exists() -> None:
    icon = iss_path(iss_setting("SetupIconFile"))
    assert icon == PROJECT / "resources" / "icons" / "vatracker.ico"
    assert icon.is_file()


def test_the_installers_default_version_is_the_apps() -> None:
    assert iss_define("AppVersion") == vatracker.__version__
    assert iss_define("AppName") == vatracker.APP_NAME


def test_the_installer_is_per_user_and_keeps_the_data() -> None:
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", iss_setting("AppId"))
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert iss_setting("DefaultDirName") == "{autopf}\\{#AppName}"
    assert iss_setting("CloseApplications") == "yes"
    text = ISS.read_text(encoding="utf-8")
    assert not re.search(r"^\[UninstallDelete\]", text, re.MULTILINE)
    assert "postinstall" in text


# --- build_bundle.py and pyproject ------------------------------------------------------------


def test_build_bundle_names_the_executable_of_this_system() -> None:
    build_bundle = load_script("build_bundle.py")
    program = build_bundle.executable(build_bundle.bundle_folder(Path("dist")))
    name = spec_value("EXECUTABLE")
    expected = f"{name}.exe" if sys.platform == "win32" else name
    assert program == Path("dist", str(spec_value("BUNDLE_FOLDER")), str(expected))


def test_build_bundle_takes_its_options() -> None:
    args = load_script("build_bundle.py").parse_arguments(
        ["--dist", "out", "--work", "tmp", "--skip-smoke", "--installer"]
    )
    assert (args.dist, args.work, args.skip_smoke, args.installer) == (
        Path("out"),
        Path("tmp"),
        True,
        True,
    )


def test_pyinstaller_is_an_optional_dependency() -> None:
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    bundle = config["project"]["optional-dependencies"]["bundle"]
    assert any(requirement.lower().startswith("pyinstaller") for requirement in bundle)
