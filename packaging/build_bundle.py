"""Build VA Tracker's one-folder bundle with PyInstaller, then check that it works.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--skip-smoke] [--installer]

Run it with the Python of an environment that has the app and PyInstaller installed
(`pip install ".[bundle]"`), on the system the bundle is for: Windows, macOS or Linux. It builds
packaging/vatracker.spec from scratch into DIST/VATracker (default: dist/ in the project), then
runs the bundled program headless, over a temporary data folder: its version, the window up and
its database made, a client and a timer through the command line, the window showing that timer,
the entry listed, a week chart (matplotlib) and an invoice PDF (Qt). Last it prints the bundle's
size and its start-up time next to the source install's. With --installer (Windows) it then
makes the installer with Inno Setup 6's compiler, iscc.

Exit status 0 when all went well; otherwise the failed step is named on stderr.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
PROJECT = PACKAGING.parent
SPEC = PACKAGING / "vatracker.spec"
INNO_SCRIPT = PACKAGING / "windows" / "vatracker.iss"

sys.path.insert(0, str(PROJECT))
from vatracker import __version__  # noqa: E402
from vatracker.storage.schema import DATABASE_FILE_NAME  # noqa: E402

#: Seconds a build may take, and one launch of the bundled program.
BUILD_TIMEOUT = 1800
STEP_TIMEOUT = 120
#: Launches of each program to a ready window; the fastest one counts (noise only adds time).
START_UP_RUNS = 5
CLIENT = "Smoke Test Co"
TASK = "Email"


class SmokeTestFailure(Exception):
    """A step of the build or of its smoke test failed; the message names the step."""


def spec_constant(name: str) -> str:
    """A name the spec sets once (BUNDLE_FOLDER, EXECUTABLE), read without running the spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise LookupError(f"{SPEC.name} sets no {name}")


def bundle_folder(dist: Path) -> Path:
    return dist / spec_constant("BUNDLE_FOLDER")


def executable(bundle: Path) -> Path:
    name = spec_constant("EXECUTABLE")
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


# --- building ----------------------------------------------------------------------------------


def build(dist: Path, work: Path) -> Path:
    """PyInstaller on the spec, from a clean cache and work folder; the bundle's folder."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print(f"Building the bundle into {dist} ...", flush=True)
    result = subprocess.run(command, cwd=PROJECT, timeout=BUILD_TIMEOUT)
    if result.returncode != 0:
        raise SmokeTestFailure(f"build: PyInstaller exited with {result.returncode}")
    bundle = bundle_folder(dist)
    if not executable(bundle).is_file():
        raise SmokeTestFailure(f"build: no executable at {executable(bundle)}")
    return bundle


def folder_bytes(folder: Path) -> int:
    """The size of the files in `folder` and below; links count once, where they point."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


# --- running the bundled program ---------------------------------------------------------------


def app_environment(data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VATRACKER_DATA_DIR": str(data_dir),
        **extra,
    }


def run_step(step: str, argv: Sequence[str], env: dict[str, str]) -> str:
    """Run one command of the smoke test; its standard output, or a failure naming `step`."""
    try:
        result = subprocess.run(
            list(argv), env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise SmokeTestFailure(f"{step}: no answer within {STEP_TIMEOUT} s") from None
    if result.returncode != 0:
        raise SmokeTestFailure(
            f"{step}: exit status {result.returncode}\n{result.stdout}{result.stderr}".rstrip()
        )
    return result.stdout


def open_window(step: str, program: Sequence[str], data_dir: Path) -> str:
    """Start the window until it is up, and return the title it printed."""
    env = app_environment(data_dir, VATRACKER_QUIT_WHEN_READY="1")
    lines = run_step(step, program, env).splitlines()
    if "ready" not in lines:
        raise SmokeTestFailure(f"{step}: the window never printed 'ready'; it printed {lines!r}")
    titles = [line.removeprefix("title: ") for line in lines if line.startswith("title: ")]
    if not titles:
        raise SmokeTestFailure(f"{step}: the window printed no title; it printed {lines!r}")
    return titles[0]


def check_file(step: str, path: Path, starts_with: bytes) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise SmokeTestFailure(f"{step}: {path.name} was not written")
    if not path.read_bytes().startswith(starts_with):
        raise SmokeTestFailure(f"{step}: {path.name} does not start with {starts_with!r}")


# --- the smoke test ----------------------------------------------------------------------------


def smoke_test(bundle: Path) -> None:
    """Use the bundled program as a VA would, over a fresh data folder; raises SmokeTestFailure."""
    program = [str(executable(bundle))]
    with tempfile.TemporaryDirectory(prefix="vatracker-smoke-", ignore_cleanup_errors=True) as tmp:
        data_dir = Path(tmp, "data")
        env = app_environment(data_dir)
        check_version(program, env)
        check_first_window(program, data_dir)
        start_timer(program, env)
        check_window_shows_timer(program, data_dir)
        stop_and_check_entries(program, env)
        check_chart_and_invoice(program, env, Path(tmp))
    print("Smoke test passed.", flush=True)


def check_version(program: list[str], env: dict[str, str]) -> None:
    output = run_step("version", [*program, "--version"], env)
    if __version__ not in output:
        raise SmokeTestFailure(f"version: expected {__version__}, got {output.strip()!r}")
    print(f"  version: {output.strip()}", flush=True)


def check_first_window(program: list[str], data_dir: Path) -> None:
    title = open_window("first window", program, data_dir)
    database = data_dir / DATABASE_FILE_NAME
    if not database.is_file():
        raise SmokeTestFailure(f"first window: no database at {database}")
    print(f"  first window: up, titled {title!r}; database created", flush=True)


def start_timer(program: list[str], env: dict[str, str]) -> None:
    client = ["client", "add", CLIENT, "--rate", "30", "--currency", "USD", "--timezone", "UTC"]
    run_step("add a client", [*program, *client], env)
    run_step("add a task type", [*program, "task", "add", TASK], env)
    run_step("start the timer", [*program, "start", CLIENT, TASK], env)
    print(f"  command line: client {CLIENT!r} added, timer started", flush=True)


def check_window_shows_timer(program: list[str], data_dir: Path) -> None:
    title = open_window("window with a running timer", program, data_dir)
    if CLIENT not in title:
        raise SmokeTestFailure(
            f"window with a running timer: the title {title!r} does not name {CLIENT!r}"
        )
    print(f"  window with a running timer: titled {title!r}", flush=True)


def stop_and_check_entries(program: list[str], env: dict[str, str]) -> None:
    run_step("stop the timer", [*program, "stop"], env)
    entries = json.loads(run_step("list the entries", [*program, "entries", "--json"], env))
    if len(entries) != 1 or entries[0]["client"] != CLIENT:
        raise SmokeTestFailure(f"list the entries: expected one entry of {CLIENT!r}: {entries!r}")
    print("  timer stopped: one entry listed", flush=True)


def check_chart_and_invoice(program: list[str], env: dict[str, str], folder: Path) -> None:
    for chart, magic in ((folder / "week.png", b"\x89PNG"), (folder / "week.pdf", b"%PDF")):
        step = f"week chart ({chart.suffix[1:].upper()}, matplotlib)"
        run_step(step, [*program, "chart", "week", "--out", str(chart)], env)
        check_file(step, chart, magic)
    invoice = folder / "invoice.pdf"
    today = date.today()
    period = ["--from", str(today - timedelta(days=1)), "--to", str(today + timedelta(days=1))]
    step = "invoice PDF (Qt)"
    run_step(step, [*program, "invoice", CLIENT, *period, "--pdf", str(invoice)], env)
    check_file(step, invoice, b"%PDF")
    print("  week chart (PNG and PDF) and draft invoice (PDF) written", flush=True)


# --- start-up time -----------------------------------------------------------------------------


def seconds_to_ready(argv: Sequence[str], data_dir: Path) -> float:
    """Seconds from launch until the window prints "ready" (it then quits by itself)."""
    env = app_environment(data_dir, VATRACKER_QUIT_WHEN_READY="1")
    started = time.perf_counter()
    child = subprocess.Popen(
        list(argv), env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    watchdog = threading.Timer(STEP_TIMEOUT, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None
        seconds = None
        for line in child.stdout:
            if line.strip() == "ready":
                seconds = time.perf_counter() - started
                break
        child.communicate()
    finally:
        watchdog.cancel()
    if seconds is None or child.returncode != 0:
        raise SmokeTestFailure(
            f"start-up time: {argv[0]} did not get ready (status {child.returncode})"
        )
    return seconds


def best_start_up(
    programs: dict[str, Sequence[str]], runs: int = START_UP_RUNS
) -> dict[str, float]:
    """The fastest of `runs` launches of each program, taken in turns so that a passing load on
    the machine weighs on all alike; each program has its own data folder, made on a first,
    untimed launch."""
    with tempfile.TemporaryDirectory(
        prefix="vatracker-start-up-", ignore_cleanup_errors=True
    ) as tmp:
        folders = {name: Path(tmp, str(number)) for number, name in enumerate(programs)}
        for name, argv in programs.items():
            seconds_to_ready(argv, folders[name])
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, argv in programs.items():
                times[name].append(seconds_to_ready(argv, folders[name]))
    return {name: min(seconds) for name, seconds in times.items()}


def report(bundle: Path) -> None:
    """The bundle's size, and its start-up next to `python -m vatracker`'s."""
    megabytes = folder_bytes(bundle) / 1e6
    best = best_start_up(
        {"bundle": [str(executable(bundle))], "source": [sys.executable, "-m", "vatracker"]}
    )
    ratio = best["bundle"] / best["source"]
    print(f"Bundle: {bundle} ({megabytes:.1f} MB)")
    print(
        f"Start-up to a ready window, best of {START_UP_RUNS}: bundle {best['bundle']:.2f} s, "
        f"source install {best['source']:.2f} s ({ratio:.2f}x)",
        flush=True,
    )


# --- the Windows installer ---------------------------------------------------------------------


def find_iscc() -> Path | None:
    """Inno Setup 6's compiler: on the PATH, or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return Path(found)
    for variable, below in (
        ("ProgramFiles(x86)", "Inno Setup 6"),
        ("ProgramFiles", "Inno Setup 6"),
        ("LOCALAPPDATA", os.path.join("Programs", "Inno Setup 6")),  # a per-user install
    ):
        root = os.environ.get(variable)
        if root and Path(root, below, "ISCC.exe").is_file():
            return Path(root, below, "ISCC.exe")
    return None


def build_installer(bundle: Path, output: Path) -> None:
    """The setup .exe for `bundle`, written to `output`."""
    if sys.platform != "win32":
        raise SmokeTestFailure("installer: the Windows installer is built on Windows")
    iscc = find_iscc()
    if iscc is None:
        raise SmokeTestFailure("installer: iscc not found; install Inno Setup 6 (jrsoftware.org)")
    command = [
        str(iscc),
        f"/DAppVersion={__version__}",
        f"/DBundleDir={bundle}",
        f"/O{output}",
        str(INNO_SCRIPT),
    ]
    if subprocess.run(command, timeout=BUILD_TIMEOUT).returncode != 0:
        raise SmokeTestFailure("installer: iscc failed")
    print(f"Installer written to {output}", flush=True)


# --- the command ---------------------------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=PROJECT / "dist", help="default: dist/")
    parser.add_argument("--work", type=Path, default=PROJECT / "build", help="default: build/")
    parser.add_argument("--skip-smoke", action="store_true", help="build only, test nothing")
    parser.add_argument(
        "--installer", action="store_true", help="then the Windows installer (Inno Setup 6)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    try:
        started = time.perf_counter()
        bundle = build(dist, work)
        print(f"Built {bundle} in {time.perf_counter() - started:.0f} s", flush=True)
        if not args.skip_smoke:
            smoke_test(bundle)
            report(bundle)
        if args.installer:
            build_installer(bundle, dist)
    except SmokeTestFailure as failure:
        print(f"build_bundle: FAILED at {failure}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as timeout:
        print(
            f"build_bundle: FAILED: {timeout.cmd[0]} took over {timeout.timeout} s", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
