"""The hub's HTTP API (FastAPI): authentication, limits and errors around reads and push.

Every error answer is an ErrorBody with a Japanese message. Tokens are read from the Authorization header only
and never logged (uvicorn's access log has the path and query, never headers).
"""

import json
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from pydantic import ValidationError as SchemaError
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop.exchange import keys
from desktop.exchange.archive import PackageRefused
from desktop.sync.protocol import (
    CHANGES,
    DEFAULT_PAGE_LIMIT,
    DIGEST,
    KEYS,
    MAX_BODY_BYTES,
    MAX_PAGE_LIMIT,
    MAX_PUSH_CHANGES,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PUSH,
    REGISTER_KEY,
    STATUS,
    Endpoint,
    ErrorBody,
    KeyRegistration,
    PushRequest,
)
from hub import db, package_keys, push, reads, tokens
from hub.tokens import Caller

log = logging.getLogger("dxnavi.hub")
M = TypeVar("M", bound=BaseModel)
DB_ENV = "DXNAVI_HUB_DB"
RETRY_AFTER_SECONDS = 2


class HubError(Exception):
    """An error answer: HTTP status, stable code, Japanese message."""

    def __init__(self, status: int, error: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.error, self.message, self.headers = status, error, message, headers or {}


def _error(status: int, error: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=error, message=message).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def _schema_message(exc: SchemaError | RequestValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query"))
    reason = str(first.get("ctx", {}).get("error", "")) if first.get("type") == "value_error" else ""
    return f"送信内容の形式が正しくありません（{where or '全体'}）。{reason}".rstrip()


def create_app(engine: Engine, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> FastAPI:
    """The API over `engine` (schema already at head); `clock` stamps updated_at and the audit log."""
    app = FastAPI(title="dxnavi-hub", docs_url=None, redoc_url=None, openapi_url=None)
    digests = reads.DigestCache()

    @app.exception_handler(HubError)
    async def hub_error(_request: Request, exc: HubError):
        return _error(exc.status, exc.error, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError):
        return _error(422, "invalid", _schema_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _error(404, "not_found", "このアドレスはハブにありません。ハブのURLを確認してください。")
        if exc.status_code == 405:
            return _error(405, "method_not_allowed", "このアドレスはこの方法では呼び出せません。")
        return _error(exc.status_code, "http_error", "要求を処理できませんでした。")

    @app.exception_handler(OperationalError)
    async def busy(_request: Request, exc: OperationalError):
        log.warning("database busy or unavailable: %s", type(exc.orig).__name__)
        return _error(
            503, "busy", "ハブが混み合っています。しばらくしてから自動的に再送します。",
            {"Retry-After": str(RETRY_AFTER_SECONDS)},
        )  # fmt: skip

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(
            500, "internal", "ハブで予期しないエラーが発生しました。ハブの管理者に連絡してください。"
        )

    def caller(request: Request) -> Caller:
        protocol = request.headers.get(PROTOCOL_HEADER, "")
        if protocol != str(PROTOCOL_VERSION):
            raise HubError(
                400, "protocol_version",
                f"このハブは同期プロトコルの版 {PROTOCOL_VERSION} に対応しています（送られた版: {protocol[:10] or 'なし'}）。"
                "アプリまたはハブを同じ版に更新してください。",
            )  # fmt: skip
        scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
        found = tokens.authenticate(engine, presented.strip()) if scheme.lower() == "bearer" else None
        if found is None:
            raise HubError(
                401, "unauthorized",
                "トークンが正しくないか、無効になっています。都道府県から発行されたトークンを入力し直してください。",
                {"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        return found

    def serves(endpoint: Endpoint, **options):
        """The route of one call of the protocol: its method and path come from the shared contract."""
        return app.api_route(endpoint.path, methods=[endpoint.method], **options)

    @serves(STATUS, response_model=STATUS.answer)
    def get_status(who: Annotated[Caller, Depends(caller)]):
        return reads.status(engine, who)

    @serves(CHANGES, response_class=Response)
    def get_changes(
        who: Annotated[Caller, Depends(caller)],
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT)] = DEFAULT_PAGE_LIMIT,
    ):
        # A ChangesPage written by reads.changes: no model is built, validated and dumped again per record.
        return Response(reads.changes(engine, who, since, limit), media_type="application/json")

    @serves(DIGEST, response_model=DIGEST.answer)
    def get_digest(
        who: Annotated[Caller, Depends(caller)], at: Annotated[int | None, Query(ge=0, le=2**62)] = None
    ):
        return reads.digest(engine, who, digests, at)

    @serves(PUSH, response_model=PUSH.answer)
    async def post_push(request: Request, who: Annotated[Caller, Depends(caller)]):
        req = _push_request(await _body(request))
        return await run_in_threadpool(push.push, engine, who, req, clock())

    @serves(KEYS, response_model=KEYS.answer)
    def get_keys(who: Annotated[Caller, Depends(caller)]):
        return package_keys.listing(engine, who, clock())

    @serves(REGISTER_KEY, response_model=REGISTER_KEY.answer)
    async def post_key(request: Request, who: Annotated[Caller, Depends(caller)]):
        registration = _validated(_json(await _body(request)), KeyRegistration)
        if registration.code != who.code:
            raise HubError(
                403, "forbidden",
                f"このトークンは団体コード {who.code} のものです。他の団体（{registration.code}）の鍵は登録できません。",
            )  # fmt: skip
        try:
            public_key = keys.decode_public(registration.public_key)
        except ValueError:
            raise HubError(
                422, "invalid", "公開鍵の形式が正しくありません（Ed25519 の公開鍵32バイトの base64）。"
            ) from None
        try:
            return await run_in_threadpool(package_keys.register, engine, who, public_key, clock())
        except PackageRefused as exc:
            raise HubError(409, "key_conflict", str(exc)) from None

    return app


async def _body(request: Request) -> bytes:
    too_large = HubError(
        413,
        "too_large",
        f"送信内容が大きすぎます（{MAX_BODY_BYTES // (1024 * 1024)}MBまで）。分けて送ってください。",
    )
    declared = request.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise too_large
    return bytes(body)


def _json(body: bytes):
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise HubError(400, "invalid", "送信内容をJSONとして読み取れません。") from None


def _validated(data, model: type[M]) -> M:
    try:
        return model.model_validate(data)
    except SchemaError as exc:
        raise HubError(422, "invalid", _schema_message(exc)) from None


def _push_request(body: bytes) -> PushRequest:
    data = _json(body)
    if (
        isinstance(data, dict)
        and isinstance(data.get("changes"), list)
        and len(data["changes"]) > MAX_PUSH_CHANGES
    ):
        raise HubError(
            413,
            "too_large",
            f"一度に送れる変更は{MAX_PUSH_CHANGES}件までです（{len(data['changes'])}件）。分けて送ってください。",
        )
    return _validated(data, PushRequest)


def app_from_environment() -> FastAPI:
    """The factory uvicorn's worker processes call (`dxnavi-hub serve` sets the database URL)."""
    return create_app(db.make_engine(os.environ[DB_ENV]))
