"""Package signing keys (DESIGN.md §5): this device's key, and the senders' keys a receiver pins.

Each device signs with its own Ed25519 key, made on first use (desktop.exchange.keys). A receiver pins keys per
(団体コード, key id): a pinned key is accepted; a key id pinned here with a different public key is refused as
forged; a new key needs the officer's approval by its fingerprint (require_approval), unless the hub vouched for
it (register_hub_key: registered with a valid token).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused
from desktop.exchange.manifest import Manifest
from desktop.models import PinnedKey
from desktop.models.errors import DomainError
from desktop.services.workspace import Workspace
from desktop.store.paths import key_dir


def device_key(ws: Workspace) -> keys.DeviceKey:
    """This data dir's signing key (made on first use)."""
    return keys.device_key(key_dir(ws.store.data_dir))


def device_fingerprint(ws: Workspace) -> str:
    """The fingerprint of this device's key, in groups of four (settings, the 支援ニーズ調書)."""
    return keys.grouped(device_key(ws).fingerprint)


def pinned_keys(ws: Workspace) -> list[PinnedKey]:
    with ws.store.read() as s:
        return list(s.scalars(select(PinnedKey).order_by(PinnedKey.owner_code, PinnedKey.pinned_at)))


def new_pin(owner_code: str, public_key: bytes, sender_name: str, source: str, now: datetime) -> PinnedKey:
    """A pin of `public_key` for `owner_code`; `source` says who trusted it ("approved" here, or "hub")."""
    return PinnedKey(
        owner_code=owner_code,
        key_id=keys.key_id(public_key),
        public_key=keys.encode_public(public_key),
        fingerprint=keys.fingerprint(public_key),
        sender_name=sender_name,
        source=source,
        pinned_at=now,
    )


def register_hub_key(ws: Workspace, owner_code: str, public_key: bytes, sender_name: str = "") -> PinnedKey:
    """Trust a key the hub vouched for (registered with a valid token): pinned without asking."""
    kid = keys.key_id(public_key)
    with ws.store.write() as s:
        pin = s.get(PinnedKey, (owner_code, kid))
        if pin is not None and keys.decode_public(pin.public_key) != public_key:
            raise DomainError(f"団体コード {owner_code} の鍵ID {kid} には別の公開鍵が登録されています。")
        if pin is None:
            pin = new_pin(owner_code, public_key, sender_name, "hub", ws.now())
            s.add(pin)
    return pin


def key_status(s: Session, manifest: Manifest, public_key: bytes) -> tuple[str, str]:
    """("pinned", the name it was pinned under) or ("new", ""); PackageRefused for a forged key."""
    pin = s.get(PinnedKey, (manifest.sender_code, manifest.key_id))
    if pin is None:
        return "new", ""
    if keys.decode_public(pin.public_key) != public_key:
        raise PackageRefused(
            f"{manifest.sender_name}（{manifest.sender_code}）の鍵ID {manifest.key_id} には別の公開鍵が登録済みです。"
            "鍵が差し替えられた偽のパッケージの可能性があるため取り込みません。"
        )
    return "pinned", pin.sender_name


def require_approval(manifest: Manifest, fingerprint: str, approve_key: str, where_to_check: str) -> None:
    """A new key goes in only when `approve_key` is its fingerprint; else PackageRefused saying how to approve it
    and where the fingerprint to compare with is found (`where_to_check`)."""
    try:
        approved = keys.normalise_fingerprint(approve_key) if approve_key else ""
    except ValueError as err:
        raise PackageRefused(str(err)) from None
    if approved == fingerprint:
        return
    if approved:
        raise PackageRefused(
            f"承認された指紋が、このパッケージの署名鍵の指紋（{fingerprint}）と一致しません。取り込みません。"
        )
    raise PackageRefused(
        f"{manifest.sender_name}（{manifest.sender_code}）の署名鍵はまだ承認されていません。"
        f"{where_to_check}が {fingerprint} と一致する場合だけ、承認して取り込んでください"
        f"（コマンドでは --approve-key {fingerprint}）。"
    )
