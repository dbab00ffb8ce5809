"""A transport between the client and the live hub that misbehaves on cue, like a bad LGWAN link or proxy.

Each request takes the next fault from a schedule (then none): the hub may or may not have seen the request
when the client hears nothing, a response may be cut mid-body, duplicated, or replaced by a 500/503 with
Retry-After. Nothing waits: a "delay" is a read timeout after the hub has already done the work.
"""

from __future__ import annotations

from collections import deque

import httpx

FAULTS = ("drop_before", "drop_after", "cut", "delay", "busy", "error", "replay")


class FaultyTransport(httpx.BaseTransport):
    def __init__(self, faults=()):
        self.inner = httpx.HTTPTransport()
        self.faults: deque[str | None] = deque(faults)
        self.seen: list[tuple[str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.faults.popleft() if self.faults else None
        self.seen.append((request.url.path, fault))
        if fault == "drop_before":
            raise httpx.ConnectError("connection reset before the request arrived", request=request)
        if fault == "busy":
            return httpx.Response(
                503, headers={"Retry-After": "7"}, json={"error": "busy", "message": "混雑"}
            )
        if fault == "error":
            return httpx.Response(500, json={"error": "internal", "message": "内部エラー"})
        response = self._forward(request)
        if fault == "replay":
            response = self._forward(request)
        if fault == "drop_after":
            raise httpx.ReadError("connection reset after the hub answered", request=request)
        if fault == "delay":
            raise httpx.ReadTimeout("the answer came too late", request=request)
        if fault == "cut":
            return httpx.Response(response.status_code, headers={"Content-Type": "application/json"},
                                  content=response.content[: max(1, len(response.content) // 2)])  # fmt: skip
        return response

    def _forward(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        body = response.read()
        response.close()
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    def close(self) -> None:
        self.inner.close()
