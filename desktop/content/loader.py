"""Reads resources/content/*.toml into one validated, read-only Catalog, so broken content fails loudly at start."""

import dataclasses
import functools
import os
import re
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from desktop.content.catalog import (
    AppointmentType,
    Business,
    Catalog,
    Checkpoint,
    Deadline,
    MigrationPhase,
    OrgRoleTemplate,
    PriorityItem,
    SkillRole,
    Step,
)
from desktop.models.errors import DomainError

T = TypeVar("T")

# primary = a government/municipal source; general = DOMAIN.md [GK]; third_party = DOMAIN.md [3rd-party].
CONFIDENCES = frozenset({"primary", "general", "third_party"})
# 自治体DX全体手順書 has exactly ステップ0–3; Catalog.step(n) indexes by number.
STEP_NUMBERS = (0, 1, 2, 3)
CHECKPOINT_KEY = re.compile(r"^s([0-9]+)\.[a-z][a-z0-9_]*$")
ITEM_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# Provenance is never implicit: every record states these even where the dataclass has a default.
ALWAYS_REQUIRED = ("source", "confidence")
# A citation shown to users names an official document; these belong in maintainers' notes (DOMAIN.md §10.6).
NOT_A_CITATION = re.compile(
    r"https?://|www\.|\[GK\]|\[3rd-party\]|未確認|確認できて|要約|引用|note\.com|ブログ"
)


class ContentError(DomainError):
    """Bundled content is broken; the message names the file and the item so it can be fixed."""

    def __init__(self, path: Path, message: str, item: str | None = None) -> None:
        self.path = path
        self.item = item
        where = f"内容ファイル「{path.name}」" + (f"の「{item}」" if item else "")
        super().__init__(f"{where}: {message}")


def resources_dir() -> Path:
    """The resources folder: $DXNAVI_RESOURCES, else the repo's resources/, else the PyInstaller bundle's."""
    override = os.environ.get("DXNAVI_RESOURCES")
    if override:
        return Path(override).expanduser()
    repo = Path(__file__).resolve().parents[2] / "resources"
    if repo.is_dir():
        return repo
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return repo


def load_catalog(content_dir: Path | None = None) -> Catalog:
    """The catalog from `content_dir` (default resources_dir()/content), read once per folder."""
    directory = content_dir if content_dir is not None else resources_dir() / "content"
    return _load_cached(directory.resolve())


@functools.cache
def _load_cached(directory: Path) -> Catalog:
    return read_catalog(directory)


def read_catalog(directory: Path) -> Catalog:
    """Read and validate every content file (uncached); raises ContentError on the first problem."""
    steps = _read_steps(TomlFile(directory / "steps.toml"))
    priorities = _read_priorities(TomlFile(directory / "priorities.toml"))
    businesses, phases = _read_standardization(TomlFile(directory / "standardization.toml"))
    skill_roles, appointment_types, org_roles = _read_talent(TomlFile(directory / "talent.toml"))
    deadlines = _read_deadlines(TomlFile(directory / "deadlines.toml"), {p.key for p in priorities})
    return Catalog(
        steps=steps,
        priorities=priorities,
        businesses=businesses,
        phases=phases,
        skill_roles=skill_roles,
        appointment_types=appointment_types,
        org_roles=org_roles,
        deadlines=deadlines,
    )


class TomlFile:
    """One parsed content file; knows its path so every error can name it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ContentError(path, f"ファイルが見つかりません（{path}）。") from None
        except UnicodeDecodeError:
            raise ContentError(path, "UTF-8で保存されていません。") from None
        except tomllib.TOMLDecodeError as err:
            raise ContentError(path, f"TOMLの書式が正しくありません（{err}）。") from None

    def fail(self, message: str, item: str | None = None) -> ContentError:
        return ContentError(self.path, message, item)

    def tables(self, *names: str) -> list[list[dict[str, Any]]]:
        """The [[name]] arrays, in order; unknown top-level names are typos and rejected."""
        for extra in sorted(set(self.data) - set(names)):
            raise self.fail(f"未知の表「{extra}」があります（使える表: {'、'.join(names)}）。")
        result = []
        for name in names:
            rows = self.data.get(name)
            if not rows:
                raise self.fail(f"[[{name}]] の項目が1件もありません。")
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise self.fail(f"「{name}」は [[{name}]] の表の配列で書いてください。")
            result.append(rows)
        return result


def _label(row: dict[str, Any], table: str, index: int) -> str:
    """How an item is named in messages: its key or name, else its position."""
    for field in ("key", "name", "number"):
        if isinstance(row.get(field), str | int) and not isinstance(row.get(field), bool):
            return str(row[field])
    return f"[[{table}]] の{index + 1}件目"


def _record(
    cls: type[T],
    file: TomlFile,
    table: str,
    index: int,
    row: dict[str, Any],
    require: tuple[str, ...] = (),
    **given: Any,
) -> T:
    """Build one dataclass from a TOML row, checking required fields, types and typos."""
    label = _label(row, table, index)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    settable = set(fields) - set(given)
    for extra in sorted(set(row) - settable):
        raise file.fail(f"未知の項目「{extra}」があります（綴りを確認してください）。", label)
    values: dict[str, Any] = dict(given)
    for name in sorted(settable):
        field = fields[name]
        has_default = field.default is not dataclasses.MISSING
        required = not has_default or name in ALWAYS_REQUIRED or name in require
        if name not in row:
            if required:
                raise file.fail(f"必須の項目「{name}」がありません。", label)
            continue
        values[name] = _typed(file, label, name, field.type, row[name], required)
    for citation in values.get("citations", ()):
        if NOT_A_CITATION.search(citation):
            raise file.fail(
                f"出典「{citation}」は一次資料の文書名・版・章節で書いてください"
                "（URL・調査メモ・二次資料は source に書きます）。",
                label,
            )
    confidence = values.get("confidence")
    if confidence is not None and confidence not in CONFIDENCES:
        raise file.fail(
            f"confidence「{confidence}」は primary / general / third_party のいずれかにしてください。", label
        )
    return cls(**values)


def _typed(file: TomlFile, label: str, name: str, kind: Any, value: Any, required: bool) -> Any:
    """Check one value against the dataclass field type."""
    if kind is str:
        if not isinstance(value, str):
            raise file.fail(f"「{name}」は文字列で書いてください。", label)
        if required and not value.strip():
            raise file.fail(f"「{name}」が空です。", label)
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise file.fail(f"「{name}」は整数で書いてください。", label)
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise file.fail(f"「{name}」は true / false で書いてください。", label)
        return value
    if kind is date:
        return _as_date(file, label, name, value)
    if kind == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise file.fail(f'「{name}」は文字列の配列で書いてください（例: ["…", "…"]）。', label)
        return tuple(value)
    raise file.fail(f"「{name}」はファイルには書けない項目です。", label)


def _as_date(file: TomlFile, label: str, name: str, value: Any) -> date:
    """Accept a TOML date (2026-03-31) or an ISO string; a date-time is a mistake."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise file.fail(f"「{name}」の日付「{value}」が正しくありません（例: 2026-03-31）。", label)


def _check_unique(file: TomlFile, items: Any, attr: str, what: str) -> None:
    seen: set[Any] = set()
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            raise file.fail(f"{what}「{value}」が重複しています。", str(getattr(item, "key", value)))
        seen.add(value)


def _check_keys(file: TomlFile, items: Any) -> None:
    for item in items:
        if not ITEM_KEY.match(item.key):
            raise file.fail("key は英小文字・数字・_ で書いてください（例: front_yard）。", item.key)
    _check_unique(file, items, "key", "key")


def _read_steps(file: TomlFile) -> tuple[Step, ...]:
    step_rows, checkpoint_rows = file.tables("step", "checkpoint")
    checkpoints = [
        _record(Checkpoint, file, "checkpoint", i, row, require=("title_en",))
        for i, row in enumerate(checkpoint_rows)
    ]
    for cp in checkpoints:
        if cp.step not in STEP_NUMBERS:
            raise file.fail(f"ステップ番号 {cp.step} はありません（0〜3）。", cp.key)
        match = CHECKPOINT_KEY.match(cp.key)
        if not match or int(match.group(1)) != cp.step:
            raise file.fail(f"key は「s{cp.step}.英小文字_数字」の形にしてください。", cp.key)
    _check_unique(file, checkpoints, "key", "key")
    steps = []
    for i, row in enumerate(step_rows):
        number = row.get("number")
        owned = tuple(cp for cp in checkpoints if cp.step == number)
        steps.append(_record(Step, file, "step", i, row, require=("title_en",), checkpoints=owned))
    numbers = [s.number for s in steps]
    if numbers != list(STEP_NUMBERS):
        raise file.fail(f"[[step]] はステップ0〜3を順に1件ずつ書いてください（現在: {numbers}）。")
    return tuple(steps)


def _read_priorities(file: TomlFile) -> tuple[PriorityItem, ...]:
    (rows,) = file.tables("priority")
    items = tuple(_record(PriorityItem, file, "priority", i, row) for i, row in enumerate(rows))
    _check_keys(file, items)
    for related in (False, True):
        group = [p for p in items if p.related is related]
        _check_unique(
            file, group, "number", "あわせて取り組むべき事項の番号" if related else "重点取組事項の番号"
        )
    return items


def _read_standardization(file: TomlFile) -> tuple[tuple[Business, ...], tuple[MigrationPhase, ...]]:
    group_rows, business_rows, stage_rows, phase_rows = file.tables("group", "business", "stage", "phase")
    groups = _named_provenance(file, "group", group_rows)
    businesses = []
    for i, row in enumerate(business_rows):
        source, confidence = groups.get(row.get("group"), ("", ""))
        if not source:
            raise file.fail(
                f"group「{row.get('group')}」は [[group]] にありません。", _label(row, "business", i)
            )
        businesses.append(
            _record(Business, file, "business", i, row, group_source=source, group_confidence=confidence)
        )
    _check_keys(file, businesses)
    _check_unique(file, businesses, "number", "業務の番号")
    stages = _named_provenance(file, "stage", stage_rows)
    phases = tuple(_record(MigrationPhase, file, "phase", i, row) for i, row in enumerate(phase_rows))
    for phase in phases:
        if phase.stage not in stages:
            raise file.fail(f"stage「{phase.stage}」は [[stage]] にありません。", phase.key)
    _check_keys(file, phases)
    _check_unique(file, phases, "number", "作業項目の番号")
    return tuple(sorted(businesses, key=lambda b: b.number)), tuple(sorted(phases, key=lambda p: p.number))


def _named_provenance(file: TomlFile, table: str, rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """{name: (source, confidence)} for the [[group]] / [[stage]] tables that other rows refer to by name."""
    result: dict[str, tuple[str, str]] = {}
    for i, row in enumerate(rows):
        label = _label(row, table, i)
        for extra in sorted(set(row) - {"name", "source", "confidence"}):
            raise file.fail(f"未知の項目「{extra}」があります（綴りを確認してください）。", label)
        values = [row.get(name) for name in ("name", "source", "confidence")]
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise file.fail("name・source・confidence をすべて書いてください。", label)
        name, source, confidence = values
        if confidence not in CONFIDENCES:
            raise file.fail(
                f"confidence「{confidence}」は primary / general / third_party のいずれかにしてください。",
                label,
            )
        if name in result:
            raise file.fail(f"{table}「{name}」が重複しています。", label)
        result[name] = (source, confidence)
    return result


def _read_talent(
    file: TomlFile,
) -> tuple[tuple[SkillRole, ...], tuple[AppointmentType, ...], tuple[OrgRoleTemplate, ...]]:
    role_rows, appointment_rows, org_rows = file.tables("skill_role", "appointment_type", "org_role")
    roles = tuple(_record(SkillRole, file, "skill_role", i, row) for i, row in enumerate(role_rows))
    appointments = tuple(
        _record(AppointmentType, file, "appointment_type", i, row) for i, row in enumerate(appointment_rows)
    )
    org_roles = tuple(_record(OrgRoleTemplate, file, "org_role", i, row) for i, row in enumerate(org_rows))
    for items in (roles, appointments, org_roles):
        _check_keys(file, items)
    return roles, appointments, org_roles


def _read_deadlines(file: TomlFile, priority_keys: set[str]) -> tuple[Deadline, ...]:
    (rows,) = file.tables("deadline")
    deadlines = tuple(_record(Deadline, file, "deadline", i, row) for i, row in enumerate(rows))
    _check_keys(file, deadlines)
    for deadline in deadlines:
        if deadline.priority_key and deadline.priority_key not in priority_keys:
            raise file.fail(
                f"priority_key「{deadline.priority_key}」は priorities.toml にありません。", deadline.key
            )
    return tuple(sorted(deadlines, key=lambda d: d.due))  # stable: file order breaks ties
