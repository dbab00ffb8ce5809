"""Opening a .dxpkg: limits, hashes, signature and schema checked before anything else looks at it.

:func:`open_package` answers a :class:`Package` only when the file is whole and consistent: every entry listed in
the manifest with its exact size and SHA-256 and nothing else, a valid Ed25519 signature by the key the manifest
names, a payload in the change format whose every change the sender may write (desktop.models.ownership) and whose
values pass the same rules as the forms. Whether the key itself is trusted is the receiver's decision (pins).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError as SchemaError

from desktop.exchange import keys
from desktop.exchange.archive import (
    Entries,
    PackageRefused,
    check_document,
    check_summary,
    read_entries,
    read_json,
)
from desktop.exchange.manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PAYLOAD,
    PAYLOAD_FORMAT,
    PAYLOAD_VERSION,
    SUMMARY,
    Manifest,
    Payload,
)
from desktop.models import ENTITY_BY_KIND
from desktop.models.base import Synced
from desktop.models.errors import ValidationError
from desktop.models.ownership import CATALOG_KINDS, may_write
from desktop.models.rules import clean
from desktop.sync.protocol import Change, FieldValue
from desktop.sync.wire import decode_json


def column_values(cls: type[Synced], fields: dict[str, FieldValue]) -> dict[str, Any]:
    """A package's fields → column values under the forms' rules (ValidationError, Japanese, if any is bad)."""
    return clean(cls, decode_json(cls, dict(fields)))


@dataclass(frozen=True)
class Package:
    """A package that passed every check except the receiver's trust in its key."""

    manifest: Manifest
    changes: list[Change]
    documents: dict[str, bytes]
    summary: bytes | None
    values: list[dict[str, Any]]  # each change's fields as checked column values, in the same order

    @property
    def public_key(self) -> bytes:
        return keys.decode_public(self.manifest.public_key)

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.public_key)


def _schema_reason(err: SchemaError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    message = str(first.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {message}"[:200]


def _manifest(entries: Entries) -> Manifest:
    if MANIFEST not in entries.files:
        raise PackageRefused("manifest.json がありません。自治体DXナビのパッケージではありません。")
    raw = read_json(MANIFEST, entries.files[MANIFEST])
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PackageRefused("manifest.json の形式名が違います。自治体DXナビのパッケージではありません。")
    version = raw.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise PackageRefused(
            f"このパッケージは新しい形式（第{version}版）です。自治体DXナビを更新してから取り込んでください"
            f"（この版が読めるのは第{FORMAT_VERSION}版までです）。"
        )
    try:
        manifest = Manifest.model_validate(raw)
    except SchemaError as err:
        raise PackageRefused(f"manifest.json の内容が正しくありません（{_schema_reason(err)}）。") from None
    if manifest.format_version != FORMAT_VERSION:
        raise PackageRefused(f"manifest.json の形式の版（{manifest.format_version}）に対応していません。")
    return manifest


def _check_files(manifest: Manifest, entries: Entries) -> None:
    listed = {f.name: f for f in manifest.files}
    if len(listed) != len(manifest.files):
        raise PackageRefused("manifest.json に同じファイルが重複して記載されています。")
    present = set(entries.files) - {MANIFEST}
    if PAYLOAD not in listed:
        raise PackageRefused("manifest.json に payload.json の記載がありません。")
    missing, extra = set(listed) - present, present - set(listed)
    if missing:
        raise PackageRefused(f"パッケージに「{sorted(missing)[0]}」がありません（途中で欠けています）。")
    if extra:
        raise PackageRefused(f"manifest.json に記載のないファイル「{sorted(extra)[0]}」があります。")
    for name, entry in listed.items():
        body = entries.files[name]
        if len(body) != entry.size or hashlib.sha256(body).hexdigest() != entry.sha256:
            raise PackageRefused(
                f"「{name}」の内容が署名時と違います。途中で書き換えられた可能性があります。"
            )


def _check_signature(manifest: Manifest) -> None:
    try:
        public = keys.decode_public(manifest.public_key)
        signature = base64.b64decode(manifest.signature.encode("ascii"), validate=True)
    except ValueError:
        raise PackageRefused("manifest.json の公開鍵または署名の形式が正しくありません。") from None
    if keys.key_id(public) != manifest.key_id:
        raise PackageRefused("manifest.json の鍵ID が公開鍵と一致しません。偽造された可能性があります。")
    if not keys.verify(public, signature, manifest.signed_bytes()):
        raise PackageRefused("署名が正しくありません。パッケージが改ざんされたか、署名が偽造されています。")


@cache
def _writable(sender: str, owner: str, kind: str) -> frozenset[str]:
    """The fields (and "deleted") of a kind that `sender` may write on `owner`'s records, asked once per package."""
    cls = ENTITY_BY_KIND[kind]
    names = [c.key for c in cls.__table__.columns] + ["deleted"]  # type: ignore[attr-defined]
    return frozenset(name for name in names if may_write(sender, owner, kind, name))


def _check_change(manifest: Manifest, change: Change) -> dict[str, Any]:
    """The sender may write every field it sends, of a record of a kind this version knows, with good values."""
    cls = ENTITY_BY_KIND.get(change.kind)
    if cls is None:
        raise PackageRefused(f"この版では扱えない種類の記録（{change.kind}）が含まれています。")
    sender = manifest.sender_code
    allowed_owners = {sender, manifest.recipient_code} if manifest.kind == "catalog" else {sender}
    if change.owner_code not in allowed_owners or (
        manifest.kind != "catalog" and change.kind in CATALOG_KINDS
    ):
        raise PackageRefused(
            f"送信元（{sender}）以外の団体（{change.owner_code}）の記録が含まれています。取り込みません。"
        )
    writable = _writable(sender, change.owner_code, change.kind)
    if not (change.fields.keys() <= writable and (not change.deleted or "deleted" in writable)):
        for name in [*change.fields, *(["deleted"] if change.deleted else [])]:
            if name not in writable and not may_write(sender, change.owner_code, change.kind, name):
                raise PackageRefused(
                    f"送信元（{sender}）が書き込めない項目（{change.kind}.{name}）が含まれています。取り込みません。"
                )
    try:
        return column_values(cls, change.fields)
    except ValidationError as err:
        raise PackageRefused(f"記録（{change.kind} {change.id[:8]}）の値が正しくありません: {err}") from None


def _payload(manifest: Manifest, entries: Entries) -> tuple[list[Change], list[dict[str, Any]]]:
    raw = read_json(PAYLOAD, entries.files[PAYLOAD])
    if not isinstance(raw, dict) or raw.get("format") != PAYLOAD_FORMAT:
        raise PackageRefused("payload.json の形式名が違います。")
    if isinstance(raw.get("version"), int) and raw["version"] > PAYLOAD_VERSION:
        raise PackageRefused("payload.json が新しい形式です。自治体DXナビを更新してから取り込んでください。")
    try:
        payload = Payload.model_validate(raw)
    except SchemaError as err:
        raise PackageRefused(f"payload.json の内容が正しくありません（{_schema_reason(err)}）。") from None
    seen: set[tuple[str, str]] = set()
    values = []
    for change in payload.changes:
        if (change.kind, change.id) in seen:
            raise PackageRefused(f"同じ記録（{change.kind} {change.id[:8]}）が重複しています。")
        seen.add((change.kind, change.id))
        values.append(_check_change(manifest, change))
    return payload.changes, values


def open_package(data: bytes) -> Package:
    """Read and check a package held in memory; PackageRefused (Japanese reason) if anything is wrong."""
    entries = read_entries(data)
    manifest = _manifest(entries)
    _check_signature(manifest)
    _check_files(manifest, entries)
    if manifest.kind == "catalog" and not manifest.recipient_code:
        raise PackageRefused("都道府県からのパッケージに宛先の団体コードがありません。")
    documents = {name: entries.files[name] for name in entries.documents}
    for name, body in documents.items():
        check_document(name, body)
    summary = entries.files.get(SUMMARY)
    if summary is not None:
        check_summary(summary)
    changes, values = _payload(manifest, entries)
    return Package(manifest, changes, documents, summary, values)
