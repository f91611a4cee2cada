"""The one-folder app against the source install: its size, and start-up to a ready window.

Uses the bundle built once per run (the `built_bundle` fixture); skipped without PyInstaller.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks.conftest import PYTHON, Launch, best_of, record
from tests.scripts import BuiltBundle, load_script

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

READY = {"VATRACKER_QUIT_WHEN_READY": "1"}


def test_the_bundle_starts_about_as_fast_as_the_source_install(
    built_bundle: BuiltBundle, compiled: None, tmp_path: Path
) -> None:
    build_bundle = load_script("build_bundle.py")
    program = [str(build_bundle.executable(built_bundle.folder))]
    best = best_of(
        7,
        {
            "source": Launch([*PYTHON, "-m", "vatracker"], tmp_path / "source", "ready", READY),
            "bundle": Launch(program, tmp_path / "bundle", "ready", READY),
        },
    )
    source, bundle = best["source"], best["bundle"]
    megabytes = build_bundle.folder_bytes(built_bundle.folder) / 1e6
    record("bundle: one-folder app, size", f"{megabytes:.0f} MB")
    record("bundle: clean PyInstaller build", f"{built_bundle.build_seconds:.0f} s")
    record(
        "start-up to a ready window: bundle / source install",
        f"{bundle * 1000:.0f} ms / {source * 1000:.0f} ms ({bundle / source:.2f}x)",
    )
    assert bundle <= 1.5 * source
