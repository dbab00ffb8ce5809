"""The demo town (resources/demo/*.toml): its texts and figures, kept as files a non-programmer can edit.

Each file is checked for its tables here; the values themselves go through the same validation as user input
when desktop.services.demo stores them, so a mistyped field or value fails with the usual Japanese message.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from desktop.content.loader import TomlFile, resources_dir

# File → the top-level names it must hold (and the only ones it may hold).
DEMO_TABLES: dict[str, frozenset[str]] = {
    "town": frozenset({"town"}),
    "plan": frozenset({"plan", "priority", "kpi"}),
    "steps": frozenset({"evidence_root", "activity", "checkpoint"}),
    "structure": frozenset({"role", "talent_gap"}),
    "initiatives": frozenset({"initiative", "standardization_review"}),
    "standardization": frozenset({"system"}),
    "needs": frozenset({"need", "response"}),
    "jobs": frozenset({"job"}),
    "spec_single": frozenset({"spec", "chapters", "requirement"}),
    "spec_joint": frozenset({"spec", "chapters", "requirement", "partner"}),
}


@dataclass(frozen=True)
class DemoContent:
    """The parsed demo files, one attribute per file (resources/demo/<name>.toml)."""

    town: dict[str, Any]
    plan: dict[str, Any]
    steps: dict[str, Any]
    structure: dict[str, Any]
    initiatives: dict[str, Any]
    standardization: dict[str, Any]
    needs: dict[str, Any]
    jobs: dict[str, Any]
    spec_single: dict[str, Any]
    spec_joint: dict[str, Any]


def load_demo(demo_dir: Path | None = None) -> DemoContent:
    """The demo content from `demo_dir` (default resources_dir()/demo), read once per folder."""
    directory = demo_dir if demo_dir is not None else resources_dir() / "demo"
    return _load_cached(directory.resolve())


@functools.cache
def _load_cached(directory: Path) -> DemoContent:
    return DemoContent(**{f.name: _read(directory / f"{f.name}.toml") for f in fields(DemoContent)})


def _read(path: Path) -> dict[str, Any]:
    file = TomlFile(path)
    expected = DEMO_TABLES[path.stem]
    for extra in sorted(set(file.data) - expected):
        raise file.fail(f"未知の項目「{extra}」があります（使える項目: {'、'.join(sorted(expected))}）。")
    for missing in sorted(expected - set(file.data)):
        raise file.fail(f"「{missing}」がありません。")
    return file.data
