"""The demo prefecture (resources/demo/prefecture.toml): its fictional towns, their needs and the catalog."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from desktop.content.loader import TomlFile, resources_dir

TABLES = ("prefecture", "town", "need", "pool", "practice", "offer", "announcement")


def load_prefecture_demo(path: Path | None = None) -> dict[str, Any]:
    """The parsed file; unknown or missing tables are refused with the file named."""
    return _read((path or resources_dir() / "demo" / "prefecture.toml").resolve())


@functools.cache
def _read(path: Path) -> dict[str, Any]:
    file = TomlFile(path)
    for extra in sorted(set(file.data) - set(TABLES)):
        raise file.fail(f"未知の項目「{extra}」があります（使える項目: {'、'.join(TABLES)}）。")
    for missing in [t for t in TABLES if t not in file.data]:
        raise file.fail(f"「{missing}」がありません。")
    return file.data
