"""The files no writer may replace: the live database and its companions, the instance lock, the backups and
the device's signing key.

Every output path the user names (a document, an export, a backup, a package) passes `refuse_protected`
before anything is written. Paths are compared after resolving symlinks, `..` and relative parts, and
without regard to case (Windows and macOS file names are case-insensitive; refusing `DXNAVI.sqlite3` on
Linux too costs nothing); an existing file is also compared by identity, which catches hard links.
"""

import os
from pathlib import Path

from desktop.models.errors import DomainError
from desktop.store.paths import COMPANIONS, backup_dir, db_path, key_dir, lock_path, staging_path


class ProtectedPathError(DomainError):
    """The output path is one of the store's own files; nothing was written."""


def protected_files(data_dir: Path) -> dict[Path, str]:
    """The store's own files → what they are, in words for the message."""
    db = db_path(Path(data_dir))
    files = {db: "使用中のデータファイル"}
    for suffix in COMPANIONS:
        files[Path(f"{db}{suffix}")] = f"使用中のデータファイルの作業ファイル（{suffix}）"
    files[lock_path(Path(data_dir))] = "使用中であることを示すロックファイル"
    staging = staging_path(Path(data_dir))
    for suffix in ("", *COMPANIONS):
        files[Path(f"{staging}{suffix}")] = "復元の作業ファイル"
    return files


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path)).casefold()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist
        return False


def what_is(out: Path, data_dir: Path) -> str | None:
    """What `out` is to the store (e.g. 使用中のデータファイル), or None when it is free to write."""
    target = _key(Path(out).expanduser())
    for path, description in protected_files(data_dir).items():
        if target == _key(path) or _same_file(out, path):
            return description
    for folder, description in (
        (backup_dir(Path(data_dir)), "バックアップ用フォルダの中のファイル"),
        (key_dir(Path(data_dir)), "署名鍵のフォルダの中のファイル"),
    ):
        inside = _key(folder)
        if target == inside or target.startswith(inside + os.sep):
            return description
    return None


def refuse_protected(out: Path, data_dir: Path) -> None:
    """Raise ProtectedPathError (Japanese) when writing `out` would replace one of the store's own files."""
    description = what_is(out, data_dir)
    if description is not None:
        raise ProtectedPathError(
            f"「{out}」には保存できません。自治体DXナビの{description}を上書きすると、データが失われます。"
            "別のフォルダまたはファイル名を指定してください。"
        )
