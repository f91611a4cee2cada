"""FAULTS S12 (a data folder on a network or synced drive) and T10 (outdated zone data)."""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from vatracker.domain.data_location import location_warning, read_mounts
from vatracker.domain.zones import zone_data_problem

MOUNTS = read_mounts(
    "/dev/sda1 / ext4 rw 0 0\n"
    "server:/export/home /home/va/nas nfs4 rw 0 0\n"
    "//fileserver/share /mnt/office cifs rw 0 0\n"
    "va@host:/ /home/va/remote\\040files fuse.sshfs rw 0 0\n"
    "tmpfs /tmp tmpfs rw 0 0\n"
)


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (PurePosixPath("/home/va/Dropbox/vatracker"), "inside Dropbox"),
        (PurePosixPath("/Users/va/Library/Mobile Documents/com~apple~CloudDocs/va"), "iCloud"),
        (PurePosixPath("/Users/va/Library/CloudStorage/OneDrive-Personal/va"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\va\OneDrive - Acme Ltd\VA Tracker"), "OneDrive"),
        (PureWindowsPath(r"G:\My Drive\vatracker"), "Google Drive"),
        (PureWindowsPath(r"\\nas\share\vatracker"), "on a network share"),
        (PurePosixPath("/home/va/nas/vatracker"), "network drive (nfs4)"),
        (PurePosixPath("/mnt/office/va"), "network drive (cifs)"),
        (PurePosixPath("/home/va/remote files/va"), "network drive (fuse.sshfs)"),
    ],
)
def test_network_and_synced_folders_are_flagged(path: PurePosixPath, where: str) -> None:
    warning = location_warning(path, MOUNTS)
    assert warning is not None and where in warning
    assert "--data-dir" in warning


@pytest.mark.parametrize(
    "path",
    [
        PurePosixPath("/home/va/.local/share/vatracker"),
        PurePosixPath("/home/va/nasty/vatracker"),  # near a network mount, not inside it
        PurePosixPath("/home/va/Boxes/vatracker"),
        PureWindowsPath(r"C:\Users\va\AppData\Local\vatracker"),
    ],
)
def test_local_folders_are_not_flagged(path: PurePosixPath) -> None:
    assert location_warning(path, MOUNTS) is None


def test_current_zone_data_puts_sao_paulo_at_minus_three_in_november_2019() -> None:
    assert zone_data_problem() is None


def test_zone_data_from_before_2019_is_reported() -> None:
    def old_data(name: str) -> tzinfo:
        return timezone(timedelta(hours=-2))  # Brazil's old summer time

    problem = zone_data_problem(old_data)
    assert problem is not None and "out of date" in problem and "Brazil" in problem
