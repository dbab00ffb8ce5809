"""`dxnavi-hub package import|export`: .dxpkg files through the same path as POST /v1/push (DESIGN.md §4, §5).

Import reads the file with desktop.exchange under §5's limits (hashes, signature, the sender writes only what it
owns), asks the hub's trust in the key (package_keys), then merges the changes exactly as a push by a token of the
sender's 団体コード would: the same ownership checks and validation, the same three-way merge under the version
counter lock, the answer kept per (団体コード, "package-<key id>", package_id) so the same package twice changes
nothing, and one audit entry. A package is all or nothing: if the hub would reject any change, nothing is written.

A package is a snapshot of the sender's records. The hub remembers which package of which key last set each
record (its sequence, the version it got and the fields it carried), so a later package of the same key sends
only what changed since (as a device's push would) and an older one is skipped: nothing is rolled back.

Export builds a `catalog` package for one town from the hub's records (what a token of that town reads from its
prefecture: the catalogs and the prefecture's responses on its needs), signed by the hub's own key as the
prefecture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, and_, or_, select

from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused
from desktop.exchange.build import Contents, build_package
from desktop.exchange.manifest import KIND_LABELS, Manifest
from desktop.exchange.package import Package, open_package
from desktop.models import SYNCED_ENTITIES
from desktop.models.errors import ValidationError
from desktop.models.municipal_code import prefecture_of as prefecture_name
from desktop.models.municipal_code import validate as validate_code
from desktop.models.ownership import CATALOG_KINDS, is_prefecture_code, may_write, prefecture_of
from desktop.sync.protocol import Change
from hub import __version__, db, package_keys
from hub.push import Batch, merge_batch, row_to_stored, store_batch, stored_answer
from hub.schema import package_origin, record
from hub.tokens import Caller, town_name

PACKAGE_TOKEN = "package"  # the audit log's token id for a write that came in a file
CHUNK = 1000
# The order of the desktop's preview (desktop.services.package_preview.OUTCOME_LABELS): conflicts first.
OUTCOME_LABELS = {
    "conflict": "競合（ハブの値を保持）",
    "changed": "変更",
    "added": "追加",
    "unchanged": "変更なし",
    "older": "より新しい内容を取込済み",
}


@dataclass(frozen=True)
class Imported:
    """What an import did (or, for a dry run, would do)."""

    manifest: Manifest
    fingerprint: str
    key: str  # trusted | approved (now, by --approve-key) | new (dry run only)
    already_imported: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    conflicts: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (kind, id, fields)

    def describe(self) -> str:
        if self.already_imported:
            return "このパッケージは取込済みです。何も変わりません。"
        return "、".join(f"{label} {self.counts.get(o, 0)}件" for o, label in OUTCOME_LABELS.items())


class _DryRun(Exception):
    def __init__(self, result: Imported):
        super().__init__("dry run")
        self.result = result


def device_id(manifest: Manifest) -> str:
    """The pushing "device" of a package: its signing key (a replay is the same key and package_id)."""
    return f"package-{manifest.key_id}"


def _origins(conn, changes: list[Change]) -> dict[tuple[str, str], object]:
    ids = sorted({c.id for c in changes})
    out = {}
    for start in range(0, len(ids), CHUNK):
        rows = conn.execute(select(package_origin).where(package_origin.c.id.in_(ids[start : start + CHUNK])))
        out.update(((r.kind, r.id), r) for r in rows)
    return out


def _as_pushed(manifest: Manifest, changes: list[Change], origins: dict) -> tuple[list[Change], int]:
    """The changes a device would push: a record the same key sent before merges against what it sent then
    (its fields and the version it got); a record a newer package of that key set is left alone."""
    out, older = [], 0
    for change in changes:
        origin = origins.get((change.kind, change.id))
        if origin is None or origin.key_id != manifest.key_id:
            out.append(change)
            continue
        if origin.sequence >= manifest.sequence:
            older += 1
            continue
        sent = origin.fields
        fields = {k: v for k, v in change.fields.items() if k not in sent or sent[k] != v}
        base = max(change.base_version, origin.version)
        out.append(change.model_copy(update={"fields": fields, "base_version": base}))
    return out, older


def _counts(batch: Batch, older: int) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOME_LABELS, 0)
    for r in batch.results:
        written = batch.written.get((r.kind, r.id))
        if r.outcome == "conflict":
            counts["conflict"] += 1
        elif written is None:
            counts["unchanged"] += 1
        else:
            counts["changed" if written[1] else "added"] += 1
    counts["older"] = older
    return counts


def _note_origins(conn, manifest: Manifest, package: Package, batch: Batch, known: dict) -> None:
    versions = {(r.kind, r.id): r.version for r in batch.results}
    rows = []
    for change in package.changes:
        key = (change.kind, change.id)
        if key not in versions:
            continue  # left alone: a newer package of this key set it
        values = dict(
            key_id=manifest.key_id, sequence=manifest.sequence, version=versions[key], fields=dict(change.fields),
            deleted=change.deleted,
        )  # fmt: skip
        rows.append((change.kind, change.id, values, key in known))
    db.write_by_kind_and_id(conn, package_origin, rows)


def _refuse_rejected(batch: Batch) -> None:
    for r in batch.results:
        if r.outcome == "rejected":
            raise PackageRefused(
                f"記録（{r.kind} {r.id[:8]}）をハブが受け付けません: {r.reason} 取り込みません。"
            )


def _approval_needed(manifest: Manifest, fp: str) -> PackageRefused:
    return PackageRefused(
        f"{manifest.sender_name}（{manifest.sender_code}）の署名鍵はこのハブでまだ承認されていません。"
        f"送信元に確認した指紋が {fp} と一致する場合だけ、--approve-key {fp} を付けて取り込んでください"
        "（ハブの同期で鍵を登録した端末のパッケージは承認なしで取り込めます）。"
    )


def import_package(
    engine: Engine, data: bytes, now: datetime, *, approve_key: str = "", dry_run: bool = False
) -> Imported:
    """Apply a package as its sender's push in one transaction; PackageRefused (nothing written) if it must not."""
    package = open_package(data)
    m = package.manifest
    fp = package.fingerprint
    try:
        approved = keys.normalise_fingerprint(approve_key) if approve_key else ""
    except ValueError as err:
        raise PackageRefused(str(err)) from None
    with engine.connect() as conn:
        conn = conn.execution_options(**db.WRITE)
        try:
            with conn.begin():
                head = db.lock_counter(conn)
                name = town_name(conn, m.sender_code)
                if name is None:
                    raise PackageRefused(
                        f"送信元の団体コード {m.sender_code}（{m.sender_name}）はこのハブに登録されていません。"
                    )
                status = package_keys.trust(conn, m.sender_code, package.public_key)
                if status == "new" and approved and approved != fp:
                    raise PackageRefused(
                        f"承認された指紋が、このパッケージの署名鍵の指紋（{fp}）と一致しません。取り込みません。"
                    )
                key = status if status == "trusted" or not approved else "approved"
                if key == "new" and not dry_run:
                    raise _approval_needed(m, fp)
                if key == "approved" and not dry_run:
                    package_keys.approve(conn, m.sender_code, package.public_key, now)
                if stored_answer(conn, m.sender_code, device_id(m), m.package_id) is not None:
                    return Imported(m, fp, key, already_imported=True)
                origins = _origins(conn, package.changes)
                changes, older = _as_pushed(m, package.changes, origins)
                caller = Caller(token_id=PACKAGE_TOKEN, code=m.sender_code, name=name)
                batch = merge_batch(conn, caller, changes, head, now)
                _refuse_rejected(batch)
                conflicts = tuple(
                    (r.kind, r.id, tuple(r.conflict_fields)) for r in batch.results if r.outcome == "conflict"
                )
                result = Imported(m, fp, key, counts=_counts(batch, older), conflicts=conflicts)
                if dry_run:
                    raise _DryRun(result)  # rolls the transaction back: nothing was written
                detail = f"{KIND_LABELS[m.kind]} #{m.sequence} {m.package_id} 鍵 {m.key_id}"
                store_batch(
                    conn, caller, device_id(m), m.package_id, batch, now, action="package", detail=detail
                )
                _note_origins(conn, m, package, batch, origins)
        except _DryRun as dry:
            return dry.result
    return result


# --- export --------------------------------------------------------------------------------------------------

_ORDER = {cls.kind: i for i, cls in enumerate(SYNCED_ENTITIES)}


def _catalog_changes(conn, code: str, prefecture: str) -> list[Change]:
    """What a token of `code` reads from its prefecture: the catalogs, and the responses on its needs."""
    rows = conn.execute(
        select(record)
        .where(
            or_(
                and_(record.c.owner_code == prefecture, record.c.kind.in_(CATALOG_KINDS)),
                and_(
                    record.c.owner_code == code,
                    record.c.kind == "needs_request",
                    record.c.deleted.is_(False),
                ),
            )
        )
        .order_by(record.c.version)
    ).all()
    changes = []
    for row in rows:
        stored = row_to_stored(row)
        own = {
            k: v for k, v in stored.fields.items() if may_write(prefecture, stored.owner_code, stored.kind, k)
        }
        if not own and not stored.deleted:
            continue  # a need the prefecture has not answered yet
        changes.append(
            Change(
                kind=stored.kind, id=stored.id, owner_code=stored.owner_code, base_version=stored.version,
                deleted=stored.deleted if stored.owner_code == prefecture else False,
                updated_by=stored.updated_by[:100], fields=own,
            )
        )  # fmt: skip
    return sorted(changes, key=lambda c: _ORDER.get(c.kind, len(_ORDER)))


def export_catalog(engine: Engine, code: str, now: datetime) -> tuple[Manifest, bytes, int]:
    """A signed `catalog` package for town `code` from the hub's records (the hub's key, next sequence), and how
    many records it carries."""
    code = validate_code(code)
    if is_prefecture_code(code):
        raise ValidationError(
            "都道府県からの情報は市区町村あてに作成します。市区町村の団体コードを指定してください。"
        )
    prefecture = prefecture_of(code)
    with engine.connect() as conn:
        conn = conn.execution_options(**db.WRITE)
        with conn.begin():
            db.lock_counter(conn)  # one consistent snapshot, and sequences never given twice
            if town_name(conn, code) is None:
                raise ValidationError(
                    f"団体コード「{code}」は登録されていません。先に `dxnavi-hub municipalities import` で登録してください。"
                )
            key, sequence = package_keys.next_signature(conn, now)
            changes = _catalog_changes(conn, code, prefecture)
    contents = Contents("catalog", prefecture, prefecture_name(prefecture), changes, recipient_code=code)
    manifest, data = build_package(
        contents, key, sequence=sequence, created_at=now, app_version=f"dxnavi-hub {__version__}"
    )
    return manifest, data, len(changes)
