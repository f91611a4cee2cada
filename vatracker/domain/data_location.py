"""Is the data folder somewhere SQLite can keep a database safely?

SQLite's WAL needs shared memory between the processes on one computer; on a network drive it
does not work, and sync tools (Dropbox, OneDrive, iCloud…) copy a live database file half
written. Both show up as damaged data weeks later, so the app warns as soon as it starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

#: Folder names the common sync tools create (compared without case).
SYNCED_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "clouddocs": "iCloud Drive",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "megasync": "MEGA",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "seafile": "Seafile",
    "synologydrive": "Synology Drive",
    "yandex.disk": "Yandex Disk",
}
#: File systems that live on another computer.
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afs",
    "9p",
    "ceph",
    "glusterfs",
    "davfs",
    "fuse.davfs2",
    "fuse.sshfs",
    "sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gvfsd-fuse",
    "webdav",
}


def location_warning(path: PurePath, mounts: Iterable[tuple[str, str]] = ()) -> str | None:
    """Why `path` is a risky place for the database, or None. `mounts` are (mount point,
    file system type) pairs, as /proc/mounts lists them."""
    text = str(path)
    risk = None
    if text.startswith(("\\\\", "//")):
        risk = "on a network share"
    else:
        for part in path.parts:
            name = part.lower()
            service = SYNCED_FOLDERS.get(name) or next(
                (v for k, v in SYNCED_FOLDERS.items() if name.startswith(f"{k} - ")), None
            )
            if name.startswith("onedrive"):
                service = "OneDrive"
            if service:
                risk = f"inside {service}, which syncs it"
                break
        if risk is None:
            filesystem = _filesystem_of(text, mounts)
            if filesystem in NETWORK_FILESYSTEMS:
                risk = f"on a network drive ({filesystem})"
    if risk is None:
        return None
    return (
        f"Your data folder is {risk}. SQLite databases get damaged there: a network or sync "
        "tool copies the file while VA Tracker writes it. Move the folder to this computer's "
        "own disk (start VA Tracker with --data-dir or set VATRACKER_DATA_DIR), and let the "
        "sync tool keep copies of your exports or backups instead."
    )


def _filesystem_of(path: str, mounts: Iterable[tuple[str, str]]) -> str | None:
    best, found = -1, None
    for point, filesystem in mounts:
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, found = len(point), filesystem
    return found


def read_mounts(table: str) -> list[tuple[str, str]]:
    """(mount point, file system) pairs from the text of /proc/mounts."""
    found = []
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            found.append((fields[1].replace("\\040", " "), fields[2]))
    return found
