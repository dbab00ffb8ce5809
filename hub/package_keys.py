"""Package signing keys at the hub (DESIGN.md §5, keys): the towns' keys it trusts and its own key.

A town's key is trusted per (団体コード, key id) when a device registered it with a valid token of that 団体コード
(POST /v1/keys; trusted only while that token stays valid) or when an administrator approved its fingerprint
(`dxnavi-hub package import --approve-key`). The public key is always compared whole, so a forged key id gains
nothing. The hub's own Ed25519 key is made on first use and signs the catalog packages it exports.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, insert, select, update

from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused
from desktop.models.municipal_code import prefecture_of as prefecture_name
from desktop.models.ownership import is_prefecture_code, prefecture_of
from desktop.sync.protocol import PackageKey, PackageKeys
from hub import db
from hub.schema import audit, package_key, signing_key, token
from hub.tokens import Caller

Trust = Literal["trusted", "new"]


def _pin(conn, code: str, key_id: str):
    return conn.execute(
        select(package_key, token.c.revoked_at)
        .select_from(package_key.outerjoin(token, token.c.id == package_key.c.token_id))
        .where(package_key.c.code == code, package_key.c.key_id == key_id)
    ).first()


def _different_key(code: str, key_id: str) -> PackageRefused:
    return PackageRefused(
        f"団体コード {code} の鍵ID {key_id} には、このハブで別の公開鍵が登録されています。"
        "鍵が差し替えられた偽のパッケージの可能性があるため取り込みません。"
    )


def trust(conn, code: str, public_key: bytes) -> Trust:
    """Whether the hub trusts `public_key` for `code`; PackageRefused when another key holds its id."""
    kid = keys.key_id(public_key)
    pin = _pin(conn, code, kid)
    if pin is None:
        return "new"
    if keys.decode_public(pin.public_key) != public_key:
        raise _different_key(code, kid)
    if pin.source == "token" and pin.revoked_at is not None:
        return "new"  # the token that vouched for it was revoked: approve again or register with a valid one
    return "trusted"


def _put(conn, code: str, public_key: bytes, source: str, token_id: str, now: datetime) -> None:
    kid = keys.key_id(public_key)
    values = dict(
        public_key=keys.encode_public(public_key), fingerprint=keys.fingerprint(public_key), source=source,
        token_id=token_id, created_at=now,
    )  # fmt: skip
    pin = _pin(conn, code, kid)
    if pin is None:
        conn.execute(insert(package_key).values(code=code, key_id=kid, **values))
    elif keys.decode_public(pin.public_key) != public_key:
        raise _different_key(code, kid)
    else:
        conn.execute(
            update(package_key)
            .where(package_key.c.code == code, package_key.c.key_id == kid)
            .values(**values)
        )


def approve(conn, code: str, public_key: bytes, now: datetime) -> None:
    """Pin a key an administrator approved by its fingerprint (in the caller's transaction)."""
    _put(conn, code, public_key, "approved", "", now)


def _wire(code: str, name: str, public_key: bytes) -> PackageKey:
    return PackageKey(
        code=code, name=name, key_id=keys.key_id(public_key), fingerprint=keys.fingerprint(public_key),
        public_key=keys.encode_public(public_key),
    )  # fmt: skip


def register(engine: Engine, caller: Caller, public_key: bytes, now: datetime) -> PackageKey:
    """Pin a key a device registered with a valid token of its own 団体コード (trusted while that token is valid);
    PackageRefused when another key holds its id. An administrator's approval of the same key stays as it is."""
    with engine.connect() as conn, conn.begin():
        pin = _pin(conn, caller.code, keys.key_id(public_key))
        if pin is None or pin.source == "token":
            _put(conn, caller.code, public_key, "token", caller.token_id, now)
        elif keys.decode_public(pin.public_key) != public_key:
            raise _different_key(caller.code, keys.key_id(public_key))
        if pin is None or pin.token_id != caller.token_id:
            conn.execute(
                insert(audit).values(
                    at=now, code=caller.code, token_id=caller.token_id, device_id="", batch_id="",
                    action="key_register", records=[], detail=keys.fingerprint(public_key),
                )
            )  # fmt: skip
    return _wire(caller.code, caller.name, public_key)


def listing(engine: Engine, caller: Caller, now: datetime) -> PackageKeys:
    """GET /v1/keys: the hub's own key (as the caller's prefecture) and the keys registered for the caller."""
    prefecture = caller.code if is_prefecture_code(caller.code) else prefecture_of(caller.code)
    hub = _wire(prefecture, prefecture_name(prefecture), hub_key(engine, now).public_key)
    with engine.connect() as conn:
        rows = conn.execute(
            select(package_key.c.public_key)
            .where(package_key.c.code == caller.code)
            .order_by(package_key.c.created_at)
        ).all()
    return PackageKeys(
        hub=hub, keys=[_wire(caller.code, caller.name, keys.decode_public(r.public_key)) for r in rows]
    )


# --- the hub's own key ---------------------------------------------------------------------------------------


def _load(pem: str) -> keys.DeviceKey:
    private = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(private, Ed25519PrivateKey):
        raise keys.DeviceKeyError("ハブの署名鍵が Ed25519 の鍵ではありません。")
    return keys.DeviceKey(private)


def _make(conn, now: datetime) -> keys.DeviceKey:
    """The hub's key, made in this (writing, counter-locked) transaction when there is none yet."""
    row = conn.execute(select(signing_key.c.private_pem).where(signing_key.c.id == 1)).first()
    if row is not None:
        return _load(row.private_pem)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    conn.execute(insert(signing_key).values(id=1, private_pem=pem, sequence=0, created_at=now))
    return keys.DeviceKey(private)


def hub_key(engine: Engine, now: datetime) -> keys.DeviceKey:
    """The hub's own signing key (made on first use; every worker and the CLI share it)."""
    with engine.connect() as conn:
        with conn.begin():
            row = conn.execute(select(signing_key.c.private_pem).where(signing_key.c.id == 1)).first()
        if row is not None:
            return _load(row.private_pem)
        conn = conn.execution_options(**db.WRITE)
        with conn.begin():
            db.lock_counter(conn)  # two processes making the key at once: the second finds the first's
            return _make(conn, now)


def next_signature(conn, now: datetime) -> tuple[keys.DeviceKey, int]:
    """The hub's key and the next sequence number of its packages (in a writing, counter-locked transaction)."""
    key = _make(conn, now)
    sequence = conn.execute(select(signing_key.c.sequence).where(signing_key.c.id == 1)).scalar_one() + 1
    conn.execute(update(signing_key).where(signing_key.c.id == 1).values(sequence=sequence))
    return key, sequence
