"""The project's scripts in packaging/, loaded as modules for the tests (the folder is not a
package: its name is taken by the `packaging` library)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PROJECT = Path(__file__).resolve().parents[1]
PACKAGING = PROJECT / "packaging"


def load_script(relative: str) -> ModuleType:
    """packaging/RELATIVE as a module, loaded once per test run."""
    path = PACKAGING / relative
    name = f"_packaging_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and the like look their module up by name
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class BuiltBundle:
    """The app built by packaging/build_bundle.py: its folder, and how long the build took."""

    folder: Path
    build_seconds: float
