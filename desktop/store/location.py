"""Warn when the data dir sits where SQLite is unsafe: a network drive or a cloud-synced folder.

SQLite's locking and WAL rely on a local file system; network shares break them silently, and sync clients
(OneDrive, Dropbox …) copy or replace files while they are open. Everything here is a pure function of the
path plus injectable facts about the machine (mount table, Windows drive type) so it is testable anywhere.
"""

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs", "davfs"}
)
DRIVE_REMOTE = 4  # GetDriveTypeW result for a mapped network drive

# Cloud service → (exact folder names, folder-name prefixes), compared case-insensitively.
CLOUD_FOLDERS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "OneDrive": (frozenset({"onedrive"}), ("onedrive - ", "onedrive-")),
    "Dropbox": (frozenset({"dropbox"}), ("dropbox (", "dropbox-")),
    "Google ドライブ": (
        frozenset({"google drive", "googledrive", "マイドライブ", "my drive"}),
        ("googledrive-",),
    ),
    "iCloud Drive": (frozenset({"iclouddrive", "icloud drive", "com~apple~clouddocs"}), ()),
    "Box": (frozenset({"box", "box sync"}), ("box-",)),
}

ADVICE = "SQLite のデータが壊れる恐れがあるため、このPCのローカルフォルダに移すことをおすすめします。"


@dataclass(frozen=True)
class Mount:
    """One line of /proc/mounts: where a file system is mounted and its type."""

    point: str
    fs_type: str


def parse_mounts(text: str) -> list[Mount]:
    """Parse /proc/mounts (mount points escape spaces and the like as octal, e.g. \\040)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
            mounts.append(Mount(point, fields[2]))
    return mounts


def read_mounts(path: str = "/proc/mounts") -> list[Mount]:
    """The mount table of this Linux machine (empty where there is none)."""
    try:
        return parse_mounts(Path(path).read_text(encoding="utf-8", errors="surrogateescape"))
    except OSError:
        return []


def mount_of(path: PurePosixPath, mounts: Iterable[Mount]) -> Mount | None:
    """The mount that holds `path`: the longest mount point it lies under."""
    best: Mount | None = None
    for m in mounts:
        if path.is_relative_to(m.point) and (best is None or len(m.point) > len(best.point)):
            best = m
    return best


def cloud_service(path: PurePath) -> str | None:
    """Name of the sync service whose folder contains `path`, judged by its folder names."""
    for part in path.parts[1:] if path.anchor else path.parts:
        name = part.casefold()
        for service, (exact, prefixes) in CLOUD_FOLDERS.items():
            if name in exact or name.startswith(prefixes):
                return service
    return None


def is_unc(path: PureWindowsPath) -> bool:
    """True for \\\\server\\share paths (also \\\\?\\UNC\\…), false for drive letters and device paths."""
    drive = path.drive
    if drive.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    return drive.startswith(("\\\\", "//")) and not drive.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./"))


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def windows_network_warning(path: PureWindowsPath, drive_type: Callable[[str], int]) -> str | None:
    """Warning for a UNC path or a mapped network drive."""
    if is_unc(path):
        return f"データフォルダ（{path}）はネットワーク上の共有フォルダにあります。{ADVICE}"
    drive = path.drive
    if len(drive) == 2 and drive[1] == ":" and drive_type(drive + "\\") == DRIVE_REMOTE:
        return f"データフォルダ（{path}）はネットワークドライブ（{drive}）にあります。{ADVICE}"
    return None


def posix_network_warning(path: PurePosixPath, mounts: Iterable[Mount]) -> str | None:
    """Warning for a data dir on NFS, SMB, SSHFS, 9p and the like."""
    mount = mount_of(path, mounts)
    if mount is not None and mount.fs_type.casefold() in NETWORK_FS_TYPES:
        return f"データフォルダ（{path}）はネットワーク上のファイルシステム（{mount.fs_type}）にあります。{ADVICE}"
    return None


def cloud_warning(path: PurePath) -> str | None:
    """Warning for a data dir inside a folder a sync client copies."""
    service = cloud_service(path)
    if service is None:
        return None
    return (
        f"データフォルダ（{path}）は {service} の同期フォルダの中にあります。"
        "同期ソフトが使用中のファイルを書き換えるとデータが壊れる恐れがあるため、"
        "同期されないフォルダに移すことをおすすめします。"
    )


def location_warning(
    data_dir: str | os.PathLike[str],
    *,
    platform: str | None = None,
    mounts: Iterable[Mount] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """A Japanese warning when the data dir is on a network drive or in a cloud-synced folder, else None."""
    if (platform or os.name) == "nt":
        paths = [os.fspath(data_dir)]
        if os.name == "nt":  # pragma: no cover - a mapped drive may resolve to its UNC path
            paths.append(os.path.realpath(paths[0]))
        for raw in dict.fromkeys(paths):
            win = PureWindowsPath(raw)
            warning = windows_network_warning(win, drive_type or _windows_drive_type) or cloud_warning(win)
            if warning:
                return warning
        return None
    given = Path(data_dir).expanduser().absolute()
    resolved = given.resolve()
    table = list(read_mounts() if mounts is None else mounts)
    for candidate in dict.fromkeys((PurePosixPath(given), PurePosixPath(resolved))):
        warning = posix_network_warning(candidate, table) or cloud_warning(candidate)
        if warning:
            return warning
    return None
