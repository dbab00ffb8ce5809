"""Why a file operation failed, in words that say what to do: a full disk, a read-only folder or a damaged file.

The three need opposite advice. A full disk or a read-only folder leaves the data intact (free space, or fix
the folder, then try again); only a damaged file calls for a backup. SQLite's error code and the OS errno
decide when they are clear; a bare I/O error (SQLite cannot map its shared-memory file on a full disk, for
instance) is judged by looking at the folder: almost no free space, or not writable. The facts about the
machine are parameters, so each answer can be tested anywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.models.errors import DomainError

FULL, READ_ONLY, DAMAGED = "full", "read_only", "damaged"
LOW_SPACE_BYTES = 1 << 20  # below this, a bare I/O error is taken for a full disk

_SQLITE_CAUSES = {
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
}
_SQLITE_UNCLEAR = (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN)
_ERRNO_CAUSES = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
}


class StorageFullError(DomainError):
    """The disk is full; the data already stored is intact."""


class StorageReadOnlyError(DomainError):
    """The folder cannot be written (read-only medium or no permission); the data already stored is intact."""


class StoreCorruptError(DomainError):
    """The database file cannot be read; the way out is a restore from a backup."""


def existing_folder(path: Path) -> Path:
    """The nearest folder of `path` that exists (the one whose disk and permissions count)."""
    path = Path(path).absolute()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def free_bytes(folder: Path) -> int:
    """Free space on the disk that holds `folder` (as much as an ordinary user may use)."""
    return shutil.disk_usage(existing_folder(folder)).free


def writable(folder: Path) -> bool:
    """True when files can be created in `folder` (also false on a read-only mount, even for root)."""
    return os.access(existing_folder(folder), os.W_OK)


def _original(err: BaseException) -> BaseException:
    return getattr(err, "orig", None) or err  # SQLAlchemy's DBAPIError wraps the driver's error


def cause_of(
    err: BaseException,
    folder: Path,
    *,
    free: Callable[[Path], int] = free_bytes,
    can_write: Callable[[Path], bool] = writable,
) -> str | None:
    """FULL, READ_ONLY or DAMAGED when `err` (raised while using files in `folder`) is one of these, else None."""
    orig = _original(err)
    if isinstance(orig, sqlite3.Error):
        code = (getattr(orig, "sqlite_errorcode", 0) or 0) & 0xFF  # the primary code of an extended one
        if code in _SQLITE_CAUSES:
            return _SQLITE_CAUSES[code]
        if code not in _SQLITE_UNCLEAR:
            return None
    elif isinstance(orig, OSError):
        if orig.errno in _ERRNO_CAUSES:
            return _ERRNO_CAUSES[orig.errno]
    else:
        return None
    try:
        if free(folder) < LOW_SPACE_BYTES:
            return FULL
        if not can_write(folder):
            return READ_ONLY
    except OSError:
        return None
    return None


def full_message(failed: str, folder: Path) -> str:
    """`failed` is what did not happen, e.g. 「バックアップを作成できませんでした」."""
    return (
        f"{failed}。ディスクの空き容量が足りません（{folder}）。これまでに保存したデータは壊れていません。"
        "不要なファイルを削除するなどして空き容量を確保してから、もう一度実行してください。"
    )


def read_only_message(failed: str, folder: Path) -> str:
    """The folder is on a read-only medium or the user may not write there."""
    return (
        f"{failed}。フォルダ（{folder}）が読み取り専用か、書き込む権限がありません。"
        "これまでに保存したデータは壊れていません。フォルダの設定を確認するか、書き込めるフォルダを指定してください。"
    )


def explain(
    err: BaseException,
    folder: Path,
    failed: str,
    damaged: Callable[[], DomainError] | None = None,
    **facts: Callable,
) -> DomainError | None:
    """The Japanese error for `err`, or None when it is none of the three (a programming error, say).

    `damaged` makes the damaged-file error; only the store knows the way back (its backups).
    """
    cause = cause_of(err, folder, **facts)
    if cause == FULL:
        return StorageFullError(full_message(failed, folder))
    if cause == READ_ONLY:
        return StorageReadOnlyError(read_only_message(failed, folder))
    if cause == DAMAGED and damaged is not None:
        return damaged()
    return None
