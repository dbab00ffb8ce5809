"""Bearer tokens: `<id>.<secret>`, shown once; the hub keeps only the SHA-256 of the secret.

The id is public (token list, the audit log); the secret is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, insert, select, update

from desktop.models.errors import ValidationError
from desktop.models.municipal_code import prefecture_of as prefecture_name
from desktop.models.municipal_code import validate as validate_code
from desktop.models.ownership import is_prefecture_code
from hub.schema import audit, municipality, token


@dataclass(frozen=True)
class Caller:
    """Whom a valid token speaks for."""

    token_id: str
    code: str
    name: str

    @property
    def scope(self) -> str:
        return "prefecture" if is_prefecture_code(self.code) else "municipality"


@dataclass(frozen=True)
class TokenInfo:
    id: str
    code: str
    label: str
    created_at: datetime
    revoked_at: datetime | None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def town_name(conn, code: str) -> str | None:
    """The registered name of `code`; a prefecture is always known by its code."""
    if is_prefecture_code(code):
        return prefecture_name(code)
    return conn.execute(select(municipality.c.name).where(municipality.c.code == code)).scalar()


def issue(engine: Engine, code: str, label: str, now: datetime) -> str:
    """Issue a token for `code` (a registered town or a prefecture) and return it; only its hash is kept."""
    code = validate_code(code)
    label = label.strip()
    if len(label) > 200:
        raise ValidationError("ラベルは200文字以内で入力してください。")
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    with engine.connect() as conn, conn.begin():
        if town_name(conn, code) is None:
            raise ValidationError(
                f"団体コード「{code}」は登録されていません。先に `dxnavi-hub municipalities import` で登録してください。"
            )
        conn.execute(
            insert(token).values(
                id=token_id, code=code, label=label, secret_hash=_hash(secret), created_at=now
            )
        )
        conn.execute(
            insert(audit).values(
                at=now, code=code, token_id=token_id, device_id="", batch_id="", action="token_issue",
                records=[], detail=label,
            )
        )  # fmt: skip
    return f"{token_id}.{secret}"


def list_tokens(engine: Engine) -> list[TokenInfo]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(token.c.id, token.c.code, token.c.label, token.c.created_at, token.c.revoked_at).order_by(
                token.c.code, token.c.created_at
            )
        ).all()
    return [TokenInfo(*row) for row in rows]


def revoke(engine: Engine, token_id: str, now: datetime) -> None:
    """Revoke a token by its public id; its next request gets 401."""
    with engine.connect() as conn, conn.begin():
        row = conn.execute(select(token.c.code, token.c.revoked_at).where(token.c.id == token_id)).first()
        if row is None:
            raise ValidationError(
                f"トークン「{token_id}」は見つかりません（`dxnavi-hub token list` で確認できます）。"
            )
        if row.revoked_at is None:
            conn.execute(update(token).where(token.c.id == token_id).values(revoked_at=now))
            conn.execute(
                insert(audit).values(
                    at=now, code=row.code, token_id=token_id, device_id="", batch_id="", action="token_revoke",
                    records=[], detail="",
                )
            )  # fmt: skip


def authenticate(engine: Engine, presented: str) -> Caller | None:
    """The caller a presented token speaks for, or None for a malformed, unknown or revoked token."""
    token_id, dot, secret = presented.partition(".")
    if not dot or not token_id or not secret or len(token_id) > 16 or len(secret) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(token.c.code, token.c.secret_hash, token.c.revoked_at).where(token.c.id == token_id)
        ).first()
        if row is None:
            hmac.compare_digest(_hash(secret), _hash(""))  # same work for unknown ids
            return None
        if not hmac.compare_digest(_hash(secret), row.secret_hash) or row.revoked_at is not None:
            return None
        return Caller(token_id=token_id, code=row.code, name=town_name(conn, row.code) or "")
