"""Package use cases (DESIGN.md §5): export a signed .dxpkg, read one with a preview, apply it in one transaction.

A package is refused (PackageRefused, Japanese reason) with the store untouched when the file fails any check of
desktop.exchange, when it is not for this data dir, when its key is pinned here with a different public key, or
when its key is new and was not approved by its fingerprint (the keys: desktop.services.package_keys). Applying
takes a backup first and goes through the same merge as a sync pull (desktop.sync.merge).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.documents.output import OutputError, atomic_output
from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused, read_file
from desktop.exchange.build import Contents, build_package
from desktop.exchange.manifest import KIND_LABELS, Kind, Manifest
from desktop.exchange.package import Package, open_package
from desktop.models import (
    ENTITY_BY_KIND,
    SYNCED_ENTITIES,
    AuditEntry,
    PackageOrigin,
    PackageReceipt,
)
from desktop.models.base import Synced
from desktop.models.catalog import record_contact
from desktop.models.errors import DomainError
from desktop.models.ownership import CATALOG_KINDS, is_prefecture_code, may_read, may_write
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.services import package_keys, settings
from desktop.services.municipality import get_municipality
from desktop.services.output_paths import check_output, writing
from desktop.services.package_preview import RECORD_LABELS, Preview, RecordOutcome, record_name
from desktop.services.workspace import NoMunicipalityError, Workspace
from desktop.sync.merge import Copy, change_of, meet_many
from desktop.sync.protocol import Change
from desktop.sync.wire import row_fields, to_wire

SEQUENCE_SETTING = "package_sequence"

# The records each kind of package carries, besides the municipality itself.
KIND_RECORDS: dict[str, tuple[str, ...]] = {
    "needs": (
        "municipality", "needs_request", "job_description", "org_role", "talent_gap", "joint_procurement_intent",
    ),
    "progress": (
        "municipality", "awareness_activity", "checklist_state", "plan", "plan_priority", "kpi", "kpi_value",
        "org_role", "talent_gap", "initiative", "pdca_review", "standardization_system",
    ),
    "full": tuple(cls.kind for cls in SYNCED_ENTITIES),
}  # fmt: skip


# --- export --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    path: Path
    manifest: Manifest
    records: int
    documents: tuple[str, ...]


def _sender_changes(s: Session, sender: str, owner: str, kinds: Iterable[str]) -> list[Change]:
    """Every record of `owner` of `kinds` (tombstones too) with the fields `sender` owns, parents first."""
    wanted = set(kinds)
    changes: list[Change] = []
    for cls in SYNCED_ENTITIES:
        if cls.kind not in wanted:
            continue
        for row in s.scalars(select(cls).where(cls.owner_code == owner).order_by(cls.id)):
            own = {k: v for k, v in row_fields(row).items() if may_write(sender, owner, cls.kind, k)}
            if not own:
                continue
            changes.append(change_of(row, own))
    return changes


def _gather(ws: Workspace, kind: Kind, to: str) -> list[Change]:
    me = ws.owner_code
    with ws.store.read() as s:
        if kind != "catalog":
            return _sender_changes(s, me, me, KIND_RECORDS[kind])
        # Catalog: the prefecture's catalog rows, and its responses on the recipient town's needs.
        changes = _sender_changes(s, me, me, CATALOG_KINDS)
        changes += [c for c in _sender_changes(s, me, to, ("needs_request",)) if not c.deleted]
        return changes


def _documents(
    ws: Workspace, kind: Kind, fingerprint: str, progress: Progress
) -> tuple[dict[str, bytes], bytes | None]:
    """The PDFs and the summary workbook that travel with a needs or progress package (none if no content)."""
    from desktop.services import documents as document_service
    from desktop.services import form_documents

    if kind not in ("needs", "progress"):
        return {}, None
    docs: dict[str, bytes] = {}
    summary: bytes | None = None
    with tempfile.TemporaryDirectory(prefix="dxnavi-package-") as tmp:
        folder = Path(tmp)
        try:
            if kind == "needs":
                form_documents.build_needs_pdf(
                    ws, folder / "n.pdf", progress=progress, fingerprint=fingerprint
                )
                docs["documents/支援ニーズ調書.pdf"] = (folder / "n.pdf").read_bytes()
                form_documents.export_needs_xlsx(ws, folder / "s.xlsx", progress)
            else:
                document_service.build_progress_pdf(ws, folder / "p.pdf", progress=progress)
                docs["documents/進捗報告.pdf"] = (folder / "p.pdf").read_bytes()
                form_documents.export_tracker_xlsx(ws, folder / "s.xlsx", progress)
            summary = (folder / "s.xlsx").read_bytes()
        except OutputError:
            raise
        except DomainError:  # nothing to print yet (no needs): the package goes without documents
            return {}, None
    return docs, summary


def next_sequence(ws: Workspace) -> int:
    """The next per-device sequence number (only ever grows, kept with the data)."""
    current = int(settings.get(ws.store, SEQUENCE_SETTING) or 0)
    settings.put(ws.store, SEQUENCE_SETTING, current + 1)
    return current + 1


def package_contents(
    ws: Workspace, kind: Kind, *, to: str = "", with_documents: bool = True, progress: Progress = NO_PROGRESS
) -> Contents:
    """What a package of `kind` from this data dir carries (records, and for needs/progress the documents)."""
    me = ws.owner_code
    if kind == "catalog":
        if not to or not may_write(me, to, "needs_request", "response_status") or to == me:
            raise DomainError("都道府県のパッケージは、宛先に管内の市区町村の団体コードを指定してください。")
    elif to:
        raise DomainError("宛先（--to）は都道府県からのパッケージにだけ指定できます。")
    progress.report(0, 3, "記録を集めています")
    changes = _gather(ws, kind, to)
    docs, summary = ({}, None)
    if with_documents:
        progress.report(1, 3, "文書を作成しています")
        docs, summary = _documents(ws, kind, package_keys.device_fingerprint(ws), progress)
    name = get_municipality(ws).name
    return Contents(kind, me, name, changes, recipient_code=to, documents=docs, summary=summary)


def write_package(ws: Workspace, contents: Contents, out: Path, progress: Progress = NO_PROGRESS) -> Exported:
    """Sign `contents` with this device's key and the next sequence number; write `out` whole or not at all."""
    out = check_output(ws.store.data_dir, out)
    progress.report(2, 3, "署名しています")
    manifest, data = build_package(
        contents,
        package_keys.device_key(ws),
        sequence=next_sequence(ws),
        created_at=ws.now(),
        app_version=__version__,
    )
    with writing(out), atomic_output(out) as tmp:
        tmp.write_bytes(data)
    progress.report(3, 3, "保存しました")
    return Exported(Path(out), manifest, len(contents.changes), tuple(contents.documents))


def export_package(
    ws: Workspace,
    kind: Kind,
    out: Path,
    *,
    to: str = "",
    with_documents: bool = True,
    progress: Progress = NO_PROGRESS,
) -> Exported:
    """Write a signed package of this data dir's records to `out` (whole or not at all)."""
    check_output(ws.store.data_dir, out)
    contents = package_contents(ws, kind, to=to, with_documents=with_documents, progress=progress)
    return write_package(ws, contents, out, progress)


# --- import --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """A checked package and what it would do here."""

    package: Package
    receiver_code: str
    key_status: str  # "pinned" | "new"
    preview: Preview
    pinned_name: str = ""

    @property
    def manifest(self) -> Manifest:
        return self.package.manifest

    @property
    def fingerprint(self) -> str:
        return self.package.fingerprint

    @property
    def shown_fingerprint(self) -> str:
        """The fingerprint in groups of four, as the sender's settings and 支援ニーズ調書 show it."""
        return keys.grouped(self.fingerprint)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.manifest.kind]

    @property
    def from_prefecture(self) -> bool:
        """A prefecture sent it: its fingerprint is in its settings, not on a 支援ニーズ調書 (a town's)."""
        return is_prefecture_code(self.manifest.sender_code)

    @property
    def where_to_check(self) -> str:
        """Where the officer finds the fingerprint to compare with, by who sent the package."""
        name = self.manifest.sender_name
        if self.from_prefecture:
            return (
                f"{name}の担当者に電話などで確かめた指紋（送信元の「この端末の署名鍵の指紋」に表示されます）"
            )
        return f"{name}の支援ニーズ調書に印刷された指紋か、電話などで送信元に確かめた指紋"


@dataclass(frozen=True)
class Applied:
    opened: Opened
    backup: Path | None
    preview: Preview  # what the import did

    @property
    def counts(self) -> dict[str, int]:
        return self.preview.counts


def receiver_code(ws: Workspace, manifest: Manifest) -> str:
    """This data dir's 団体コード; a data dir not yet registered takes a town's `full` package (a second PC)."""
    try:
        return ws.owner_code
    except NoMunicipalityError:
        if manifest.kind == "full":
            return manifest.sender_code
        raise PackageRefused(
            "このデータフォルダには団体がまだ登録されていません。登録前に取り込めるのは、"
            "自団体の別のパソコンで作成した全データのパッケージだけです。"
        ) from None


def _check_for_us(me: str, manifest: Manifest) -> None:
    if manifest.kind == "catalog":
        if manifest.recipient_code != me:
            raise PackageRefused(
                f"このパッケージは別の団体（{manifest.recipient_code}）あてです。この団体（{me}）では取り込めません。"
            )
        return
    if not may_read(me, manifest.sender_code, "needs_request"):
        raise PackageRefused(
            f"{manifest.sender_name}（{manifest.sender_code}）のパッケージは、この団体（{me}）では取り込めません"
            "（自団体の別のパソコンか、所管の都道府県だけが取り込めます）。"
        )


def _rows(s: Session, package: Package) -> dict[str, Synced]:
    """This store's rows of the package's records, read in a few queries (deciding then needs no SQL)."""
    ids: dict[str, list[str]] = {}
    for change in package.changes:
        ids.setdefault(change.kind, []).append(change.id)
    rows: dict[str, Synced] = {}
    for kind, record_ids in ids.items():
        cls = ENTITY_BY_KIND[kind]
        for start in range(0, len(record_ids), 500):
            rows.update(
                (r.id, r) for r in s.scalars(select(cls).where(cls.id.in_(record_ids[start : start + 500])))
            )
    return rows


def _origins(s: Session, package: Package) -> dict[tuple[str, str], PackageOrigin]:
    """Which package last set each record of this one (read in one query per kind)."""
    ids: dict[str, list[str]] = {}
    for change in package.changes:
        ids.setdefault(change.kind, []).append(change.id)
    out: dict[tuple[str, str], PackageOrigin] = {}
    for kind, record_ids in ids.items():
        for start in range(0, len(record_ids), 500):
            rows = s.scalars(
                select(PackageOrigin).where(
                    PackageOrigin.kind == kind, PackageOrigin.record_id.in_(record_ids[start : start + 500])
                )
            )
            out.update(((o.kind, o.record_id), o) for o in rows)
    return out


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _copy(change: Change, values: dict[str, Any], row: Synced | None, now: datetime, actor: str) -> Copy:
    """A package's change as sync's merge takes it: the sender's own fields, checked, as they travel."""
    return Copy(
        kind=change.kind,
        id=change.id,
        owner_code=change.owner_code,
        # The hub version the sender's copy stands on; never below the one this PC already has.
        version=max(change.base_version, row.version if row is not None else 0),
        deleted=change.deleted,
        updated_at=now.isoformat(),
        updated_by=change.updated_by or actor,
        # Checked values are mostly JSON scalars already; only dates and datetimes need to_wire.
        fields={key: v if v.__class__ in _SCALARS else to_wire(v) for key, v in values.items()},
        whole=False,
    )


_INSERT_ORIGIN = (
    f"INSERT INTO {PackageOrigin.__tablename__} (kind, record_id, key_id, sequence) VALUES (?, ?, ?, ?)"
)


def _merge(s: Session, package: Package, now: datetime, actor: str, receiver: str) -> Preview:
    """Meet every record of the package by sync's merge (desktop.sync.merge.meet), in the caller's transaction.

    The same three-way rule, base copies and Conflict rows as a pull; only the order differs: a record that a
    newer package of the same device already set is left alone (sequences order one device's packages only),
    and a field the `receiver` may not write is taken from the package, never a conflict here.
    """
    manifest = package.manifest
    if s.get(PackageReceipt, manifest.package_id) is not None:
        return Preview((), already_imported=True)
    rows = _rows(s, package)
    origins = _origins(s, package)
    new_origins: list[tuple[str, str]] = []
    copies = []
    newer = set()
    for change, values in zip(package.changes, package.values, strict=True):
        row = rows.get(change.id)
        if row is not None and row.owner_code != change.owner_code:
            raise PackageRefused(
                f"記録（{change.kind} {change.id[:8]}）は別の団体（{row.owner_code}）のものとしてこちらにあります。"
                "取り込みません。"
            )
        origin = origins.get((change.kind, change.id))
        # Sequences order the packages of one device only; another device's older package merges normally.
        if origin is not None and origin.key_id == manifest.key_id and origin.sequence > manifest.sequence:
            newer.add(change.id)
        copies.append(_copy(change, values, row, now, actor))
    outcomes = meet_many(s, copies, now, known=rows, newer_here=newer, scope_code=receiver)
    done = []
    for change, values, outcome in zip(package.changes, package.values, outcomes, strict=True):
        if outcome.parked:
            raise PackageRefused(
                f"記録（{RECORD_LABELS.get(change.kind, change.kind)} {change.id[:8]}）の親になる記録が、"
                "パッケージにもこちらにもありません。取り込みません。"
            )
        if outcome.result not in ("older", "absent"):
            origin = origins.get((change.kind, change.id))
            if origin is None:
                new_origins.append((change.kind, change.id))
            else:
                origin.key_id, origin.sequence = manifest.key_id, manifest.sequence
        name = record_name(values, change.id, rows.get(change.id))
        conflicts = tuple(outcome.conflicts + outcome.renewed)
        done.append(RecordOutcome(change.kind, name, outcome.result, conflicts))
    if new_origins:  # one executemany at the driver (no object, nor SQLAlchemy's parameter work, per record)
        order = (manifest.key_id, manifest.sequence)
        s.connection().exec_driver_sql(_INSERT_ORIGIN, [(*o, *order) for o in new_origins])
    return Preview(tuple(done))


def open_for_import(ws: Workspace, path: Path, *, preview: bool = True) -> Opened:
    """Read and check a package and preview it; PackageRefused if it must not be applied here.

    The preview is the import itself, done in a transaction that is rolled back: it cannot differ from what
    applying does.
    """
    package = open_package(read_file(path))
    me = receiver_code(ws, package.manifest)
    _check_for_us(me, package.manifest)
    if not preview:
        with ws.store.read() as s:
            status, name = package_keys.key_status(s, package.manifest, package.public_key)
            imported = s.get(PackageReceipt, package.manifest.package_id) is not None
        return Opened(package, me, status, Preview((), already_imported=imported), name)
    with ws.store.trial() as s, s.no_autoflush:
        status, name = package_keys.key_status(s, package.manifest, package.public_key)
        shown = _merge(s, package, ws.now(), ws.actor, me)
    return Opened(package, me, status, shown, name)


def apply_package(ws: Workspace, path: Path, *, approve_key: str = "") -> Applied:
    """Apply a package in one transaction after a backup; a new key needs `approve_key` = its fingerprint."""
    return apply_opened(ws, open_for_import(ws, path, preview=False), approve_key=approve_key)


def apply_opened(ws: Workspace, opened: Opened, *, approve_key: str = "") -> Applied:
    """Apply a package already read and checked (the one a preview showed: not read or validated again)."""
    with ws.store.read() as s:  # the key may have been approved since the package was opened
        opened = replace(
            opened, key_status=package_keys.key_status(s, opened.manifest, opened.package.public_key)[0]
        )
    if opened.key_status == "new":
        package_keys.require_approval(opened.manifest, opened.fingerprint, approve_key, opened.where_to_check)
    if opened.preview.already_imported:
        return Applied(opened, None, opened.preview)
    backup = ws.store.backups.create("before-import")
    m = opened.manifest
    now = ws.now()
    with ws.store.write() as s, s.no_autoflush:
        if opened.key_status == "new":
            s.add(
                package_keys.new_pin(m.sender_code, opened.package.public_key, m.sender_name, "approved", now)
            )
        done = _merge(s, opened.package, now, ws.actor, opened.receiver_code)
        if done.already_imported:  # imported meanwhile (another window): nothing more to do
            return Applied(opened, backup, done)
        if is_prefecture_code(opened.receiver_code) and m.sender_code != opened.receiver_code:
            record_contact(s, m.sender_code, "package", now, f"{opened.kind_label} #{m.sequence}")
        s.flush()
        summary = done.describe()
        s.add(
            PackageReceipt(
                package_id=m.package_id,
                sender_code=m.sender_code,
                key_id=m.key_id,
                sequence=m.sequence,
                kind=m.kind,
                imported_at=now,
                summary=summary,
            )
        )
        s.add(
            AuditEntry(
                at=now,
                actor=ws.actor,
                entity="package",
                entity_id=m.package_id,
                action="import",
                summary=f"{m.sender_code} {m.sender_name} {m.kind} #{m.sequence}: {summary}",
            )
        )
    ws.forget_owner()
    return Applied(opened, backup, done)


def suggested_name(ws: Workspace, kind: str, today: date, to_name: str = "") -> str:
    """A file name that says who, what, for whom and when: 鯖江市_支援ニーズ_20261130.dxpkg,
    福井県_都道府県からの情報_鯖江市あて_20261130.dxpkg."""
    recipient = f"{to_name}あて_" if to_name else ""
    return f"{get_municipality(ws).name}_{KIND_LABELS[kind]}_{recipient}{today:%Y%m%d}.dxpkg"
