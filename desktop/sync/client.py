"""The HTTP client of the hub (DESIGN.md §4, transport): TLS verified, retries, Retry-After, cancel.

Every request carries the token and the protocol header. A dropped connection, a response cut mid-body, a
timeout or a 5xx is retried with backoff (honouring Retry-After); replaying a push is safe because the hub
answers a known (device_id, batch_id) from its store. A 401 is TokenRefusedError, never retried.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel
from pydantic import ValidationError as SchemaError

from desktop.models.errors import ValidationError
from desktop.models.progress import NO_PROGRESS, Progress
from desktop.sync.errors import HubUnreachableError, SyncError, TokenRefusedError
from desktop.sync.protocol import (
    CHANGES,
    DIGEST,
    KEYS,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PUSH,
    REGISTER_KEY,
    STATUS,
    ChangesPage,
    Digest,
    Endpoint,
    ErrorBody,
    HubStatus,
    KeyRegistration,
    PackageKey,
    PackageKeys,
    PushRequest,
    PushResponse,
)

M = TypeVar("M", bound=BaseModel)


ATTEMPTS = 6
CONNECT_ATTEMPTS = 2
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 30.0
RETRY_AFTER_MAX = 120.0
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRYABLE_STATUS = {429, 500, 502, 503, 504}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allowed_http_hosts: frozenset[str] = frozenset()) -> str:
    """Validate a hub URL; returns a warning to show (plain http to an allowed address) or "".

    https is required, except to this PC itself, or to an LGWAN-internal address an administrator allowed.
    """
    parts = urlsplit((url or "").strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationError("ハブのURLは https://（ホスト名）/ の形で入力してください。", "hub_url")
    if parts.scheme == "https" or _is_loopback(host):
        return ""
    if host in allowed_http_hosts:
        return (
            f"ハブ（{host}）との通信は暗号化されていません（http）。"
            "管理者が許可したLGWAN内のアドレスに限って使用してください。"
        )
    raise ValidationError(
        "暗号化されていない http のハブには接続できません。https のURLを入力するか、"
        "LGWAN内のアドレスとして管理者が許可してください。",
        "hub_url",
    )


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the hub asked us to wait (Retry-After as seconds or an HTTP date), capped."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        date_header = response.headers.get("Date")
        now = parsedate_to_datetime(date_header) if date_header else None
        if now is None:
            return None
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), RETRY_AFTER_MAX)


def _message(response: httpx.Response) -> str:
    try:
        return ErrorBody.model_validate_json(response.content).message
    except SchemaError:
        return f"ハブがエラーを返しました（HTTP {response.status_code}）。"


class HubClient:
    """One connection to one hub for one token. `wait` sleeps (tests pass one that does not)."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        ca_bundle: str = "",
        allowed_http_hosts: frozenset[str] = frozenset(),
        transport: httpx.BaseTransport | None = None,
        wait: Callable[[float], None] | None = None,
        progress: Progress = NO_PROGRESS,
    ):
        self.warning = check_url(url, allowed_http_hosts)
        self.progress = progress
        self._wait = wait or self._sleep
        self.retries = 0  # how many requests had to be repeated (shown as a stalled upload)
        self._http = httpx.Client(
            base_url=url.strip().rstrip("/"),
            headers={"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
            # Plain http (loopback, an allowed LGWAN address) needs no TLS context: building one costs ~40 ms.
            verify=(ca_bundle or True) if url.strip().lower().startswith("https") else False,
            timeout=TIMEOUT,
            transport=transport,
            trust_env=False,  # LGWAN PCs must not route the hub through a proxy set for something else
        )

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.progress.check()
            time.sleep(min(left, 0.1))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the endpoints ------------------------------------------------------------------------------------
    def status(self) -> HubStatus:
        return self._call(STATUS)

    def changes(self, since: int, limit: int) -> ChangesPage:
        return self._call(CHANGES, params={"since": since, "limit": limit})

    def push(self, request: PushRequest) -> PushResponse:
        return self._call(PUSH, content=request.model_dump_json())

    def digest(self, at: int | None = None) -> Digest:
        return self._call(DIGEST, params={} if at is None else {"at": at})

    def register_key(self, registration: KeyRegistration) -> PackageKey:
        return self._call(REGISTER_KEY, content=registration.model_dump_json())

    def keys(self) -> PackageKeys:
        return self._call(KEYS)

    # -- one request, retried ------------------------------------------------------------------------------
    def _call(self, endpoint: Endpoint[M], **kwargs) -> M:
        if "content" in kwargs:
            kwargs["headers"] = {"Content-Type": "application/json"}
        delay = BACKOFF_FIRST
        last = ""
        for attempt in range(ATTEMPTS):
            self.progress.check()
            if attempt:
                self.retries += 1
                # The watchdog made visible: a request that stalled or failed is being tried again.
                self.progress.report(0, 0, f"{last}。再試行しています（{attempt}回目）")
            try:
                response = self._http.request(endpoint.method, endpoint.path, **kwargs)
            except httpx.TimeoutException:
                last = "応答がありません（タイムアウト）"
            except httpx.ConnectError:
                # Nobody listens (hub down, no route): the timer tries again later; one quick retry is enough.
                last = "接続を受け付けていません"
                if attempt >= CONNECT_ATTEMPTS - 1:
                    break
            except httpx.TransportError as err:
                last = f"通信が途切れました（{type(err).__name__}）"
            else:
                if response.status_code == 401:
                    raise TokenRefusedError(
                        "ハブがトークンを受け付けませんでした。保存していたトークンを削除しました。"
                        "都道府県から発行されたトークンを入力し直してください。"
                    )
                if response.status_code in RETRYABLE_STATUS:
                    last = _message(response)
                    pause = retry_after(response)
                    if attempt + 1 < ATTEMPTS:
                        self._wait(pause if pause is not None else delay)
                        delay = min(delay * 2, BACKOFF_MAX)
                        continue
                    raise SyncError(f"ハブが応答できない状態です: {last}")
                if response.status_code >= 400:
                    raise SyncError(_message(response))
                try:
                    return endpoint.answer.model_validate_json(response.content)
                except (
                    ValueError
                ):  # a body cut short by a dropped connection or a proxy (pydantic's errors too)
                    last = "応答が途中で切れました"
            if attempt + 1 < ATTEMPTS:
                self._wait(delay)
                delay = min(delay * 2, BACKOFF_MAX)
        raise HubUnreachableError(
            f"ハブに接続できませんでした（{last}）。ネットワークの状態を確認してください。"
        )
